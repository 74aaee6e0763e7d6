"""Regular-expression building blocks that keep Python's fast scan (internal).

Python's ``re`` scans quickly only when a pattern starts with a literal or a plain character set; a
pattern that starts with a look-behind, ``\\b`` or an alternation of case-folded words is tried at every
position of the text, which is 3-10x slower. Two rewrites restore the fast scan with the same matches:

* :func:`dispatch` turns ``(?<!X)(?:w1|w2|...)`` into ``[firsts](?<!X.)(?:(?<=[aA])(?:rest...)|...)``:
  the first character is consumed by a plain set, the look-behind checks the character before it, and
  a one-character look-behind picks the alternatives that start with it (their order is kept).
* :func:`gated_finditer` runs a pattern only on the lines that hold one of its trigger literals; it is
  exact for patterns that never match a newline and whose every match contains a trigger.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ._ci import ci

__all__ = ["dispatch", "gated_finditer", "split_top", "trigger"]


def split_top(fragment: str) -> list[str]:
    """The top-level ``|`` alternatives of a regex fragment (brackets, groups and escapes respected)."""
    parts: list[str] = []
    depth, start, i, n = 0, 0, 0, len(fragment)
    while i < n:
        c = fragment[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            j = i + 1
            if j < n and fragment[j] == "^":
                j += 1
            if j < n and fragment[j] == "]":
                j += 1
            while j < n and fragment[j] != "]":
                j += 2 if fragment[j] == "\\" else 1
            i = j + 1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(fragment[start:i])
            start = i + 1
        i += 1
    parts.append(fragment[start:])
    return parts


def _first(alt: str) -> tuple[str, str]:
    """(first literal character, rest of the fragment); the first must be a literal, not an operator."""
    if alt.startswith("\\"):
        char, rest = alt[1], alt[2:]
        if char.isalnum():
            raise ValueError(f"alternative {alt!r} must start with a literal character")
    else:
        char, rest = alt[0], alt[1:]
        if char in "()[]|?*+{.^$":
            raise ValueError(f"alternative {alt!r} must start with a literal character")
    if rest[:1] in ("?", "*", "+", "{"):
        raise ValueError(f"alternative {alt!r} has a quantified first character")
    return char, rest


def _cls(chars: Sequence[str]) -> str:
    return "".join(c if c.isalnum() else "\\" + c for c in chars)


def dispatch(
    alternatives: Sequence[str],
    *,
    fold: bool = False,
    not_after: str | None = None,
    extra: Sequence[tuple[str, str]] = (),
) -> str:
    """A fast-scanning regex for ``(?<![not_after])(?:alt1|alt2|...)``.

    Each alternative is a regex fragment that starts with a literal character (``\\+`` allowed).
    ``fold`` makes ASCII letters match both cases (as :func:`makna.privacy._ci.ci`); ``not_after`` is the
    inside of a character class that must not precede the match (``"\\w"`` for ``\\b`` before a word).
    ``extra`` adds ``(first-character class, rest)`` branches tried after the others; their classes must
    not share a character with the literal first characters.
    """
    groups: dict[str, list[str]] = {}
    for alt in alternatives:
        char, rest = _first(alt)
        key = char.lower() if fold and char.isascii() else char
        groups.setdefault(key, []).append(ci(rest) if fold else rest)
    firsts: list[str] = []
    branches: list[str] = []
    for key, rests in groups.items():
        chars = sorted({key, key.upper()}) if fold and key.isascii() and key.isalpha() else [key]
        firsts.extend(chars)
        branches.append(f"(?<=[{_cls(chars)}])(?:{'|'.join(rests)})")
    first_cls = _cls(firsts)
    for inside, rest in extra:
        first_cls += inside
        branches.append(f"(?<=[{inside}])(?:{ci(rest) if fold else rest})")
    guard = f"(?<![{not_after}][\\s\\S])" if not_after else ""
    return f"[{first_cls}]{guard}(?:{'|'.join(branches)})"


def trigger(literals: Sequence[str]) -> re.Pattern[str]:
    """A pattern finding any of ``literals`` (case-sensitive) with the fast scan."""
    return re.compile("|".join(re.escape(w) for w in sorted(set(literals), key=len, reverse=True)))


def gated_finditer(rx: re.Pattern[str], gate: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``rx.finditer(text)``, run only over the lines where ``gate`` matches.

    Exact when no match of ``rx`` can contain a newline, every match contains a match of ``gate``, and
    no look-ahead of ``rx`` reads past the newline that ends a line (``\\b``, ``(?!\\w)`` and the like
    only read the newline itself, which each line's search still sees).
    """
    covered = -1
    n = len(text)
    for hit in gate.finditer(text):
        if hit.start() <= covered:
            continue
        line_start = text.rfind("\n", 0, hit.start()) + 1
        line_end = text.find("\n", hit.end())
        line_end = n if line_end < 0 else line_end
        yield from rx.finditer(text, line_start, min(n, line_end + 1))
        covered = line_end
