"""Reading another tool's SQLite database (a Taguette or QualCoder project) without trusting it.

The file is opened read-only and immutable (``mode=ro&immutable=1``: SQLite never writes it, never
creates a journal beside it, never replays one), with ``trusted_schema`` off (no application functions
in views or triggers), ATTACH refused (an authorizer and a limit of zero attached databases), no
memory-mapped reads, cell size checks on, a size cap and SQLite's ``quick_check`` before anything is
read. A database with a non-empty ``-wal`` or ``-journal`` file beside it (open in its program, or left
by a crash) is refused: read immutable, it would be read without the changes those hold. Required
tables must be real tables, not views. Every SQLite error becomes one
:class:`makna.errors.ExchangeError` naming the file (:func:`sqlite_errors`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import ExchangeError, reason

__all__ = ["MAGIC", "MAX_BYTES", "is_sqlite", "sqlite_tables", "open_readonly", "sqlite_errors", "columns"]

MAGIC = b"SQLite format 3\x00"
MAX_BYTES = 4 * 1024**3  # the largest project database makna reads
_DENIED = {sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH, sqlite3.SQLITE_PRAGMA}
_ALLOWED_PRAGMAS = {"table_info", "quick_check", "application_id", "user_version"}


def is_sqlite(path: Path) -> bool:
    """Whether ``path`` is a regular file that starts like an SQLite 3 database."""
    try:
        if not path.is_file():
            return False
        with open(path, "rb") as fh:
            return fh.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def application_id(path: Path) -> int | None:
    """The application id in an SQLite file's header (bytes 68-71), or None when unreadable."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(72)
    except OSError:
        return None
    return int.from_bytes(head[68:72], "big") if len(head) == 72 and head.startswith(MAGIC) else None


def _authorize(action: int, arg1: str | None, *_: Any) -> int:
    if action in _DENIED and not (action == sqlite3.SQLITE_PRAGMA and arg1 in _ALLOWED_PRAGMAS):
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


def _connect(path: Path) -> sqlite3.Connection:
    uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    try:
        conn.execute("PRAGMA trusted_schema=OFF")
        conn.execute("PRAGMA cell_size_check=ON")
        conn.execute("PRAGMA mmap_size=0")
        conn.execute("PRAGMA query_only=ON")
        conn.setlimit(sqlite3.SQLITE_LIMIT_ATTACHED, 0)
        conn.set_authorizer(_authorize)
    except BaseException:
        conn.close()
        raise
    return conn


def sqlite_tables(path: Path) -> set[str] | None:
    """The names of the real tables of the SQLite database at ``path`` (for a sniffer), or None when
    it is not a readable SQLite database. Reads the schema only."""
    if not is_sqlite(path):
        return None
    try:
        conn = _connect(path)
    except sqlite3.Error:
        return None
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except (sqlite3.Error, UnicodeError):  # a damaged schema (names that are not UTF-8)
        return None
    finally:
        conn.close()


@contextmanager
def sqlite_errors(path: Path, what: str) -> Iterator[None]:
    """Turn SQLite's errors (a damaged file, an unexpected schema) into one ExchangeError naming the file."""
    try:
        yield
    except sqlite3.Error as exc:
        raise ExchangeError(f"{path}: cannot read this {what} ({reason(exc)})") from None
    except (ValueError, TypeError, OverflowError, UnicodeError) as exc:  # a value of the wrong kind
        raise ExchangeError(f"{path}: cannot read this {what} (unexpected content: {reason(exc)})") from None


@contextmanager
def open_readonly(path: Path, what: str, required: dict[str, set[str]],
                  max_bytes: int = MAX_BYTES) -> Iterator[sqlite3.Connection]:
    """A checked read-only connection to the SQLite database at ``path`` (a ``what``, e.g. "Taguette
    database") that has every table of ``required`` with at least its columns."""
    if not path.exists():
        raise ExchangeError(f"{path}: no such file")
    if not path.is_file():
        raise ExchangeError(f"{path}: not a regular file")
    size = path.stat().st_size
    if size > max_bytes:
        raise ExchangeError(f"{path}: {size:,} bytes is over the {max_bytes:,}-byte limit for a {what}")
    if not is_sqlite(path):
        raise ExchangeError(f"{path}: not a {what} (not an SQLite database)")
    for side in ("-wal", "-journal"):  # read immutable, the database would be read without them
        beside = path.with_name(path.name + side)
        if beside.is_file() and beside.stat().st_size > 0:
            raise ExchangeError(f"{path}: the {what} is open or was not closed cleanly ({beside.name} lies beside "
                                "it, holding changes not yet in the database); close the program and try again")
    with sqlite_errors(path, what):
        conn = _connect(path)
    try:
        with sqlite_errors(path, what):
            check = conn.execute("PRAGMA quick_check").fetchone()
            if check is None or check[0] != "ok":
                raise ExchangeError(f"{path}: the {what} is damaged (SQLite quick_check: {str(check)[:200]})")
            found = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            missing = sorted(set(required) - found)
            if missing:
                raise ExchangeError(f"{path}: not a {what} (no table {', '.join(missing[:5])})")
            for table, cols in required.items():
                lacking = sorted(cols - columns(conn, table))
                if lacking:
                    raise ExchangeError(f"{path}: not a {what} (table {table} lacks {', '.join(lacking[:5])})")
        yield conn
    finally:
        conn.close()


def columns(conn: sqlite3.Connection, table: str) -> set[str]:
    """The column names of ``table`` (a name from the database's own schema)."""
    return {r[1] for r in conn.execute("SELECT * FROM pragma_table_info(?)", (table,))}
