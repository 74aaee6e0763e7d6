"""The team server's login form after a wrong password keeps the user name typed (and puts the cursor
in the password field), as a person expects; it came back empty (found by a new user's trial, review)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from web_helpers import Client, form_csrf

from makna.server.ratelimit import LoginLimiter
from makna.web.server_app import create_server_app


@pytest.fixture
def server(team: Any, server_db: str) -> Iterator[Any]:
    app = create_server_app(server_db, lang="en", limiter=LoginLimiter(failures=5, window=600))
    yield app
    app.state.registry.close()


def test_a_failed_login_keeps_the_name(server: Any) -> None:
    c = Client(server)
    try:
        fresh = c.get("/login").text
        csrf = form_csrf(c, "/login")
        assert '<input id="name" name="name" autocomplete="username" required autofocus>' in fresh
        r = c.post("/login", data={"name": "budi", "password": "wrong password", "next": "/", "csrf": csrf})
        assert r.status_code == 401 and "Wrong user name or password." in r.text
        assert 'name="name" autocomplete="username" required value="budi">' in r.text
        assert 'type="password" autocomplete="current-password" required autofocus>' in r.text
        r = c.post(
            "/login", data={"name": '"><script>x</script>', "password": "wrong password", "next": "/", "csrf": csrf}
        )
        assert r.status_code == 401 and "<script>x" not in r.text
        assert 'value="&#34;&gt;&lt;script&gt;x&lt;/script&gt;"' in r.text
    finally:
        c.close()
