"""Retrieval and counts: coded segments with context, code frequencies, code x case matrices.

Every query runs in SQL (one statement per result set) so that it stays close to hand-written SQL
on large projects; Python only shapes the rows.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import Connection, and_, func, literal, or_, select
from sqlalchemy import case as sql_case
from sqlalchemy.sql.elements import ColumnElement

from .codebook import code_tree, subtree_ids
from .errors import InputError, NotFoundError
from .holds import hidden_cases
from .paging import Page, after_condition, decode_cursor, encode_cursor
from .project import Project
from .rounds import counted_where, listed, visible
from .store import tables

__all__ = [
    "ROLLUP_RULE",
    "subtree_counts",
    "RetrievedSegment",
    "CodeFrequency",
    "Matrix",
    "retrieve",
    "retrieve_page",
    "retrieval_cursor",
    "code_frequencies",
    "code_case_matrix",
    "case_filter",
]


@dataclass(frozen=True)
class RetrievedSegment:
    """A coded segment with its text, context and where it sits."""

    id: str
    source_id: str
    source: str
    start: int
    end: int
    code_key: str
    code_name: str
    coder: str
    text: str
    before: str = ""
    after: str = ""
    turn: int | None = None
    speaker: str | None = None
    cases: tuple[str, ...] = ()
    memo: str = ""
    created_at: Any = None


def _substr(col: Any, start: Any, length: Any) -> Any:
    # SQLite and PostgreSQL count characters (code points) in substr, 1-based.
    return func.substr(col, start + 1, length)


def case_filter(conn: Connection, project: Project, *, case: str | None = None,
                attribute: tuple[str, str] | None = None) -> ColumnElement[bool] | None:
    """A condition on ``segments`` selecting those inside sources (or spans) linked to ``case`` or to
    cases whose ``attribute`` (name, value) matches. None when no filter is asked for."""
    if case is None and attribute is None:
        return None
    cl, seg = tables.case_links.c, tables.segments.c
    case_ids: list[str] = []
    if case is not None:
        case_ids = [project.case_id(conn, case)]
    if attribute is not None:
        from .cases import encode_value

        name, value = attribute
        a, cv = tables.attributes.c, tables.case_values.c
        attr = conn.execute(select(a.id, a.type).where(a.name == name)).first()
        if attr is None:
            raise NotFoundError(f"unknown attribute {name!r}")
        matching = [r[0] for r in conn.execute(select(cv.case_id).where(
            cv.attribute_id == attr.id, cv.value == encode_value(attr.type, value, attribute=name),
            *hidden_cases(project, cv.case_id)))]  # not a case held with a held source (makna.holds)
        case_ids = [c for c in case_ids if c in matching] if case is not None else matching
    links = conn.execute(select(cl.source_id, cl.start, cl.end).where(cl.case_id.in_(case_ids))).all()
    if not links:
        return literal(False)
    whole = sorted({r.source_id for r in links if r.start is None})
    conds: list[ColumnElement[bool]] = []
    if whole:
        conds.append(seg.source_id.in_(whole))
    for r in links:
        if r.start is not None:
            conds.append(and_(seg.source_id == r.source_id, seg.start < r.end, seg.end > r.start))
    return or_(*conds)


def _cases_by_segment(conn: Connection, project: Project, rows: Sequence[Any]) -> dict[str, tuple[str, ...]]:
    if not rows:
        return {}
    cl, c = tables.case_links.c, tables.cases.c
    links = conn.execute(
        select(cl.source_id, cl.start, cl.end, c.name).join(tables.cases, c.id == cl.case_id)
        .where(cl.source_id.in_(sorted({r.source_id for r in rows})), *hidden_cases(project, cl.case_id))
        .order_by(c.name)
    ).all()
    by_source: dict[str, list[Any]] = {}
    for link in links:
        by_source.setdefault(link.source_id, []).append(tuple(link))
    whole = {sid: tuple(dict.fromkeys(name for _, lo, _, name in found))
             for sid, found in by_source.items() if all(lo is None for _, lo, _, _ in found)}
    out: dict[str, tuple[str, ...]] = {}
    for r in rows:  # (id, source_id, source, start, end, ...)
        sid, source_id, start, end = r[0], r[1], r[3], r[4]
        if source_id in whole:  # linked whole to its cases: the same names for all its segments
            out[sid] = whole[source_id]
            continue
        names = [name for _, lo, hi, name in by_source.get(source_id, ()) if lo is None or (start < hi and end > lo)]
        out[sid] = tuple(dict.fromkeys(names))
    return out


def retrieve(
    project: Project,
    *,
    code: str | None = None,
    descendants: bool = True,
    sources: Sequence[str] | None = None,
    case: str | None = None,
    attribute: tuple[str, str] | None = None,
    coder: str | None = None,
    context: int = 0,
    limit: int | None = None,
    offset: int = 0,
    after: str | None = None,
) -> list[RetrievedSegment]:
    """Coded segments filtered by code (with its descendants by default), sources, case, case
    attribute value and coder, each with ``context`` characters before and after, in source order
    (source name, start, end, code key, coder name). The suggester's proposals are listed under its
    name until reviewed; a rejected one is not a coding and is left out (:func:`makna.rounds.listed`).

    ``after`` (a cursor from :func:`retrieval_cursor` or :func:`retrieve_page`) starts after that
    segment: a page then costs the same wherever it starts (keyset pagination). ``offset`` is a
    convenience whose cost grows with it."""
    if context < 0:
        raise InputError("context must be 0 or more characters")
    if (limit is not None and limit < 0) or offset < 0:
        raise InputError("limit and offset must be 0 or more")
    start_after = decode_cursor("retrieve", after, _CURSOR_TYPES) if after is not None else None
    seg, s, c, k, t = (tables.segments.c, tables.sources.c, tables.codes.c, tables.coders.c, tables.turns.c)
    with project.store.read() as conn:
        # a blind round hides other coders; the suggester's rejected proposals are not codings
        conds: list[ColumnElement[bool]] = [visible(project, conn), listed()]
        if code is not None:
            cid = project.code_id(conn, code)
            ids = subtree_ids(conn, cid) if descendants else [cid]
            conds.append(seg.code_id.in_(ids) if len(ids) > 1 else seg.code_id == cid)
        if sources:
            conds.append(seg.source_id.in_([project.source_row(conn, n).id for n in sources]))
        if coder is not None:
            conds.append(seg.coder_id == project.coder_id(conn, coder, create=False))
        cf = case_filter(conn, project, case=case, attribute=attribute)
        if cf is not None:
            conds.append(cf)
        order = [(s.name, False), (seg.start, False), (seg.end, False), (c.key, False), (k.name, False)]
        if start_after is not None:
            conds.append(after_condition(order, start_after))
        turn_q = (select(t.number).where(t.source_id == seg.source_id, t.start <= seg.start, t.end > seg.start)
                  .limit(1).scalar_subquery())
        speaker_q = (select(t.speaker).where(t.source_id == seg.source_id, t.start <= seg.start, t.end > seg.start)
                     .limit(1).scalar_subquery())
        cols: list[Any] = [
            seg.id, seg.source_id, s.name.label("source"), seg.start, seg.end, c.key, c.name.label("code_name"),
            k.name.label("coder"), _substr(s.text, seg.start, seg.end - seg.start).label("text"),
            turn_q.label("turn"), speaker_q.label("speaker"), seg.memo, seg.created_at,
        ]
        if context:
            lo = sql_case((seg.start > context, seg.start - context), else_=0)
            cols += [_substr(s.text, lo, seg.start - lo).label("before"),
                     _substr(s.text, seg.end, context).label("after")]
        q = (select(*cols).select_from(tables.segments)
             .join(tables.sources, s.id == seg.source_id).join(tables.codes, c.id == seg.code_id)
             .join(tables.coders, k.id == seg.coder_id))
        if limit is not None and not offset:  # a page: found source by source, then read
            ids, page_sources = _page_ids(conn, conds, [col for col, _ in order],
                                          start_after[0] if start_after else None, limit)
            where = {sid: i for i, sid in enumerate(ids)}
            # the page's sources named too, so that the join probes their keys instead of reading them all
            rows = sorted(conn.execute(q.where(seg.id.in_(ids), s.id.in_(page_sources))).all(),
                          key=lambda r: where[r.id]) if ids else []
        else:
            q = q.where(*conds).order_by(*(col for col, _ in order))
            if limit is not None:
                q = q.limit(limit)
            if offset:
                q = q.offset(offset)
            rows = list(conn.execute(q).all())
        cases = _cases_by_segment(conn, project, rows)
    no_cases: tuple[str, ...] = ()
    utc = dt.UTC
    # positional: a Row's attributes are looked up by name, which for thousands of rows costs more
    # than the query's own Python work
    return [
        RetrievedSegment(sid, source_id, source, start, end, key, code_name, coder, text_, ctx[0] if ctx else "",
                         ctx[1] if ctx else "", turn, speaker, cases.get(sid, no_cases), memo,
                         created.replace(tzinfo=utc) if created.tzinfo is None else created.astimezone(utc))
        for (sid, source_id, source, start, end, key, code_name, coder, text_, turn, speaker, memo, created, *ctx)
        in rows
    ]


_CURSOR_TYPES = (str, int, int, str, str)
_FIRST_SOURCES, _MOST_SOURCES = 8, 1024


def _page_ids(conn: Connection, conds: list[ColumnElement[bool]], order: list[Any], from_source: str | None,
              limit: int) -> tuple[list[str], list[str]]:
    """The ids of the first ``limit`` segments that meet ``conds`` in ``order`` (source name first), and
    the ids of the sources they lie in, looking at the sources a few at a time in name order from
    ``from_source``: each round probes the segments' indexes for those sources only (named twice, so
    that neither planner reads the whole sources table to join them) and sorts only their matches,
    so a page costs about the same at any project size. The first round reads 8 sources; later ones
    as many as the matches seen so far per source say are needed for the rest of the page (4 times
    more when none matched: a sparse filter reads more sources). The planners would otherwise sort
    every match to find the first ones."""
    s, seg, c, k = tables.sources.c, tables.segments.c, tables.codes.c, tables.coders.c
    keys = (select(seg.id, seg.source_id).select_from(tables.segments).join(tables.sources, s.id == seg.source_id)
            .join(tables.codes, c.id == seg.code_id).join(tables.coders, k.id == seg.coder_id)
            .where(*conds).order_by(*order))
    ids: list[str] = []
    found: dict[str, None] = {}
    batch, last, inclusive, probed = _FIRST_SOURCES, from_source, True, 0
    while len(ids) < limit:
        names = select(s.id, s.name).order_by(s.name).limit(batch)
        if last is not None:
            names = names.where(s.name >= last if inclusive else s.name > last)
        sources = conn.execute(names).all()
        if not sources:
            break
        batch_ids = [r.id for r in sources]
        for sid, source_id in conn.execute(keys.where(seg.source_id.in_(batch_ids), s.id.in_(batch_ids))
                                           .limit(limit - len(ids))):
            ids.append(sid)
            found[source_id] = None
        probed += len(sources)
        last, inclusive = sources[-1].name, False
        # matches per source so far say how many more sources the rest of the page needs (a quarter more
        # for luck); none yet: four times more
        batch = (min(max(-(-(limit - len(ids)) * 5 * probed // (4 * len(ids))), 1), _MOST_SOURCES) if ids
                 else min(batch * 4, _MOST_SOURCES))
    return ids, list(found)


def retrieval_cursor(segment: RetrievedSegment) -> str:
    """The cursor that makes :func:`retrieve` start after ``segment`` (an opaque token)."""
    return encode_cursor("retrieve", [segment.source, segment.start, segment.end, segment.code_key, segment.coder])


def retrieve_page(project: Project, *, limit: int = 50, after: str | None = None,
                  **filters: Any) -> Page[RetrievedSegment]:
    """One page of :func:`retrieve` (same ``filters``): ``limit`` segments after the cursor ``after``
    (from the start when None) and the cursor of the next page (None on the last page)."""
    if limit < 1:
        raise InputError("limit must be 1 or more")
    rows = retrieve(project, limit=limit + 1, after=after, **filters)
    more = len(rows) > limit
    return Page(rows[:limit], retrieval_cursor(rows[limit - 1]) if more else None)


ROLLUP_RULE = ("A code's figures count the distinct segments of its subtree: its own and its descendants' "
               "segments, a passage (same source, span and coder) coded with several codes below it counted once; "
               "sources and informants are counted distinct too.")
"""The one counting rule of stats, matrices, the report and the demo (see :func:`subtree_counts`)."""


def subtree_counts(parent_of: Mapping[str, str | None], own: Iterable[tuple[str, Hashable, int]],
                   shared: Iterable[tuple[Hashable, Hashable, str]] = (), *,
                   descendants: bool = True) -> dict[str, dict[Hashable, int]]:
    """Count distinct units per code and group: the roll-up rule (:data:`ROLLUP_RULE`) in one place.

    A unit is what is counted (a passage, a source, a case); a group is a column (a case, an attribute
    value, or None). ``own`` gives ``(code_id, group, n)``: the distinct units coded with the code
    itself (one SQL ``GROUP BY``). With ``descendants`` a unit counts once for its code and once for
    each ancestor of it, however many of that ancestor's codes it carries: the code's and its
    descendants' ``own`` numbers are added up, and each unit carrying several codes of one subtree
    is taken off again for all but one of them. ``shared`` gives those units as ``(group, unit,
    code_id)`` rows, sorted so that rows of the same ``(group, unit)`` are adjacent (it may hold
    units with one code too: they change nothing). ``parent_of`` maps each code id to its parent's
    (None at the top). Returns ``{code_id: {group: count}}``; the rows are streamed."""
    chains: dict[str, tuple[str, ...]] = {}

    def chain(code_id: str) -> tuple[str, ...]:
        found = chains.get(code_id)
        if found is None:
            up: list[str] = []
            cur: str | None = code_id
            while cur is not None and cur not in up:
                up.append(cur)
                cur = parent_of.get(cur) if descendants else None
            found = chains[code_id] = tuple(up)
        return found

    out: dict[str, dict[Hashable, int]] = {}
    for code_id, group, n in own:
        for cid in chain(code_id):
            per_group = out.setdefault(cid, {})
            per_group[group] = per_group.get(group, 0) + int(n)
    if not descendants:
        return out

    def take_off(group: Hashable, chains_of_unit: list[tuple[str, ...]]) -> None:
        if len(chains_of_unit) > 1:
            for cid, k in Counter(itertools.chain.from_iterable(chains_of_unit)).items():
                if k > 1:
                    out[cid][group] -= k - 1

    current: tuple[Hashable, Hashable] | None = None
    unit_chains: list[tuple[str, ...]] = []
    for group, unit, code_id in shared:
        if current is None or (group, unit) != current:
            if current is not None:
                take_off(current[0], unit_chains)
            current, unit_chains = (group, unit), []
        unit_chains.append(chain(code_id))
    if current is not None:
        take_off(current[0], unit_chains)
    return out


def _parents(nodes: Sequence[Any]) -> dict[str, str | None]:
    return {n.code.id: n.code.parent_id for n in nodes}


@dataclass(frozen=True)
class CodeFrequency:
    """How often a code was applied: segments, distinct sources, distinct cases."""

    key: str
    name: str
    depth: int
    segments: int
    sources: int
    cases: int
    path: str = ""


def _case_join() -> Any:
    seg, cl = tables.segments.c, tables.case_links.c
    return and_(cl.source_id == seg.source_id,
                or_(cl.start.is_(None), and_(seg.start < cl.end, seg.end > cl.start)))


def _passage() -> tuple[Any, ...]:
    seg = tables.segments.c
    return (seg.source_id, seg.start, seg.end, seg.coder_id)


def _shared_passages(conds: Sequence[ColumnElement[bool]]) -> Any:
    """Spans (source, start, end) that carry more than one code: the only passages that a parent
    could count twice. Grouped by the segments' unique index, so the database scans it in order."""
    seg = tables.segments.c
    return (select(seg.source_id, seg.start, seg.end).where(*conds)
            .group_by(seg.source_id, seg.start, seg.end).having(func.count(func.distinct(seg.code_id)) > 1)
            .subquery("shared"))


def _on_shared(shared: Any) -> ColumnElement[bool]:
    seg = tables.segments.c
    return and_(seg.source_id == shared.c.source_id, seg.start == shared.c.start, seg.end == shared.c.end)


def code_frequencies(project: Project, *, coder: str | None = None, descendants: bool = True,
                     include_unused: bool = True) -> list[CodeFrequency]:
    """Per code, in codebook order: segments, distinct sources and distinct cases. With
    ``descendants`` (the default) by :data:`ROLLUP_RULE`: a parent counts the distinct segments of
    its subtree; without, each code counts its own segments only."""
    seg, cl = tables.segments.c, tables.case_links.c
    nodes = code_tree(project)
    parents = _parents(nodes)
    with project.store.read() as conn:
        coder_cond = counted_where(project, conn, coder)  # blind rounds; the suggester's proposals left out
        own = conn.execute(select(seg.code_id, literal(None), func.count()).where(*coder_cond).group_by(seg.code_id))
        shared: Any = ()
        if descendants:
            multi = _shared_passages(coder_cond)
            shared = ((None, tuple(r[:4]), r[4]) for r in conn.execute(
                select(*_passage(), seg.code_id).select_from(tables.segments.join(multi, _on_shared(multi)))
                .where(*coder_cond).order_by(*_passage())))
        n_segments = subtree_counts(parents, own, shared, descendants=descendants)
        own_sources = conn.execute(select(seg.code_id, literal(None), func.count(func.distinct(seg.source_id)))
                                   .where(*coder_cond).group_by(seg.code_id))
        pairs: Any = ()
        if descendants:
            pairs = ((None, r[0], r[1]) for r in conn.execute(
                select(seg.source_id, seg.code_id).where(*coder_cond).distinct().order_by(seg.source_id)))
        n_sources = subtree_counts(parents, own_sources, pairs, descendants=descendants)
        joined = tables.segments.join(tables.case_links, _case_join())
        case_cond = [*coder_cond, *hidden_cases(project, cl.case_id)]  # makna.holds
        own_cases = conn.execute(select(seg.code_id, literal(None), func.count(func.distinct(cl.case_id)))
                                 .select_from(joined).where(*case_cond).group_by(seg.code_id))
        case_pairs: Any = ()
        if descendants:
            case_pairs = ((None, r[0], r[1]) for r in conn.execute(
                select(cl.case_id, seg.code_id).select_from(joined).where(*case_cond).distinct()
                .order_by(cl.case_id)))
        n_cases = subtree_counts(parents, own_cases, case_pairs, descendants=descendants)
    out = []
    for node in nodes:
        cid = node.code.id
        n = n_segments.get(cid, {}).get(None, 0)
        if n or include_unused:
            out.append(CodeFrequency(node.code.key, node.code.name, node.depth, n,
                                     n_sources.get(cid, {}).get(None, 0), n_cases.get(cid, {}).get(None, 0),
                                     node.path))
    return out


@dataclass
class Matrix:
    """A table of counts: ``cells[i][j]`` for ``rows[i]`` x ``columns[j]``."""

    rows: list[str]
    columns: list[str]
    cells: list[list[int]]
    measure: str = "segments"
    row_labels: list[str] = field(default_factory=list)

    def records(self) -> list[dict[str, Any]]:
        """One dict per row: ``{"code": row, col1: n, col2: n, ...}``."""
        return [{"code": r, **dict(zip(self.columns, row, strict=True))} for r, row in zip(self.rows, self.cells,
                                                                                            strict=True)]

    def to_pandas(self) -> Any:
        """A pandas DataFrame (codes as index, cases as columns); pandas must be installed."""
        try:
            import pandas as pd  # type: ignore[import-not-found, import-untyped, unused-ignore]
        except ImportError as exc:  # pragma: no cover - depends on the environment
            from .errors import MaknaError

            raise MaknaError("to_pandas needs pandas: pip install pandas") from exc
        return pd.DataFrame(self.cells, index=self.rows, columns=self.columns)


def code_case_matrix(project: Project, *, measure: Literal["segments", "presence"] = "segments",
                     coder: str | None = None, codes: Sequence[str] | None = None,
                     descendants: bool = True) -> Matrix:
    """Codes (rows, codebook order) x cases (columns, by name): the number of segments of the code in
    the case's sources or spans, or 1/0 presence. With ``descendants`` (the default) by
    :data:`ROLLUP_RULE`: the distinct segments of the code's subtree; without, its own only."""
    if measure not in ("segments", "presence"):
        raise InputError(f"measure {measure!r}: use segments or presence")
    seg, cl, cs = tables.segments.c, tables.case_links.c, tables.cases.c
    nodes = code_tree(project)
    with project.store.read() as conn:
        # blind rounds; the suggester's proposals left out; no case held with a held source (makna.holds)
        conds = counted_where(project, conn, coder)
        held = hidden_cases(project, cl.case_id)
        wanted = None
        if codes:
            wanted = {project.code_id(conn, k) for k in codes}
        case_rows = conn.execute(select(cs.id, cs.name).where(*hidden_cases(project, cs.id)).order_by(cs.name)).all()
        joined = tables.segments.join(tables.case_links, _case_join())
        own = conn.execute(select(seg.code_id, cl.case_id, func.count()).select_from(joined)
                           .where(*conds, *held).group_by(seg.code_id, cl.case_id))
        shared: Any = ()
        if descendants:
            multi = _shared_passages(conds)
            shared = ((r[0], tuple(r[1:5]), r[5]) for r in conn.execute(
                select(cl.case_id, *_passage(), seg.code_id).select_from(joined.join(multi, _on_shared(multi)))
                .where(*conds, *held).order_by(cl.case_id, *_passage())))
        counts = subtree_counts(_parents(nodes), own, shared, descendants=descendants)
    row_nodes = [n for n in nodes if wanted is None or n.code.id in wanted]
    cells = []
    for node in row_nodes:
        per_case = counts.get(node.code.id, {})
        cells.append([min(per_case.get(r.id, 0), 1) if measure == "presence" else per_case.get(r.id, 0)
                      for r in case_rows])
    return Matrix([n.code.key for n in row_nodes], [r.name for r in case_rows], cells, measure,
                  [n.code.name for n in row_nodes])
