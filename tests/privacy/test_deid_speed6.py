"""The speed rewrites of issue 11's ninth round give exactly what the plain code they replace gives.

The lower-case month dates on the lines of their whole month words (:class:`makna.privacy._find.WordLines`) against
the lines of their literals alone; the grouped-phone and name-comma-age patterns led by their first character
against the look-behind-first patterns they replace; the initials patterns on the lines holding a capital and a
full stop against the whole text; the location header lines found by a newline-led scan against the multi-line
``^`` pattern.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from makna.privacy import addresses, agecues, contacts, dates, header_places, name_shapes
from makna.privacy._fastrx import gated_finditer, trigger
from makna.privacy._find import WordLines


def _text(pieces: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=24).map("".join)


_SEPARATORS = [" ", " ", "\t", "\n", ",", ", ", ".", ". ", "(", ")", "-", "/", "@", "_", ":", "+"]

_DATE_PIECES = [
    *_SEPARATORS,
    "januari", "Januari", "JANUARI", "maret", "mei", "juni", "agustus", "august", "march", "jan", "jangan", "ag",
    "agt", "bagi", "sep", "sept", "sepi", "des", "desa", "okt", "nop", "bulan", "Bulan", "BULAN", "buLan", "bln",
    "Bln", "bln.", "bulannya", "tahun", "thn", "12", "3", "03", "31", "2023", "1999", "20", "x", "ſ", "K",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(_text(_DATE_PIECES))
@example("bulan 3 2023\nBULAN 3 2023 Bulan")
@example("12 agt 2023, mei 1999 sepi jangan 3 des")
def test_month_gate_gives_the_literal_gate_lines_matches(text: str) -> None:
    """The whole-word gate narrows the literal gate without losing a match (nor adding one: an upper-case "BULAN"
    line the literals miss stays missed)."""
    literals = dates._LOWER_MONTH_GATE.gates[0]
    old = [m.span() for m in gated_finditer(dates._LOWER_MONTH_YEAR, literals, text)]
    assert [m.span() for m in gated_finditer(dates._LOWER_MONTH_YEAR, dates._LOWER_MONTH_GATE, text)] == old


@settings(max_examples=200, deadline=None)
@given(_text(_DATE_PIECES))
@example("_bulan")
def test_word_lines_hold_every_whole_word(text: str) -> None:
    """Every line where a listed word stands alone (any case, not glued to a letter, digit or "_") is a gate line."""
    gate = WordLines(words=["bulan", "mei", "agt"])
    lines = {start for start, _ in gate.lines(text)}
    for m in re.finditer(r"(?<!\w)(?i:bulan|mei|agt)(?!\w)", text):  # "_" glues as a letter does ("_bulan")
        if "ſ" not in text:  # (a long s folds to "s" in a regex, never in str.lower)
            assert text.rfind("\n", 0, m.start()) + 1 in lines


_PHONE_PIECES = [*_SEPARATORS, "+62", "+6", "+", "0", "08", "12", "123", "1234", "12345", "812", "x", "a", "Rp"]
_OLD_GROUPED = re.compile(r"(?<![\w+\-./:,])(?:\+\d{1,3}[ \t])?\d{2,5}(?:[ \t]\d{2,6}){1,3}(?![\w\-/:]|[.,]\d)")


@settings(max_examples=300, deadline=None)
@given(_text(_PHONE_PIECES))
@example("+62 812 3456 7890, 0812 3456 7890 a12 34 56 +6 12 34")
def test_grouped_phone_pattern_led_by_its_first_character(text: str) -> None:
    assert [m.span() for m in contacts._GROUPED.finditer(text)] == [m.span() for m in _OLD_GROUPED.finditer(text)]


_AGE_PIECES = [
    *_SEPARATORS, "Abin", "Joseph", "Sa", "Nelson", "Boodram-Seepersad", "O'Neil", "abin", "Ab", "19", "27", "5",
    "sixty-three", "dua puluh tiga", "years old", "tahun", "I sell", "'", "’", "A", "x",
]  # fmt: skip
_NAME = r"[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*"
_OLD_APPOSITION = re.compile(
    agecues._APPOSITION.pattern.replace(
        r"(?P<name>[A-Z](?<![\w'’\-][A-Z])[a-z'’]+(?:-[A-Z]?[a-z'’]+)*", rf"(?<![\w'’\-])(?P<name>{_NAME}", 1
    ),
    re.MULTILINE,
)


@settings(max_examples=300, deadline=None)
@given(_text(_AGE_PIECES))
@example("Abin Joseph, 19, paid\nKamla Boodram-Seepersad, sixty-three, I sell. xAbin Joseph, 19.")
def test_name_comma_age_pattern_led_by_the_capital(text: str) -> None:
    assert _OLD_APPOSITION.pattern != agecues._APPOSITION.pattern
    assert [m.span() for m in agecues._APPOSITION.finditer(text)] == [m.span() for m in _OLD_APPOSITION.finditer(text)]


_INITIAL_PIECES = [*_SEPARATORS, "A.", "B.", "S.", "Pak", "Bu", "Mr", "Jl.", "Yani", "Budi", "budi", "H", "x", "."]
_INITIALS = (name_shapes._INITIALS_NAME, name_shapes._INITIALS_ALONE, name_shapes._HONORIFIC_BEFORE_INITIAL)


@settings(max_examples=300, deadline=None)
@given(_text(_INITIAL_PIECES))
@example("Pak H. datang\nA. B. pergi, Mr J. Yani")
def test_initials_patterns_on_the_lines_with_an_initial(text: str) -> None:
    for rx in _INITIALS:
        gated = [m.span() for m in gated_finditer(rx, name_shapes._INITIAL_LINES, text)]
        assert gated == [m.span() for m in rx.finditer(text)]


_HEADER_PIECES = [
    *_SEPARATORS, "Lokasi", "lokasi", "LOKASI", "Location", "place", "Site", "setting", "tempat", "wawancara",
    "of the interview", "Padang, Sumbar", "Leeds", "x", "\n\n",
]  # fmt: skip
_OLD_HEADER = re.compile(r"(?im)^" + header_places._HEADER_BODY)


@settings(max_examples=300, deadline=None)
@given(_text(_HEADER_PIECES))
@example("Lokasi: Padang, Sumbar\nLocation of the interview: Leeds\n\nsite:\t\n")
def test_header_lines_found_after_their_newline(text: str) -> None:
    old = [(m.start("rest"), m.end("rest")) for m in _OLD_HEADER.finditer(text)]
    first = header_places._HEADER.match(text)
    new = [(m.start("rest"), m.end("rest")) for m in header_places._HEADER_AFTER_NEWLINE.finditer(text)]
    if first is not None:
        new.insert(0, (first.start("rest"), first.end("rest")))
    assert new == old


_STREET_PIECES = [
    *_SEPARATORS, "jl", "jl.", "Jl", "jln", "gg", "gg.", "nggak", "jlx", "sudirman", "mawar", "no", "nomor", "5",
    "12a", "-", "x",
]  # fmt: skip
_OLD_STREET_GATE = trigger(["jl", "gg"])


@settings(max_examples=300, deadline=None)
@given(_text(_STREET_PIECES))
@example("nggak jl. sudirman no 5\ngg mawar nomor 12a, jln x no. 3")
def test_lower_street_on_word_and_digit_lines(text: str) -> None:
    old = [m.span() for m in gated_finditer(addresses._LOWER_STREET, _OLD_STREET_GATE, text)]
    assert [m.span() for m in gated_finditer(addresses._LOWER_STREET, addresses._LOWER_STREET_GATE, text)] == old
