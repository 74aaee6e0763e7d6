"""'makna server project import' of a project file says what it copied (trial16, issue #11): its summary
counted attributes, sets and coders as 0 although the copy holds them (the attributes and values of every
case came with it), so a supervisor reading '0 attribute(s)' thought the cases' attributes were lost."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from typer.testing import CliRunner

import makna
from makna.cli import app

runner = CliRunner()


def _study(tmp_path: Path) -> Path:
    path = tmp_path / "studi.makna"
    with makna.create_project(str(path), "Studi", coder="rahmah") as proj:
        makna.import_text(proj, "informan-01.txt", "P: Apo usaho Uni?\nI: Ambo jua kerudung di pasa.\n", language="id")
        makna.add_code(proj, "motive", "Motif", root=True)
        makna.code_turn(proj, "informan-01.txt", 2, "motive")
        makna.define_attribute(proj, "produk", "text")
        makna.define_attribute(proj, "lama_jualan_tahun", "integer")
        makna.add_case(proj, "Informan 1", values={"produk": "kerudung"})
        makna.create_set(proj, "Pasar", "sources", ["informan-01.txt"])
    return path


def test_the_summary_counts_the_attributes_sets_and_coders_it_copied(team: Any, server_db: str, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["server", "project", "import", str(_study(tmp_path)), "--db", server_db, "--name", "Penjual"]
    )
    assert result.exit_code == 0, result.output
    assert "1 case(s), 2 attribute(s)" in result.output, result.output
    assert "1 set(s), 1 coder(s)" in result.output, result.output
