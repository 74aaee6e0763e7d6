"""A surrogate typed in a memo after the apply is the name the de-identified texts use, not an identifier (trial19,
issue #11): a researcher writes "Bu Ngatini ..." as she reads her in the transcript, and the scan proposed
"Ngatini" as a PERSON at 0.99, so README's recipe (accept --all --min-confidence 0.5) replaced a surrogate with a
second one and the memo no longer named anyone the transcripts name. A coder's push already lets these through
(makna.sync.push_scan); the field scan now keeps them below 0.5, for the review to read, like other guesses."""

from __future__ import annotations

import re

import pytest

import makna
from makna.privacy.project import decide, decide_all, review_entries

TEXT = (
    "P: Sudah lama jualan di sini, Bu?\n"
    "I: Sudah sepuluh tahun. Saya Sumiyati, jualan wedang ronde di Pasar Gede.\n"
    "P: Siapa yang daftarkan QRIS?\n"
    "I: Anak saya, Dimas Prasetyo. Nomor saya 0813-2255-7781.\n"
)
PASS = "kabut ngarai sawah rangkiang"


def _apply(project: makna.Project, key: object) -> None:
    makna.deid_scan(project)
    entries = review_entries(project)
    decide(project, [e.id for e in entries if e.confidence >= 0.5], "accepted")
    decide_all(project, "rejected")
    makna.deid_apply(project, key, PASS)  # type: ignore[arg-type]


def test_a_surrogate_typed_in_a_memo_is_no_identifier_above_the_threshold(
    project: makna.Project, tmp_path_factory: pytest.TempPathFactory
) -> None:
    makna.import_text(project, "pedagang-01.txt", TEXT, language="id")
    _apply(project, tmp_path_factory.mktemp("keys") / "k.key")
    text = makna.get_source(project, "pedagang-01.txt").text
    informant = re.search(r"Saya (.+?), jualan", text)
    son = re.search(r"Anak saya, (.+?)\. Nomor saya (\S+)\.", text)
    assert informant and son and "Sumiyati" not in text
    surrogate, son_surrogate, phone = informant.group(1), son.group(1), son.group(2)
    newcomer = "Yusnidar Chaniago"
    assert newcomer not in text
    makna.add_memo(project, "project", None,
                   f"Bu {surrogate} paling lancar; anaknya {son_surrogate} ({phone}). Tetangganya Bu {newcomer}.")
    makna.deid_scan(project)
    found = {e.text: e for e in review_entries(project, status={"pending"}) if e.field == "memos.text"}
    # the surrogates the texts use: kept for the review to read, but below the 0.5 of README's recipe
    for name in (surrogate, son_surrogate, phone):
        if name in found:
            assert found[name].confidence < 0.5, (found[name].detector, found[name])
            assert found[name].detector.endswith("+surrogate")
    # a name no text holds is still proposed as an identifier
    assert any(newcomer in t or t in newcomer for t, e in found.items() if e.confidence >= 0.5), found
