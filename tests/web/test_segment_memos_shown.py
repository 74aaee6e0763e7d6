"""A memo written on a segment (``makna memo add --on segment``) shows where the segment does: ``makna
segments`` (every format) and the CSV/XLSX export, beside the coding's own memo and told apart from it; the
REFI-QDA export keeps it (product19, #11)."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

import makna
from makna.cli import app
from makna.exchange import write_segments_csv, write_segments_xlsx

TEXT = "P: Kenapa pakai aplikasi?\nI: Lebih aman, Kak, tidak perlu di jalan.\nP: Oh begitu.\nI: Iya.\n"


def _study(location: str) -> tuple[str, str]:
    """Two codings: the first with a coding memo and two segment memos (by two coders), the second bare."""
    with makna.create_project(location, "Memo", coder="ana") as proj:
        makna.import_text(proj, "informan-01.txt", TEXT, language="id")
        makna.add_code(proj, "aman", "Rasa aman")
        first = makna.code_turn(proj, "informan-01.txt", 2, "aman", memo="kode: alasan keamanan")
        second = makna.code_turn(proj, "informan-01.txt", 4, "aman")
        makna.add_memo(proj, "segment", first.id, "bandingkan dengan informan-02", title="Banding")
    with makna.open_project(location, coder="budi") as proj:
        makna.add_memo(proj, "segment", first.id, "setuju, tapi lihat konteks")
    return first.id, second.id


def _run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    return result.output


def test_segments_lists_memos_on_the_segment(project_location: str) -> None:
    first, second = _study(project_location)
    rows = {r["id"]: r for r in json.loads(_run("segments", "-p", project_location, "--format", "json"))}
    assert rows[first]["memo"] == "kode: alasan keamanan"
    assert (
        rows[first]["segment_memos"]
        == "ana: Banding: bandingkan dengan informan-02\n\nbudi: setuju, tapi lihat konteks"
    )
    assert rows[second]["memo"] == "" and rows[second]["segment_memos"] == ""
    out = _run("segments", "-p", project_location, "--format", "csv")
    header = next(csv.reader(out.splitlines()))
    assert header[-3:] == ["after", "memo", "segment_memos"]
    table = _run("segments", "-p", project_location)
    assert "memos" in table and "coding: kode: alasan keamanan" in table
    assert "segment (ana): Banding: bandingkan dengan informan-02" in table
    assert "segment (budi): setuju, tapi lihat konteks" in table


def test_table_without_memos_has_no_memo_column(project_location: str) -> None:
    with makna.create_project(project_location, "Bare", coder="ana") as proj:
        makna.import_text(proj, "informan-01.txt", TEXT, language="id")
        makna.add_code(proj, "aman", "Rasa aman")
        makna.code_turn(proj, "informan-01.txt", 2, "aman")
    assert "memos" not in _run("segments", "-p", project_location)


def test_exports_carry_both_kinds(project_location: str, tmp_path: Path) -> None:
    first, second = _study(project_location)
    with makna.open_project(project_location, coder="ana") as proj:
        assert write_segments_csv(proj, tmp_path / "s.csv") == 2
        assert write_segments_xlsx(proj, tmp_path / "s.xlsx") == 2
    with (tmp_path / "s.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = {r["segment_id"]: r for r in csv.DictReader(fh)}
    assert rows[first]["memo"] == "kode: alasan keamanan"
    assert rows[first]["segment_memos"].splitlines() == [
        "ana: Banding: bandingkan dengan informan-02",
        "",
        "budi: setuju, tapi lihat konteks",
    ]
    assert rows[second]["segment_memos"] == ""
    with zipfile.ZipFile(tmp_path / "s.xlsx") as zf:
        sheet = etree.fromstring(zf.read("xl/worksheets/sheet1.xml"))
    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    cells = [["".join(c.itertext()) for c in r] for r in sheet.findall(f".//{ns}row")]
    assert cells[0][cells[0].index("segment_memos") - 1] == "memo"
    assert "ana: Banding: bandingkan dengan informan-02\n\nbudi: setuju, tapi lihat konteks" in {
        c for r in cells[1:] for c in r
    }


def test_refi_export_keeps_the_segment_memos(project_location: str, tmp_path: Path) -> None:
    first, _ = _study(project_location)
    with makna.open_project(project_location, coder="ana") as proj:
        makna.export_qdpx(proj, tmp_path / "m.qdpx")
    with makna.create_project(str(tmp_path / "back.makna"), "Back", coder="ana") as proj:
        makna.import_qdpx(proj, tmp_path / "m.qdpx")
        memos = sorted((m.target_id, m.text) for m in makna.list_memos(proj, "segment"))
    assert memos == [(first, "bandingkan dengan informan-02"), (first, "setuju, tapi lihat konteks")]


@pytest.mark.parametrize(
    ("lang", "coding", "segment"),
    [("en", "Coding memo", "Memo on the segment"), ("id", "Memo pengodean", "Memo pada segmen")],
)
def test_workbench_retrieval_tells_the_two_kinds_apart(
    project_location: str, lang: str, coding: str, segment: str
) -> None:
    from web_helpers import TOKEN, Client

    from makna.web import close_app, create_app

    _study(project_location)
    app = create_app(project_location, token=TOKEN, coder="ana", lang=lang)
    client = Client(app)
    try:
        assert client.get(f"/?token={TOKEN}").status_code == 303
        html = client.get("/retrieve", params={"code": "aman"}).text
    finally:
        client.close()
        close_app(app)
    item = html.split('class="result"', 2)[1]  # the first coding, with both kinds
    assert f'<span class="badge">{coding}</span> kode: alasan keamanan' in item
    assert item.count(f'<span class="badge">{segment}</span>') == 2
    assert "Banding: bandingkan dengan informan-02" in item
