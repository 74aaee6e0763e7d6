"""The .qde scanner (makna.exchange._scan): its records, and the child process that runs it for large
files, which must give exactly what scanning in-process gives."""

from __future__ import annotations

import io
import sqlite3
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import makna
from makna.errors import ExchangeError
from makna.exchange import Limits, export_qdpx, import_project, import_qdpx
from makna.exchange._scan import child_records, scan, scan_records

NS = 'xmlns="urn:QDA-XML:project:1.0"'
A, B, C = ("aaaaaaaa-0000-4000-8000-000000000001", "bbbbbbbb-0000-4000-8000-000000000002",
           "cccccccc-0000-4000-8000-000000000003")

DOC = f"""<?xml version="1.0" encoding="UTF-8"?>
<Project {NS} name="p" origin="test" creationDateTime="2026-01-02T03:04:05Z">
  <Users><User guid="{A}" name="ana"/></Users>
  <CodeBook><Codes><Code guid="{B}" name="x" isCodable="true"/></Codes></CodeBook>
  <Sources>
    <TextSource guid="{C}" name="one" plainTextPath="internal://{C}.txt">
      <Description>d</Description>
      <PlainTextSelection guid="{A}" startPosition="0" endPosition="4">
        <Coding guid="{B}" creatingUser="{A}" creationDateTime="2026-01-02T03:04:05Z">
          <CodeRef targetGUID="{B}"/><NoteRef targetGUID="{C}"/>
        </Coding>
        <NoteRef targetGUID="{A}"/>
      </PlainTextSelection>
      <PlainTextSelection startPosition="x" endPosition=" 7 "/>
      <Coding guid="{C}" creatingUser="{A}"><CodeRef targetGUID="{B}"/></Coding>
      <VariableValue/><NoteRef targetGUID="{B}"/>
    </TextSource>
    <PDFSource guid="{B}" name="scan"><PDFSelection><Coding/><Coding/></PDFSelection></PDFSource>
  </Sources>
  <Notes><Note guid="{A}" name="n"><PlainTextContent>memo</PlainTextContent>
    <PlainTextSelection startPosition="0" endPosition="1"/></Note></Notes>
  <Description>about</Description>
</Project>"""


def _records(doc: str, texts: dict[str, bytes] | None = None) -> list[tuple[Any, ...]]:
    def read_text(ref: str) -> tuple[str, bytes] | None:
        name = ref.split("://")[-1]
        return (f"sources/{name}", texts[name]) if texts and name in texts else None

    return list(scan(io.BytesIO(doc.encode()), 10_000, read_text))


def test_records_in_document_order() -> None:
    recs = _records(DOC, {f"{C}.txt": b"satu dua tiga"})
    kinds = [r[0] for r in recs]
    assert kinds == ["root", "element", "element", "source", "selections", "source_end", "skipped", "element",
                     "project", "end"]
    assert recs[0] == ("root", "Project", {"name": "p", "origin": "test", "creationDateTime": "2026-01-02T03:04:05Z"})
    assert [r[1] for r in recs if r[0] == "element"] == ["User", "CodeBook", "Note"]
    assert recs[7][2] == "Notes"  # the Note's parent, for the importer's check
    header = recs[3][1]
    assert header[:3] == (C, "one", f"internal://{C}.txt") and header[5] == "d" and header[6] is None
    assert header[7] == (f"sources/{C}.txt", b"satu dua tiga")
    first, second = recs[4][1]
    assert first == (A, 0, 4, [(B, B, A, "2026-01-02T03:04:05Z", [C])], [A], None)
    assert second == (None, "x", " 7 ", [], None, None) or second == (None, "x", 7, [], None, None)
    assert recs[5] == ("source_end", [(C, B, A, None, None)], [B], 1)
    assert recs[6] == ("skipped", "PDFSource", "scan", 2)
    assert b"<PlainTextContent>memo</PlainTextContent>" in recs[7][3]  # the Note keeps its text
    assert b"<PlainTextSelection/>" in recs[7][3]  # and its selection is emptied
    assert recs[-1][1] > 20


def test_positions_read_as_python_reads_integers() -> None:
    recs = _records(DOC)
    assert recs[4][1][1][1:3] == ("x", 7)  # " 7 " is an integer to int(); "x" stays as written


def test_element_cap_and_syntax_errors_become_error_records() -> None:
    got = list(scan_records(io.BytesIO(DOC.encode()), 5, lambda ref: None))
    assert got[-1][:2] == ("error", "limit") and "more than 5 XML elements" in got[-1][2]
    got = list(scan_records(io.BytesIO(DOC[:-20].encode()), 10_000, lambda ref: None))
    assert got[-1][:2] == ("error", "syntax")


def _zip(path: Path, entries: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return path


def test_child_process_gives_the_same_records(tmp_path: Path) -> None:
    src = _zip(tmp_path / "p.qdpx", {"project.qde": DOC, f"sources/{C}.txt": b"satu dua tiga"})
    with child_records(str(src), "project.qde", 10_000) as records:
        from_child = list(records)
    assert from_child == _records(DOC, {f"{C}.txt": b"satu dua tiga"})
    with child_records(str(src), "project.qde", 5) as records:
        assert list(records)[-1][:2] == ("error", "limit")


def test_child_process_that_cannot_read_or_dies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with child_records(str(tmp_path / "missing.qdpx"), "project.qde", 10) as records:
        got = list(records)
    assert got[-1][:2] == ("error", "read")
    # a child that stops without its end record (here: an interpreter that exits at once)
    monkeypatch.setattr(sys, "executable", sys.executable)
    real_popen = subprocess.Popen

    def exits(args: list[str], **kw: Any) -> Any:
        return real_popen([args[0], "-c", "import sys; sys.stderr.write('boom\\n'); sys.exit(3)"], **kw)

    monkeypatch.setattr(subprocess, "Popen", exits)
    with child_records(str(tmp_path / "missing.qdpx"), "project.qde", 10) as records:
        got = list(records)
    assert got == [("error", "child", "the XML reader process stopped (exit code 3): boom")]


def test_import_in_child_process_equals_in_process(project: makna.Project, fresh_location: Callable[[], str],
                                                   tmp_path: Path, rich: Any, snap: Any) -> None:
    rich(project)
    before = snap(project)
    out = tmp_path / "study.qdpx"
    export_qdpx(project, out)
    reports = []
    for parallel in (False, True):
        copy = fresh_location()
        reports.append(import_project(out, copy, parallel=parallel))
        with makna.open_project(copy) as again:
            after = snap(again)
        for key in before:
            assert after[key] == before[key], (parallel, key)
    assert reports[0] == reports[1]


def test_child_process_errors_leave_the_project_unchanged(tmp_path: Path, project: makna.Project) -> None:
    bad = _zip(tmp_path / "bad.qdpx", {"project.qde": DOC[:-30]})
    with pytest.raises(ExchangeError, match="not well-formed"):
        import_qdpx(project, bad, parallel=True)
    with pytest.raises(ExchangeError, match="more than 5 XML elements"):
        import_qdpx(project, _zip(tmp_path / "big.qdpx", {"project.qde": DOC}), limits=Limits(max_elements=5),
                    parallel=True)
    assert project.coders() == [] and makna.list_sources(project) == []


def test_imported_references_hold(tmp_path: Path, rich: Any) -> None:
    """The import skips SQLite's final foreign-key check because the loader only refers to rows it
    inserted itself: check that this holds."""
    with makna.create_project(tmp_path / "a.makna") as p:
        rich(p)
        export_qdpx(p, tmp_path / "a.qdpx")
    report = import_project(tmp_path / "a.qdpx", tmp_path / "b.makna", parallel=True)
    assert report.segments > 0
    with sqlite3.connect(tmp_path / "b.makna") as db:
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []


@pytest.mark.parametrize("parallel", [False, True])
def test_a_note_with_selections_keeps_its_text(tmp_path: Path, project: makna.Project, parallel: bool) -> None:
    src = _zip(tmp_path / "p.qdpx", {"project.qde": DOC, f"sources/{C}.txt": "satu dua tiga"})
    report = import_qdpx(project, src, parallel=parallel)
    assert report.segments == 2 and [p.reason for p in report.unmapped] == ["positions 'x':7 are not integers"]
    assert [m.text for m in makna.list_memos(project)] == ["memo"]


def test_import_restores_the_garbage_collector(tmp_path: Path, project: makna.Project) -> None:
    import gc

    src = _zip(tmp_path / "p.qdpx", {"project.qde": DOC, f"sources/{C}.txt": "satu dua tiga"})
    assert gc.isenabled()
    import_qdpx(project, src)
    assert gc.isenabled()
    gc.disable()
    try:
        with pytest.raises(ExchangeError):
            import_qdpx(project, src)  # not empty any more
        assert not gc.isenabled()
    finally:
        gc.enable()
