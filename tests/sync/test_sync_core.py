"""The core of offline coding without HTTP, on every backend (the ``project`` fixture: SQLite,
PostgreSQL, encrypted SQLite): a snapshot as a coder sees it, written to a local copy whose ids are
the server's, pending changes found by digest, and a push applied by id (#14)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

import makna
from makna.access import Access
from makna.errors import InputError, PermissionDeniedError, SyncError
from makna.store import tables
from makna.sync.local import pending, push_message, write_copy
from makna.sync.rows import SYNC_FORMAT, is_uuid, segment_digest
from makna.sync.server import apply_push, snapshot

ROLES = {"ana": "owner", "budi": "coder", "citra": "viewer", "dewi": "manager"}


def _as(project: Any, who: str) -> Any:
    """The project as ``who`` would reach it on a team server (roles enforced in the core)."""
    project.store.access = Access(ROLES)  # type: ignore[arg-type]
    return dataclasses.replace(project, coder_name=who)


@pytest.fixture
def studi(project: Any) -> Any:
    makna.import_text(project, "wawancara", "P: Apa kabar?\nI: Baik, saya senang di Padang.\n", language="id")
    makna.add_code(project, "emosi", "Emosi")
    makna.add_code(project, "tempat", "Tempat")
    return project


def _segments(project: Any) -> dict[str, tuple[str, int, int]]:
    """id -> (coder, start, end) of every coding."""
    s, k = tables.segments.c, tables.coders.c
    with project.store.read() as conn:
        rows = conn.execute(select(s.id, k.name, s.start, s.end).join(tables.coders, k.id == s.coder_id)).all()
    return {r.id: (r.name, r.start, r.end) for r in rows}


def _copy(studi: Any, tmp_path: Path, who: str = "budi") -> Path:
    path = tmp_path / f"{who}.makna"
    snap = snapshot(_as(studi, who))
    write_copy(path, snap, server="https://lab.example", project_id="p1", project_name="Studi", token="t", csrf="c")
    return path


def test_a_copy_keeps_the_servers_ids_and_a_push_applies_by_id(studi: Any, tmp_path: Path) -> None:
    theirs = makna.code_span(_as(studi, "dewi"), "wawancara", 0, 2, "emosi")
    path = _copy(studi, tmp_path)
    with makna.open_project(path) as local:
        assert set(_segments(local)) == {theirs.id}
        assert [c.id for c in makna.list_codes(local)] == [c.id for c in makna.list_codes(studi)]
        seg = makna.code_span(local, "wawancara", 14, 18, "tempat")
        changes = pending(local)
        message = push_message(local, changes)
    assert is_uuid(seg.id) and [ch.id for ch in changes.changes] == [seg.id]
    result = apply_push(_as(studi, "budi"), message)
    assert (result.added, result.conflicts) == (1, [])
    assert _segments(studi)[seg.id] == ("budi", 14, 18)
    assert apply_push(_as(studi, "budi"), message).unchanged == 1  # idempotent


def test_a_push_is_refused_for_a_viewer_another_coder_or_another_version(studi: Any, tmp_path: Path) -> None:
    path = _copy(studi, tmp_path)
    with makna.open_project(path) as local:
        makna.code_span(local, "wawancara", 14, 18, "tempat")
        message = push_message(local, pending(local))
    with pytest.raises(PermissionDeniedError):
        apply_push(_as(studi, "citra"), {**message, "coder": "citra"})
    with pytest.raises(SyncError, match="pulled by 'budi', not 'dewi'"):
        apply_push(_as(studi, "dewi"), message)
    with pytest.raises(SyncError, match="version mismatch"):
        apply_push(_as(studi, "budi"), {**message, "format": SYNC_FORMAT + 1})
    # a copy of round fourteen's makna (format 1: no skeleton hash, no hidden rows) is refused, not half-read
    with pytest.raises(SyncError, match="speaks sync format 1, this makna 2"):
        apply_push(_as(studi, "budi"), {**message, "format": 1})
    bad = {**message, "changes": [{**message["changes"][0], "id": "not-a-uuid"}]}
    with pytest.raises(InputError, match="not a UUID"):
        apply_push(_as(studi, "budi"), bad)
    far = {**message, "changes": [{**message["changes"][0], "row": {**message["changes"][0]["row"], "end": 10_000}}]}
    with pytest.raises(InputError, match="outside its source"):
        apply_push(_as(studi, "budi"), far)
    assert _segments(studi) == {}  # nothing of the refused pushes was kept
    studi.store.access = None
    assert not [e for e in makna.events(studi, limit=100) if e.action == "sync.push"]


def test_a_blind_round_hides_other_coders_from_the_snapshot(studi: Any) -> None:
    hidden = makna.code_span(_as(studi, "dewi"), "wawancara", 0, 2, "emosi")
    makna.open_round(_as(studi, "dewi"), "putaran", blind=True)
    mine = makna.code_span(_as(studi, "budi"), "wawancara", 14, 18, "tempat")
    seen = snapshot(_as(studi, "budi"))["tables"]
    ids = {r[seen["segments"]["columns"].index("id")] for r in seen["segments"]["rows"]}
    assert ids == {mine.id}
    names = {r[seen["coders"]["columns"].index("name")] for r in seen["coders"]["rows"]}
    assert names == {"budi"}
    assert "original" not in seen["sources"]["columns"]  # the imported file stays on the server
    everything = snapshot(_as(studi, "dewi"))["tables"]["segments"]["rows"]
    assert len(everything) == 2 and hidden.id in {r[0] for r in everything}


segment_rows = st.fixed_dictionaries({
    "source_id": st.uuids().map(str), "start": st.integers(0, 10**6), "end": st.integers(0, 10**6),
    "code_id": st.uuids().map(str), "memo": st.text(max_size=40)})


@settings(deadline=None)  # a loaded machine: time is not what this checks
@given(segment_rows, segment_rows)
def test_a_digest_tells_any_change_of_a_codings_content(a: dict[str, Any], b: dict[str, Any]) -> None:
    assert (segment_digest(a) == segment_digest(b)) == (a == b)
    assert segment_digest(a) == segment_digest(dict(reversed(list(a.items()))))


def test_store_snapshot_reads_one_state(studi: Any) -> None:
    with studi.store.snapshot() as conn:
        before = conn.execute(tables.codes.select()).all()
        makna.add_code(studi, "baru", "Baru")  # committed meanwhile on another connection
        assert conn.execute(tables.codes.select()).all() == before
    assert len(makna.list_codes(studi)) == 3


def test_a_server_address_must_be_https_beyond_this_machine() -> None:
    from makna.sync.client import check_url

    assert check_url("https://lab.example/makna/") == "https://lab.example/makna"
    assert check_url("http://127.0.0.1:8780") == "http://127.0.0.1:8780"
    for bad in ("http://lab.example", "lab.example", "ftp://lab.example", "https://lab.example/?x=1"):
        with pytest.raises(InputError, match="server"):
            check_url(bad)


def test_a_pushed_removal_of_a_coding_with_another_members_memo_is_a_conflict(studi: Any, tmp_path: Path) -> None:
    """second reading: ``uncode`` refused to delete another member's memo with the coding, but a push of the same
    removal made offline deleted it silently; now it is a ``carries_memo`` conflict and both stay."""
    seg = makna.code_span(_as(studi, "budi"), "wawancara", 14, 18, "tempat")
    path = _copy(studi, tmp_path)
    makna.add_memo(_as(studi, "ana"), "segment", seg.id, "a note by ana")
    with makna.open_project(path, coder="budi") as local:
        makna.uncode(local, seg.id)  # offline, the memo is not in budi's copy
        message = push_message(local, pending(local))
    result = apply_push(_as(studi, "budi"), message)
    assert result.deleted == 0 and [(c.id, c.reason) for c in result.conflicts] == [(seg.id, "carries_memo")]
    assert "ana" in result.conflicts[0].message
    assert seg.id in _segments(studi)
    assert [m.text for m in makna.memos.list_memos(studi, "segment")] == ["a note by ana"]
