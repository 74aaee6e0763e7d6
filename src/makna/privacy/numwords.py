"""Numbers in words, one place for every detector and surrogate that reads them (issue #11).

Indonesian and its regional forms (Minang ``duo puluah limo``, Sundanese ``tilu puluh dalapan``, Javanese ``wolung
puluh``, Malay ``lapan``, joined ``limabelas``) and English (``twenty-three``, ``twenty three``), 1 to 99:

* regular-expression pieces for the detectors (:data:`EN_NUM`, :data:`EN_TENS_TEENS`, :data:`ID_UNITS`,
  :data:`ID_NUM`, :data:`ID_TENS_TEENS`, :data:`SPOKEN_PAIR` and their parts), so that the age and date rules
  read the same numbers;
* :func:`parse_number`: the value of a number in digits or words (``"dua puluh tiga"`` and ``"twenty-three"``
  are 23), with its dialect for the surrogates that write a number back in its own words
  (:func:`parse_local`), and, where the caller already knows an age is said, the spoken pair of digits
  (``"dua lima"``, ``"tigo duo"``: 25 and 32), which elsewhere is as often "two or three".
"""

from __future__ import annotations

import re
from typing import Final

__all__ = [
    "DIALECTS",
    "EN_DECADES",
    "EN_NUM",
    "EN_SMALL",
    "EN_TEENS",
    "EN_TENS",
    "EN_TENS_NUM",
    "EN_TENS_TEENS",
    "EN_TENS_WORDS",
    "EN_UNIT_WORDS",
    "EN_UNITS",
    "ID_NUM",
    "ID_STANDARD_UNITS",
    "ID_TENS",
    "ID_TENS_TEENS",
    "ID_UNITS",
    "SPOKEN_PAIR",
    "TEENS_WORD",
    "TENS_WORD",
    "parse_english",
    "parse_local",
    "parse_number",
]

# -- regular-expression pieces -------------------------------------------------------------------------------------
EN_UNITS: Final = "one|two|three|four|five|six|seven|eight|nine"
EN_SMALL: Final = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
EN_TEENS: Final = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
EN_TENS: Final = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
EN_TENS_TEENS: Final = (
    rf"(?:(?:{EN_TENS})(?:[\- ](?:{EN_UNITS}))?|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
"""Thirteen to ninety-nine in English words (a teenager's or an adult's age)."""
EN_NUM: Final = rf"(?:{EN_TENS_TEENS}|{EN_SMALL})"
"""One to ninety-nine in English words."""
ID_STANDARD_UNITS: Final = "satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan"
ID_UNITS: Final = (
    r"satu|dua|tiga|tigo|empat|ampek|lima|limo|enam|anam|tujuh|tujuah|delapan|lapan|sembilan|sambilan|"
    # regional forms: Malay/Betawi/Pontianak (tige, ampa, lapan), Sundanese (tilu, opat, genep, dalapan,
    # salapan), Minang (ciek, duo), Javanese (siji, loro, telu, papat, enem, pitu, wolu, songo)
    r"tige|ampa|tilu|opat|genep|dalapan|salapan|ciek|duo|siji|loro|telu|papat|enem|pitu|wolu|songo|"
    # Javanese krama (setunggal, kalih, sekawan, gangsal, sanga)
    r"setunggal|kalih|sekawan|gangsal|sanga"
)
"""One to nine in Indonesian and regional words."""
TENS_WORD: Final = r"(?:puluh|puluah|puloh|pulu|poloh)"
TEENS_WORD: Final = r"(?:belas|baleh|blas)"
_JAVA_LIKUR = r"selikur|rolikur|telulikur|patlikur|nemlikur|pitulikur|wolulikur|sangalikur"
_JAVA_TEENS_LIKUR = rf"rolas|telulas|patbelas|limolas|limalas|nembelas|pitulas|wolulas|sangalas|{_JAVA_LIKUR}"
"""Javanese twelve to nineteen (``nembelas``) and twenty-one to twenty-nine (``selikur``; ``selawe`` is 25)."""
_JAVA_TENS = (
    r"(?:rong|telung|patang|limang|nem|pitung|wolung|sangang)[ \t]*puluh|s[eèé]ket|sewidak|selawe|"
    r"(?:kalih|tigang|sekawan|gangsal|pitung|wolung|sangang)[ \t]+(?:dasa|doso)"
)
"""Javanese tens: ngoko (``wolung puluh``, ``seket``) and krama (``tigang dasa``, ``sekawan dasa``)."""
ID_TENS_TEENS: Final = (
    rf"(?:(?:(?:{ID_UNITS})[ \t]*{TENS_WORD}|{_JAVA_TENS})(?:[ \t]+(?:{ID_UNITS}))?"
    rf"|(?:{ID_UNITS}|se|sa)[ \t]*{TEENS_WORD}|sepuluh|sapuluah|sapuluh|sepuloh|sebelas|sabaleh|sabelas|sewelas|"
    rf"{_JAVA_TEENS_LIKUR})"
)
"""Ten to ninety-nine in Indonesian and regional words (``dua puluh tiga``, ``duopuluah``, ``limabelas``,
``wolung puluh``)."""
ID_NUM: Final = rf"(?:{ID_TENS_TEENS}|{ID_UNITS})"
ID_TENS: Final = rf"(?:(?:(?:{ID_UNITS})[ \t]*{TENS_WORD}|{_JAVA_TENS})(?:[ \t]+(?:{ID_UNITS}))?|{_JAVA_LIKUR})"
"""Twenty to ninety-nine (and ten) in Indonesian and regional words: a tens word, no teens."""
EN_TENS_NUM: Final = rf"(?:(?:{EN_TENS})(?:[\- ](?:{EN_UNITS}))?)"
"""Twenty to ninety-nine in English words."""
"""One to ninety-nine in Indonesian and regional words."""
SPOKEN_PAIR: Final = (
    r"(?:dua|tiga|tigo|empat|ampek|lima|limo|enam|anam|tujuh|tujuah|delapan|lapan|sembilan|sambilan|duo)[ \t]+"
    r"(?:satu|ciek|dua|duo|tiga|tigo|empat|ampek|lima|limo|enam|anam|tujuh|tujuah|delapan|lapan|dalapan|salapan|"
    r"sembilan|sambilan)"
)
"""Two digits said one by one (``dua lima`` for 25, ``tigo duo`` for 32): an age only where one is asked or said."""
EN_UNIT_WORDS: Final = tuple(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split()
)
EN_TENS_WORDS: Final = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
EN_DECADES: Final = (
    "",
    "teens",
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
)

# -- values --------------------------------------------------------------------------------------------------------
_ID: Final = ("", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")
_MINANG: Final = ("", "ciek", "duo", "tigo", "ampek", "limo", "anam", "tujuah", "salapan", "sambilan")
_SUNDA: Final = ("", "hiji", "dua", "tilu", "opat", "lima", "genep", "tujuh", "dalapan", "salapan")
_JAWA: Final = ("", "siji", "loro", "telu", "papat", "limo", "enem", "pitu", "wolu", "songo")
DIALECTS: Final = {"id": _ID, "minang": _MINANG, "sunda": _SUNDA, "jawa": _JAWA}
"""The unit words (1-9) of each dialect, by value."""
_OTHER_UNITS: Final = {
    "lapan": 8,
    "tige": 3,
    "ampa": 4,
    "setunggal": 1,
    "kalih": 2,
    "sekawan": 4,
    "gangsal": 5,
    "sanga": 9,
}
"""Malay and Betawi forms and the Javanese krama units, read as Indonesian."""
_SE: Final = {
    "sepuluh": (10, "id"),
    "sebelas": (11, "id"),
    "sewelas": (11, "id"),
    "sapuluah": (10, "minang"),
    "sabaleh": (11, "minang"),
    "sapuluh": (10, "sunda"),
    "sabelas": (11, "sunda"),
    "sepuloh": (10, "id"),
    "seket": (50, "jawa"),
    "sewidak": (60, "jawa"),
    "selawe": (25, "jawa"),
}
_JAVA_WORDS: Final = {
    w: v
    for v, ws in (
        (12, "rolas"),
        (13, "telulas"),
        (14, "patbelas"),
        (15, "limolas limalas"),
        (16, "nembelas"),
        (17, "pitulas"),
        (18, "wolulas"),
        (19, "sangalas"),
        (21, "selikur"),
        (22, "rolikur"),
        (23, "telulikur"),
        (24, "patlikur"),
        (26, "nemlikur"),
        (27, "pitulikur"),
        (28, "wolulikur"),
        (29, "sangalikur"),
    )
    for w in ws.split()
}
"""Javanese teens and twenties said as one word (``nembelas``: 16, ``selikur``: 21)."""
_JAVA_TENS_VALUE: Final = {
    "rong": 2,
    "telung": 3,
    "patang": 4,
    "limang": 5,
    "nem": 6,
    "pitung": 7,
    "wolung": 8,
    "sangang": 9,
    "kalih": 2,
    "tigang": 3,
    "sekawan": 4,
    "gangsal": 5,
}
_JAVA_TENS_WORDS: Final = frozenset({"puluh", "dasa", "doso"})
"""The tens word after a Javanese tens form: ngoko ``puluh``, krama ``dasa``."""
_TENS_WORDS: Final = frozenset({"puluh", "puluah", "poloh", "puloh", "pulu"})
_TEENS_WORDS: Final = frozenset({"belas", "baleh", "las", "blas"})
_JOINED: Final = re.compile(r"(\w+?)(puluh|puluah|belas|baleh)(\w*)")


def parse_english(body: str) -> int | None:
    """One to ninety-nine in English words (``twenty-three``, ``Twenty three``), or None."""
    words = re.split(r"[\s\-]+", body.lower().strip())
    if len(words) == 1 and words[0] in EN_UNIT_WORDS:
        return EN_UNIT_WORDS.index(words[0])
    if words and words[0] in EN_TENS_WORDS[2:]:
        tens = EN_TENS_WORDS.index(words[0]) * 10
        if len(words) == 1:
            return tens
        if len(words) == 2 and words[1] in EN_UNIT_WORDS[1:10]:
            return tens + EN_UNIT_WORDS.index(words[1])
    return None


def _unit_value(word: str) -> tuple[int, set[str]] | None:
    """A unit number word's value and the dialects that spell it so (``salapan``: 8 in Minang, 9 in
    Sundanese: the caller decides by the tens or teens word)."""
    found = {(units.index(word), d) for d, units in DIALECTS.items() if word in units[1:]}
    if word in _OTHER_UNITS:
        found.add((_OTHER_UNITS[word], "id"))
    if not found:
        return None
    values = {v for v, _d in found}
    return (min(values) if len(values) == 1 else -1), {d for _v, d in found}


def _split_joined(words: list[str]) -> list[str]:
    """``limabelas`` as ``lima belas``, ``duopuluah`` as ``duo puluah`` (typed without a space)."""
    out: list[str] = []
    for w in words:
        m = _JOINED.fullmatch(w)
        if m and m.group(1) not in {"se", "sa"} and _unit_value(m.group(1)) is not None:
            out.extend(x for x in m.groups() if x)
        else:
            out.append(w)
    return out


def parse_local(body: str) -> tuple[int, str] | None:
    """An Indonesian or regional number in words (1-99) and its dialect (``id``, ``minang``, ``sunda`` or ``jawa``)."""
    words = _split_joined(body.lower().replace("è", "e").replace("é", "e").split())
    if len(words) == 1 and words[0] in _JAVA_WORDS:
        return _JAVA_WORDS[words[0]], "jawa"
    if len(words) == 1 and words[0] in _SE:
        return _SE[words[0]]
    if len(words) == 2 and words[0] in _SE and _SE[words[0]][0] % 10 == 0 and _SE[words[0]][0] >= 50:
        unit = _unit_value(words[1])  # "seket kalih": fifty and two
        if unit is not None and unit[0] > 0:
            return _SE[words[0]][0] + unit[0], "jawa"
    if len(words) in {2, 3} and words[0] in _JAVA_TENS_VALUE and words[1] in _JAVA_TENS_WORDS:
        rest = _unit_value(words[2]) if len(words) == 3 else (0, {"jawa"})
        if rest is None or rest[0] < 0:
            return None
        return _JAVA_TENS_VALUE[words[0]] * 10 + rest[0], "jawa"
    minang_marks = {"puluah", "baleh"}
    dialects = {"id", "minang", "sunda", "jawa"}
    if any(w in minang_marks for w in words):
        dialects = {"minang"}
    elif any(w in {"puluh", "belas", "las"} for w in words):
        dialects -= {"minang"}
    values: list[int] = []
    tens_at = teens_at = -1
    for i, w in enumerate(words):
        if w in _TENS_WORDS:
            tens_at = i
            continue
        if w in _TEENS_WORDS:
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
    units = DIALECTS[dialect]

    def val(i: int) -> int:
        return units.index(words[i]) if words[i] in units else _OTHER_UNITS[words[i]]

    if teens_at >= 0 and len(values) == 1 and values[0] == teens_at - 1 and len(words) == 2:
        return 10 + val(values[0]), dialect
    if tens_at >= 0 and values and values[0] == tens_at - 1 and len(words) in {2, 3}:
        if len(words) == 3 and values[-1] != tens_at + 1:
            return None
        return val(values[0]) * 10 + (val(values[-1]) if len(words) == 3 else 0), dialect
    if tens_at < 0 and teens_at < 0 and len(values) == 1 and len(words) == 1:
        return val(0), dialect
    return None


def _parse_mixed(body: str) -> int | None:
    """A number whose words mix dialects (``dua puluh anam``: Indonesian tens, a Minang unit), as speech does; a
    unit word whose value differs between dialects (``salapan``) is refused."""
    words = _split_joined(body.lower().split())
    if len(words) not in {2, 3}:
        return None
    units: list[int] = []
    for w in words[::2]:
        got = _unit_value(w)
        if got is None or got[0] < 0:
            return None
        units.append(got[0])
    if words[1] in _TEENS_WORDS and len(words) == 2:
        return 10 + units[0]
    if words[1] in _TENS_WORDS:
        return units[0] * 10 + (units[1] if len(units) == 2 else 0)
    return None


_SPOKEN_PAIR_RX: Final = re.compile(SPOKEN_PAIR, re.IGNORECASE)


def parse_number(text: str, *, pairs: bool = False) -> int | None:
    """The value of a number of 1 to 99 in digits or words, Indonesian (and regional) or English; with ``pairs``,
    also two digits said one by one (``dua lima``: 25). None when it is no such number."""
    body = text.strip()
    if body.isdigit():
        return int(body) if 0 < len(body) <= 2 else None
    value = parse_english(body)
    if value is not None:
        return value
    local = parse_local(body)
    if local is not None:
        return local[0]
    mixed = _parse_mixed(body)
    if mixed is not None:
        return mixed
    if pairs and _SPOKEN_PAIR_RX.fullmatch(body):
        first, second = (parse_local(w) for w in body.split())
        if first is not None and second is not None:
            return first[0] * 10 + second[0]
    return None
