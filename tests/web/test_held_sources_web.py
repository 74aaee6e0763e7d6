"""gate26 (trial15 problem 2, high): on a team server a coder read a survey uploaded after the project's
de-identification, names and all. A source imported into a de-identified project is now held: a coder or a viewer
gets 404 or a refusal on every route that reads its text (source page, rows, API, search, retrieval, exports,
report, pull); a manager sees it flagged with what releases it; a release or an apply lifts it. Through httpx's
ASGI transport: the team server on PostgreSQL, and the workbench on SQLite with a team server's roles attached."""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sync_helpers import server_login as _login
from web_helpers import TOKEN, Client, login

import makna
from makna.access import Access
from makna.privacy.project import decide_all, scan
from makna.server.ratelimit import LoginLimiter
from makna.web import close_app, create_app
from makna.web.server_app import create_server_app

PASS = "tiga ekor kucing melompat pagar"
LATE = "Q: What was hardest?\nA: Standing for hours. Dr Margaret Fitzgerald told me to rest more.\n"
NAME = "Fitzgerald"
FLAG_EN = "held: not de-identified yet"
FLAG_ID = "ditahan: belum melalui de-identifikasi"


def _upload(c: Client, h: dict[str, str]) -> str:
    r = c.post("/api/import", headers=h, files={"files": ("late.txt", LATE.encode(), "text/plain")})
    assert r.status_code == 200, r.text
    (sid,) = [s["id"] for s in c.get("/api/sources", headers=h).json() if s["name"] == "late.txt"]
    start = LATE.index("Dr Margaret")
    r = c.post("/api/segments", headers=h, json={"source": sid, "start": start, "end": start + 30, "code": "emosi"})
    assert r.status_code == 201, r.text
    return str(sid)


def _reads_nothing(c: Client, h: dict[str, str], sid: str) -> None:
    """Every route that reads a source's text answers a coder or a viewer without the held source."""
    for url in (
        f"/sources/{sid}",
        f"/sources/{sid}/rows?start=0&end=40",
        f"/api/sources/{sid}",
        f"/api/sources/{sid}/segments",
    ):
        r = c.get(url, headers=h)
        assert r.status_code == 404 and NAME not in r.text, (url, r.status_code)
    assert "late.txt" not in {s["name"] for s in c.get("/api/sources", headers=h).json()}
    for url in ("/", "/search?q=hardest", "/retrieve?code=emosi", "/api/retrieve?code=emosi", "/api/project", "/cases"):
        r = c.get(url, headers=h)
        assert r.status_code == 200 and NAME not in r.text and "late.txt" not in r.text, url
    found = c.get("/api/search?q=hardest", headers=h).json()
    assert found["hits"] == [] and found["sources"] == 0
    r = c.get("/export/csv", headers=h)
    assert r.status_code == 409 and NAME not in r.text and "held" in html.unescape(r.text)
    r = c.post("/api/report", headers=h, json={"lang": "en"})
    assert r.status_code == 409 and "held" in r.json()["error"]


def _sees_it_flagged(app: Any, c: Client, h: dict[str, str], sid: str) -> None:
    assert FLAG_EN in c.get("/", headers=h).text
    page = html.unescape(c.get(f"/sources/{sid}", headers=h).text)
    assert FLAG_EN in page and NAME in page and 'id="release-form"' in page and "/deid?source=" in page
    assert c.get(f"/api/sources/{sid}", headers=h).json()["held"] is True
    listed = {s["name"]: s["held"] for s in c.get("/api/sources", headers=h).json()}
    assert listed["late.txt"] is True
    app.state.lang = "id"
    try:
        assert FLAG_ID in html.unescape(c.get(f"/sources/{sid}", headers=h).text)
        assert FLAG_ID in html.unescape(c.get("/", headers=h).text)
    finally:
        app.state.lang = "en"


# ----------------------------------------------------------------------------- the team server (PostgreSQL)
@pytest.fixture
def keys(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("keys")
    folder.chmod(0o700)
    return folder


@pytest.fixture
def server(team: Any, server_db: str, keys: Path) -> Iterator[Any]:
    """The team fixture's 'Studi', de-identified on the web by its manager (the key in the server's key folder)."""
    with makna.open_project(team.location(team.project("Studi")), coder="ana") as p:
        makna.import_text(p, "baru.txt", "P: Siapa namamu?\nI: Nama saya Rosmaini, dari Pariaman.\n", language="id")
        scan(p)
        decide_all(p, "accepted")
    app = create_server_app(server_db, lang="en", limiter=LoginLimiter(failures=10, window=600), key_dir=keys)
    c, h = _login(app, "dewi")
    try:
        r = c.post("/api/deid/apply", json={"passphrase": PASS}, headers=h)
        assert r.status_code == 200, r.text
    finally:
        c.close()
    yield app
    app.state.registry.close()


def test_a_coder_and_a_viewer_read_nothing_of_a_held_source(server: Any) -> None:
    dewi, hd = _login(server, "dewi")
    try:
        sid = _upload(dewi, hd)
        _sees_it_flagged(server, dewi, hd, sid)
        for who in ("budi", "citra"):
            c, h = _login(server, who)
            try:
                _reads_nothing(c, h, sid)
                if who == "budi":
                    pulled = c.get("/api/sync/pull", headers=h)
                    assert pulled.status_code == 200 and NAME not in pulled.text and sid not in pulled.text
                    r = c.post("/api/segments", headers=h, json={"source": sid, "start": 0, "end": 5, "code": "emosi"})
                    assert r.status_code == 404
            finally:
                c.close()
    finally:
        dewi.close()


def test_a_managers_release_lifts_it(server: Any) -> None:
    dewi, hd = _login(server, "dewi")
    budi, hb = _login(server, "budi")
    try:
        sid = _upload(dewi, hd)
        r = budi.post(f"/api/sources/{sid}/release", headers=hb, json={"reason": "no names"})
        assert r.status_code == 403
        r = dewi.post(f"/api/sources/{sid}/release", headers=hd, json={"reason": "it names no one"})
        assert r.status_code == 200 and r.json()["released"] == "late.txt"
        assert budi.get(f"/sources/{sid}", headers=hb).status_code == 200
        assert FLAG_EN not in dewi.get(f"/sources/{sid}", headers=hd).text
    finally:
        dewi.close()
        budi.close()


def test_the_apply_lifts_it(server: Any) -> None:
    dewi, hd = _login(server, "dewi")
    budi, hb = _login(server, "budi")
    try:
        sid = _upload(dewi, hd)
        for _ in range(2):
            assert dewi.post("/api/deid/scan", headers=hd, json={}).status_code == 200
            assert dewi.post("/api/deid/decide-all", headers=hd, json={"status": "accepted"}).status_code == 200
        assert budi.get(f"/api/sources/{sid}", headers=hb).status_code == 404  # scanned is not enough
        r = dewi.post("/api/deid/apply", json={"passphrase": PASS}, headers=hd)
        assert r.status_code == 200, r.text
        got = budi.get(f"/api/sources/{sid}", headers=hb)
        assert got.status_code == 200 and NAME not in got.text and got.json()["held"] is False
    finally:
        dewi.close()
        budi.close()


# ----------------------------------------------------------------------------- the workbench (SQLite)
@pytest.fixture
def workbench(tmp_path: Path) -> Iterator[tuple[Any, str]]:
    """A de-identified project file with a held source, served to the coder 'budi' with a team server's roles."""
    location = str(tmp_path / "study.makna")
    with makna.create_project(location, "Studi", coder="ana") as p:
        makna.import_text(p, "baru.txt", "P: Siapa namamu?\nI: Nama saya Rosmaini, dari Pariaman.\n", language="id")
        makna.add_code(p, "emosi", "Emosi")
        scan(p)
        decide_all(p, "accepted")
        makna.deid_apply(p, tmp_path / "k.makna-key", PASS)
        makna.import_text(p, "late.txt", LATE, language="en")
        sid = makna.get_source(p, "late.txt").id
        start = LATE.index("Dr Margaret")
        makna.code_span(p, "late.txt", start, start + 30, "emosi")
    app = create_app(location, token=TOKEN, coder="budi", lang="en")
    app.state.project.store.access = Access({"ana": "owner", "dewi": "manager", "budi": "coder"})
    yield app, sid
    close_app(app)


def test_on_sqlite_a_coder_reads_nothing_and_a_manager_sees_it_flagged(workbench: tuple[Any, str]) -> None:
    app, sid = workbench
    c = Client(app)
    try:
        h = {"X-Makna-CSRF": login(c)}
        _reads_nothing(c, h, sid)
        app.state.project.coder_name = "dewi"
        _sees_it_flagged(app, c, h, sid)
        r = c.post(f"/api/sources/{sid}/release", headers=h, json={"reason": "it names no one"})
        assert r.status_code == 200, r.text
        app.state.project.coder_name = "budi"
        assert NAME in c.get(f"/api/sources/{sid}", headers=h).text
    finally:
        c.close()
