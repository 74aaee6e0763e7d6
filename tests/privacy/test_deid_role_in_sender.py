"""A role word written into a chat sender's name is not a name of its own (trial10).

A researcher's WhatsApp name "Fitri Peneliti" (name + role) is one PERSON span. Its words were then made sure
and searched for across the project, so a second scan proposed "Peneliti" as a PERSON at 0.99 on every
``Peneliti:`` speaker label of another transcript: an "accept all" after that scan replaced the interviewer's
label in every turn. Generic speaker labels are never detected (issue #11 section 1): the words of a name that
are such labels are not propagated."""

from __future__ import annotations

import pytest

import makna
from makna.privacy.labels import name_words
from makna.privacy.project import decide_all, review_entries, scan

CHAT = (
    "12/03/24 09.15 - Fitri Peneliti: Assalamualaikum Kak, ini Fitri dari kampus.\n"
    "12/03/24 09.17 - Kak Rosnah: Waalaikumsalam, iya Dek.\n"
    "12/03/24 09.18 - Fitri Peneliti: Boleh kita wawancara hari Sabtu?\n"
)
INTERVIEW = (
    "Peneliti: Sudah berapa lama Ibu berjualan ikan?\n"
    "Informan: Sudah lama, sejak anak pertama lahir.\n"
    "Peneliti: Apa yang paling berat?\n"
    "Informan: Utang ke toke, itu yang paling berat.\n"
)


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("Fitri Peneliti", ["Fitri"]),
        ("Rahmat Interviewer", ["Rahmat"]),
        ("Moderator Anna Kowalski", ["Anna", "Kowalski"]),
        ("Abena Owusu-Mensah", ["Abena", "Owusu", "Mensah"]),
        ("Tim Hartono", ["Tim", "Hartono"]),  # review21: a role word that is also a first name stays a name's word
        ("Tanya Pratiwi", ["Tanya", "Pratiwi"]),
    ],
)
def test_a_role_word_is_no_word_of_a_name(name: str, words: list[str]) -> None:
    assert name_words(name) == words


def test_a_second_scan_proposes_no_speaker_label(project: makna.Project) -> None:
    makna.import_text(project, "chat.txt", CHAT, language="id")
    makna.import_text(project, "wawancara.txt", INTERVIEW, language="id")
    scan(project)
    decide_all(project, "accepted")
    scan(project)
    entries = review_entries(project)
    assert any(e.text == "Fitri Peneliti" and e.status == "accepted" for e in entries)  # the name was accepted
    assert not [e for e in entries if e.text.strip().lower() in {"peneliti", "informan"}]


def test_a_first_name_that_is_also_a_label_word_is_still_found_in_labels() -> None:
    from makna.privacy.labels import find_in_labels

    found = find_in_labels(
        {"a": "Tim", "b": "Peneliti"}, {"Tim Hartono": ("PERSON", 0.99), "Fitri Peneliti": ("PERSON", 0.99)}
    )
    assert [d.text for d in found.get("a", [])] == ["Tim"]
    assert "b" not in found
