"""Read-only queries shaped for display (the web workbench and other viewers).

Each function runs a handful of SQL statements and returns plain dataclasses; nothing here writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select

from .codebook import CodeNode
from .project import Project
from .rounds import counted_where, listed, sight, suggester_ids, visible, visible_where
from .store import tables, tallies

__all__ = ["SegmentView", "CodeUsage", "source_segments", "code_usage", "codings_with_descendants", "recent_codes",
           "segments_per_source"]


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
    by ``coders`` (names) or by anyone, ordered by start, then longest first; not the suggester's
    rejected proposals (:func:`makna.rounds.listed`)."""
    seg, c, k = tables.segments.c, tables.codes.c, tables.coders.c
    with project.store.read() as conn:
        sid = project.source_row(conn, source).id
        q = (select(seg.id, seg.start, seg.end, seg.code_id, c.key, c.name, c.color, k.name.label("coder"), seg.memo)
             .select_from(tables.segments)
             .join(tables.codes, c.id == seg.code_id)
             .join(tables.coders, k.id == seg.coder_id)
             .where(seg.source_id == sid, visible(project, conn), listed()))
        if coders:
            q = q.where(k.name.in_(list(coders)))
        rows = conn.execute(q.order_by(seg.start, seg.end.desc(), c.key, k.name)).all()
    return [SegmentView(r.id, r.start, r.end, r.code_id, r.key, r.name, r.color, r.coder, r.memo) for r in rows]


def code_usage(project: Project, *, coder: str | None = None) -> dict[str, CodeUsage]:
    """Segments per code id, in total and by ``coder`` (default: the project's current coder), counted
    as the analyses count (:func:`makna.rounds.counted_where`): the total never counts the suggester's
    proposals (they count once a person accepts them), ``by_coder`` counts the suggester's when it is
    the ``coder`` named (its rejected proposals left out).

    Read from the maintained tallies (:mod:`makna.store.tallies`): one row per code and coder, so the
    cost follows the codebook, not the number of codings. During a blind round that hides others'
    codings from the acting coder, and for the suggester's own count, counted from the codings instead
    (the suggester's: one probe of the index on coder)."""
    ct, k, seg = tallies.code_tallies.c, tables.coders.c, tables.segments.c
    name = coder or project.coder_name
    total: dict[str, int] = {}
    mine: dict[str, int] = {}
    with project.store.read() as conn:
        who = conn.execute(select(k.id, k.kind).where(k.name == name)).first()
        coder_id, machine = (who.id, who.kind == "suggester") if who is not None else (None, False)
        seen = sight(project, conn)
        if seen.everything:
            for code_id, by, n in conn.execute(select(ct.code_id, ct.coder_id, ct.n)
                                               .where(ct.coder_id.not_in(suggester_ids()))):
                total[code_id] = total.get(code_id, 0) + n
                if by == coder_id:
                    mine[code_id] = n
        else:  # counted_where's conditions, from the one round read above
            for code_id, n in conn.execute(select(seg.code_id, func.count())
                                           .where(seen.segments(), seg.coder_id.not_in(suggester_ids()))
                                           .group_by(seg.code_id)):
                total[code_id] = n
        if coder_id is not None and (machine or not seen.everything):
            mine = {code_id: n for code_id, n in conn.execute(
                select(seg.code_id, func.count()).where(seen.segments(), seg.coder_id == coder_id, listed())
                .group_by(seg.code_id))}
    return {cid: CodeUsage(cid, int(total.get(cid, 0)), int(mine.get(cid, 0)))
            for cid in total.keys() | mine.keys() if total.get(cid) or mine.get(cid)}


def codings_with_descendants(tree: Sequence[CodeNode], usage: dict[str, CodeUsage]) -> dict[str, int]:
    """Per code id of ``tree`` (:func:`makna.codebook.code_tree`, parents before children), its codings in
    :func:`code_usage` plus those of every code below it: the second figure of "codings of this code /
    with its descendants" on the workbench's codebook and home pages (a sum of codings from the
    tallies, at the cost of the codebook; the analyses count distinct passages instead)."""
    totals: dict[str, int] = {}
    ids = {n.code.id for n in tree}
    for n in reversed(tree):  # children come after parents: add each code's total to its parent
        cid = n.code.id
        totals[cid] = totals.get(cid, 0) + (usage[cid].segments if cid in usage else 0)
        if n.code.parent_id is not None and n.code.parent_id in ids:
            totals[n.code.parent_id] = totals.get(n.code.parent_id, 0) + totals[cid]
    return totals


def recent_codes(project: Project, *, coder: str | None = None, limit: int = 9) -> list[str]:
    """Ids of the codes ``coder`` (default: the current coder) applied most recently, newest first.

    One probe of the index (coder, code, created) per code the coder has used: the cost follows the
    codebook, not the number of codings."""
    seg, k, ct = tables.segments.c, tables.coders.c, tallies.code_tallies.c
    name = coder or project.coder_name
    with project.store.read() as conn:
        coder_id = conn.execute(select(k.id).where(k.name == name)).scalar()
        if coder_id is None:
            return []
        last = (select(func.max(seg.created_at)).where(seg.coder_id == coder_id, seg.code_id == ct.code_id)
                .scalar_subquery())
        rows = conn.execute(select(ct.code_id, last.label("last")).where(ct.coder_id == coder_id)
                            .order_by(last.desc(), ct.code_id).limit(limit)).all()
    return [str(r.code_id) for r in rows]


def segments_per_source(project: Project, sources: Sequence[str] | None = None) -> dict[str, int]:
    """Number of codings per source id (sources without codings are absent), of every source or of
    the ``sources`` (ids) given, counted as the analyses count (:func:`makna.rounds.counted_where`:
    not the suggester's proposals).

    Read from the maintained tallies (one row per source), less the suggester's codings, in a project
    that has a suggester: of the ``sources`` given, counted per coder from the index that starts with
    the source (the cost follows those sources' codings, not the project's); of every source, from
    the index on coder (the cost follows the suggester's codings). During a blind round that hides
    others' codings from the acting coder, counted from the codings they may see instead."""
    st, seg = tallies.source_tallies.c, tables.segments.c
    with project.store.read() as conn:
        if visible_where(project, conn):
            q = select(seg.source_id, func.count()).where(*counted_where(project, conn)).group_by(seg.source_id)
            if sources is not None:
                q = q.where(seg.source_id.in_(list(sources)))
            return {str(r[0]): int(r[1]) for r in conn.execute(q)}
        q = select(st.source_id, st.n).where(st.n > 0)
        if sources is not None:
            q = q.where(st.source_id.in_(list(sources)))
        counts = {str(r[0]): int(r[1]) for r in conn.execute(q)}
        machines = set(conn.execute(suggester_ids()).scalars())
        if machines and counts:
            if sources is not None:  # no condition on the coder: the planner probes the sources' index
                q = (select(seg.source_id, seg.coder_id, func.count()).where(seg.source_id.in_(list(counts)))
                     .group_by(seg.source_id, seg.coder_id))
                machine_rows = [(sid, n) for sid, coder, n in conn.execute(q) if coder in machines]
            else:
                machine_rows = [(sid, n) for sid, n in conn.execute(
                    select(seg.source_id, func.count()).where(seg.coder_id.in_(sorted(machines)))
                    .group_by(seg.source_id))]
            for sid, n in machine_rows:
                counts[str(sid)] = counts.get(str(sid), 0) - int(n)
    return {sid: n for sid, n in counts.items() if n > 0}
