"""review24 (issue #11): an age standing as its own sentence after a person (``agelists``, since ages24) ends its
sentence; a number that an "and" carries on is no such sentence (``I rang Marisol Okafor. Forty and more calls``).
Fictional cases written for the review, both languages."""

from __future__ import annotations

import pytest

from makna.privacy.agelists import listed_ages
from makna.privacy.types import Detection


def _ages(text: str, name: str) -> list[str]:
    start = text.index(name)
    person = Detection(start, start + len(name), "PERSON", 0.9, "test", name)
    return [d.text for d in listed_ages(text, [person]) if d.type == "AGE"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I rang Marisol Okafor. Forty and more calls that week.", "Marisol Okafor"),
        ("We asked Declan Murphy. Thirty and then some said no.", "Declan Murphy"),
        ("Saya telepon Wulan Sari. Empat puluh dan lebih pesan masuk.", "Wulan Sari"),
        ("Kami tanya Pak Hendra. Dua puluh dan sisanya diam.", "Pak Hendra"),
    ],
)
def test_a_number_an_and_carries_on_is_no_sentence_of_its_own(text: str, name: str) -> None:
    assert _ages(text, name) == []


@pytest.mark.parametrize(
    ("text", "name", "age"),
    [
        (
            "I'm Tamsin Hollis. Thirty-eight going on thirty-nine, and tired.",
            "Tamsin Hollis",
            "Thirty-eight going on thirty-nine",
        ),
        ("This is Kofi Mensah. 42. I drive a taxi.", "Kofi Mensah", "42"),
        ("Nama saya Rembulan Sari. Empat puluh dua. Saya jualan sayur.", "Rembulan Sari", "Empat puluh dua"),
        ("Ini Ketut Sudarma. 51! Masih kuat.", "Ketut Sudarma", "51"),
        ("This is Margaret Doyle. Seventy-nine and still driving.", "Margaret Doyle", "Seventy-nine"),
        ("Ini Ratna Dewi. Enam puluh dan masih jualan.", "Ratna Dewi", "Enam puluh"),
    ],
)
def test_an_age_standing_as_its_own_sentence_is_still_read(text: str, name: str, age: str) -> None:
    assert _ages(text, name) == [age]


@pytest.mark.parametrize(
    ("text", "seed"),
    [("Skor ujian anak saya 92,5, bagus sekali.", "92"), ("The fare went up to 12,5 last year.", "12")],
)
def test_a_comma_between_two_digits_joins_one_number(text: str, seed: str) -> None:
    """A seed AGE (a model may propose one on a score) never makes the digits after a decimal comma an age."""
    start = text.index(seed)
    age = Detection(start, start + len(seed), "AGE", 0.6, "learned", seed)
    assert [d.text for d in listed_ages(text, [age]) if d.detector == "age.listed"] == []
