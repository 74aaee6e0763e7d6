"""Statements run straight on the driver's cursor (internal): bulk inserts, one-row inserts that give their
``id``, long texts, and selects compiled once. The store's fast paths; SQLAlchemy builds the statements, the
driver runs them."""

from __future__ import annotations

import contextlib
import functools
import itertools
import operator
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Connection, Select, Table, Text, cast, func, select, text
from sqlalchemy.exc import IntegrityError

from . import journal, tallies

__all__ = ["LONG_TEXT", "bulk_insert", "fetch_compiled", "insert_returning_id", "prepared_select", "write_long_text"]

_COPY_FROM = 50  # rows from which bulk_insert uses COPY on PostgreSQL
_ANALYZE_FROM = 1000  # rows from which bulk_insert may refresh PostgreSQL's planner statistics


def bulk_insert(
    conn: Connection,
    table: Table,
    rows: Sequence[Any],
    columns: Sequence[str] | None = None,
    *,
    bound: bool = False,
    per_statement: int = 1,
) -> None:
    """Insert many rows through the driver's ``executemany``, with each column's own bind processing:
    the fast path for turns and segments. ``rows`` are dicts with the same keys or, with
    ``columns``, tuples of values in that order; ``bound`` tuples hold values processed already
    (:meth:`Store.bind_value`). ``per_statement`` rows go into one multi-row ``VALUES`` (for narrow
    rows on SQLite that is about a quarter faster; measure before using it on a table with unique
    indexes, where it can be slower). On PostgreSQL, 50 rows or more go through ``COPY``. Driver
    integrity errors come out as SQLAlchemy's :class:`IntegrityError`, like any other statement's."""
    if not rows:
        return
    journal.note_inserted(conn, table, rows, columns)
    dialect = conn.dialect
    cols = tuple(columns) if columns is not None else tuple(rows[0].keys())
    sql, copy_sql, procs = _insert_statement(table, cols, dialect)
    data: Sequence[Any]
    if columns is not None:
        data = rows
    else:
        getter = operator.itemgetter(*cols)
        data = [getter(r) for r in rows] if len(cols) > 1 else [(r[cols[0]],) for r in rows]
    processed = [(i, p) for i, p in enumerate(procs) if p is not None] if not (bound and columns) else []
    if len(processed) == 1 and columns is not None:
        data = _process_column(data, *processed[0])
    elif processed:
        # Bulk rows often share a value (one timestamp for a whole batch): process each value once.
        caches: list[dict[Any, Any]] = [{} for _ in processed]
        out: list[Any] = []
        for row in data:
            values = list(row)
            for (i, proc), cache in zip(processed, caches, strict=True):
                value = values[i]
                try:
                    values[i] = cache[value]
                except KeyError:
                    values[i] = cache[value] = proc(value)
                except TypeError:  # unhashable (JSON lists, dicts)
                    values[i] = proc(value)
            out.append(values)
        data = out
    counting = tallies.counted_insert(conn, rows, columns) if table.name == "segments" else contextlib.nullcontext()
    cursor = conn.connection.cursor()
    try:
        with counting:
            if dialect.name == "postgresql" and len(data) >= _COPY_FROM:
                # COPY streams the rows in one round trip: several times faster than executemany
                with cursor.copy(copy_sql) as copy:
                    for row in data:
                        copy.write_row(row)
                data = []
            if per_statement > 1 and len(data) >= per_statement:
                full = len(data) // per_statement * per_statement
                chain = itertools.chain.from_iterable
                one = sql[sql.index(" VALUES ") + 8 :]
                cursor.executemany(
                    sql + f", {one}" * (per_statement - 1),
                    [tuple(chain(data[i : i + per_statement])) for i in range(0, full, per_statement)],
                )
                data = data[full:]
            if len(data) == 1:  # one row (a coding): a plain execute, without executemany's pipeline
                cursor.execute(sql, data[0])
            elif data:
                cursor.executemany(sql, data)
    except dialect.loaded_dbapi.IntegrityError as exc:
        raise IntegrityError(sql, None, exc) from exc
    finally:
        cursor.close()
    if dialect.name == "postgresql" and len(rows) >= _ANALYZE_FROM:
        _refresh_statistics(conn, table.name, len(rows))


def _refresh_statistics(conn: Connection, name: str, added: int) -> None:
    """After a bulk insert that is a large part of ``name`` (a fifth or more of the rows the planner
    believes it holds, or a table never analysed), ``ANALYZE`` it in the same transaction (it counts
    the transaction's own new rows): otherwise PostgreSQL plans the next queries on the empty table's
    statistics until autovacuum comes round, and a page of a keyset listing scans every coding
    (measured: 96 ms a page instead of 21 ms at 100,000 codings). SQLite's planner needs no such step."""
    quoted = conn.dialect.identifier_preparer.quote(name)
    known = conn.exec_driver_sql(
        "SELECT reltuples FROM pg_class WHERE oid = to_regclass(%(name)s)", {"name": quoted}
    ).scalar()
    if known is None or known < 0 or added >= 0.2 * known:
        conn.exec_driver_sql(f"ANALYZE {quoted}")


def insert_returning_id(conn: Connection, table: Table, row: dict[str, Any]) -> int:
    """Insert one ``row`` into ``table`` (not a journaled table: nothing notes it) on the driver's
    cursor, with each column's bind processing, and give the ``id`` the database chose."""
    sql, _, procs = _insert_statement(table, tuple(row), conn.dialect)
    values = [v if p is None else p(v) for v, p in zip(row.values(), procs, strict=True)]
    cursor = conn.connection.cursor()
    try:
        cursor.execute(sql + f" RETURNING {conn.dialect.identifier_preparer.quote('id')}", values)
        found = cursor.fetchone()
        assert found is not None
        return int(found[0])
    finally:
        cursor.close()


@functools.lru_cache(maxsize=64)
def _insert_statement(table: Table, cols: tuple[str, ...], dialect: Any) -> tuple[str, str, list[Any]]:
    """The INSERT and COPY statements of ``table`` for ``cols``, and each column's bind processor."""
    quote = dialect.identifier_preparer.quote
    mark = "?" if dialect.paramstyle == "qmark" else "%s"
    names = ", ".join(quote(c) for c in cols)
    return (
        f"INSERT INTO {quote(table.name)} ({names}) VALUES ({', '.join([mark] * len(cols))})",
        f"COPY {quote(table.name)} ({names}) FROM STDIN",
        [table.c[c].type._cached_bind_processor(dialect) for c in cols],
    )


#: Texts from this many characters on are written into SQLite a megabyte at a time (see write_long_text).
LONG_TEXT = 16 * 1024 * 1024


def write_long_text(conn: Connection, table: Table, column: str, key: str, text_: str) -> None:
    """Set ``column`` of the row of ``table`` whose ``id`` is ``key`` to ``text_``, inside the
    caller's transaction. On SQLite a long text is written through incremental blob I/O a megabyte
    at a time: binding it as one parameter makes the driver keep a UTF-8 copy beside the string and
    SQLite a copy of that, which for a 200 MB transcript is 400 MB more at the peak."""
    c = table.c
    driver: Any = conn.connection.driver_connection
    if conn.dialect.name != "sqlite" or len(text_) < LONG_TEXT or not hasattr(driver, "blobopen"):
        conn.execute(table.update().where(c.id == key).values({column: text_}))
        return
    size = 0
    for i in range(0, len(text_), 1 << 20):
        size += len(text_[i : i + (1 << 20)].encode("utf-8"))
    conn.execute(table.update().where(c.id == key).values({column: cast(func.zeroblob(size), Text)}))
    rowid = conn.execute(select(text("rowid")).select_from(table).where(c.id == key)).scalar_one()
    with driver.blobopen(table.name, column, rowid) as blob:
        for i in range(0, len(text_), 1 << 20):
            blob.write(text_[i : i + (1 << 20)].encode("utf-8"))


@functools.lru_cache(maxsize=128)
def _compiled(stmt: Any, dialect: Any) -> tuple[str, Any, dict[str, Any]]:
    compiled = stmt.compile(dialect=dialect)
    return str(compiled), compiled.positiontup, dict(compiled.params)  # the params: literals among them


def fetch_compiled(conn: Connection, stmt: Select[Any], params: dict[str, Any]) -> list[Any]:
    """The rows (plain tuples, values as the driver gives them) of ``stmt``, a statement built once
    at import time, compiled once per dialect and run straight on the driver's cursor: for the small
    lookups a frequent call makes (the coding call resolves a source, a code and a coder each time),
    where SQLAlchemy's per-execution work costs more than the query."""
    sql, names, fixed = _compiled(stmt, conn.dialect)
    values = {**fixed, **params}
    cursor = conn.connection.cursor()
    try:
        cursor.execute(sql, [values[n] for n in names] if names is not None else values)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def prepared_select(conn: Connection, stmt: Select[Any]) -> Callable[..., Sequence[Any]]:
    """``stmt`` compiled once, as a function of its bind parameters (keywords) that runs it through
    the driver and gives plain tuples, without SQLAlchemy's result processing: for a simple query
    run many times over many rows (the export's per-source reads). Values come as the driver gives
    them (SQLite: strings for dates)."""
    compiled = stmt.compile(dialect=conn.dialect)
    sql = str(compiled)
    names = compiled.positiontup
    cursor = conn.connection.cursor()

    def run(**params: Any) -> Sequence[Any]:
        cursor.execute(sql, [params[n] for n in names] if names is not None else params)
        return cursor.fetchall()

    return run


def _process_column(rows: Sequence[Any], index: int, proc: Any) -> list[Any]:
    """``rows`` (tuples) with the value in column ``index`` bind-processed, each distinct value once:
    bulk rows usually share a few values (timestamps)."""
    cache: dict[Any, Any] = {}
    out: list[Any] = []
    append = out.append
    for row in rows:
        value = row[index]
        try:
            done = cache[value]
        except KeyError:
            done = cache[value] = proc(value)
        except TypeError:  # unhashable (JSON lists, dicts)
            done = proc(value)
        append(row if done is value else (*row[:index], done, *row[index + 1 :]))
    return out
