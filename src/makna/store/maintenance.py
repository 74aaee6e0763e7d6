"""Storage upkeep whose statements differ between SQLite and PostgreSQL: zeroing freed pages while
originals are overwritten, and rebuilding the storage so that no old row version survives.

Callers (de-identification) say what to do; this module knows how each engine does it.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, Engine, inspect
from sqlalchemy.exc import OperationalError

__all__ = ["secure_delete", "compact", "flush_wal"]


def secure_delete(conn: Connection) -> None:
    """Inside the caller's transaction, have freed pages zeroed rather than left with their old
    contents (SQLite's ``secure_delete``); PostgreSQL rewrites tables in :func:`compact` instead."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("PRAGMA secure_delete=ON")


def compact(engine: Engine, tables: Iterable[str]) -> bool:
    """Rebuild the storage so that nothing deleted or overwritten survives in spare space: on SQLite
    ``VACUUM`` and a truncating WAL checkpoint; on PostgreSQL ``VACUUM FULL`` of ``tables`` (those
    present), waiting at most 15 s for each lock. True when it completed."""
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("VACUUM")
            busy = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").first()
            return busy is None or busy[0] == 0
        present = set(inspect(conn).get_table_names())
        names = [n for n in tables if n in present]
        # VACUUM FULL needs each table to itself: a teammate's open transaction must not hang apply
        conn.exec_driver_sql("SET lock_timeout = '15s'")
        try:
            if names:
                conn.exec_driver_sql("VACUUM FULL " + ", ".join(f'"{n}"' for n in names))
        except OperationalError:
            return False
        finally:
            conn.exec_driver_sql("RESET lock_timeout")
        return True


def flush_wal(engine: Engine) -> None:
    """Copy what the SQLite write-ahead log holds into the project file itself (a passive checkpoint: it
    waits for nobody and leaves the log's frames that an open read still needs), so that a copy of the
    ``.makna`` file alone, made while the workbench runs, holds the work done so far. Other engines: nothing."""
    if engine.dialect.name != "sqlite":
        return
    try:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")
    except OperationalError:  # another program checkpoints or holds the file: the next change tries again
        pass
