"""Fixtures for the workbench tests: a small project with emoji and Indonesian text, the app, and
a client that carries the access token (as a browser would after following the printed URL)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from web_helpers import CHROMIUM, CHROMIUM_ARGS, TOKEN, Client, build_sample, login

from makna.web import close_app, create_app


@pytest.fixture
def sample_location(project_location: str) -> str:
    build_sample(project_location)
    return project_location


@pytest.fixture
def app(sample_location: str) -> Iterator[Any]:
    application = create_app(sample_location, token=TOKEN, coder="tester", lang="en")
    yield application
    close_app(application)


@pytest.fixture
def client(app: Any) -> Iterator[Client]:
    """Logged in: the token was given once in the URL and the cookie kept."""
    c = Client(app)
    r = c.get(f"/?token={TOKEN}")
    assert r.status_code == 303
    yield c
    c.close()


@pytest.fixture
def id_client(sample_location: str) -> Iterator[tuple[Client, dict[str, str]]]:
    """The workbench in Indonesian, logged in: the client and its CSRF header."""
    application = create_app(sample_location, token=TOKEN, coder="tester", lang="id")
    c = Client(application)
    yield c, {"X-Makna-CSRF": login(c)}
    c.close()
    close_app(application)


@pytest.fixture
def csrf(client: Client) -> str:
    html = client.get("/").text
    marker = 'name="makna-csrf" content="'
    i = html.index(marker) + len(marker)
    return html[i : html.index('"', i)]


@pytest.fixture
def anon(app: Any) -> Iterator[Client]:
    """A client without the token."""
    c = Client(app)
    yield c
    c.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless, driven by Playwright (one per test module)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def team_served(team: Any, server_db: str) -> Iterator[Any]:
    """The team fixture's server (tests/conftest.py) under uvicorn on a free local port."""
    from web_helpers import LiveServer

    from makna.web.server_app import create_server_app

    application = create_server_app(server_db, lang="en")
    server = LiveServer(application)
    yield server
    server.stop()
    application.state.registry.close()
