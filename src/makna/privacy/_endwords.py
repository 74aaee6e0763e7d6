"""A cheap test of the word a text ends with, before patterns anchored at its end (internal; issue 11, speed22).

The clause cues (:func:`makna.privacy.typecontext.clause_cue`, :func:`makna.privacy.employers.work_phrase_before`)
are searched in the text of a line up to a name, some 80 characters, and match only at its end: a phrase, then
its last word (a preposition, a work or motion verb, a word of kin), then blanks (``BODY[ \\t]+(?:the[ \\t]+)?$``).
Python's ``re`` tries such a pattern at every position of the text: about 7 us a search, five or six searches a
name. :class:`EndWords` tells from the last few characters alone whether any of them can match: the text must end
with one of the patterns' last words (and the blanks), or a search is useless.
"""

from __future__ import annotations

import re
from typing import Any, Final

from ._fastrx import split_top

__all__ = ["EndGated", "EndWords"]

_BLANKS: Final = re.compile(r"\[ \\t\]\+")
"""A run of blanks between two words of a regex fragment (``jadi[ \\t]+kurir``), as written."""


class EndWords:
    """Whether a text can end with one of the alternatives of some regex fragments, then ``blanks``.

    ``fragments``: the alternations a pattern's match ends with before its closing blanks (each top-level
    alternative; one that spans words, ``deliver(?:ed)?[ \\t]+to``, by its last word ``to``), each a finite set of
    words (literals, groups, alternatives, ``?``), preceded in the pattern by a blank or by a look-behind for
    neither ``\\w`` nor ``-``. ``blanks``: the characters of the closing run; ``need_blank``: the pattern needs at
    least one (``[ \\t]+``, not ``[ \\t,]*``). :meth:`may_end` is true for every text such a pattern matches at
    its end (``$`` without MULTILINE: the end, or before one final newline), and for a few more (a case-sensitive
    alternative is taken in any case; a word holding a letter other than ASCII always passes).
    """

    __slots__ = ("_words", "blanks", "fragments", "need_blank")

    def __init__(self, *fragments: str, blanks: str = " \t", need_blank: bool = True) -> None:
        self.fragments = fragments
        self.blanks = blanks
        self.need_blank = need_blank
        self._words: frozenset[str] | None = None  # (listed at the first use: nothing parsed at import)

    @property
    def words(self) -> frozenset[str]:
        """The lower-case words the fragments' alternatives end with (expanded: ``moved?`` gives two)."""
        if self._words is None:
            words: set[str] = set()
            for fragment in self.fragments:
                for alt in split_top(fragment):
                    words |= _language(_BLANKS.split(alt)[-1])
            if not words or not all(w and w.isascii() and re.fullmatch(r"[\w\-]+", w) for w in words):
                raise ValueError("EndWords needs words of ASCII letters, digits and hyphens")
            self._words = frozenset(w.lower() for w in words)
        return self._words

    def may_end(self, text: str) -> bool:
        """False only when no pattern ending with one of the words and a closing blank run matches ``text``.

        The word the text ends with (before the blanks) is its last run of ``\\w`` characters (CPython's ``re``:
        ``str.isalnum`` or ``_``) and hyphens; a pattern's last word is preceded by a blank or by a character
        neither ``\\w`` nor ``-``, so that run is the word the pattern matched, in some case."""
        if text.endswith("\n"):
            text = text[:-1]
        body = text.rstrip(self.blanks)
        if self.need_blank and len(body) == len(text):
            return False
        i = len(body)
        while i and (body[i - 1].isalnum() or body[i - 1] in "_-"):
            i -= 1
        word = body[i:]
        return word.lower() in (self._words or self.words) if word.isascii() else True


class EndGated:
    """A compiled pattern anchored at the end of a short text, searched only when :meth:`EndWords.may_end` passes:
    ``search`` gives exactly what ``rx.search`` gives when ``ends`` lists the last words of every match (as
    :class:`EndWords` needs: each preceded by a blank or a look-behind for neither ``\\w`` nor ``-``) and the
    closing run (speed23: the role cues of :mod:`makna.privacy.roletypes`)."""

    __slots__ = ("ends", "rx")

    def __init__(self, rx: re.Pattern[str], ends: EndWords) -> None:
        self.rx = rx
        self.ends = ends

    def search(self, text: str) -> re.Match[str] | None:
        """``rx.search(text)``."""
        return self.rx.search(text) if self.ends.may_end(text) else None


def _language(fragment: str) -> set[str]:
    """Every string a regex fragment of literals, groups, alternatives and ``?`` matches (``re``'s own parser)."""
    from re import _constants as c  # type: ignore[attr-defined]  # noqa: PLC0415  (CPython's parser, 3.11+)
    from re import _parser  # type: ignore[attr-defined]  # noqa: PLC0415

    def seq(items: Any) -> set[str]:
        out = {""}
        for op, av in items:
            if op is c.LITERAL:
                opts = {chr(av)}
            elif op is c.IN and all(o is c.LITERAL for o, _ in av):
                opts = {chr(v) for _, v in av}
            elif op is c.SUBPATTERN:
                opts = seq(av[-1])
            elif op is c.BRANCH:
                opts = set().union(*(seq(b) for b in av[1]))
            elif op is c.MAX_REPEAT and av[0] == 0 and av[1] == 1:
                opts = seq(av[2]) | {""}
            else:
                raise ValueError(f"EndWords cannot list the words of {fragment!r}")
            out = {a + b for a in out for b in opts}
        return out

    return seq(_parser.parse(fragment))
