"""Live updates over server-sent events against a real uvicorn server, on SQLite and PostgreSQL:
another coder's coding arrives, a reconnect with Last-Event-ID loses nothing, a blind round hides
other coders on the stream, and a stale codebook edit gets 409 with what changed (#14)."""

from __future__ import annotations

import json
import queue
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from web_helpers import SOURCE, TEXT, TOKEN, LiveServer

import makna
from makna.web import close_app, create_app

AUTH = {"Authorization": f"token {TOKEN}"}


@pytest.fixture
def served(sample_location: str) -> Iterator[tuple[str, LiveServer]]:
    app = create_app(sample_location, token=TOKEN, coder="budi", lang="en")
    server = LiveServer(app)
    yield sample_location, server
    server.stop()
    close_app(app)


class Stream:
    """An SSE client in a thread: parsed messages (event, id, data) go to a queue."""

    def __init__(self, url: str, headers: dict[str, str] | None = None) -> None:
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.client = httpx.Client(timeout=httpx.Timeout(5, read=None))
        self.response: Any = None
        self.ready = threading.Event()
        self.thread = threading.Thread(target=self._run, args=(url, {**AUTH, **(headers or {})}), daemon=True)
        self.thread.start()
        assert self.ready.wait(10)

    def _run(self, url: str, headers: dict[str, str]) -> None:
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                self.response = response
                self.ready.set()
                msg: dict[str, Any] = {}
                for line in response.iter_lines():
                    if not line:
                        if "data" in msg:
                            self.messages.put(msg)
                        msg = {}
                    elif not line.startswith(":"):
                        field, _, value = line.partition(":")
                        msg[field] = value[1:] if value.startswith(" ") else value
        except (httpx.HTTPError, RuntimeError):
            pass
        finally:
            self.ready.set()

    def next(self, event: str = "change", timeout: float = 5.0) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            msg = self.messages.get(timeout=max(0.01, deadline - time.monotonic()))
            if msg.get("event") == event:
                return {"id": msg.get("id"), **json.loads(msg["data"])}

    def close(self) -> None:
        self.client.close()
        self.thread.join(timeout=5)


def test_another_coders_coding_arrives_and_a_reconnect_loses_nothing(served: tuple[str, LiveServer]) -> None:
    location, server = served
    stream = Stream(f"{server.url}/api/events/stream")
    assert stream.response.status_code == 200
    assert stream.response.headers["content-type"].startswith("text/event-stream")
    stream.next("hello")
    with makna.open_project(location, coder="ani") as ani:  # another workbench's process, in effect
        at = TEXT.index("Kami ngobrol")
        sent = time.monotonic()
        seg = makna.code_span(ani, SOURCE, at, at + len("Kami ngobrol"), "tempat")
        change = stream.next()
        assert time.monotonic() - sent < 1.0
        assert change["kind"] == "segments.add" and change["actor"] == "ani"
        assert change["data"]["segments"] == [{"id": seg.id, "source_id": seg.source_id, "start": at,
                                               "end": at + len("Kami ngobrol"), "code_id": seg.code_id,
                                               "coder": "ani", "memo": ""}]
        last = change["id"]
        stream.close()  # the browser sleeps; meanwhile two more changes and a removal
        later = makna.code_span(ani, SOURCE, 0, 9, "emosi")
        makna.update_code(ani, "tempat", name="Lokasi")
        makna.uncode(ani, seg.id)
        resumed = Stream(f"{server.url}/api/events/stream", {"Last-Event-ID": str(last)})
        resumed.next("hello")
        got = [resumed.next() for _ in range(3)]
        assert [c["kind"] for c in got] == ["segments.add", "code", "segments.remove"]
        assert got[1]["data"]["code"]["name"] == "Lokasi"
        assert got[0]["data"]["segments"][0]["id"] == later.id and got[2]["data"]["ids"] == [seg.id]
        assert [int(c["id"]) for c in got] == sorted(int(c["id"]) for c in got) and int(got[0]["id"]) > int(last)
        resumed.close()
        # ?after= resumes too, and the plain JSON listing gives the same changes
        listed = httpx.get(f"{server.url}/api/changes", params={"after": last}, headers=AUTH).json()
        assert [c["id"] for c in listed["changes"]] == [int(c["id"]) for c in got]


def test_blind_round_hides_other_coders_on_the_stream(served: tuple[str, LiveServer]) -> None:
    location, server = served
    with makna.open_project(location, coder="lead") as lead:
        makna.open_round(lead, "r1")
    stream = Stream(f"{server.url}/api/events/stream")
    stream.next("hello")
    with makna.open_project(location, coder="ani") as ani:
        makna.code_span(ani, SOURCE, 0, 9, "emosi")  # hidden from budi
        makna.add_code(ani, "baru", "Baru")  # the codebook is shared: visible
        change = stream.next()
        assert change["kind"] == "code" and change["data"]["code"]["key"] == "baru"
    hidden = httpx.get(f"{server.url}/api/changes", params={"after": 0}, headers=AUTH).json()["changes"]
    assert not [c for c in hidden if c["kind"] == "segments.add" and c["actor"] == "ani"
                and c["id"] > int(change["id"]) - 2]
    with makna.open_project(location, coder="lead") as lead:
        makna.close_round(lead)
    assert stream.next()["kind"] == "round"
    stream.close()


def test_stale_codebook_edit_gets_409_with_what_changed(served: tuple[str, LiveServer]) -> None:
    location, server = served
    url = f"{server.url}/api/codes/tempat"
    code = httpx.get(url, headers=AUTH).json()
    assert code["version"] == 1
    with makna.open_project(location, coder="ani") as ani:
        makna.update_code(ani, "tempat", name="Lokasi", expected_version=1)
    stale = httpx.patch(url, json={"name": "Tempat umum", "version": 1}, headers=AUTH)
    assert stale.status_code == 409
    body = stale.json()
    assert body["changed_by"] == "ani" and body["version"] == 2 and body["current"]["name"] == "Lokasi"
    assert "changed by ani" in body["error"]
    moved = httpx.post(f"{url}/move", json={"parent": "emosi", "version": 1}, headers=AUTH)
    assert moved.status_code == 409
    fresh = httpx.patch(url, json={"name": "Tempat umum", "version": 2}, headers=AUTH)
    assert fresh.status_code == 200 and fresh.json()["version"] == 3 and fresh.json()["name"] == "Tempat umum"
    case = httpx.get(f"{server.url}/api/cases", headers=AUTH).json()
    assert case
    values = httpx.put(f"{server.url}/api/cases/Ani/values", json={"values": {"umur": 30}, "version": 5},
                       headers=AUTH)
    assert values.status_code == 409 and values.json()["current"]["values"]["umur"] == 24
