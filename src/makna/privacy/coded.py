"""Move what holds offsets into a source's text through the replacements of its de-identification.

The offsets rule lets offsets change at de-identification: :func:`move_spans` maps people's codings
(``segments``) and the case links to a span (``case_links`` with offsets that are no whole turn) of one
source from its original text to its de-identified text, in the caller's transaction. An edge inside a
replaced identifier goes to the edge of its replacement (:func:`makna.privacy.replacements.map_span`):
a coding never cuts a surrogate in half nor reaches past the identifiers it held, and a coding of an
identifier alone covers its surrogate. Two codings of one coder and code that land on the same span
become one (the first kept, with its memo)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, delete, select, update

from ..project import Project
from ..store import tables
from .replacements import Replacement, map_span

__all__ = ["move_spans"]


def move_spans(
    project: Project, conn: Connection, source_id: str, links: Sequence[Any], reps: Sequence[Replacement], length: int
) -> int:
    """Map the codings of ``source_id`` and the span ``links`` (rows of ``id, start, end``, read before its
    turns moved) through ``reps`` onto the new text of ``length`` code points; returns how many codings
    merged into another."""
    g, cl = tables.segments.c, tables.case_links.c
    for link in links:
        start, end = _moved(link.start, link.end, reps, length)
        conn.execute(update(tables.case_links).where(cl.id == link.id).values(start=start, end=end))
    rows = (
        conn.execute(
            select(tables.segments).where(g.source_id == source_id).order_by(g.start, g.end, g.created_at, g.id)
        )
        .mappings()
        .all()
    )
    if not rows or not reps:
        return 0
    moved: list[dict[str, Any]] = []
    seen: set[tuple[int, int, Any, Any]] = set()
    for row in rows:
        start, end = _moved(row["start"], row["end"], reps, length)
        if (start, end, row["code_id"], row["coder_id"]) in seen:
            continue
        seen.add((start, end, row["code_id"], row["coder_id"]))
        moved.append({**row, "start": start, "end": end})
    # all at once: a coding moving onto the span another had before would meet the unique constraint
    conn.execute(delete(tables.segments).where(g.source_id == source_id))
    project.store.bulk_insert(conn, tables.segments, moved)
    return len(rows) - len(moved)


def _moved(start: int, end: int, reps: Sequence[Replacement], length: int) -> tuple[int, int]:
    new_start, new_end = map_span(start, end, reps)
    return new_start, min(new_end, length)
