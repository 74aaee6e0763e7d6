"""A compile-time rewrite that gives a look-behind-led pattern a first-character set (internal, issue #11).

Python's ``re`` skips quickly through a text only to a literal or a character set that leads a pattern. A pattern
led by a look-behind (``(?<![\\w])``, ``(?<=[.!][ \\t])``), ``\\b``, a look-ahead or an alternation of case-folded
words is tried at every position of every line it is given. :func:`lead_set` rewrites the pattern's source so that
one character set consumes its first character, and every element that stood at the first character's place now
checks it from one place further:

* the first literal, class or class escape ``c`` of each alternative becomes the look-behind ``(?<=c)`` (inside
  the same ``(?i:...)`` as before, so it accepts exactly the characters ``c`` matched);
* a look-behind ``(?<!X)`` / ``(?<=X)`` before it becomes ``(?<!X[\\s\\S])`` / ``(?<=X[\\s\\S])``, ``\\b`` the
  same test one character back, and a look-ahead of one class ``(?=[C])`` the look-behind ``(?<=[C])``;
* groups at the lead are rewritten inside, alternatives keep their order, and nothing after the first element
  changes.

The set is every first character, both cases of a letter and the characters Python folds onto a letter (long s,
dotless i, dotted capital I, Kelvin sign): a superset, since the look-behinds decide. The matches, groups and the
engine's order of trying are those of the pattern as written. Refused (``ValueError``): a capturing group, a
quantified element or an empty alternative at the lead, a negated class, a non-ASCII letter in a case-folded lead.
An optional first element or group (``0?[1-9]``) is tried with it, then without it, and ``E+`` is read as ``E E*``
and ``E{m,n}`` as ``E E{m-1,n-1}``, as the engine does (a copied part must capture nothing). The caller puts a
capturing group that began at the lead around the result and compiles without ``re.IGNORECASE`` as a whole (the set
is written case by case).
``tests/privacy/test_deid_speed12.py`` checks every rewritten
pattern against the pattern as written on random texts.
"""

from __future__ import annotations

import re

from ._ci import FOLDS, class_end
from ._fastrx import split_top

__all__ = ["lead_set"]

_QUANT = ("?", "*", "+", "{")
_BOUNDARY = r"(?:(?<!\w[\s\S])(?<=\w)|(?<=\w[\s\S])(?<!\w))"
"""``\\b`` at the place one character back (``(?<!\\w[\\s\\S])`` when every first character is a word
character)."""
_COUNT = re.compile(r"\{(\d+)(?:,(\d*))?\}")
"""A counted repeat, ``{m}``, ``{m,}`` or ``{m,n}``."""
_CAPTURE = re.compile(r"(?<!\\)\((?!\?)|\(\?P<")
"""A capturing group in a regex's source (copied, it would be numbered twice or named twice)."""
_LITERAL_HEAD = re.compile(r"\(\?<=(\\?[^\\\[\]()])\)")
"""A stripped alternative led by the look-behind of one literal character."""


def _group_end(src: str, i: int) -> int:
    """The index of the ``)`` closing the group that opens at ``src[i]``."""
    depth, j, n = 0, i, len(src)
    while j < n:
        c = src[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            j = class_end(src, j)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j
        j += 1
    raise ValueError(f"unbalanced group in {src!r}")


def _element(src: str) -> int:
    """The length of the literal, class or escape that starts ``src`` (0 for a group or an operator)."""
    if src.startswith("["):
        return class_end(src, 0)
    if src.startswith("\\"):
        return 2
    return 0 if src[:1] in "()|.^$" else 1


class _Strip:
    def __init__(self) -> None:
        self.firsts: list[str] = []

    def add(self, chars: str, fold: bool) -> None:
        for c in chars:
            if c.isascii() and c.isalpha():
                more = FOLDS.get(c.lower(), c.lower() + c.upper())
            elif fold and c.isalpha():
                raise ValueError(f"a case-folded lead {c!r} outside ASCII")
            else:
                more = c
            for m in more:
                if m not in self.firsts:
                    self.firsts.append(m)

    def alts(self, src: str, fold: bool) -> str:
        stripped = [self.seq(alt, fold) for alt in split_top(src)]
        # Alternatives led by different literal characters never match at one place: grouped by that character
        # (in the order of first appearance, each group in its own order), one look-behind tests it for all.
        heads = [_LITERAL_HEAD.match(alt) for alt in stripped]
        if len(stripped) < 2 or not all(heads):
            return "|".join(stripped)
        groups: dict[str, list[str]] = {}
        for alt, head in zip(stripped, heads, strict=True):
            assert head is not None  # (checked above)
            char = head.group(1)
            key = char.lower() if fold else char
            groups.setdefault(key, []).append(alt[head.end() :])
        if fold and any(len(key) == 1 and key in FOLDS for key in groups):
            return "|".join(stripped)  # (a folded i, k or s: its look-behind also takes other letters)
        # (a key is the head's character as the look-behind already wrote it: escaped where it needs to be)
        return "|".join(f"(?<={key})(?:{'|'.join(rests)})" for key, rests in groups.items())

    def seq(self, src: str, fold: bool) -> str:
        if not src:
            raise ValueError("an empty alternative at the lead")
        if src.startswith("("):
            end = _group_end(src, 0)
            after = src[end + 1 :]
            if src.startswith(("(?<!", "(?<=")):
                return f"{src[:end]}[\\s\\S]){self.seq(after, fold)}"
            if src.startswith("(?="):
                look = src[3:end]
                if not look.startswith("[") or class_end(look, 0) != len(look) or look.startswith("[^"):
                    raise ValueError(f"a look-ahead at the lead must be one class: {src[: end + 1]!r}")
                return f"(?<={look}){self.seq(after, fold)}"
            opened = re.match(r"\(\?(?:[aiLmsux]*(?:-[imsx]+)?)?:", src)
            head = opened.group(0) if opened else ""
            if not head:
                raise ValueError(f"a capturing or special group at the lead: {src[: end + 1]!r}")
            quant, rest = after[:1], after[1:]
            if quant in ("?", "+") and rest[:1] not in ("?", "+") and not _CAPTURE.search(src[: end + 1] + rest):
                # greedy: (?:X)?R is tried as XR, then R; (?:X)+R as X(?:X)*R (nothing captured is copied)
                if quant == "?":
                    return f"(?:{self.seq(src[: end + 1] + rest, fold)}|{self.seq(rest, fold)})"
                return self.seq(f"{src[: end + 1]}{src[: end + 1]}*{rest}", fold)
            if quant in _QUANT:
                raise ValueError(f"a quantified group at the lead: {src[: end + 1]!r}")
            inner = src[len(head) : end]
            flags = head[2:-1]
            inner_fold = (fold or "i" in flags.split("-")[0]) and "i" not in flags.partition("-")[2]
            return f"{head}{self.alts(inner, inner_fold)}){after}"
        if src.startswith("\\b"):
            return _BOUNDARY + self.seq(src[2:], fold)
        size = _element(src)
        quant = src[size : size + 1] if size else ""
        if quant in ("?", "+") and src[size + 1 : size + 2] not in ("?", "+"):
            # greedy: an optional first element is tried with it first, then without it; E+ as E E*
            if quant == "?":
                return f"(?:{self.seq(src[:size] + src[size + 1 :], fold)}|{self.seq(src[size + 1 :], fold)})"
            return self.seq(f"{src[:size]}{src[:size]}*{src[size + 1 :]}", fold)
        counted = _COUNT.match(src, size) if size else None
        if (
            counted is not None
            and int(counted.group(1)) >= 1
            and src[counted.end() : counted.end() + 1] not in ("?", "+")
        ):
            # greedy E{m,n} as E E{m-1,n-1} (E{m} as E E{m-1})
            low, high = int(counted.group(1)), counted.group(2)
            more = f"{{{low - 1}}}" if high is None else f"{{{low - 1},{int(high) - 1 if high else ''}}}"
            return self.seq(f"{src[:size]}{src[:size]}{more}{src[counted.end() :]}", fold)
        if src.startswith("["):
            end = class_end(src, 0)
            if src.startswith("[^"):
                raise ValueError(f"a negated class at the lead: {src!r}")
            self._check(src, end)
            self._class(src[1 : end - 1], fold)
            return f"(?<={src[:end]}){src[end:]}"
        if src.startswith("\\"):
            char = src[1:2]
            self._check(src, 2)
            if char in "dw":
                self.firsts.append(src[:2])
            elif char.isalnum():
                raise ValueError(f"an escape at the lead: {src[:2]!r}")
            else:
                self.add(char, fold)
            return f"(?<={src[:2]}){src[2:]}"
        if src[0] in ".^$|)":
            raise ValueError(f"an operator at the lead: {src!r}")
        self._check(src, 1)
        self.add(src[0], fold)
        return f"(?<={re.escape(src[0])}){src[1:]}"

    def _check(self, src: str, end: int) -> None:
        if src[end : end + 1] in _QUANT:
            raise ValueError(f"a quantified element at the lead: {src!r}")

    def _class(self, inside: str, fold: bool) -> None:
        i, n = 0, len(inside)
        while i < n:
            c = inside[i]
            if c == "\\":
                esc = inside[i : i + 2]
                if esc[1:] in ("d", "w", "s"):
                    self.firsts.append(esc)
                elif esc[1:].isalnum():
                    raise ValueError(f"an escape in a lead class: {esc!r}")
                else:
                    self.add(esc[1:], fold)
                i += 2
            elif i + 2 < n and inside[i + 1] == "-":
                lo, hi = c, inside[i + 2]
                self.add("".join(chr(x) for x in range(ord(lo), ord(hi) + 1)), fold)
                i += 3
            else:
                self.add(c, fold)
                i += 1


def lead_set(source: str) -> str:
    """``source`` (a regex without ``re.IGNORECASE`` as a whole) rewritten to start with a character set that
    consumes its first character (see the module's docstring): the same matches, scanned quickly."""
    strip = _Strip()
    body = strip.alts(source, False)
    union = "".join(c if len(c) == 2 else (c if c.isalnum() else re.escape(c)) for c in strip.firsts)
    if all(c in ("\\d", "\\w") or re.match(r"\w", c) for c in strip.firsts):
        body = body.replace(_BOUNDARY, r"(?<!\w[\s\S])")
    return f"[{union}](?:{body})"
