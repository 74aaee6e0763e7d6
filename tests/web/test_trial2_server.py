"""On the team server, a viewer or a coder who asked for a de-identification got a refusal, but only
after the server had written a new key file, encrypted with their own passphrase, wherever they named
on the server's disk: the mapping of every original to its surrogate (found by a second new user's trial,
#11). The role is checked before the key is touched."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sync_helpers import PASSWORD as SERVER_PASSWORD
from web_helpers import Client

import makna
from makna.privacy.project import decide_all, scan
from makna.server.ratelimit import LoginLimiter
from makna.web.server_app import create_server_app

PASS = "tiga ekor kucing melompat pagar"


@pytest.fixture
def keys(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("keys")


@pytest.fixture
def server(team: Any, server_db: str, keys: Path) -> Iterator[Any]:
    with makna.open_project(team.location(team.project("Studi")), coder="ana") as p:
        makna.import_text(p, "baru.txt", "P: Siapa namamu?\nI: Nama saya Rosmaini, dari Pariaman.\n", language="id")
        scan(p)
        decide_all(p, "accepted")
    app = create_server_app(server_db, lang="en", limiter=LoginLimiter(failures=5, window=600), key_dir=keys)
    yield app
    app.state.registry.close()


def _login(app: Any, name: str) -> tuple[Client, dict[str, str]]:
    c = Client(app)
    r = c.post("/login", json={"name": name, "password": SERVER_PASSWORD})
    assert r.status_code == 200, r.text
    return c, {"X-Makna-CSRF": r.json()["csrf"], "X-Makna-Project": "Studi"}


@pytest.mark.parametrize("who", ["citra", "budi"])
def test_only_a_manager_makes_the_server_write_a_key(server: Any, who: str, keys: Path) -> None:
    folder = keys  # the server's key folder (invite18: a web apply on a team server names no path)
    c, h = _login(server, who)
    try:
        r = c.post("/api/deid/apply", json={"passphrase": PASS}, headers=h)
        assert r.status_code == 403 and "manager role" in r.json()["error"], r.text
        assert list(folder.iterdir()) == []
    finally:
        c.close()
    c, h = _login(server, "dewi")
    try:
        r = c.post("/api/deid/apply", json={"passphrase": PASS}, headers=h)
        assert r.status_code == 200, r.text
        assert [p.name for p in Path(folder).iterdir()] == [f"makna-{server.state.registry.project('Studi').id}.key"]
    finally:
        c.close()
