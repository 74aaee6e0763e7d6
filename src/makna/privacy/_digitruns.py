"""Digit runs found once per text, for the digit-led identity, phone and postcode shapes (internal, issue #11).

Each digit-led shape searched its lines (:data:`._lines.DIGIT_LINES`, about 60 % of an interview) with its own
regex scan. :class:`DigitLed` instead tries the shape with ``rx.match`` only where one of its matches can start:
at the first digit of a run of digits (a digit no digit precedes), or at one of some letters right before such a
digit, and only in the groups of digits (digits joined by spaces, dashes, dots and slashes, :data:`GROUPED`) that
hold as many digits as every match of the shape does. The groups and their run starts come from one pass over the
text, shared by every shape (the result for the last text is kept).

The matches are exactly those of ``rx.finditer`` over each line (as :func:`._lines.lines_finditer`) when, for
the shape, every match

* starts at a digit that no digit precedes, or at one of ``letters`` right before such a digit;
* holds at least ``digits`` digits, all inside one group of :data:`GROUPED` (between its first and its last digit
  only digits and the characters `` -./``);
* holds no newline and reads nothing past the newline that ends its line (the conditions of the line gates).

Each shape's reason is written next to it where it is declared, and ``tests/privacy/test_deid_speed12.py`` checks
each against ``rx.finditer`` on random texts. At each candidate ``rx.match`` runs with the end of the candidate's
line as ``endpos`` and skips candidates inside the previous match, as ``finditer`` would: the look-behinds still
read the text before the candidate (``re`` lets them see before ``pos``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ._lines import for_text

__all__ = ["GROUPED", "DigitLed", "digit_groups"]

GROUPED = re.compile(r"\d[\d \-./]*\d|\d")
"""A group of digits: digits joined by spaces, dashes, dots and slashes, from its first digit to its last."""
_RUN = re.compile(r"\d+")

_Group = tuple[int, int, tuple[int, ...]]
"""(digits in the group, ``endpos`` of its line (past its newline), the starts of its runs of digits)."""
_last: list[tuple[str, list[_Group]]] = []


def digit_groups(text: str) -> list[_Group]:
    """Every group of digits of ``text`` (:data:`GROUPED`), in text order: how many digits it holds, the
    ``endpos`` of its line (one past the newline that ends it, or the text's end) and where each of its runs of
    digits starts. Found once per text (the last text's are kept)."""
    if _last and _last[0][0] is text:
        return _last[0][1]
    n = len(text)
    runs = for_text(_RUN, text).finditer
    groups: list[_Group] = []
    line_end = -1
    for g in for_text(GROUPED, text).finditer(text):
        start, end = g.span()
        if end > line_end:
            line_end = text.find("\n", end)
            line_end = n if line_end < 0 else line_end
        if end - start == 1:
            groups.append((1, min(n, line_end + 1), (start,)))
            continue
        starts: list[int] = []
        count = 0
        for r in runs(text, start, end):
            starts.append(r.start())
            count += r.end() - r.start()
        groups.append((count, min(n, line_end + 1), tuple(starts)))
    _last[:] = [(text, groups)]
    return groups


class DigitLed:
    """The matches of ``rx`` (a shape whose every match meets the conditions of the module's docstring for
    ``digits`` and ``letters``), found by ``rx.match`` at the run starts of the groups of digits that hold at
    least ``digits`` digits (and at a letter of ``letters`` right before a run start)."""

    __slots__ = ("digits", "letters", "rx")

    def __init__(self, rx: re.Pattern[str], digits: int, letters: str = "") -> None:
        if digits < 1:
            raise ValueError("a digit-led shape holds a digit")
        self.rx = rx
        self.digits = digits
        self.letters = letters

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """``rx.finditer`` over each line of ``text`` (the same matches, in text order)."""
        match = for_text(self.rx, text).match
        least, letters = self.digits, self.letters
        free = 0
        for count, stop, starts in digit_groups(text):
            if count < least:
                continue
            for p in starts:
                if letters and p > free and text[p - 1] in letters:
                    m = match(text, p - 1, stop)
                    if m is not None:
                        free = m.end()
                        yield m
                if p >= free:
                    m = match(text, p, stop)
                    if m is not None:
                        free = m.end()
                        yield m
