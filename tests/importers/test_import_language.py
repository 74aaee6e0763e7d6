"""Language guess from stop words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from makna.importers.language import ENGLISH, INDONESIAN, detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Aku nggak tau sih, udah lama gak ketemu dia di kampus itu.", "id"),
        ("Saya bekerja di pabrik dan tidak punya waktu untuk keluarga.", "id"),
        ("Ya gitu deh, emang susah kalo udah kena tipu.", "id"),
        ("I think that the people in this village were really kind to us.", "en"),
        ("We didn't know what it was, but they said it's fine.", "en"),
        ("", "und"),
        ("12345 67890 !!!", "und"),
        ("Jakarta Bandung Surabaya", "und"),
        ("the yang and dan of di", "und"),
    ],
)
def test_examples(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_word_lists_are_disjoint() -> None:
    assert not INDONESIAN & ENGLISH


def test_case_and_apostrophes() -> None:
    assert detect_language("I’M SURE THAT IT’S THE ONE") == "en"


@given(st.text(max_size=300))
def test_total_and_deterministic(text: str) -> None:
    result = detect_language(text)
    assert result in ("id", "en", "und")
    assert detect_language(text) == result
