"""Surrogates of the dates :mod:`makna.privacy.date_forms` finds: a misspelt month and a season with its year (#11).

* a **misspelt month** (``Nopembr 2021``) is read as the month it stands for and moved like any other date (the
  surrogate is spelt right: ``Maret 2024``), so no misspelling passes through unchanged;
* a **season with its year** (``spring 2017``, ``late autumn 2023``, ``the summer of 2019``) moves by the project's
  date offset from the middle of the season, and takes the season and year of the date it lands on (``spring
  2022`` with +200 days: ``autumn 2022``); an offset too small to leave the season moves it one season in the
  offset's direction, so no season stays as it was. The words around the season (``late``, ``the ... of``) stay.
* a **weekday** said with a date (``Senin, 25 November 2024``, ``Tuesday the 13th of August``) moves with it: a
  date moved by N days falls N days later in the week whatever its year, so the weekday is the original's moved
  by N mod 7 (and a Javanese market day, ``Kamis Pahing``, by N mod 5), in the original's language and case.
  Kept as it was, it contradicted the new date, and with the date it showed the offset modulo seven.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from .date_forms import PASARAN, WEEKDAY_SPELLINGS, WEEKS, near_month, weekday_words

__all__ = ["move_weekdays", "respell_month", "shift_season"]

_WORD: Final = re.compile(r"[A-Za-z]{6,10}")
_SEASON: Final = re.compile(
    r"(?i)\b(?P<s>spring|summer|autumn|fall|winter)\b(?P<mid>(?:[ \t]+of)?[ \t,]+)(?P<y>(?:19|20)\d\d)\b"
)
_ORDER: Final = ("winter", "spring", "summer", "autumn")
_MIDDLE: Final = {"winter": 1, "spring": 4, "summer": 7, "autumn": 10, "fall": 10}
"""The month in the middle of each season (northern: the English interviews are set in London)."""


_WEEKS: Final = tuple(tuple(w.lower() for w in week) for week in WEEKS)
_PASARAN: Final = tuple(w.lower() for w in PASARAN)
_SPELLINGS: Final = {k.lower(): v.lower() for k, v in WEEKDAY_SPELLINGS.items()}
_DAY_OF: Final[dict[str, tuple[tuple[str, ...], int]]] = {}
for _week in (*_WEEKS, _PASARAN):  # a word of two lists ("sabtu") is read in the first: Indonesian before Minang
    for _i, _w in enumerate(_week):
        _DAY_OF.setdefault(_w, (_week, _i))
_DAY_WORD: Final = re.compile(rf"(?i)(?<![\w'’])(?:{weekday_words(*WEEKS, PASARAN)})(?![\w'’])")


def move_weekdays(text: str, offset: int) -> str:
    """``text`` (a date's surrogate, its weekday words as the original had them) with each weekday moved by
    ``offset`` days and each Javanese market day with it, written in the same list and case."""

    def moved(m: re.Match[str]) -> str:
        word = m.group(0)
        key = _SPELLINGS.get(word.lower(), word.lower())
        week, i = _DAY_OF[key]
        new = week[(i + offset) % len(week)]
        return new.upper() if word.isupper() and len(word) > 1 else new.capitalize() if word[:1].isupper() else new

    return _DAY_WORD.sub(moved, text)


def respell_month(original: str) -> str | None:
    """``original`` with its misspelt month written right (``Nopembr 2021`` -> ``Nopember 2021``), or None when it
    holds no misspelt month."""
    for m in _WORD.finditer(original):
        name = near_month(m.group(0))
        if name is not None:
            right = name.capitalize() if m.group(0)[:1].isupper() else name
            return original[: m.start()] + right + original[m.end() :]
    return None


def _season_of(month: int) -> str:
    return _ORDER[(month % 12) // 3]


def shift_season(original: str, offset: int) -> str | None:
    """A season and its year moved by ``offset`` days (see the module documentation); None when ``original`` holds
    no season with a year."""
    m = _SEASON.search(original)
    if m is None:
        return None
    word = m.group("s")
    season = "autumn" if word.lower() == "fall" else word.lower()
    year = int(m.group("y"))
    new = dt.date(year, _MIDDLE[season], 15) + dt.timedelta(days=offset)
    new_season = _season_of(new.month)
    new_year = new.year
    if new_season == season and new_year == year:
        step = 1 if offset >= 0 else -1
        i = _ORDER.index(season) + step
        new_season = _ORDER[i % 4]
        new_year = year + (1 if i > 3 else -1 if i < 0 else 0)
    if word.lower() == "fall" and new_season == "autumn":
        new_season = "fall"
    if word[:1].isupper():
        new_season = new_season.upper() if word.isupper() else new_season.capitalize()
    return original[: m.start()] + new_season + m.group("mid") + str(new_year) + original[m.end() :]
