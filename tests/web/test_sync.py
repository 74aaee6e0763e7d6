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
from makna.access import Access
from makna.errors import PermissionDeniedError, SyncError
from makna.store import tables
from makna.sync import client
from makna.sync.local import pending, push_message, sync_info
from makna.sync.rows import SYNC_FORMAT, is_uuid
from makna.sync.server import apply_push


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


def _conflicts(report: Any) -> dict[str, str]:
    return {c["id"]: c["reason"] for c in report.conflicts}


def test_a_coding_changed_or_deleted_on_the_server_since_the_pull_is_a_conflict(lab: Any, team: Any,
                                                                                 tmp_path: Path) -> None:
    with _server(team, "budi") as srv:
        kept = makna.code_span(srv, "wawancara", 0, 2, "emosi")
        gone = makna.code_span(srv, "wawancara", 14, 18, "tempat")
        undeleted = makna.code_span(srv, "wawancara", 3, 6, "emosi")
    path = _pull(tmp_path)
    with _server(team, "budi") as srv:  # the coder works online too meanwhile (only they may change their codings)
        makna.set_segment_memo(srv, kept.id, "lihat lagi")
        makna.uncode(srv, gone.id)
        makna.set_segment_memo(srv, undeleted.id, "penting")
    with makna.open_project(path) as local:
        makna.set_segment_memo(local, kept.id, "versi saya")
        makna.set_segment_memo(local, gone.id, "versi saya")
        makna.uncode(local, undeleted.id)
    report = client.push(path)
    assert (report.sent, report.added, report.changed, report.deleted) == (3, 0, 0, 0)
    assert _conflicts(report) == {kept.id: "changed_on_server", gone.id: "deleted_on_server",
                                  undeleted.id: "changed_on_server"}
    with _server(team) as srv:
        now = _segments(srv)
        assert now[kept.id][4] == "lihat lagi" and gone.id not in now and now[undeleted.id][4] == "penting"
    with makna.open_project(path) as local:
        assert len(pending(local)) == 3  # still waiting in the copy
    assert _conflicts(client.push(path)) == _conflicts(report)  # and listed again, not applied


def test_codes_renamed_merged_or_deleted_on_the_server_are_conflicts(lab: Any, team: Any, tmp_path: Path) -> None:
    with _server(team) as srv:
        makna.add_code(srv, "waktu", "Waktu")
    path = _pull(tmp_path)
    with _server(team, "dewi") as srv:
        makna.update_code(srv, "emosi", name="Perasaan")
        makna.merge_codes(srv, "waktu", "tempat")
        makna.delete_code(srv, "tempat", force=True)
    with makna.open_project(path) as local:
        renamed = makna.code_span(local, "wawancara", 0, 2, "emosi")
        merged = makna.code_span(local, "wawancara", 3, 6, "waktu")
        deleted = makna.code_span(local, "wawancara", 14, 18, "tempat")
    report = client.push(path)
    assert _conflicts(report) == {renamed.id: "code_renamed", merged.id: "code_deleted", deleted.id: "code_deleted"}
    assert "Perasaan" in next(c["message"] for c in report.conflicts if c["id"] == renamed.id)
    assert report.added == 0
    # pulling again shows the codebook as it is now and keeps the coding whose code was only renamed;
    # the others are dropped and listed; pushing then sends it
    with pytest.raises(SyncError, match="2 of your 3 change"):  # never dropped unasked
        client.refresh(path)
    refreshed = client.refresh(path, discard=True)
    assert refreshed.kept == 1 and {d[1] for d in refreshed.dropped} == {merged.id, deleted.id}
    assert client.push(path).added == 1
    with _server(team) as srv:
        assert _segments(srv)[renamed.id][:4] == ("emosi", 0, 2, "budi")


def _rewrite_source(team: Any, text: str) -> None:
    """Change the server's source text as de-identification does (same length here, other words)."""
    with _server(team) as srv, srv.store.write("ana", "deid.apply", {}) as conn:
        conn.execute(tables.sources.update().values(text=text))


def test_a_source_changed_on_the_server_since_the_pull_is_a_conflict(lab: Any, team: Any, tmp_path: Path) -> None:
    path = _pull(tmp_path)
    with makna.open_project(path) as local:
        seg = makna.code_span(local, "wawancara", 14, 18, "tempat")
        s = tables.sources.c
        with local.store.read() as conn:
            text = conn.execute(select(s.text)).scalar_one()
    _rewrite_source(team, text.replace("Padang", "[KOTA]"))
    report = client.push(path)
    assert _conflicts(report) == {seg.id: "source_changed"}
    refreshed = client.refresh(path, discard=True)  # the offsets no longer hold: dropped, and said so
    assert refreshed.kept == 0 and refreshed.dropped[0][1] == seg.id and "text changed" in refreshed.dropped[0][2]
    with makna.open_project(path) as local:
        assert "[KOTA]" in local.store.read().__enter__().execute(select(tables.sources.c.text)).scalar_one()
        assert len(pending(local)) == 0


def test_a_viewer_pulls_but_cannot_code_offline_or_push(lab: Any, team: Any, tmp_path: Path) -> None:
    path = _pull(tmp_path, "citra")
    with makna.open_project(path) as local:
        assert sync_info(local).role == "viewer"
        with pytest.raises(PermissionDeniedError, match="coder role"):
            makna.code_span(local, "wawancara", 0, 2, "emosi")
        message = push_message(local, pending(local))
    from web_helpers import Client

    c = Client(lab)
    csrf = c.post("/login", json={"name": "citra", "password": PASSWORD}).json()["csrf"]
    code_id = next(iter(_codes(team).values()))
    source_id = _source_id(team)
    message["changes"] = [{"kind": "segment", "id": "0b5e3f9e-5d7c-4a3b-9d2e-0d3c9a1e2f40", "op": "put", "base": None,
                           "row": {"source_id": source_id, "start": 0, "end": 2, "code_id": code_id, "memo": ""}}]
    project_id = team.project("Studi").id
    message["project_id"] = project_id
    r = c.post("/api/sync/push", json=message, headers={"x-makna-csrf": csrf, "x-makna-project": project_id})
    assert r.status_code == 403 and "coder role" in r.json()["error"]
    c.close()
    with _server(team) as srv:
        assert _segments(srv) == {}


def _codes(team: Any) -> dict[str, str]:
    with _server(team) as srv:
        return {c.key: c.id for c in makna.list_codes(srv)}


def _source_id(team: Any) -> str:
    with _server(team) as srv:
        return str(makna.list_sources(srv)[0].id)


def test_the_codebook_cannot_change_offline(lab: Any, team: Any, tmp_path: Path) -> None:
    path = _pull(tmp_path, "dewi")  # even a manager's copy: the codebook is edited on the server
    with makna.open_project(path) as local:
        with pytest.raises(PermissionDeniedError, match="manager role"):
            makna.add_code(local, "baru", "Baru")
        with pytest.raises(PermissionDeniedError):
            makna.update_code(local, "emosi", name="Lain")
        makna.code_span(local, "wawancara", 0, 2, "emosi")  # coding is what a copy is for
        with pytest.raises(PermissionDeniedError, match="not a member"):
            makna.code_span(makna.open_project(path, coder="someone").__enter__(), "wawancara", 0, 2, "tempat")


def test_a_blind_round_is_respected_by_the_pull(lab: Any, team: Any, tmp_path: Path) -> None:
    with _server(team, "dewi") as srv:
        hidden = makna.code_span(srv, "wawancara", 0, 2, "emosi")
        makna.add_memo(srv, "segment", hidden.id, "catatan dewi")
        makna.open_round(srv, "putaran 1", blind=True)
    with _server(team, "budi") as srv:
        mine = makna.code_span(srv, "wawancara", 14, 18, "tempat")
    path = _pull(tmp_path)
    with makna.open_project(path) as local:
        assert set(_segments(local)) == {mine.id}
        assert [m.text for m in makna.list_memos(local)] == []
        assert {c.name for c in local.coders()} == {"budi"}
    manager = _pull(tmp_path, "dewi", "manager.makna")
    with makna.open_project(manager) as local:
        assert set(_segments(local)) == {mine.id, hidden.id}
    with _server(team, "dewi") as srv:
        makna.close_round(srv, "putaran 1")
    client.refresh(path)
    with makna.open_project(path) as local:
        assert set(_segments(local)) == {mine.id, hidden.id}


def test_pull_again_refreshes_in_place_and_keeps_unpushed_work(lab: Any, team: Any, tmp_path: Path) -> None:
    path = _pull(tmp_path)
    with makna.open_project(path) as local:
        mine = makna.code_span(local, "wawancara", 14, 18, "tempat")
        note = makna.add_memo(local, "project", None, "ide baru")
        first = sync_info(local).high_water
    with _server(team, "dewi") as srv:
        makna.add_code(srv, "waktu", "Waktu")
        theirs = makna.code_span(srv, "wawancara", 0, 2, "waktu")
    report = client.refresh(path)
    assert (report.kept, report.dropped) == (2, ())
    with makna.open_project(path) as local:
        assert report.info.high_water > first == first
        assert {mine.id, theirs.id} <= set(_segments(local))
        assert {ch.id for ch in pending(local).changes} == {mine.id, note.id}
        assert "waktu" in {c.key for c in makna.list_codes(local)}
    pushed = client.push(path)
    assert (pushed.added, pushed.conflicts) == (2, [])
    assert not list(tmp_path.glob("*.pulling*"))


def test_a_refresh_never_lets_an_offline_change_overwrite_the_servers_newer_version(lab: Any, team: Any,
                                                                                   tmp_path: Path) -> None:
    """An offline delete of a coding that was changed on the server meanwhile is not re-applied by a
    refresh (taking the server's new version as its base, the next push would delete the server's
    change: last writer wins). The server's version is kept, the drop is listed, and the old copy with
    the offline change stays beside the new one."""
    path = _pull(tmp_path)
    with makna.open_project(path) as local:
        mine = makna.code_span(local, "wawancara", 14, 18, "tempat")
    assert client.push(path).added == 1
    with makna.open_project(path) as local:
        makna.uncode(local, mine.id)  # offline, not pushed
    with _server(team, "budi") as srv:  # meanwhile on the server (another laptop)
        makna.set_segment_memo(srv, mine.id, "catatan dari kantor")
    with pytest.raises(SyncError, match="1 of your 1 change"):
        client.refresh(path)
    report = client.refresh(path, discard=True)
    assert report.kept == 0 and [(k, i) for k, i, _ in report.dropped] == [("segment", mine.id)]
    assert report.backup is not None
    with makna.open_project(report.backup) as old:
        assert mine.id not in _segments(old)  # the offline delete is still there
    with makna.open_project(path) as local:
        assert _segments(local)[mine.id][4] == "catatan dari kantor"
        assert not len(pending(local))
    client.push(path)
    with _server(team) as srv:
        assert _segments(srv)[mine.id][4] == "catatan dari kantor"


def test_a_refresh_is_refused_while_another_program_has_the_copy_open(lab: Any, team: Any, tmp_path: Path) -> None:
    path = _pull(tmp_path)
    with makna.open_project(path) as other:  # e.g. 'makna serve' on the copy
        makna.code_span(other, "wawancara", 14, 18, "tempat")
        with other.store.read() as conn, pytest.raises(SyncError, match="open in another program"):
            conn.exec_driver_sql("BEGIN")
            conn.exec_driver_sql("SELECT count(*) FROM segments").first()  # a reader holds the log
            client.refresh(path)
    with makna.open_project(path) as local:
        assert len(pending(local)) == 1  # nothing lost


def test_a_first_pull_that_fails_half_way_leaves_no_file(lab: Any, team: Any, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(path: Path, *args: Any, **kwargs: Any) -> Any:
        Path(path).write_bytes(b"SQLite format 3\x00 half of a copy")
        raise OSError("disk full")

    monkeypatch.setattr(client, "write_copy", broken)
    with pytest.raises(OSError):
        _pull(tmp_path)
    assert not list(tmp_path.iterdir())


def test_clear_errors(lab: Any, team: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(SyncError, match="no project 'Nope' of yours.*yours: Studi"):
        client.pull(URL, "Nope", tmp_path / "x.makna", user="budi", password=PASSWORD)
    with pytest.raises(SyncError, match="no project 'Studi' of yours.*none"):
        client.pull(URL, "Studi", tmp_path / "x.makna", user="eko", password=PASSWORD)
    with pytest.raises(SyncError, match="cannot log in.*Wrong user name or password"):
        client.pull(URL, "Studi", tmp_path / "x.makna", user="budi", password="wrong password")
    assert not (tmp_path / "x.makna").exists()
    plain = tmp_path / "plain.makna"
    makna.create_project(plain, "lokal").close()
    with pytest.raises(SyncError, match="not a copy pulled from a team server"):
        client.push(plain)
    path = _pull(tmp_path)
    with makna.open_project(path) as local:
        makna.code_span(local, "wawancara", 14, 18, "tempat")
    assert client.logout(path) is True
    with pytest.raises(SyncError, match="not logged in.*makna login"):
        client.push(path)
    client.login(path, PASSWORD)
    with makna.open_project(path) as local:  # a session ended on the server (expired)
        stale = sync_info(local)
    lab.state.registry.end_session(stale.token)
    with pytest.raises(SyncError, match="not logged in .*session ended"):
        client.push(path)
    client.login(path, PASSWORD)
    assert client.push(path).added == 1


def test_an_unreachable_server_and_a_version_mismatch_are_one_line_errors(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import httpx

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    monkeypatch.setattr(client, "open_http", lambda url: httpx.Client(base_url=url, transport=httpx.MockTransport(refuse)))
    with pytest.raises(SyncError, match=r"https://lab.example: server unreachable \(connection refused\)"):
        client.pull(URL, "Studi", tmp_path / "x.makna", user="budi", password=PASSWORD)
    from makna.sync.local import write_copy

    with pytest.raises(SyncError, match="version mismatch.*sync format 99"):
        write_copy(tmp_path / "y.makna", {"format": 99, "schema": "x"}, server=URL, project_id="p", project_name="n",
                   token=None, csrf=None)
    assert not (tmp_path / "y.makna").exists()
    with pytest.raises(SyncError, match="version mismatch.*schema '0001'"):
        write_copy(tmp_path / "y.makna", {"format": SYNC_FORMAT, "schema": "0001"}, server=URL, project_id="p",
                   project_name="n", token=None, csrf=None)


def test_the_workbench_on_a_pulled_copy_codes_as_its_coder(lab: Any, team: Any, tmp_path: Path) -> None:
    from web_helpers import TOKEN, Client, login

    from makna.web import close_app, create_app

    path = _pull(tmp_path)
    app = create_app(str(path), token=TOKEN, lang="en")
    c = Client(app)
    try:
        h = {"x-makna-csrf": login(c)}
        assert c.get("/api/project").json()["coder"] == "budi"
        sid = _source_id(team)
        r = c.post("/api/segments", json={"source": sid, "start": 14, "end": 18, "code": "tempat"}, headers=h)
        assert r.status_code == 201, r.text
        r = c.post("/api/codes", json={"name": "Baru"}, headers=h)
        assert r.status_code == 403 and "manager role" in r.json()["error"]
        activity = c.get("/").text
        assert "took a copy to code offline" in activity
    finally:
        c.close()
        close_app(app)
    assert client.push(path).added == 1


def test_a_push_reaches_open_pages_through_the_live_log(lab: Any, team: Any, tmp_path: Path) -> None:
    from makna.live import changes_after, latest_id

    path = _pull(tmp_path)
    with _server(team, "dewi") as srv:
        after = latest_id(srv)
    with makna.open_project(path) as local:
        seg = makna.code_span(local, "wawancara", 14, 18, "tempat")
    client.push(path)
    with _server(team, "dewi") as srv:
        change = changes_after(srv, after).changes[-1]
        assert (change.kind, change.actor) == ("segments.add", "budi")
        assert [s["id"] for s in change.data["segments"]] == [seg.id]
        after = latest_id(srv)
    with makna.open_project(path) as local:
        makna.uncode(local, seg.id)
    assert client.push(path).deleted == 1
    with _server(team, "dewi") as srv:
        change = changes_after(srv, after).changes[-1]
        assert (change.kind, change.data["reload"]) == ("other", True)


def test_a_pulled_copy_imported_as_a_server_project_leaves_its_session_behind(lab: Any, team: Any,
                                                                              tmp_path: Path) -> None:
    path = _pull(tmp_path)
    sp = team.import_project(path, owner="ana", name="Salinan")
    with makna.open_project(team.location(sp)) as copy:
        assert not [k for k in copy.store.meta() if k.startswith("sync.")]
        assert copy.store.read().__enter__().execute(select(tables.sync_base)).all() == []
