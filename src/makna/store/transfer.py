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


def parents_first(table: Table, rows: list[dict[str, Any]], *, stored: bool = False) -> list[dict[str, Any]]:
    """``rows`` of a table that refers to itself (codes' ``parent_id``), each after the row it refers
    to, so that they can be inserted in that order. A row whose parent is not among ``rows`` is refused
    (:class:`~makna.errors.ProjectError`), unless ``stored``: its parent is in the database already (undo
    puts back some rows of a table, a copy all of them); rows that refer to each other in a circle are
    refused."""
    own = [fk for fk in table.foreign_keys if fk.column.table is table]
    if not own:
        return rows
    ref, key = own[0].parent.key, own[0].column.key
    ids = {r[key] for r in rows}
    if not stored and any(r[ref] is not None and r[ref] not in ids for r in rows):
        raise ProjectError(f"{table.name}: rows refer to parents that do not exist; nothing was copied")
    placed: set[Any] = set()
    out: list[dict[str, Any]] = []
    pending = rows
    while pending:
        ready = [r for r in pending if r[ref] is None or r[ref] not in ids or r[ref] in placed]
        if not ready:
            raise ProjectError(f"{table.name}: rows refer to each other in a circle; nothing was written")
        out.extend(ready)
        placed.update(r[key] for r in ready)
        pending = [r for r in pending if r[key] not in placed]
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
    rows copied per table. ``source`` is read in one snapshot (:meth:`Store.snapshot`): a project
    in use (a team server's) is copied as one consistent state."""
    if source.schema_revision() != target.schema_revision():
        raise ProjectError(f"{source.url}: schema {source.schema_revision()} differs from the target's "
                           f"{target.schema_revision()}")
    counts: dict[str, int] = {}
    with target.bulk_load() as out, source.snapshot() as src:
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
