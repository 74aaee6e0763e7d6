"""The summary grid (framework matrix): cases x codes, each cell holding the coded text of that
case for that code and a summary the researcher writes.

Summaries are stored as memos on the case (``target_kind="case"``) whose title is
``summary:<code id>``: code ids never change, so a summary survives renaming the code's key.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select

from ..codebook import code_tree, subtrees
from ..errors import InputError
from ..holds import shown_cases
from ..memos import add_memo, delete_memo, update_memo
from ..model import Memo
from ..project import Project
from ..queries import RetrievedSegment, retrieve
from ..store import as_utc, tables

__all__ = ["SummaryCell", "SummaryGrid", "summary_grid", "set_summary", "get_summary", "SUMMARY_PREFIX"]

SUMMARY_PREFIX = "summary:"


@dataclass(frozen=True)
class SummaryCell:
    case: str
    code: str
    segments: tuple[RetrievedSegment, ...] = ()
    summary: str = ""
    memo_id: str | None = None

    @property
    def coded_text(self) -> str:
        return "\n\n".join(s.text for s in self.segments)


@dataclass
class SummaryGrid:
    cases: list[str]
    codes: list[str]
    cells: dict[tuple[str, str], SummaryCell] = field(default_factory=dict)

    def cell(self, case: str, code: str) -> SummaryCell:
        return self.cells.get((case, code), SummaryCell(case, code))


def _summary_memos(project: Project, case_id: str | None = None) -> dict[tuple[str, str], Memo]:
    m = tables.memos.c
    with project.store.read() as conn:
        q = select(tables.memos).where(m.target_kind == "case", m.title.like(f"{SUMMARY_PREFIX}%"))
        if case_id is not None:
            q = q.where(m.target_id == case_id)
        rows = conn.execute(q.order_by(m.created_at, m.id)).all()
    return {(r.target_id, r.title[len(SUMMARY_PREFIX):]): Memo(r.id, r.target_kind, r.target_id, r.title, r.text,
                                                                 r.coder_id, as_utc(r.created_at)) for r in rows}


def get_summary(project: Project, case: str, code: str) -> str:
    """The researcher's summary for ``case`` x ``code`` ("" when none)."""
    with project.store.read() as conn:
        case_id, code_id = project.case_id(conn, case), project.code_id(conn, code)
    memo = _summary_memos(project, case_id).get((case_id, code_id))
    return memo.text if memo else ""


def set_summary(project: Project, case: str, code: str, text: str) -> Memo | None:
    """Write (or replace) the summary of ``case`` x ``code``; an empty ``text`` deletes it."""
    with project.store.read() as conn:
        case_id, code_id = project.case_id(conn, case), project.code_id(conn, code)
    old = _summary_memos(project, case_id).get((case_id, code_id))
    if not text.strip():
        if old is not None:
            delete_memo(project, old.id)
        return None
    if old is not None:
        update_memo(project, old.id, text)
        return Memo(old.id, old.target_kind, old.target_id, old.title, text, old.coder_id, old.created_at)
    return add_memo(project, "case", case_id, text, title=f"{SUMMARY_PREFIX}{code_id}")


def summary_grid(project: Project, *, cases: Sequence[str] | None = None, codes: Sequence[str] | None = None,
                 descendants: bool = True) -> SummaryGrid:
    """Cases (rows, by name) x codes (codebook order; leaf and parent codes), each cell with the
    case's segments of the code (with descendants by default; one per span when several codes
    share it) and the summary."""
    if cases is not None and not cases:
        raise InputError("choose at least one case")
    nodes = code_tree(project)
    c = tables.cases.c
    with project.store.read() as conn:
        all_cases = {r.name: r.id for r in conn.execute(select(c.id, c.name).where(*shown_cases(project))
                                                          .order_by(c.name))}  # makna.holds
        case_names = [n for n in all_cases if cases is None or n in cases or all_cases[n] in cases]
        if cases is not None:
            for name in cases:
                project.case_id(conn, name)
        wanted = [project.code_id(conn, k) for k in codes] if codes else None
        chosen = [n for n in nodes if wanted is None or n.code.id in wanted]
        trees = subtrees(conn, [n.code.id for n in chosen]) if descendants else {}
        subtree = {n.code.id: set(trees.get(n.code.id, [n.code.id])) for n in chosen}
    memos = _summary_memos(project)
    by_code: dict[str, list[RetrievedSegment]] = {}
    for s in retrieve(project, descendants=False):
        by_code.setdefault(s.code_key, []).append(s)
    key_of = {n.code.id: n.code.key for n in nodes}
    grid = SummaryGrid(case_names, [n.code.key for n in chosen])
    for node in chosen:
        segs = [s for cid in subtree[node.code.id] for s in by_code.get(key_of[cid], ())]
        for name in case_names:
            spans = {(s.source, s.start, s.end): s for s in reversed(segs) if name in s.cases}  # one per span
            mine = tuple(sorted(spans.values(), key=lambda s: (s.source, s.start, s.end)))
            memo = memos.get((all_cases[name], node.code.id))
            if mine or memo:
                grid.cells[(name, node.code.key)] = SummaryCell(name, node.code.key, mine,
                                                                memo.text if memo else "", memo.id if memo else None)
    return grid
