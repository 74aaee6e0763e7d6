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
  ``-year-old`` not of a thing (``agetalk``'s);
* **DATE**: a digit, a number word or a month; digits with words only beside a month, a weekday, an ordinal or
  "tanggal" (``patterns``' and ``dates``' lists: a lower-cased postcode is none); no unit or amount after its
  number (``dates``'s and ``agetalk``'s: ``Friday 12 hours``); day/month pairs and triples a real day and month
  (1-31, 1-12), not two clock hours nor a fraction (``dates``'s: ``jam 8/9``, ``3/4 of``), and a pair without a
  year only after a date cue or before a time (``patterns``': ``tanggal 25/06``; ``24/7 support`` is none);
* **NATIONAL_ID**: what the identity rules find in the span alone (``ids.find_checked_ids``: a published shape and
  its check digit, a NIK's structure; a payment card's Luhn digit is no identity's, nor is a bare run of eight
  digits), or an identity-document word (``shapes.is_document_word``) in the same sentence, as the rules' cued
  numbers (``It was a sin. The number was ...`` holds none);
* **PLATE**: a plate's shape (``plates``'s) on a line that holds lower-case letters (upper-cased prose reads as
  plates to the model).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from ._text import line_before
from .agecontext import _asked_how_long
from .agecues import _KIN, _KIN_ID_WORDS
from .ageforms import _DURATION_BEFORE, _SOMEONE, _how_long
from .agetalk import _MONEY_AFTER, _NOT_AGE_AFTER, _THINGS, _fraction_of_person
from .agewhen import _age_asked, _age_range, _sentence_start
from .date_forms import _MONTH_NAMES
from .dates import _AMOUNT_AFTER, _WEEKDAY_ABBR, _WEEKDAYS, _hours, _proper_fraction
from .ids import find_checked_ids
from .numwords import EN_NUM, ID_NUM, parse_number
from .patterns import _DATE_CUE_BEFORE, _TIME_AFTER
from .patterns import _MONTHS as _ALL_MONTHS
from .plates import _plate_code
from .shapes import is_document_word

__all__ = ["CHECKED_TYPES", "validated"]

CHECKED_TYPES: Final = frozenset({"AGE", "DATE", "NATIONAL_ID", "PLATE"})
_NUMBER: Final = re.compile(rf"(?<![\w\-])(?:\d+|(?i:{EN_NUM}|{ID_NUM}))(?![\w])")
_YEAR_UNIT: Final = re.compile(r"(?i:\b(?:years?|yrs?|tahun|taun|taon|thn)\b)")
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
_DATE_WORD: Final = re.compile(
    rf"\d(?i:st|nd|rd|th)\b|(?<![\w'’])(?i:{_ALL_MONTHS}|{_WEEKDAYS}|{_WEEKDAY_ABBR}|tanggal|tgl)(?![\w'’])"
)


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


def _age(text: str, start: int, end: int, persons: Sequence[int]) -> bool:
    span = text[start:end]
    if _how_long(text, (start, end)) or not _of_someone(text, start, persons):
        return False  # "Nikahnya sekarang 12 tahun", "Usaha itu, tiga tahun jalan", "We paid 12, 34, and 56"
    number = _NUMBER.search(span)
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


def _date(text: str, start: int, end: int) -> bool:
    span = text[start:end]
    if span[-1:].isdigit() and (_AMOUNT_AFTER.match(text, end) or _NOT_AGE_AFTER.match(text, end)):
        return False  # "Friday 12 hours", "5 kilos": a number of something, no day
    if not any(ch.isdigit() for ch in span):
        return _NUMBER.search(span) is not None or _MONTH.search(span) is not None
    if not _DIGITS_SPAN.fullmatch(span):
        return _DATE_WORD.search(span) is not None  # "9th of", "Friday 12", "22 Juli 2024"; not "g33 5rl"
    parts = _PARTS.fullmatch(span.strip())
    if parts is None:
        return bool(re.fullmatch(r"\d{4}", span.strip()))  # a year alone; other digit runs are no date
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
    lo = max(text.rfind("\n", 0, start), *(text.rfind(p + " ", 0, start) for p in ".!?")) + 1
    stops = [i for i in (text.find(p, end) for p in ".!?\n") if i >= 0]
    sentence = text[lo : min(stops) if stops else len(text)]
    return any(is_document_word(w) for w in _WORDS.findall(sentence))  # a document word in its sentence, as a cue


def _plate(text: str, start: int, end: int) -> bool:
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    if not any(ch.islower() for ch in text[lo : hi if hi >= 0 else len(text)]):
        return False  # "I LIVE IN TOTTENHAM": capitals are no evidence where the line holds no lower case
    return _plate_code(text[start:end], text[end : end + 80])


def validated(text: str, start: int, end: int, kind: str, persons: Sequence[int] = ()) -> bool:
    """Whether the model's span ``text[start:end]`` of type ``kind`` passes the rules' validation of that type
    (named types and types not checked here pass); ``persons``: where the PERSON detections of ``text`` start."""
    if kind == "AGE":
        return _age(text, start, end, persons)
    if kind == "DATE":
        return _date(text, start, end)
    if kind == "NATIONAL_ID":
        return _national_id(text, start, end)
    if kind == "PLATE":
        return _plate(text, start, end)
    return True
