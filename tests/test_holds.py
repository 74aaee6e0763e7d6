"""gate26 (trial15 problem 2): a source imported into a de-identified project is held from coders and viewers
until it is de-identified or a manager releases it; reports, exports and coders' copies are refused while it is.
On every backend of the ``project`` fixture, roles attached as a team server attaches them."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

import makna
from makna.access import Access
from makna.agreement.project_units import load_coding
from makna.analysis.search import search
from makna.errors import ConflictError, InputError, PermissionDeniedError, UnknownSourceError
from makna.exchange import export_qdpx, write_json, write_segments_csv
from makna.holds import count_held, release_source
from makna.live import changes_after
from makna.memos import events
from makna.project import Project
from makna.queries import retrieve
from makna.sources import count_sources, get_source, get_turns, list_sources
from makna.store import tables
from makna.sync.rows import SYNC_FORMAT, text_hash
from makna.sync.server import apply_push, snapshot
from makna.withdraw import speaker_labels

PASS = "kopi hujan sepeda jendela"
FIRST = "P: Siapa namamu?\nI: Nama saya Rosmaini, dari Pariaman.\n"
LATE = "Q: What was hardest?\nA: Standing for hours. Dr Margaret Fitzgerald told me to rest more.\n"


def _applied(proj: Project, key: Path) -> None:
    makna.import_text(proj, "first", FIRST, language="id")
    for _ in range(2):  # the second scan finds what was accepted wherever else it occurs
        makna.deid_scan(proj)
        makna.decide_all(proj, "accepted")
    makna.deid_apply(proj, key, PASS)


@pytest.fixture
def held(project: Any, tmp_path: Path) -> Iterator[tuple[Project, Project, Project]]:
    """The project (its owner 'tester'), de-identified, then a survey answer imported and coded by the owner; with
    a team server's roles: 'dewi' manager, 'budi' coder. Yields (owner, manager, coder)."""
    _applied(project, tmp_path / "k.makna-key")
    makna.add_code(project, "rest", "Rest")
    makna.import_text(project, "late", LATE, language="en")
    start = LATE.index("Dr Margaret")
    makna.code_span(project, "late", start, start + 30, "rest")
    project.store.access = Access({"tester": "owner", "dewi": "manager", "budi": "coder", "citra": "viewer"})
    as_ = {name: Project(store=project.store, location=project.location, coder_name=name) for name in ("dewi", "budi")}
    yield project, as_["dewi"], as_["budi"]
    project.store.access = None


def _events(proj: Project, action: str) -> list[Any]:
    e = tables.events.c
    with proj.store.read() as conn:
        return list(conn.execute(select(e.actor, e.payload).where(e.action == action).order_by(e.id)))


def test_a_source_imported_after_the_apply_is_held(held: tuple[Project, Project, Project]) -> None:
    owner, _dewi, _budi = held
    assert [(s.name, s.held) for s in list_sources(owner)] == [("first", False), ("late", True)]
    assert _events(owner, "source.import")[-1].payload.get("held") is True
    assert not _events(owner, "source.import")[0].payload.get("held")


def test_nothing_is_held_before_any_de_identification(project: Any) -> None:
    makna.import_text(project, "late", LATE, language="en")
    with project.store.read() as conn:
        assert count_held(conn) == 0


def test_a_coder_reads_nothing_of_it(held: tuple[Project, Project, Project]) -> None:
    _owner, _dewi, budi = held
    assert [s.name for s in list_sources(budi)] == ["first"]
    assert count_sources(budi) == 1
    assert speaker_labels(budi) == ["I", "P"] and speaker_labels(_owner) == ["A", "I", "P", "Q"]  # the Cases page's
    for read in (get_source, get_turns):
        with pytest.raises(UnknownSourceError):
            read(budi, "late")
    with pytest.raises(UnknownSourceError):
        makna.code_span(budi, "late", 0, 5, "rest")
    assert not search(budi, "Fitzgerald")
    assert not retrieve(budi, code="rest")  # the owner's coding of it, with its text
    sid = get_source(_owner, "late").id
    assert sid in str(changes_after(_owner, 0, limit=1000).changes)  # its import, the owner's coding of it
    assert sid not in str(changes_after(budi, 0, limit=1000).changes) and "'late'" not in str(events(budi, limit=100))
    for who in (_owner, budi):
        makna.code_span(who, "first", 0, 5, "rest")
    assert [src.name for src in load_coding(budi).sources] == ["first"]  # agreement's sources and their texts
    pulled = snapshot(budi)
    assert "Fitzgerald" not in str(pulled["tables"])
    assert sid not in str(pulled["tables"]) and len(pulled["tables"]["segments"]["rows"]) == 2  # on "first"


def test_managers_and_the_owner_see_it(held: tuple[Project, Project, Project]) -> None:
    owner, dewi, _budi = held
    for who in (owner, dewi):
        assert [s.name for s in list_sources(who)] == ["first", "late"]
        assert "Fitzgerald" in get_source(who, "late").text
        assert search(who, "Fitzgerald")
        assert [s.source for s in retrieve(who, code="rest")] == ["late"]


def test_reports_exports_and_coders_copies_are_refused_for_everyone(
    held: tuple[Project, Project, Project], tmp_path: Path
) -> None:
    owner, dewi, _budi = held
    for who in (owner, dewi):
        for write in (write_json, write_segments_csv, export_qdpx):
            with pytest.raises(ConflictError, match=r"1 source\(s\) imported after the de-identification are held"):
                write(who, tmp_path / "out.x")
        with pytest.raises(ConflictError, match="held"):
            makna.write_report(who, tmp_path / "report", "en")
    assert not (tmp_path / "out.x").exists() and not (tmp_path / "report").exists()
    if owner.store.path is not None and not owner.store.encrypted:
        from makna.copying import copy_for_coder

        with pytest.raises(ConflictError, match="coder's copy is refused"):
            copy_for_coder(owner.location, tmp_path / "budi.makna", "budi")
        assert not (tmp_path / "budi.makna").exists()


def test_a_manager_releases_it_with_a_reason(held: tuple[Project, Project, Project], tmp_path: Path) -> None:
    _owner, dewi, budi = held
    with pytest.raises(PermissionDeniedError):
        release_source(budi, "first", "no names")  # not even a source she sees: the role first
    with pytest.raises(InputError, match="reason"):
        release_source(dewi, "late", "  ")
    assert release_source(dewi, "late", "it names no one") == "late"
    (event,) = _events(dewi, "source.release")
    assert event.actor == "dewi" and event.payload["reason"] == "it names no one"
    assert [s.name for s in list_sources(budi)] == ["first", "late"]
    assert "Fitzgerald" in get_source(budi, "late").text
    with pytest.raises(ConflictError, match="not held"):
        release_source(dewi, "late", "again")
    write_json(dewi, tmp_path / "out.json")  # nothing held: exports work again


def test_the_apply_lifts_it(held: tuple[Project, Project, Project], tmp_path: Path) -> None:
    owner, _dewi, budi = held
    for _ in range(2):
        makna.deid_scan(owner)
        makna.decide_all(owner, "accepted")
    with pytest.raises(UnknownSourceError):
        get_source(budi, "late")  # scanned is not enough
    makna.deid_apply(owner, tmp_path / "k.makna-key", PASS)
    assert _events(owner, "deid.apply")[-1].payload.get("released") is True
    with owner.store.read() as conn:
        assert count_held(conn) == 0
    text = get_source(budi, "late").text
    assert "Fitzgerald" not in text


def test_a_push_onto_a_held_source_is_refused_as_no_source(held: tuple[Project, Project, Project]) -> None:
    owner, _dewi, budi = held
    sid = get_source(owner, "late").id
    with owner.store.read() as conn:
        cid = owner.code_id(conn, "rest")
    row = {
        "source_id": sid,
        "start": 0,
        "end": 5,
        "code_id": cid,
        "memo": "",
        "created_at": "2026-12-07T10:00:00+00:00",
    }
    message = {
        "format": SYNC_FORMAT,
        "schema": owner.store.schema_revision(),
        "coder": "budi",
        "project_id": owner.info().id,
        "high_water": 0,
        "sources": {sid: text_hash(LATE)},
        "codes": {cid: {"key": "rest", "name": "Rest"}},
        "changes": [{"kind": "segment", "id": str(uuid.uuid4()), "op": "put", "base": None, "row": row}],
    }
    result = apply_push(budi, message)
    assert result.added == 0 and [c.reason for c in result.conflicts] == ["source_deleted"]
