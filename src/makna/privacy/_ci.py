"""Case-insensitive regex fragments without ``re.IGNORECASE`` (internal).

Python's ``re`` loses its first-character fast scan under ``IGNORECASE``: a cue alternation compiled that
way is 5-10x slower over a long transcript. :func:`ci` rewrites each ASCII letter of a pattern fragment as
``[xX]`` (outside escapes, character classes and group headers), which keeps the fast scan.
"""

from __future__ import annotations

__all__ = ["FOLDS", "ci", "class_end"]

FOLDS = {"i": "Ii\u0130\u0131", "k": "Kk\u212a", "s": "Ss\u017f"}
"""Every character a case-folded ASCII letter matches in ``re`` (Unicode) when that is more than its two cases:
the dotted capital and dotless i, the Kelvin sign, the long s."""


def class_end(pattern: str, i: int) -> int:
    """The index just after the character class that starts with the ``[`` at ``pattern[i]`` (a
    leading ``^``, a ``]`` right after it, and escapes respected)."""
    n = len(pattern)
    j = i + 1
    if j < n and pattern[j] == "^":
        j += 1
    if j < n and pattern[j] == "]":
        j += 1
    while j < n and pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return j + 1


def ci(pattern: str) -> str:
    """``pattern`` with every ASCII letter matching both cases."""
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i : i + 2])
            i += 2
        elif c == "[":
            j = class_end(pattern, i)
            out.append(pattern[i:j])
            i = j
        elif c == "(" and pattern.startswith("(?", i):
            if pattern.startswith("(?P<", i):
                j = pattern.index(">", i) + 1
            elif pattern.startswith("(?<=", i) or pattern.startswith("(?<!", i):
                j = i + 4
            else:
                j = i + 3
            out.append(pattern[i:j])
            i = j
        elif c == "{":
            j = pattern.index("}", i) + 1
            out.append(pattern[i:j])
            i = j
        elif c.isascii() and c.isalpha():
            out.append(f"[{c.lower()}{c.upper()}]")
            i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)
