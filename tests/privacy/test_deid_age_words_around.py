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
