"""Line sets and literal scans shared by the gated patterns of :mod:`._fastrx` (internal, issue #11).

:class:`Literals` finds where each of some literal words occurs in one Aho-Corasick pass; :class:`SharedLines`
finds once per text the lines where a regex gate matches (:data:`DIGIT_LINES`, :data:`DIGIT_RUN_LINES`), and
:class:`AllOf` intersects several gates' lines. :func:`ascii_finditer` and :func:`for_text` run a pattern through
its ``re.ASCII`` twin on an all-ASCII text (the same matches). Moved out of :mod:`._fastrx`, which re-exports them.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._fastrx import Narrowed, Trigger
    from ._find import WordLines

__all__ = [
    "AllOf",
    "DIGIT_LINES",
    "DIGIT_RUN_LINES",
    "GLUED_AFTER",
    "GLUED_BEFORE",
    "Literals",
    "SharedLines",
    "ascii_finditer",
    "for_text",
    "lines_finditer",
    "plain_ascii",
    "word_spans",
]


class Literals:
    """Where each of some literal words occurs in a text, all found in one Aho-Corasick pass (pyahocorasick)
    instead of one ``str.find`` pass per word (about 0.6 ms/MB each)."""

    __slots__ = ("_automaton", "_newline", "words")

    def __init__(self, words: Sequence[str]) -> None:
        if not all(words):
            raise ValueError("a literal word must not be empty")
        self.words = tuple(words)
        self._newline = any("\n" in word for word in self.words)
        self._automaton: Any = None

    def _auto(self) -> Any:
        if self._automaton is None:
            import ahocorasick  # noqa: PLC0415  (a C extension, loaded at the first search)

            owners: dict[str, list[int]] = {}
            for i, word in enumerate(self.words):
                owners.setdefault(word, []).append(i)
            automaton = ahocorasick.Automaton()
            for word, idents in owners.items():
                automaton.add_word(word, (len(word) - 1, tuple(idents)))
            automaton.make_automaton()
            self._automaton = automaton
        return self._automaton

    def starts(self, text: str) -> list[list[int]]:
        """Per word (in the order given), the offsets where it starts in ``text``, each after the end of the
        one before: the offsets of ``pos = text.find(word, end_of_previous)`` repeated."""
        out: list[list[int]] = [[] for _ in self.words]
        free = [0] * len(self.words)
        for last, (back, idents) in self._auto().iter(text):
            pos = last - back
            for i in idents:
                if pos >= free[i]:
                    out[i].append(pos)
                    free[i] = last + 1
        return out

    def line_starts(self, text: str) -> set[int]:
        """The start offsets of the lines of ``text`` holding one of the words (none may hold a newline)."""
        if self._newline:
            raise ValueError("line_starts needs words without a newline")
        lines: set[int] = set()
        line_end = -1
        for last, (back, _) in self._auto().iter(text):
            pos = last - back
            if pos > line_end:
                line_start = text.rfind("\n", 0, pos) + 1
                line_end = text.find("\n", pos)
                line_end = len(text) if line_end < 0 else line_end
                lines.add(line_start)
        return lines


_ASCII_TWINS: dict[re.Pattern[str], re.Pattern[str]] = {}


def plain_ascii(text: str) -> bool:
    """True for an all-ASCII text (known in O(1)) without the separators \\x1c-\\x1f (which Unicode counts as
    white space and ``re.ASCII`` does not): on it a pattern without ``re.IGNORECASE`` matches the same in both
    modes."""
    return text.isascii() and not any(sep in text for sep in "\x1c\x1d\x1e\x1f")


class SharedLines:
    """The lines where a regex ``gate`` matches (through its ASCII twin on an ASCII text, as
    :func:`ascii_finditer`), found once per text and shared by the patterns gated on it (the result for the last
    text is kept). :data:`DIGIT_RUN_LINES`, the lines holding three digits in a row, gates the digit-led identity
    number shapes: each one scanned a whole text for digits (5 to 13 ms/MB); the gate scans it once."""

    __slots__ = ("_last", "gate")

    def __init__(self, gate: re.Pattern[str]) -> None:
        self.gate = gate
        self._last: tuple[str, list[tuple[int, int]]] | None = None

    def lines(self, text: str) -> list[tuple[int, int]]:
        """``(start, end)`` of every line of ``text`` where the gate matches (``end`` at its newline), sorted."""
        last = self._last
        if last is not None and last[0] is text:
            return last[1]
        n = len(text)
        out: list[tuple[int, int]] = []
        search = _twin(self.gate).search if text.isascii() else self.gate.search
        hit = search(text)
        while hit is not None:
            end = text.find("\n", hit.end())
            end = n if end < 0 else end
            out.append((text.rfind("\n", 0, hit.start()) + 1, end))
            hit = search(text, end + 1)  # the next line
        self._last = (text, out)
        return out


def lines_finditer(rx: re.Pattern[str], gate: SharedLines, text: str) -> Iterator[re.Match[str]]:
    """``ascii_finditer(rx, text)``, run only over the lines of ``gate``: exact on the conditions of
    :func:`gated_finditer` (no match of ``rx`` holds a newline, every one holds a match of the gate, no look-ahead
    reads past the newline that ends a line)."""
    n = len(text)
    finditer = _twin(rx).finditer if text.isascii() else rx.finditer
    for start, end in gate.lines(text):
        yield from finditer(text, start, min(n, end + 1))


class AllOf:
    """The lines where every one of several gates (:class:`Trigger`, :class:`Narrowed`, :class:`SharedLines`) holds:
    for a pattern each of whose matches holds a match of every gate (a calling word AND three digits in a row),
    so that a common literal ("wa" inside many Indonesian words) does not send most lines to the pattern."""

    __slots__ = ("gates",)

    def __init__(self, *gates: Trigger | Narrowed | SharedLines | WordLines) -> None:
        if not gates:
            raise ValueError("AllOf needs a gate")
        self.gates = gates

    def lines(self, text: str) -> list[tuple[int, int]]:
        """``(start, end)`` of every line of ``text`` where every gate holds (``end`` at its newline), sorted."""
        out = self.gates[0].lines(text)
        for gate in self.gates[1:]:
            keep = {start for start, _ in gate.lines(text)}
            out = [line for line in out if line[0] in keep]
        return out


DIGIT_RUN_LINES = SharedLines(re.compile(r"\d\d\d"))
"""The lines holding three digits in a row (``\\d``: any digit on a text that is not all ASCII)."""
DIGIT_LINES = SharedLines(re.compile(r"\d"))
"""The lines holding a digit (``\\d``: any digit on a text that is not all ASCII)."""


def ascii_finditer(rx: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``rx.finditer(text)``; on an all-ASCII text (known in O(1)) through ``rx`` compiled with ``re.ASCII``,
    whose ``\\d`` and ``\\w`` are bitmap tests instead of Unicode look-ups (a digit-first pattern scans
    about a fifth faster).

    The same matches: on ASCII text ``\\d``, ``\\w`` and ``\\b`` mean the same in both modes. ``rx`` must be
    written in ASCII, without ``re.IGNORECASE`` (Unicode folds such as "K" to "k") and without a bare ``\\s``
    or ``\\S`` (Unicode counts the ASCII separators \\x1c-\\x1f as spaces); ``[\\s\\S]`` (any character) is fine.
    """
    if not text.isascii():
        return rx.finditer(text)
    return _twin(rx).finditer(text)


def for_text(rx: re.Pattern[str], text: str) -> re.Pattern[str]:
    """``rx``, or its ``re.ASCII`` twin on an all-ASCII ``text`` (the same matches; see :func:`ascii_finditer`),
    for a search on parts of ``text``."""
    return _twin(rx) if text.isascii() else rx


def _twin(rx: re.Pattern[str]) -> re.Pattern[str]:
    """``rx`` compiled with ``re.ASCII`` (see :func:`ascii_finditer`), compiled once."""
    twin = _ASCII_TWINS.get(rx)
    if twin is None:
        bare = rx.pattern.replace(r"[\s\S]", "")
        if not rx.pattern.isascii() or rx.flags & re.IGNORECASE or "(?i" in bare or r"\s" in bare or r"\S" in bare:
            raise ValueError(f"pattern {rx.pattern[:40]!r} may match differently with re.ASCII")
        twin = _ASCII_TWINS[rx] = re.compile(rx.pattern, (rx.flags & ~re.UNICODE) | re.ASCII)
    return twin


GLUED_BEFORE = re.compile(r"[\w@.\-]")
"""A character that, right before a name token, makes it part of a longer word, address or handle."""
GLUED_AFTER = re.compile(r"[\w@\-]")
"""A character that, right after a name token, makes it part of a longer word, address or handle."""


def word_spans(
    text: str, words: Collection[str], not_after: re.Pattern[str], not_before: re.Pattern[str]
) -> list[tuple[int, int]]:
    """The spans of ``re.finditer(r"(?<!A)(?:w1|w2|...)(?!B)", text)`` with ``words`` escaped and longest first,
    where ``not_after`` and ``not_before`` match the one character A and B (``[\\w@.\\-]``): at each place the
    longest word whose neighbours pass, leftmost first, none overlapping. All occurrences of all the words come
    from one Aho-Corasick pass (pyahocorasick) instead of compiling an alternation of a text's own words per text.
    """
    if not words:
        return []
    import ahocorasick  # noqa: PLC0415  (a C extension, loaded at the first search)

    automaton = ahocorasick.Automaton()
    for word in words:
        if not word:
            raise ValueError("a word must not be empty")
        automaton.add_word(word, len(word))
    automaton.make_automaton()
    n = len(text)
    longest: dict[int, int] = {}
    before, after = not_after.match, not_before.match
    for last, size in automaton.iter(text):  # in the order of their ends: a longer word at one start comes later
        start, end = last + 1 - size, last + 1
        if (start and before(text, start - 1)) or (end < n and after(text, end)):
            continue
        longest[start] = end
    spans: list[tuple[int, int]] = []
    free = 0
    for start in sorted(longest):
        if start >= free:
            free = longest[start]
            spans.append((start, free))
    return spans
