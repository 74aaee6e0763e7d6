"""The apply says so when a source's name still holds an identifier it replaced, also where the file name joins
the words with hyphens or underscores (trial16, issue #11): 'wawancara-Rahmi-Yulianti.docx' kept the informant's
full name after the apply, without a word, while 'transkrip Yessi Marlina.txt' was named."""

from __future__ import annotations

import pytest

import makna
from makna.privacy.project import decide, review_entries

TEXT = "P: Siapa namo Uni?\nI: Namo ambo Siti Rahmawati, ambo jua kerudung di pasa.\n"


@pytest.mark.parametrize(
    "name", ["wawancara-Siti-Rahmawati.txt", "wawancara_Siti_Rahmawati.txt", "wawancara Siti Rahmawati.txt"]
)
def test_a_name_joined_by_hyphens_is_named(
    project: makna.Project, tmp_path_factory: pytest.TempPathFactory, name: str
) -> None:
    makna.import_text(project, name, TEXT, language="id")
    makna.deid_scan(project)
    entries = review_entries(project)
    assert {e.text for e in entries if e.field == "sources.text"} >= {"Siti Rahmawati"}
    decide(project, [e.id for e in entries if e.field == "sources.text"], "accepted")
    decide(project, [e.id for e in entries if e.field != "sources.text"], "rejected")  # the name left as it is
    report = makna.deid_apply(project, tmp_path_factory.mktemp("keys") / "k.key", "kabut ngarai sawah rangkiang")
    named = [w for w in report.warnings if name in w and "replaced identifier" in w]
    assert named, report.warnings
