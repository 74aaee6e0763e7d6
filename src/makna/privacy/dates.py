"""Dates in the written forms the month-name and numeric rules leave out (issue #11).

* a month, "the" and an ordinal (``March the 5th``), and an ordinal day of a relative month (``the 21st of
  last month``);
* a day, a month's abbreviation and a year joined by dashes, slashes or dots (``05-Jan-2023``, ``5/Jan/23``);
* a month in Roman numerals (``14.VIII.2019``, ``3/IV/2021``), as Indonesian offices write it;
* a form's day, month and year words (``tgl 5 bln 6 thn 2021``);
* two day/month pairs of a range (``from 3/6 to 10/6``, ``dari 3/6 sampai 10/6``): a day/month alone is a
  fraction or a score as often as a date, a range of two is a date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._fastrx import Narrowed, gated_finditer, trigger
from .types import Detection

__all__ = ["find_more_dates"]

_MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Januari|Februari|Maret|Mei|Juni|Juli|Agustus|Oktober|"
    r"Desember"
)
_ORDINAL = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)"
_ORD_WORDS = (
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|"
    r"fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-\w+|thirtieth|thirty-first"
)
_THE_DATE: Final = re.compile(
    rf"(?<![\w])(?:(?:{_MONTHS})\.?[ \t]+the[ \t]+(?:{_ORDINAL}|{_ORD_WORDS})(?:,?[ \t]+(?:19|20)\d\d)?"
    rf"|the[ \t]+(?:{_ORDINAL}|{_ORD_WORDS})(?=[ \t]+of[ \t]+"
    r"(?:last|this|next|that|the[ \t]+(?:same|previous|following))[ \t]+month\b))(?![\w])"
)
_THE_DATE_GATE: Final = re.compile(r"the[ \t]+(?:\d|(?:[ft]|s[ei]|e[il]|ni|tw)\w*(?:th|st|nd|rd)\b)")


_ABBR = r"Jan|Feb|Mar|Apr|May|Mei|Jun|Jul|Aug|Agu|Agt|Ags|Sep|Sept|Oct|Okt|Nov|Nop|Dec|Des"
_DAY_MON_YEAR: Final = re.compile(
    rf"(?<![\w\-/.])(?:[12]\d|3[01]|0?[1-9])(?P<s>[\-/.])(?i:{_ABBR})(?P=s)(?:(?:19|20)\d\d|\d\d)(?![\w\-/.]|\.\d)"
)
_ROMAN: Final = re.compile(
    r"(?<![\w\-/.])(?:[12]\d|3[01]|0?[1-9])(?P<s>[\-/.])(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)(?P=s)(?:19|20)\d\d"
    r"(?![\w\-/.]|\.\d)"
)
_FORM_WORDS: Final = re.compile(
    r"(?i:(?<![\w])(?:tgl|tanggal|tang)\.?[ \t]*(?:[12]\d|3[01]|0?[1-9])[ \t,]+(?:bln|bulan)\.?[ \t]*(?:1[0-2]|0?[1-9])"
    r"(?:[ \t,]+(?:thn|tahun|th)\.?[ \t]*(?:(?:19|20)\d\d|\d\d))?)(?![\w])"
)
_DM = r"(?:[12]\d|3[01]|0?[1-9])/(?:1[0-2]|0?[1-9])"
_RANGE: Final = re.compile(
    rf"(?i:\b(?:from|dari|between|antara|sejak|since)[ \t]+)(?P<a>{_DM})(?![\d/])"
    rf"(?i:[ \t]*(?:-|–|to|until|till|sampai|hingga|s/d|sd|and|dan)[ \t]*)(?P<b>{_DM})(?![\d/])"
)
_SEPARATED_GATE: Final = Narrowed(
    [d + sep for d in "0123456789" for sep in "-/."], re.compile(r"\d[\-/.][A-Za-z]"), ascii_only=True
)
_FORM_GATE: Final = trigger(["bln", "Bln", "BLN", "bulan", "Bulan", "BULAN"])
_RANGE_GATE: Final = Narrowed(["/"], re.compile(r"\d/\d"))


_AMOUNT_AFTER: Final = re.compile(r"(?i:[ \t]+(?:of|dari|cups?|kilos?|kg|liters?|litres?|jam|hours?|bagian|porsi)\b)")


def _proper_fraction(pair: str) -> bool:
    """``1/2``, ``3/4``: a numerator below a small denominator, read as a fraction before a date."""
    top, bottom = (int(x) for x in pair.split("/"))
    return top < bottom <= 8


def find_more_dates(text: str) -> Iterator[Detection]:
    """Dates with "the", with a month's abbreviation or Roman numeral between separators, in form words, and
    day/month ranges."""
    for m in gated_finditer(_THE_DATE, _THE_DATE_GATE, text):
        yield Detection(m.start(), m.end(), "DATE", 0.85, "date.the", m.group(0))
    for rx, name in ((_DAY_MON_YEAR, "date.abbr"), (_ROMAN, "date.roman")):
        for m in gated_finditer(rx, _SEPARATED_GATE, text):
            yield Detection(m.start(), m.end(), "DATE", 0.88, name, m.group(0))
    for m in gated_finditer(_FORM_WORDS, _FORM_GATE, text):
        yield Detection(m.start(), m.end(), "DATE", 0.88, "date.form", m.group(0))
    for m in gated_finditer(_RANGE, _RANGE_GATE, text):
        if _AMOUNT_AFTER.match(text, m.end()) or all(_proper_fraction(m.group(g)) for g in ("a", "b")):
            continue  # "from 1/2 to 3/4 of the cake": fractions
        for g in ("a", "b"):
            yield Detection(m.start(g), m.end(g), "DATE", 0.8, "date.range", m.group(g))
