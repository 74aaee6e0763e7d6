"""Rejecting a text everywhere from a row one had accepted (#11, surr23, trial11 row 4): a new user accepted the
location header's ``Hong Kong`` with the rest at >= 0.5, then chose *Reject everywhere* on that accepted row; the
accepted rows stayed accepted ("1 already decided stay as they are") and the territory the study is about would
have been replaced. From an accepted row, the text's accepted detections are rejected too; from a pending row,
accepted ones still stay (a false positive in one sentence may be a real nickname in another)."""

from __future__ import annotations

from typing import Any

import pytest

import makna
from makna.privacy.project import decide, review_entries
from makna.privacy.project_same import decide_same_text, same_text_plan

ONE = (
    "P: Siapa nama Anda?\nI: Nama saya Budi Santoso, saya tinggal di Bandung.\nP: Sejak kapan?\n"
    "I: Budi Santoso pindah ke Bandung tahun 2010.\n"
)
TWO = "P: Kenal siapa?\nI: Saya kenal Budi Santoso dari pasar di Bandung.\n"


@pytest.fixture
def scanned(project: Any) -> Any:
    makna.import_text(project, "satu", ONE, language="id")
    makna.import_text(project, "dua", TWO, language="id")
    makna.deid_scan(project)
    entries = [e for e in review_entries(project) if e.text == "Bandung"]
    assert len(entries) >= 3, entries
    return project


def test_reject_everywhere_from_an_accepted_row_rejects_the_accepted_ones(scanned: Any) -> None:
    entries = [e for e in review_entries(scanned) if e.text == "Bandung"]
    decide(scanned, [e.id for e in entries[:2]], "accepted")
    plan = same_text_plan(scanned, entries[0].id, "rejected")
    assert {e.status for e in review_entries(scanned) if e.text == "Bandung"} == {"accepted", "pending"}
    done = decide_same_text(scanned, entries[0].id, "rejected")
    assert done == plan and done.accepted == 2 and done.left == 0
    assert set(done.ids) == {e.id for e in entries}
    assert {e.status for e in review_entries(scanned) if e.text == "Bandung"} == {"rejected"}


def test_reject_everywhere_from_a_pending_row_keeps_the_accepted_ones(scanned: Any) -> None:
    entries = [e for e in review_entries(scanned) if e.text == "Bandung"]
    decide(scanned, [entries[0].id], "accepted")
    done = decide_same_text(scanned, entries[-1].id, "rejected")
    assert done.accepted == 0 and done.left == 1
    assert {e.id: e.status for e in review_entries(scanned)}[entries[0].id] == "accepted"


def test_the_confirmation_says_so_in_both_languages() -> None:
    from pathlib import Path

    root = Path(makna.__file__).parent / "web"
    assert "confirmRetract" in (root / "static" / "deid-same.js").read_text(encoding="utf-8")
    assert "data-confirm-retract" in (root / "templates" / "deid.html").read_text(encoding="utf-8")
    for lang, word in (("en", "accepted ones among them too"), ("id", "yang sudah diterima")):
        po = (root / "locale" / lang / "LC_MESSAGES" / "makna_web.po").read_text(encoding="utf-8")
        assert word in po, lang
