"""Offline coders (#14): ``makna pull`` copies a team-server project to a local file, the coder works
offline, ``makna push`` sends their own work back by id, as them, listing conflicts. The server runs
on PostgreSQL, the copy is SQLite, and they talk through the httpx ASGI transport."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sync_helpers import PASSWORD, URL, served

import makna
from makna.errors import PermissionDeniedError, SyncError
from makna.store import tables
from makna.sync import client
from makna.access import Access
from makna.sync.local import pending, push_message, sync_info
from makna.sync.server import apply_push
from makna.sync.rows import is_uuid


@pytest.fixture
def lab(team: Any, server_db: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    with served(server_db, monkeypatch) as (app, seen):
        app.state.seen = seen
        yield app


def _server(team: Any, coder: str = "ana") -> Any:
    return makna.open_project(team.location(team.project("Studi")), coder=coder)


def _pull(tmp_path: Path, user: str = "budi", name: str = "copy.makna") -> Path:
    path = tmp_path / name
    client.pull(URL, "Studi", path, user=user, password=PASSWORD)
    return path


def _segments(proj: Any) -> dict[str, tuple[str, int, int, str, str]]:
    """id -> (code key, start, end, coder, memo) of every coding."""
    s, c, k = tables.segments.c, tables.codes.c, tables.coders.c
    with proj.store.read() as conn:
        rows = conn.execute(select(s.id, c.key, s.start, s.end, k.name, s.memo)
                            .join(tables.codes, c.id == s.code_id).join(tables.coders, k.id == s.coder_id)).all()
    return {r.id: (r.key, r.start, r.end, r.name, r.memo) for r in rows}


def test_round_trip_pull_code_offline_push_shows_on_the_server_as_the_coder(lab: Any, team: Any,
                                                                            tmp_path: Path) -> None:
    with _server(team, "dewi") as srv:
        theirs = makna.code_span(srv, "wawancara", 0, 2, "emosi")
    path = _pull(tmp_path)
    with makna.open_project(path) as local:
        info = sync_info(local)
        assert (info.server, info.coder, info.role, info.project_name) == (URL, "budi", "coder", "Studi")
        assert info.high_water > 0 and info.token and info.csrf
        assert local.actor == "budi"  # the copy acts as its coder
        assert theirs.id in _segments(local)  # other coders' codings come along (no blind round)
        seg = makna.code_span(local, "wawancara", 14, 18, "tempat")
        memo = makna.add_memo(local, "segment", seg.id, "tempat kerja")
        assert is_uuid(seg.id) and is_uuid(memo.id)
        assert len(pending(local)) == 2
    report = client.push(path)
    assert (report.sent, report.added, report.conflicts) == (2, 2, [])
    with _server(team) as srv:
        on_server = _segments(srv)
        assert on_server[seg.id] == ("tempat", 14, 18, "budi", "")  # the same id, the coder's own
        memos = {m.id: m for m in makna.list_memos(srv)}
        assert memos[memo.id].text == "tempat kerja"
        last = makna.events(srv, limit=1)[0]
        assert (last.action, last.actor) == ("sync.push", "budi")
    with makna.open_project(path) as local:
        assert len(pending(local)) == 0


def test_pushing_twice_changes_nothing(lab: Any, team: Any, tmp_path: Path) -> None:
    path = _pull(tmp_path)
    with makna.open_project(path) as local:
        seg = makna.code_span(local, "wawancara", 14, 18, "tempat")
        changes = pending(local)
        message = push_message(local, changes)
    assert client.push(path).added == 1
    with _server(team) as srv:
        before = (_segments(srv), len(makna.events(srv, limit=1000)))
    asked = len(lab.state.seen)
    again = client.push(path)  # nothing left to send: the server is not even asked
    assert again.sent == 0 and len(lab.state.seen) == asked
    # the same push sent again (its answer lost on the way back) is a no-op on the server: no event
    with _server(team, "budi") as srv:
        srv.store.access = Access({"budi": "coder"})
        result = apply_push(srv, message)
        assert (result.applied, result.unchanged, result.conflicts) == (0, 1, [])
        assert (_segments(srv), len(makna.events(srv, limit=1000))) == before
        assert _segments(srv)[seg.id][3] == "budi"
