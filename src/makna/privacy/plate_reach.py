"""Plates beyond their cue's clause, said again in the same shape, or of another country's shape (issue #11).

* **Another country's shape alone** (:data:`.plate_shapes.ALONE`: Vietnam's dotted serial ``29B1-482.61``): a
  plate wherever it stands, but after an order's, a flight's or a room's word.
* **A cue a sentence or a turn away**: a code of a country's shape (:data:`.plate_shapes.SHAPE`) set apart (at the
  start of a turn or a sentence, after ``is``/``was``/``nya``, or between commas or brackets) whose nearest vehicle
  or plate word stands in the sentence before on its line or on the line before (``Int: And your car? / Resp: A
  grey one. CXJ 4418, if you need it``); never after a word of another code (an order, a flight, a room).
* **The same shape again**: after a plate word and the plate it introduces, a code of exactly that shape (letters,
  digits and separators in the same places) later on the line or on the next one is a plate too: a correction or a
  second vehicle (``plate is 6301 K, no wait, the new one is 4472 T now``); never a quantity (``from``, ``about``
  before it, ``away`` after it).
* **A plate typed in lower case** (``car's outside, nrt 5531``) of a country's shape, set apart in a sentence
  about a vehicle, its letters no word, unit or currency.
* **A power that no road vehicle has**: four digits and a unit of power (``HP``, ``PS``, ``KW``) set apart between
  commas right after a vehicle's name (``the old Corolla, 5512 HP, ...``): a plate whose series reads like a unit;
  three digits stay a power (``My car, 150 KW, ...``).

Only shapes from public specifications and vehicle vocabulary: no value from a corpus.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._fastrx import DIGIT_RUN_LINES, gated_finditer, lines_finditer, trigger
from .document_shapes import NOT_LETTERS, OTHER_CODE
from .plate_shapes import ALONE, country_of, shape_matches
from .plates import _APART, _NOT_PLATE, _PLATE_WORDS, _VEHICLE_BEFORE, _VEHICLES, ADDRESS_WORDS, _ordinary
from .types import Detection

__all__ = ["find_plates_with_reach"]

_CUE: Final = re.compile(
    rf"(?i:(?<![\w\-])(?:{_PLATE_WORDS}|{_VEHICLES}|drive|drives|driving|drove|driven|nyetir|menyetir|disetir)"
    r"(?![\w\-]))"
)
"""A plate or vehicle word, or driving."""
_PLATE_CUE: Final = re.compile(rf"(?i:(?<![\w\-])(?:{_PLATE_WORDS})(?![\w\-]))")
_SAID_CUE: Final = re.compile(
    r"(?i:(?<![\w\-])(?:plat|platnya|pelat|pelatnya|nopol|nopolnya|tnkb|plate|plates|rego|registration|reg)"
    r"(?![\w\-]))"
)
"""The plate words that introduce a plate said again (:func:`_same_shape`)."""
_SAID_GATE: Final = trigger(
    [f(w) for w in ("plat", "pelat", "nopol", "tnkb", "plate", "rego", "reg") for f in (str, str.capitalize, str.upper)]
)
_LEAD: Final = re.compile(
    r"(?:^|[.!?][ \t]+|^[^\n:]{1,24}:[ \t]+|(?i:(?:uh|um|eh|oh|ya|iya|yes|yeah|ok|okay|itu|jadi)[,.]?[ \t]+)|"
    r"(?i:(?:is|was|it's|its|nya|adalah|itu|were)[ \t]+)|[,(][ \t]*)$",
    re.MULTILINE,
)
"""What may stand before a code set apart: a turn's or a sentence's start, a filler, a copula, a comma."""
_SERVICE: Final = re.compile(
    r"(?i:(?<![\w\-])(?:train|kereta[ \t]+api|krl|flew|fly|flight|ferry|route|rute|koridor|gate|room|kamar|unit|"
    r"block|blok|lantai|floor|seat|kursi|bay|platform|peron|size|ukuran)(?![\w\-]))"
)
"""Words of codes that are no plate when the code follows them closely (a flight, a room, a size)."""
_CODE: Final = re.compile(r"(?<![\w\-/@.])[A-Z0-9]{1,4}(?:[ \-][A-Z0-9]{1,4}){0,3}(?![\w\-/@]|[.,]\d)")
_QUANTITY_BEFORE: Final = re.compile(
    r"(?i:(?<![\w\-])(?:from|about|around|over|under|only|just|approximately|nearly|sekitar|kira-kira|dari|"
    r"jarak|hampir|cuma|hanya|rp|rm|usd|\$)[ \t]*)$"
)
_QUANTITY_AFTER: Final = re.compile(r"(?i:[ \t]+(?:away|long|high|wide|deep|jauh|panjang|tinggi|lebar)(?![\w\-]))")
_LOWER: Final = re.compile(
    r"(?<![\w\-/@.])(?P<l>[a-z]{2,3})[ \-]?(?P<d>\d{3,4})(?:[ \-]?(?P<s>[a-z]{1,2}))?(?![\w\-/@]|[.,]\d)"
)
"""A plate typed in lower case (``nrt 5531``, ``wxb 7721``): kept only set apart in a sentence about a vehicle."""
_CURRENCIES: Final = frozenset("RM RP USD IDR SGD MYR PHP AUD NZD EUR GBP JPY KSH KES NGN INR RS HKD THB VND".split())
_POWER: Final = re.compile(r"\d{4} (?:HP|PS|KW)(?![\w\-/@])")


def _signature(code: str) -> str:
    return re.sub(r"\d", "9", re.sub(r"[A-Z]", "A", code))


def _letters_ok(code: str) -> bool:
    """Both kinds present, five characters or more, no year, size or count, no unit or word as its letters."""
    compact = re.sub(r"[ \-.]", "", code)
    if not (re.search(r"\d", compact) and re.search(r"[^\d]", compact)) or len(compact) < 5:
        return False
    if _NOT_PLATE.fullmatch(compact):
        return False
    return not any(group in NOT_LETTERS for group in re.findall(r"[A-Z]+", code))


def _mixed(code: str, *, units: bool = False) -> bool:
    """Letters and digits, four characters or more, no unit or word as its letters (``units``: a unit allowed)."""
    compact = re.sub(r"[ \-.]", "", code)
    if len(compact) < 4 or compact.isdigit() or compact.isalpha():
        return False
    groups = re.findall(r"[A-Z]+", code)
    if any(group in _CURRENCIES or group in ADDRESS_WORDS for group in groups):
        return False  # "RM 4500": a price, whatever was asked; "APT 212": a flat of an address
    return units or not any(group in NOT_LETTERS for group in groups)


def _other_code_before(text: str, start: int) -> bool:
    line0 = text.rfind("\n", 0, start) + 1
    lo = max(line0, start - 40)
    return OTHER_CODE.search(text, lo, start) is not None or _SERVICE.search(text, lo, start) is not None


def _sentence_start(text: str, start: int) -> int:
    line0 = text.rfind("\n", 0, start) + 1
    return max(line0, *(text.rfind(c, line0, start) + 1 for c in ".!?"))


def _cue_within_reach(text: str, start: int) -> str | None:
    """``plate`` (a plate word among them) or ``vehicle``, the cues in the sentence before on the line, or else on
    the line before (none in the code's own sentence: :mod:`.plates` reads that one); None when neither holds one."""
    line0 = text.rfind("\n", 0, start) + 1
    sentence0 = _sentence_start(text, start)
    prev0 = text.rfind("\n", 0, max(0, line0 - 1)) + 1
    for lo, hi in ((max(line0, sentence0 - 200), sentence0 if sentence0 > line0 else line0), (prev0, line0 - 1)):
        if hi <= lo or hi > start:
            continue
        cues = list(_CUE.finditer(text, max(lo, hi - 200), hi))
        if cues:
            return "plate" if any(_PLATE_CUE.fullmatch(c.group(0)) for c in cues) else "vehicle"
    return None


def _shapes(text: str) -> Iterator[Detection]:
    for m in shape_matches(text):
        code = m.group(0)
        if m.lastgroup in ALONE:
            if _other_code_before(text, m.start()):
                continue  # "nomor pesanan 12-D4 735.20": an order's number
            yield Detection(m.start(), m.end(), "PLATE", 0.85, "plate.shape_alone", code)
            continue
        if not _mixed(code, units=True) or _APART.match(text, m.end()) is None:
            continue
        if _LEAD.search(text, max(0, m.start() - 30), m.start()) is None or _other_code_before(text, m.start()):
            continue
        if _CUE.search(text, _sentence_start(text, m.start()), m.start()) is not None:
            continue
        cue = _cue_within_reach(text, m.start())
        if cue == "plate" or (
            cue == "vehicle" and _mixed(code) and _letters_ok(code)
        ):  # "the plate? 4412 KM.": a plate word says it
            yield Detection(m.start(), m.end(), "PLATE", 0.78, "plate.reach", code)


def _same_shape(text: str) -> Iterator[Detection]:
    for cue in gated_finditer(_SAID_CUE, _SAID_GATE, text):
        first = _CODE.search(text, cue.end(), min(len(text), cue.end() + 40))
        if first is None or "\n" in text[cue.end() : first.start()] or not _mixed(first.group(0)):
            continue  # (the plate word says the first is a plate, whatever its shape suggests alone: "6301 K")
        shape = _signature(first.group(0))
        line_end = text.find("\n", first.end())
        next_end = text.find("\n", line_end + 1) if line_end >= 0 else -1
        hi = len(text) if line_end < 0 else (len(text) if next_end < 0 else next_end)
        for m in _CODE.finditer(text, first.end(), min(hi, first.end() + 200)):
            code = m.group(0)
            if code == first.group(0) or _signature(code) != shape:
                continue
            if _QUANTITY_BEFORE.search(text, max(0, m.start() - 16), m.start()) or _QUANTITY_AFTER.match(text, m.end()):
                continue
            if _other_code_before(text, m.start()):
                continue
            yield Detection(m.start(), m.end(), "PLATE", 0.8, "plate.same_shape", code)


def _powers(text: str) -> Iterator[Detection]:
    if " HP" not in text and " PS" not in text and " KW" not in text:
        return
    for m in _POWER.finditer(text):
        if m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_-/@."):
            continue
        if text[max(0, m.start() - 2) : m.start()] != ", " or _APART.match(text, m.end()) is None:
            continue
        before = _VEHICLE_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if before is not None:
            yield Detection(m.start(), m.end(), "PLATE", 0.75, "plate.not_a_power", m.group(0))


def _lower_apart(text: str) -> Iterator[Detection]:
    ordinary = _ordinary()
    for m in lines_finditer(_LOWER, DIGIT_RUN_LINES, text):
        letters = [g for g in (m.group("l"), m.group("s")) if g]
        if any(g in ordinary or g.upper() in NOT_LETTERS or g.upper() in _CURRENCIES for g in letters):
            continue
        if country_of(m.group(0).upper()) is None or _other_code_before(text, m.start()):
            continue
        before = text[max(0, m.start() - 4) : m.start()]
        if not (before.endswith(", ") or re.search(r"(?:is|was) $", before)) or _APART.match(text, m.end()) is None:
            continue
        sentence0 = _sentence_start(text, m.start())
        if _CUE.search(text, max(sentence0, m.start() - 100), m.start()) is not None:
            yield Detection(m.start(), m.end(), "PLATE", 0.75, "plate.lower_apart", m.group(0))


def find_plates_with_reach(text: str) -> Iterator[Detection]:
    """Plates of a shape alone, a cue a sentence or a turn away, the same shape again, a power no car has, a plate
    typed in lower case set apart in a sentence about a vehicle."""
    yield from _shapes(text)
    yield from _lower_apart(text)
    yield from _same_shape(text)
    yield from _powers(text)
