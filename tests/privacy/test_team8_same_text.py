"""Deciding every detection of one text at once (trial7's item 7): one transaction, one event whose
payload holds ids, never the string; the researcher's own spans are kept; SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

import makna
from makna.errors import InputError
from makna.privacy.project import decide_all, edit_detection, review_entries
from makna.privacy.project_same import decide_same_text
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
    found = _by_text(project)
    if "Bandung" not in found or "Budi Santoso" not in found:
        pytest.skip("the detectors did not find the planted name and place")  # not this test's subject
    decide_all(project, "accepted")
    return project


def test_reject_one_rejects_every_detection_of_the_text(scanned: Any) -> None:
    entries = [e for e in review_entries(scanned) if e.text == "Bandung"]
    assert len(entries) >= 3 and {e.status for e in entries} == {"accepted"}
    before = len(_events(scanned))
    done = decide_same_text(scanned, entries[-1].id, "rejected")
    assert set(done.ids) == {e.id for e in entries} and done.total == len(entries) and done.kept == 0
    assert _by_text(scanned)["Bandung"] == {"rejected"}
    assert _by_text(scanned)["Budi Santoso"] == {"accepted"}  # another text is left alone
    new = _events(scanned)[before:]
    assert [kind for kind, _ in new] == ["deid.rejected"]
    assert "Bandung" not in repr(new[0][1]) and new[0][1]["count"] == len(entries)
    again = decide_same_text(scanned, entries[0].id, "rejected")  # nothing left to change
    assert again.changed == 0 and again.total == len(entries)
    back = decide_same_text(scanned, entries[0].id, "accepted")
    assert back.changed == len(entries) and _by_text(scanned)["Bandung"] == {"accepted"}


def test_the_researchers_own_span_is_kept(scanned: Any) -> None:
    entries = [e for e in review_entries(scanned) if e.text == "Budi Santoso"]
    edit_detection(scanned, entries[0].id, kind="PERSON")  # confirmed by hand: "edited"
    done = decide_same_text(scanned, entries[1].id, "rejected")
    assert done.kept == 1 and done.changed == len(entries) - 1
    statuses = {e.id: e.status for e in review_entries(scanned)}
    assert statuses[entries[0].id] == "edited"


def test_bad_arguments_are_one_line_errors(scanned: Any) -> None:
    with pytest.raises(InputError, match="use accepted or rejected"):
        decide_same_text(scanned, "1:1", "pending")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="no scanned source number 99"):
        decide_same_text(scanned, "99:1", "rejected")
