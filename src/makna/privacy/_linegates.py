"""Line gates built on the shared line sets of :mod:`._fastrx` (internal, issue #11).

A gate given to :func:`._fastrx.gated_finditer` as a bare compiled regex is searched over the whole text: one led by
a digit class or a case-folded word is tried at most places of it (9 to 45 ms/MB each). :class:`InLines` searches it
only on the lines of a set that every one of its matches lies in (:data:`._fastrx.DIGIT_LINES`, found once per
text and shared by every rule stage), which gives the same lines for a fraction of the cost.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Protocol

__all__ = ["InLines", "LineSet", "RunFirst"]


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


class RunFirst:
    """A regex ``rx`` led by a word of a character class ``run`` (greedy) that never ends where ``run`` could go
    on (the next element needs a character outside the class), searched only from the first of its possible starts
    (``start``) in each maximal run of that class: the same matches as ``rx.finditer``, in linear time. A start
    later in the same run reaches the run's end in the same state as the first one did, so it fails where the
    first failed; the regex engine, trying each, scanned the rest of the run from each (quadratic on a long line
    of hyphen-joined capitalised words)."""

    __slots__ = ("rx", "run", "start")

    def __init__(self, rx: re.Pattern[str], start: re.Pattern[str], run: re.Pattern[str]) -> None:
        self.rx = rx
        self.start = start
        self.run = run

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        """The matches of ``rx`` in ``text[pos:endpos]`` (as :meth:`re.Pattern.finditer`)."""
        stop = len(text) if endpos is None else min(endpos, len(text))
        search, match, run = self.start.search, self.rx.match, self.run.match
        hit = search(text, pos, stop)
        while hit is not None:
            at = hit.start()
            m = match(text, at, stop)
            if m is not None:
                yield m
                nxt = m.end() if m.end() > at else at + 1
            else:
                ran = run(text, at, stop)
                nxt = max(at + 1, ran.end() if ran is not None else at + 1)
            hit = search(text, nxt, stop)
