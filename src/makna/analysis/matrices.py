"""Code x case and code x attribute-value matrices with row and column percentages.

Measures: ``segments`` (segments of the code in the column's cases), ``cases`` (informants: cases
in the column having the code at least once) and ``presence`` (1 when any, else 0). For attribute
values, the ``cases`` column percentage is taken of all cases holding that value (what share of
the informants aged 20-24 mention the code), so ``column_bases`` holds those case counts.
"""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import and_, or_, select

from ..cases import decode_value
from ..codebook import code_tree
from ..errors import InputError, NotFoundError
from ..holds import hidden_cases
from ..project import Project
from ..queries import code_case_matrix, subtree_counts
from ..rounds import counted_where
from ..store import tables

__all__ = ["Measure", "CrossTable", "code_by_case", "code_by_attribute", "LARGE_MATRIX"]

Measure = Literal["segments", "cases", "presence"]
LARGE_MATRIX = 2000  # columns; above this, code_by_case warns and callers should page


def _pct(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 1) if whole else 0.0


@dataclass
class CrossTable:
    """``cells[i][j]`` for ``rows[i]`` (code keys) x ``columns[j]``, with totals and percentages."""

    rows: list[str]
    columns: list[str]
    cells: list[list[int]]
    measure: str
    row_labels: list[str] = field(default_factory=list)
    column_bases: list[int] | None = None
    title: str = ""
    in_total: list[bool] | None = None  # rows the column totals add up (None: all)
    totals: list[int] | None = None  # column totals counted apart (informants: each once, not once per code)

    @property
    def row_totals(self) -> list[int]:
        return [sum(r) for r in self.cells]

    @property
    def column_totals(self) -> list[int]:
        """Column sums; of the rows in ``in_total`` only, when set (a matrix whose codes count their
        subtree adds up its top codes, so that no segment is counted again under its parent). An
        informant matrix (``cases``) holds its own ``totals``: the distinct cases of each column
        having any of its codes, an informant under two codes counted once."""
        if self.totals is not None:
            return list(self.totals)
        rows = [r for i, r in enumerate(self.cells) if self.in_total is None or self.in_total[i]]
        return [sum(col) for col in zip(*rows, strict=True)] if rows else [0] * len(self.columns)

    def row_percentages(self) -> list[list[float]]:
        """Each cell as a percentage of its row total."""
        return [[_pct(v, t) for v in row] for row, t in zip(self.cells, self.row_totals, strict=True)]

    def column_percentages(self) -> list[list[float]]:
        """Each cell as a percentage of its column total (or of ``column_bases`` when set)."""
        bases = self.column_bases or self.column_totals
        return [[_pct(v, b) for v, b in zip(row, bases, strict=True)] for row in self.cells]

    def page(self, offset: int = 0, limit: int | None = 50) -> CrossTable:
        """The columns ``offset`` to ``offset + limit`` (for very wide tables)."""
        end = None if limit is None else offset + limit
        bases = self.column_bases[offset:end] if self.column_bases else None
        totals = self.totals[offset:end] if self.totals is not None else None
        return CrossTable(self.rows, self.columns[offset:end], [r[offset:end] for r in self.cells], self.measure,
                          self.row_labels, bases, self.title, self.in_total, totals)

    def records(self, percent: Literal["none", "row", "column"] = "none") -> list[dict[str, Any]]:
        values: list[list[Any]] = (self.cells if percent == "none" else self.row_percentages() if percent == "row"
                                   else self.column_percentages())
        return [{"code": r, **dict(zip(self.columns, row, strict=True)), "total": t}
                for r, row, t in zip(self.rows, values, self.row_totals, strict=True)]


def code_by_case(project: Project, *, measure: Measure = "segments", coder: str | None = None,
                 codes: Sequence[str] | None = None, descendants: bool = True) -> CrossTable:
    """Codes x cases (by name). ``cases`` and ``presence`` are the same here (1 or 0). With
    ``descendants`` (the default) a code counts its subtree by :data:`makna.queries.ROLLUP_RULE`. Warns above
    ``LARGE_MATRIX`` cases: page the result with :meth:`CrossTable.page`."""
    if measure not in ("segments", "cases", "presence"):
        raise InputError(f"measure {measure!r}: use segments, cases or presence")
    m = code_case_matrix(project, measure="segments" if measure == "segments" else "presence", coder=coder,
                         codes=codes, descendants=descendants)
    if len(m.columns) > LARGE_MATRIX:
        warnings.warn(f"code x case matrix with {len(m.columns)} cases: page it (CrossTable.page) or use "
                      "code x attribute", stacklevel=2)
    # an informant total is the case itself, once, when any code shown (with its subtree) is there
    totals = ([int(any(row[j] for row in m.cells)) for j in range(len(m.columns))]
              if measure == "cases" and descendants else None)
    return CrossTable(m.rows, m.columns, m.cells, measure, m.row_labels, title="code x case",
                      in_total=_top_rows(project, m.rows) if descendants else None, totals=totals)


def code_by_attribute(project: Project, attribute: str, *, measure: Measure = "cases", coder: str | None = None,
                      codes: Sequence[str] | None = None, descendants: bool = True) -> CrossTable:
    """Codes x the values of case ``attribute`` (sorted; cases without a value are left out). With
    ``descendants`` (the default) a code counts its subtree by :data:`makna.queries.ROLLUP_RULE`:
    distinct segments (a segment in two cases of one value counts once) or distinct cases."""
    if measure not in ("segments", "cases", "presence"):
        raise InputError(f"measure {measure!r}: use segments, cases or presence")
    a, cv, cl, seg = tables.attributes.c, tables.case_values.c, tables.case_links.c, tables.segments.c
    nodes = code_tree(project)
    with project.store.read() as conn:
        attr = conn.execute(select(a.id, a.type).where(a.name == attribute)).first()
        if attr is None:
            raise NotFoundError(f"unknown attribute {attribute!r} (see 'makna cases': one column per attribute)")
        held = hidden_cases(project, cv.case_id)  # no case held with a held source (makna.holds)
        value_of = {r.case_id: r.value for r in conn.execute(
            select(cv.case_id, cv.value).where(cv.attribute_id == attr.id, *held))}
        conds = counted_where(project, conn, coder)  # blind rounds; the suggester's proposals left out
        wanted = {project.code_id(conn, k) for k in codes} if codes else None
        join = and_(cl.source_id == seg.source_id,
                    or_(cl.start.is_(None), and_(seg.start < cl.end, seg.end > cl.start)))
        passage = (seg.source_id, seg.start, seg.end, seg.coder_id)
        value = cv.value
        valued = (tables.segments.join(tables.case_links, join)
                  .join(tables.case_values, and_(cv.case_id == cl.case_id, cv.attribute_id == attr.id)))
        unit = passage if measure == "segments" else (cl.case_id,)
        rows = [(r[0], tuple(r[1:-1]), r[-1]) for r in conn.execute(
            select(value, *unit, seg.code_id).select_from(valued).where(*conds, *held).distinct()
            .order_by(value, *unit))]
    own = Counter((code_id, group) for group, _, code_id in rows)  # distinct units of each code itself
    counts = subtree_counts({n.code.id: n.code.parent_id for n in nodes}, ((c, g, n) for (c, g), n in own.items()),
                            rows, descendants=descendants)
    row_nodes = [n for n in nodes if wanted is None or n.code.id in wanted]
    values = sorted(set(value_of.values()), key=lambda v: (_sort_key(attr.type, v)))
    bases = [0] * len(values)
    col = {v: j for j, v in enumerate(values)}
    for v in value_of.values():
        bases[col[v]] += 1
    cells = []
    for node in row_nodes:
        per_value = counts.get(node.code.id, {})
        cells.append([min(per_value.get(v, 0), 1) if measure == "presence" else per_value.get(v, 0) for v in values])
    labels = [str(decode_value(attr.type, v)) for v in values]
    keys = [n.code.key for n in row_nodes]
    totals = None
    if measure == "cases" and descendants:  # each informant once, however many of the codes shown she has
        shown = _subtree_ids(nodes, {n.code.id for n in row_nodes})
        having = {(group, unit) for group, unit, code_id in rows if code_id in shown}
        per_value = Counter(group for group, _ in having)
        totals = [per_value.get(v, 0) for v in values]
    return CrossTable(keys, labels, cells, measure, [n.code.name for n in row_nodes],
                      bases if measure == "cases" else None, title=f"code x {attribute}",
                      in_total=_top_rows(project, keys) if descendants else None, totals=totals)


def _subtree_ids(nodes: Sequence[Any], roots: set[str]) -> set[str]:
    """The ids of ``roots`` and of every code below one of them."""
    parent = {n.code.id: n.code.parent_id for n in nodes}
    out = set()
    for code_id in parent:
        cur: str | None = code_id
        while cur is not None and cur not in roots:
            cur = parent[cur]
        if cur is not None:
            out.add(code_id)
    return out


def _top_rows(project: Project, keys: Sequence[str]) -> list[bool]:
    """For each code key: whether none of its ancestors is among ``keys``."""
    nodes = {n.code.id: n.code for n in code_tree(project)}
    by_key = {c.key: c for c in nodes.values()}
    shown = {by_key[k].id for k in keys}
    out = []
    for k in keys:
        parent = by_key[k].parent_id
        while parent is not None and parent not in shown:
            parent = nodes[parent].parent_id
        out.append(parent is None)
    return out


def _sort_key(kind: str, value: str) -> tuple[int, Any]:
    try:
        return (0, float(value)) if kind in ("integer", "float") else (1, value)
    except ValueError:
        return (1, value)
