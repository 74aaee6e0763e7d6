"""A person named in full once is the same person where a later turn uses one word of that name (issue #11).

An English interview names someone in full once (``The recruiter, Harinder Singh Dhaliwal, came to our village``)
and then by the given name or the surname alone (``Harinder promised a job``). The rule passes repeat a name's
words only when a rule found the name with a cue (:func:`makna.privacy.persons.repeat_names` runs before the
learned layer); a full name the learned layer or a late pass found is not repeated, and the given name alone, with
no cue of its own, is left in the text. This late pass, after every stage, takes the first and the last word of
each PERSON of two words or more in the final detections and finds their other capitalised occurrences that no
detection covers: each is that person (0.7, review). A name the catch-all guessed below 0.6 (for review) is
not spread.

A word is echoed only when it cannot be read as an ordinary word: it is not in a word list (English, Indonesian,
colloquial: ``Grace``, ``Will``, ``Hope`` are left alone), no stop word (weekdays, months, apps), no honorific or
address term, written nowhere in the text in lower case, and three letters or more. An occurrence glued to a
capitalised neighbour (``Tamati Street``, ``Desmond Tutu``) is part of another name and is left alone, and so is an
occurrence right after ``the``, ``of`` or a place preposition. English transcripts only: Indonesian given names
are often ordinary words (``Indah``, ``Bunga``) and the rule repeats cover them with their own guards.

:func:`persons_over_places` (round twenty-seven) mends the same person's mentions where a place list took them.
A name of two words may also be a place in the lists (the world's and the villages' lists hold ``Carlos Barbosa``,
``Naina Devi``, ``Lina Ino``): where the document names that person by the given name with a title or a cue
(``Aunty Lina``, at 0.9 or more) and elsewhere in full, the full name found only by a list is that person, not a
place, unless a place preposition stands before it (``moved to Carlos Barbosa``). And where one mention of a full
name found elsewhere as a PERSON is found in pieces (a list's place word beside the person's other words, or two
persons either side of the comma of ``Sandhu, Amritpal``), the mention is one PERSON.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Final

from . import gazetteers as gz
from ._text import HONORIFICS, SpanIndex, line_before
from .catchall import in_lower_case
from .types import Detection

__all__ = ["echo_names", "persons_over_places"]

_WORD: Final = re.compile(
    r"[A-ZÀ-ÖØ-Þ](?:[a-zà-öø-ÿ]+|(?=['’][A-ZÀ-ÖØ-Þ]))(?:[\-’'](?!s(?![\w'’\-]))[A-ZÀ-ÖØ-Þa-zà-öø-ÿ]+)*"
)
"""A capitalised name word (a hyphen or an apostrophe inside allowed: ``Okonjo-Eze``, ``O'Brien``), without a
possessive ending (``Harinder's`` is ``Harinder``; review26)."""
_CAPITALISED_BEFORE: Final = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’\-]*[ \t]+\Z")
_CAPITALISED_AFTER: Final = re.compile(r"[ \t]+[A-ZÀ-ÖØ-Þ]")
_NOT_A_PERSON_BEFORE: Final = re.compile(
    r"(?i:(?<![\w'’\-])(?:the|of|in|at|near|to|from|into|outside|around|via)[ \t]+)\Z"
)
"""``the Callum``, ``in Tamati``: a place or an organisation's word, not the person."""
_SENTENCE_END: Final = frozenset('.!?:;"“(\n—–')
_MIN_SOURCE: Final = 0.6
"""A name found below this (the catch-all's guesses for review, 0.4-0.6) is no evidence to spread."""


@cache
def _never() -> frozenset[str]:
    """Lower-case words that are never echoed: every word list's ordinary words."""
    return gz.ordinary_words()


def _echoable(word: str, text: str) -> bool:
    """Whether ``word`` (a name's first or last word) may be echoed (module docstring)."""
    low = word.lower()
    return (
        len(word) >= 3
        and _WORD.fullmatch(word) is not None
        and low not in _never()
        and word not in gz.stop_caps()
        and word not in HONORIFICS
        and word.rstrip(".") not in HONORIFICS
        and not in_lower_case(text, low)
    )


_SHORT_ENGLISH: Final = frozenset("a an to of at in on by as is it so we he me us or if no do up i be am my".split())
"""English words of one or two letters the English word list leaves out."""
_LOWER_AFTER: Final = re.compile(r"[^\w\n]*?([a-zà-öø-ÿ][\w'’]*)")
_LOWER_BEFORE: Final = re.compile(r"([a-zà-öø-ÿ][\w'’]*)[^\w\n]*\Z")


def _english_clause(text: str, start: int, end: int) -> bool:
    """Whether the small word next to the occurrence (the one after it, else the one before it, on its line) may be
    English: an Indonesian or Minang word there (``Kato urang``, ``Papuq sudah``: a clause of another language in a
    transcript said to be English) is no place to spread an English name's words."""
    after = _LOWER_AFTER.match(text, end, min(len(text), end + 24))
    if after is not None and "\n" not in text[end : after.start(1)]:
        return not _indonesian(after.group(1))
    before = _LOWER_BEFORE.search(text, max(0, start - 24), start)
    return before is None or not _indonesian(before.group(1))


def _indonesian(word: str) -> bool:
    low = word.lower()
    if low in _SHORT_ENGLISH or low in gz.english_words():
        return False
    return low in gz.dictionary_words() or low in gz.colloquial()


def _glued(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` is part of another capitalised run or follows a place's or a firm's word."""
    before = text[max(0, start - 40) : start]
    line = before.rsplit("\n", 1)[-1]
    if _CAPITALISED_BEFORE.search(line) is not None:
        stripped = _CAPITALISED_BEFORE.sub("", line).rstrip()
        if stripped and stripped[-1] not in _SENTENCE_END:
            return True  # "Uncle Harinder" is a titled name another pass owns; "met Desmond Tutu" another name
    if _CAPITALISED_AFTER.match(text, end) is not None:
        return True
    return _NOT_A_PERSON_BEFORE.search(line) is not None


def echo_names(text: str, found: Sequence[Detection], language: str) -> list[Detection]:
    """``found`` with the uncovered capitalised occurrences of a full PERSON name's first and last words added."""
    out = sorted(found, key=lambda d: (d.start, d.end))
    if language != "en":
        return out
    words: set[str] = set()
    for det in out:
        parts = det.text.split()
        if det.type != "PERSON" or len(parts) < 2 or det.confidence < _MIN_SOURCE:
            continue
        words.update(w for w in (parts[0], parts[-1]) if _echoable(w, text))
    if not words:
        return out
    taken = [(d.start, d.end) for d in out]
    added: list[Detection] = []
    for m in _WORD.finditer(text):
        word = m.group(0)
        if word not in words:
            continue
        start, end = m.start(), m.end()
        if start and (text[start - 1].isalnum() or text[start - 1] in "@'’-"):
            continue
        if end < len(text) and text[end].isalnum():
            continue  # "TomaszX", "Tomasz2": part of another word (a handle), not the name
        if any(s < end and start < e for s, e in taken) or _glued(text, start, end):
            continue
        if not _english_clause(text, start, end):
            continue
        added.append(Detection(start, end, "PERSON", 0.7, "person.echo", word))
    return sorted(out + added, key=lambda d: (d.start, d.end))


_LIST_PLACE: Final = ("location.gazetteer", "location.list")
"""The detectors that find a place by its name alone, with no cue of a place."""
_CUED: Final = 0.9
"""A person found at this or more was found by a cue (a title, an introduction, a speech verb), not by a list."""
_PLACE_BEFORE: Final = re.compile(
    r"(?i:(?<![\w'’\-])(?:in|into|to|from|near|around|round|outside|towards|via|at|of|the)[ \t]+)\Z"
)


def _given_names(found: Sequence[Detection]) -> set[str]:
    """The first words of the persons a cue found (a one-word name is its own first word)."""
    names: set[str] = set()
    for det in found:
        words = det.text.split()
        if det.type != "PERSON" or det.confidence < _CUED or det.detector.startswith(_LIST_PLACE):
            continue
        while words and (words[0] in HONORIFICS or words[0].rstrip(".") in HONORIFICS):
            words = words[1:]  # "Aunty Lina" kept with its title: the given name is the word after it
        if words and _WORD.fullmatch(words[0]):
            names.add(words[0])
    return names


def _whole_mentions(text: str, found: list[Detection]) -> list[Detection]:
    """``found`` with each mention of a full PERSON name found in pieces (a list's place among them) made one."""
    fulls = {d.text for d in found if d.type == "PERSON" and len(d.text.split()) > 1 and d.confidence >= _MIN_SOURCE}
    index = SpanIndex(found)  # the pieces by bisection, each merge in place (a copy per merge was quadratic: review27)
    for name in sorted(fulls):
        for m in re.finditer(rf"(?<![\w'’\-]){re.escape(name)}(?![\w'’\-])", text):
            inside = index.overlapping(m.start(), m.end())
            if len(inside) < 2 or any(d.start < m.start() or d.end > m.end() for d in inside):
                continue
            if any((d.start, d.end) == m.span() for d in inside):
                continue  # already found whole (a piece inside it is another pass's, not this one's to drop)
            if not any(d.type == "PERSON" for d in inside):
                continue
            if not all(d.type == "PERSON" or d.detector.startswith(_LIST_PLACE) for d in inside):
                continue
            sure = max([0.7] + [d.confidence for d in inside if d.type == "PERSON"])
            for d in inside:
                index.remove(d)
            index.add(Detection(m.start(), m.end(), "PERSON", sure, "person.echo", name))
    return index.kept()


def persons_over_places(text: str, found: Sequence[Detection], language: str) -> list[Detection]:
    """``found`` with a person's full name that a place list took typed PERSON (module docstring)."""
    out = sorted(found, key=lambda d: (d.start, d.end))
    if language != "en":
        return out
    given = _given_names(out)
    if not given:
        return out
    for i, det in enumerate(out):
        words = det.text.split()
        if det.type != "LOCATION" or not det.detector.startswith(_LIST_PLACE) or len(words) < 2:
            continue
        if words[0] not in given or not all(_WORD.fullmatch(w) for w in words):
            continue
        if _PLACE_BEFORE.search(line_before(text, det.start, 24)) is not None:
            continue  # "moved to Carlos Barbosa": the sentence says a place
        out[i] = Detection(det.start, det.end, "PERSON", max(det.confidence, 0.7), "person.echo", det.text)
    return sorted(_whole_mentions(text, out), key=lambda d: (d.start, d.end))
