"""An age span with words around its number (edges22 widened AGE spans to their qualifiers and self-corrections):
its surrogate moves each number by the project's offset and keeps the words, never a random age."""

from __future__ import annotations

import pytest

from makna.privacy import KeyMapping
from makna.privacy.ages import shift_each_age


@pytest.mark.parametrize(
    ("original", "language", "expected"),
    [
        ("hampir 40 tahun", "id", "hampir 42 tahun"),
        ("twenty-five, no sorry, twenty-six", "en", "twenty-seven, no sorry, twenty-eight"),
        ("nearly forty, forty-one in May", "en", "nearly forty-two, forty-three in May"),
        ("dua puluh, bulan depan dua puluh satu", "id", "dua puluh dua, bulan depan dua puluh tiga"),
        ("tigo puluah ampek, eh, tigo puluah limo", "id", "tigo puluah anam, eh, tigo puluah tujuah"),
        ("twenty-three last week", "en", "twenty-five last week"),
        ("28 tahun lewat anam bulan", "id", "30 tahun lewat anam bulan"),  # the months stay
        ("34 or so", "en", "36 or so"),
    ],
)
def test_each_number_moves_and_the_words_stay(original: str, language: str, expected: str) -> None:
    mapping = KeyMapping(secret="ab" * 32, date_offset=40, age_offset=2)
    assert mapping.surrogate("AGE", original, language=language) == expected


def test_what_is_no_age_is_left() -> None:
    assert shift_each_age("kepala tiga, mungkin", 2) is None  # a band stays as written
    assert shift_each_age("umur segitu", 2) is None
    assert shift_each_age("hampir 40 hari ini", 2) == "hampir 42 hari ini"  # "hari ini": today
    assert shift_each_age("enam bulan", 2) is None  # months are no age


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        # an age of a hundred or more in words is capped at 90 as one in digits is ("105" -> "90"), never read
        # as several small numbers ("one hundred and five" had become "three hundred and seven")
        ("one hundred and five", "ninety"),
        ("nearly a hundred and two", "nearly ninety"),
        ("hampir seratus lima tahun", "hampir sembilan puluh tahun"),
        ("umur 105 taun", "umur 90 taun"),
        # two digits said one by one are one age ("dua lima": 25), not two ("empat tujuh": 47)
        ("hampir dua lima", "hampir dua tujuh"),
        ("umur dua lima taun", "umur dua tujuh taun"),
        # a fraction's digits are no ages ("2 1/2 years" had become "4 3/4 years")
        ("2 1/2 years", "4 1/2 years"),
    ],
)
def test_a_number_said_in_several_words_moves_as_one(original: str, expected: str) -> None:
    assert shift_each_age(original, 2) == expected
