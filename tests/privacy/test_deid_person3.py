"""PERSON by context (branch deidperson3, #11): names with no honorific, names that are words, chat names,
initials, nicknames, names after verbs of contact, and the words next to them that stay unnamed.

Each case is a general shape written for these tests, not a string of any corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from makna.privacy.detect import detect
from makna.privacy.evaluate import evaluate, load_gold
from makna.privacy.name_shapes import detect_name_shapes
from makna.privacy.neighbours import nicknames, role_persons
from makna.privacy.persons import repeat_names
from makna.privacy.speakers import find_labels, label_persons
from makna.privacy.types import Detection
from makna.privacy.wordnames import word_names

CASES = Path(__file__).resolve().parent / "deidperson3cases"


def _persons(text: str, language: str) -> set[str]:
    return {d.text for d in detect(text, language=language) if d.type == "PERSON"}


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("I: Aku titip uang ke Intan, dia yang bayar.", "id", "Intan"),
        ("I: Kemarin Embun datang ke kos, bawa nasi.", "id", "Embun"),
        ("I: I gave the bag to Hope and left.", "en", "Hope"),
        ("I: Every Friday Grace brings us tea.", "en", "Grace"),
        ("I: We went to Rose's flat after.", "en", "Rose"),
        ("I: Kemarin aku diblokir sama Sunny, padahal baik.", "id", "Sunny"),
        ("I: Sebut saja Kenari, dia dari Solok.", "id", "Kenari"),
        ("I: I got ghosted by Faith after that.", "en", "Faith"),
        ("I: Then Holly from the kitchen rang to say it was wrong.", "en", "Holly"),
        ("I: Wulan, anak awak, kini kelas duo.", "id", "Wulan"),
        ("I: I left it with the concierge, Oswin, and went down.", "en", "Oswin"),
        ('I: Like "lol marcus is late again", every night.', "en", "marcus"),
        ("I: And tunde2k posts memes all night.", "en", "tunde2k"),
        ('I: Ada yang nulis "kofiii sayang bsk ketemu ya" terus.', "id", "kofiii"),
        ("I: ok nnti aku bilang sama yosefina", "id", "yosefina"),
        ("I: Di kontak cuma aku tulis M.T. aja.", "id", "M.T."),
        ("I: Kalau tamu lain, Pak R. yang dari Solok itu baik.", "id", "R."),
        ("I: Here people call me JP.", "en", "JP"),
        ("I: He's a retired teacher, Abdi we call him.", "en", "Abdi"),
        ("I: I'm Angelica, Gelay for short, or Gel.", "en", "Gel"),
        ("I: Joy karo Rosalinda wis mulih.", "id", "Joy"),
    ],
)
def test_a_name_found_by_its_context(text: str, language: str, name: str) -> None:
    assert name in _persons(text, language)


@pytest.mark.parametrize(
    ("text", "language", "word"),
    [
        ("I: Kami tinggal di belakang Hotel Bunga, dekat pasar.", "id", "Bunga"),
        ("I: We moved to the U.S. in May.", "en", "U.S."),
        ("I: Here people call me JP.", "en", "Here"),
        ("I: Pagi-pagi masih ada embun di kaca.", "id", "embun"),
        ("I: td aku chat sama tmn, trs ke rmh", "id", "tmn"),
        ("I: Iye, istriku Sitti jual ikan kering.", "id", "Iye"),
        ("Informan: (suami) Harapan kami tanah itu tetap atas nama keluarga.", "id", "Harapan"),
        ("I: MiChat itu HP-nya Yosina, bukan punya aku.", "id", "HP-nya Yosina"),
    ],
)
def test_a_word_that_names_no_one(text: str, language: str, word: str) -> None:
    assert word not in _persons(text, language)
    assert all(d.text != word for d in detect(text, language=language) if d.type == "HANDLE")


def test_word_names_need_the_middle_of_a_sentence_and_no_name_around() -> None:
    assert [d.text for d in word_names("kasih ke Intan dulu")] == ["Intan"]
    assert list(word_names("Intan dulu")) == []  # a sentence's first word: ordinary as often
    assert list(word_names("kerja di Toko Intan")) == []  # part of a longer name
    assert list(word_names("the Star said")) == []  # after an article


def test_context_finds_are_repeated_at_their_own_confidence() -> None:
    text = "Tari, kawan SMA. Tari duluan. Sekarang Tari di mana?"
    found = [d for d in role_persons(text)]
    assert [(d.text, d.confidence) for d in found] == [("Tari", 0.7)]
    again = list(repeat_names(text, found))
    assert len(again) == 3 and all(d.confidence == 0.7 for d in again)


def test_a_context_find_written_in_lower_case_elsewhere_is_not_repeated() -> None:
    text = "Kamek simpan foto. Umur kamek tige puloh. Kamek jualan kue."
    found = [Detection(0, 5, "PERSON", 0.65, "person.did", "Kamek")]
    assert list(repeat_names(text, found)) == []


def test_chat_names_in_lower_case() -> None:
    shapes = [d.text for d in detect_name_shapes('Like "lol marcus is late" and dedi88 too. Marcus went.')]
    assert "marcus" in shapes and "dedi88" in shapes
    assert [d.text for d in detect_name_shapes("see dedi88@example.com")] == []


def test_a_lower_case_sender_of_a_chat_export() -> None:
    text = "12/03/2024, 10:15 - yosefina: kak udah sampe\n12/03/2024, 10:16 - aku: blm"
    assert [d.text for d in label_persons(text, find_labels(text))] == ["yosefina"]


def test_initials_as_a_nickname_and_a_second_nickname() -> None:
    assert [d.text for d in nicknames("they call me JP now")] == ["JP"]
    assert [d.text for d in nicknames("everyone says Tess, or at home Ning.")] == ["Tess", "Ning"]


def test_tune_cases_floor() -> None:
    """The open part of this branch's cases (the sealed part is scored by the benchmark, figures only)."""
    report = evaluate(CASES / "tune")
    assert len(load_gold(CASES / "tune")) == 15
    assert report.per_type["PERSON"].recall >= 0.95
    assert report.overall.precision >= 0.9
