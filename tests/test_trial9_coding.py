"""trial9: a coder removing their own coding deleted, silently, another member's memo on it (sari's
memo on andi's coding vanished when andi removed the coding; neither was told). Now the removal is
refused, naming the memo's author, and nothing is removed; the coder's own memos do not stop it (#11)."""

from __future__ import annotations

from typing import Any

import pytest

import makna
from makna.errors import ConflictError, NotFoundError
from makna.memos import list_memos


def test_removing_a_coding_that_carries_another_members_memo_is_refused(project: Any) -> None:
    location = project.location
    makna.import_text(project, "s1", "P: Bagaimana modal Ibu?\nI: Dari koperasi, bayar tiap Jumat.\n")
    makna.add_code(project, "modal")
    project.close()
    with makna.open_project(location, coder="andi") as andi:
        seg = makna.code_span(andi, "s1", 27, 42, "modal")
        mine = makna.code_span(andi, "s1", 44, 59, "modal")
        makna.add_memo(andi, "segment", mine.id, "my own note")
    with makna.open_project(location, coder="sari") as sari:
        memo = makna.add_memo(sari, "segment", seg.id, "I read this differently", title="sari")
    with makna.open_project(location, coder="andi") as andi:
        with pytest.raises(ConflictError, match="this coding carries a memo by sari: removing it would delete"):
            makna.uncode(andi, seg.id)
        assert makna.get_segment(andi, seg.id).id == seg.id  # nothing removed
        makna.uncode(andi, mine.id)  # his own memo goes with his own coding, as before
    with makna.open_project(location, coder="sari") as sari:
        assert [m.text for m in list_memos(sari, "segment")] == ["I read this differently"]
        makna.delete_memo(sari, memo.id)
    with makna.open_project(location, coder="andi") as andi:
        makna.uncode(andi, seg.id)
        with pytest.raises(NotFoundError):
            makna.get_segment(andi, seg.id)


def test_removing_a_span_whose_coding_carries_another_members_memo_is_refused(project: Any) -> None:
    """review14b: ``uncode_span`` (``makna uncode``) deleted sari's memo silently where ``uncode`` refused."""
    location = project.location
    makna.import_text(project, "s1", "P: Bagaimana modal Ibu?\nI: Dari koperasi, bayar tiap Jumat.\n")
    makna.add_code(project, "modal")
    project.close()
    with makna.open_project(location, coder="andi") as andi:
        seg = makna.code_span(andi, "s1", 27, 42, "modal")
        mine = makna.code_span(andi, "s1", 44, 59, "modal")
        makna.add_memo(andi, "segment", mine.id, "my own note")
    with makna.open_project(location, coder="sari") as sari:
        makna.add_memo(sari, "segment", seg.id, "I read this differently")
    with makna.open_project(location, coder="andi") as andi:
        with pytest.raises(ConflictError, match="carries a memo by sari: removing it would delete"):
            makna.uncode_span(andi, "s1", 27, 42)
        assert makna.get_segment(andi, seg.id).id == seg.id  # nothing removed
        assert makna.uncode_span(andi, "s1", 44, 59) == 1  # his own memo does not stop him
    with makna.open_project(location, coder="sari") as sari:
        assert [m.text for m in list_memos(sari, "segment")] == ["I read this differently"]
