"""live27: a workbench under uvicorn (web_helpers.LiveServer) stops within a bound while a live stream is still
open (a page that never closed it, a client stuck): its thread ends, so no server is left behind holding the
project's connections while the next test drops the project. On SQLite and PostgreSQL."""

from __future__ import annotations

import threading
import time

import httpx
from web_helpers import TOKEN, LiveServer

from makna.web import close_app, create_app


def test_a_server_stops_with_a_stream_still_open(sample_location: str) -> None:
    app = create_app(sample_location, token=TOKEN, coder="budi", lang="en")
    server = LiveServer(app)
    opened = threading.Event()
    client = httpx.Client(timeout=httpx.Timeout(5, read=None))

    def listen() -> None:  # a stream its reader never closes
        try:
            with client.stream(
                "GET", f"{server.url}/api/events/stream", headers={"Authorization": f"token {TOKEN}"}
            ) as response:
                opened.set()
                for _ in response.iter_lines():
                    pass
        except (httpx.HTTPError, RuntimeError):
            pass
        finally:
            opened.set()

    reader = threading.Thread(target=listen, daemon=True)
    reader.start()
    try:
        assert opened.wait(10)
        began = time.monotonic()
        server.stop()
        took = time.monotonic() - began
        assert not server.thread.is_alive(), "the server's thread is still running"
        assert took < LiveServer.STOP_SECONDS + 5
    finally:
        client.close()
        reader.join(timeout=5)
        close_app(app)
