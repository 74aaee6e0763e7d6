"""Capitalised only where a sentence opens: a word the same document writes in lower case elsewhere (issue #11).

A one-word person, place or organisation that is capitalised only because it opens a sentence or a turn ("Now the
agency app shows ...", "Narasumber: Macam-macam.", "Ada mandor namanya ...") reads as a name to a capital-letter
guess. The document itself says otherwise when the writer uses the same word in lower case in the middle of a
sentence elsewhere ("... right now", "... ada yang ...") and never writes it capitalised except where a sentence
opens: a name is capitalised wherever it stands. Structure only (the word's other uses in the same document), no
word list; a word followed by a colon (a speaker label) and a span with a cue of its own (an honorific, a title
before it) are kept, and a word that another detection finds capitalised mid-sentence is a name, kept everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from .types import Detection

__all__ = ["drop_sentence_words"]

_TYPES: Final = frozenset({"PERSON", "LOCATION", "ORG"})
_OPENERS: Final = frozenset(".!?:;\"“‘'(…-–—")
_TITLE: Final = re.compile(r"[A-Z][a-z]+(?:-[a-z]+)*")
_STRONG: Final = ("person.speaker", "person.honorific", "person.title", "person.self", "person.did", "person.sender")
"""Detectors whose own cue names a person whatever the word ("Ada:" as a speaker label, "Bu Ada", "Hope said").
"""


def _opens(scan: str, start: int) -> bool:
    """Whether only an opening mark (or nothing) precedes ``start`` on its line."""
    before = scan[scan.rfind("\n", 0, start) + 1 : start].rstrip()
    return not before or before[-1] in _OPENERS


def _sentence_word(scan: str, word: str) -> bool:
    """Whether ``word`` (title case) is written in lower case mid-sentence somewhere in ``scan`` and capitalised
    nowhere but where a sentence opens."""
    pattern = r"(?<![\w-])" + re.escape(word[0]) + r"(?i:" + re.escape(word[1:]) + r")(?![\w-])"
    lower = re.compile(r"(?<![\w-])" + re.escape(word.lower()) + r"(?![\w-])")
    if lower.search(scan) is None:
        return False
    return all(_opens(scan, m.start()) for m in re.finditer(pattern, scan))


def drop_sentence_words(scan: str, found: Sequence[Detection]) -> list[Detection]:
    """``found`` without the one-word names that the document shows to be ordinary words opening a sentence."""
    kept: dict[str, bool] = {}
    out: list[Detection] = []
    for det in found:
        word = det.text
        if (
            det.type not in _TYPES
            or not _TITLE.fullmatch(word)
            or det.detector.startswith(_STRONG)
            or scan[det.end : det.end + 1] == ":"
            or not _opens(scan, det.start)
        ):
            out.append(det)
            continue
        if word not in kept:
            kept[word] = not _sentence_word(scan, word)
        if kept[word]:
            out.append(det)
    return out
