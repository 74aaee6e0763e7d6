"""A participant who withdraws from a de-identified focus group: her originals leave the key file, what other
turns still hold stays, and the key still restores the text that is left (#11, trial14 problem 2). Fictional."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import makna
from makna.errors import PrivacyError
from makna.privacy.project import add_detection, decide_all, review_entries, scan
from makna.privacy.project_apply import apply, reveal
from makna.withdraw import withdraw_participant
from withdraw_helpers import HERS, NAMED, PASS, SHARED, TEXT
from withdraw_helpers import key_text as _key_text


def _deidentified(project: Any, tmp_path: Path) -> Path:
    makna.import_text(project, "fg2.txt", TEXT, language="en")
    makna.add_code(project, "help")
    makna.code_span(project, "fg2.txt", TEXT.index("R1:"), TEXT.index("R3:"), "help")
    for _ in range(2):
        scan(project)
        decide_all(project, "accepted")
    for name in NAMED:
        at = TEXT.index(name)
        if not any(e.start <= at < e.end for e in review_entries(project)):
            add_detection(project, "fg2.txt", at, at + len(name), "ADDRESS" if "Gang" in name else "PERSON")
    scan(project)
    decide_all(project, "accepted")
    apply(project, tmp_path / "k.key", PASS)
    return tmp_path / "k.key"


def test_her_originals_leave_the_key_and_the_others_stay(project: Any, tmp_path: Path) -> None:
    key = _deidentified(project, tmp_path)
    assert all(w in _key_text(key) for w in HERS + SHARED)
    with pytest.raises(PrivacyError, match="key file"):
        withdraw_participant(project, "R2")
    report = withdraw_participant(project, "R2", key_path=key, passphrase=PASS)
    assert report.turns == 2 and report.key_originals >= 3
    stored = _key_text(key)
    assert not any(w in stored for w in HERS), [w for w in HERS if w in stored]
    assert all(w in stored for w in SHARED)
    restored = reveal(project, "fg2.txt", key, PASS)  # the key still fits the text that is left
    assert "Pak Harjono carries the trays" in restored and not any(w in restored for w in HERS)
    assert "R3: I sell alone." in makna.get_source(project, "fg2.txt").text


def test_a_scanned_review_and_memos_on_codings_follow_the_text(project: Any) -> None:
    makna.import_text(project, "fg2.txt", TEXT, language="en")
    makna.add_code(project, "help")
    r1 = makna.code_span(project, "fg2.txt", TEXT.index("R1:"), TEXT.index("R2:"), "help")
    r2 = makna.code_span(project, "fg2.txt", TEXT.index("R2:"), TEXT.index("R3:"), "help")
    kept = makna.add_memo(project, "segment", r1.id, "a neighbour helps")
    makna.add_memo(project, "segment", r2.id, "a buyer every Friday")
    scan(project)
    before = {(e.text, e.type) for e in review_entries(project) if e.field == "sources.text"}
    withdraw_participant(project, "R2")
    text = makna.get_source(project, "fg2.txt").text
    entries = [e for e in review_entries(project) if e.field == "sources.text"]
    assert entries and all(text[e.start : e.end] == e.text for e in entries)
    assert {(e.text, e.type) for e in entries} < before and not any(w in e.text for e in entries for w in HERS)
    assert [m.id for m in makna.list_memos(project, "segment")] == [kept.id]


def test_an_unverified_claims_surrogate_spans_follow_the_text(project: Any) -> None:
    import datetime as dt

    from makna.privacy.claims import claimed_spans, keep_claim

    makna.import_text(project, "fg2.txt", TEXT, language="en")
    spans = [(TEXT.index(w), TEXT.index(w) + len(w)) for w in ("Harjono", "Wulandari Sasmito", "Thank")]
    reps = [{"start": a, "end": b, "new_start": a, "new_end": b, "type": "PERSON"} for a, b in spans]
    with project.store.write(project.actor, "deid.trust", {}) as conn:
        sid = str(project.source_row(conn, "fg2.txt").id)
        state = {"applied_at": dt.datetime.now(dt.UTC), "mode": "surrogate", "key_id": "k", "replacements": reps}
        keep_claim(conn, sid, state)
    withdraw_participant(project, "R2")
    text = makna.get_source(project, "fg2.txt").text
    with project.store.read() as conn:
        moved = sorted(claimed_spans(conn)[sid])
    assert [text[a:b] for a, b in moved] == ["Harjono", "Thank"]


def test_she_is_withdrawn_by_her_own_label_after_the_apply(project: Any, tmp_path: Path) -> None:
    text = (
        "Focus group three\n"
        "Moderator: Who buys from you?\n"
        "Wulandari: Mostly the teachers of Gang Kenari Tujuh.\n"
        "Harjono: Drivers at the terminal.\n"
        "Wulandari: And my cousins.\n"
    )
    makna.import_text(project, "fg3.txt", text, language="en")
    scan(project)
    decide_all(project, "accepted")
    for name in ("Wulandari", "Gang Kenari Tujuh"):
        at = -1
        while (at := text.find(name, at + 1)) >= 0:
            if not any(e.start <= at < e.end for e in review_entries(project)):
                add_detection(project, "fg3.txt", at, at + len(name), "ADDRESS" if "Gang" in name else "PERSON")
    scan(project)
    decide_all(project, "accepted")
    apply(project, tmp_path / "k.key", PASS)
    turns = makna.get_turns(project, "fg3.txt")
    labels = {t.speaker for t in turns}
    assert "Wulandari" not in labels  # her label is her surrogate's now
    with pytest.raises(makna.errors.InputError, match="no turn of speaker"):
        withdraw_participant(project, "Wulandari")
    report = withdraw_participant(project, "Wulandari", key_path=tmp_path / "k.key", passphrase=PASS)
    assert report.turns == 2
    left = makna.get_source(project, "fg3.txt").text
    assert len(makna.get_turns(project, "fg3.txt")) == len(turns) - 2 and "Drivers at the terminal." in left
    assert "cousins" not in left


def test_a_withdrawal_the_project_refuses_leaves_the_key_as_it_was(
    project: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The key changes only once the project has: a withdrawal whose transaction fails (the file locked by
    another program) leaves the key file byte for byte, so that trying again neither moves its records twice nor
    leaves a key that no longer fits the text (review25)."""
    import makna.withdraw as withdraw

    key = _deidentified(project, tmp_path)
    before = key.read_bytes()

    def locked(*_args: Any, **_kw: Any) -> list[str]:
        raise makna.errors.InputError("database is locked")

    with monkeypatch.context() as m:
        m.setattr(withdraw, "_cut_source", locked)
        with pytest.raises(makna.errors.InputError, match="locked"):
            withdraw_participant(project, "R2", key_path=key, passphrase=PASS)
    assert key.read_bytes() == before
    assert "Ratih" in reveal(project, "fg2.txt", key, PASS)
    report = withdraw_participant(project, "R2", key_path=key, passphrase=PASS)  # tried again: as the first time
    assert report.turns == 2 and report.key_originals >= 3
    restored = reveal(project, "fg2.txt", key, PASS)
    assert "Pak Harjono carries the trays" in restored and not any(w in restored for w in HERS)
