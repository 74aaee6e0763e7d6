"""Line gates built on the shared line sets of :mod:`._fastrx` (internal, issue #11).

A gate given to :func:`._fastrx.gated_finditer` as a bare compiled regex is searched over the whole text: one led by
a digit class or a case-folded word is tried at most places of it (9 to 45 ms/MB each). :class:`InLines` searches it
only on the lines of a set that every one of its matches lies in (:data:`._fastrx.DIGIT_LINES`, found once per
text and shared by every rule stage), which gives the same lines for a fraction of the cost.
"""

from __future__ import annotations

import re
from typing import Protocol

__all__ = ["InLines", "LineSet"]


class LineSet(Protocol):
    """Anything that gives the ``(start, end)`` lines of a text (``end`` at its newline), sorted."""

    def lines(self, text: str) -> list[tuple[int, int]]: ...


class InLines:
    """The lines of ``base`` where the regex ``gate`` matches: the same lines as ``gate`` searched over the whole
    text, for a gate whose every match lies on a line of ``base`` (a gate that needs a digit, on the lines holding
    one), holds no newline and reads nothing past the newline that ends its line."""

    __slots__ = ("base", "gate")

    def __init__(self, base: LineSet, gate: re.Pattern[str]) -> None:
        self.base = base
        self.gate = gate

    def lines(self, text: str) -> list[tuple[int, int]]:
        """``(start, end)`` of every line of ``text`` where the gate matches (``end`` at its newline), sorted."""
        n = len(text)
        search = self.gate.search
        return [(start, end) for start, end in self.base.lines(text) if search(text, start, min(n, end + 1))]
