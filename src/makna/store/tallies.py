"""Maintained counts of codings (migration 0007): per code and coder, and per source.

The codebook, the home page, the source page and ``/api/sources`` show how many codings each code and
each source has. Counting them with ``GROUP BY`` reads every coding of the project, so those pages grew
with the project instead of with what they show. The database keeps the counts instead, with triggers
on ``segments`` (inserts, deletes, updates of the counted columns, ``ON DELETE CASCADE`` included), so
every path that writes codings (coding, merging, undo, imports) keeps them true without knowing of them.

The tables are derived data: they are neither journaled (undoing a change to ``segments`` fires the
triggers again) nor exported, and :func:`rebuild` recounts them from ``segments``. They live in their
own :class:`MetaData`, outside :data:`makna.store.tables.metadata`. SQLite uses row triggers with
``UPSERT``; PostgreSQL statement triggers over transition tables (one aggregate per statement, so
``COPY`` of many rows costs one upsert per code).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Column, Connection, Integer, MetaData, String, Table, text

__all__ = ["metadata", "code_tallies", "source_tallies", "create", "drop", "rebuild", "install_triggers",
           "drop_triggers", "counted_insert", "PAUSE_FROM"]

#: Rows from which an insert of codings on SQLite counts them itself instead of by row triggers.
PAUSE_FROM = 500
_OFF = "makna.tallies_off"

metadata = MetaData()

code_tallies = Table(
    "code_tallies",
    metadata,
    Column("code_id", String(36), primary_key=True),
    Column("coder_id", String(36), primary_key=True),
    Column("n", Integer, nullable=False),
)
"""Codings per (code, coder); a row goes when its count reaches 0."""

source_tallies = Table(
    "source_tallies",
    metadata,
    Column("source_id", String(36), primary_key=True),
    Column("n", Integer, nullable=False),
)
"""Codings per source; a row goes when its count reaches 0."""

_SQLITE_TRIGGERS = (
    """CREATE TRIGGER tally_segments_insert AFTER INSERT ON segments BEGIN
  INSERT INTO code_tallies (code_id, coder_id, n) VALUES (NEW.code_id, NEW.coder_id, 1)
    ON CONFLICT (code_id, coder_id) DO UPDATE SET n = n + 1;
  INSERT INTO source_tallies (source_id, n) VALUES (NEW.source_id, 1)
    ON CONFLICT (source_id) DO UPDATE SET n = n + 1;
END""",
    """CREATE TRIGGER tally_segments_delete AFTER DELETE ON segments BEGIN
  UPDATE code_tallies SET n = n - 1 WHERE code_id = OLD.code_id AND coder_id = OLD.coder_id;
  DELETE FROM code_tallies WHERE code_id = OLD.code_id AND coder_id = OLD.coder_id AND n <= 0;
  UPDATE source_tallies SET n = n - 1 WHERE source_id = OLD.source_id;
  DELETE FROM source_tallies WHERE source_id = OLD.source_id AND n <= 0;
END""",
    """CREATE TRIGGER tally_segments_update AFTER UPDATE OF code_id, coder_id, source_id ON segments
WHEN OLD.code_id IS NOT NEW.code_id OR OLD.coder_id IS NOT NEW.coder_id OR OLD.source_id IS NOT NEW.source_id
BEGIN
  UPDATE code_tallies SET n = n - 1 WHERE code_id = OLD.code_id AND coder_id = OLD.coder_id;
  DELETE FROM code_tallies WHERE code_id = OLD.code_id AND coder_id = OLD.coder_id AND n <= 0;
  UPDATE source_tallies SET n = n - 1 WHERE source_id = OLD.source_id;
  DELETE FROM source_tallies WHERE source_id = OLD.source_id AND n <= 0;
  INSERT INTO code_tallies (code_id, coder_id, n) VALUES (NEW.code_id, NEW.coder_id, 1)
    ON CONFLICT (code_id, coder_id) DO UPDATE SET n = n + 1;
  INSERT INTO source_tallies (source_id, n) VALUES (NEW.source_id, 1)
    ON CONFLICT (source_id) DO UPDATE SET n = n + 1;
END""",
)
_SQLITE_DROP = tuple(f"DROP TRIGGER IF EXISTS tally_segments_{op}" for op in ("insert", "delete", "update"))

# PostgreSQL: each statement's rows (the transition tables) give a delta per key, applied to both
# tallies in key order, so that two transactions take the rows' locks in the same order.
def _pg_function(op: str, delta: str) -> str:
    return f"""CREATE OR REPLACE FUNCTION makna_tally_{op}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO code_tallies AS t (code_id, coder_id, n)
    SELECT code_id, coder_id, sum(d) FROM ({delta}) AS delta GROUP BY code_id, coder_id HAVING sum(d) <> 0
    ORDER BY code_id, coder_id
    ON CONFLICT (code_id, coder_id) DO UPDATE SET n = t.n + EXCLUDED.n;
  INSERT INTO source_tallies AS t (source_id, n)
    SELECT source_id, sum(d) FROM ({delta}) AS delta GROUP BY source_id HAVING sum(d) <> 0 ORDER BY source_id
    ON CONFLICT (source_id) DO UPDATE SET n = t.n + EXCLUDED.n;
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM code_tallies WHERE n <= 0 AND (code_id, coder_id) IN (SELECT code_id, coder_id FROM ({delta}) AS d);
    DELETE FROM source_tallies WHERE n <= 0 AND source_id IN (SELECT source_id FROM ({delta}) AS d);
  END IF;
  RETURN NULL;
END $$"""


_PG_ROWS = "SELECT code_id, coder_id, source_id, {sign}1 AS d FROM {table}"
_PG_TRIGGERS = (
    _pg_function("insert", _PG_ROWS.format(sign="", table="new_rows")),
    _pg_function("delete", _PG_ROWS.format(sign="-", table="old_rows")),
    _pg_function("update", _PG_ROWS.format(sign="", table="new_rows") + " UNION ALL "
                 + _PG_ROWS.format(sign="-", table="old_rows")),
    """CREATE TRIGGER tally_segments_insert AFTER INSERT ON segments REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION makna_tally_insert()""",
    """CREATE TRIGGER tally_segments_delete AFTER DELETE ON segments REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION makna_tally_delete()""",
    """CREATE TRIGGER tally_segments_update AFTER UPDATE ON segments REFERENCING OLD TABLE AS old_rows
  NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION makna_tally_update()""",
)
_PG_DROP = tuple(f"DROP TRIGGER IF EXISTS tally_segments_{op} ON segments" for op in ("insert", "delete", "update"))
_PG_DROP_FUNCTIONS = tuple(f"DROP FUNCTION IF EXISTS makna_tally_{op}()"
                           for op in ("insert", "delete", "update"))


def install_triggers(conn: Connection) -> None:
    """Create the triggers that keep the tallies (they must be true already: see :func:`rebuild`)."""
    for sql in _SQLITE_TRIGGERS if conn.dialect.name == "sqlite" else _PG_TRIGGERS:
        conn.exec_driver_sql(sql)
    conn.info.pop(_OFF, None)


def drop_triggers(conn: Connection) -> None:
    """Stop keeping the tallies (a bulk load recounts them once at its end instead)."""
    for sql in _SQLITE_DROP if conn.dialect.name == "sqlite" else _PG_DROP:
        conn.exec_driver_sql(sql)
    conn.info[_OFF] = True


@contextmanager
def counted_insert(conn: Connection, rows: Sequence[Any], columns: Sequence[str] | None) -> Iterator[None]:
    """Around an insert of many ``rows`` into ``segments`` on SQLite: the row triggers (two upserts a
    row, half the time of a bulk coding) are set aside for the insert, in its transaction, and the
    rows are counted here at once. Elsewhere (PostgreSQL's statement triggers count a statement at
    once; few rows; the triggers off already during a bulk load) the insert runs as it is."""
    if conn.dialect.name != "sqlite" or len(rows) < PAUSE_FROM or conn.info.get(_OFF):
        yield
        return
    code, coder, source = (("code_id", "coder_id", "source_id") if columns is None
                           else (list(columns).index(c) for c in ("code_id", "coder_id", "source_id")))
    by_code = Counter((r[code], r[coder]) for r in rows)
    by_source = Counter(r[source] for r in rows)
    for sql in _SQLITE_DROP:
        conn.exec_driver_sql(sql)
    try:
        yield
        conn.exec_driver_sql("INSERT INTO code_tallies (code_id, coder_id, n) VALUES (?, ?, ?) ON CONFLICT "
                             "(code_id, coder_id) DO UPDATE SET n = n + excluded.n",
                             [(k[0], k[1], n) for k, n in by_code.items()])
        conn.exec_driver_sql("INSERT INTO source_tallies (source_id, n) VALUES (?, ?) ON CONFLICT (source_id) "
                             "DO UPDATE SET n = n + excluded.n", list(by_source.items()))
    finally:
        for sql in _SQLITE_TRIGGERS:
            conn.exec_driver_sql(sql)


def rebuild(conn: Connection) -> None:
    """Recount both tallies from ``segments``."""
    conn.execute(text("DELETE FROM code_tallies"))
    conn.execute(text("DELETE FROM source_tallies"))
    conn.execute(text("INSERT INTO code_tallies (code_id, coder_id, n) "
                      "SELECT code_id, coder_id, count(*) FROM segments GROUP BY code_id, coder_id"))
    conn.execute(text("INSERT INTO source_tallies (source_id, n) "
                      "SELECT source_id, count(*) FROM segments GROUP BY source_id"))


def create(conn: Connection) -> None:
    """Create the tallies, count them and install their triggers (migration 0007)."""
    metadata.create_all(conn)
    rebuild(conn)
    install_triggers(conn)


def drop(conn: Connection) -> None:
    """Remove the tallies with their triggers (downgrade)."""
    drop_triggers(conn)
    if conn.dialect.name != "sqlite":
        for sql in _PG_DROP_FUNCTIONS:
            conn.exec_driver_sql(sql)
    metadata.drop_all(conn)
