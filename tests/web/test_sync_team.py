"""team15: two researchers' ways onto one coding, offline (``makna pull``/``push``) and on the team
server's web API (httpx's ASGI transport): the same span coded in both places is one coding, and a
memo written offline on it lands on the server's coding instead of being lost (#11)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sync_helpers import PASSWORD, URL, served, server_login

import makna
from makna.sync import client
from makna.sync.local import pending


@pytest.fixture
def lab(team: Any, server_db: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    with served(server_db, monkeypatch) as (app, _seen):
        yield app


def test_a_memo_on_a_coding_also_made_on_the_web_lands_on_it(lab: Any, team: Any, tmp_path: Path) -> None:
    path = tmp_path / "budi.makna"
    client.pull(URL, "Studi", path, user="budi", password=PASSWORD)
    with makna.open_project(path) as local:
        offline = makna.code_span(local, "wawancara", 14, 18, "tempat")
        note = makna.add_memo(local, "segment", offline.id, "kenapa Padang?")
    web, headers = server_login(lab, "budi")  # the same coder, at the office, on the web
    r = web.post(
        "/api/segments", json={"source": "wawancara", "start": 14, "end": 18, "code": "tempat"}, headers=headers
    )
    assert r.status_code == 201, r.text
    online = r.json()["id"]
    report = client.push(path)
    assert [(c["id"], c["reason"]) for c in report.conflicts] == [(offline.id, "duplicate")]
    assert report.added == 1  # the memo, on the web's coding
    with makna.open_project(team.location(team.project("Studi")), coder="ana") as srv:
        memos = {m.id: m for m in makna.list_memos(srv)}
        assert (memos[note.id].target_id, memos[note.id].text) == (online, "kenapa Padang?")
    refreshed = client.refresh(path)  # the duplicate coding is the server's already: nothing lost, no refusal
    assert (refreshed.dropped, refreshed.backup) == ((), None)
    with makna.open_project(path) as local:
        assert not len(pending(local))
        assert [s.id for s in makna.retrieve(local, code="tempat")] == [online]
        assert {m.id: m.target_id for m in makna.list_memos(local)} == {note.id: online}


def test_a_memo_written_offline_on_a_duplicate_is_kept_by_a_refresh_before_any_push(
    lab: Any, team: Any, tmp_path: Path
) -> None:
    path = tmp_path / "budi.makna"
    client.pull(URL, "Studi", path, user="budi", password=PASSWORD)
    with makna.open_project(path) as local:
        offline = makna.code_span(local, "wawancara", 14, 18, "tempat")
        note = makna.add_memo(local, "segment", offline.id, "kenapa Padang?")
    web, headers = server_login(lab, "budi")
    r = web.post(
        "/api/segments", json={"source": "wawancara", "start": 14, "end": 18, "code": "tempat"}, headers=headers
    )
    online = r.json()["id"]
    refreshed = client.refresh(path)
    assert (refreshed.kept, refreshed.dropped) == (1, ())
    with makna.open_project(path) as local:
        assert [(ch.kind, ch.id) for ch in pending(local).changes] == [("memo", note.id)]
    assert client.push(path).added == 1
    with makna.open_project(team.location(team.project("Studi")), coder="ana") as srv:
        assert {m.id: m.target_id for m in makna.list_memos(srv)} == {note.id: online}
