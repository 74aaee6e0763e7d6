"""Round fourteen's speed pass (issue 11). Digit runs once: each digit-led shape tried with ``rx.match`` only at
the run starts of the groups of digits that hold enough digits (:class:`makna.privacy._digitruns.DigitLed`) must
give exactly the matches of the line search it replaced (``lines_finditer`` over the digit lines). The look-behind
rewrite (:func:`makna.privacy._leadset.lead_set`): each rewritten pattern must give the matches of its source."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from makna.privacy import (
    _ci,
    _digitruns,
    _leadset,
    addresses,
    ageforms,
    agespeech,
    date_forms,
    dates,
    ids,
    patterns,
    phone_forms,
    street_addresses,
)
from makna.privacy._digitruns import DigitLed, digit_groups
from makna.privacy._lines import DIGIT_LINES, DIGIT_RUN_LINES, SharedLines, lines_finditer

_SHAPES: list[tuple[str, DigitLed, SharedLines]] = [
    ("ids._SHAPE", ids._SHAPE_RUNS, DIGIT_RUN_LINES),
    ("ids._ANY_GROUPS_16", ids._ANY_GROUPS_16_RUNS, DIGIT_LINES),
    ("ids._BPJS", ids._BPJS_RUNS, DIGIT_LINES),
    ("patterns._NIK", patterns._NIK_RUNS, DIGIT_RUN_LINES),
    ("patterns._GROUPS_4", patterns._GROUPS_4_RUNS, DIGIT_RUN_LINES),
    ("patterns._NPWP", patterns._NPWP_RUNS, DIGIT_RUN_LINES),
    ("patterns._SSN", patterns._SSN_RUNS, DIGIT_RUN_LINES),
    ("phone_forms._BARE", phone_forms._BARE_RUNS, DIGIT_RUN_LINES),
    ("addresses._CLOSING_POSTCODE", addresses._CLOSING_POSTCODE_RUNS, DIGIT_LINES),
    ("date_forms._YEAR_RX", date_forms._YEAR_RUNS, DIGIT_LINES),
    ("date_forms._DAY_BEFORE", date_forms._DAY_BEFORE_RUNS, DIGIT_LINES),
]

_PIECES = [
    "0", "00", "000", "1", "23", "456", "7890", "12345", "678901", "3171", "0812", "0001", "9999999",
    "-", ".", " ", "  ", "/", ",", "+", "\t", "\n", "\n\n", "a", "Jl", "x", "_", "@",
    "S", "T", "F", "G", "M", "A", "W", "IW", "Z", "\u0663\u0664", "\u0661", "é", ";", "2019", "1998", "12th", "st",
    " of ", "Janaury", "Septembre", ":", "mei",
]  # fmt: skip


def _old(led: DigitLed, gate: SharedLines, text: str) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in lines_finditer(led.rx, gate, text)]


def _new(led: DigitLed, text: str) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in led.finditer(text)]


@pytest.mark.parametrize(("name", "led", "gate"), _SHAPES, ids=[s[0] for s in _SHAPES])
@settings(max_examples=300, deadline=None)
@given(parts=st.lists(st.sampled_from(_PIECES), max_size=30))
def test_each_digit_led_shape_matches_as_its_line_search(
    name: str, led: DigitLed, gate: SharedLines, parts: list[str]
) -> None:
    text = "".join(parts)
    assert _new(led, text) == _old(led, gate, text), name


@pytest.mark.parametrize(("name", "led", "gate"), _SHAPES, ids=[s[0] for s in _SHAPES])
def test_each_shape_finds_its_own_examples(name: str, led: DigitLed, gate: SharedLines) -> None:
    text = (
        "NIK 3171 0456 0791 0002, no 3171045607910002; npwp 01.234.567.8-901.234; ssn 123-45-6789\n"
        "call 08123456789 or 0001 4421 7883 9 (BPJS); S1234567D, 880101-14-5678, 12345-1234567-1, 12-345-678\n"
        "Jl Merdeka 5, Padang 25111. Aadhaar 2345 6789 0123 and 2345-6789-0123 1234 5678\n"
        "on 12th of Janaury 2019, in 1998 the 3 Septembre\n"
    )
    assert _new(led, text) == _old(led, gate, text), name
    assert _old(led, gate, text), name  # each shape has a match here: the comparison is not empty


def test_the_groups_hold_their_digits_and_run_starts() -> None:
    text = "a 12-345 6\nx 7..8/9 b \u0663\u0664"
    groups = digit_groups(text)
    assert [(count, starts) for count, _, starts in groups] == [(6, (2, 5, 9)), (3, (13, 16, 18)), (2, (22,))]
    assert [stop for _, stop, _ in groups] == [11, len(text), len(text)]
    assert digit_groups(text) is groups  # kept for the same text
    assert [m.span() for m in _digitruns.GROUPED.finditer("1 - 2")] == [(0, 5)]


def test_a_shape_needs_a_digit() -> None:
    with pytest.raises(ValueError, match="digit"):
        DigitLed(re.compile(r"\d"), 0)


# --- the look-behind + literal alternation rewrite (makna.privacy._leadset.lead_set) ---

_REWRITTEN: list[tuple[str, re.Pattern[str], re.Pattern[str]]] = [
    ("dates._LOWER_MONTH_YEAR", dates._LOWER_MONTH_YEAR, re.compile(dates._LOWER_MONTH_YEAR_SOURCE)),
    ("dates._SHORT_YEAR", dates._SHORT_YEAR, re.compile(dates._SHORT_YEAR_SOURCE)),
    ("agespeech._AT_EVENT", agespeech._AT_EVENT, re.compile(agespeech._AT_EVENT_SOURCE)),
    ("agespeech._CHAT_UNIT", agespeech._CHAT_UNIT, re.compile(agespeech._CHAT_UNIT_SOURCE)),
    ("ageforms._WRITTEN", ageforms._WRITTEN, re.compile(ageforms._WRITTEN_SOURCE)),
    ("street_addresses._EN_ADDRESS", street_addresses._EN_ADDRESS, re.compile(street_addresses._EN_ADDRESS_SOURCE)),
]
_WORDS = [
    "januari", "Januari", "oktober", "okt", "Okt.", "dec", "september", "sept", "bulan", "BULAN", "bln.", "tahun",
    "thn", "1", "12", "31", "3", "0", "09", "2019", "1998", "'24", "’91", " ", "  ", "\t", ",", ".", "/", "\n", "st",
    "th", " of ", "Mar", "Maret", "jam", "orang", "died", "Passed away", "married", "at", "AT", "the", "age", "of",
    "mum", "Gran", "passed", "twenty", "five", "am", "%", "23", "y/o", "YO", "y.o.", "yo", "profil", "Bio", "KTP", "ID",
    "nya", "ditulis", "tulis", "umur", "22", "dua", "puluh", "taun", "x", "a", "_", "é", "\u017f", "\u0131", "\u0130",
    "\u212a", "K", "s", "i", "\u0663", "Flat", "Apt.", "Unit", "Plot No.", "House", "14", "7B", "/", "N.", "Baker",
    "Street", "Rd", "Road", "Leeds", "LS1 4AB", "NY", "10001", "#", "3rd", "Ave",
]  # fmt: skip


@pytest.mark.parametrize(("name", "new", "old"), _REWRITTEN, ids=[r[0] for r in _REWRITTEN])
@settings(max_examples=300, deadline=None)
@given(parts=st.lists(st.sampled_from(_WORDS), max_size=24))
def test_each_lead_set_pattern_matches_as_written(
    name: str, new: re.Pattern[str], old: re.Pattern[str], parts: list[str]
) -> None:
    text = "".join(parts)
    assert [(m.span(), m.groupdict()) for m in new.finditer(text)] == [
        (m.span(), m.groupdict()) for m in old.finditer(text)
    ], name


@pytest.mark.parametrize(("name", "new", "old"), _REWRITTEN, ids=[r[0] for r in _REWRITTEN])
def test_each_lead_set_pattern_starts_with_a_set(name: str, new: re.Pattern[str], old: re.Pattern[str]) -> None:
    assert new.pattern.startswith(("[", "(?P<")), name
    assert not old.pattern.startswith("["), name
    examples = (
        "she died at 84. 12 oktober 2019, bulan 8 tahun 2020; 4 Mar '24 ok 23 y/o. profilnya tulis 22 taun. "
        "Flat 3, 14 Baker Street, Leeds LS1 4AB"
    )
    assert [m.span() for m in new.finditer(examples)] == [m.span() for m in old.finditer(examples)], name


def test_the_folds_are_every_character_a_folded_letter_matches() -> None:
    for letter in "abcdefghijklmnopqrstuvwxyz":
        folded = re.compile(f"(?i:{letter})")
        chars = {chr(c) for c in range(0x10000) if folded.fullmatch(chr(c))}
        assert chars == set(_ci.FOLDS.get(letter, letter + letter.upper())), letter


@settings(max_examples=300, deadline=None)
@given(
    parts=st.lists(
        st.sampled_from(["a", "b", "ab", "Ab", "1", "0", " ", "-", "+", "\u017f", "x", "\u212a", "k"]), max_size=12
    )
)
def test_lead_set_keeps_the_order_of_trying(parts: list[str]) -> None:
    text = "".join(parts)
    for source in (
        r"(?<![\w\-])(?:ab|a|b)(?:b|1)?",
        r"\b(?i:k|ab?|s)",
        r"(?:0?[1-9]|1\d)(?![\d])",
        r"(?<=[ \-])(?=[A-Z])(?i:ab|a)b?",
        r"(?:a|b)x|(?<!-)(?:[0-9]|k)",
        r"(?:ab)?a+b{1,2}",
        r"(?:x|a)+b|\d{1,3}(?:st|nd)?",
        r"\b(?:(?:ab|b)[ ]+)?\d{2,}",
        r"(?<!\w)(?:\+1|-a|b)x",  # second reading: an escaped head was escaped twice and never matched
        r"(?<!\w)\d",  # ... and a look-behind alone before one element was refused with "substring not found"
    ):
        new, old = re.compile(_leadset.lead_set(source)), re.compile(source)
        assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)], source


@pytest.mark.parametrize(
    "source", [r"(?P<a>x)", r"x*y", r"(?:a|)b", r"[^a]b", r"(?i:é)", r"^a", r"(?=a|b)c", r"(?:(a))?b", r"a{0,2}b"]
)
def test_lead_set_refuses_what_it_cannot_rewrite(source: str) -> None:
    with pytest.raises(ValueError):
        _leadset.lead_set(source)
