"""Which of the learned layer's own ages, dates, identity numbers and plates may stand (issue 11, crfnum20).

The CRF of :mod:`makna.privacy.learned` tags ages said with their qualifier (``enam belas tahun jalan``), identity
numbers and plates without a cue word that the rules leave alone; it also tags, with the same probability, the
numbers that the age, date and identity-number rules refuse on purpose: a price with its fraction, a year of
birth, a duration in years, two clock hours with a slash, a payment card or a reference number. So a model span of
one of these types is added only if it passes the validation that the rules' spans of that type pass, by calling
the rules' own guards (never a copy, never a list of strings read from a corpus):

* **AGE**: said of someone, as the cue-less age rules require (``agewhen``, ``ageforms``): an age word near
  before it, or a person found, a pronoun or a kin noun earlier in its sentence, and no marriage, work or rent
  in its clause (``ageforms._how_long``: ``Nikahnya sekarang 12 tahun``); a number (digits or words, read by
  :func:`~makna.privacy.numwords.parse_number`) from 1 to 110 (a
  year of birth or a postcode is no age), one run of digits unless a range of ages (``agewhen``'s), with no sum,
  count or unit after it (``agetalk``'s), not a number of years after a word of duration (``ageforms``'s: ``alah
  limo baleh taun karajo``) nor answering how long (``agecontext``'s: ``Berapa lama di sini? / ... 25. Eh, dua
  tahun.``), a fraction only of a person (``agetalk``'s: ``The rent is 45 and a half`` is none), and
  ``-year-old`` not of a thing (``agetalk``'s); a bare number (no year unit after it) only where the cue-less
  rules read an age (checks21): opening its clause, after a person's copula, right after its person or age word
  (aspect words between), or after an age of its clause ("dua puluh enam, mau dua puluh tujuh"), so not after a
  verb ("he paid 40", "dia kasih 50");
* **DATE**: a digit, a number word or a month; digits with words only beside a month, a weekday, an ordinal or
  "tanggal" (``patterns``' and ``dates``' lists: a lower-cased postcode is none); no unit or amount after its
  number, in digits or words (``dates``'s and ``agetalk``'s: ``Friday 12 hours``, ``twelve minutes``); four digits
  only as a year with its cue before (a month, a season, ``span_edges``' "late"/"akhir": a bare year, a door code
  are none); a number word with no month only as a day (an ordinal, after "tanggal", a month or a weekday, or before
  a month: a lone "twelve" or "dua belas" is an hour or a count) (checks21); day/month pairs and triples a real
  day and month (1-31, 1-12), not two clock hours nor a fraction (``dates``'s: ``jam 8/9``, ``3/4 of``), and a
  pair without a year only after a date cue or before a time (``patterns``': ``tanggal 25/06``; ``24/7 support``
  is none);
* **NATIONAL_ID**: what the identity rules find in the span alone (``ids.find_checked_ids``: a published shape and
  its check digit, a NIK's structure; a payment card's Luhn digit is no identity's, nor is a bare run of eight
  digits), or an identity-document word (``shapes.is_document_word``) in the same sentence, as the rules' cued
  numbers (``It was a sin. The number was ...`` holds none), with as many digits as a cued rule takes (five), no
  year, date, amount or count after it (``ids``': "my passport cost 1200" is none) (checks21);
* **PLATE**: a plate's shape (``plates``'s) on a line that holds lower-case letters (upper-cased prose reads as
  plates to the model).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from ._text import line_before
from .agecontext import _ASPECT, _asked_how_long
from .agecues import _KIN, _KIN_ID_WORDS
from .ageforms import _DURATION_BEFORE, _SOMEONE, _how_long
from .agetalk import _MONEY_AFTER, _NOT_AGE_AFTER, _THINGS, _fraction_of_person
from .agewhen import _AGE_WORD, _COMMA_OPENER, _OPENER, _age_asked, _age_range, _copula_of_person, _sentence_start
from .date_forms import _MONTH_NAMES, _SEASONS
from .dates import _AMOUNT_AFTER, _ORD_WORDS, _WEEKDAY_ABBR, _WEEKDAYS, _hours, _proper_fraction
from .flight_numbers import is_flight_number
from .ids import _NHI_SHAPE, DATE_LIKE, find_checked_ids
from .ids import AMOUNT_AFTER as _ID_AMOUNT_AFTER
from .numwords import EN_NUM, ID_NUM, parse_number
from .patterns import _DATE_CUE_BEFORE, _TIME_AFTER, _YEAR
from .patterns import _MONTHS as _ALL_MONTHS
from .plates import _plate_code
from .shapes import is_document_word
from .span_edges import _PART_OF_MONTH

__all__ = ["CHECKED_TYPES", "validated"]

CHECKED_TYPES: Final = frozenset({"AGE", "DATE", "NATIONAL_ID", "PLATE"})
_NUMBER: Final = re.compile(rf"(?<![\w\-])(?:\d+|(?i:{EN_NUM}|{ID_NUM}))(?![\w])")
_YEAR_UNIT: Final = re.compile(r"(?i:\b(?:years?|yrs?|tahun(?:an)?|taun|taon|thn)\b)")
_FRACTION: Final = re.compile(
    r"[ \t]+(?i:and[ \t]+a[ \t]+(?:half|bit|quarter)|(?:dan[ \t]+|jo[ \t]+)?(?:setengah|satangah|separuh))\b"
)
_YEAR_OLD: Final = re.compile(r"(?i:-years?-old)(?![\w\-])")
_WORD: Final = re.compile(r"[A-Za-z]+")
_WORDS: Final = re.compile(r"[\w\-]+")
_MONTH: Final = re.compile(rf"(?i:\b(?:{'|'.join(_MONTH_NAMES)})\b)")
_PARTS: Final = re.compile(r"(\d{1,4})[/.\-](\d{1,4})(?:[/.\-](\d{2,4}))?")
_DIGITS_SPAN: Final = re.compile(r"[\d \-./,]+")
_KIN_NOUNS: Final = (
    _KIN | frozenset(_KIN_ID_WORDS.split("|")) | frozenset("he she dia beliau inyo ia his her him".split())
)
_DIGIT_RUN: Final = re.compile(r"\d+")
_DAY_NAMES: Final = rf"{_ALL_MONTHS}|{_WEEKDAYS}|{_WEEKDAY_ABBR}|tanggal|tgl"
_DATE_WORD: Final = re.compile(rf"\d(?i:st|nd|rd|th)\b|(?<![\w'’])(?i:{_DAY_NAMES})(?![\w'’])")
_ORDINAL_WORD: Final = re.compile(rf"(?<![\w'’])(?i:{_ORD_WORDS})(?![\w'’])")
_DAY_WORD_BEFORE: Final = re.compile(rf"(?<![\w'’])(?i:{_DAY_NAMES})\.?,?[ \t]+(?:(?i:the)[ \t]+)?$")
"""What makes a number said in words a day: a month, a weekday or "tanggal" right before it."""
_MONTH_AFTER: Final = re.compile(rf"[ \t]+(?:(?i:of)[ \t]+)?(?i:{_ALL_MONTHS})(?![\w'’])")
_YEAR_ALONE: Final = re.compile(_YEAR)
_YEAR_CUE: Final = re.compile(
    rf"(?<![\w'’])(?i:{_ALL_MONTHS}|{'|'.join(_MONTH_NAMES)}|{_SEASONS})\.?,?[ \t]+(?:(?i:of|tahun|thn)[ \t]+)?$"
)
"""What makes four digits a year of a date: a month or a season right before it (``span_edges._PART_OF_MONTH``
adds "late", "akhir", "pertengahan")."""
_ASPECT_AT_END: Final = re.compile(rf"(?i:\b(?:{_ASPECT}|jadi|so)),?[ \t]+$")
_LAST_WORD: Final = re.compile(r"([\w'’\-]+)[ \t]*$")
_AFTER_AGE: Final = re.compile(r"[ \t]*(?:,|(?i:and|dan|jo|sama|samo|or|atau))(?:[ \t]*[\w'’]+)?[,.]*[ \t]+")
"""Between an age and the next number of its clause: a list's comma or conjunction and one word at most."""
_CUED_DIGITS: Final = 5
"""The fewest digits of a code the cued identity rules take after a document word (``shapes.find_ids_more``,
``ids``' ``cue_more``); ``document_number`` asks six."""


def _of_someone(text: str, start: int, persons: Sequence[int]) -> bool:
    """Whether a number with no age cue is said of someone, as the cue-less age rules require (``agewhen``): an
    age word near before it, or a person found, a pronoun or a kin noun earlier in its sentence."""
    if _age_asked(text, start):
        return True
    begin = _sentence_start(text, start)
    if any(begin <= p < start for p in persons):
        return True
    before = text[begin:start]
    return _SOMEONE.search(before) is not None or any(w.lower() in _KIN_NOUNS for w in _WORDS.findall(before))


def _in_age_position(text: str, start: int, person_ends: Sequence[int], age_ends: Sequence[int] = ()) -> bool:
    """Whether a number stands where the cue-less age rules read an age (``agewhen``, ``agecontext``): opening
    its clause (``_OPENER``, ``_COMMA_OPENER``: "Salsabila, sebelas jalan", "eh, tiga puluh dua"), after a
    person's copula (``_copula_of_person``: "she's", "my nan's"), or right after its person (a pronoun, a kin noun,
    a PERSON found, "saya"/"I", an age word), aspect words between at most (``agecontext._ASPECT``: "dia
    sekarang", "Azzam kini"), or after an age in its clause, right after it (its tail: "28 tahun lewat anam
    bulan") or with a list's comma or conjunction and one word at most between (a correction, the next year's
    age, a list of ages). A verb between person and number makes it a
    sum or a count: "he paid 40", "dia kasih 50"."""
    before = text[text.rfind("\n", 0, start) + 1 : start]
    if _OPENER.search(before) or _COMMA_OPENER.search(before) or _copula_of_person(before):
        return True
    for _ in range(3):
        aspect = _ASPECT_AT_END.search(before)
        if aspect is None:
            break
        before = before[: aspect.start()]
        if _OPENER.search(before) or _COMMA_OPENER.search(before):
            return True
    here = start - len(text[text.rfind("\n", 0, start) + 1 : start]) + len(before.rstrip(" \t"))
    if here in person_ends:
        return True
    if any(
        0 <= start - e <= 24 and (_AFTER_AGE.fullmatch(text, e, start) or not text[e:start].strip()) for e in age_ends
    ):
        return True  # "dua puluh enam, mau dua puluh tujuh", "aged 4, 7 and 9": an age after an age in its clause
    word = _LAST_WORD.search(before)
    if word is None:
        return False
    w = word.group(1)
    return w.lower() in _KIN_NOUNS or _SOMEONE.fullmatch(w) is not None or _AGE_WORD.fullmatch(w) is not None


def _age(
    text: str, start: int, end: int, persons: Sequence[int], person_ends: Sequence[int], age_ends: Sequence[int]
) -> bool:
    span = text[start:end]
    if _how_long(text, (start, end)) or not _of_someone(text, start, persons):
        return False  # "Nikahnya sekarang 12 tahun", "Usaha itu, tiga tahun jalan", "We paid 12, 34, and 56"
    number = _NUMBER.search(span)
    unit = number is not None and _YEAR_UNIT.search(span, number.end()) is not None
    if not unit and not _in_age_position(text, start, person_ends, age_ends):
        return False  # "He paid 40 for it", "Dia kasih 50 kemarin": a bare number after a verb is a sum or a count
    value = parse_number(number.group(0)) if number is not None else None
    if value is None or not 1 <= value <= 110:
        return False  # "lahir 1958", a postcode, "this spring": no age's number
    if len(_DIGIT_RUN.findall(span)) > 1 and not _age_range(span):
        return False  # "ka 51 hx 2286" lower-cased: a plate's digits, no age nor a range of ages
    if _MONEY_AFTER.match(text, end) or _NOT_AGE_AFTER.match(text, end) or _asked_how_long(text, start):
        return False  # "45 quid", "20 orang", "ten minutes", an answer to "berapa lama?"
    at = start + number.start() if number is not None else start
    if _YEAR_UNIT.search(span, number.end() if number is not None else 0) or _YEAR_UNIT.match(text, end, end + 8):
        if _DURATION_BEFORE.search(text, max(0, at - 16), at):
            return False  # "alah limo baleh taun karajo": how long, not how old
    if _FRACTION.match(text, start + number.end() if number is not None else end) or _FRACTION.search(span):
        return _fraction_of_person(text, start, end)  # "The rent is 45 and a half"
    old = _YEAR_OLD.search(span)
    if old is not None:
        after = _WORD.match(text, start + old.end() + 1)
        return after is None or after.group(0).lower() not in _THINGS  # "a ten-year-old car"
    return True


def _year_cued(text: str, start: int, end: int) -> bool:
    """Whether the span ends in a year (19xx, 20xx) with what makes a year a date right before it, in the span or
    the line: a month (``patterns``' and ``date_forms``' months), a season (``date_forms._SEASONS``) or a word
    that places it in the year (``span_edges._PART_OF_MONTH``: "late", "akhir", "pertengahan"); a bare year, a
    door code or a price of four digits are none (the open annotations leave a bare year out)."""
    year = _YEAR_ALONE.search(text, max(start, end - 4), end)
    if year is None or year.end() != end or year.start() > start and text[year.start() - 1].isdigit():
        return False
    before = line_before(text, year.start(), 40)
    return _YEAR_CUE.search(before) is not None or _PART_OF_MONTH.search(before) is not None


def _day_word(text: str, start: int, end: int) -> bool:
    """Whether a number said in words (no digit, no month) is a day: an ordinal ("the twelfth"), or a cardinal
    right after "tanggal", a month or a weekday, or right before a month ("duo puluah ampek Agustus"), as the
    rules' spelt-out dates are (``dates``, ``span_edges``); a lone "twelve" or "dua belas" is a time or a count."""
    span = text[start:end]
    if _ORDINAL_WORD.search(span) or _DATE_WORD.search(span):
        return True
    return _DAY_WORD_BEFORE.search(line_before(text, start, 24)) is not None or bool(_MONTH_AFTER.match(text, end))


def _date(text: str, start: int, end: int) -> bool:
    span = text[start:end]
    last = _NUMBER.search(span, max(0, len(span.rstrip()) - 16))
    numbered = span[-1:].isdigit() or (last is not None and last.end() == len(span.rstrip()))
    if numbered and (_AMOUNT_AFTER.match(text, end) or _NOT_AGE_AFTER.match(text, end)):
        return False  # "Friday 12 hours", "5 kilos", "twelve minutes": a number of something, no day
    if not any(ch.isdigit() for ch in span):
        if _MONTH.search(span) is not None:
            return True
        numbered = _NUMBER.search(span) is not None or _ORDINAL_WORD.search(span) is not None
        return numbered and _day_word(text, start, end)
    if not _DIGITS_SPAN.fullmatch(span):
        if _DATE_WORD.search(span) is not None:
            return True  # "9th of", "Friday 12", "22 Juli 2024"; not "g33 5rl"
        return _year_cued(text, start, end)  # "late 2019", "akhir 2018"
    parts = _PARTS.fullmatch(span.strip())
    if parts is None:
        return _year_cued(text, start, start + len(span.rstrip()))  # "in late 2019"; not "the door code is 1984"
    first, second = int(parts.group(1)), int(parts.group(2))
    day_month = (1 <= first <= 31 and 1 <= second <= 12) or (1 <= first <= 12 and 1 <= second <= 31)
    if not day_month or (len(parts.group(1)) > 2 and parts.group(3) is None):
        return False  # "114/11/2024", "302-118-447"
    if parts.group(3) is None and "/" in span:
        pair = f"{first}/{second}"
        if _proper_fraction(pair) or _AMOUNT_AFTER.match(text, end) or _hours(text, start, end, first, second):
            return False  # "jam 8/9", "3/4 of"
    if parts.group(3) is None:  # a day and a month alone: a date only after a date cue or before a time, as
        cued = _DATE_CUE_BEFORE.search(line_before(text, start, 12)) is not None  # ``patterns.find_dates`` keeps
        return cued or _TIME_AFTER.match(text, end) is not None  # them ("24/7 support", "a 9-5 job" are none)
    return True


def _national_id(text: str, start: int, end: int) -> bool:
    raw = text[start:end]
    if any(d.start == 0 and d.end == len(raw) for d in find_checked_ids(raw)):
        return True  # a shape and check digit of a published scheme, a NIK's structure (not a card's Luhn digit)
    if sum(ch.isdigit() for ch in raw) < _CUED_DIGITS and not _NHI_SHAPE.fullmatch(raw.strip()):
        return False  # "my passport cost 1200": fewer digits than any cued identity rule takes
    if DATE_LIKE.fullmatch(raw.strip()) or _ID_AMOUNT_AFTER.match(text, end) or _AMOUNT_AFTER.match(text, end):
        return False  # a year, a date, an amount or a count ("150000 pounds")
    lo = max(text.rfind("\n", 0, start), *(text.rfind(p + " ", 0, start) for p in ".!?")) + 1
    stops = [i for i in (text.find(p, end) for p in ".!?\n") if i >= 0]
    sentence = text[lo : min(stops) if stops else len(text)]
    return any(is_document_word(w) for w in _WORDS.findall(sentence))  # a document word in its sentence, as a cue


def _plate(text: str, start: int, end: int) -> bool:
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    if not any(ch.islower() for ch in text[lo : hi if hi >= 0 else len(text)]):
        return False  # "I LIVE IN TOTTENHAM": capitals are no evidence where the line holds no lower case
    if is_flight_number(text, start, end):
        return False  # "we flew GA 402": an airline's designator and a flight number (``flight_numbers``)
    return _plate_code(text[start:end], text[end : end + 80])


def validated(
    text: str,
    start: int,
    end: int,
    kind: str,
    persons: Sequence[int] = (),
    person_ends: Sequence[int] = (),
    age_ends: Sequence[int] = (),
) -> bool:
    """Whether the model's span ``text[start:end]`` of type ``kind`` passes the rules' validation of that type
    (named types and types not checked here pass); ``persons`` and ``person_ends``: where the PERSON detections of
    ``text`` (the rules' and the model's) start and end; ``age_ends``: where its ages end."""
    if kind == "AGE":
        return _age(text, start, end, persons, person_ends, age_ends)
    if kind == "DATE":
        return _date(text, start, end)
    if kind == "NATIONAL_ID":
        return _national_id(text, start, end)
    if kind == "PLATE":
        return _plate(text, start, end)
    return True
