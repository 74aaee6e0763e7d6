"""Writers that meet each other: rows created once however many ask at the same moment, and the
write lock of an SQLite project waited for with backoff, then one clear error.

Both work across threads and across processes: they rely on the database (a unique constraint, the
SQLite write lock), not on anything held in this process.
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from ..errors import ConflictError, ProjectBusyError

__all__ = ["BUSY_TIMEOUT_ENV", "DEFAULT_BUSY_TIMEOUT", "busy_timeout", "insert_missing", "begin_immediate",
           "is_busy", "busy_error", "clash_error"]

BUSY_TIMEOUT_ENV = "MAKNA_BUSY_TIMEOUT"
#: Seconds a write waits, in all, for another writer to finish before makna gives up.
DEFAULT_BUSY_TIMEOUT = 30.0
_SQLITE_BUSY_MS = 5000  # the connection's own busy timeout, for statements other than BEGIN
_ATTEMPT_MS = 1000  # longest wait inside SQLite of one attempt at the write lock
_PG_BUSY = ("40001", "40P01", "55P03")  # serialization failure, deadlock, lock not available


def busy_timeout() -> float:
    """How long (seconds) a write waits for the project's write lock: ``$MAKNA_BUSY_TIMEOUT``, else
    :data:`DEFAULT_BUSY_TIMEOUT`. An unreadable value falls back to the default."""
    raw = os.environ.get(BUSY_TIMEOUT_ENV, "").strip()
    try:
        value = float(raw) if raw else DEFAULT_BUSY_TIMEOUT
    except ValueError:
        return DEFAULT_BUSY_TIMEOUT
    return max(0.0, value) if value == value else DEFAULT_BUSY_TIMEOUT  # NaN -> default


def insert_missing(conn: Connection, table: Table, row: Mapping[str, Any], unique: Sequence[str]) -> bool:
    """Insert ``row`` unless ``table`` holds a row with the same values in the unique columns
    ``unique`` already (inserted meanwhile by another transaction, thread or process): ``INSERT ...
    ON CONFLICT DO NOTHING``. True when this call inserted it. Read the row back after it: on
    PostgreSQL (read committed) and on SQLite (inside the write lock) the other writer's row is seen."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        stmt: Any = pg_insert(table).values(**row).on_conflict_do_nothing(index_elements=list(unique))
    else:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        stmt = sqlite_insert(table).values(**row).on_conflict_do_nothing(index_elements=list(unique))
    return bool(conn.execute(stmt).rowcount == 1)


def is_busy(exc: BaseException) -> bool:
    """Whether a database error means another writer holds what this one needs (SQLite busy or
    locked; PostgreSQL deadlock, serialization failure, lock not available)."""
    if not isinstance(exc, DBAPIError):
        return False
    orig = exc.orig
    code = getattr(orig, "sqlstate", None)
    if code is not None:
        return str(code) in _PG_BUSY
    text = str(orig).lower()
    return isinstance(exc, OperationalError) and ("database is locked" in text or "database is busy" in text)


def clash_error(exc: BaseException) -> ConflictError | None:
    """A unique value taken (most often by another writer at the same moment: two people adding
    the same code) as a one-line :class:`~makna.errors.ConflictError`; None for any other error."""
    if not isinstance(exc, IntegrityError):
        return None
    orig = exc.orig
    code = getattr(orig, "sqlstate", None)
    text = str(orig).strip().splitlines()[0] if str(orig).strip() else ""
    if (code is not None and str(code) != "23505") or (code is None and "UNIQUE constraint failed" not in text):
        return None
    return ConflictError(f"the change was refused: {text} (another change may have made the same entry at the "
                         "same moment); nothing was changed")


def busy_error(where: str, waited: float | None = None) -> ProjectBusyError:
    """The one-line error of a write that could not get the project."""
    after = f" after waiting {waited:.0f} s" if waited is not None and waited >= 1 else ""
    return ProjectBusyError(f"{where}: the project is busy (another program or person is writing to it){after}; "
                            f"nothing was changed, try again in a moment")


def begin_immediate(raw: Any, where: str, timeout: float | None = None) -> None:
    """Start a write transaction on the SQLite DB-API connection ``raw`` (``BEGIN IMMEDIATE``: take
    the write lock now, before any statement of the transaction has run). While another writer
    holds the lock, try again with growing pauses for up to ``timeout`` seconds in all (default
    :func:`busy_timeout`), then raise :class:`~makna.errors.ProjectBusyError`. Nothing has been
    done when it raises, so the caller's work is never applied twice."""
    import sqlite3

    total = busy_timeout() if timeout is None else timeout
    deadline = time.monotonic() + total
    started = time.monotonic()
    pause = 0.02
    try:
        while True:
            remaining = deadline - time.monotonic()
            raw.execute(f"PRAGMA busy_timeout={max(0, min(_ATTEMPT_MS, int(remaining * 1000)))}")
            try:
                raw.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                text = str(exc).lower()
                if "locked" not in text and "busy" not in text:
                    raise
            if time.monotonic() + pause > deadline:
                raise busy_error(where, time.monotonic() - started)
            time.sleep(pause * (0.5 + random.random()))  # noqa: S311 - jitter, not a secret
            pause = min(pause * 2, 0.5)
    finally:
        raw.execute(f"PRAGMA busy_timeout={_SQLITE_BUSY_MS}")
