"""Live updates over server-sent events: ``GET /api/events/stream`` and, for scripts, ``GET /api/changes``.

The stream sends each change of the event log (see :mod:`makna.live`) as an SSE message whose ``id``
is the event id; a browser that reconnects sends ``Last-Event-ID`` and gets everything logged since,
from the log itself, so nothing is lost while it slept. ``?after=N`` starts after event N (default:
now). Waiting costs no thread: the project's change feed wakes the streams of this process, and
the project's :class:`~makna.live.LiveLog` reads each new event once for all of them (each stream
filters it for its viewer in memory).

On a team server a stream reads as long as its reader may: before each message (changes or a ping) it asks
again whether the session is live and the user still a member with the role the stream started with (a
removed member, a changed role, a logged-out session end the stream; the page's reconnect is then refused,
or opens a stream for the new role). The server's role cache holds an answer two seconds. Whether the reader
may see sources held for de-identification (:mod:`makna.holds`) is decided once, when the stream starts.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import threading
import weakref
from collections.abc import AsyncIterator, Callable
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from sse_starlette import EventSourceResponse
from starlette.concurrency import run_in_threadpool

from .. import access
from ..errors import InputError
from ..holds import hides_held
from ..live import Change, Changes, LiveLog, changes_after, latest_id, live_log
from ..project import Project
from .deps import plain, project_of, reply

__all__ = ["router", "KEEPALIVE_SECONDS"]

router = APIRouter(tags=["live"])
#: A ping event every so often keeps proxies from closing an idle stream and tells the page (live.js)
#: that its connection is alive: one silent for much longer is replaced.
KEEPALIVE_SECONDS = 15


def _encode(change: Change) -> bytes:
    """``change`` as one server-sent event, ready to send."""
    return f"id: {change.id}\r\nevent: change\r\ndata: {json.dumps(plain(change))}\r\n\r\n".encode()


#: One refresh of a project's log at a time per event loop: the streams a write wakes wait for the
#: first one's read instead of each sending a thread to the database.
_REFRESHING: weakref.WeakKeyDictionary[LiveLog, dict[asyncio.AbstractEventLoop, asyncio.Lock]] = \
    weakref.WeakKeyDictionary()


async def _read(log: LiveLog, proj: Project, last: int, latest: int, hides: bool) -> Changes:
    """The changes after ``last`` for the stream's reader; ``hides``: whether held sources are hidden from them
    (decided once per stream, in a thread: the stream ends when the reader's role changes)."""
    if log.top < latest:
        lock = _REFRESHING.setdefault(log, {}).setdefault(asyncio.get_running_loop(), asyncio.Lock())
        async with lock:
            if log.top < latest:
                await run_in_threadpool(log.refresh, proj, latest)
    if log.behind(last) or log.blind:  # a stream far behind (a browser that slept long) reads the log itself;
        return await run_in_threadpool(functools.partial(log.read, proj, last, hides=hides))  # blind: roles
    return log.read(proj, last, hides=hides)  # from memory: no thread, no query, no role lookup


class _Wakeups:
    """The streams of one project in one event loop: a single subscription to the project's change
    feed wakes them all with one call into the loop per burst of writes (not one per stream)."""

    def __init__(self, feed: Any, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.waiting: set[asyncio.Event] = set()
        self.lock = threading.Lock()
        self.pending = False
        feed.subscribe(self._woken)

    def add(self, wake: asyncio.Event) -> Callable[[], None]:
        self.waiting.add(wake)
        return lambda: self.waiting.discard(wake)

    def _woken(self, _latest: int) -> None:  # in the writer's or the feed's thread
        with self.lock:
            if self.pending:
                return
            self.pending = True
        with contextlib.suppress(RuntimeError):  # the loop closed: its streams are over
            self.loop.call_soon_threadsafe(self._wake_all)

    def _wake_all(self) -> None:
        with self.lock:
            self.pending = False
        for wake in list(self.waiting):
            wake.set()


_WAKEUPS: weakref.WeakKeyDictionary[Any, dict[asyncio.AbstractEventLoop, _Wakeups]] = weakref.WeakKeyDictionary()


def _wakeups(feed: Any) -> _Wakeups:
    loop = asyncio.get_running_loop()
    per_loop = _WAKEUPS.setdefault(feed, {})
    found = per_loop.get(loop)
    if found is None:
        found = per_loop[loop] = _Wakeups(feed, loop)
    return found


def _still_allowed(request: Request, proj: Project) -> Callable[[], bool]:
    """A check, run in a thread before each message, of whether the stream's reader may still read: always in
    the local workbench; on a team server while the session is live and the user's role in the project is the
    one it had when the stream started (read here, in a thread)."""
    token, registry = request.scope.get("state", {}).get("session_token"), getattr(request.app.state, "registry",
                                                                                   None)
    if token is None or registry is None:
        return lambda: True
    role = access.role_of(proj)

    def allowed() -> bool:
        return role is not None and registry.session(token) is not None and access.role_of(proj) == role

    return allowed


def _start(request: Request, after: int | None) -> int | None:
    header = request.headers.get("last-event-id", "").strip()
    if header:
        try:
            return int(header)
        except ValueError:
            raise InputError(f"Last-Event-ID {header[:40]!r}: expected an event id (a number)") from None
    return after


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
    log = await run_in_threadpool(live_log, proj)
    allowed = await run_in_threadpool(_still_allowed, request, proj)
    hides = await run_in_threadpool(hides_held, proj)

    async def events() -> AsyncIterator[dict[str, Any] | bytes]:
        wake = asyncio.Event()
        unsubscribe = _wakeups(feed).add(wake)
        last = start
        try:
            yield {"event": "hello", "data": json.dumps({"after": last, "coder": proj.coder_name})}
            while True:
                wake.clear()  # before reading: a write during the read wakes the next wait
                got = await _read(log, proj, last, feed.latest, hides)
                if got.changes and not await run_in_threadpool(allowed):
                    return  # removed, another role, or logged out: the reconnect decides what comes next
                if got.changes:  # one write to the socket for all the changes read
                    yield b"".join(log.encoded(change, _encode) for change in got.changes)
                last = got.last
                if got.more:
                    continue
                try:
                    await asyncio.wait_for(wake.wait(), KEEPALIVE_SECONDS)
                except TimeoutError:  # an event the page sees: it knows the connection is alive
                    if not await run_in_threadpool(allowed):
                        return
                    yield {"event": "ping", "data": "{}"}
        finally:
            unsubscribe()

    return EventSourceResponse(events(), headers={"Cache-Control": "no-store"})
