"""gate27 (#11): on a team server a case linked to a source held for de-identification showed to coders (its name,
its attributes, its link count), though the source itself was held. Now a coder reads nothing of such a case on any
route (Cases page and API, home page, retrieval's filters, analysis matrices and counts, memos, pull, the
de-identification review's lists), while a manager sees it. Through httpx's ASGI transport: the team server on PostgreSQL, and the workbench on SQLite with a team
server's roles attached."""

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
from makna.memos import add_memo
from makna.privacy.project import decide_all, scan
from makna.server.ratelimit import LoginLimiter
from makna.web import close_app, create_app
from makna.web.server_app import create_server_app

PASS = "tiga ekor kucing melompat pagar"
FIRST = "P: Bagaimana pasar pagi ini?\nI: Ramai, banyak pembeli sayur dan ikan.\n"
LATE = "Q: What was hardest?\nA: Standing for hours at the loom in Ambon.\n"
HELD_CASE = "Yohana Tanamal"
SHOWN_CASE = "Lastri"


def _cases(p: Any) -> None:
    """'Lastri' on the de-identified 'baru.txt'; 'Yohana Tanamal' (age 58, a memo) on the held 'late.txt' and on a
    span of 'baru.txt'; a coding on each source."""
    makna.add_code(p, "pasar", "Pasar")
    makna.define_attribute(p, "umur", "integer")
    makna.add_case(p, SHOWN_CASE, values={"umur": 41})
    makna.link_source(p, SHOWN_CASE, "baru.txt")
    makna.add_case(p, HELD_CASE, "penenun", values={"umur": 58})
    makna.link_source(p, HELD_CASE, "late.txt")
    makna.link_source(p, HELD_CASE, "baru.txt", 0, 10)
    makna.code_span(p, "baru.txt", 0, 10, "pasar")
    makna.code_span(p, "late.txt", 0, 10, "pasar")
    add_memo(p, "case", HELD_CASE, "asked for the transcript")
    makna.deid_scan(p)  # the held source and the new case under review: identifiers in their context


def _reads_nothing_of_it(c: Client, h: dict[str, str], *, pull: bool) -> None:
    for url in (
        "/cases",
        "/api/cases",
        "/",
        "/retrieve",
        "/retrieve?code=pasar",
        "/api/retrieve?code=pasar",
        "/api/analysis/matrix?by=case",
        "/api/analysis/matrix?by=umur&measure=cases",
        "/analysis",
        "/api/memos",
        "/api/events",
        "/deid",
        "/api/deid/fields",
        "/api/deid/status",
        "/api/deid/detections",
    ):
        r = c.get(url, headers=h)
        assert r.status_code == 200, (url, r.status_code)
        text = html.unescape(r.text)
        assert HELD_CASE not in text and "transcript" not in text and "Ambon" not in text, url
    assert [x["name"] for x in c.get("/api/cases", headers=h).json()] == [SHOWN_CASE]
    assert [f["cases"] for f in c.get("/api/analysis/frequencies", headers=h).json() if f["key"] == "pasar"] == [1]
    r = c.get("/api/retrieve", params={"case": HELD_CASE}, headers=h)
    assert r.status_code == 404 and HELD_CASE in r.json()["error"]  # the name she typed, nothing more
    assert c.get("/api/retrieve", params={"attribute": "umur", "value": "58"}, headers=h).json() == []
    if pull:
        pulled = c.get("/api/sync/pull", headers=h)
        assert pulled.status_code == 200 and HELD_CASE not in pulled.text and "transcript" not in pulled.text


def _sees_it(c: Client, h: dict[str, str]) -> None:
    assert [x["name"] for x in c.get("/api/cases", headers=h).json()] == [SHOWN_CASE, HELD_CASE]
    assert HELD_CASE in html.unescape(c.get("/cases", headers=h).text)
    assert c.get("/api/analysis/matrix?by=case", headers=h).json()["columns"] == [SHOWN_CASE, HELD_CASE]
    assert HELD_CASE in c.get("/api/deid/fields", headers=h).text


# ----------------------------------------------------------------------------- the team server (PostgreSQL)
@pytest.fixture
def server(team: Any, server_db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The team fixture's 'Studi', de-identified on the web by its manager; then 'late.txt' uploaded (held)."""
    keys = tmp_path_factory.mktemp("keys")
    keys.chmod(0o700)
    location = team.location(team.project("Studi"))
    with makna.open_project(location, coder="ana") as p:
        makna.import_text(p, "baru.txt", FIRST, language="id")
        scan(p)
        decide_all(p, "accepted")
    app = create_server_app(server_db, lang="en", limiter=LoginLimiter(failures=10, window=600), key_dir=keys)
    c, h = _login(app, "dewi")
    try:
        assert c.post("/api/deid/apply", json={"passphrase": PASS}, headers=h).status_code == 200
        r = c.post("/api/import", headers=h, files={"files": ("late.txt", LATE.encode(), "text/plain")})
        assert r.status_code == 200, r.text
    finally:
        c.close()
    with makna.open_project(location, coder="ana") as p:
        _cases(p)
    yield app
    app.state.registry.close()


def test_a_coder_reads_nothing_of_a_held_case_and_a_manager_does(server: Any) -> None:
    budi, hb = _login(server, "budi")
    dewi, hd = _login(server, "dewi")
    try:
        _reads_nothing_of_it(budi, hb, pull=True)
        _sees_it(dewi, hd)
        (sid,) = [s["id"] for s in dewi.get("/api/sources", headers=hd).json() if s["name"] == "late.txt"]
        r = dewi.post(f"/api/sources/{sid}/release", headers=hd, json={"reason": "it names no one"})
        assert r.status_code == 200, r.text
        _sees_it(budi, hb)  # released: the case shows again, as it was
    finally:
        budi.close()
        dewi.close()


# ----------------------------------------------------------------------------- the workbench (SQLite)
@pytest.fixture
def workbench(tmp_path: Path) -> Iterator[Any]:
    location = str(tmp_path / "study.makna")
    with makna.create_project(location, "Studi", coder="ana") as p:
        makna.import_text(p, "baru.txt", FIRST, language="id")
        scan(p)
        decide_all(p, "accepted")
        makna.deid_apply(p, tmp_path / "k.makna-key", PASS)
        makna.import_text(p, "late.txt", LATE, language="en")
        _cases(p)
    app = create_app(location, token=TOKEN, coder="budi", lang="en")
    app.state.project.store.access = Access({"ana": "owner", "dewi": "manager", "budi": "coder"})
    yield app
    close_app(app)


def test_on_sqlite_a_coder_reads_nothing_of_a_held_case(workbench: Any) -> None:
    c = Client(workbench)
    try:
        h = {"X-Makna-CSRF": login(c)}
        _reads_nothing_of_it(c, h, pull=False)
        workbench.state.project.coder_name = "dewi"
        _sees_it(c, h)
    finally:
        c.close()
