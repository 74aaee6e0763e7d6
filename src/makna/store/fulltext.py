"""The full-text index's storage: the tables of schema revision 0002 and every statement on them
that differs between SQLite (an FTS5 table ``search_fts(words, stems)`` whose rowid is the chunk
id) and PostgreSQL (tsvector columns ``words`` and ``stems`` on ``search_chunks``).

:mod:`makna.textindex` decides what to index (passages, tokens, stems); this module writes and
finds the rows, so that no module above the store branches on the database engine.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    ColumnElement,
    Connection,
    Integer,
    MetaData,
    String,
    Table,
    delete,
    select,
    text,
)

from . import bulk_insert

__all__ = ["search_sources", "search_chunks", "Passage", "insert_passages", "delete_source", "purge_orphans",
           "optimize", "match"]

_meta = MetaData()
search_sources = Table(
    "search_sources", _meta,
    Column("source_id", String(36), primary_key=True),
    Column("language", String(16), nullable=False),
    Column("version", Integer, nullable=False),
    Column("sha256", String(64), nullable=False, server_default=""),
)
search_chunks = Table(
    "search_chunks", _meta,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True),
    Column("source_id", String(36), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("turn", Integer),
)

#: One indexed passage: start, end, turn number (or None), its folded words and their stems.
Passage = tuple[int, int, int | None, list[str], list[str]]


def _tsvector(words: Sequence[str]) -> str:
    positions: dict[str, list[str]] = {}
    for i, w in enumerate(words[:16383], start=1):
        positions.setdefault(w[:2000], []).append(str(i))
    return " ".join(f"'{w}':{','.join(p)}" for w, p in positions.items())


def insert_passages(conn: Connection, source_id: str, rows: Sequence[Passage]) -> None:
    """Add ``rows`` of ``source_id`` to the index inside the caller's transaction."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        conn.execute(
            text('INSERT INTO search_chunks (source_id, start, "end", turn, words, stems) '
                 "VALUES (:source_id, :start, :end, :turn, CAST(:words AS tsvector), CAST(:stems AS tsvector))"),
            [{"source_id": source_id, "start": a, "end": b, "turn": turn, "words": _tsvector(words),
              "stems": _tsvector(stems)} for a, b, turn, words, stems in rows],
        )
        return
    next_id = 1 + int(conn.execute(text(
        "SELECT max(coalesce((SELECT max(id) FROM search_chunks), 0), "
        "coalesce((SELECT max(rowid) FROM search_fts), 0))")).scalar() or 0)
    numbered = list(enumerate(rows, start=next_id))
    bulk_insert(conn, search_chunks, [(i, source_id, r[0], r[1], r[2]) for i, r in numbered],
                ("id", "source_id", "start", "end", "turn"))
    conn.exec_driver_sql("INSERT INTO search_fts (rowid, words, stems) VALUES (?, ?, ?)",
                         [(i, " ".join(r[3]), " ".join(r[4])) for i, r in numbered])


def delete_source(conn: Connection, source_id: str) -> None:
    """Remove a source's index entries inside the caller's transaction."""
    if conn.dialect.name == "sqlite":
        conn.execute(text("DELETE FROM search_fts WHERE rowid IN (SELECT id FROM search_chunks "
                          "WHERE source_id = :sid)"), {"sid": source_id})
    conn.execute(delete(search_chunks).where(search_chunks.c.source_id == source_id))
    conn.execute(delete(search_sources).where(search_sources.c.source_id == source_id))


def purge_orphans(conn: Connection) -> None:
    """Drop FTS5 rows whose passage is gone (PostgreSQL keeps words on the passage row itself)."""
    if conn.dialect.name == "sqlite":
        conn.execute(text("DELETE FROM search_fts WHERE rowid NOT IN (SELECT id FROM search_chunks)"))


def optimize(conn: Connection) -> None:
    """Merge the FTS5 index segments, so that deleted terms (replaced identifiers) leave the file;
    nothing to do on PostgreSQL, whose words live on the passage rows."""
    if conn.dialect.name == "sqlite" and conn.execute(
            text("SELECT 1 FROM sqlite_master WHERE name = 'search_fts'")).first():
        conn.execute(text("INSERT INTO search_fts(search_fts) VALUES ('optimize')"))


def match(conn: Connection, query: Any, *, fts5: str, postgres: ColumnElement[bool]) -> Any:
    """``query`` (over ``search_chunks``) limited to the passages that match: ``fts5`` is the FTS5
    MATCH expression, ``postgres`` the tsvector condition of the same search."""
    if conn.dialect.name == "postgresql":
        return query.where(postgres)
    return query.where(search_chunks.c.id.in_(select(text("rowid")).select_from(text("search_fts"))
                                              .where(text("search_fts MATCH :match")))).params(match=fts5)
