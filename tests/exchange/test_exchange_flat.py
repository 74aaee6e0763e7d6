"""Flat exports: segments as CSV and XLSX, the codebook as CSV, the project as JSON."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path
from typing import Any

from lxml import etree

import makna
from makna.exchange import write_codebook_csv, write_json, write_segments_csv, write_segments_xlsx


def test_segments_csv(project: makna.Project, tmp_path: Path, rich: Any) -> None:
    rich(project)
    out = tmp_path / "s.csv"
    assert write_segments_csv(project, out) == 5
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 5
    first = next(r for r in rows if r["code_key"] == "exp.pos")
    assert first["text"] == "😀" and first["code_path"] == "Pengalaman / Positif 😀"
    assert first["cases"] == "Ani" and first["attribute:umur"] == "31" and first["coder"] == "ani"
    assert first["source"] == "informan-01.txt" and first["turn"] == "1"
    text = makna.get_source(project, "informan-01.txt").text
    assert all(r["text"] == text[int(r["start"]):int(r["end"])] for r in rows if r["source"] == "informan-01.txt")
    motif = next(r for r in rows if r["code_key"] == "motif")
    assert motif["cases"] == "Budi" and motif["attribute:umur"] == "40"


def test_segments_xlsx(project: makna.Project, tmp_path: Path, rich: Any) -> None:
    rich(project)
    out = tmp_path / "s.xlsx"
    assert write_segments_xlsx(project, out) == 5
    with zipfile.ZipFile(out) as zf:
        assert {"[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"} <= set(zf.namelist())
        sheet = etree.fromstring(zf.read("xl/worksheets/sheet1.xml"))
    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    rows = sheet.findall(f".//{ns}row")
    assert len(rows) == 6
    header = ["".join(c.itertext()) for c in rows[0]]
    assert header[:3] == ["segment_id", "code_path", "code_key"]
    assert "😀" in ["".join(c.itertext()) for r in rows for c in r]


def test_codebook_csv(project: makna.Project, tmp_path: Path, rich: Any) -> None:
    rich(project)
    out = tmp_path / "c.csv"
    assert write_codebook_csv(project, out) == 5
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["key"] for r in rows] == [c.key for c in makna.list_codes(project)]
    assert rows[0]["keywords"] == "tipu; bohong" and rows[1]["parent_key"] == "exp"


def test_json_dump(project: makna.Project, tmp_path: Path, rich: Any) -> None:
    rich(project)
    out = tmp_path / "p.json"
    write_json(project, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "makna-project/1"
    assert {k: len(v) for k, v in data.items() if isinstance(v, list)} == {
        "coders": 3, "codes": 5, "attributes": 5, "cases": 2, "sources": 3, "segments": 5, "memos": 5, "sets": 3}
    ani = next(c for c in data["cases"] if c["name"] == "Ani")
    assert ani["values"] == {"kota": "Jakarta", "lahir": "1990-02-03", "menikah": True, "tinggi": 1.55e-05,
                             "umur": 31}
    src = next(s for s in data["sources"] if s["name"] == "informan-01.txt")
    assert "😀" in src["text"] and src["turns"][0]["speaker"] == "P"
