"""trial18 left untested: a participant's case deleted first (``cases delete``), then ``sources withdraw`` with the
key. The case's description had been de-identified as a field, so the key's field record of it held her name and a
phone number that no transcript holds; with the case gone, that record is stale and the withdrawal must forget what
only it held, as a purge does (#11). Fictional."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import makna
from makna.privacy.project import add_detection, decide_all, review_entries, scan
from makna.privacy.project_apply import apply
from makna.withdraw import withdraw_participant
from withdraw_helpers import HERS, NAMED, PASS, SHARED, TEXT
from withdraw_helpers import key_text as _key_text

PHONE = "0812-3456-7890"


def test_her_deleted_cases_field_records_leave_the_key_with_her_turns(project: Any, tmp_path: Path) -> None:
    makna.import_text(project, "fg2.txt", TEXT, language="en")
    makna.add_case(project, "R2", f"Bu Wulandari Sasmito sells cakes; her phone {PHONE}")
    for _ in range(2):
        scan(project)
        decide_all(project, "accepted")
    for name in NAMED:
        at = TEXT.index(name)
        if not any(e.start <= at < e.end and e.field == "sources.text" for e in review_entries(project)):
            add_detection(project, "fg2.txt", at, at + len(name), "ADDRESS" if "Gang" in name else "PERSON")
    scan(project)
    decide_all(project, "accepted")
    key = tmp_path / "k.key"
    apply(project, key, PASS)
    assert PHONE in _key_text(key) and "Wulandari" in _key_text(key)
    makna.delete_case(project, "R2")  # her case first, as trial18's lecturer did
    report = withdraw_participant(project, "R2", key_path=key, passphrase=PASS)
    assert report.turns == 2
    stored = _key_text(key)
    assert PHONE not in stored
    assert not any(w in stored for w in HERS), [w for w in HERS if w in stored]
    assert all(w in stored for w in SHARED)
