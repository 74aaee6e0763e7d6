"""Importing real .qdpx files made by other tools (../shared/refi-samples, see its SOURCES.md)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

import makna
from makna.exchange import import_project
from makna.store import tables

NVIVO_WIN = "nvivo-win-12.6_oltas0517.qdpx"
NVIVO_MAC = "nvivo-mac-15.0.0_nvivo_project.qdpx"
QC = "qc-1.3.2_demo.qdpx"


def _sample(shared_dir: Path, name: str) -> Path:
    return shared_dir / "refi-samples" / name


def _count(project: makna.Project, table: object) -> int:
    with project.store.read() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar() or 0)


def _segment_text(project: makna.Project, segment_id: str) -> str:
    seg = makna.get_segment(project, segment_id)
    return makna.get_source(project, seg.source_id).text[seg.start:seg.end]


def _word_boundary(text: str, i: int) -> bool:
    return i <= 0 or i >= len(text) or not (text[i - 1].isalnum() and text[i].isalnum())


def test_nvivo_windows(shared_dir: Path, fresh_location: Callable[[], str]) -> None:
    loc = fresh_location()
    report = import_project(_sample(shared_dir, NVIVO_WIN), loc)
    assert report.unmapped == []
    assert (report.codes, report.sources, report.segments, report.coders) == (152, 2, 303, 2)
    assert report.offsets.startswith("UTF-16")
    with makna.open_project(loc) as proj:
        assert _count(proj, tables.codes) == 152 and _count(proj, tables.segments) == 303
        assert proj.store.meta()["name"] == "Untitled"
        # GUIDs are kept (lower-case canonical form)
        assert makna.get_source(proj, "ddbebe1b-306f-4271-acdd-ae1da7c06fcd").name == "videos_selection"
        assert makna.get_segment(proj, "a8f5ed5e-0d07-4818-89c3-19c4d1fed821").code_id == \
            "e8811e5d-feb6-458a-b0dd-ae1dbfef84b8"
        # selections begin and end on the characters NVivo meant, also after hundreds of emoji
        assert _segment_text(proj, "b8743368-63c2-46c1-9aba-9ae8b1fddb7e") == "Nem tehetik kötelezővé! 😡😡"
        assert _segment_text(proj, "db76be6e-8a2a-4060-89e6-62cea2a0a5e9") == \
            "Vityesz most vesztett több százezer szavazatot :) csak így tovább, fidesz!"
        assert _segment_text(proj, "ccc67adc-7bf2-4ec6-8fae-ea6e4b52edff") == \
            "Csak annak a statisztikának hiszek amit én hamisítok!"
        tail = _segment_text(proj, "b28afaef-429d-4222-95e6-43540cbd4d4a")
        assert tail.startswith("CDC announces 79% of all U.S. omicron cases") and tail.endswith("vaccinated individuals")
        texts = {s.id: makna.get_source(proj, s.id).text for s in makna.list_sources(proj)}
        assert all("\r" not in t and not t.startswith("\ufeff") for t in texts.values())
        segs = makna.retrieve(proj)
        on_words = sum(_word_boundary(texts[s.source_id], s.start) + _word_boundary(texts[s.source_id], s.end)
                       for s in segs)
        assert on_words / (2 * len(segs)) > 0.99
        coders = {c.name for c in proj.coders()}
        assert coders == {"Gergo", "floriansipos"}


def test_nvivo_read_as_code_points_would_shift(shared_dir: Path, tmp_path: Path) -> None:
    """The same file read with the standard's code points lands elsewhere: the convention matters."""
    report = import_project(_sample(shared_dir, NVIVO_WIN), tmp_path / "cp.makna", offsets="codepoint")
    with makna.open_project(tmp_path / "cp.makna") as proj:
        text = _segment_text(proj, "db76be6e-8a2a-4060-89e6-62cea2a0a5e9")
        assert text != "Vityesz most vesztett több százezer szavazatot :) csak így tovább, fidesz!"
    assert report.segments + len(report.unmapped) >= 303


def test_nvivo_mac_without_plain_text(shared_dir: Path, tmp_path: Path) -> None:
    report = import_project(_sample(shared_dir, NVIVO_MAC), tmp_path / "mac.makna")
    assert (report.codes, report.segments) == (262, 0)
    # both sources have a 1-byte text and an empty .docx: reported, not silently skipped
    assert report.sources == 0
    assert sum("no text found" in n for n in report.notes) == 2
    with makna.open_project(tmp_path / "mac.makna") as proj:
        tree = makna.code_tree(proj)
        assert len(tree) == 262 and max(n.depth for n in tree) >= 2
        keys = [n.code.key for n in tree]
        assert len(set(keys)) == 262


def test_qc_bare_names_and_line_selections(shared_dir: Path, fresh_location: Callable[[], str]) -> None:
    loc = fresh_location()
    report = import_project(_sample(shared_dir, QC), loc)
    assert report.unmapped == []
    assert (report.codes, report.sources, report.segments) == (262, 2, 205)
    with makna.open_project(loc) as proj:
        names = {s.name for s in makna.list_sources(proj)}
        assert names == {"board_2017.txt", "admin-1.txt"}
        segs = makna.retrieve(proj)
        assert len(segs) == 205
        # each selection is one whole line with its trailing newline (exclusive end)
        assert all(s.text.endswith("\n") and "\n" not in s.text[:-1] for s in segs)
        # code names repeat under different parents: keys are made unique
        progs = [c for c in makna.list_codes(proj) if c.name == "programming"]
        assert len(progs) == 2 and len({c.key for c in progs}) == 2


@pytest.mark.parametrize("name", [NVIVO_WIN, QC])
def test_reexport_of_foreign_projects_validates(shared_dir: Path, tmp_path: Path, name: str) -> None:
    import zipfile

    from lxml import etree

    from makna.exchange import export_qdpx

    import_project(_sample(shared_dir, name), tmp_path / "p.makna")
    with makna.open_project(tmp_path / "p.makna") as proj:
        export_qdpx(proj, tmp_path / "p.qdpx")
    schema = etree.XMLSchema(etree.parse(str(shared_dir / "refi-qda" / "Project.xsd")))
    with zipfile.ZipFile(tmp_path / "p.qdpx") as zf:
        assert schema.validate(etree.fromstring(zf.read("project.qde"))), schema.error_log


@pytest.mark.parametrize("name", [NVIVO_WIN, NVIVO_MAC, QC])
def test_child_process_reads_real_tools_files_alike(shared_dir: Path, tmp_path: Path, name: str) -> None:
    """The scanner's child process gives the same import of each real tool's file as reading in-process
    (UTF-16 offsets, missing plain texts and bare names included)."""
    results = []
    for parallel in (False, True):
        loc = tmp_path / f"{parallel}.makna"
        report = import_project(_sample(shared_dir, name), loc, parallel=parallel)
        with makna.open_project(loc) as p, p.store.read() as conn:
            segs = sorted(tuple(r) for r in conn.execute(
                select(tables.segments.c.id, tables.segments.c.source_id, tables.segments.c.start,
                       tables.segments.c.end, tables.segments.c.code_id, tables.segments.c.coder_id)))
        results.append((report.segments, [str(u) for u in report.unmapped], report.notes, segs))
    assert results[0] == results[1]
