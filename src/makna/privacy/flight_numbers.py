"""Flight numbers are no plates and no handles (issue #11, round 26).

A flight number is an airline's designator and a number (IATA Resolution 762 and the Airline Coding Directory:
two characters, letters or a letter and a digit, ``GA``, ``QF``, ``U2``, ``3K``; then one to four digits and
perhaps an operational suffix letter: ``GA 402``, ``QZ 7510``, ``BA15``). Said in an interview it is cued by a word
of flying before it in its clause or sentence (``flew``, ``flight``, ``naik pesawat``, ``penerbangan``,
``terbang``, ``boarding``) or by a word of the journey right after it (``from Jakarta``, ``to Makassar``,
``ke Makassar``, ``dari Surabaya``, ``landed``, ``delayed``). The learned model reads such a code as a plate
(its shape is a plate's in many countries); :func:`is_flight_number` lets the plate check and the handle
rule leave it.

Structure and the public designator shape only: no airline list, no value from a corpus.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

__all__ = ["is_flight_number"]

_SHAPE: Final = re.compile(r"(?:[A-Z]{2}|[A-Z]\d|\d[A-Z])[ \-]?\d{1,4}[A-Z]?")
_FLYING_BEFORE: Final = re.compile(
    r"(?i)(?<![\w\-])(?:fl[ey]w|flown|fly|flies|flying|flight|flights|airline|airlines|plane|boarded|boarding|"
    r"on[ \t]+the|took|connecting|layover|transit|penerbangan|pesawat|terbang|maskapai|naik|pakai|dengan|"
    r"kapal[ \t]+terbang)(?:-?nya)?(?![\w\-])"
)
_STRONG_BEFORE: Final = re.compile(
    r"(?i)(?<![\w\-])(?:fl[ey]w|flown|fly|flies|flying|flight|flights|airline|airlines|plane|boarded|boarding|"
    r"connecting|layover|penerbangan|pesawat|terbang|maskapai|kapal[ \t]+terbang)"
    r"(?:-?nya)?(?![\w\-])"
)
_JOURNEY_AFTER: Final = re.compile(
    r"(?i)^[ \t]*,?[ \t]*(?:from|to|into|out[ \t]+of|via|ke|dari|menuju|tujuan|transit|landed|delayed|departed|"
    r"left|berangkat|mendarat|delay|ditunda|dibatalkan|cancelled|canceled)(?:-?nya)?(?![\w\-])"
)
_FLYING_NEAR: Final = re.compile(
    r"(?i)(?<![\w\-])(?:fl[ey]w|flown|fly|flies|flying|flight|flights|plane|airport|bandara|pesawat|"
    r"penerbangan|terbang|landed|mendarat|airline|maskapai)(?:-?nya)?(?![\w\-])"
)

_PLATE_WORD: Final = re.compile(
    r"(?i)(?<![\w\-])(?:plates?|platnya|plat|pelat|nopol|registration|rego|number[ \t]+plate)(?:-?nya)?(?![\w\-])"
)


def _sentence_before(text: str, start: int) -> str:
    line0 = text.rfind("\n", 0, start) + 1
    cut = max(text.rfind(p, line0, start) for p in (". ", "? ", "! ", "; "))
    return text[max(line0, cut + 1, start - 120) : start]


def is_flight_number(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a flight number: an airline designator's shape, cued by flying."""
    if not _SHAPE.fullmatch(text[start:end]):
        return False
    before = _sentence_before(text, start)
    if _PLATE_WORD.search(before):
        return False  # "plat AB 4417 ...": a plate word in its sentence keeps a plate a plate
    flying = [m.end() for m in _STRONG_BEFORE.finditer(before)]
    vehicle = [m.end() for m in _vehicle_word().finditer(before)]
    if vehicle and (not flying or vehicle[-1] > flying[-1]):
        return False  # "we flew home, and my cousin's van, KT 4412, ...": the nearer word is a vehicle's
    clause = re.split(r"[,:]\s", before)[-1]
    if _STRONG_BEFORE.search(before) or (_FLYING_BEFORE.search(clause[-24:]) and _flying_nearby(text, start)):
        return True
    line_end = text.find("\n", end)
    after = text[end : line_end if line_end >= 0 else len(text)]
    return _JOURNEY_AFTER.match(after) is not None and _flying_nearby(text, start)


@cache
def _vehicle_word() -> re.Pattern[str]:
    from .plates import _VEHICLES  # here, not at the top: ``plates`` imports ``patterns``, which imports this

    return re.compile(rf"(?i)(?<![\w\-])(?:{_VEHICLES})(?:-?nya)?(?![\w\-])")


def _flying_nearby(text: str, start: int) -> bool:
    """A word of flying in the line or the line before."""
    line0 = text.rfind("\n", 0, start) + 1
    prev = text.rfind("\n", 0, max(0, line0 - 1)) + 1
    line_end = text.find("\n", start)
    return _FLYING_NEAR.search(text, prev, line_end if line_end >= 0 else len(text)) is not None
