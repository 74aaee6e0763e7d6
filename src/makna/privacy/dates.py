"""Dates in the written forms the month-name and numeric rules leave out (issue #11).

* a month, "the" and an ordinal (``March the 5th``), and an ordinal day of a relative month (``the 21st of
  last month``);
* a day, a month's abbreviation and a year joined by dashes, slashes or dots (``05-Jan-2023``, ``5/Jan/23``);
* a month in Roman numerals (``14.VIII.2019``, ``3/IV/2021``), as Indonesian offices write it;
* a form's day, month and year words (``tgl 5 bln 6 thn 2021``);
* two day/month pairs of a range (``from 3/6 to 10/6``, ``dari 3/6 sampai 10/6``): a day/month alone is a
  fraction or a score as often as a date, a range of two is a date;
* the weekday before a date, in either language and any case (``Saturday, 25 January 2025``, ``Rabu, 6 Maret
  2024``, ``Sat 16/3/24``, ``SAT 20 JAN`` as chat apps head a day), and the "the" of ``the 2nd of December``:
  the whole phrase is one date, so no weekday is left beside a surrogate;
* a month written in lower case with a year (``agustus 2020``), and ``bulan 3 2019``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._fastrx import DIGIT_LINES, AllOf, Folded, Narrowed, gated_finditer, lines_finditer, trigger
from ._find import WordLines
from ._leadset import lead_set
from .date_forms import find_said_dates
from .patterns import _DATE_NUM, _DATE_WORDS
from .patterns import _MONTHS as _ALL_MONTHS
from .street_addresses import EN_STREET
from .types import Detection

__all__ = ["find_dated_days", "find_more_dates"]

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
_ON_PAIR: Final = re.compile(
    r"(?i:\b(?:on|since|until|till|dated|sejak|tanggal|tgl|tang|besok|bsk|besuk|kemarin|kmrn|mulai|before|after|"
    r"pada|per|sampai|sampe|hingga|sebelum|setelah|sesudah|by)\.?)"
    r"[ \t]+(?P<d>(?:[12]\d|3[01]|0?[1-9])/(?:[12]\d|3[01]|0?[1-9]))(?![\d/.,]\d|[\d/]|[ \t]*(?:%|percent|persen))"
    r"|(?<![\w/.,:\-])(?P<t>(?:[12]\d|3[01]|0?[1-9])/(?:[12]\d|3[01]|0?[1-9]))(?![\d/.,]\d|[\d/])"
    r"(?=[ \t]+(?i:kemarin|kemaren|kmrn|kapatang|lalu|malam|pagi|siang|sore|yesterday|last|night|morning|evening)\b)"
)
"""A day and month without a year after "on", "by", "tanggal", "pada", "hingga", "sebelum" or a day word
(``reported me on 4/17``, ``tanggal 17/8``, ``bsk 14/2``), or before a time word (``12/10 kemarin``, ``09/11 last
night``), one of the two a month; ``24/7`` (always) and proper fractions (``on 1/2``) are none."""
_LONE_PAIR: Final = re.compile(
    r"(?<![\w/.,:\-])(?P<d>(?:[12]\d|3[01]|0?[1-9])/(?:[12]\d|3[01]|0?[1-9]))"
    r"(?![\d/.,]\d|[\d/]|[ \t]*(?:%|percent|persen)|[ \t]+[A-Z])"
)
"""A day and month without a year and without a cue, that only a date can be: one number a day above twelve, the
other a month (``14/10``, ``30/10``; in the American order ``8/14``). Not before a capitalised word (``3/18 Corella
Parade``: a unit and a house number) nor after a number's noun (:data:`_NUMBER_NOUN`)."""
_NUMBER_NOUN: Final = re.compile(
    r"(?:\b(?i:no|nomor|nomer|nr|unit|flat|apt|apartment|blok|block|kav|kamar|room|lantai|floor|kelas|class|size|"
    r"ukuran|nilai|skor|score|rating|pasal|ayat|article|gang|gg|lot|plot|bus|route|rute|koridor|jalur|platform|"
    r"peron|psalm|verse|ratio|rasio|suara|votes?|poin|points?|marks?)(?i:-?nya)?\.?|\b[A-Z]{2,}\.?|\d)[ \t]*$"
)
"""A noun numbers follow (``No. 14/2``, ``Unit 3/18``, ``kelas 12/3``, ``RT 14/02``), an acronym or a digit: a
number pair after one is an address, a class, a score or a ratio, not a date."""
_SCORE_BEFORE: Final = re.compile(
    r"\b(?i:scored?|scores|scoring|got|gets?|getting|rated?|rates|answered|dapat|dapet|dpt|meraih|mendapat|"
    r"memperoleh|benar|betul|salah)(?:[ \t]+(?i:it|only|just|about|around|cuma|hanya|sekitar))?[ \t]*$"
)
"""A verb of getting a mark right before a pair (``scored 11/20``, ``got 9/15``, ``dapat 8/15``, ``benar 7/20``):
a score, not a date (review28)."""
_COUNT_AFTER: Final = re.compile(
    r"(?i:[ \t]+(?:inch(?:es)?|mm|cm|questions?|soal|correct|wrong|benar|betul|salah|points?|poin|marks?|"
    r"overall|votes?|suara)\b)"
)
"""A unit or a count's noun right after a pair (``5/16 inch``, ``5/16 questions``, ``7/20 soal``): a measure or a
score, not a date (review28)."""
_STREET_AFTER: Final = re.compile(rf"(?:[ \t]+[\w'’\-]+){{1,3}}[ \t]+(?i:{EN_STREET})\b")
"""A street's name and type after a pair (``3/18 corella parade`` in lower case): a unit and a house number."""
_SEPARATED_GATE: Final = Narrowed(
    [d + sep for d in "0123456789" for sep in "-/."], re.compile(r"\d[\-/.][A-Za-z]"), ascii_only=True
)
_FORM_GATE: Final = trigger(["bln", "Bln", "BLN", "bulan", "Bulan", "BULAN"])
_RANGE_GATE: Final = Narrowed(["/"], re.compile(r"\d/\d"))


_WEEKDAYS = (
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Jum’at|Sabtu|Minggu|Ahad"
)
_WEEKDAY_ABBR = "Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun"
_WEEKDAY_BEFORE: Final = re.compile(rf"(?i:(?<![\w'’])(?:{_WEEKDAYS}|{_WEEKDAY_ABBR})\.?)(?:,[ \t]*|[ \t]+)$")
"""A weekday in any case right before a pair (``sat 26/4``, ``Selasa, 11/11``): one date with it."""
_WEEKDAY_LEAD: Final = re.compile(
    rf"(?<![\w'’])(?:(?i:{_WEEKDAYS})|{_WEEKDAY_ABBR}|{_WEEKDAY_ABBR.upper()})\.?(?:,[ \t]*|[ \t]+)"
    rf"(?:(?i:the|tanggal|tgl\.?)[ \t]+)?(?=\d|(?:{_MONTHS})\b)"
)
_WEEKDAY_STEMS: Final = (
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "senin",
    "selasa",
    "rabu",
    "kamis",
    "jum",
    "sabtu",
    "minggu",
    "ahad",
)
"""The lower-case beginnings of every weekday and abbreviation above (a test holds them to it)."""
_WEEKDAY_GATE: Final = Folded(
    _WEEKDAY_STEMS,
    re.compile(rf"(?<![\w'’])(?:(?i:{_WEEKDAYS})|{_WEEKDAY_ABBR}|{_WEEKDAY_ABBR.upper()})\.?[, \t]"),
)
"""The lead's weekday itself, as a whole word before its separator: a line where only "satu", "month" or
"Africa" holds the letters of a weekday is not searched (the old case-insensitive gate sent most lines). It is
searched only on the lines where a word starts with a weekday's beginning (:class:`._fastrx.Folded`)."""
_THE_ORDINAL: Final = re.compile(rf"(?<![\w])(?i:the)[ \t]+(?={_ORDINAL}[ \t]+of[ \t]+(?:{_MONTHS})\b)")
_UPPER_DATE: Final = re.compile(
    r"[0-9](?<![\w][0-9])(?:(?<=[12])\d|(?<=3)[01]|(?<=0)[1-9]|(?<=[1-9]))[ \t]+"
    r"(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC|"
    r"JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|"
    r"JANUARI|FEBRUARI|MARET|MEI|JUNI|JULI|AGUSTUS|OKTOBER|DESEMBER|AGU|AGT|AGS|OKT|NOP|DES|PEB)"
    r"(?:[ \t]+(?:19|20)\d\d)?(?![\w])"
)
_LOWER_MONTH_YEAR_SOURCE: Final = (
    r"(?<![\w])(?:januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|"
    r"january|february|march|june|july|august|october|december)[ \t,]+(?:19|20)\d\d(?![\w])"
    r"|(?<![\w])(?i:bulan|bln\.?)[ \t]+(?:1[0-2]|0?[1-9])(?:[ \t]+|[ \t]*(?:tahun|thn)[ \t]+)(?:19|20)\d\d(?![\w])"
    r"|(?<![\w.,/])(?:[12]\d|3[01]|0?[1-9])[ \t]+(?:januari|februari|maret|april|mei|juni|juli|agustus|september|"
    r"oktober|november|desember|january|february|june|july|august|october|december|jan|feb|jun|jul|agt|agu|"
    r"ags|aug|sep|sept|okt|oct|nov|nop|des|dec)\.?(?:[ \t,]+(?:19|20)\d\d)?(?![\w])"
)
_LOWER_MONTH_YEAR: Final = re.compile(lead_set(_LOWER_MONTH_YEAR_SOURCE))
"""A lower-case month with its year, a month's number and year after "bulan", or a day and a lower-case month as
typed in a chat (``12 oktober``, ``12 okt``; not "may", "march" or "apr", English words too)."""
_CUED_SPACED: Final = re.compile(
    r"(?i:\b(?:tanggal|tgl\.?)[ \t]+)(?P<d>(?:[12]\d|3[01]|0?[1-9])[ \t]+(?:1[0-2]|0?[1-9])[ \t]+(?:19|20)\d\d)(?![\w])"
)
"""A day, month and year separated by spaces after a date word (``tanggal 12 10 2024``)."""
_HIJRI_MONTHS = (
    r"Muharram|Muharam|Safar|Sapar|Rabiul[ \t]+(?:Awal|Akhir|Awwal|Tsani)|Rabi'?ul[ \t]+(?:Awal|Akhir)|"
    r"Jumadil[ \t]+(?:Awal|Akhir|Ula|Tsani)|Jumadilawal|Jumadilakhir|Rajab|Sya'?ban|Ramadan|Ramadhan|Syawal|Syawwal|"
    r"Shawwal|Dzulqa'?dah|Zulkaidah|Dzulhijjah|Zulhijah|Dhul[ \t]+Hijjah|Sura|Suro|Mulud|Rejeb|Ruwah|Sawal|"
    r"Dulkangidah"
)
_HIJRI_DATE: Final = re.compile(
    rf"(?<![\w])(?:[12]\d|3[01]|0?[1-9])[ \t]+(?:{_HIJRI_MONTHS})[ \t]+\d{{3,4}}(?:[ \t]?(?:H|AH|Hijriah|Hijriyah|"
    r"Hijriyyah|Jawa|J)\b\.?)?(?![\w])"
)
"""A day, an Islamic or Javanese month and its year, with the era letter (``3 Syawal 1369 H``, ``12 Sapar 1955``)."""
_HIJRI_GATE: Final = trigger([m for m in re.findall(r"[A-Z][a-z]+", _HIJRI_MONTHS)])
_DAY_PAIR: Final = re.compile(
    rf"(?<![\w])(?:{_MONTHS})\.?[ \t]+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?[ \t]*(?:and|&|-|–|to|dan|sampai|s/d)"
    r"[ \t]*(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?:,?[ \t]+(?:19|20)\d\d)?(?![\w])"
)
"""Two days of one month (``June 27th and 28th, 2021``): one date span, as the corpus writes it."""
_ID_ABBR_LEAD: Final = re.compile(r"(?<![\w'’])(?:Sen|Sel|Rab|Kam|Jum|Sab|Min|Ahd),[ \t]*(?=\d)")
"""An Indonesian weekday's abbreviation and its comma before a date (``Sel, 5 Nov 2024``, as chat apps head a
day); the date itself must follow."""
_ID_ABBR_GATE: Final = trigger(["Sen,", "Sel,", "Rab,", "Kam,", "Jum,", "Sab,", "Min,", "Ahd,"])
_WEEKDAY_AFTER: Final = re.compile(
    r"(?<![\w/.\-])(?:\d{4}[/.\-]\d{1,2}[/.\-]\d{1,2}|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4})[ \t]?\("
    r"(?:Sen|Sel|Rab|Kam|Jum|Sab|Min|Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?\)"
)
"""A numeric date with its weekday in brackets (``2024/02/14(Rab)``, as LINE heads a day)."""
_WEEKDAY_AFTER_GATE: Final = trigger(
    [f"({w}" for w in "Sen Sel Rab Kam Jum Sab Min Mon Tue Wed Thu Fri Sat Sun".split()]
)
_LOWER_MONTH_GATE: Final = AllOf(
    trigger(
        [
            "januari",
            "februari",
            "maret",
            "april",
            "mei",
            "juni",
            "juli",
            "agustus",
            "september",
            "oktober",
            "november",
            "desember",
            "january",
            "february",
            "march",
            "june",
            "july",
            "august",
            "october",
            "december",
            "bulan",
            "Bulan",
            "bln",
            "Bln",
            "jan",
            "feb",
            "jun",
            "jul",
            "ag",
            "aug",
            "sep",
            "okt",
            "oct",
            "nov",
            "nop",
            "des",
            "dec",
        ]
    ),
    WordLines(
        words=(
            "januari februari maret april mei juni juli agustus september oktober november desember january february "
            "march june july august october december bulan bln jan feb jun jul agt agu ags aug sep sept okt oct nov "
            "nop des dec"
        ).split()
    ),
)
"""The lines holding one of the literals (as before) AND one of the words as a whole word (any case): each match of
:data:`_LOWER_MONTH_YEAR` holds such a word, and the literals alone ("ag", "sep", "des", "jan") are found inside
thousands of ordinary words ("bagi", "sepi", "desa", "jangan"), a quarter of the text to scan. (The literals miss
an upper-case "BULAN 3 2023", which the pattern would match: kept so, the output unchanged.)"""


_LOWER_MONTH_GATE_CUE: Final = trigger(["tanggal", "Tanggal", "tgl", "Tgl", "TGL"])


_UPPER_MONTHS = (
    "JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC|JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|"
    "SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|JANUARI|FEBRUARI|MARET|MEI|JUNI|JULI|AGUSTUS|OKTOBER|DESEMBER|AGU|OKT|DES"
)
_UPPER_MONTH_FIRST: Final = re.compile(
    rf"(?<![\w])(?:{_UPPER_MONTHS})\.?[ \t]+(?:[12]\d|3[01]|0?[1-9])(?:,?[ \t]+(?:19|20)\d\d)?(?![\w]|[.:/\-]\d)"
)
"""``APR 9, 2024``: a month in capitals before its day, as Messenger heads a conversation's days."""
_HEAD_END: Final = re.compile(r"[ \t]*(?:$|[,·\-–][ \t]*\d)", re.MULTILINE)
_ID_MONTHS = (
    "Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember|"
    "January|February|March|May|June|July|August|October|December"
)
_MONTH_YEAR_WORD: Final = re.compile(
    rf"(?<![\w])(?:{_ID_MONTHS})[ \t]+(?i:tahun|thn\.?|taun|of)[ \t]+(?:19|20)\d\d(?![\w])"
    rf"|(?<![\w])(?:{_ID_MONTHS})[ \t]+(?i:tanggal|tgl\.?|tang)[ \t]*(?:[12]\d|3[01]|0?[1-9])(?![\w]|[/.\-]\d)"
)
"""``Juni tahun 2016``, ``June of 2016``: a month and its year joined by the year word; a month and its day after
"tanggal" (``Mei tanggal 5``)."""
_MONTH_RANGE: Final = re.compile(
    rf"(?i:\b(?:from|dari|between|antara|sejak|since|mulai)[ \t]+)(?P<a>{_ID_MONTHS})"
    rf"(?i:[ \t]*(?:-|–|to|until|till|sampai|sampe|hingga|s/d|sd|and|dan|through)[ \t]*)"
    rf"(?={_ID_MONTHS}[ \t,]+(?:(?i:tahun|thn\.?|of)[ \t]+)?(?:19|20)\d\d\b)"
)
"""The first month of a range whose second month carries the year (``dari Januari sampai Juni 2024``): one
date each, as the corpus writes them."""
_WEEKDAY_ORDINAL: Final = re.compile(
    rf"(?<![\w'’])(?:{_WEEKDAYS}|(?:{_WEEKDAY_ABBR})\.?)(?:,?[ \t]+the|,|(?=[ \t]+\d))[ \t]+{_ORDINAL}(?![\w])"
    rf"(?![ \t]+of\b)"
    rf"|(?<![\w'’])(?:{_WEEKDAYS})[ \t]+(?i:tanggal|tgl\.?)[ \t]*(?:[12]\d|3[01]|0?[1-9])(?![\w]|[/.\-]\d)"
)
"""A weekday and a day of the month alone (``Tuesday the 4th``, ``Fri the 13th``, ``Senin tanggal 4``): an English
abbreviation too, with its capital, before an ordinal with its suffix (the model had read ``Fri`` as a name)."""
_SHORT_YEAR_SOURCE: Final = (
    rf"(?<![\w.,/])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?:[ \t]+of)?[ \t]+(?:{_ALL_MONTHS})\.?"
    r"(?:,?[ \t]+['’]\d\d|[ \t]+\d\d(?![ \t]*(?:[:.]\d|(?i:orang|people|jam|hours?|menit|minutes?|km|kg|ribu|rb|"
    r"x|kali|pcs|items?|drops?|orders?|trips?)\b)))(?![\w'’]|[/.\-]\d)"
)
_SHORT_YEAR: Final = re.compile(lead_set(_SHORT_YEAR_SOURCE))
"""A day and a month with a two-digit year (``4 Mar 24``, ``4 Maret '24``, ``3rd of Jan '91``); not a clock time
or a count after the month (``5 Mar 10.30``, ``4 Jan 12 orang``)."""
_MONTH_GATE: Final = AllOf(trigger(_ID_MONTHS.split("|")), DIGIT_LINES)
"""A month's name (capitalised) and a digit on the line: every match of the month-and-number patterns holds both."""
_MONTH_DIGIT_GATE: Final = AllOf(trigger(_ALL_MONTHS.split("|")), DIGIT_LINES)
_UPPER_GATE: Final = AllOf(trigger(_UPPER_MONTHS.split("|")), DIGIT_LINES)


_PAIR_THEN_STOP: Final = re.compile(r"(?:[12]\d|3[01]|0?[1-9])/(?:[12]\d|3[01]|0?[1-9])(?=\.(?!\d))")
"""A day and month at a sentence's end (``Sat 15/02.``), which :data:`_DATE_NUM` leaves to a year's dot."""


def _date_at(text: str, pos: int) -> int:
    """The end of the date that starts at ``pos`` (0 when none does)."""
    for rx in (_SHORT_YEAR, _DATE_WORDS, _UPPER_DATE, _DATE_NUM, _PAIR_THEN_STOP):
        m = rx.match(text, pos)
        if m is not None:
            return m.start() + len(m.group(0).rstrip(". ,"))
    return 0


def _over(rx: re.Pattern[str], text: str, lines: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    n = len(text)
    for start, end in lines:
        yield from rx.finditer(text, start, min(n, end + 1))


def find_dated_days(text: str) -> Iterator[Detection]:
    """Dates with their weekday or their "the" (one span), upper-case day-month heads, lower-case months with a
    year; a weekday and a day alone, months joined to their year by a word, month ranges and pairs of days."""
    weekday_lines = _WEEKDAY_GATE.lines(text)  # one pass of the weekday gate for both weekday patterns
    for m in _over(_WEEKDAY_LEAD, text, weekday_lines):
        end = _date_at(text, m.end())
        if end:
            yield Detection(m.start(), end, "DATE", 0.9, "date.weekday", text[m.start() : end])
    for m in _over(_WEEKDAY_ORDINAL, text, weekday_lines):
        yield Detection(m.start(), m.end(), "DATE", 0.85, "date.weekday", m.group(0))
    for m in gated_finditer(_THE_ORDINAL, _THE_DATE_GATE, text):
        end = _date_at(text, m.end())
        if end:
            yield Detection(m.start(), end, "DATE", 0.9, "date.the", text[m.start() : end])
    for m in lines_finditer(_UPPER_DATE, DIGIT_LINES, text):
        yield Detection(m.start(), m.end(), "DATE", 0.85, "date.upper", m.group(0))
    for m in gated_finditer(_LOWER_MONTH_YEAR, _LOWER_MONTH_GATE, text):
        yield Detection(m.start(), m.end(), "DATE", 0.85, "date.lower", m.group(0))
    for m in gated_finditer(_CUED_SPACED, _LOWER_MONTH_GATE_CUE, text):
        yield Detection(m.start("d"), m.end("d"), "DATE", 0.85, "date.cued_spaced", m.group("d"))
    for m in gated_finditer(_UPPER_MONTH_FIRST, _UPPER_GATE, text):
        if not m.group(0)[-4:].isdigit() and (
            (m.start() and text[m.start() - 1] != "\n") or not _HEAD_END.match(text, m.end())
        ):
            continue  # "MAY 5 people": without a year, only a day's head alone on its line (or before a time)
        yield Detection(m.start(), m.end(), "DATE", 0.85, "date.upper", m.group(0))
    month_lines = _MONTH_GATE.lines(text)  # one gate for the three month-and-number patterns
    for m in gated_finditer(_SHORT_YEAR, _MONTH_DIGIT_GATE, text):
        yield Detection(m.start(), m.end(), "DATE", 0.88, "date.short_year", m.group(0))
    for m in _over(_MONTH_YEAR_WORD, text, month_lines):
        yield Detection(m.start(), m.end(), "DATE", 0.88, "date.month_year", m.group(0))
    for m in _over(_MONTH_RANGE, text, month_lines):
        yield Detection(m.start("a"), m.end("a"), "DATE", 0.8, "date.range", m.group("a"))
    for m in _over(_DAY_PAIR, text, month_lines):
        yield Detection(m.start(), m.end(), "DATE", 0.88, "date.day_pair", m.group(0))
    for m in gated_finditer(_HIJRI_DATE, _HIJRI_GATE, text):
        yield Detection(m.start(), m.end(), "DATE", 0.9, "date.hijri", m.group(0))
    for m in gated_finditer(_ID_ABBR_LEAD, _ID_ABBR_GATE, text):
        end = _date_at(text, m.end())
        if end:
            yield Detection(m.start(), end, "DATE", 0.9, "date.weekday", text[m.start() : end])
    for m in gated_finditer(_WEEKDAY_AFTER, _WEEKDAY_AFTER_GATE, text):
        yield Detection(m.start(), m.end(), "DATE", 0.9, "date.weekday", m.group(0))


_AMOUNT_AFTER: Final = re.compile(r"(?i:[ \t]+(?:of|dari|cups?|kilos?|kg|liters?|litres?|jam|hours?|bagian|porsi)\b)")


def _proper_fraction(pair: str) -> bool:
    """``1/2``, ``3/4``: a numerator below a small denominator, read as a fraction before a date."""
    top, bottom = (int(x) for x in pair.split("/"))
    return top < bottom <= 8


_HOUR_BEFORE: Final = re.compile(r"(?i:\b(?:jam|pukul|pkl)\.?[ \t]*)$")
_CLOCK_AFTER: Final = re.compile(r"[ \t]*(?i:pagi|siang|sore|malam|subuh|night|morning|evening|am|pm|a\.m|p\.m)\b")


def _hours(text: str, start: int, end: int, first: int, second: int) -> bool:
    """``jam 10/11``, ``10/11 malam``, ``mulai 9/10 pagi``: two hours, not a day and a month (after "jam" or
    "pukul", or both numbers hours before a clock word)."""
    if _HOUR_BEFORE.search(text, max(0, start - 12), start):
        return True
    return first <= 12 and second <= 12 and _CLOCK_AFTER.match(text, end) is not None


def _lone_pairs(text: str, paired: set[int]) -> Iterator[Detection]:
    """Day/month pairs only a date can be (:data:`_LONE_PAIR`), wherever they stand, but those a cue found
    (``paired``: their starts) (shapes28)."""
    for m in gated_finditer(_LONE_PAIR, _RANGE_GATE, text):
        pair = m.group("d")
        if m.start("d") in paired:
            continue
        first, second = (int(x) for x in pair.split("/"))
        if not (first > 12 >= second or second > 12 >= first) or pair == "24/7":
            continue  # "3/4", "10/10": a fraction or a score as often as a date; "20/20": neither
        if _AMOUNT_AFTER.match(text, m.end()) or _NUMBER_NOUN.search(text, max(0, m.start() - 14), m.start()):
            continue
        if _COUNT_AFTER.match(text, m.end()) or _SCORE_BEFORE.search(text, max(0, m.start() - 24), m.start()):
            continue  # "scored 11/20", "5/16 inch": a score or a measure
        if _STREET_AFTER.match(text, m.end()):
            continue  # "4/27 quarrion court": a unit and a house number before the street
        day = _WEEKDAY_BEFORE.search(text, max(0, m.start() - 16), m.start())
        if day is not None:
            yield Detection(day.start(), m.end("d"), "DATE", 0.9, "date.weekday", text[day.start() : m.end("d")])
            continue
        yield Detection(m.start("d"), m.end("d"), "DATE", 0.75, "date.pair", pair)


def find_more_dates(text: str) -> Iterator[Detection]:
    """Dates with "the", with a month's abbreviation or Roman numeral between separators, in form words, and
    day/month ranges."""
    for m in gated_finditer(_THE_DATE, _THE_DATE_GATE, text):
        yield Detection(m.start(), m.end(), "DATE", 0.85, "date.the", m.group(0))
    for rx, name in ((_DAY_MON_YEAR, "date.abbr"), (_ROMAN, "date.roman")):
        for m in gated_finditer(rx, _SEPARATED_GATE, text):
            yield Detection(m.start(), m.end(), "DATE", 0.88, name, m.group(0))
    forms = [(m.start(), m.end()) for m in gated_finditer(_FORM_WORDS, _FORM_GATE, text)]
    for start, end in forms:
        yield Detection(start, end, "DATE", 0.88, "date.form", text[start:end])
    for det in find_dated_days(text):
        if not any(s < det.end and det.start < e for s, e in forms):  # "tgl 5 bln 6 thn 2021" holds "bln 6 ..."
            yield det
    for m in gated_finditer(_RANGE, _RANGE_GATE, text):
        if _AMOUNT_AFTER.match(text, m.end()) or all(_proper_fraction(m.group(g)) for g in ("a", "b")):
            continue  # "from 1/2 to 3/4 of the cake": fractions
        for g in ("a", "b"):
            yield Detection(m.start(g), m.end(g), "DATE", 0.8, "date.range", m.group(g))
    paired: set[int] = set()
    for m in gated_finditer(_ON_PAIR, _RANGE_GATE, text):
        group = "d" if m.group("d") is not None else "t"
        pair = m.group(group)
        first, second = (int(x) for x in pair.split("/"))
        if pair == "24/7" or min(first, second) > 12 or _proper_fraction(pair) or _AMOUNT_AFTER.match(text, m.end()):
            continue
        if _hours(text, m.start(group), m.end(group), first, second):
            continue
        paired.add(m.start(group))
        yield Detection(m.start(group), m.end(group), "DATE", 0.75, "date.pair", pair)
    yield from _lone_pairs(text, paired)
    yield from find_said_dates(text)  # misspelt months, seasons with a year (date_forms.py)
