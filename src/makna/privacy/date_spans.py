"""Dates found whole: the parts the other date rules leave beside a date they find (issue #11, round nine).

A date found without its first day or its spoken year leaves digits or words that say it; these rules give the
whole phrase as one span, which wins over the shorter one in the overlap resolution:

* **a range of days before one month** (``12-15 Agustus 2024``, ``dari 1 sampai 5 Januari``, ``12th-14th
  July``, ``between 3rd and 5th June``, ``from 3 to 5 June``): one date span, as the corpus writes two days of one
  month (``June 27th and 28th, 2021``);
* **a year said in words after a date** (``the fourth of July nineteen ninety-six``, ``twenty-first of May twenty
  twenty-four``, ``tujuh belas Agustus sembilan lima``, ``17 Agustus dua ribu dua``);
* **eight digits after a date or birth word** (``tgl lahir 17081995``, ``DOB 04071996``) when they read as a
  valid day, month and year;
* **two numeric dates joined by a dash** (``01/01/2024-05/01/2024``: the date pattern refused both), a numeric date
  with spaced separators after a date word (``tgl 14 - 9 - 2024``), and a lower-case month before its day
  (``sept 14th``, ``agustus 17``; an abbreviation only with an ordinal or a year).

Only shapes and date words: no value from a corpus.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._fastrx import DIGIT_LINES, DIGIT_RUN_LINES, AllOf, Folded, gated_finditer, trigger
from ._linegates import InLines
from .numwords import EN_TEENS, EN_TENS, EN_UNITS
from .numwords import ID_STANDARD_UNITS as _ID_UNITS
from .patterns import _MONTHS
from .types import Detection

__all__ = ["find_date_spans"]

_LOWER_MONTHS = (
    "januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|"
    "january|february|june|july|august|october|december"
)
_MONTH = rf"(?:{_MONTHS}|{_LOWER_MONTHS})\.?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_JOIN = r"(?:-|–|—|(?i:to|until|till|through|thru|and|&|sampai|sampe|hingga|s/d|sd|dan|ke))"
_DAY_RANGE: Final = re.compile(
    rf"\d(?<![\w.,/:\-]\d)\d?(?:st|nd|rd|th)?[ \t]*{_JOIN}[ \t]*"
    rf"(?:(?i:the)[ \t]+)?{_DAY}(?:[ \t]+of)?[ \t]+{_MONTH}(?:,?[ \t]+{_YEAR})?(?![\w])"
)
"""Two days joined by a dash or a range word, then the month (and year) they share (the first day is checked after
the match: the pattern starts with a digit, for the fast scan)."""
_FIRST_DAY: Final = re.compile(r"(?:[12]\d|3[01]|0?[1-9])(?!\d)")
_MONTH_DIGIT_LINES: Final = AllOf(trigger([*_MONTHS.split("|"), *_LOWER_MONTHS.split("|")]), DIGIT_LINES)
"""The lines holding a month's name and a digit: every day range before a month holds both."""
_RANGE_GATE: Final = InLines(
    _MONTH_DIGIT_LINES,
    re.compile(
        r"\d(?i:st|nd|rd|th)?[ \t]*(?i:[-–—&]|to|until|till|through|thru|and|sampai|sampe|hingga|s/d|sd|dan|ke)[ \t]*"
        r"(?i:the[ \t]+)?\d"
    ),
)
"""A digit, a range word and a digit: every day range holds them (searched on the lines with a month and a digit)."""

_SPOKEN_YEAR: Final = (
    rf"(?i:(?:nineteen|twenty)[ \t\-]+(?:{EN_TEENS}|(?:{EN_TENS})(?:[ \t\-]+(?:{EN_UNITS}))?|"
    rf"(?:oh|o)[ \t\-]+(?:{EN_UNITS})|hundred)"
    rf"|two[ \t]+thousand(?:[ \t]+and)?(?:[ \t]+(?:{EN_TEENS}|twenty(?:[ \t\-]+(?:{EN_UNITS}))?|{EN_UNITS}))?"
    rf"|(?:seribu[ \t]+)?sembilan[ \t]+(?:ratus[ \t]+)?(?:(?:{_ID_UNITS})[ \t]+puluh(?:[ \t]+(?:{_ID_UNITS}))?"
    rf"|(?:{_ID_UNITS}))"
    rf"|dua[ \t]+ribu(?:[ \t]+(?:dua[ \t]+puluh(?:[ \t]+(?:{_ID_UNITS}))?|sepuluh|sebelas|(?:{_ID_UNITS})[ \t]+belas"
    rf"|(?:{_ID_UNITS})))?)(?![\w\-])"
)
_MONTH_THEN_YEAR: Final = re.compile(rf"(?<![\w])(?:{_MONTHS}|{_LOWER_MONTHS}),?[ \t]+(?P<y>{_SPOKEN_YEAR})")
_YEAR_GATE: Final = Folded(
    ["nineteen", "twenty", "two", "seribu", "sembilan", "dua"],
    re.compile(r"(?i:nineteen|t(?:wenty|housand)|sembilan|dua[ \t]+ribu)"),
)
"""The first word of a year said in words (``nineteen``, ``twenty``, ``two thousand``, ``sembilan``, ``dua ribu``)."""
_DAY_WORDS_EN = (
    rf"(?:{EN_TENS})(?:[ \t\-]+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth))?"
    r"|twentieth|thirtieth|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth"
)
_DAY_WORDS_ID = (
    rf"(?:(?:dua|tiga)[ \t]+puluh(?:[ \t]+(?:{_ID_UNITS}))?|sepuluh|sebelas|(?:{_ID_UNITS})[ \t]+belas|{_ID_UNITS})"
)
_DAY_BEFORE: Final = re.compile(
    r"(?<![\w./:\-])(?:(?i:the)[ \t]+)?"
    rf"(?:(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?|(?i:{_DAY_WORDS_EN}|{_DAY_WORDS_ID}))"
    r"(?:[ \t]+(?i:of))?[ \t]+$"
)
"""The day before a month (digits or words, with "the" and "of"): searched in the 40 characters before it."""
_COMPACT: Final = re.compile(
    r"(?i:\b(?:tgl|tanggal|lahir|born|dob|d\.o\.b|birth[ \t]?date|date[ \t]+of[ \t]+birth)\.?)"
    r"[^\d\n.?!]{0,12}?(?<!\d)(?P<d>(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\d\d)(?!\d)"
)
_COMPACT_GATE: Final = InLines(DIGIT_RUN_LINES, re.compile(r"\d{8}"))


_NUM_RANGE: Final = re.compile(
    r"\d(?<![\w/.\-]\d)\d?(?P<s>[/.\-])\d{1,2}(?P=s)(?:(?:19|20)\d\d|\d\d)"
    r"[ \t]*(?:-|–|—|s/d|sd|to|until|till|sampai|hingga)[ \t]*"
    r"(?P<b>\d{1,2}(?P<t>[/.\-])\d{1,2}(?P=t)(?:(?:19|20)\d\d|\d\d))(?![\w/]|[.\-]\d)"
)
"""Two numeric dates joined by a dash or a range word (``01/01/2024-05/01/2024``): the date pattern refuses a
date with a dash or slash right after it, so both were left."""
_SPACED_NUM: Final = re.compile(
    r"\d(?<![\w/.\-]\d)\d?[ \t]+(?P<s>[/.\-])[ \t]+\d{1,2}[ \t]+(?P=s)[ \t]+(?:19|20)\d\d(?![\w/]|[.\-]\d)"
)
"""A numeric date with spaces around its separators and a four-digit year (``14 - 9 - 2024``), after a date
word."""
_LOWER_MONTH_FIRST: Final = re.compile(
    r"(?<![\w])(?:januari|februari|april|juni|juli|agustus|september|oktober|november|desember|january|february|"
    r"june|july|august|october|december|(?P<abbr>jan|feb|sept?|okt|oct|nov|des|dec|agu|agt|aug))\.?[ \t]+"
    r"(?:[12]\d|3[01]|0?[1-9])(?P<ord>st|nd|rd|th)?(?P<y>,?[ \t]+(?:19|20)\d\d)?(?![\w]|[.:/\-]\d)"
)
"""A month in lower case before its day (``sept 14th``, ``agustus 17``); an abbreviation only with an ordinal or a
year (``jan 5`` may be a name and a number)."""
_LOWER_MONTH_GATE: Final = InLines(
    DIGIT_LINES, re.compile(r"(?:jan|feb|apr|jun|jul|ag|aug|sep|okt|oct|nov|des|dec)[a-z]*\.?[ \t]+\d")
)
"""A lower-case month's first letters before a number: every match of :data:`_LOWER_MONTH_FIRST` holds one."""


def _dmy_valid(raw: str) -> bool:
    """Day and month of a numeric day-month-year date hold."""
    parts = [int(x) for x in re.findall(r"\d+", raw)]
    return len(parts) == 3 and 1 <= parts[0] <= 31 and 1 <= parts[1] <= 12


def _more_shapes(text: str) -> Iterator[Detection]:
    if "/" in text or "-" in text or "." in text:
        for m in gated_finditer(_NUM_RANGE, _NUM_RANGE_GATE, text):
            first = re.match(r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}", m.group(0))
            if first is None or not (_dmy_valid(first.group(0)) and _dmy_valid(m.group("b"))):
                continue
            yield Detection(m.start(), m.start() + len(first.group(0)), "DATE", 0.88, "date.num_range", first.group(0))
            yield Detection(m.start("b"), m.end("b"), "DATE", 0.88, "date.num_range", m.group("b"))
        for m in gated_finditer(_SPACED_NUM, _SPACED_GATE, text):
            if _dmy_valid(m.group(0)) and _DATE_WORD_BEFORE.search(text, max(0, m.start() - 24), m.start()):
                yield Detection(m.start(), m.end(), "DATE", 0.85, "date.spaced", m.group(0))
    for m in gated_finditer(_LOWER_MONTH_FIRST, _LOWER_MONTH_GATE, text):
        if m.group("abbr") is not None and m.group("ord") is None and m.group("y") is None:
            continue
        yield Detection(m.start(), m.end(), "DATE", 0.85, "date.lower_month_first", m.group(0))


_NUM_RANGE_GATE: Final = InLines(
    DIGIT_LINES, re.compile(r"\d[ \t]*(?:-|–|—|s/d|sd|to|until|till|sampai|hingga)[ \t]*\d{1,2}[/.\-]")
)
_DATE_WORD_BEFORE: Final = re.compile(
    r"(?i:\b(?:tgl|tanggal|tang|date[ds]?|on|lahir|born|dob|sejak|since|sampai|until|hari|day)\b)[^\d\n.?!]{0,12}$"
)
"""A date word just before a spaced numeric date (``tgl 14 - 9 - 2024``; not ``skor 3 - 1 - 2024``)."""
_SPACED_GATE: Final = InLines(DIGIT_LINES, re.compile(r"\d[ \t]+[/.\-][ \t]+\d"))


def _spoken_years(text: str) -> Iterator[Detection]:
    for m in gated_finditer(_MONTH_THEN_YEAR, _YEAR_GATE, text):
        start = m.start()
        day = _DAY_BEFORE.search(text, max(0, start - 40), start)
        if day is not None and "\n" not in day.group(0):
            start = day.start()
        elif not re.search(r"(?i:\b(?:in|of|since|sejak|bulan|tahun|pada)[ \t]+)$", text[max(0, start - 8) : start]):
            continue  # a month and a year in words alone only after a date's preposition ("in May nineteen ...")
        yield Detection(start, m.end(), "DATE", 0.85, "date.spoken_year", text[start : m.end()])


def find_date_spans(text: str) -> Iterator[Detection]:
    """Day ranges before a month, dates with a year in words, and compact dates after a date word."""
    for m in gated_finditer(_DAY_RANGE, _RANGE_GATE, text):
        if _FIRST_DAY.match(text, m.start()) is None:
            continue  # "40-45 Juni": no first day of a month
        raw = m.group(0).rstrip(".")
        yield Detection(m.start(), m.start() + len(raw), "DATE", 0.88, "date.day_range", raw)
    yield from _spoken_years(text)
    yield from _more_shapes(text)
    for m in gated_finditer(_COMPACT, _COMPACT_GATE, text):
        yield Detection(m.start("d"), m.end("d"), "DATE", 0.85, "date.compact", m.group("d"))
