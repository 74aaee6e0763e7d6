"""Lines (or places) of a text where a word starts with one of a few literal stems (issue #11).

Every registered set of stems (:class:`WordStarts`) is found in ONE Aho-Corasick pass (pyahocorasick) over the
lower-cased text, shared by the detectors of one chunk: a short stem such as ``ic``, ``wa`` or ``x`` occurs inside
thousands of words, and one ``str.find`` pass per stem and set (some 110 of them) cost several times more. The
detectors of :mod:`makna.privacy.structured` then run their patterns on those lines or places only.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

__all__ = ["WordLines", "WordStarts", "lowered", "word_lines", "word_starts"]

_last_lowered: tuple[str, str] = ("", "")


def lowered(text: str) -> str:
    """``text`` in lower case with the same offsets (a character whose lower case is longer stays as it is).
    The last result is kept, so the detectors of one chunk share one lower-casing."""
    global _last_lowered
    last = _last_lowered
    if last[0] is text:
        return last[1]
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    _last_lowered = (text, low)
    return low


_ENCLITICS = ("nya", "ku", "mu")


class WordStarts:
    """Where a word starts with one of ``stems`` or is one of ``words`` (lower case; a whole word may carry an
    Indonesian enclitic, ``-nya``, ``-ku``, ``-mu``), after a character that is not a letter, digit, ``_`` or
    ``@`` (or at the start of the text); ``after_at`` also keeps the words right after an ``@`` (a start after
    any character but ``\\w``)."""

    __slots__ = ("after_at", "ident", "stems", "words")

    def __init__(self, stems: Sequence[str], words: Sequence[str] = (), *, after_at: bool = False) -> None:
        if not all(stems) or not all(words):
            raise ValueError("a stem or word must not be empty")
        self.stems = tuple(stems)
        self.words = tuple(words)
        self.after_at = after_at
        self.ident = _SHARED.add(self)

    def starts(self, low: str) -> list[int]:
        """The sorted offsets in ``low`` (a lower-cased text, :func:`lowered`) where such a word starts."""
        return _SHARED.starts(low)[self.ident]

    def lines(self, text: str, low: str) -> list[tuple[int, int]]:
        """Sorted, disjoint (start, end) spans of the lines of ``text`` holding such a word (found in ``low``, its
        :func:`lowered` form); ``end`` is the line's newline or the text's end."""
        n = len(text)
        out: list[tuple[int, int]] = []
        end = -1
        for pos in self.starts(low):
            if pos > end:
                end = text.find("\n", pos)
                end = n if end < 0 else end
                out.append((text.rfind("\n", 0, pos) + 1, end))
        return out


class WordLines:
    """A gate for :func:`makna.privacy._fastrx.gated_finditer`: the lines where a word starts with one of ``stems``
    or is one of ``words`` (lower case, any case in the text; a character before it that is not a letter, digit or
    ``_``; a whole word may carry an enclitic), found in the shared word-start pass for almost nothing. Exact for a
    pattern each of whose matches holds such a word on its line (and none holds a newline; a case-folded pattern
    whose words hold an "s" or an "i" also matches a long s or a dotless i, which ``str.lower`` keeps: there, use
    :class:`makna.privacy._fastrx.Folded`, which searches such a text whole): a literal trigger of
    short month or cue words ("ag", "sep", "des", "jan") is found inside thousands of ordinary words ("bagi",
    "sepi", "desa", "jangan"), and every such line is scanned by the pattern."""

    __slots__ = ("starts",)

    def __init__(self, stems: Sequence[str] = (), words: Sequence[str] = ()) -> None:
        if any(w != w.lower() for w in (*stems, *words)):
            raise ValueError("WordLines needs lower-case stems and words")
        self.starts = WordStarts(stems, words, after_at=True)

    def lines(self, text: str) -> list[tuple[int, int]]:
        """``(start, end)`` of every line of ``text`` holding such a word (``end`` at its newline), sorted."""
        return self.starts.lines(text, lowered(text))


class _Shared:
    """Every registered :class:`WordStarts` found in one automaton pass; the result for the last text is kept."""

    def __init__(self) -> None:
        self._sets: list[WordStarts] = []
        self._automaton: Any = None  # ahocorasick.Automaton (an untyped C extension)
        self._built = -1
        self._last: tuple[str, list[list[int]]] | None = None

    def add(self, entry: WordStarts) -> int:
        self._sets.append(entry)
        return len(self._sets) - 1

    def _build(self) -> None:
        import ahocorasick  # noqa: PLC0415  (a C extension, loaded at the first search)

        owners: dict[str, list[tuple[int, bool, bool]]] = {}
        for i, entry in enumerate(self._sets):
            for word, whole in [*((s, False) for s in entry.stems), *((w, True) for w in entry.words)]:
                owners.setdefault(word, []).append((i, whole, entry.after_at))
        automaton = ahocorasick.Automaton()
        for word, idents in owners.items():
            automaton.add_word(word, (len(word) - 1, tuple(idents)))
        automaton.make_automaton()
        self._automaton = automaton
        self._built = len(self._sets)

    def starts(self, low: str) -> list[list[int]]:
        last = self._last
        if last is not None and last[0] is low and self._built == len(self._sets):
            return last[1]
        if self._built != len(self._sets):
            self._build()
        found: list[set[int]] = [set() for _ in self._sets]
        n = len(low)
        for end, (back, idents) in self._automaton.iter(low):
            pos = end - back
            at = False
            if pos:
                prev = low[pos - 1]
                if prev.isalnum() or prev == "_":
                    continue
                at = prev == "@"
            after = end + 1
            glued = after < n and low[after].isalnum() and not low.startswith(_ENCLITICS, after)
            for i, whole, after_at in idents:
                if not (whole and glued) and (after_at or not at):
                    found[i].add(pos)
        result = [sorted(s) for s in found]
        self._last = (low, result)
        return result


_SHARED = _Shared()


_BY_LISTS: dict[tuple[tuple[str, ...], tuple[str, ...]], WordStarts] = {}


def _entry(stems: Iterable[str], words: Iterable[str]) -> WordStarts:
    key = (tuple(stems), tuple(words))
    entry = _BY_LISTS.get(key)
    if entry is None:
        entry = _BY_LISTS[key] = WordStarts(*key)
    return entry


def word_starts(low: str, stems: Iterable[str], words: Iterable[str] = ()) -> list[int]:
    """:meth:`WordStarts.starts` of ``stems`` and ``words`` (registered at the first call)."""
    return _entry(stems, words).starts(low)


def word_lines(text: str, low: str, stems: Iterable[str], words: Iterable[str] = ()) -> list[tuple[int, int]]:
    """:meth:`WordStarts.lines` of ``stems`` and ``words`` (registered at the first call): the sorted, disjoint
    (start, end) spans of the lines of ``text`` where a word starts with one of ``stems`` or is one of ``words``
    (lower case, looked for in ``low``; a word may carry an Indonesian enclitic, ``-nya``, ``-ku``, ``-mu``);
    ``end`` is the line's newline or the text's end."""
    return _entry(stems, words).lines(text, low)
