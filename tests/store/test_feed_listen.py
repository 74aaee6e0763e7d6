"""The PostgreSQL change feed listens in the project's own schema whatever the URL's ``options`` hold: a URL with two
settings (``-csearch_path=... -clock_timeout=...``, as the test fixtures and a team server's may write) rendered back
to text put the listener in a schema named ``t_x+-clock_timeout=60s``, on another channel, so a coder's change
reached other pages only by the two-second safety poll (CI round twenty-seven, ``test_live``: 1.99 s)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

from makna.store.feed import CHANNEL_SQL, listen_connection


def test_the_listener_is_in_the_projects_schema_with_its_settings(project: Any) -> None:
    store = project.store
    if store.dialect != "postgresql":
        pytest.skip("PostgreSQL's LISTEN/NOTIFY feed")
    assert " " in (store.engine.url.query.get("options") or "")  # two settings, as the fixture writes them
    with store.read() as conn:
        schema, channel = conn.execute(text(f"SELECT current_schema(), {CHANNEL_SQL}")).one()
        lock_timeout = conn.execute(text("SHOW lock_timeout")).scalar()
    with listen_connection(store) as listener:
        got = listener.execute(f"SELECT current_schema(), {CHANNEL_SQL}").fetchone()
        assert got == (schema, channel)
        assert listener.execute("SHOW lock_timeout").fetchone() == (lock_timeout,)
