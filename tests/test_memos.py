"""Memos and sets stay attached to existing things only: every delete removes what hangs on it
(memos.forget), on both backends."""

from __future__ import annotations

import makna
from makna.codebook import delete_code, merge_codes
from makna.coding import uncode_span
from makna.sources import delete_source
from makna.store import tables

TEXT = "P: Kenapa MiChat?\nI: Gratis, Kak. Lebih aman.\n"


def _dangling(project: makna.Project) -> list[tuple[str, str]]:
    """Memos and set members whose target no longer exists."""
    exists = {
        "source": tables.sources, "case": tables.cases, "code": tables.codes, "segment": tables.segments,
    }
    out: list[tuple[str, str]] = []
    with project.store.read() as conn:
        ids = {k: {r[0] for r in conn.execute(t.select().with_only_columns(t.c.id))} for k, t in exists.items()}
        for m in conn.execute(tables.memos.select()):
            if m.target_kind in ids and m.target_id not in ids[m.target_kind]:
                out.append((m.target_kind, m.target_id))
        for member in conn.execute(tables.set_members.select()):
            if member.member_id not in ids["source"] | ids["code"]:
                out.append(("set member", member.member_id))
    return out


def test_deleting_removes_memos_and_set_members(project: makna.Project) -> None:
    src = makna.import_text(project, "a.txt", TEXT)
    makna.import_text(project, "b.txt", TEXT, allow_duplicate=True)
    for key in ("x", "y", "z"):
        makna.add_code(project, key)
    segs = [makna.code_span(project, "a.txt", 3, 9, k) for k in ("x", "y", "z")]
    segs.append(makna.code_span(project, "a.txt", 10, 16, "y"))
    seg_b = makna.code_span(project, "b.txt", 3, 9, "x")
    for s in (*segs, seg_b):
        makna.add_memo(project, "segment", s.id, f"memo on {s.id}")
    makna.add_case(project, "Informan 1")
    makna.add_memo(project, "case", "Informan 1", "about the informant")
    makna.add_memo(project, "source", "a.txt", "about the source")
    makna.add_memo(project, "code", "z", "about z")
    makna.create_set(project, "both", "sources", ["a.txt", "b.txt"])
    makna.create_set(project, "codes", "codes", ["y", "z"])

    assert uncode_span(project, "a.txt", 10, 16, "y") == 1  # memo of segs[3]
    merge_codes(project, "x", "y")  # segs[0]'s span with y exists already: dropped, memo with it
    delete_code(project, "z", force=True)  # segs[2] and the code's own memo and set place
    makna.delete_case(project, "Informan 1")
    assert _dangling(project) == []
    delete_source(project, "b.txt")
    assert _dangling(project) == []
    remaining = {m.target_id for m in makna.list_memos(project)}
    assert remaining == {segs[1].id, src.id}
    sets = {s.name: s.member_ids for s in makna.list_sets(project)}
    assert sets["both"] == (src.id,) and len(sets["codes"]) == 1  # b.txt and z gone; y stays


def test_nul_in_memos_is_refused_with_one_clear_error(project: makna.Project) -> None:
    """PostgreSQL text holds no NUL: a memo with one is refused on every backend, and nothing changes."""
    import pytest

    makna.import_text(project, "s.txt", "Halo semua", language="id")
    makna.add_code(project, "c", "C")
    with pytest.raises(makna.MaknaError, match="NUL character"):
        makna.add_memo(project, "project", None, "a\x00b")
    with pytest.raises(makna.MaknaError, match="NUL character"):
        makna.code_span(project, "s.txt", 0, 4, "c", memo="x\x00")
    seg = makna.code_span(project, "s.txt", 0, 4, "c")
    with pytest.raises(makna.MaknaError, match="NUL character"):
        makna.set_segment_memo(project, seg.id, "\x00")
    assert makna.list_memos(project) == [] and makna.get_segment(project, seg.id).memo == ""


def test_memo_views_read_only_the_names_their_memos_need(project: makna.Project) -> None:
    """Retrieval and the memo panel describe each memo's target: they look up those names only, never
    every source's, case's or code's name, whose cost would grow with the project (issue 17)."""
    from sqlalchemy import event

    from makna.memo_views import memos_for_source, memos_on_codes, memos_on_segments

    for i in range(3):
        makna.import_text(project, f"s{i}.txt", TEXT, allow_duplicate=True)
    makna.add_code(project, "x")
    makna.add_code(project, "y")
    seg = makna.code_span(project, "s0.txt", 3, 9, "x")
    makna.add_memo(project, "segment", seg.id, "on the segment")
    makna.add_memo(project, "code", "x", "on the code")
    makna.add_memo(project, "source", "s1.txt", "on a source")
    seen: list[str] = []

    def record(conn: object, cursor: object, statement: str, *args: object) -> None:
        seen.append(" ".join(statement.split()))

    event.listen(project.store.engine, "before_cursor_execute", record)
    try:
        on_segments = memos_on_segments(project, [seg.id])
        on_codes = memos_on_codes(project, [makna.get_code(project, "x").id])
        panel = memos_for_source(project, "s1.txt")
        assert memos_on_segments(project, []) == {}
    finally:
        event.remove(project.store.engine, "before_cursor_execute", record)
    assert [v.target for v in on_segments[seg.id]] == ["x · s0.txt"]
    assert [v.target for v in on_codes] == ["x"]
    assert {v.target for v in panel} == {"x", "s1.txt"}
    unbounded = [s for s in seen if s.startswith("SELECT") and " WHERE " not in s and " FROM sources" in s
                 or s.startswith(("SELECT codes.id, codes.name FROM codes", "SELECT cases.id, cases.name FROM cases"))
                 and " WHERE " not in s]
    assert unbounded == []
