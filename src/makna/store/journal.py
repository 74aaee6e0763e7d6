"""The undo journal: the row-level changes each write makes, recorded in the same transaction.

:meth:`Store.batch` opens a :class:`Recording` on its connection. While it is open, every ``INSERT``,
``UPDATE`` and ``DELETE`` that SQLAlchemy runs on a project table (and every :func:`bulk_insert`) is
noted: the primary keys of the rows inserted, the whole rows deleted (with the rows that ``ON DELETE
CASCADE`` takes with them, read before they go) and the previous values of the columns updated.
When the transaction ends, :func:`flush` stores what was noted as one *step* (``undo_steps``, with
its rows in ``undo_rows``), attached to the events the transaction logged; ``makna.history`` undoes
a step by applying the inverses in reverse order.

Derived tables (the search index) and the log itself are not journaled. A transaction that logs an
irreversible action (:data:`BARRIER_ACTIONS`, or a :meth:`Store.bulk_load`) empties the journal and
leaves a barrier: nothing before it can be undone, and the journal keeps no text it replaced.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import operator
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    DateTime,
    Delete,
    Engine,
    Insert,
    LargeBinary,
    Table,
    TextClause,
    Update,
    bindparam,
    delete,
    event,
    insert,
    null,
    select,
    tuple_,
    update,
)
from sqlalchemy.types import JSON

from . import tables

__all__ = [
    "BARRIER_ACTIONS",
    "NOT_RECORDED",
    "JOURNALED",
    "CASCADE_OWNED",
    "Recording",
    "install",
    "recording",
    "current",
    "note_inserted",
    "note_events",
    "flush",
    "purge",
    "step_rows",
    "pk_of",
    "restore_row",
]

_KEY = "makna.journal"
#: Actions whose transaction cannot be undone: it empties the journal and leaves a barrier.
BARRIER_ACTIONS: dict[str, str] = {
    "deid.apply": "de-identification (it replaces identifiers for good)",
    # every de-identification writes its key event, whatever it replaces (sources, fields or labels only)
    "deid.key": "de-identification (it replaces identifiers for good)",
    "deid.apply_fields": "de-identification (it replaces identifiers for good)",
    "deid.events": "de-identification (it replaces identifiers for good)",
    "exchange.import_qdpx": "whole-project import",
}
#: Actions that are not recorded at all (there is nothing before them to undo; a seal key made for an export is
#: not a step of anyone's work).
NOT_RECORDED = frozenset({"project.create", "deid.seal"})
#: The tables whose changes are journaled: every project table but the log, the journal and the suggester's
#: model cache (derived data, dropped rather than undone).
JOURNALED = frozenset(t.name for t in tables.metadata.sorted_tables) - {"events", "undo_steps", "undo_rows",
                                                                               "suggest_models"}
_CHUNK = 500
_DML = re.compile(r"^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+\"?(\w+)", re.I)


@dataclass
class _Event:
    id: int
    actor: str
    action: str


@dataclass
class Recording:
    """What one transaction changed, noted as it goes. ``kind`` and ``target`` are set by
    an undo or redo (an ordinary change is an ``op``); ``barrier`` names why the transaction
    cannot be undone (a bulk load)."""

    entries: list[tuple[str, Table, list[Any]]] = field(default_factory=list)
    events: list[_Event] = field(default_factory=list)
    kind: str = "op"
    target: int | None = None
    barrier: str | None = None
    pending: list[tuple[str, Table, list[Any]]] | None = None

    @property
    def capturing(self) -> bool:
        return self.barrier is None


def current(conn: Connection) -> Recording | None:
    """The recording open on ``conn``, if any."""
    rec: Recording | None = conn.info.get(_KEY)
    return rec


@contextmanager
def recording(conn: Connection) -> Iterator[Recording]:
    """Note the changes made on ``conn`` in this block; store them as a step when it ends normally."""
    rec = Recording()
    conn.info[_KEY] = rec
    try:
        yield rec
        flush(conn, rec)
    finally:
        conn.info.pop(_KEY, None)


def install(engine: Engine) -> None:
    """Make ``engine``'s connections note the changes of an open :func:`recording`."""
    event.listen(engine, "before_execute", _before_execute)
    event.listen(engine, "after_execute", _after_execute)
    event.listen(engine, "before_cursor_execute", _before_cursor_execute)


def pk_of(table: Table) -> list[Column[Any]]:
    return list(table.primary_key.columns)


def _journaled(table: Any) -> Table | None:
    return table if isinstance(table, Table) and table.name in JOURNALED else None


def _before_execute(conn: Connection, element: Any, multiparams: Any, params: Any, _opts: Any) -> None:
    rec = current(conn)
    if rec is None or not rec.capturing:
        return
    if not isinstance(element, Insert | Update | Delete):
        return
    table = _journaled(element.table)
    if table is None:
        return
    plist: list[dict[str, Any]] = list(multiparams) if multiparams else [dict(params or {})]
    if isinstance(element, Insert):
        rec.pending = [("insert", table, _inserted_keys(conn, element, table, plist))]
    elif isinstance(element, Update):
        rec.pending = [("update", table, _previous_values(conn, element, table, plist))]
    else:
        gone = [row for p in plist for row in _rows(conn, table, select(table).where(*_where(element)), p)]
        rec.pending = [*_cascade(conn, table, gone), ("delete", table, gone)]


def _before_cursor_execute(conn: Connection, _cursor: Any, statement: str, _params: Any, context: Any,
                           _many: bool) -> None:
    """Raw SQL (``text()``, ``exec_driver_sql``) that writes a journaled table cannot be read as rows:
    the transaction becomes a barrier (what it and everything before it did cannot be undone)."""
    rec = current(conn)
    if rec is None or not rec.capturing:
        return
    compiled = getattr(context, "compiled", None)
    if compiled is not None and not isinstance(compiled.statement, TextClause):
        return
    found = _DML.match(statement)
    if found and found.group(1).lower() in JOURNALED:
        rec.barrier = f"change written as raw SQL to {found.group(1).lower()}"


def _after_execute(conn: Connection, element: Any, *_args: Any) -> None:
    rec = current(conn)
    if rec is not None and rec.pending is not None and isinstance(element, Insert | Update | Delete):
        rec.entries.extend(e for e in rec.pending if e[2])
        rec.pending = None


def _where(element: Update | Delete) -> list[Any]:
    return [] if element.whereclause is None else [element.whereclause]


def _inserted_keys(conn: Connection, element: Insert, table: Table, plist: list[dict[str, Any]]) -> list[Any]:
    if element.select is not None:
        raise RuntimeError(f"INSERT ... SELECT into {table.name} cannot be journaled")
    multi = element._multi_values
    rows: list[Any]
    if multi:
        if not all(isinstance(row, dict) for row in multi[0]):
            raise RuntimeError(f"a positional multi-row INSERT into {table.name} cannot be journaled")
        rows = [{str(getattr(k, "key", k)): v for k, v in row.items()} for row in multi[0]]  # type: ignore[union-attr]
    else:
        compiled = element.compile(dialect=conn.dialect, column_keys=sorted(plist[0]))
        rows = [compiled.construct_params(p) for p in plist]
    keys = [c.key for c in pk_of(table)]
    try:
        return [row[keys[0]] for row in rows] if len(keys) == 1 else [[row[k] for k in keys] for row in rows]
    except KeyError:
        raise RuntimeError(f"an INSERT into {table.name} without its primary key cannot be journaled") from None


def _changed_columns(element: Update, table: Table, plist: list[dict[str, Any]]) -> list[Column[Any]]:
    names = {str(getattr(k, "key", k)) for k in element._values or ()} or {k for k in plist[0] if k in table.c}
    return [table.c[n] for n in sorted(names)]


def _previous_values(conn: Connection, element: Update, table: Table, plist: list[dict[str, Any]]) -> list[Any]:
    keys, cols = pk_of(table), _changed_columns(element, table, plist)
    out: list[Any] = []
    for p in plist:
        for r in conn.execute(select(*keys, *cols).where(*_where(element)), p):
            old = {c.key: v for c, v in zip(cols, r[len(keys) :], strict=True)}
            out.append({"pk": list(r[: len(keys)]), "old": old})
    return out


def _rows(conn: Connection, table: Table, query: Any, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """The rows of ``query`` (a ``select(table)``) as plain dicts."""
    keys = [c.key for c in table.c]
    return [dict(zip(keys, r, strict=True)) for r in conn.execute(query, params or {})]


def _cascade(conn: Connection, table: Table, rows: Sequence[Any]) -> list[tuple[str, Table, list[Any]]]:
    """Delete entries for the rows that ``ON DELETE CASCADE`` removes with ``rows`` of ``table``
    (deepest first), read before they go."""
    out: list[tuple[str, Table, list[Any]]] = []
    if not rows:
        return out
    for child in tables.metadata.sorted_tables:
        if child.name not in JOURNALED:
            continue
        for fk in child.foreign_keys:
            if fk.column.table is not table or (fk.ondelete or "").upper() != "CASCADE":
                continue
            values = list({r[fk.column.key] for r in rows})
            found: list[Any] = []
            for i in range(0, len(values), _CHUNK):
                found += _rows(conn, child, select(child).where(fk.parent.in_(values[i : i + _CHUNK])))
            out += [*_cascade(conn, child, found), ("delete", child, found)]
    return out


def note_inserted(conn: Connection, table: Table, rows: Sequence[Any], columns: Sequence[str] | None) -> None:
    """Note rows that :func:`bulk_insert` puts in ``table`` (outside SQLAlchemy's statements)."""
    rec = current(conn)
    if rec is None or not rec.capturing or table.name not in JOURNALED or not rows:
        return
    if _owned_by_inserted_parent(rec, table, rows, columns):
        return  # undoing the parent's insert deletes these rows by its ON DELETE CASCADE
    keys = [c.key for c in pk_of(table)]
    at: list[Any] = keys if columns is None else [list(columns).index(k) for k in keys]
    # a single-column key is kept as the value itself (bulk codings); a composite one as a tuple (turns)
    rec.entries.append(("insert", table, list(map(operator.itemgetter(*at), rows))))


CASCADE_OWNED = frozenset({"turns"})
"""Tables whose rows are made only with their parent row and go with it (ON DELETE CASCADE)."""


def _owned_by_inserted_parent(rec: Any, table: Table, rows: Sequence[Any], columns: Sequence[str] | None) -> bool:
    """Whether these are rows of a table that only ever comes with its parent (:data:`CASCADE_OWNED`:
    a source's turns), all referring through an ON DELETE CASCADE key to a row the same ordinary step
    inserted: undoing that insert deletes them with it, so their keys need no journal (millions of
    turns on a big import)."""
    if table.name not in CASCADE_OWNED or rec.kind != "op":
        return False
    for fk in table.foreign_keys:
        if fk.ondelete != "CASCADE" or len(pk_of(fk.column.table)) != 1:
            continue
        col = fk.parent.key
        inserted = {k for op, t, keys in rec.entries if op == "insert" and t is fk.column.table for k in keys}
        if not inserted:
            continue
        at = col if columns is None else list(columns).index(col)
        if all(row[at] in inserted for row in rows):
            return True
    return False


def note_events(conn: Connection, ids: Sequence[int], actor: str, action: str) -> None:
    """Note the events a write logged (their ids, in order)."""
    rec = current(conn)
    if rec is not None:
        rec.events.extend(_Event(int(i), actor, action) for i in ids)


# ------------------------------------------------------------------------------------- storing
def _dump_value(kind: str, value: Any) -> Any:
    return value.isoformat() if kind == "date" else base64.b64encode(bytes(value)).decode("ascii")


def _load_value(kind: str, value: Any) -> Any:
    return dt.datetime.fromisoformat(value) if kind == "date" else base64.b64decode(value)


@functools.cache
def _special(table: Table) -> tuple[dict[str, str], frozenset[str]]:
    """The columns of ``table`` whose values JSON cannot hold as they are (``date``/``bytes``), and
    its JSON columns (whose None must go back as SQL NULL)."""
    kinds = {c.key: "date" if isinstance(c.type, DateTime) else "bytes" for c in table.c
             if isinstance(c.type, DateTime | LargeBinary)}
    return kinds, frozenset(c.key for c in table.c if isinstance(c.type, JSON))


def _dump_row(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    kinds = _special(table)[0]
    for k in kinds.keys() & row.keys():
        if row[k] is not None:
            row[k] = _dump_value(kinds[k], row[k])
    return row


def restore_row(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    """A journaled row (or values) as SQLAlchemy takes them back."""
    kinds, json_cols = _special(table)
    out = dict(row)
    for k in kinds.keys() & out.keys():
        if out[k] is not None:
            out[k] = _load_value(kinds[k], out[k])
    for k in json_cols & out.keys():
        if out[k] is None:
            out[k] = null()
    return out


def _keys_as_lists(table: Table, data: list[Any]) -> list[list[Any]]:
    return [[pk] for pk in data] if len(pk_of(table)) == 1 else data


def _serialise(op: str, table: Table, data: list[Any]) -> list[Any]:
    """``data`` of an entry as JSON can hold it (rows are the journal's own copies: changed in place)."""
    if op == "delete":
        return [_dump_row(table, row) for row in data]
    if op == "update":
        return [{"pk": list(_dump_row(table, dict(zip([c.key for c in pk_of(table)], d["pk"], strict=True)))
                            .values()), "old": _dump_row(table, d["old"])} for d in data]
    if not _special(table)[0].keys() & {c.key for c in pk_of(table)}:
        return data  # strings and numbers: as they are (bulk codings, turns)
    keys = [c.key for c in pk_of(table)]
    dumped = [list(_dump_row(table, dict(zip(keys, pk, strict=True))).values()) for pk in _keys_as_lists(table, data)]
    return [pk[0] for pk in dumped] if len(keys) == 1 else dumped


def step_rows(conn: Connection, step: int) -> list[tuple[str, Table, list[Any]]]:
    """The changes of ``step``, in the order they were made (values as the database takes them;
    primary keys as lists)."""
    r = tables.undo_rows.c
    out: list[tuple[str, Table, list[Any]]] = []
    for op, name, data in conn.execute(select(r.op, r.table_name, r.data).where(r.step == step).order_by(r.id)):
        table = tables.metadata.tables[name]
        keys = [c.key for c in pk_of(table)]
        if op == "delete":
            out.append((op, table, [restore_row(table, row) for row in data]))
        elif op == "update":
            out.append((op, table, [{"pk": list(restore_row(table, dict(zip(keys, d["pk"], strict=True))).values()),
                                     "old": restore_row(table, d["old"])} for d in data]))
        else:
            out.append((op, table, [list(restore_row(table, dict(zip(keys, pk, strict=True))).values())
                                    for pk in _keys_as_lists(table, data)]))
    return out


def purge(conn: Connection) -> None:
    """Forget every step (their rows may hold text that must not survive, such as identifiers)."""
    conn.execute(delete(tables.undo_rows))
    conn.execute(delete(tables.undo_steps))


# built once: a coding call flushes a step each time (statement building is most of its cost)
_INSERT_STEP = insert(tables.undo_steps)
_INSERT_ROWS = insert(tables.undo_rows)
_OPEN_UNDOS = select(tables.undo_steps.c.id, tables.undo_steps.c.target).where(
    tables.undo_steps.c.actor == bindparam("actor"), tables.undo_steps.c.kind == "undo",
    tables.undo_steps.c.state == "open")


def flush(conn: Connection, rec: Recording) -> None:
    """Store what ``rec`` noted as one step (or a barrier), in the transaction still open."""
    if not rec.events:
        return
    actions = [e.action for e in rec.events]
    first, last, actor = rec.events[0].id, rec.events[-1].id, rec.events[0].actor
    why = rec.barrier or next((BARRIER_ACTIONS[a] for a in actions if a in BARRIER_ACTIONS), None)
    s = tables.undo_steps.c
    if why is not None:
        purge(conn)
        conn.execute(insert(tables.undo_steps).values(id=last, first_event=first, actor=actor, kind="barrier",
                                                      state="done", summary=why))
        return
    if NOT_RECORDED.intersection(actions) or not rec.entries:
        return
    step = {"id": last, "first_event": first, "actor": actor, "kind": rec.kind, "target": rec.target,
            "state": "open" if rec.kind == "undo" else "done"}
    rows = [{"step": last, "op": op, "table_name": table.name, "data": _serialise(op, table, data[i : i + n])}
            for op, table, data in rec.entries
            for n in [_CHUNK * 20 if op == "insert" else _CHUNK] for i in range(0, len(data), n)]
    if conn.dialect.name == "postgresql" and len(rows) <= _CHUNK:  # one round trip (store/pgwrite.py)
        from .pgwrite import store_step

        store_step(conn, step, rows, actor if rec.kind == "op" else None)
        return
    if conn.dialect.name == "sqlite":  # straight on the driver: SQLAlchemy's statement handling costs more
        from . import bulk_insert

        bulk_insert(conn, tables.undo_steps, [step])
        bulk_insert(conn, tables.undo_rows, rows)
    else:
        conn.execute(_INSERT_STEP, step)
        conn.execute(_INSERT_ROWS, rows)
    if rec.kind == "op":  # a new change empties its actor's redo stack
        from . import fetch_compiled

        gone = [int(i) for row in fetch_compiled(conn, _OPEN_UNDOS, {"actor": actor}) for i in row if i is not None]
        if gone:
            conn.execute(delete(tables.undo_rows).where(tables.undo_rows.c.step.in_(gone)))
            conn.execute(update(tables.undo_steps).where(s.id.in_(gone)).values(state="dropped"))


def delete_by_keys(conn: Connection, table: Table, keys: Sequence[Sequence[Any]]) -> None:
    """Delete the rows of ``table`` with primary keys ``keys`` (in chunks; journaled as any delete)."""
    pk = pk_of(table)
    for i in range(0, len(keys), _CHUNK):
        chunk = keys[i : i + _CHUNK]
        cond = (pk[0].in_([k[0] for k in chunk]) if len(pk) == 1
                else tuple_(*pk).in_([tuple(k) for k in chunk]))
        conn.execute(delete(table).where(cond))
