"""Helpers for the offline-coder tests: the team server's app with ``makna pull``/``push`` talking to
it through the httpx ASGI transport (no network)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from web_helpers import Client

from makna.server.ratelimit import LoginLimiter
from makna.web.server_app import create_server_app

PASSWORD = "correct horse battery"  # the team fixture's (tests/conftest.py)
URL = "https://lab.example"


class _Http(Client):
    """A web_helpers Client that ignores the base URL the sync client asks for."""

    def __init__(self, app: Any, seen: list[str]) -> None:
        super().__init__(app)
        self._seen = seen

    def request(self, method: str, url: str, **kwargs: Any) -> Any:
        self._seen.append(f"{method} {url}")
        return super().request(method, url, **kwargs)


@contextmanager
def served(server_db: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Any, list[str]]]:
    """The team server on ``server_db``, reached by makna's sync client at :data:`URL`; yields the app
    and the list of requests the client made."""
    import makna.sync.client as client

    app = create_server_app(server_db, lang="en", limiter=LoginLimiter(failures=50, window=600))
    seen: list[str] = []

    def open_http(url: str) -> _Http:
        assert url == URL
        return _Http(app, seen)

    monkeypatch.setattr(client, "open_http", open_http)
    try:
        yield app, seen
    finally:
        app.state.registry.close()


def server_login(app: Any, name: str, project: str = "Studi") -> tuple[Client, dict[str, str]]:
    """A client logged in to the team server ``app`` as ``name`` (the team fixture's password), and the
    headers of a write to ``project``."""
    c = Client(app)
    r = c.post("/login", json={"name": name, "password": PASSWORD})
    assert r.status_code == 200, r.text
    return c, {"X-Makna-CSRF": r.json()["csrf"], "X-Makna-Project": project}
