"""A language's name used as a language: no identifier (issue #11, prec29).

Speakers say which languages they use ("my Tagalog is zero", "some Twi and Dagbani left in", "mass in Tetum",
"the Tagalog mass", "she speaks Quechua"); the catch-all and the name lists then take the capitalised word for a
person, a place or an organisation. :func:`names_a_language` recognises the word as a language when

* it is the English name of a language in the Unicode CLDR (``Locale("en").languages`` through Babel, a core
  dependency; Unicode License v3), one word, and no given-name, surname or place list knows it ("Shona" and "Mari"
  are names too, "Bali" and "Aceh" places: they keep their detections whatever the frame), and
* its frame is a language's: a verb of speaking, learning, teaching or translating, a measure of skill ("some",
  "a bit of", "broken", "fluent") right before it; a speech act and "in" before it ("mass in", "wrote in", "sang
  in"); a possessive before it and a verb after it ("my X is", "her X was"); or a noun of language use right after
  it ("X words", "the X mass", "X lessons").

The Indonesian frame ("bahasa X", "logat X") is :mod:`makna.privacy.lookalikes`' own. A detection with a cue of its
own (an introduction, an honorific, a speaker label) is never dropped. Every word in these docstrings is a
language's name or invented.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from . import gazetteers as gz
from .types import Detection

__all__ = ["language_names", "names_a_language"]

_TYPES: Final = frozenset({"PERSON", "LOCATION", "ORG"})
_CUED: Final = (
    "person.intro",
    "person.honorific",
    "person.self",
    "person.speech",
    "person.nickname",
    "person.speaker",
    "person.sender",
    "person.label",
)
_BEFORE: Final = re.compile(
    r"(?i:\b(?:speaks?|speaking|spoke|spoken|learn(?:s|ing|t|ed)?|teach(?:es|ing)?|taught|studied|study(?:ing)?|"
    r"translat(?:e|es|ed|ing)[ \t]+(?:it[ \t]+|them[ \t]+)?(?:into|from|to)|some|fluent|broken|basic|bit[ \t]+of|"
    r"(?:mass|service|sermon|prayers?|songs?|hymns?|sang|sing|sings|singing|wrote|write|writes|written|talk|talks|"
    r"talked|reply|replies|replied|answered|chat|chats|chatted)[ \t]+in))[ \t]+$"
)
"""A language's frame before its name: "speaks ", "some ", "a bit of ", "mass in ", "wrote in "."""
_POSSESSIVE: Final = re.compile(r"(?i:\b(?:my|his|her|our|their|your))[ \t]+$")
_VERB_AFTER: Final = re.compile(r"[ \t]+(?:is|was|isn't|wasn't|is not|was not|has|had|got|gets)\b")
_NOUN_AFTER: Final = re.compile(
    r"[ \t]+(?:words?|mass|service|sermon|hymns?|songs?|prayers?|lessons?|class(?:es)?|speakers?|translation|"
    r"version|subtitles|accent|interpreter|radio|bible)\b"
)
"""A noun of language use after the name: "X words", "the X mass", "X lessons"."""


@cache
def language_names() -> frozenset[str]:
    """One-word English names of the CLDR's languages that no given-name, surname or place list of makna knows."""
    try:
        from babel import Locale  # noqa: PLC0415  (a core dependency, loaded when first asked)
    except ImportError:  # pragma: no cover - Babel is a core dependency
        return frozenset()
    names = {n for n in Locale("en").languages.values() if n.isalpha() and n[:1].isupper()}
    known = gz.first_names("id") | gz.first_names("en") | gz.surnames() | gz.ambiguous_names() | gz.all_places()
    return frozenset(names - known)


def names_a_language(scan: str, det: Detection) -> bool:
    """Whether ``det`` (a span of ``scan``) is a language's name in a language's frame (module docstring)."""
    if det.type not in _TYPES or det.detector.startswith(_CUED) or det.text not in language_names():
        return False
    line = scan.rfind("\n", 0, det.start) + 1
    before = scan[max(line, det.start - 32) : det.start]
    if _BEFORE.search(before) or _NOUN_AFTER.match(scan, det.end):
        return True
    return bool(_POSSESSIVE.search(before) and _VERB_AFTER.match(scan, det.end))
