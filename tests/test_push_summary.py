"""The push summary says what happened (#11, found by a new user's trial): a push whose every change met a
conflict pushed nothing, and says so; a partly pushed one says how many of how many."""

from __future__ import annotations

from makna.cli.sync_cmds import push_summary
from makna.sync.client import PushReport

CONFLICT = {"kind": "segment", "id": "s1", "message": "was deleted or merged on the server", "reason": "gone"}


def test_nothing_pushed_when_every_change_conflicts() -> None:
    line = push_summary(PushReport(sent=1, conflicts=[CONFLICT]), "the server")
    assert line == "Nothing pushed: 1 conflict."
    assert "Pushed" not in line and "0 added" not in line


def test_partly_pushed() -> None:
    line = push_summary(PushReport(sent=3, added=1, changed=1, conflicts=[CONFLICT]), "the server")
    assert line == "Pushed 2 of 3 changes (1 added, 1 changed); 1 conflict."


def test_all_pushed() -> None:
    line = push_summary(PushReport(sent=2, added=1, unchanged=1), "p.makna")
    assert line == "Pushed 2 changes (1 added, 1 already in p.makna)."
    assert push_summary(PushReport(sent=1, added=1), "the server") == "Pushed 1 change (1 added)."
