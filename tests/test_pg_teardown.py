"""live27: a PostgreSQL test's schema is dropped however the test ends; a session the test left in a transaction
(holding a lock on one of its tables) fails it, named, after a bounded wait, where the drop used to wait forever
and stop the whole run silently."""

from __future__ import annotations

import os
import time
import uuid

import pytest

from pg_schemas import drop_schema

PG_URL = os.environ.get("MAKNA_TEST_PG_URL", "")

pytestmark = pytest.mark.skipif(not PG_URL, reason="PostgreSQL: set MAKNA_TEST_PG_URL")


def test_a_session_left_in_a_transaction_fails_the_test_instead_of_hanging() -> None:
    import psycopg

    base = PG_URL.replace("postgresql+psycopg://", "postgresql://")
    schema = f"t_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f'CREATE SCHEMA "{schema}"')
        admin.execute(f'CREATE TABLE "{schema}".events (id integer)')
    left = psycopg.connect(base)  # a server's connection whose transaction was never ended
    try:
        left.execute(f'SELECT count(*) FROM "{schema}".events').fetchone()
        began = time.monotonic()
        with pytest.raises(pytest.fail.Exception, match="sessions still held its tables"):
            drop_schema(base, schema, lock_timeout="1s")
        assert time.monotonic() - began < 30
        with pytest.raises(psycopg.OperationalError):  # it was ended
            left.execute("SELECT 1")
    finally:
        left.close()
    with psycopg.connect(base, autocommit=True) as admin:
        assert admin.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", (schema,)).fetchone() is None
