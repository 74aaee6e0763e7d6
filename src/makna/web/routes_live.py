"""Live updates over server-sent events: ``GET /api/events/stream`` and, for scripts, ``GET /api/changes``.

The stream sends each change of the event log (see :mod:`makna.live`) as an SSE message whose ``id``
is the event id; a browser that reconnects sends ``Last-Event-ID`` and gets everything logged since,
from the log itself, so nothing is lost while it slept. ``?after=N`` starts after event N (default:
now). Waiting costs no thread: the project's change feed wakes the streams of this process.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
from collections import OrderedDict
from collections.abc import AsyncIterator
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from sse_starlette import EventSourceResponse
from starlette.concurrency import run_in_threadpool

from ..errors import InputError
from ..live import Changes, changes_after, latest_id
from ..project import Project
from .deps import plain, project_of, reply

__all__ = ["router", "KEEPALIVE_SECONDS"]

router = APIRouter(tags=["live"])
#: A ping event every so often keeps proxies from closing an idle stream and tells the page (live.js)
#: that its connection is alive: one silent for much longer is replaced.
KEEPALIVE_SECONDS = 15


def _start(request: Request, after: int | None) -> int | None:
    header = request.headers.get("last-event-id", "").strip()
    if header:
        try:
            return int(header)
        except ValueError:
            raise InputError(f"Last-Event-ID {header[:40]!r}: expected an event id (a number)") from None
    return after


class _SharedReads:
    """The streams of one workbench read the log as the same coder and usually from the same event:
    one read serves them all (keyed by the viewer, the event read from and the newest event known then)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.recent: OrderedDict[tuple[str, int, int], Changes] = OrderedDict()

    def read(self, proj: Project, after: int, latest: int) -> Changes:
        key = (proj.actor, after, latest)
        with self.lock:
            if key in self.recent:
                return self.recent[key]
        got = changes_after(proj, after)
        with self.lock:
            self.recent[key] = got
            while len(self.recent) > 64:
                self.recent.popitem(last=False)
        return got


def _shared_reads(app: Any) -> _SharedReads:
    reads: _SharedReads | None = getattr(app.state, "live_reads", None)
    if reads is None:
        reads = app.state.live_reads = _SharedReads()
    return reads


@router.get("/api/changes", summary="The changes logged after event `after` (at most `limit`), as the "
                                    "workbench's coder sees them")
def api_changes(request: Request, after: int = Query(0, ge=0),
                limit: int = Query(200, ge=1, le=1000)) -> JSONResponse:
    got = changes_after(project_of(request), after, limit=limit)
    return reply({"changes": got.changes, "last": got.last, "more": got.more})


@router.get("/api/events/stream",
            summary="Server-sent events: each change as it is logged; resumable with Last-Event-ID")
async def stream(request: Request, after: int | None = Query(None, ge=0)) -> EventSourceResponse:
    proj = project_of(request)
    start = _start(request, after)
    if start is None:
        start = await run_in_threadpool(latest_id, proj)
    feed = await run_in_threadpool(proj.store.feed)

    async def events() -> AsyncIterator[dict[str, Any]]:
        loop = asyncio.get_running_loop()
        wake = asyncio.Event()

        def woken(_latest: int) -> None:
            with contextlib.suppress(RuntimeError):  # the loop closed: the stream is over
                loop.call_soon_threadsafe(wake.set)

        unsubscribe = feed.subscribe(woken)
        shared = _shared_reads(request.app)
        last = start
        try:
            yield {"event": "hello", "data": json.dumps({"after": last, "coder": proj.coder_name})}
            while True:
                wake.clear()  # before reading: a write during the read wakes the next wait
                got = await run_in_threadpool(shared.read, proj, last, feed.latest)
                for change in got.changes:
                    yield {"id": str(change.id), "event": "change", "data": json.dumps(plain(change))}
                last = got.last
                if got.more:
                    continue
                try:
                    await asyncio.wait_for(wake.wait(), KEEPALIVE_SECONDS)
                except TimeoutError:  # an event the page sees: it knows the connection is alive
                    yield {"event": "ping", "data": "{}"}
        finally:
            unsubscribe()

    return EventSourceResponse(events(), headers={"Cache-Control": "no-store"})
