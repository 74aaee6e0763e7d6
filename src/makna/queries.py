"""Retrieval and counts: coded segments with context, code frequencies, code x case matrices.

Every query runs in SQL (one statement per result set) so that it stays close to hand-written SQL
on large projects; Python only shapes the rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import Connection, and_, func, literal, or_, select
from sqlalchemy import case as sql_case
from sqlalchemy.sql.elements import ColumnElement

from .codebook import code_tree, subtree_ids, subtrees
from .errors import InputError, NotFoundError
from .project import Project
from .store import as_utc, tables

__all__ = [
    "RetrievedSegment",
    "CodeFrequency",
    "Matrix",
    "retrieve",
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
            cv.attribute_id == attr.id, cv.value == encode_value(attr.type, value, attribute=name)))]
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


def _cases_by_segment(conn: Connection, rows: Sequence[Any]) -> dict[str, tuple[str, ...]]:
    if not rows:
        return {}
    cl, c = tables.case_links.c, tables.cases.c
    links = conn.execute(
        select(cl.source_id, cl.start, cl.end, c.name).join(tables.cases, c.id == cl.case_id)
        .where(cl.source_id.in_(sorted({r.source_id for r in rows}))).order_by(c.name)
    ).all()
    by_source: dict[str, list[Any]] = {}
    for link in links:
        by_source.setdefault(link.source_id, []).append(link)
    out: dict[str, tuple[str, ...]] = {}
    for r in rows:
        names = [lk.name for lk in by_source.get(r.source_id, ())
                 if lk.start is None or (r.start < lk.end and r.end > lk.start)]
        out[r.id] = tuple(dict.fromkeys(names))
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
) -> list[RetrievedSegment]:
    """Coded segments filtered by code (with its descendants by default), sources, case, case
    attribute value and coder, each with ``context`` characters before and after, in source order."""
    if context < 0:
        raise InputError("context must be 0 or more characters")
    if (limit is not None and limit < 0) or offset < 0:
        raise InputError("limit and offset must be 0 or more")
    seg, s, c, k, t = (tables.segments.c, tables.sources.c, tables.codes.c, tables.coders.c, tables.turns.c)
    with project.store.read() as conn:
        conds: list[ColumnElement[bool]] = []
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
             .join(tables.coders, k.id == seg.coder_id).where(*conds)
             .order_by(s.name, seg.start, seg.end, c.key, k.name))
        if limit is not None:
            q = q.limit(limit)
        if offset:
            q = q.offset(offset)
        rows = conn.execute(q).all()
        cases = _cases_by_segment(conn, rows)
    return [
        RetrievedSegment(
            id=r.id, source_id=r.source_id, source=r.source, start=r.start, end=r.end, code_key=r.key,
            code_name=r.code_name, coder=r.coder, text=r.text, before=r.before if context else "",
            after=r.after if context else "", turn=r.turn, speaker=r.speaker, cases=cases.get(r.id, ()),
            memo=r.memo, created_at=as_utc(r.created_at),
        )
        for r in rows
    ]


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


def code_frequencies(project: Project, *, coder: str | None = None, descendants: bool = False,
                     include_unused: bool = True) -> list[CodeFrequency]:
    """Per code: segments, distinct sources and distinct cases, in codebook order. With
    ``descendants``, a code's figures include its descendants' segments (distinct counts stay
    distinct)."""
    seg, cl = tables.segments.c, tables.case_links.c
    nodes = code_tree(project)
    with project.store.read() as conn:
        coder_cond = [seg.coder_id == project.coder_id(conn, coder, create=False)] if coder else []
        if not descendants:
            seg_rows = {r[0]: (r[1], r[2]) for r in conn.execute(
                select(seg.code_id, func.count(), func.count(func.distinct(seg.source_id)))
                .where(*coder_cond).group_by(seg.code_id))}
            case_rows = {r[0]: r[1] for r in conn.execute(
                select(seg.code_id, func.count(func.distinct(cl.case_id)))
                .select_from(tables.segments.join(tables.case_links, _case_join()))
                .where(*coder_cond).group_by(seg.code_id))}
        else:
            # one query each for counts, (code, source) and (code, case) pairs; the subtrees are
            # summed here, so distinct sources and cases stay distinct across a code's descendants
            per_code = select(seg.code_id, func.count()).where(*coder_cond).group_by(seg.code_id)
            counts: dict[str, int] = {c: n for c, n in conn.execute(per_code)}
            pair_sources = conn.execute(select(seg.code_id, seg.source_id).where(*coder_cond).distinct()).all()
            pair_cases = conn.execute(
                select(seg.code_id, cl.case_id).select_from(tables.segments.join(tables.case_links, _case_join()))
                .where(*coder_cond).distinct()).all()
            sources_of: dict[str, set[str]] = {}
            for code_id, source_id in pair_sources:
                sources_of.setdefault(code_id, set()).add(source_id)
            cases_of: dict[str, set[str]] = {}
            for code_id, case_id in pair_cases:
                cases_of.setdefault(code_id, set()).add(case_id)
            children: dict[str | None, list[str]] = {}
            for node in nodes:
                children.setdefault(node.code.parent_id, []).append(node.code.id)
            totals: dict[str, int] = {}
            for node in reversed(nodes):  # children before parents: theirs are whole-subtree already
                cid, kids = node.code.id, children.get(node.code.id, [])
                totals[cid] = counts.get(cid, 0) + sum(totals[k] for k in kids)
                sources_of[cid] = sources_of.get(cid, set()).union(*(sources_of.get(k, set()) for k in kids))
                cases_of[cid] = cases_of.get(cid, set()).union(*(cases_of.get(k, set()) for k in kids))
            seg_rows = {c: (n, len(sources_of[c])) for c, n in totals.items()}
            case_rows = {c: len(cases_of[c]) for c in totals}
    out = []
    for node in nodes:
        n, ns = seg_rows.get(node.code.id, (0, 0))
        if n or include_unused:
            out.append(CodeFrequency(node.code.key, node.code.name, node.depth, int(n), int(ns),
                                     int(case_rows.get(node.code.id, 0)), node.path))
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
                     descendants: bool = False) -> Matrix:
    """Codes (rows, codebook order) x cases (columns, by name): number of segments of the code (with
    ``descendants``, of the code or any code below it) in the case's sources or spans, or 1/0 presence."""
    if measure not in ("segments", "presence"):
        raise InputError(f"measure {measure!r}: use segments or presence")
    seg, cl, cs = tables.segments.c, tables.case_links.c, tables.cases.c
    nodes = code_tree(project)
    with project.store.read() as conn:
        conds = [seg.coder_id == project.coder_id(conn, coder, create=False)] if coder else []
        wanted = None
        if codes:
            wanted = {project.code_id(conn, k) for k in codes}
        case_rows = conn.execute(select(cs.id, cs.name).order_by(cs.name)).all()
        counts = conn.execute(
            select(seg.code_id, cl.case_id, func.count())
            .select_from(tables.segments.join(tables.case_links, _case_join()))
            .where(*conds).group_by(seg.code_id, cl.case_id)
        ).all()
        row_nodes = [n for n in nodes if wanted is None or n.code.id in wanted]
        trees = subtrees(conn, [n.code.id for n in row_nodes]) if descendants else {}
    col_index = {r.id: j for j, r in enumerate(case_rows)}
    by_code: dict[str, list[tuple[str, int]]] = {}
    for code_id, case_id, n in counts:
        by_code.setdefault(code_id, []).append((case_id, int(n)))
    cells = [[0] * len(case_rows) for _ in row_nodes]
    for row, node in zip(cells, row_nodes, strict=True):
        for member in trees.get(node.code.id, [node.code.id]):
            for case_id, n in by_code.get(member, ()):
                j = col_index[case_id]
                row[j] = 1 if measure == "presence" else row[j] + n
    return Matrix([n.code.key for n in row_nodes], [r.name for r in case_rows], cells, measure,
                  [n.code.name for n in row_nodes])
