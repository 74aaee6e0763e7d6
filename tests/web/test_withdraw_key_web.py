"""gate26 (trial15 problem 3, high): on a team server a de-identified project's participant could not be withdrawn
from the Cases page (it sent the manager to a command line README never gave). When the server keeps the
project's key in its key folder (a web apply put it there), the form takes the key's passphrase (never stored)
and withdraws with the key: her originals leave the key file too. A wrong passphrase is one clear error and
changes nothing; without a key the refusal says what to do; both languages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sync_helpers import server_login as _login
from web_helpers import Client

import makna
from makna.privacy.project import add_detection, decide_all, review_entries, scan
from makna.server.ratelimit import LoginLimiter
from makna.web.server_app import create_server_app
from withdraw_helpers import HERS, NAMED, PASS, SHARED, TEXT
from withdraw_helpers import key_text as _key_text


def _reviewed(team: Any) -> None:
    with makna.open_project(team.location(team.project("Studi")), coder="ana") as p:
        makna.import_text(p, "fg2.txt", TEXT, language="en")
        for _ in range(2):
            scan(p)
            decide_all(p, "accepted")
        for name in NAMED:
            at = TEXT.index(name)
            if not any(e.start <= at < e.end for e in review_entries(p)):
                add_detection(p, "fg2.txt", at, at + len(name), "ADDRESS" if "Gang" in name else "PERSON")
        scan(p)
        decide_all(p, "accepted")


@pytest.fixture
def keys(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("keys")
    folder.chmod(0o700)
    return folder


@pytest.fixture
def server(team: Any, server_db: str, keys: Path) -> Iterator[tuple[Any, Path]]:
    """'Studi' with the focus group, de-identified on the web by its manager: the key in the server's key folder."""
    _reviewed(team)
    app = create_server_app(server_db, lang="en", limiter=LoginLimiter(failures=10, window=600), key_dir=keys)
    c, h = _login(app, "dewi")
    try:
        r = c.post("/api/deid/apply", json={"passphrase": PASS}, headers=h)
        assert r.status_code == 200, r.text
    finally:
        c.close()
    (key,) = keys.iterdir()
    yield app, key
    app.state.registry.close()


def _turns(c: Client, h: dict[str, str]) -> int:
    (src,) = [s for s in c.get("/api/sources", headers=h).json() if s["name"] == "fg2.txt"]
    return int(src["turns"])


def test_the_form_withdraws_with_the_servers_key(server: tuple[Any, Path]) -> None:
    app, key = server
    assert all(w in _key_text(key) for w in HERS + SHARED)
    c, h = _login(app, "dewi")
    try:
        page = c.get("/cases", headers=h).text
        assert 'name="passphrase"' in page and "this server keeps its key" in page
        before, turns = key.read_bytes(), _turns(c, h)
        r = c.post("/api/participants/withdraw", headers=h, json={"speaker": "R2", "confirm": "R2"})
        assert r.status_code == 400 and "type the passphrase of the project's key" in r.json()["error"]
        r = c.post(
            "/api/participants/withdraw",
            headers=h,
            json={"speaker": "R2", "confirm": "R2", "passphrase": "not the passphrase"},
        )
        assert r.status_code == 400 and r.json()["error"] == "wrong passphrase, or the key file has been altered"
        assert "not the passphrase" not in r.text
        assert key.read_bytes() == before and _turns(c, h) == turns  # nothing changed
        app.state.lang = "id"
        try:
            r = c.post(
                "/api/participants/withdraw",
                headers=h,
                json={"speaker": "R2", "confirm": "R2", "passphrase": "not the passphrase"},
            )
            assert r.json()["error"] == "frasa sandi salah, atau berkas kunci telah diubah"
        finally:
            app.state.lang = "en"
        r = c.post("/api/participants/withdraw", headers=h, json={"speaker": "R2", "confirm": "R2", "passphrase": PASS})
        assert r.status_code == 200, r.text
        assert r.json()["turns"] == 2 and r.json()["key_originals"] >= 3
        assert PASS not in r.text
        stored = _key_text(key)
        assert not any(w in stored for w in HERS), [w for w in HERS if w in stored]
        assert all(w in stored for w in SHARED)
        assert _turns(c, h) == turns - 2
    finally:
        c.close()


def test_a_coder_is_refused_before_the_key_is_read(server: tuple[Any, Path]) -> None:
    app, key = server
    before = key.read_bytes()
    c, h = _login(app, "budi")
    try:
        r = c.post("/api/participants/withdraw", headers=h, json={"speaker": "R2", "confirm": "R2", "passphrase": PASS})
        assert r.status_code == 403
    finally:
        c.close()
    assert key.read_bytes() == before


def test_without_a_key_folder_the_refusal_says_what_to_do(team: Any, server_db: str, tmp_path: Path) -> None:
    _reviewed(team)
    with makna.open_project(team.location(team.project("Studi")), coder="ana") as p:
        makna.deid_apply(p, tmp_path / "k.key", PASS)  # on the command line: the server keeps no key
    app = create_server_app(server_db, lang="en", limiter=LoginLimiter(failures=10, window=600))
    c, h = _login(app, "dewi")
    try:
        assert 'name="passphrase"' not in c.get("/cases", headers=h).text
        turns = _turns(c, h)
        for body in ({"speaker": "R2", "confirm": "R2"}, {"speaker": "R2", "confirm": "R2", "passphrase": PASS}):
            r = c.post("/api/participants/withdraw", headers=h, json=body)
            assert r.status_code == 400 and "this server keeps no key of this project" in r.json()["error"]
            assert "makna sources withdraw SPEAKER --purge --key FILE" in r.json()["error"]
        app.state.lang = "id"
        r = c.post("/api/participants/withdraw", headers=h, json={"speaker": "R2", "confirm": "R2"})
        assert r.json()["error"].startswith("server ini tidak menyimpan kunci proyek ini")
        assert _turns(c, h) == turns
    finally:
        c.close()
        app.state.registry.close()
