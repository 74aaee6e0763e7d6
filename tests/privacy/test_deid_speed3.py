"""The speed rewrites of issue 11's seventh round give exactly what the plain code they replace gives.

The weekday gate of dates found through the shared word-start pass (:class:`makna.privacy._fastrx.Folded`)
against the regex gate searched over the whole text, in any case and with the letters whose case folds to ASCII.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from makna.privacy import dates
from makna.privacy._fastrx import Folded, split_top
from makna.privacy._find import WordStarts, lowered


def _plain_lines(gate: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    n = len(text)
    found: dict[int, int] = {}
    for hit in gate.finditer(text):
        end = text.find("\n", hit.end())
        found.setdefault(text.rfind("\n", 0, hit.start()) + 1, n if end < 0 else end)
    return sorted(found.items())


def test_every_weekday_starts_with_a_stem() -> None:
    words = [*split_top(dates._WEEKDAYS), *split_top(dates._WEEKDAY_ABBR)]
    assert words
    for word in words:
        assert word.lower().startswith(dates._WEEKDAY_STEMS), word


_PIECES = st.sampled_from(
    [
        "Monday", "monDAY", "SAT", "Sat", "sat", "Sat.", "satu", "Sabtu", "SABTU", "jum'at", "Jum’at", "Rabu",
        "rabu", "Minggu", "minggu", "Ahad", "Kamis", "Thurs", "Tues", "Wed", "Fri", "Sun", "sunday", "Senin",
        "selasa", " ", ", ", ",", ".", "\t", "\n", "@", "_", "'", "’", "x", "5", "6 Maret 2024", "25 January",
        "\u017f", "\u0131", "\u0130", "\u212a", "\u017funday", "M\u0131nggu", "\u212aamis", "FR\u0130", "é",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
@example("@Monday, 5 May")
@example("\u212aamis, 7 Juli 2022")
@example("x\u017faturday, 3 May 2021\nSat 4")
@example("é Senin, 6 Mei\n_Sabtu 5 Juni")
def test_weekday_gate_lines_match_the_regex_gate(text: str) -> None:
    gate = dates._WEEKDAY_GATE
    assert isinstance(gate, Folded)
    assert gate.lines(text) == _plain_lines(gate.gate, text)
    long_text = "P: Ya, Kak.\n" * 200 + text  # past the shared pass's length
    assert gate.lines(long_text) == _plain_lines(gate.gate, long_text)


def test_word_starts_after_an_at_sign_only_when_asked() -> None:
    low = lowered("x @sabtu and sabtu")
    assert WordStarts(["sabtu"]).starts(low) == [13]
    assert WordStarts(["sabtu"], after_at=True).starts(low) == [3, 13]


def test_folded_refuses_stems_that_are_not_lower_case_ascii() -> None:
    with pytest.raises(ValueError):
        Folded(["Sat"], re.compile("Sat"))
