"""Lines holding a word that starts with one of a few literal stems, found with ``str.find`` (issue #11).

One ``str.find`` pass per stem over the lower-cased text is far cheaper than a case-folded regex alternation
over the whole text; the detectors of :mod:`makna.privacy.structured` then run their patterns on those lines.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["lowered", "word_lines"]


def lowered(text: str) -> str:
    """``text`` in lower case with the same offsets (a character whose lower case is longer stays as it is)."""
    if text.isascii():
        return text.lower()
    low = text.lower()
    return low if len(low) == len(text) else "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def word_lines(
    text: str, low: str, stems: Iterable[str], words: Iterable[str] = ()
) -> list[tuple[int, int]]:
    """Sorted, disjoint (start, end) spans of the lines of ``text`` where a word starts with one of ``stems``
    or is one of ``words`` (lower case, looked for in ``low``; a word may carry an Indonesian enclitic, ``-nya``,
    ``-ku``, ``-mu``); ``end`` is the line's newline or the text's end."""
    n = len(text)
    starts: dict[int, int] = {}
    for stem, whole in [*((s, False) for s in stems), *((w, True) for w in words)]:
        pos = low.find(stem)
        while pos >= 0:
            after = pos + len(stem)
            if whole and after < n and low[after].isalnum() and not low.startswith(("nya", "ku", "mu"), after):
                pos = low.find(stem, pos + 1)
                continue
            if pos == 0 or not (low[pos - 1].isalnum() or low[pos - 1] in "_@"):
                line = text.rfind("\n", 0, pos) + 1
                end = text.find("\n", pos)
                end = n if end < 0 else end
                starts[line] = end
                pos = low.find(stem, end)  # the rest of this line is taken
            else:
                pos = low.find(stem, pos + 1)
    return sorted(starts.items())
