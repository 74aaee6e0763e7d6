"""Age surrogates: one project rule for every way an age is written.

Every age of a project moves by the project's one ``age_offset`` (1 or 2 years, up or down, drawn once
from the project secret and kept in the key file; a larger one, up to 9, where 1 and 2 would move an age
of the project onto another: :meth:`makna.privacy.KeyMapping.settle_offsets`), whatever else the project
holds: the same age always
becomes the same surrogate, and the differences between informants' ages stay true (a 34-year-old and
her 41-year-old neighbour stay seven years apart). An age keeps its form: digits stay digits (``34
tahun`` -> ``36 tahun``), words stay words in their language or dialect (``dua puluh lima tahun`` ->
``dua puluh tujuh tahun``, ``twenty-three`` -> ``twenty-five``, Minang ``tigo puluah sambilan`` ->
``ampek puluah ciek``, Sundanese ``tilu puluh dalapan`` -> ``opat puluh``; Javanese and other regional
numbers are written in Indonesian words), the unit is kept as written (``tahun``, ``thn``, ``years
old``, ``yrs``...). Ages of 90 and over become 90 (too few people to hide among), and no age goes
below 1. A decade (``40-an``, ``tiga puluhan``, ``in his forties``, ``30s``) moves one decade in the
offset's direction (``40-an`` -> ``50-an`` for an upward offset), so it never stays as it was.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["shift_age", "shift_age_text"]

_ID: Final = ("", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")
_MINANG: Final = ("", "ciek", "duo", "tigo", "ampek", "limo", "anam", "tujuah", "salapan", "sambilan")
_SUNDA: Final = ("", "hiji", "dua", "tilu", "opat", "lima", "genep", "tujuh", "dalapan", "salapan")
_JAWA: Final = ("", "siji", "loro", "telu", "papat", "limo", "enem", "pitu", "wolu", "songo")
_DIALECTS: Final = {"id": _ID, "minang": _MINANG, "sunda": _SUNDA, "jawa": _JAWA}
_TENS_WORD: Final = {"id": "puluh", "minang": "puluah", "sunda": "puluh"}
_TEENS_WORD: Final = {"id": "belas", "minang": "baleh", "sunda": "belas"}
_TEN: Final = {"id": "sepuluh", "minang": "sapuluah", "sunda": "sapuluh"}
_ELEVEN: Final = {"id": "sebelas", "minang": "sabaleh", "sunda": "sabelas"}
_EN_UNITS: Final = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split()
)
_EN_TENS: Final = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_EN_DECADES: Final = ("", "teens", "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
                      "nineties")
_UNIT: Final = re.compile(
    r"(?i)(?:[ \t\-]*(?:tahunan|tahun|taun|taon|thn|th|years?[ \t\-]+old|-year-old|years?|yrs?(?:[ \t]+old)?|yo|"
    r"y/o))$")
_SE: Final = {"sepuluh": (10, "id"), "sebelas": (11, "id"), "sewelas": (11, "id"), "sapuluah": (10, "minang"),
              "sabaleh": (11, "minang"), "sapuluh": (10, "sunda"), "sabelas": (11, "sunda")}


def shift_age(age: int, offset: int) -> int:
    """``age`` moved by ``offset``; 90 and over become 90, and no age goes below 1."""
    return 90 if age >= 90 else min(90, max(1, age + offset))


def _english(n: int) -> str:
    if n < 20:
        return _EN_UNITS[n]
    tens, unit = divmod(n, 10)
    return _EN_TENS[tens] + (f"-{_EN_UNITS[unit]}" if unit else "")


def _local(n: int, dialect: str) -> str:
    units = _DIALECTS[dialect]
    if n < 10:
        return units[n]
    if n == 10:
        return _TEN[dialect]
    if n == 11:
        return _ELEVEN[dialect]
    if n < 20:
        return f"{units[n - 10]} {_TEENS_WORD[dialect]}"
    tens, unit = divmod(n, 10)
    return f"{units[tens]} {_TENS_WORD[dialect]}" + (f" {units[unit]}" if unit else "")


def _parse_english(body: str) -> int | None:
    words = re.split(r"[\s\-]+", body.lower())
    if len(words) == 1 and words[0] in _EN_UNITS:
        return _EN_UNITS.index(words[0])
    if words and words[0] in _EN_TENS[2:]:
        tens = _EN_TENS.index(words[0]) * 10
        if len(words) == 1:
            return tens
        if len(words) == 2 and words[1] in _EN_UNITS[1:10]:
            return tens + _EN_UNITS.index(words[1])
    return None


def _unit_value(word: str) -> tuple[int, set[str]] | None:
    """A unit number word's value and the dialects that spell it so (``salapan``: 8 in Minang, 9 in
    Sundanese: the caller decides by the tens or teens word)."""
    found = {(units.index(word), d) for d, units in _DIALECTS.items() if word in units[1:]}
    if not found:
        return None
    values = {v for v, _d in found}
    return (min(values) if len(values) == 1 else -1), {d for _v, d in found}


def _parse_local(body: str) -> tuple[int, str] | None:
    """An Indonesian or regional number in words (1-99) and its dialect."""
    words = body.lower().split()
    if len(words) == 1 and words[0] in _SE:
        return _SE[words[0]]
    minang_marks = {"puluah", "baleh"}
    dialects = {"id", "minang", "sunda", "jawa"}
    if any(w in minang_marks for w in words):
        dialects = {"minang"}
    elif any(w in {"puluh", "belas", "las"} for w in words):
        dialects -= {"minang"}
    values: list[int] = []
    tens_at = teens_at = -1
    for i, w in enumerate(words):
        if w in {"puluh", "puluah", "poloh"}:
            tens_at = i
            continue
        if w in {"belas", "baleh", "las"}:
            teens_at = i
            continue
        got = _unit_value(w)
        if got is None:
            return None
        _v, where = got
        if not where & dialects:
            return None
        dialects &= where
        values.append(i)
    dialect = next((d for d in ("id", "minang", "sunda", "jawa") if d in dialects), "id")
    units = _DIALECTS[dialect]

    def val(i: int) -> int:
        return units.index(words[i])

    if teens_at >= 0 and len(values) == 1 and values[0] == teens_at - 1 and len(words) == 2:
        return 10 + val(values[0]), dialect
    if tens_at >= 0 and values and values[0] == tens_at - 1 and len(words) in {2, 3}:
        if len(words) == 3 and values[-1] != tens_at + 1:
            return None
        return val(values[0]) * 10 + (val(values[-1]) if len(words) == 3 else 0), dialect
    if tens_at < 0 and teens_at < 0 and len(values) == 1 and len(words) == 1:
        return val(0), dialect
    return None


def _decade(body: str, offset: int) -> str | None:
    """A decade moved one decade in the offset's direction (back the other way at either end)."""
    step = 1 if offset >= 0 else -1

    def moved(d: int, low: int) -> int:
        return d + step if low <= d + step <= 9 else d - step

    m = re.fullmatch(r"([1-9])0(-an|s|'s)", body)
    if m:
        return f"{moved(int(m.group(1)), 1)}0{m.group(2)}"
    low = body.lower()
    if low in _EN_DECADES[1:]:
        new = _EN_DECADES[moved(_EN_DECADES.index(low), 1)]
        return new.capitalize() if body[:1].isupper() else new
    if low == "belasan":
        new = "dua puluhan"
    else:
        m = re.fullmatch(r"(\w+)[ \t]*puluhan", low)
        if m is None or m.group(1) not in _ID[1:]:
            return None
        d = moved(_ID.index(m.group(1)), 2)
        new = "belasan" if d == 1 else f"{_ID[d]} puluhan"
    return new.capitalize() if body[:1].isupper() else new


def shift_age_text(original: str, offset: int) -> str | None:
    """The age ``original`` moved by ``offset``, written as the original was (see the module
    documentation); None when it is no age makna can read."""
    unit = _UNIT.search(original)
    body, tail = (original[: unit.start()], original[unit.start():]) if unit and unit.start() > 0 else (original, "")
    body = body.strip()
    decade = _decade(body, offset)
    if decade is not None:
        return decade + tail
    if body.isdigit():
        return f"{shift_age(int(body), offset)}" + tail
    english = _parse_english(body)
    if english is not None:
        new = _english(shift_age(english, offset))
        return (new.capitalize() if body[:1].isupper() else new) + tail
    local = _parse_local(body)
    if local is None:
        return None
    value, dialect = local
    new = _local(shift_age(value, offset), "id" if dialect == "jawa" else dialect)
    return (new.capitalize() if body[:1].isupper() else new) + tail
