"""The speed rewrites of issue 11's tenth round give exactly what the plain code they replace gives.

Regex gates searched on the shared line sets (:class:`makna.privacy._linegates.InLines` on the digit lines,
:class:`makna.privacy._fastrx.Narrowed` on the lines of their literals, :class:`makna.privacy._fastrx.Folded` on
the lines of their words) against the same gates searched over the whole text; the shared gate pass (one bit set
of triggers per literal) against each trigger's literals found one by one; the patterns led by a character class
against the look-behind-first patterns they replace.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from makna.privacy import contacts, date_spans, dates, handles, ids, phone_forms, plates
from makna.privacy._fastrx import _GATES, _SHARED_MIN, Folded, Narrowed, gated_finditer
from makna.privacy._linegates import InLines


def _text(pieces: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=30).map("".join)


def _long(text: str) -> str:
    """``text`` repeated on lines past :data:`_SHARED_MIN` characters (the shared gate pass serves those)."""
    return ((text + "\n") * (_SHARED_MIN // (len(text) + 1) + 1)) if text else text


_PIECES = [
    " ", " ", "\t", "\n", ",", ", ", ".", ". ", "-", " - ", "/", " / ", "@", " at ", "_", ":", "(", ")", "+",
    "0", "1", "3", "08", "12", "17", "31", "2024", "1995", "17081995", "0812", "5550", "3326", "O", "o", "oo",
    "Agustus", "agustus", "Juni", "sept", "jan", "Mar", "tgl", "lahir", "DOB", "sampai", "to", "and", "dan", "the",
    "th", "st", "nineteen", "ninety-six", "twenty", "two thousand", "sembilan", "dua ribu", "dua", "seribu",
    "national insurance", "ni", "QQ", "C", "ba", "gn", "BA", "example", "com", "co", "id", "uk", "rina", "x", "ſ",
]  # fmt: skip


def _spans(rx: re.Pattern[str], gate: object, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in gated_finditer(rx, gate, text)]  # type: ignore[arg-type]


_GATED: list[tuple[re.Pattern[str], InLines | Narrowed | Folded]] = [
    (date_spans._DAY_RANGE, date_spans._RANGE_GATE),
    (date_spans._MONTH_THEN_YEAR, date_spans._YEAR_GATE),
    (date_spans._COMPACT, date_spans._COMPACT_GATE),
    (date_spans._LOWER_MONTH_FIRST, date_spans._LOWER_MONTH_GATE),
    (date_spans._NUM_RANGE, date_spans._NUM_RANGE_GATE),
    (date_spans._SPACED_NUM, date_spans._SPACED_GATE),
    (phone_forms._LETTER_O, phone_forms._O_BY_DIGIT),
    (phone_forms._SPREAD, phone_forms._SPREAD_GATE),
    (contacts._GROUPED, contacts._GROUPED_GATE),
    (contacts._LOOSE, contacts._LOOSE_GATE),
    (plates._LOWER_ID, plates._LOWER_ID_GATE),
    (ids._NI_CUED, ids._NI_DIGITS),
]


@settings(max_examples=300, deadline=None)
@given(_text(_PIECES))
@example("12-15 Agustus 2024\n17 Agustus sembilan lima\ntgl lahir 17081995\nO857 5550 3326")
@example("0 8 1 2 - 5 5 5 0 - 7 7 8 1\nrina at example . com\nba 3318 gn\nni QQ 12 34 56 C")
@example("01/01/2024-05/01/2024 tgl 14 - 9 - 2024 sept 14th, the fourth of July nineteen ninety-six")
def test_gates_on_shared_lines_give_the_whole_text_gates_matches(text: str) -> None:
    for rx, gate in _GATED:
        for probe in (text, _long(text)):
            assert _spans(rx, gate, probe) == _spans(rx, gate.gate, probe), rx.pattern[:40]


@settings(max_examples=150, deadline=None)
@given(_text(_PIECES))
@example("Agustus 12\nrina@example.com Oo 3 O8")
def test_shared_gate_pass_gives_each_triggers_lines(text: str) -> None:
    """One automaton pass (a bit set of triggers per literal, OR-ed along each line) credits a trigger with exactly
    the lines holding one of its literals."""
    text = _long(text)
    for ident, trig in enumerate(_GATES._triggers):
        want = sorted(
            {
                (text.rfind("\n", 0, i) + 1, end if (end := text.find("\n", i)) >= 0 else len(text))
                for lit in trig.literals
                for i in (m.start() for m in re.finditer(f"(?={re.escape(lit)})", text))
            }
        )
        assert _GATES.lines(text, ident) == want, trig.literals[:5]


_OLD_PAN = re.compile(r"(?<![\w\-])[A-Z]{5}\d{4}[A-Z](?![\w\-])")
_OLD_UPPER_DATE = re.compile(
    r"(?<![\w])(?:[12]\d|3[01]|0?[1-9])[ \t]+(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC|"
    r"JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|"
    r"JANUARI|FEBRUARI|MARET|MEI|JUNI|JULI|AGUSTUS|OKTOBER|DESEMBER|AGU|AGT|AGS|OKT|NOP|DES|PEB)"
    r"(?:[ \t]+(?:19|20)\d\d)?(?![\w])"
)
_OLD_MULTI_PART = re.compile(
    r"(?<![\w@/.\-])[A-Za-z0-9]{2,}(?:[._][A-Za-z0-9]{2,}){2,5}(?![\w@/\-]|\.\w)"
    r"|(?<![\w@/.\-])[A-Za-z0-9]+_[A-Za-z0-9_]*[A-Za-z0-9](?![\w@/\-]|\.\w)"
)
_SHAPE_PIECES = [
    " ", "\t", "\n", ".", "_", "-", "/", "@", "A", "ABCDE", "ABCPE", "Z", "1234", "1", "0", "01", "9", "31", "12",
    "JAN", "AGUSTUS", "SEPT", "2024", "1999", "acil", "ilah", "toko_baju", "ab", "x1", "٣", "é",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(_text(_SHAPE_PIECES))
@example("ABCPE1234F 01 JAN 2024 9 SEPT 31 AGUSTUS acil.ilah.lokbaintan toko_baju 00 JAN")
def test_patterns_led_by_a_character_class(text: str) -> None:
    for new, old in (
        (ids._PAN, _OLD_PAN),
        (dates._UPPER_DATE, _OLD_UPPER_DATE),
        (handles._MULTI_PART, _OLD_MULTI_PART),
    ):
        assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)], old.pattern[:30]
        cut = len(text) // 3
        assert [m.span() for m in new.finditer(text, cut)] == [m.span() for m in old.finditer(text, cut)]
