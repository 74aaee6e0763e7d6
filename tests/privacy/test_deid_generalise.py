"""The kinds of misses issue 11 lists (its own invented examples), and the precision guards around them."""

from __future__ import annotations

import pytest

from makna.privacy import detect
from makna.privacy.patterns import verhoeff_valid


def found(text: str, language: str = "id") -> list[tuple[str, str]]:
    return [(d.text, d.type) for d in detect(text, language=language)]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Then I went out to Brookvale for the weekend.", "en", ("Brookvale", "LOCATION")),
        ("Ada tamu dari Bali, baik orangnya.", "id", ("Bali", "LOCATION")),
        ("These days I ride for Zipcart most evenings.", "en", ("Zipcart", "ORG")),
        ("I was laid off from Bayline Haulage last spring.", "en", ("Bayline Haulage", "ORG")),
        ("He runs Karim & Sons Tiles now.", "en", ("Karim & Sons Tiles", "ORG")),
        ("Honestly everyone calls me Bill, always have.", "en", ("Bill", "PERSON")),
        ("It says Daniel Smith on my licence though.", "en", ("Daniel Smith", "PERSON")),
        ("Nama di KTP Rosmaida Siregar, Kak.", "id", ("Rosmaida Siregar", "PERSON")),
        ("Iya, lengkapnya Siregar, Kak.", "id", ("Siregar", "PERSON")),
        ("P: Namanya siapa, Dek?\nI: Intan aja, Kak.", "id", ("Intan", "PERSON")),
        ("The car was KJA-345-AB, a grey one.", "en", ("KJA-345-AB", "PLATE")),
        ("His plate was JFK-4821 I think.", "en", ("JFK-4821", "PLATE")),
        ("Platnya B 1234 CV, warna hitam.", "id", ("B 1234 CV", "PLATE")),
        ("My scooter is KA 08 EM 4471, old one.", "en", ("KA 08 EM 4471", "PLATE")),
        ("IG saya rinaaa_23 ya Kak.", "id", ("rinaaa_23", "HANDLE")),
        ("IG-nya, bunga.pdg22 kalau mau lihat.", "id", ("bunga.pdg22", "HANDLE")),
        ("Umur alah 41 tahun, Kak.", "id", ("41 tahun", "AGE")),
        ("Umur saya waktu itu 32 tahun.", "id", ("32 tahun", "AGE")),
        ("We met at Jackson Square on the Friday.", "en", ("Jackson Square", "LOCATION")),
        ("They asked my Aadhaar, 2341 2341 2346, again.", "en", ("2341 2341 2346", "NATIONAL_ID")),
        ("Our admin Kavitha ma'am says wait.", "en", ("Kavitha", "PERSON")),
        ("Lim Siu Fung. Saya Tjhin Mei Ling, umur 46 tahun.", "id", ("Tjhin Mei Ling", "PERSON")),
    ],
)
def test_issue_examples_are_found(text: str, language: str, expected: tuple[str, str]) -> None:
    assert expected in found(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Intan itu batu mulia, Kak, mahal harganya.", "id"),  # not an answer to a name question
        ("Sundays and Mondays are quiet, National Insurance comes out monthly.", "en"),
        ("Iya, Vario hitam, sudah lama.", "id"),
        ("Kalau sepi aku di kamar aja, main HP.", "id"),
        ("We were Nigerian students, Muslim and Christian, in one hostel.", "en"),
        ("He paid with cash. Later he said sorry.", "en"),
    ],
)
def test_ordinary_capitals_are_not_identifiers(text: str, language: str) -> None:
    assert found(text, language) == []


def test_unknown_capitalised_word_goes_to_review() -> None:
    dets = [d for d in detect("Terus aku cerita sama Zorblat, kawan lama.") if d.text == "Zorblat"]
    assert len(dets) == 1 and dets[0].type == "PERSON" and dets[0].confidence < 0.8
    assert dets[0].detector == "unknown.capitalised"
    # written in lower case elsewhere in the text: an ordinary word, not a name
    assert not [
        d for d in detect("Aku cerita sama Zorblat. Zorblat itu zorblat biasa.") if d.detector == "unknown.capitalised"
    ]


def test_person_name_does_not_swallow_a_place_suffix() -> None:
    assert ("Jackson", "PERSON") not in found("Dinner at Jackson Square, then home.", "en")


def test_verhoeff() -> None:
    assert verhoeff_valid("234123412346") and not verhoeff_valid("234123412347")


@pytest.mark.parametrize(
    ("text", "name", "verb"),
    [
        ("P: Siapa namanya?\nI: Panggil saja Kumis. Teman saya juga panggil Kumis.\n", "Kumis", "Panggil"),
        ("P: Nama Adek siapa?\nI: Sebut saja Melati, Kak.\n", "Melati", "Sebut"),
    ],
)
def test_a_verb_of_naming_before_saja_is_not_the_answer(text: str, name: str, verb: str) -> None:
    """newuser15: "Panggil saja Kumis" after a name question made "Panggil" a PERSON at 0.59 (person.answer), and
    the README's accept --all --min-confidence 0.5 then replaced the verb with a surrogate name."""
    found = {(d.text, d.type) for d in detect(text, language="id")}
    assert (name, "PERSON") in found
    assert not any(d.text == verb for d in detect(text, language="id"))
