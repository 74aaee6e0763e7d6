"""Dates said the way people say them, not the way a calendar prints them (#11, round thirteen).

DATE (the whole phrase):

* **a month misspelt as people type it** (``Nopembr 2021``, ``Pebuari``, ``Septmber 2021``, ``Agusuts 2023``,
  ``12 Septmber``): a word of six letters or more one edit from a month's name (a letter left out, added, changed,
  or two swapped), with the same first letter (``P`` for ``F`` in Indonesian: ``Pebruari``), with a year after it
  or a day before it. A place or a first name of the lists is no month (``Augusta 2019``);
* **a season with its year** (``spring 2017``, ``since summer 2021``, ``late autumn 2023``): the season word and
  a four-digit year written together, with ``early``/``mid``/``late`` before it inside the span, as the corpus
  writes ``late August 2024``; not "the summer of 2019" or "Summer of 2022", told as a story and left out by most
  of the open annotations.

Only shapes and the months' own names: no value from a corpus.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Final

from . import gazetteers as gz
from ._digitruns import DigitLed
from ._fastrx import DIGIT_LINES, AllOf, gated_finditer, trigger
from .types import Detection

__all__ = ["PASARAN", "WEEKDAY_SPELLINGS", "WEEKS", "find_said_dates", "near_month", "weekday_words"]

WEEKS: Final = (
    ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
    ("Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"),
    ("Sinayan", "Salasa", "Raba", "Kamih", "Jumaik", "Sabtu", "Akaik"),
)
"""The weeks, each from Monday: English, its abbreviations, Indonesian, its abbreviations, Minang. The one list of
weekday words that moving a date's weekday (:func:`makna.privacy.date_surrogates.move_weekdays`) and a date's
edges (:mod:`makna.privacy.span_edges`) read."""
WEEKDAY_SPELLINGS: Final = {"Jum'at": "Jumat", "Jum’at": "Jumat", "Ahad": "Minggu", "Senen": "Senin",
                            "Sanayan": "Sinayan"}  # fmt: skip
"""Other spellings of a weekday, with the word of :data:`WEEKS` they stand for."""
PASARAN: Final = ("Legi", "Pahing", "Pon", "Wage", "Kliwon")
"""The Javanese five-day week (``pasaran``), in order."""


def weekday_words(*weeks: tuple[str, ...]) -> str:
    """A regular-expression alternation of the words of ``weeks`` (longest first), with their other spellings."""
    words = {w for week in weeks for w in week}
    words |= {other for other, word in WEEKDAY_SPELLINGS.items() if word in words}
    return "|".join(sorted(words, key=lambda w: (-len(w), w)))

_MONTH_NAMES: Final = (
    "januari februari pebruari maret april mei juni juli agustus september oktober november nopember desember "
    "january february march may june july august october december"
).split()
_LONG_MONTHS: Final = tuple(m for m in _MONTH_NAMES if len(m) >= 6)
"""The months long enough that one edit leaves them recognisable (``Maret``/``March``/``Juni`` one edit away are
"Market", "Match", "Jun"...: too many words)."""
_YEAR = r"(?:19|20)\d\d"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR_AFTER: Final = re.compile(
    rf"(?<![\w.,/])(?P<m>[A-Za-z][a-z]{{5,9}})\.?(?:[ \t,]+|[ \t]+(?:of|tahun|thn)[ \t]+){_YEAR}(?![\w])$"
)
"""A word of six to ten letters and a year, matched on the few words before a year (whether the word is a month is
checked after)."""
_YEAR_RX: Final = re.compile(rf"(?<![\w.,/:\-]){_YEAR}(?![\w]|[.,/:\-]\d)")
_DAY_BEFORE: Final = re.compile(
    rf"(?<![\w.,/:\-]){_DAY}(?:[ \t]+of)?[ \t]+(?P<m>[A-Za-z][a-z]{{5,9}})\.?(?:[ \t,]+{_YEAR})?(?![\w])"
)
"""A day and a word of six to ten letters (and maybe its year)."""
_YEAR_RUNS: Final = DigitLed(_YEAR_RX, 4)
_DAY_BEFORE_RUNS: Final = DigitLed(_DAY_BEFORE, 1)
"""Digit-led (:mod:`._digitruns`): each starts at a digit after no word character, its digits in a row."""
_SEASONS = r"spring|summer|autumn|fall|winter"
_SEASON_YEAR: Final = re.compile(
    rf"(?<![\w\-])(?<!(?i:of)[ \t])(?:(?i:early|mid|late)[ \t\-]+(?i:{_SEASONS})|(?i:spring|summer|autumn|winter)"
    r"|Fall|FALL|(?:(?<=(?i:\bin)[ \t])|(?<=(?i:\bby)[ \t])|(?<=(?i:\bthe)[ \t])|(?<=(?i:\bsince)[ \t]))fall)"
    rf"[ \t]+{_YEAR}(?![\w])"
)
"""A season and its year written together (``spring 2017``, ``late autumn 2023``); "fall" only capitalised or
after "in", "since", "by", "the", "early", "mid" or "late" (``prices fall 2020 onwards`` is a verb). "The summer
of 2019" is told as a story, and the open annotations leave it out (three writers of four: only the compact form is
read)."""
_SEASON_GATE: Final = AllOf(
    trigger([w for s in _SEASONS.split("|") for w in (s, s.capitalize(), s.upper())]), DIGIT_LINES
)


def _one_edit(word: str, name: str) -> bool:
    """``word`` is one edit from ``name``: a letter inserted, deleted or substituted, or two neighbours swapped."""
    if word == name or abs(len(word) - len(name)) > 1:
        return False
    if len(word) == len(name):
        diff = [i for i in range(len(word)) if word[i] != name[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and word[diff[0]] == name[diff[1]]
            and word[diff[1]] == name[diff[0]]
        )
    short, long = (word, name) if len(word) < len(name) else (name, word)
    i = 0
    while i < len(short) and short[i] == long[i]:
        i += 1
    return short[i:] == long[i + 1 :]


@lru_cache(maxsize=4096)
def near_month(word: str) -> str | None:
    """The month a misspelt word stands for (``Febuari`` -> ``februari``), or None: one edit from a month of six
    letters or more, its first letter kept (``P`` may stand for ``F``), no month itself and no listed place or
    first name."""
    low = word.lower()
    if low in _MONTH_NAMES or len(low) < 6:
        return None
    for name in _LONG_MONTHS:
        if low[0] != name[0] and not (low[0] == "p" and name[0] == "f"):
            continue
        if _one_edit(low, name) or (low[0] == "p" and _one_edit("f" + low[1:], name)):
            break
    else:
        return None
    if word in gz.all_places() or word in gz.first_names("id") or word in gz.first_names("en"):
        return None
    if low in gz.english_words() or low in gz.dictionary_words():
        return None
    return name


def find_said_dates(text: str) -> Iterator[Detection]:
    """Misspelt months with a day or a year, and seasons with their year (see the module documentation)."""
    seen: set[int] = set()
    for m in _DAY_BEFORE_RUNS.finditer(text):
        if near_month(m.group("m")) is not None:
            seen.add(m.end())
            yield Detection(m.start(), m.end(), "DATE", 0.82, "date.misspelt", m.group(0))
    for y in _YEAR_RUNS.finditer(text):
        if y.end() in seen:
            continue
        w = _YEAR_AFTER.search(text, max(0, y.start() - 20), y.end())
        if w is not None and near_month(w.group("m")) is not None:
            yield Detection(w.start(), w.end(), "DATE", 0.82, "date.misspelt", w.group(0))
    for m in gated_finditer(_SEASON_YEAR, _SEASON_GATE, text):
        yield Detection(m.start(), m.end(), "DATE", 0.8, "date.season", m.group(0))
