"""Copying a whole project from one store to another (a local file onto a team server), row for
row: every table of the project's schema, the event log and the undo history included. The
search index is derived data, rebuilt at the first search."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Table, delete, func, select, text

from ..errors import ProjectError
from . import Store, bulk_insert, tables

__all__ = ["copy_project_rows", "parents_first"]

_BATCH = 5_000


def parents_first(table: Table, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``rows`` of a table that refers to itself (codes' ``parent_id``) with each parent before its children."""
    refs = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
    if not refs:
        return rows
    col = refs[0]
    placed: set[Any] = set()
    out: list[dict[str, Any]] = []
    pending = rows
    while pending:
        later = [r for r in pending if r[col] is not None and r[col] not in placed]
        ready = [r for r in pending if r[col] is None or r[col] in placed]
        if not ready:
            raise ProjectError(f"{table.name}: rows refer to parents that do not exist; nothing was copied")
        out.extend(ready)
        placed.update(r["id"] for r in ready)
        pending = later
    return out


def _reset_sequences(conn: Connection) -> None:
    """On PostgreSQL, move each table's id sequence past the ids copied in."""
    if conn.dialect.name != "postgresql":
        return
    for table in tables.metadata.sorted_tables:
        for column in table.primary_key.columns:
            if column.autoincrement is True:
                top = conn.execute(select(func.max(column)).select_from(table)).scalar()
                if top is not None:
                    conn.execute(text("SELECT setval(pg_get_serial_sequence(:t, :c), :v)"),
                                 {"t": table.name, "c": column.name, "v": int(top)})


def copy_project_rows(source: Store, target: Store) -> dict[str, int]:
    """Replace everything in ``target`` (a project just created) with the rows of ``source``, in
    one transaction; both must be at the same schema revision (opening migrates them). Returns the
    rows copied per table."""
    if source.schema_revision() != target.schema_revision():
        raise ProjectError(f"{source.url}: schema {source.schema_revision()} differs from the target's "
                           f"{target.schema_revision()}")
    counts: dict[str, int] = {}
    with target.bulk_load() as out, source.read() as src:
        for table in reversed(tables.metadata.sorted_tables):
            out.execute(delete(table))
        for table in tables.metadata.sorted_tables:
            result = src.execute(select(table))
            rows = [dict(r._mapping) for r in result]
            rows = parents_first(table, rows)
            for i in range(0, len(rows), _BATCH):
                bulk_insert(out, table, rows[i : i + _BATCH])
            counts[table.name] = len(rows)
        _reset_sequences(out)
    return counts
