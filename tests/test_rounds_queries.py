"""The open round is read once per operation: a check that decides what a coder sees and then
filters by it asks the database for the round once, not once for each question (review of #14)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import makna
from makna.errors import ConflictError
from makna.rounds import open_round, require_sight
from makna.views import code_usage
from test_live_log import _statements  # the statements a project's engine runs meanwhile


@pytest.mark.parametrize("blind", [True, False])
def test_one_round_read_per_check(project: Any, blind: bool) -> None:
    makna.import_text(project, "a.txt", "Saya senang sekali.\n", language="id")
    makna.add_code(project, "emosi", "Emosi")
    lead = makna.open_project(project.location, coder="lead")
    ani = makna.open_project(project.location, coder="ani")
    try:
        open_round(lead, "r1", blind=blind)
        makna.code_span(lead, "a.txt", 0, 4, "emosi")
        checks: list[tuple[str, Callable[[], Any]]] = [
            ("code_usage", lambda: code_usage(ani)),
            ("require_sight", lambda: require_sight(ani, "an export")),
        ]
        for name, check in checks:
            with _statements(ani) as statements:
                try:
                    check()
                except ConflictError:
                    assert blind and name == "require_sight"
            reads = [s for s in statements if s.lstrip().upper().startswith("SELECT") and "rounds" in s]
            assert len(reads) == 1, (name, reads)
        assert [u.segments for u in code_usage(ani).values()] == ([] if blind else [1])  # the filter still holds
    finally:
        lead.close()
        ani.close()
