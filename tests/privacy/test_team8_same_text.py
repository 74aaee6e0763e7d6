"""Deciding every detection of one text at once (trial7's item 7): one transaction, one event whose
payload holds ids, never the string; the researcher's own spans are kept, and so is every decision
already taken (only pending detections change, besides the one chosen); SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

import makna
from makna.errors import InputError
from makna.privacy.project import decide, decide_all, edit_detection, review_entries
from makna.privacy.project_same import decide_same_text, same_text_plan
from makna.store import tables

ONE = (
    "P: Siapa nama Anda?\nI: Nama saya Budi Santoso, saya tinggal di Bandung.\nP: Sejak kapan?\n"
    "I: Budi Santoso pindah ke Bandung tahun 2010.\n"
)
TWO = "P: Kenal siapa?\nI: Saya kenal Budi Santoso dari pasar di Bandung.\n"


def _by_text(project: Any) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for e in review_entries(project):
        out.setdefault(e.text, set()).add(e.status)
    return out


def _events(project: Any) -> list[tuple[str, dict[str, Any]]]:
    e = tables.events.c
    with project.store.read() as conn:
        return [(r.action, dict(r.payload)) for r in conn.execute(select(e.action, e.payload).order_by(e.id))]


@pytest.fixture
def scanned(project: Any) -> Any:
    makna.import_text(project, "satu", ONE, language="id")
    makna.import_text(project, "dua", TWO, language="id")
    makna.deid_scan(project)
    found = _by_text(project)  # the tests need these detections: a miss fails here rather than skipping
    assert found.get("Bandung") == {"pending"} and found.get("Budi Santoso") == {"pending"}, found
    return project


def test_reject_one_rejects_every_pending_detection_of_the_text(scanned: Any) -> None:
    entries = [e for e in review_entries(scanned) if e.text == "Bandung"]
    assert len(entries) >= 3 and len({e.id.split(":")[0] for e in entries}) == 2
    before = len(_events(scanned))
    done = decide_same_text(scanned, entries[-1].id, "rejected")
    assert set(done.ids) == {e.id for e in entries} and done.total == len(entries)
    assert (done.kept, done.left, done.sources) == (0, 0, 2)
    assert _by_text(scanned)["Bandung"] == {"rejected"}
    assert _by_text(scanned)["Budi Santoso"] == {"pending"}  # another text is left alone
    new = _events(scanned)[before:]
    assert [kind for kind, _ in new] == ["deid.rejected"]
    assert "Bandung" not in repr(new[0][1]) and new[0][1]["count"] == len(entries)
    again = decide_same_text(scanned, entries[0].id, "rejected")  # nothing left to change
    assert again.changed == 0 and again.total == len(entries)
    # accepting everywhere never overrides an explicit rejection: only the detection chosen changes
    back = decide_same_text(scanned, entries[0].id, "accepted")
    assert back.ids == (entries[0].id,) and back.left == len(entries) - 1
    statuses = {e.id: e.status for e in review_entries(scanned)}
    assert [statuses[e.id] for e in entries] == ["accepted"] + ["rejected"] * (len(entries) - 1)


def test_reject_everywhere_leaves_accepted_detections_accepted(scanned: Any) -> None:
    """A false positive rejected everywhere must not drop the same word where a reviewer accepted it as
    an identifier (a nickname): only pending detections change, the accepted ones are counted."""
    entries = [e for e in review_entries(scanned) if e.text == "Budi Santoso"]
    decide(scanned, [entries[0].id], "accepted")
    plan = same_text_plan(scanned, entries[-1].id, "rejected")
    assert _by_text(scanned)["Budi Santoso"] == {"accepted", "pending"}  # the plan changes nothing
    done = decide_same_text(scanned, entries[-1].id, "rejected")
    assert done == plan and done.left == 1 and set(done.ids) == {e.id for e in entries[1:]}
    assert done.sources == len({e.id.split(":")[0] for e in entries[1:]})
    statuses = {e.id: e.status for e in review_entries(scanned)}
    assert statuses[entries[0].id] == "accepted"
    assert {statuses[e.id] for e in entries[1:]} == {"rejected"}
    payload = _events(scanned)[-1][1]
    assert payload["left"] == 1 and "Budi" not in repr(payload)


def test_the_researchers_own_span_is_kept(scanned: Any) -> None:
    entries = [e for e in review_entries(scanned) if e.text == "Budi Santoso"]
    edit_detection(scanned, entries[0].id, kind="PERSON")  # confirmed by hand: "edited"
    done = decide_same_text(scanned, entries[1].id, "rejected")
    assert done.kept == 1 and done.changed == len(entries) - 1 and done.left == 0
    statuses = {e.id: e.status for e in review_entries(scanned)}
    assert statuses[entries[0].id] == "edited"


def test_bad_arguments_are_one_line_errors(scanned: Any) -> None:
    with pytest.raises(InputError, match="use accepted or rejected"):
        decide_same_text(scanned, "1:1", "pending")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="no scanned source number 99"):
        decide_same_text(scanned, "99:1", "rejected")
    with pytest.raises(InputError, match="use accepted or rejected"):
        same_text_plan(scanned, "1:1", "edited")  # type: ignore[arg-type]


@pytest.mark.parametrize("status", ["pending", "edited", "added", "ACCEPTED", "reject", ""])
def test_every_decision_refuses_a_status_the_same_way(scanned: Any, status: str) -> None:
    """One check owns the decision's status: deciding one detection, all of them, or every detection of
    one text (and its plan) refuse the same statuses with the same error and message, changing nothing."""
    entry = next(e for e in review_entries(scanned) if e.text == "Bandung")
    before = (_by_text(scanned), len(_events(scanned)))
    calls: dict[str, Callable[[], object]] = {
        "decide": lambda: decide(scanned, [entry.id], status),  # type: ignore[arg-type]
        "decide_all": lambda: decide_all(scanned, status),  # type: ignore[arg-type]
        "decide_same_text": lambda: decide_same_text(scanned, entry.id, status),  # type: ignore[arg-type]
        "same_text_plan": lambda: same_text_plan(scanned, entry.id, status),  # type: ignore[arg-type]
    }
    refusals: dict[str, tuple[type[BaseException], str]] = {}
    for name, call in calls.items():
        with pytest.raises(Exception) as info:
            call()
        refusals[name] = (info.type, str(info.value))
    assert set(refusals.values()) == {(InputError, f"status {status!r}: use accepted or rejected")}, refusals
    assert (_by_text(scanned), len(_events(scanned))) == before
