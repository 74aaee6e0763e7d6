"""Exact narrowings of a search window (internal; speed, issue #11).

A pattern that must run to the end of its window without crossing a sentence's end (``[^.?!\\n]*$``) can only
start after the last sentence end in the window: searching from there finds the same match, sooner. Look-behinds
still read the text before the new start (``re`` looks behind into the whole string, whatever ``pos`` says).
"""

from __future__ import annotations

__all__ = ["after_last_sentence_end"]

_ENDS = (".", "?", "!", "\n")


def after_last_sentence_end(text: str, lo: int, hi: int) -> int:
    """Where a search of ``text[lo:hi]`` for a match that holds none of ``.?!`` or a newline and ends at ``hi``
    (or, ``$`` without ``re.MULTILINE``, before a newline that ends the window) can start: just after the last
    of those characters before that end, or ``lo``. The match must also not start with one of them."""
    end = hi - 1 if hi > lo and text[hi - 1] == "\n" else hi
    return max(lo, max(text.rfind(ch, lo, end) for ch in _ENDS) + 1)
