"""A code's key is shown beside its name only where it says more than the name (trial12 #15): the keys a ``.qdc``
import derives from names (``Barang_disita`` for *Barang disita*) were printed beside every name in the report's
tables and headings (``Barang\\_disita`` in Markdown) and on the analysis and agreement pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import makna
from makna.codebook import key_from_name, key_tells
from makna.report import write_report


def test_key_tells() -> None:
    assert key_from_name("Barang disita") == "Barang_disita"
    assert not key_tells("Barang_disita", "Barang disita")
    assert not key_tells("utang", "Utang")
    assert key_tells("exp.neg", "Ditipu")


def test_the_report_leaves_out_keys_that_repeat_names(project: Any, tmp_path: Path) -> None:
    makna.import_text(project, "informan-01.txt", "P: Lalu?\nI: Barang saya disita petugas.\nP: Utang?\nI: Ada.\n",
                      language="id")
    makna.add_code(project, "Razia", "Razia")
    makna.add_code(project, "Barang_disita", "Barang disita", parent="Razia")
    makna.add_code(project, "exp.neg", "Ditipu", parent="Razia")
    makna.code_turn(project, "informan-01.txt", 2, "Barang_disita")
    makna.code_turn(project, "informan-01.txt", 4, "exp.neg")
    files = write_report(project, tmp_path / "laporan", lang="id", png=False)
    for path in (files.markdown, files.html):
        text = Path(path).read_text(encoding="utf-8")
        assert "Barang_disita" not in text and "Barang\\_disita" not in text, path
        assert "exp.neg" in text, path  # a key that says more than the name is kept
