"""A team server's live stream reads only as long as its reader may (newuser17): a member removed from the
project, or given another role, or logged out, gets no further change on a stream opened before, and the
stream ends (the page's reconnect is refused, or opens a stream for the new role). Against a real uvicorn
server, on the team fixture's PostgreSQL registry."""

from __future__ import annotations

import json
import queue
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from web_helpers import LiveServer

from makna.web.server_app import create_server_app

SERVER_PASSWORD = "correct horse battery"  # the team fixture's (tests/conftest.py)


@pytest.fixture
def served(team: Any, server_db: str) -> Iterator[tuple[Any, LiveServer]]:
    app = create_server_app(server_db, lang="en")
    server = LiveServer(app)
    yield app, server
    server.stop()
    app.state.registry.close()


def _login(server: LiveServer, name: str) -> tuple[httpx.Client, str]:
    c = httpx.Client(base_url=server.url, timeout=httpx.Timeout(10, read=None))
    r = c.post("/login", json={"name": name, "password": SERVER_PASSWORD})
    assert r.status_code == 200, r.text
    csrf = r.json()["csrf"]
    assert c.post("/api/server/projects/Studi/open", headers={"x-makna-csrf": csrf}).status_code == 200
    return c, csrf


class _Stream:
    """An SSE reader in a thread: the change messages' data go to a queue; ``ended`` is set when the server
    closes the stream."""

    def __init__(self, client: httpx.Client) -> None:
        self.changes: queue.Queue[dict[str, Any]] = queue.Queue()
        self.hello = threading.Event()
        self.ended = threading.Event()
        self.thread = threading.Thread(target=self._run, args=(client,), daemon=True)
        self.thread.start()
        assert self.hello.wait(10), "no hello on the stream"

    def _run(self, client: httpx.Client) -> None:
        try:
            with client.stream("GET", "/api/events/stream") as response:
                assert response.status_code == 200
                event = ""
                for line in response.iter_lines():
                    if line.startswith("event:"):
                        event = line.partition(":")[2].strip()
                        if event == "hello":
                            self.hello.set()
                    elif line.startswith("data:") and event == "change":
                        self.changes.put(json.loads(line.partition(":")[2]))
                    elif not line:
                        event = ""
        except httpx.HTTPError:
            pass
        finally:
            self.hello.set()
            self.ended.set()


def _memo(client: httpx.Client, csrf: str, text: str) -> None:
    r = client.post("/api/memos", json={"kind": "project", "text": text}, headers={"x-makna-csrf": csrf})
    assert r.status_code == 201, r.text


def test_a_member_still_in_the_project_gets_the_others_changes(served: tuple[Any, LiveServer]) -> None:
    _app, server = served
    budi, _ = _login(server, "budi")
    dewi, csrf = _login(server, "dewi")
    stream = _Stream(budi)
    _memo(dewi, csrf, "Catatan tim pertama")
    change = stream.changes.get(timeout=10)
    assert change["actor"] == "dewi"
    assert not stream.ended.is_set()
    budi.close()
    dewi.close()


@pytest.mark.parametrize("how", ["removed", "viewer", "logged out"])
def test_a_stream_ends_when_its_reader_may_no_longer_read_it(served: tuple[Any, LiveServer], how: str) -> None:
    app, server = served
    budi, budi_csrf = _login(server, "budi")
    dewi, csrf = _login(server, "dewi")
    stream = _Stream(budi)
    if how == "removed":
        app.state.registry.remove_member("Studi", "budi")
    elif how == "viewer":
        app.state.registry.set_role("Studi", "budi", "viewer")
    else:
        other = httpx.Client(base_url=server.url, cookies=budi.cookies, timeout=10)  # budi's other tab
        assert other.post("/logout", headers={"x-makna-csrf": budi_csrf}).status_code in (200, 303)
        other.close()
    _memo(dewi, csrf, "Catatan yang tidak boleh sampai")
    assert stream.ended.wait(10), "the stream went on"
    assert stream.changes.empty(), "a change reached a reader who may no longer read it"
    if how == "viewer":  # the reconnect opens a stream for the new role
        again = _Stream(budi)
        _memo(dewi, csrf, "Catatan kedua")
        assert again.changes.get(timeout=10)["actor"] == "dewi"
    elif how == "removed":  # the reconnect is refused
        with budi.stream("GET", "/api/events/stream", timeout=10) as response:
            assert response.status_code in (404, 409)
    budi.close()
    dewi.close()
