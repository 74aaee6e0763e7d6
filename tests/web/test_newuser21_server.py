"""What the twenty-first new user's trial (a lecturer and two students on the team server, #11) found."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sync_helpers import PASSWORD as SERVER_PASSWORD
from web_helpers import Client

from makna.server.ratelimit import LoginLimiter
from makna.web.server_app import create_server_app


@pytest.fixture
def server(team: Any, server_db: str) -> Iterator[Any]:
    app = create_server_app(server_db, lang="en", limiter=LoginLimiter(failures=5, window=600))
    yield app
    app.state.registry.close()


@pytest.mark.parametrize("path", ["/static/", "/static/no-such-file.js"])
def test_a_missing_static_file_is_404_not_a_server_error(server: Any, path: str) -> None:
    """A browser asking the team server for a file that is not there (an old cached page's script, a
    mistyped address) got 500 Internal Server Error: the error page looked for a project the request had
    not chosen."""
    c = Client(server)
    try:
        r = c.get(path)
        assert r.status_code == 404, r.text[:300]
        assert "Something is not right" in r.text and path in r.text
        c.post("/login", json={"name": "budi", "password": SERVER_PASSWORD})
        r = c.get(path)  # logged in, no project chosen yet
        assert r.status_code == 404, r.text[:300]
        r = c.get(path, headers={"X-Makna-Project": "Studi"})
        assert r.status_code == 404 and "Something is not right" in r.text
    finally:
        c.close()
