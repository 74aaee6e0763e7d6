"""team29 (#11): a manager holds a source for de-identification by hand on its page, and releases it, each with a
reason ('makna sources hold' / 'makna sources release' on the web). Only the manager role is offered the control
and may use it: a coder or a viewer gets 403 and the project is unchanged. Each action is one event with the actor
and the reason; a refusal is one line, in English and in Indonesian; the source's name is escaped. Through httpx's
ASGI transport: the workbench with a team server's roles on SQLite and PostgreSQL, and the team server itself."""

from __future__ import annotations

import html
from collections.abc import Iterator
from typing import Any

import pytest
from sync_helpers import server_login as _login
from web_helpers import TOKEN, Client, login

import makna
from makna.access import Access
from makna.memos import events
from makna.web import close_app, create_app
from makna.web.server_app import create_server_app

NAME = "<b>Bu Tini</b> & anak"  # a source name that HTML must escape
TEXT = "P: Bagaimana harimu?\nI: Saya menunggu bus di halte, lalu pulang.\n"


@pytest.fixture
def workbench(project_location: str) -> Iterator[tuple[Any, str]]:
    """A project (not de-identified) with one source, served with a team server's roles; acting as 'dewi'."""
    with makna.create_project(project_location, "Studi", coder="ana") as p:
        makna.import_text(p, NAME, TEXT, language="id")
        sid = makna.get_source(p, NAME).id
    app = create_app(project_location, token=TOKEN, coder="dewi", lang="en")
    app.state.project.store.access = Access({"ana": "owner", "dewi": "manager", "budi": "coder", "citra": "viewer"})
    yield app, sid
    close_app(app)


def _state(app: Any, sid: str) -> tuple[int, bool]:
    """How many events the project holds, and whether the source is held (as its manager reads it)."""
    proj = app.state.project
    was, proj.coder_name = proj.coder_name, "ana"
    try:
        return len(events(proj, limit=10000)), _held(proj, sid)
    finally:
        proj.coder_name = was


def _held(proj: Any, sid: str) -> bool:
    from makna.holds import is_held

    with proj.store.read() as conn:
        return is_held(conn, sid)


def test_a_manager_holds_and_releases_a_source_on_its_page(workbench: tuple[Any, str]) -> None:
    app, sid = workbench
    proj = app.state.project
    c = Client(app)
    try:
        h = {"X-Makna-CSRF": login(c)}
        page = c.get(f"/sources/{sid}", headers=h).text
        assert 'id="hold-form"' in page and f'data-url="/api/sources/{sid}/hold"' in page
        assert 'id="release-form"' not in page and "held-note" not in page
        assert NAME not in page and html.escape(NAME, quote=False) in page  # escaped, never as markup
        r = c.post(f"/api/sources/{sid}/hold", headers=h, json={"reason": "  she names  her neighbour  "})
        assert r.status_code == 200 and r.json() == {"held": NAME}
        event = events(proj, limit=1, action="source.hold")[0]
        assert event.actor == "dewi" and event.payload == {"reason": "she names her neighbour", "id": sid}
        page = html.unescape(c.get(f"/sources/{sid}", headers=h).text)
        assert 'id="held-note"' in page and 'id="release-form"' in page and 'id="hold-form"' not in page
        assert "held: not de-identified yet" in page and "or held by a manager" in page
        proj.coder_name = "budi"  # a coder no longer sees it
        assert c.get(f"/sources/{sid}", headers=h).status_code == 404
        proj.coder_name = "dewi"
        r = c.post(f"/api/sources/{sid}/release", headers=h, json={"reason": "it is de-identified by hand"})
        assert r.status_code == 200 and r.json() == {"released": NAME}
        event = events(proj, limit=1, action="source.release")[0]
        assert event.actor == "dewi" and event.payload["reason"] == "it is de-identified by hand"
        assert 'id="hold-form"' in c.get(f"/sources/{sid}", headers=h).text
        proj.coder_name = "budi"
        assert c.get(f"/sources/{sid}", headers=h).status_code == 200
    finally:
        c.close()


@pytest.mark.parametrize("who", ["budi", "citra"])
def test_a_coder_or_a_viewer_is_neither_offered_it_nor_may_use_it(workbench: tuple[Any, str], who: str) -> None:
    app, sid = workbench
    proj = app.state.project
    c = Client(app)
    try:
        h = {"X-Makna-CSRF": login(c)}
        proj.coder_name = who
        page = c.get(f"/sources/{sid}", headers=h).text
        assert "hold-form" not in page and "release-form" not in page and "Hold it for" not in page
        before = _state(app, sid)
        r = c.post(f"/api/sources/{sid}/hold", headers=h, json={"reason": "I think it names someone"})
        assert r.status_code == 403, r.text
        assert _state(app, sid) == before == (before[0], False)
        proj.coder_name = "dewi"
        assert c.post(f"/api/sources/{sid}/hold", headers=h, json={"reason": "names"}).status_code == 200
        before = _state(app, sid)
        proj.coder_name = who
        r = c.post(f"/api/sources/{sid}/release", headers=h, json={"reason": "it names no one"})
        assert r.status_code in (403, 404), r.text  # the viewer and the coder do not see a held source at all
        assert _state(app, sid) == before == (before[0], True)
    finally:
        c.close()


def test_refusals_are_one_translated_line_and_change_nothing(workbench: tuple[Any, str]) -> None:
    app, sid = workbench
    c = Client(app)
    try:
        h = {"X-Makna-CSRF": login(c)}
        before = _state(app, sid)
        for lang, blank, loose in (
            ("en", "give the reason for holding it", "is not held for de-identification: nothing to release"),
            ("id", "berikan alasan untuk menahannya", "tidak ditahan untuk de-identifikasi: tidak ada yang dilepaskan"),
        ):
            app.state.lang = lang
            r = c.post(f"/api/sources/{sid}/hold", headers=h, json={"reason": "   "})
            assert r.status_code == 400 and blank in r.json()["error"] and "\n" not in r.json()["error"]
            r = c.post(f"/api/sources/{sid}/release", headers=h, json={"reason": "it names no one"})
            assert r.status_code == 409 and loose in r.json()["error"] and NAME in r.json()["error"]
            assert _state(app, sid) == before
        app.state.lang = "en"
        assert c.post(f"/api/sources/{sid}/hold", headers=h, json={"reason": "names"}).status_code == 200
        held = _state(app, sid)
        for lang, twice in (
            ("en", "is held for de-identification already"),
            ("id", "sudah ditahan untuk de-identifikasi"),
        ):
            app.state.lang = lang
            r = c.post(f"/api/sources/{sid}/hold", headers=h, json={"reason": "again"})
            error = r.json()["error"]
            assert r.status_code == 409 and twice in error and NAME in error and "\n" not in error
            assert _state(app, sid) == held
        app.state.lang = "id"
        page = html.unescape(c.get(f"/sources/{sid}", headers=h).text)
        assert "Lepaskan" in page and "ditahan: belum melalui de-identifikasi" in page
        assert c.post(f"/api/sources/{sid}/release", headers=h, json={"reason": "x"}).status_code == 200
        assert "Tahan untuk de-identifikasi" in html.unescape(c.get(f"/sources/{sid}", headers=h).text)
        r = c.post("/api/sources/nope/hold", headers=h, json={"reason": "names"})
        assert r.status_code == 404
        r = c.post(f"/api/sources/{sid}/hold", headers={}, json={"reason": "names"})
        assert r.status_code == 403 and "CSRF" in r.json()["error"]
    finally:
        app.state.lang = "en"
        c.close()


# ----------------------------------------------------------------------------- the team server (PostgreSQL)
def test_on_the_team_server_only_a_manager_holds_and_releases(team: Any, server_db: str) -> None:
    app = create_server_app(server_db, lang="en")
    try:
        with makna.open_project(team.location(team.project("Studi")), coder="ana") as p:
            sid = makna.get_source(p, "wawancara").id
            n_events = len(events(p, limit=10000))
        for who in ("budi", "citra"):
            c, h = _login(app, who)
            try:
                assert "hold-form" not in c.get(f"/sources/{sid}", headers=h).text
                r = c.post(f"/api/sources/{sid}/hold", headers=h, json={"reason": "names"})
                assert r.status_code == 403, r.text
            finally:
                c.close()
        dewi, hd = _login(app, "dewi")
        try:
            assert 'id="hold-form"' in dewi.get(f"/sources/{sid}", headers=hd).text
            r = dewi.post(f"/api/sources/{sid}/hold", json={"reason": "names"})  # no CSRF header
            assert r.status_code == 403
            r = dewi.post(f"/api/sources/{sid}/hold", headers=hd, json={"reason": "she names her sister"})
            assert r.status_code == 200, r.text
            budi, hb = _login(app, "budi")
            try:
                assert budi.get(f"/sources/{sid}", headers=hb).status_code == 404
                r = budi.post(f"/api/sources/{sid}/release", headers=hb, json={"reason": "no names"})
                assert r.status_code == 403
                r = dewi.post(f"/api/sources/{sid}/release", headers=hd, json={"reason": "de-identified by hand"})
                assert r.status_code == 200, r.text
                assert budi.get(f"/sources/{sid}", headers=hb).status_code == 200
            finally:
                budi.close()
        finally:
            dewi.close()
        with makna.open_project(team.location(team.project("Studi")), coder="ana") as p:
            log = events(p, limit=10000)
            done = [(e.action, e.actor) for e in log[: len(log) - n_events]]
        assert sorted(done) == [("source.hold", "dewi"), ("source.release", "dewi")]
    finally:
        app.state.registry.close()
