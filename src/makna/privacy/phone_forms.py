"""Telephone numbers in the forms people use to get them past a filter or a line break (issue #11, round nine).

* **a letter O for a zero** (``O857 5550 3326``, ``o812 5550 4471``, ``07700 9oo 245``): a run of digits and
  the letter O that is a telephone number once each O is read as 0 (at least seven real digits; a word such as
  "Oo" or a model code never is);
* **two numbers joined by a slash** (``0812 5550 7781/0852 5550 1930``): the second after a first one;
* **a number cut by a line break**: an Indonesian or UK mobile number whose first groups end a line and whose
  last group starts the next, written on as the transcriber wrapped it (``07700 900`` / ``319``, one span) or
  sent as two chat messages (``tamu: nomor aku 0813 5550`` / ``tamu: 6672 ya kak``, a span on each line);
* **a number without separators after a telephone word** (``landline 02079460321``, ``he rang from
  01614960712``): nine or ten digits after the trunk 0, the shape the telephone pattern leaves alone without a word
  to say what it is (a UK geographic number, 01 or 02 and nine digits, also alone);
* **a mobile number read out in groups with commas** (``0812, 555, 04, 93``): the prefix of a mobile and as
  many digits as such a number has;
* **a number spread out digit by digit** (``0 8 1 2 - 5 5 5 0 - 7 7 8 1``), longer than the telephone pattern
  reads (it would be cut short and leak its last digits).

Only shapes and calling words: no value from a corpus.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._digitruns import DigitLed
from ._fastrx import DIGIT_LINES, DIGIT_RUN_LINES, Narrowed, gated_finditer, lines_finditer
from ._linegates import InLines
from .contacts import NOT_NUMBER_BEFORE, NUMBER_BEFORE
from .patterns import OTHER_NUMBER, phone_confidence
from .types import Detection

__all__ = ["find_phone_forms"]

_LETTER_O: Final = re.compile(
    r"(?<![\w+@/=.,\-])(?:\+|\(\+?)?(?=[\dOo(+ \t.\-]{0,22}[Oo])[0-9Oo](?:[0-9Oo() \t.\-]{6,20})[0-9Oo](?![\w@])"
)
"""A run of digits, O letters and separators holding at least one O (an O read as a zero)."""
_LETTER_O_GATE: Final = re.compile(r"(?:[Oo][0-9Oo]|[0-9][Oo])")


_O_BY_DIGIT: Final = Narrowed(
    [pair for o in "Oo" for d in "0123456789" for pair in (o + d, d + o)],
    re.compile(r"[Oo\d](?:(?<=[Oo])\d|(?<=\d)[Oo])"),
    ascii_only=True,
)
"""An O next to a digit: every number typed with a letter O holds one."""


def _letter_o(text: str) -> Iterator[Detection]:
    for m in gated_finditer(_LETTER_O, _O_BY_DIGIT, text):
        raw = m.group(0).rstrip(" .-(")
        if raw.count("(") != raw.count(")"):
            raw = raw.rstrip(")")
        if not _LETTER_O_GATE.search(raw) or sum(c.isdigit() for c in raw) < 6:
            continue  # "Oo", "OOO": letters only, or too few real digits to be a number typed with O
        zeroed = raw.replace("O", "0").replace("o", "0")
        digits = re.sub(r"\D", "", zeroed)
        if phone_confidence(zeroed, digits, text, m.start()) >= 0.85:
            yield Detection(m.start(), m.start() + len(raw), "PHONE", 0.85, "phone.letter_o", raw)


_AFTER_SLASH: Final = re.compile(r"(?<=\d)[ \t]*/[ \t]*(?P<b>(?:\+|\(\+?)?\d[\d \t().\-]{7,20}\d)(?![\w@/]|[.,]\d)")


def _slash_lists(text: str) -> Iterator[Detection]:
    """The number after ``A/`` when ``A`` and it are both telephone numbers (the pattern refuses a number after a
    slash: paths and dates have them)."""
    for m in lines_finditer(_AFTER_SLASH, DIGIT_RUN_LINES, text):
        raw = m.group("b").rstrip(" .-(")
        digits = re.sub(r"\D", "", raw)
        before = re.search(r"(?:\+|\(\+?)?\d[\d \t().\-]{7,20}$", text[max(0, m.start() - 24) : m.start()])
        if before is None:
            continue
        first = before.group(0).strip()
        if phone_confidence(first, re.sub(r"\D", "", first), text, m.start() - len(first)) < 0.85:
            continue
        if phone_confidence(raw, digits, text, m.start("b")) >= 0.85:
            yield Detection(m.start("b"), m.start("b") + len(raw), "PHONE", 0.85, "phone.slash", raw)


_HEAD: Final = re.compile(
    r"(?<![\w+@/=.,\-])(?P<h>(?:\+62[ \t\-]?|62|0)8\d{1,3}(?:[ \t.\-]?\d{1,4}){0,2}|"
    r"(?:\+44[ \t]?(?:\(0\)[ \t]?)?|0)7\d{3}(?:[ \t.\-]?\d{1,3})?)[ \t]*$"
)
"""The first groups of an Indonesian or UK mobile number at the end of a line."""
_TAIL: Final = re.compile(
    r"[ \t]*(?:(?P<label>[^\s:\d]{1,30}:|\.{2,40})[ \t]*)?(?P<t>\d{3,4}(?:[ \t.\-]\d{1,4}){0,2})(?![\w@]|[.,]\d)"
)
"""The next line: a chat sender's label at most, then the last group or groups, the first of three or four digits
("10 menit lagi" after a number's head is no part of it)."""


def _wanted(head: str) -> tuple[int, int]:
    """The fewest and most digits the number that ``head`` starts can have."""
    if head.startswith(("+62", "62")):
        return 11, 14
    if head.startswith("08"):
        return 10, 13
    return (12, 12) if head.startswith("+44") else (11, 11)


def _split_lines(text: str) -> Iterator[Detection]:
    nl = text.find("\n")
    while nl >= 0:
        end, nl = nl, text.find("\n", nl + 1)
        line_end = end
        while line_end > 0 and text[line_end - 1] in " \t":
            line_end -= 1
        if not line_end or not text[line_end - 1].isdigit():
            continue  # (only a line that ends in a digit can end with a cut number)
        m = _HEAD.search(text, max(0, line_end - 24), end)
        if m is None:
            continue
        head = m.group("h")
        tail = _TAIL.match(text, end + 1)
        if tail is None:
            continue
        have = sum(c.isdigit() for c in head)
        total = have + sum(c.isdigit() for c in tail.group("t"))
        low, high = _wanted(head)
        if have >= low or not low <= total <= high:
            continue  # the head is a whole number already, or the two do not make one
        if tail.group("label") is None:
            raw = text[m.start("h") : tail.end("t")]
            yield Detection(m.start("h"), tail.end("t"), "PHONE", 0.8, "phone.wrapped", raw)
        else:
            yield Detection(m.start("h"), m.end("h"), "PHONE", 0.8, "phone.split", head)
            yield Detection(tail.start("t"), tail.end("t"), "PHONE", 0.8, "phone.split", tail.group("t"))


_SPREAD: Final = re.compile(
    r"[+\d](?<![\w+@/=.,\-][+\d])(?:(?<=\+)[ \t]?\d|(?<=\d))(?:[ \t]{0,2}[\-.]?[ \t]{0,2}\d){8,14}(?![\w@]|[.,]\d)"
)
"""A number typed digit by digit or in small groups with wide gaps (``0 8 1 2 - 5 5 5 0 - 7 7 8 1``): longer than
the telephone pattern reads, which would cut it short."""


_SPREAD_GATE: Final = InLines(DIGIT_LINES, re.compile(r"\d[ \t][ \t\-.]*\d[ \t][ \t\-.]*\d[ \t][ \t\-.]*\d[ \t]"))
"""Four digits each followed by a gap: every spread number holds them."""


def _spread(text: str) -> Iterator[Detection]:
    for m in gated_finditer(_SPREAD, _SPREAD_GATE, text):
        raw = m.group(0)
        if len(raw) <= 22 or raw.count(" ") < 6:
            continue  # the telephone pattern reads it whole
        digits = re.sub(r"\D", "", raw)
        if phone_confidence(raw, digits, text, m.start()) >= 0.85:
            yield Detection(m.start(), m.end(), "PHONE", 0.85, "phone.spread", raw)


_BARE: Final = re.compile(r"0(?<![\w+@/=.,\-]0)\d{9,10}(?![\w@/\-]|[.,]\d)")
_BARE_RUNS: Final = DigitLed(_BARE, 10)
"""Digit-led (:mod:`._digitruns`): a 0 after no word character, then nine digits or more in a row."""


_CALLED_BEFORE: Final = re.compile(
    r"(?i:\b(?:rang|rung|rings|called|calling|texted|texting|dialled|dialed|dial|nelpon|ditelpon|menelepon|"
    r"ditelepon|missed[ \t]+call|miscall|misscall)\b)[^\d\n.?!]{0,24}$"
)
"""A calling verb in another tense than the telephone pattern's cue words (``he rang from ...``)."""
_UK_GEOGRAPHIC: Final = re.compile(r"0[12]\d{9}")
"""A UK geographic number typed without spaces (``01614960712``): eleven digits after 01 or 02."""


def _bare_cued(text: str) -> Iterator[Detection]:
    """Nine or ten digits after a trunk 0, no separators, after a telephone word or a calling verb; a UK
    geographic number of that shape alone."""
    for m in _BARE_RUNS.finditer(text):
        raw = m.group(0)
        if raw.startswith("00"):
            continue  # an international prefix: the telephone pattern reads those
        before = text[max(0, m.start() - 40) : m.start()]
        if NOT_NUMBER_BEFORE.search(before) or OTHER_NUMBER.search(before):
            continue
        if NUMBER_BEFORE.search(before) or _CALLED_BEFORE.search(before):
            yield Detection(m.start(), m.end(), "PHONE", 0.8, "phone.bare_cued", raw)
        elif _UK_GEOGRAPHIC.fullmatch(raw):
            yield Detection(m.start(), m.end(), "PHONE", 0.75, "phone.bare_uk", raw)


_COMMA_GROUPS: Final = re.compile(
    r"(?P<h>[+0](?<![\w+@/=.,\-][+0])"
    r"(?:(?<=\+)62[ \t]?8[1-9]\d{1,2}|(?<=0)8[1-9]\d{1,2}|(?<=\+)44[ \t]?7[1-9]\d{2}|(?<=0)7[1-9]\d{2}))"
    r"(?:,[ \t]*\d{2,4}){2,4}(?![\w@]|[.,]\d)"
)
"""A mobile number read out in groups with commas between them (``0812, 555, 04, 93``, ``07700, 900, 487``): a
real mobile prefix (``08[1-9]``, ``07[1-9]``; the telephone pattern stops at the first comma); a list of amounts
or clock times (``0800, 1200, 1600``) has none, or money or clock words near it on its line. Led by ``[+0]``, its first
character consumed before the look-behind (the same matches as ``(?<![...])(?P<h>(?:\\+62[ \\t]?|0)8...|...)``):
the regex engine skips to a plus or a zero instead of trying every position of the digit lines."""
_MONEY_OR_CLOCK: Final = re.compile(
    r"(?i:\b(?:harga\w*|hargo|ribu|rb|rebu|juta|rp|idr|tarif|bayar|price|cost|quid|pounds?|pence|dollars?|"
    r"jam|pukul|pagi|siang|sore|malam|shifts?|hours?|o['’]clock|am|pm|clock)\b|[£$€])"
)


def _all_clock_times(raw: str) -> bool:
    """Every group four digits that read as a 24-hour time (``0815, 1230, 1645``): times, not a mobile."""
    groups = [g.strip() for g in raw.split(",")]
    return all(len(g) == 4 and g.isdigit() and int(g[:2]) < 24 and int(g[2:]) < 60 for g in groups)


def _comma_groups(text: str) -> Iterator[Detection]:
    for m in lines_finditer(_COMMA_GROUPS, DIGIT_RUN_LINES, text):
        raw = m.group(0)
        digits = sum(c.isdigit() for c in raw)
        low, high = _wanted(m.group("h"))
        line_start = max(text.rfind("\n", 0, m.start()) + 1, m.start() - 60)
        line_end = text.find("\n", m.end(), m.end() + 30)
        near = text[line_start : m.end() + 30 if line_end < 0 else line_end]
        if low <= digits <= high and not _MONEY_OR_CLOCK.search(near) and not _all_clock_times(raw):
            yield Detection(m.start(), m.end(), "PHONE", 0.85, "phone.comma_groups", raw)


def find_phone_forms(text: str) -> Iterator[Detection]:
    """Telephone numbers typed with a letter O, listed after a slash, cut by a line break, bare after a
    telephone word or read out in groups with commas."""
    yield from _letter_o(text)
    yield from _slash_lists(text)
    yield from _split_lines(text)
    yield from _bare_cued(text)
    yield from _spread(text)
    yield from _comma_groups(text)
