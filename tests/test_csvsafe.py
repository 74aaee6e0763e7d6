"""CSV formula-injection escaping (#13): every CSV makna writes."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

import makna
from makna.csvsafe import safe_cell, safe_row


@pytest.mark.parametrize(("value", "want"), [
    ("=1+1", "'=1+1"), ("+62 812", "'+62 812"), ("-x", "'-x"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
    ("\r=x", "'\r'=x"), ("biasa", "biasa"), ("", ""), (-3, -3), (2.5, 2.5), (None, None), ("a=b", "a=b"),
    ("-0.25", "-0.25"), ("+12", "+12"), ("-", "-"), ("-1+cmd|' /C calc'!A0", "'-1+cmd|' /C calc'!A0"),
])
def test_safe_cell(value: object, want: object) -> None:
    assert safe_cell(value) == want


def test_safe_row() -> None:
    assert safe_row(["=a", 1, "b"]) == ["'=a", 1, "b"]


def test_segment_and_codebook_csv_escape_formulas(project: makna.Project, tmp_path: Path) -> None:
    makna.import_text(project, "s.txt", "P: =cmd|' /C calc'!A0 dan lainnya\n", language="id")
    makna.add_code(project, "k", "=Kode", definition="@bahaya")
    seg = makna.code_span(project, "s.txt", 3, 20, "k", memo="+HYPERLINK()")
    assert seg.memo == "+HYPERLINK()"  # stored as written: only the CSV cell is escaped
    makna.write_segments_csv(project, tmp_path / "s.csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "s.csv").read_text(encoding="utf-8-sig"))))
    cells = [v for r in rows for v in r.values()]
    assert "'+HYPERLINK()" in cells and "'=Kode" in cells
    assert not [c for c in cells if c and c[0] in "=+-@"]
    makna.write_codebook_csv(project, tmp_path / "c.csv")
    text = (tmp_path / "c.csv").read_text(encoding="utf-8-sig")
    assert "'@bahaya" in text and "'=Kode" in text
