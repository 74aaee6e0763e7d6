"""The end of a write transaction on PostgreSQL in two statements instead of seven (issue 17).

Every write logs its event and, when it changed something undoable, stores an undo step. Written as
separate statements that took seven round trips to the server on PostgreSQL (the event lock, the
event, the ``NOTIFY``, the step, its rows, the actor's open undos, and dropping them); each round trip
costs the client a send, a wait and a receive, more than the work itself for a small write such as
one coding. Here the same work goes in two statements, run straight on the driver's cursor:

- :func:`log_event`: the project's event lock, the event row and the ``NOTIFY`` of its id, in one
  statement (the lock is taken before the event's id is drawn, as :func:`~makna.store.feed.serialize_events`
  requires);
- :func:`store_step`: the undo step, its rows and (for an ordinary change) the end of its actor's redo
  stack, in one statement of data-modifying ``WITH`` clauses.

SQLite runs in the process: its statements cost no round trip, and it keeps the plain path.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection

from . import tables
from .feed import CHANNEL_SQL, EVENT_LOCK_SQL

__all__ = ["log_event", "store_step"]

_LOG_EVENT = (
    f"WITH lock AS (SELECT {EVENT_LOCK_SQL}), "
    "ev AS (INSERT INTO events (at, actor, action, payload) SELECT %s, %s, %s, %s FROM lock RETURNING id) "
    f"SELECT id, pg_notify({CHANNEL_SQL}, id::text) FROM ev"
)


@functools.lru_cache(maxsize=4)
def _json(dialect: Any) -> Any:
    """The bind processor of a JSON column (the same serialiser SQLAlchemy would use)."""
    return tables.events.c.payload.type._cached_bind_processor(dialect)


def _run(conn: Connection, sql: str, params: Sequence[Any]) -> list[Any]:
    cursor = conn.connection.cursor()
    try:
        cursor.execute(sql, params)
        return list(cursor.fetchall()) if cursor.description is not None else []
    finally:
        cursor.close()


def log_event(conn: Connection, row: dict[str, Any]) -> int:
    """Append one event (``at``, ``actor``, ``action``, ``payload``) under the project's event lock
    and notify its id to the project's listeners (delivered when the transaction commits): its id."""
    found = _run(conn, _LOG_EVENT, (row["at"], row["actor"], row["action"], _json(conn.dialect)(row["payload"])))
    return int(found[0][0])


def store_step(conn: Connection, step: dict[str, Any], rows: Sequence[dict[str, Any]],
               drop_redo_of: str | None) -> None:
    """Insert the undo ``step`` and its ``rows`` (``op``, ``table_name``, ``data``); with
    ``drop_redo_of``, also mark that actor's open undo steps and the steps they undid ``dropped`` and
    delete their rows (a new change ends the actor's redo stack)."""
    dump = _json(conn.dialect)
    params: list[Any] = [step["id"], step["first_event"], step["actor"], step["kind"], step["target"], step["state"]]
    parts = ["st AS (INSERT INTO undo_steps (id, first_event, actor, kind, target, state) "
             "VALUES (%s, %s, %s, %s, %s, %s))"]
    if rows:
        parts.append("ro AS (INSERT INTO undo_rows (step, op, table_name, data) VALUES "
                     + ", ".join(["(%s, %s, %s, %s)"] * len(rows)) + ")")
        for r in rows:
            params += [step["id"], r["op"], r["table_name"], dump(r["data"])]
    if drop_redo_of is not None:
        parts += ["open AS (SELECT id, target FROM undo_steps WHERE actor = %s AND kind = 'undo' AND state = 'open')",
                  "gone AS (SELECT id FROM open UNION SELECT target FROM open WHERE target IS NOT NULL)",
                  "up AS (UPDATE undo_steps SET state = 'dropped' WHERE id IN (SELECT id FROM gone))",
                  "del AS (DELETE FROM undo_rows WHERE step IN (SELECT id FROM gone))"]
        params.append(drop_redo_of)
    _run(conn, "WITH " + ", ".join(parts) + " SELECT 1", params)
