"""Memos as a reader sees them: each with what it is about (a code's name, a segment's source, place
and text), who wrote it, and found by words. The memo panel beside a transcript, retrieval and the
report read memos through these functions; :mod:`makna.memos` writes them.

Two kinds of note sit on a segment: a memo on the segment (``memos`` table, kind ``segment``) and the
memo of a coding (``segments.memo``, written with the coding); both are listed, the second with kind
``coding``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Row, or_, select, union_all

from .project import Project
from .rounds import sight, visible, visible_memos
from .store import as_utc, tables

__all__ = ["MemoView", "memos_for_source", "search_memos", "memos_on_segments", "segment_memo_texts",
           "memo_block", "memo_line", "memos_on_codes", "list_memo_views"]

_EXCERPT = 80


@dataclass(frozen=True)
class MemoView:
    """A memo with its target described. ``kind``: project, source, case, code, segment or coding (the
    memo of a coding, whose ``id`` is the segment's). ``source_id``/``start``/``end`` place a segment
    or coding memo in its source; ``code_id`` names the code of a code, segment or coding memo."""

    id: str
    kind: str
    target_id: str | None
    target: str
    title: str
    text: str
    coder: str
    created_at: dt.datetime | None
    source_id: str | None = None
    start: int | None = None
    end: int | None = None
    code_id: str | None = None
    excerpt: str = ""


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 1] + "…"


def _segment_places(conn: Connection, ids: Iterable[str]) -> dict[str, tuple[str, str, int, int, str, str, str]]:
    """Segment id -> (source id, source name, start, end, code id, code name, excerpt)."""
    seg, s, c = tables.segments.c, tables.sources.c, tables.codes.c
    wanted = list(set(ids))
    found: list[Any] = []
    for i in range(0, len(wanted), 500):
        q = (select(seg.id, seg.source_id, s.name, seg.start, seg.end, seg.code_id, c.name.label("code"))
             .join(tables.sources, s.id == seg.source_id).join(tables.codes, c.id == seg.code_id)
             .where(seg.id.in_(wanted[i : i + 500])))
        found.extend(conn.execute(q).all())
    # each source's text read once (a substring per segment in SQL reads the whole text every time)
    texts = {r.id: r.text for r in conn.execute(select(s.id, s.text).where(s.id.in_({r.source_id for r in found})))}
    return {r.id: (r.source_id, r.name, r.start, r.end, r.code_id, r.code,
                   _clip(texts[r.source_id][r.start : min(r.end, r.start + 2 * _EXCERPT)])) for r in found}


def _views(conn: Connection, rows: Sequence[Row[Any]], coding_rows: Sequence[Any]) -> list[MemoView]:
    if not rows and not coding_rows:
        return []
    # the names of what these memos are about and of their writers only: never a whole table's names,
    # whose cost would grow with the project instead of with the memos shown
    coder_table = tables.coders.c
    coders = {r.id: r.name for r in conn.execute(select(coder_table.id, coder_table.name).where(
        coder_table.id.in_({r.coder_id for r in [*rows, *coding_rows] if r.coder_id is not None})))}
    names: dict[str, dict[str, str]] = {}
    for kind, table in (("source", tables.sources), ("case", tables.cases), ("code", tables.codes)):
        wanted = {r.target_id for r in rows if r.target_kind == kind and r.target_id is not None}
        names[kind] = ({r.id: r.name for r in conn.execute(select(table.c.id, table.c.name)
                                                           .where(table.c.id.in_(wanted)))} if wanted else {})
    seg_ids = [r.target_id for r in rows if r.target_kind == "segment"] + [r.id for r in coding_rows]
    places = _segment_places(conn, seg_ids)
    out: list[MemoView] = []
    for r in rows:
        kind, tid = r.target_kind, r.target_id
        common: dict[str, Any] = {"id": r.id, "kind": kind, "target_id": tid, "title": r.title, "text": r.text,
                  "coder": coders.get(r.coder_id, ""), "created_at": as_utc(r.created_at)}
        if kind == "segment" and tid in places:
            p = places[tid]
            out.append(MemoView(**common, target=f"{p[5]} · {p[1]}", source_id=p[0], start=p[2], end=p[3],
                                code_id=p[4], excerpt=p[6]))
        else:
            label = names.get(kind, {}).get(tid or "", "")
            out.append(MemoView(**common, target=label, code_id=tid if kind == "code" else None,
                                source_id=tid if kind == "source" else None))
    for r in coding_rows:
        p = places[r.id]
        out.append(MemoView(r.id, "coding", r.id, f"{p[5]} · {p[1]}", "", r.memo,
                            coders.get(r.coder_id, ""), as_utc(r.created_at), p[0], p[2], p[3], p[4],
                            p[6]))
    return out


def memos_for_source(project: Project, source: str) -> list[MemoView]:
    """What the memo panel beside ``source`` lists: the project's memos, the source's, every code's,
    and the memos on the segments and codings of this source; in order of writing."""
    m, seg = tables.memos.c, tables.segments.c
    with project.store.read() as conn:
        seen = sight(project, conn)  # a blind round hides other coders' codings and the memos on them
        sid = str(project.source_row(conn, source).id)
        # two index searches (a segment memo found from the memo to its segment, not from the source's
        # thousands of segments to their memos)
        around = select(tables.memos).where(or_(m.target_kind.in_(("project", "code")),
                                                (m.target_kind == "source") & (m.target_id == sid)))
        on_segments = (select(tables.memos).join(tables.segments, seg.id == m.target_id)
                       .where(m.target_kind == "segment", seg.source_id == sid, seen.segments()))
        both = union_all(around, on_segments).subquery()
        rows = conn.execute(select(both).order_by(both.c.created_at, both.c.id)).all()
        codings = conn.execute(select(seg.id, seg.memo, seg.coder_id, seg.created_at)
                               .where(seg.source_id == sid, seg.memo != "", seen.segments())
                               .order_by(seg.start, seg.id)).all()
        return _views(conn, rows, codings)


def list_memo_views(project: Project, kind: str | None = None, target: str | None = None) -> list[MemoView]:
    """:func:`makna.memos.list_memos` as a reader sees them: each with the name of what it is about (a source's,
    a case's, a code's; a segment's code and source) and its writer, where ``makna memo list`` showed ids
    (trial19 #3)."""
    from .memos import list_memos

    ids = [m.id for m in list_memos(project, kind, target)]
    with project.store.read() as conn:
        rows = [r for i in range(0, len(ids), 500)
                for r in conn.execute(select(tables.memos).where(tables.memos.c.id.in_(ids[i:i + 500])))]
        order = {mid: n for n, mid in enumerate(ids)}
        return _views(conn, sorted(rows, key=lambda r: order[r.id]), [])


def search_memos(project: Project, words: str, *, limit: int = 500) -> list[MemoView]:
    """Memos of any kind (and coding memos) whose title or text holds ``words`` (case-insensitive;
    every word must occur), newest first."""
    terms = [w.casefold() for w in words.split() if w.strip()]
    m, seg = tables.memos.c, tables.segments.c
    with project.store.read() as conn:
        # a blind round hides other coders' codings and the memos on them; a held source hides its own (makna.holds)
        rows = [r for r in conn.execute(select(tables.memos).where(visible_memos(project, conn))
                                        .order_by(m.created_at.desc(), m.id)).all()
                if all(t in f"{r.title}\n{r.text}".casefold() for t in terms)][:limit]
        codings = [r for r in conn.execute(select(seg.id, seg.memo, seg.coder_id, seg.created_at)
                                           .where(seg.memo != "", visible(project, conn))
                                           .order_by(seg.created_at.desc(), seg.id))
                   if all(t in r.memo.casefold() for t in terms)][:limit]
        views = _views(conn, rows, codings)
    far = dt.datetime.min.replace(tzinfo=dt.UTC)
    return sorted(views, key=lambda v: v.created_at or far, reverse=True)[:limit]


def memos_on_segments(project: Project, segment_ids: Sequence[str]) -> dict[str, list[MemoView]]:
    """Segment id -> the memos on it (``memos`` table), for retrieval."""
    m = tables.memos.c
    out: dict[str, list[MemoView]] = {}
    with project.store.read() as conn:
        seen = sight(project, conn)  # a blind round hides other coders' codings and the memos on them
        rows: list[Row[Any]] = []
        ids = list(dict.fromkeys(segment_ids))
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            rows += conn.execute(select(tables.memos).where(m.target_kind == "segment", m.target_id.in_(chunk),
                                                            seen.memos())
                                 .order_by(m.created_at, m.id)).all()
        for v in _views(conn, rows, []):
            out.setdefault(v.target_id or "", []).append(v)
    return out


def segment_memo_texts(project: Project, segment_ids: Sequence[str]) -> dict[str, str]:
    """Segment id -> the memos on it (``memo add --on segment``) as one text, for a table or a spreadsheet
    cell: each ``writer: title: text`` (``writer: text`` without a title), in order of writing, a blank line
    between them; the segments without one are left out. A coding's own memo is not among them."""
    return {sid: memo_block(views) for sid, views in memos_on_segments(project, segment_ids).items()}


def memo_block(memos: Sequence[MemoView]) -> str:
    """Memos as one text for a table or a spreadsheet cell: each ``writer: title: text`` (``writer: text``
    without a title), a blank line between them."""
    return "\n\n".join(f"{m.coder}: {memo_line(m)}" for m in memos)


def memo_line(memo: MemoView) -> str:
    """A memo as one line of a listing: ``title: text``, or its text alone."""
    return f"{memo.title}: {memo.text}" if memo.title else memo.text


def memos_on_codes(project: Project, code_ids: Sequence[str] | None = None) -> list[MemoView]:
    """The memos on codes (all, or on ``code_ids``), in order of writing; and the project's memos
    when ``code_ids`` is None (for the report)."""
    m = tables.memos.c
    with project.store.read() as conn:
        q = select(tables.memos)
        if code_ids is None:
            q = q.where(m.target_kind.in_(("project", "code")))
        else:
            q = q.where(m.target_kind == "code", m.target_id.in_(list(code_ids)))
        return _views(conn, conn.execute(q.order_by(m.created_at, m.id)).all(), [])
