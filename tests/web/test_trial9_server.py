"""trial9 on the team server: a request naming, in X-Makna-Project, a project its user is no member
of was told to "choose a project first (... or send an X-Makna-Project header)", though it had sent
one; now it reads which projects are theirs (#11)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sync_helpers import server_login as _login

from makna.server.ratelimit import LoginLimiter
from makna.web.server_app import create_server_app


@pytest.fixture
def server(team: Any, server_db: str) -> Iterator[Any]:
    app = create_server_app(server_db, lang="en", limiter=LoginLimiter(failures=10, window=600))
    yield app
    app.state.registry.close()


def test_a_project_header_naming_no_project_of_the_user_says_so(server: Any) -> None:
    eko, h = _login(server, "eko")  # an account in no project
    budi, hb = _login(server, "budi")
    try:
        r = eko.get("/api/sources", headers=h)
        assert r.status_code == 404
        assert r.json()["error"] == "'eko' is a member of no project 'Studi' on this server (theirs: none)"
        r = budi.get("/api/sources", headers={**hb, "X-Makna-Project": "Lain"})
        assert r.status_code == 404 and r.json()["error"].endswith("(theirs: Studi)")
        assert budi.get("/api/sources", headers=hb).status_code == 200
        no_header = {k: v for k, v in hb.items() if k != "X-Makna-Project"}
        r = budi.get("/api/sources", headers=no_header)
        assert r.status_code == 409 and r.json()["error"].startswith("choose a project first")
    finally:
        eko.close()
        budi.close()
