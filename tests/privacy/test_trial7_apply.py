"""A second click on "De-identify" once everything is de-identified (a seventh trial, #11): it answered
"De-identified: 0 replacements" and wrote three events; an applied field value's review counted as work."""

from __future__ import annotations

from pathlib import Path

import pytest

import makna
from makna.errors import PrivacyError
from makna.privacy.project import decide, decide_all, review_entries, scan
from makna.privacy.project_apply import apply

PASS = "perahu pagi ikan cakalang likupang"


def test_a_second_apply_with_nothing_left_says_so_and_writes_nothing(project: makna.Project, tmp_path: Path) -> None:
    key = tmp_path / "keys" / "studi.key"
    makna.import_text(
        project,
        "nelayan-markus.txt",
        "P: Siapa nama Bapak?\nI: Nama saya Markus Lengkong, dari Likupang.\n",
        language="id",
    )
    makna.add_memo(project, "project", None, "Catatan lapangan dari Pariaman.")
    scan(project)
    decide_all(project, "accepted")
    in_memo = [e.id for e in review_entries(project) if e.field == "memos.text"]
    assert in_memo  # a field whose every detection is rejected: never applied, its review stays
    decide(project, in_memo, "rejected")
    apply(project, key, PASS, mode="tag")
    assert "markus" not in makna.list_sources(project)[0].name.lower()  # the file name (a field) was applied
    before = [e.id for e in makna.events(project, limit=50)]
    with pytest.raises(PrivacyError, match="nothing to de-identify: every source is de-identified"):
        apply(project, key, PASS, mode="tag")
    assert [e.id for e in makna.events(project, limit=50)] == before
