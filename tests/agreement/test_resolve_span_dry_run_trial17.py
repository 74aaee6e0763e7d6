"""trial17: ``makna agreement resolve --span ... --dry-run`` recorded the coding: its ``--dry-run`` previews the bulk
rules only, so a manager who asked for a preview of one resolution got a write (undone with ``makna undo``). It is
now refused in one line, with nothing written."""

from __future__ import annotations

from test_project_cli import _run, coded  # noqa: F401 (the fixture)  (tests/agreement is on the path)

import makna


def test_dry_run_with_a_span_writes_nothing(coded: str) -> None:  # noqa: F811
    res = _run("resolve", "-p", coded, "--source", "doc", "--span", "15:29", "--code", "A", "--dry-run")
    assert res.exit_code == 2 and "--dry-run" in res.output and "--rule" in res.output
    with makna.open_project(coded) as proj:
        assert "consensus" not in {seg.coder for seg in makna.retrieve(proj)}
