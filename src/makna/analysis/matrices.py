"""Code x case and code x attribute-value matrices with row and column percentages.

Measures: ``segments`` (segments of the code in the column's cases), ``cases`` (informants: cases
in the column having the code at least once) and ``presence`` (1 when any, else 0). For attribute
values, the ``cases`` column percentage is taken of all cases holding that value (what share of
the informants aged 20-24 mention the code), so ``column_bases`` holds those case counts.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import and_, func, or_, select

from ..cases import decode_value
from ..codebook import code_tree, subtrees
from ..errors import InputError, NotFoundError
from ..project import Project
from ..queries import code_case_matrix
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

    @property
    def row_totals(self) -> list[int]:
        return [sum(r) for r in self.cells]

    @property
    def column_totals(self) -> list[int]:
        return [sum(col) for col in zip(*self.cells, strict=True)] if self.cells else [0] * len(self.columns)

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
        return CrossTable(self.rows, self.columns[offset:end], [r[offset:end] for r in self.cells], self.measure,
                          self.row_labels, bases, self.title)

    def records(self, percent: Literal["none", "row", "column"] = "none") -> list[dict[str, Any]]:
        values: list[list[Any]] = (self.cells if percent == "none" else self.row_percentages() if percent == "row"
                                   else self.column_percentages())
        return [{"code": r, **dict(zip(self.columns, row, strict=True)), "total": t}
                for r, row, t in zip(self.rows, values, self.row_totals, strict=True)]


def code_by_case(project: Project, *, measure: Measure = "segments", coder: str | None = None,
                 codes: Sequence[str] | None = None, descendants: bool = False) -> CrossTable:
    """Codes x cases (by name). ``cases`` and ``presence`` are the same here (1 or 0). Warns above
    ``LARGE_MATRIX`` cases: page the result with :meth:`CrossTable.page`."""
    if measure not in ("segments", "cases", "presence"):
        raise InputError(f"measure {measure!r}: use segments, cases or presence")
    m = code_case_matrix(project, measure="segments" if measure == "segments" else "presence", coder=coder,
                         codes=codes, descendants=descendants)
    if len(m.columns) > LARGE_MATRIX:
        warnings.warn(f"code x case matrix with {len(m.columns)} cases: page it (CrossTable.page) or use "
                      "code x attribute", stacklevel=2)
    return CrossTable(m.rows, m.columns, m.cells, measure, m.row_labels, title="code x case")


def code_by_attribute(project: Project, attribute: str, *, measure: Measure = "cases", coder: str | None = None,
                      codes: Sequence[str] | None = None, descendants: bool = False) -> CrossTable:
    """Codes x the values of case ``attribute`` (sorted; cases without a value are left out)."""
    if measure not in ("segments", "cases", "presence"):
        raise InputError(f"measure {measure!r}: use segments, cases or presence")
    a, cv, cl, seg = tables.attributes.c, tables.case_values.c, tables.case_links.c, tables.segments.c
    nodes = code_tree(project)
    with project.store.read() as conn:
        attr = conn.execute(select(a.id, a.type).where(a.name == attribute)).first()
        if attr is None:
            raise NotFoundError(f"unknown attribute {attribute!r} (see 'makna cases attributes')")
        value_of = {r.case_id: r.value for r in conn.execute(
            select(cv.case_id, cv.value).where(cv.attribute_id == attr.id))}
        conds = [seg.coder_id == project.coder_id(conn, coder, create=False)] if coder else []
        wanted = [project.code_id(conn, k) for k in codes] if codes else None
        join = and_(cl.source_id == seg.source_id,
                    or_(cl.start.is_(None), and_(seg.start < cl.end, seg.end > cl.start)))
        counts = conn.execute(select(seg.code_id, cl.case_id, func.count())
                              .select_from(tables.segments.join(tables.case_links, join))
                              .where(*conds).group_by(seg.code_id, cl.case_id)).all()
        row_nodes = [n for n in nodes if wanted is None or n.code.id in wanted]
        trees = subtrees(conn, [n.code.id for n in row_nodes]) if descendants else {}
        members = {n.code.id: set(trees.get(n.code.id, [n.code.id])) for n in row_nodes}
    values = sorted(set(value_of.values()), key=lambda v: (_sort_key(attr.type, v)))
    col = {v: j for j, v in enumerate(values)}
    bases = [0] * len(values)
    for v in value_of.values():
        bases[col[v]] += 1
    cells = [[0] * len(values) for _ in row_nodes]
    seen: list[list[set[str]]] = [[set() for _ in values] for _ in row_nodes]
    by_code: dict[str, list[tuple[str, int]]] = {}
    for code_id, case_id, n in counts:
        if case_id in value_of:
            by_code.setdefault(code_id, []).append((case_id, int(n)))
    for i, node in enumerate(row_nodes):
        for case_id, n in (x for member in members[node.code.id] for x in by_code.get(member, ())):
            j = col[value_of[case_id]]
            if measure == "segments":
                cells[i][j] += n
            else:
                seen[i][j].add(case_id)
        if measure != "segments":
            cells[i] = [min(len(s), 1) if measure == "presence" else len(s) for s in seen[i]]
    labels = [str(decode_value(attr.type, v)) for v in values]
    return CrossTable([n.code.key for n in row_nodes], labels, cells, measure, [n.code.name for n in row_nodes],
                      bases if measure == "cases" else None, title=f"code x {attribute}")


def _sort_key(kind: str, value: str) -> tuple[int, Any]:
    try:
        return (0, float(value)) if kind in ("integer", "float") else (1, value)
    except ValueError:
        return (1, value)
