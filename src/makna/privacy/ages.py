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
offset's direction (``40-an`` -> ``50-an`` for an upward offset), so it never stays as it was; a part of a decade
(``mid twenties``, ``awal tiga puluhan``) keeps its decade band and moves the part (``late twenties``). "Kepala"
and "kapalo" with a decade (``kepala tiga``: in one's thirties) stay as written: the band is the coarse fact an
exact age beside it keeps (``kapalo duo lah, duo puluah ampek`` -> ``kapalo duo lah, duo puluah anam``), and a
decade moved alone would contradict it. (An exact age moved across its decade's end, ``29`` -> ``31``, still
leaves its "kepala" a band behind: the surrogate sees one span at a time.)
"""

from __future__ import annotations

import re
from typing import Final

from .numwords import (
    DIALECTS,
    EN_DECADES,
    EN_NUM,
    EN_TENS_WORDS,
    EN_UNIT_WORDS,
    ID_NUM,
    SPOKEN_PAIR,
    parse_english,
    parse_local,
    parse_number,
)

__all__ = ["shift_age", "shift_age_text", "shift_each_age"]

_ID: Final = DIALECTS["id"]
_TENS_WORD: Final = {"id": "puluh", "minang": "puluah", "sunda": "puluh"}
_TEENS_WORD: Final = {"id": "belas", "minang": "baleh", "sunda": "belas"}
_TEN: Final = {"id": "sepuluh", "minang": "sapuluah", "sunda": "sapuluh"}
_ELEVEN: Final = {"id": "sebelas", "minang": "sabaleh", "sunda": "sabelas"}
_UNIT: Final = re.compile(
    r"(?i)(?:[ \t\-]*(?:tahunan|tahun|taun|taon|thn|th|years?[ \t\-]+old|-year-old|years?|yrs?(?:[ \t]+old)?|yo|"
    r"y/o))$"
)
_PREFIX: Final = re.compile(r"(?i)(?:mid|early|late)[ \t\-]+|ke[ \t\-]*(?=\d|[a-z]+[ \t]+puluh)")
"""A part of a decade (``mid twenties``) or an ordinal's ``ke-`` (``ke-25``): kept, and the rest moved."""
_PAIR: Final = re.compile(SPOKEN_PAIR, re.IGNORECASE)


def shift_age(age: int, offset: int) -> int:
    """``age`` moved by ``offset``; 90 and over become 90, and no age goes below 1."""
    return 90 if age >= 90 else min(90, max(1, age + offset))


def _english(n: int) -> str:
    if n < 20:
        return EN_UNIT_WORDS[n]
    tens, unit = divmod(n, 10)
    return EN_TENS_WORDS[tens] + (f"-{EN_UNIT_WORDS[unit]}" if unit else "")


def _local(n: int, dialect: str) -> str:
    units = DIALECTS[dialect]
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


def _decade(body: str, offset: int) -> str | None:
    """A decade moved one decade in the offset's direction (back the other way at either end)."""
    step = 1 if offset >= 0 else -1

    def moved(d: int, low: int) -> int:
        return d + step if low <= d + step <= 9 else d - step

    kepala = re.fullmatch(r"(?i)(kepala|kapalo)([ \t]+)(\w+)", body)
    if kepala is not None:  # "kepala tiga" (in one's thirties) stays in its band: see the module documentation
        tens = kepala.group(3)
        value = int(tens) if tens.isdigit() and len(tens) == 1 else (parse_local(tens) or (0, ""))[0]
        return body if 2 <= value <= 9 else None
    m = re.fullmatch(r"([1-9])0(-an|s|'s)", body)
    if m:
        return f"{moved(int(m.group(1)), 1)}0{m.group(2)}"
    low = body.lower()
    if low in EN_DECADES[1:]:
        new = EN_DECADES[moved(EN_DECADES.index(low), 1)]
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


_PART: Final = re.compile(r"(?P<p>(?i:mid|early|late|pertengahan|awal|akhir))(?P<s>[ \t\-]+)(?P<d>.+)")
"""A part of a decade and the decade (``mid twenties``, ``Early-40s``, ``pertengahan dua puluhan``)."""
_FRACTION: Final = re.compile(r"(.+?)([ \t]+(?i:and)[ \t]+(?i:a)[ \t]+(?i:half|bit|quarter))")
"""An age and its fraction (``thirty-three and a half``, ``12 and a bit``)."""
_PARTS: Final = (("early", "mid", "late"), ("awal", "pertengahan", "akhir"))


def _moved_part(part: re.Match[str], offset: int) -> str:
    """A part of a decade moved one part in the offset's direction inside the same decade (back the other way at
    either end): ``mid twenties`` -> ``late twenties``; the decade band stays as written."""
    word = part.group("p")
    parts = next(p for p in _PARTS if word.lower() in p)
    i = parts.index(word.lower())
    step = 1 if offset >= 0 else -1
    j = i + step if 0 <= i + step < len(parts) else i - step
    new = parts[j].capitalize() if word[:1].isupper() else parts[j]
    return new + part.group("s") + part.group("d")


def shift_age_text(original: str, offset: int) -> str | None:
    """The age ``original`` moved by ``offset``, written as the original was (see the module
    documentation); None when it is no age makna can read."""
    fraction = _FRACTION.fullmatch(original)
    if fraction is not None:  # "thirteen and a quarter": the age moves, its fraction stays
        head = shift_age_text(fraction.group(1), offset)
        return None if head is None else head + fraction.group(2)
    part = _PART.fullmatch(original)
    if part is not None and _decade(part.group("d"), offset) is not None:
        return _moved_part(part, offset)
    prefix = _PREFIX.match(original)
    if prefix is not None and prefix.end() < len(original):
        rest = shift_age_text(original[prefix.end() :], offset)
        return None if rest is None else prefix.group(0) + rest
    unit = _UNIT.search(original)
    body, tail = (original[: unit.start()], original[unit.start() :]) if unit and unit.start() > 0 else (original, "")
    body = body.strip()
    decade = _decade(body, offset)
    if decade is not None:
        return decade + tail
    if body.isdigit():
        return f"{shift_age(int(body), offset)}" + tail
    english = parse_english(body)
    if english is not None:
        new = _english(shift_age(english, offset))
        return (new.capitalize() if body[:1].isupper() else new) + tail
    local = parse_local(body)
    if local is None:
        return _pair(body, offset, tail)
    value, dialect = local
    new = _local(shift_age(value, offset), "id" if dialect == "jawa" else dialect)
    return (new.capitalize() if body[:1].isupper() else new) + tail


_NUMBER: Final = rf"(?:\d{{1,3}}|{ID_NUM}|{EN_NUM})(?![\w\-/])"
_EACH_NUMBER: Final = re.compile(
    rf"(?i)(?<![\w\-/])(?<!kepala )(?<!kapalo ){_NUMBER}(?:[ \t]+{_NUMBER})*"
    r"(?![ \t]*(?:bulan|bulanan|month|minggu|week|hari(?![ \t]+ini)|day|jam|hour))"
)
"""A number an age is said with, in digits or words, or a run of them (``dua lima``: two digits said one by one):
not a band's decade after "kepala"/"kapalo", nor months, weeks or days (``28 tahun lewat anam bulan``: the months
stay), nor a fraction's digits (``2 1/2``)."""
_ONE_NUMBER: Final = re.compile(rf"(?i){_NUMBER}")
_HUNDREDS: Final = re.compile(
    rf"(?i)(?<![\w\-])(?P<h>(?:(?:a|one|{EN_NUM})[ \t]+)?hundred|seratus|(?:{ID_NUM})[ \t]*ratus)"
    rf"(?:[ \t]+(?:(?:and|dan)[ \t]+)?{_NUMBER})?(?![\w\-])"
)
"""An age of a hundred or more in words (``one hundred and five``, ``seratus lima``): capped at 90, as one in
digits is, never read as the small numbers in it."""


def _each(run: str, offset: int) -> str | None:
    """The run of numbers ``run`` moved as one age where it reads as one (``dua lima``), else each number in it
    moved as an age; None when none is an age (1 to 110)."""
    whole = shift_age_text(run, offset) if parse_number(run, pairs=True) is not None else None
    if whole is not None:
        return whole
    moved = [
        (m, shift_age_text(m.group(0), offset))
        for m in _ONE_NUMBER.finditer(run)
        if (value := int(m.group(0)) if m.group(0).isdigit() else parse_number(m.group(0))) and 1 <= value <= 110
    ]
    out, pos = [], 0
    for m, new in moved:
        if new is not None:
            out += [run[pos : m.start()], new]
            pos = m.end()
    return "".join([*out, run[pos:]]) if pos else None


def shift_each_age(original: str, offset: int) -> str | None:
    """An age said with words around it that :func:`shift_age_text` does not read as one age (``hampir 40
    tahun``, ``twenty-five, no sorry, twenty-six``, ``nearly forty, forty-one in May``, ``twenty-three last
    week``): each number in it moved by ``offset`` as an age (written as it was), the words around kept; None
    when it holds no number of an age (1 to 110). An age of a hundred or more in words becomes 90."""
    capped = _HUNDREDS.sub(lambda m: _capped(m.group(0)), original)
    pieces: list[str] = []
    pos = 0
    for m in _EACH_NUMBER.finditer(capped):
        new = _each(m.group(0), offset)
        if new is None:
            continue
        pieces += [capped[pos : m.start()], new]
        pos = m.end()
    return "".join([*pieces, capped[pos:]]) if pieces else None


def _capped(words: str) -> str:
    new = _english(90) if re.search(r"(?i)hundred", words) else _local(90, "id")
    return new.capitalize() if words[:1].isupper() else new


def _pair(body: str, offset: int, tail: str) -> str | None:
    """Two digits said one by one (``dua lima``: 25) moved, said the same way where the new age can be
    (``dua tujuh``), else in full words; None when ``body`` is no such pair."""
    value = parse_number(body, pairs=True) if _PAIR.fullmatch(body) else None
    first = parse_local(body.split()[0]) if value is not None else None
    if value is None or first is None:
        return None
    dialect = "id" if first[1] == "jawa" else first[1]
    age = shift_age(value, offset)
    units = DIALECTS[dialect]
    new = f"{units[age // 10]} {units[age % 10]}" if age >= 20 and age % 10 else ""
    if parse_number(new, pairs=True) != age:
        new = _local(age, dialect)
    return (new.capitalize() if body[:1].isupper() else new) + tail
