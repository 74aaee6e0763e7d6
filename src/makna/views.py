"""Read-only queries shaped for display (the web workbench and other viewers).

Each function runs a handful of SQL statements and returns plain dataclasses; nothing here writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select

from .project import Project
from .rounds import visible
from .store import tables

__all__ = ["SegmentView", "CodeUsage", "source_segments", "code_usage", "recent_codes", "segments_per_source"]


@dataclass(frozen=True)
class SegmentView:
    """One coding of a source, with what a viewer needs to draw it."""

    id: str
    start: int
    end: int
    code_id: str
    code_key: str
    code_name: str
    color: str
    coder: str
    memo: str


@dataclass(frozen=True)
class CodeUsage:
    """How many segments a code has (by everyone, and by one coder)."""

    code_id: str
    segments: int
    by_coder: int


def source_segments(project: Project, source: str, *, coders: Sequence[str] | None = None) -> list[SegmentView]:
    """Every coding of ``source`` (name or id) the acting coder may see (:func:`makna.rounds.visible`),
    by ``coders`` (names) or by anyone, ordered by start, then longest first."""
    seg, c, k = tables.segments.c, tables.codes.c, tables.coders.c
    with project.store.read() as conn:
        sid = project.source_row(conn, source).id
        q = (select(seg.id, seg.start, seg.end, seg.code_id, c.key, c.name, c.color, k.name.label("coder"), seg.memo)
             .select_from(tables.segments)
             .join(tables.codes, c.id == seg.code_id)
             .join(tables.coders, k.id == seg.coder_id)
             .where(seg.source_id == sid, visible(project, conn)))
        if coders:
            q = q.where(k.name.in_(list(coders)))
        rows = conn.execute(q.order_by(seg.start, seg.end.desc(), c.key, k.name)).all()
    return [SegmentView(r.id, r.start, r.end, r.code_id, r.key, r.name, r.color, r.coder, r.memo) for r in rows]


def code_usage(project: Project, *, coder: str | None = None) -> dict[str, CodeUsage]:
    """Segments per code id, in total (those the acting coder may see) and by ``coder`` (default: the
    project's current coder)."""
    seg, k = tables.segments.c, tables.coders.c
    name = coder or project.coder_name
    with project.store.read() as conn:
        total = {r[0]: r[1] for r in conn.execute(select(seg.code_id, func.count()).where(visible(project, conn))
                                                  .group_by(seg.code_id))}
        mine = {r[0]: r[1] for r in conn.execute(
            select(seg.code_id, func.count()).join(tables.coders, k.id == seg.coder_id)
            .where(k.name == name).group_by(seg.code_id))}
    return {cid: CodeUsage(cid, int(n), int(mine.get(cid, 0))) for cid, n in total.items()}


def recent_codes(project: Project, *, coder: str | None = None, limit: int = 9) -> list[str]:
    """Ids of the codes ``coder`` (default: the current coder) applied most recently, newest first."""
    seg, k = tables.segments.c, tables.coders.c
    name = coder or project.coder_name
    with project.store.read() as conn:
        rows = conn.execute(
            select(seg.code_id, func.max(seg.created_at).label("last"))
            .join(tables.coders, k.id == seg.coder_id).where(k.name == name)
            .group_by(seg.code_id).order_by(func.max(seg.created_at).desc()).limit(limit)).all()
    return [str(r.code_id) for r in rows]


def segments_per_source(project: Project) -> dict[str, int]:
    """Number of codings per source id (sources without codings are absent)."""
    seg = tables.segments.c
    with project.store.read() as conn:
        rows = conn.execute(select(seg.source_id, func.count()).group_by(seg.source_id)).all()
    return {str(r[0]): int(r[1]) for r in rows}
