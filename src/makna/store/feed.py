"""Wake-ups for live updates: who is waiting learns at once that the event log grew.

A :class:`ChangeFeed` follows the newest event id of one project. Writes through this process's
:class:`~makna.store.Store` report their commit directly (no delay); writes by other processes are
seen through PostgreSQL ``LISTEN``/``NOTIFY`` (:meth:`Store.write` notifies inside its transaction, so
the wake-up comes with the commit) or, on SQLite, through a cheap poll of the log's largest id. The
feed says only *that* something happened; readers take the events themselves from the log, so a
wake-up that is missed or merged loses nothing.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select, text

from . import tables

if TYPE_CHECKING:
    from . import Store

__all__ = [
    "ChangeFeed",
    "CHANNEL_SQL",
    "EVENT_LOCK_SQL",
    "POLL_SECONDS",
    "listen_connection",
    "notify",
    "serialize_events",
]

#: The NOTIFY channel of a project: one per database and schema (several projects may share a server).
CHANNEL_SQL = "'makna_' || md5(current_database() || '.' || current_schema())"
#: The project's event lock (a transaction-level advisory lock per schema): writers take it before an
#: event's id is drawn, so ids are handed out in commit order (see :func:`serialize_events`).
EVENT_LOCK_SQL = "pg_advisory_xact_lock(hashtext('makna.events.' || current_schema()))"
#: How often the SQLite feed reads the log's largest id (and PostgreSQL's, as a safety net).
POLL_SECONDS = 0.05
_PG_SAFETY_POLL = 2.0


class ChangeFeed:
    """The newest event id of ``store``'s project, kept current by a background thread; callbacks
    registered with :meth:`subscribe` run (in that thread or a writer's) whenever it grows."""

    def __init__(self, store: Store, *, poll: float = POLL_SECONDS) -> None:
        self.store = store
        self.poll = poll
        self.latest = self._max_id()
        self._subscribers: list[Callable[[int], None]] = []
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="makna-feed", daemon=True)
        self._thread.start()

    # --------------------------------------------------------------------------- interface
    def subscribe(self, callback: Callable[[int], None]) -> Callable[[], None]:
        """Call ``callback(latest_id)`` whenever the log grows; returns the function that unsubscribes."""
        with self._lock:
            self._subscribers.append(callback)

        def unsubscribe() -> None:
            with self._lock, contextlib.suppress(ValueError):
                self._subscribers.remove(callback)

        return unsubscribe

    def wait(self, after: int, timeout: float) -> int:
        """Block until the newest event id is above ``after`` or ``timeout`` seconds pass; the newest id."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while self.latest <= after:
                left = deadline - time.monotonic()
                if left <= 0 or self._stop.is_set():
                    break
                self._changed.wait(left)
            return self.latest

    def saw(self, event_id: int) -> None:
        """Note that the log holds ``event_id`` (a commit in this process, a notification, a poll)."""
        with self._lock:
            if event_id <= self.latest:
                return
            self.latest = event_id
            self._changed.notify_all()
            subscribers = list(self._subscribers)
        for callback in subscribers:
            callback(event_id)

    def close(self) -> None:
        self._stop.set()
        with self._lock:
            self._changed.notify_all()
        self._thread.join(timeout=5)

    # ------------------------------------------------------------------------- the thread
    def _max_id(self) -> int:
        with self.store.engine.connect() as conn:
            return int(conn.execute(select(func.max(tables.events.c.id))).scalar() or 0)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                if self.store.dialect == "postgresql":
                    self._listen()
                else:
                    self.saw(self._max_id())
                    self._stop.wait(self.poll)
            except Exception:  # the database went away for a moment: try again shortly
                self._stop.wait(1.0)

    def _listen(self) -> None:
        """LISTEN on the project's channel on a connection of its own (autocommit), until stopped."""
        with listen_connection(self.store) as conn:
            channel = conn.execute(text_sql(f"SELECT {CHANNEL_SQL}")).fetchone()
            assert channel is not None
            conn.execute(text_sql(f'LISTEN "{channel[0]}"'))
            self.saw(self._max_id())  # what was written before the LISTEN took effect
            last_poll = time.monotonic()
            while not self._stop.is_set():
                for note in conn.notifies(timeout=0.5, stop_after=64):
                    with contextlib.suppress(ValueError):
                        self.saw(int(note.payload))
                if time.monotonic() - last_poll > _PG_SAFETY_POLL:
                    self.saw(self._max_id())
                    last_poll = time.monotonic()


def listen_connection(store: Store) -> Any:
    """A psycopg connection (autocommit) to ``store``'s PostgreSQL database with the engine's own connection
    arguments: its ``options`` (search path and any setting) as the engine's connections have them. (A URL rendered
    back to text writes a space in ``options`` as ``+``, which libpq reads literally: the listener then sat in
    another schema, on another channel, and heard nothing but its two-second safety poll.)"""
    import psycopg

    args, params = store.engine.dialect.create_connect_args(store.engine.url)
    params.pop("context", None)  # (SQLAlchemy's adapters: a raw connection needs none)
    return psycopg.connect(*args, **params, autocommit=True)


def text_sql(sql: str) -> Any:
    """``sql`` for psycopg's ``execute`` (a literal query: no parameters, the channel name is a digest)."""
    from psycopg import sql as pgsql

    return pgsql.SQL(sql)


def serialize_events(conn: Any) -> None:
    """On PostgreSQL, before a transaction logs its events: hold the project's event lock until it
    commits, so that event ids become visible in the order they were given (a sequence alone does not
    promise that: a transaction that took id 5 may commit after one that took id 6, and a reader that
    resumed after 6 would never see 5). Held only from the log entry to the commit."""
    conn.execute(text(f"SELECT {EVENT_LOCK_SQL}"))


def notify(conn: Any, event_id: int) -> None:
    """Inside a write transaction on PostgreSQL: wake the project's listeners when it commits."""
    conn.execute(text(f"SELECT pg_notify({CHANNEL_SQL}, :id)"), {"id": str(event_id)})
