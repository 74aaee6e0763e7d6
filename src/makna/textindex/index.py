"""The full-text search index: stemmed tokens per passage (a turn, or a run of sentences outside
turns), kept in SQLite FTS5 or in PostgreSQL tsvector columns (schema revision 0002; the statements
that differ between the two live in :mod:`makna.store.fulltext`).

The index is derived data. :func:`index_source` adds one source inside the caller's transaction
(``makna.sources.import_text`` calls it); :func:`ensure_index` (re)indexes every source that is not
indexed yet, was indexed by an older version, or changed language, so projects created before the
index existed work too.
"""

from __future__ import annotations

import itertools
import re
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, func, insert, or_, select

from ..project import Project
from ..store import tables
from ..store.fulltext import Passage, delete_source, insert_passages, purge_orphans, search_chunks, search_sources
from ..text import sentence_spans
from .stemming import TOKEN, stemmer

__all__ = [
    "INDEX_VERSION",
    "MAX_CHUNK",
    "search_chunks",
    "search_sources",
    "chunk_spans",
    "index_source",
    "unindex_source",
    "ensure_index",
]

INDEX_VERSION = 2  # 2: stems of stemmer version 2 (Indonesian clitics off unknown words)
MAX_CHUNK = 1500  # characters; longer turns are split at sentence boundaries

def _split(text_: str, start: int, end: int) -> list[tuple[int, int]]:
    """``start:end`` cut into passages of at most about MAX_CHUNK characters at sentence ends."""
    if end - start <= MAX_CHUNK:
        return [(start, end)]
    out: list[tuple[int, int]] = []
    cur: tuple[int, int] | None = None
    for a, b in sentence_spans(text_[start:end]):
        a, b = a + start, b + start
        while b - a > MAX_CHUNK:  # one very long sentence: cut at a space
            cut = text_.rfind(" ", a + 1, a + MAX_CHUNK)
            cut = cut if cut > a else a + MAX_CHUNK
            if cur is not None:
                out.append(cur)
                cur = None
            out.append((a, cut))
            a = cut
        if cur is not None and b - cur[0] <= MAX_CHUNK:
            cur = (cur[0], b)
        else:
            if cur is not None:
                out.append(cur)
            cur = (a, b)
    if cur is not None:
        out.append(cur)
    return out


def chunk_spans(text_: str, turns: Sequence[tuple[int, int, int]]) -> list[tuple[int, int, int | None]]:
    """Passages ``(start, end, turn number or None)`` covering every token of ``text_``: each turn
    (``(number, start, end)``, sorted), split when long, and the text between turns."""
    return list(_iter_chunks(text_, sorted(turns, key=lambda t: t[1])))


def _iter_chunks(text_: str, turns: Iterable[tuple[int, int, int]]) -> Iterator[tuple[int, int, int | None]]:
    """:func:`chunk_spans` one passage at a time, for turns already sorted by start."""
    pos = 0
    for number, a, b in turns:
        if a > pos and not text_[pos:a].isspace():  # the gap between turns: usually a newline
            for x, y in _split(text_, pos, a):
                yield x, y, None
        if a < pos:
            a = pos
        if b - a > MAX_CHUNK:
            for x, y in _split(text_, a, b):
                yield x, y, number
        elif b > a:
            yield a, b, number
        if b > pos:
            pos = b
    if pos < len(text_) and not _blank(text_, pos, len(text_)):
        for x, y in _split(text_, pos, len(text_)):
            yield x, y, None


_NON_SPACE = re.compile(r"\S")


def _blank(text_: str, start: int, end: int) -> bool:
    return _NON_SPACE.search(text_, start, end) is None


def index_source(conn: Connection, source_id: str, text_: str, language: str) -> int:
    """Index one source inside the caller's open write transaction (call it after the source's
    turns are inserted). Replaces any earlier index entries of the source. Returns the number of
    passages indexed. Passages are tokenised and stored in batches, so that memory stays bounded
    however long the text."""
    unindex_source(conn, source_id)
    t = tables.turns.c
    numbers, starts, ends = array("q"), array("q"), array("q")
    result = conn.execute(select(t.number, t.start, t.end).where(t.source_id == source_id).order_by(t.start, t.number))
    for part in result.partitions(10_000):
        for number, start, end in part:
            numbers.append(number)
            starts.append(start)
            ends.append(end)
    stem = stemmer(language)
    sha = conn.execute(select(tables.sources.c.sha256).where(tables.sources.c.id == source_id)).scalar() or ""
    conn.execute(insert(search_sources).values(source_id=source_id, language=language, version=INDEX_VERSION,
                                               sha256=sha))
    count = 0
    chunks = _iter_chunks(text_, zip(numbers, starts, ends, strict=True))
    while batch := list(itertools.islice(chunks, _BATCH)):
        rows: list[Passage] = []
        for a, b, turn in batch:
            found = TOKEN.findall(text_, a, b)  # the same words as tokens(), without building offsets
            words = " ".join(found).casefold().split(" ") if found else []
            rows.append((a, b, turn, words, [stem(w) for w in words]))
        insert_passages(conn, source_id, rows)
        count += len(rows)
    return count


_BATCH = 5_000  # passages tokenised and inserted at a time


def unindex_source(conn: Connection, source_id: str) -> None:
    """Remove a source's index entries inside the caller's transaction (call it before deleting the
    source; entries left behind by a deletion are ignored by searches and cleared on reindexing)."""
    delete_source(conn, source_id)


def _stale(conn: Connection) -> Sequence[Any]:
    s, ss = tables.sources.c, search_sources.c
    return conn.execute(
        select(s.id, s.language).select_from(tables.sources.outerjoin(search_sources, ss.source_id == s.id))
        .where(or_(ss.source_id.is_(None), ss.version != INDEX_VERSION, ss.language != s.language,
                   ss.sha256 != s.sha256))
        .order_by(s.name)
    ).all()


def ensure_index(project: Project, *, sources: Iterable[str] | None = None,
                 progress: Callable[[int, int], None] | None = None) -> int:
    """Index every source not (correctly) indexed yet: new, re-languaged or changed text (the index
    follows imports this way, at the next search or at the end of ``makna import``); returns how
    many were (re)indexed. Cheap when the index is complete (one query). ``sources`` (ids) forces
    those to be reindexed; ``progress(done, total)`` is called after each source."""
    forced = list(sources or [])
    with project.store.read() as conn:
        todo = _stale(conn)
    if not todo and not forced:
        return 0
    payload: dict[str, Any] = {}
    with project.store.write(project.actor, "search.index", payload) as conn:
        s = tables.sources.c
        ids = sorted({r.id for r in _stale(conn)} | set(forced))
        purge_orphans(conn)
        for i, sid in enumerate(ids, start=1):
            row = conn.execute(select(s.text, s.language).where(s.id == sid)).first()
            if row is not None:
                index_source(conn, sid, row.text, row.language)
            if progress:
                progress(i, len(ids))
        payload.update(sources=len(ids))
    return len(ids)


def indexed_count(conn: Connection) -> int:
    """How many sources are indexed (for status displays)."""
    return int(conn.execute(select(func.count()).select_from(search_sources)).scalar() or 0)

