"""PostgreSQL test schemas: how long a test's connections wait for a lock, and how a test's schema is dropped
however the test ends (live27). A module of its own so that a test can import it by a name no other folder's
``conftest`` shares (``from conftest import`` resolves to whichever conftest was imported first)."""

from __future__ import annotations

import pytest

__all__ = ["PG_LOCK_TIMEOUT", "drop_schema"]

PG_LOCK_TIMEOUT = "60s"
"""What every connection of a PostgreSQL test waits for a lock at most (``lock_timeout``)."""


def drop_schema(base: str, schema: str, lock_timeout: str = PG_LOCK_TIMEOUT) -> None:
    """Drop ``schema``, waiting at most ``lock_timeout`` for its tables; sessions still holding locks in it then
    are ended, the drop done, and the test fails naming them (a transaction the test left open)."""
    import psycopg

    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"SET lock_timeout = '{lock_timeout}'")
        try:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
            return
        except psycopg.errors.LockNotAvailable:
            held = conn.execute(
                "SELECT DISTINCT a.pid, a.state, left(a.query, 200) FROM pg_locks l "
                "JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace "
                "JOIN pg_stat_activity a ON a.pid = l.pid WHERE n.nspname = %s AND l.granted "
                "AND a.pid <> pg_backend_pid()", (schema,)).fetchall()
            for pid, _state, _query in held:
                conn.execute("SELECT pg_terminate_backend(%s)", (pid,))
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
    pytest.fail(f"schema {schema}: sessions still held its tables after the test (ended): {held}")
