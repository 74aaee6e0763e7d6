"""PERSON recall on unseen writers (branch persons29, #11): a nickname a naming cue gives right after a person's
name, whatever word it is, and a name a cue gives that a district list also holds.

Every name here is invented for these tests; none is a string of any corpus.
"""

from __future__ import annotations

import pytest

from makna.privacy._text import SpanIndex
from makna.privacy.detect import detect
from makna.privacy.given_names import nicknames_after_names
from makna.privacy.name_mentions import persons_over_listed_places, persons_shown_as_handles
from makna.privacy.persons import titled_names_first
from makna.privacy.types import Detection


def _typed(text: str, word: str, language: str) -> str | None:
    start = text.rindex(word)
    hits = [d for d in detect(text, language=language) if d.start < start + len(word) and start < d.end]
    return hits[0].type if hits else None


@pytest.mark.parametrize(
    ("text", "word", "language"),
    [
        ("Nama asli ambo Sekar Wulan Pratiwi, di rumah dipanggia Ayuk. Baa kaba?", "Ayuk", "id"),
        ("Saya Jumadil Akbar, orang sini panggil Babe. Dulu narik ojek.", "Babe", "id"),
        ("My name is Rosalind Quayle, but nobody calls me that, it's Kestrel.", "Kestrel", "en"),
        ("I'm Milena Dragova, everybody at work says Didi. I started in 2019.", "Didi", "en"),
    ],
)
def test_a_nickname_given_after_a_name_is_a_person(text: str, word: str, language: str) -> None:
    assert _typed(text, word, language) == "PERSON"


@pytest.mark.parametrize(
    ("text", "word", "language"),
    [
        ("Nama saya Ratna Kemala, anak-anak di sekolah panggil saya Ibu.", "Ibu", "id"),
        ("My name is Dorran Pike, the kids on the street call me Uncle.", "Uncle", "en"),
        ("The driver, Baba Tunde... his name is Tunde, we call him Baba.", "Baba", "en"),
    ],
)
def test_a_word_said_to_anyone_of_a_kind_is_no_nickname(text: str, word: str, language: str) -> None:
    assert _typed(text, word, language) != "PERSON"


def test_a_nickname_needs_a_person_named_just_before_on_its_line() -> None:
    text = "Pewawancara: Boleh saya tanya?\nPeserta: Panggil aja Kestrel. Aku dari Padang."
    found = [Detection(0, 11, "PERSON", 0.9, "person.intro", text[0:11])]  # not on the cue's line
    assert list(nicknames_after_names(text, found, SpanIndex(found))) == []
    text = "I'm Rosalind Quayle, but nobody calls me that, it's Kestrel. Kestrel is fine."
    person = Detection(4, 19, "PERSON", 0.99, "person.intro", "Rosalind Quayle")
    got = [d.text for d in nicknames_after_names(text, [person], SpanIndex([person]))]
    assert got == ["Kestrel", "Kestrel"]
    guess = Detection(4, 19, "PERSON", 0.99, "unknown.capitalised", "Rosalind Quayle")
    assert list(nicknames_after_names(text, [guess], SpanIndex([guess]))) == []


def test_a_cued_person_outranks_a_one_word_list_place_of_the_same_span() -> None:
    person = Detection(12, 16, "PERSON", 0.85, "person.intro", "Kodi")
    place = Detection(12, 16, "LOCATION", 0.85, "location.gazetteer", "Kodi")
    assert titled_names_first([place, person]) == [person]
    surer = Detection(12, 16, "LOCATION", 0.9, "location.gazetteer", "Kodi")
    assert titled_names_first([surer, person]) == [surer, person]


@pytest.mark.parametrize(
    ("text", "word", "language", "kind"),
    [
        ("Selamat malam Mama Koba, apa kabar?", "Koba", "id", "PERSON"),
        ("Saya pindah ke Koba tahun lalu, ikut suami.", "Koba", "id", "LOCATION"),
        ("Who else lives with you?\nMy partner Kodi and our two kids.", "Kodi", "en", "PERSON"),
        ("We moved to Kodi last year, my partner and I.", "Kodi", "en", "LOCATION"),
    ],
)
def test_a_district_name_is_a_person_after_a_person_cue_and_a_place_after_a_place_cue(
    text: str, word: str, language: str, kind: str
) -> None:
    assert _typed(text, word, language) == kind


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Pewawancara: Boleh kenalan dulu?\nPeserta 1: Aku Juli. Umur 24.", "Juli"),
        ("Halo, Kak Sinar. Ini Semi. Aku jawab satu-satu, ya.", "Semi"),
        ("Narasumber: Oke ya, aku Cece. Makasih udah nunggu.\nPewawancara: Makasih, Kak Cece.", "Cece"),
    ],
)
def test_a_speaker_naming_themself_at_a_clause_start_and_end_is_a_person(text: str, word: str) -> None:
    assert _typed(text, word, "id") == "PERSON"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Narasumber: Saya Batak. Dari Tarutung.", "Batak"),
        ("Narasumber: Iya, saya Ibu. Ini Mei, bulan depan.", "Mei"),
        ("Narasumber: Ini Facebook saya, dulu.", "Facebook"),
    ],
)
def test_a_people_a_month_shown_or_an_app_after_a_pronoun_is_no_name(text: str, word: str) -> None:
    assert _typed(text, word, "id") != "PERSON"


def test_a_display_name_that_is_a_person_found_elsewhere_is_that_person() -> None:
    text = "Messenger conversation with Ligaya Tumandao\n[10/02/2024, 19:02] Ligaya Tumandao: Hi po, good evening."
    start = text.index("Ligaya Tumandao")
    hits = [d for d in detect(text, language="en") if d.start < start + 15 and start < d.end]
    assert [d.type for d in hits] == ["PERSON"]


def test_a_display_name_no_sure_person_shares_stays_a_handle() -> None:
    shown = Detection(0, 12, "HANDLE", 0.8, "handle.display", "Kopi Senja 2")
    guess = Detection(20, 32, "PERSON", 0.95, "unknown.capitalised", "Kopi Senja 2")
    other = Detection(40, 50, "PERSON", 0.99, "person.speaker", "Ligaya Tum")
    assert persons_shown_as_handles([shown, guess, other])[0] is shown
    sure = Detection(20, 32, "PERSON", 0.95, "person.speaker", "Kopi Senja 2")
    assert persons_shown_as_handles([shown, sure])[0].type == "PERSON"


def test_a_listed_place_that_is_a_person_found_elsewhere_is_that_person_unless_a_preposition_says_place() -> None:
    text = "Kak Lara datang. Lara bilang mau pindah. Saya tinggal di Lara juga."
    sure = Detection(4, 8, "PERSON", 0.99, "person.honorific", "Lara")
    said = Detection(17, 21, "LOCATION", 0.8, "location.gazetteer", "Lara")
    where = Detection(57, 61, "LOCATION", 0.8, "location.gazetteer", "Lara")
    assert [d.type for d in persons_over_listed_places(text, [sure, said, where])] == ["PERSON", "PERSON", "LOCATION"]
    guess = Detection(4, 8, "PERSON", 0.99, "unknown.capitalised", "Lara")
    assert [d.type for d in persons_over_listed_places(text, [guess, said])] == ["PERSON", "LOCATION"]
