"""A name found once with evidence names the same one at its other mentions (issue #11, leak28).

A transcript names a person, a place or an organisation several times, and the detectors find each mention on its
own evidence: a cue, an honorific, a list, the learned layer. A mention said with no evidence of its own (the place
in quotes before the turn that says "moved to" it, the short name a later turn uses alone) is left in the text
although another mention of the very same name was found: the identifier survives ``apply``. This late pass, after
every stage, takes the names found at :data:`SOURCE_CONFIDENCE` or more by a cue, a list or a repeat (not the
capital-letter guesses of the catch-all and the learned layer) and marks their other mentions that no detection
touches, with the source's type (0.7, for review: ``mention.spread``):

* a name of two words or more (a PERSON's honorifics left out): its other occurrences, as written;
* a one-word name, or a PERSON's first or last word: its other occurrences outside another capitalised run
  (``Kisumu`` found, ``Kisumu Road`` is another name);
* the place an organisation is named after (``University of Kapsabet``: ``Kapsabet`` alone is a LOCATION at 0.6,
  ``mention.org_place``).

A word is spread only when it cannot be read as an ordinary word: four letters or more, in no word list (English,
Indonesian, colloquial: ``Grace``, ``Melati``, ``Gede`` stay), no stop word, honorific, address term or brand, and
written nowhere in the text in lower case. Lower-case mentions are never spread: on the open corpus nearly every
lower-case occurrence of a word some mention gives as a name is the word itself (Minang and Malay nicknames are
words: ``Bareh``, ``Kapeh``, ``Cubadak``; ``kamek``, ``isun`` are pronouns that a turn's first name swallowed). A
name the document finds as two types is not spread.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Final

from . import gazetteers as gz
from ._text import HONORIFICS, SpanIndex, line_before
from .catchall import in_lower_case
from .handles import inflected_word
from .types import Detection

__all__ = ["SOURCE_CONFIDENCE", "persons_over_listed_places", "persons_shown_as_handles", "spread_mentions"]

SOURCE_CONFIDENCE: Final = 0.6
"""A name found at this or more is evidence for its other mentions; the catch-all's guesses (0.4-0.6) are not (the
bound :mod:`.person_echoes` spreads from)."""
_ORG_PLACE_WORDS: Final = frozenset("of di in at for".split())
"""``University of X``, ``Polsek di X``: the word after these in an organisation's name is a place."""
_TYPES: Final = frozenset({"PERSON", "LOCATION", "ORG"})
_GUESSES: Final = ("unknown.", "learned")
"""The detectors that guess a name from a capital letter: what they find is no evidence to spread."""
_WORD: Final = re.compile(r"[^\W\d_][\w'’\-]*")
_CAP_BEFORE: Final = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’\-]*[ \t]+\Z")
_CAP_AFTER: Final = re.compile(r"[ \t]+[A-ZÀ-ÖØ-Þ]")


@cache
def _ordinary() -> frozenset[str]:
    return gz.ordinary_words()


def _spreadable(word: str, text: str) -> bool:
    """Whether a one-word name (or a PERSON's word) cannot be read as an ordinary word (module docstring)."""
    bare = word.strip(".,'’")
    return (
        len(bare) >= 4
        and bare.replace("-", "").isalpha()
        and bare[:1].isupper()
        and not bare.isupper()
        and bare.lower() not in _ordinary()
        and not _derived(bare)
        and bare not in gz.stop_caps()
        and bare not in HONORIFICS
        and bare not in gz.brands()
        and not in_lower_case(text, bare.lower())
    )


def _derived(word: str) -> bool:
    """A word an Indonesian affix or an English inflection makes of an ordinary word of four letters or more
    (``Harapan``: ``harap``; ``Perjuangan``: ``juang``; not ``Nias``), which no first-name list holds (``Julian``,
    ``Dimas`` are names first): the word lists hold the roots only (review28)."""
    if word in gz.first_names("id") or word in gz.first_names("en") or word in gz.world_first_names():
        return False
    return inflected_word(word.lower(), _ordinary(), least=4)  # "Nias" is no plural of "nia"


def _sources(text: str, found: Sequence[Detection]) -> tuple[dict[str, str], dict[str, str]]:
    """The names to spread: ``(phrases, words)``, each surface mapped to its type (a surface of two types left out)."""
    phrases: dict[str, set[str]] = {}
    words: dict[str, set[str]] = {}
    for det in found:
        if det.type not in _TYPES:
            continue
        strong = det.confidence >= SOURCE_CONFIDENCE and not det.detector.startswith(_GUESSES)
        parts = det.text.split(" ")  # a span across a tab or a line (a table's cells) is no one name
        if det.type == "PERSON":
            while parts and (parts[0] in HONORIFICS or parts[0].rstrip(".") in HONORIFICS):
                parts = parts[1:]
        if not parts or any(not p or not p.isprintable() for p in parts):
            continue
        if strong and len(parts) > 1:
            phrases.setdefault(" ".join(parts), set()).add(det.type)
        ends = {parts[0], parts[-1]} if det.type == "PERSON" else set(parts) if len(parts) == 1 else set()
        for word in ends:
            bare = word.strip(".,'’")
            if strong and _spreadable(bare, text):
                words.setdefault(bare, set()).add(det.type)
            elif bare:
                words.setdefault(bare, set()).add("")  # found weakly or as a part: another's to judge
    # a word a weak detection or another type holds is no evidence of one kind
    return (
        {k: next(iter(v)) for k, v in phrases.items() if len(v) == 1},
        {k: next(iter(v)) for k, v in words.items() if len(v) == 1 and "" not in v},
    )


def _org_places(text: str, found: Sequence[Detection], words: dict[str, str]) -> dict[str, str]:
    """The places organisations are named after: the first word of an organisation of three words or more, and the
    word after ``of``/``di``/``in`` ending one, where that word is no ordinary word and no other name found."""
    places: dict[str, str] = {}
    for det in found:
        parts = [w.strip(".,'’") for w in det.text.split()]
        if det.type != "ORG" or det.confidence < SOURCE_CONFIDENCE or len(parts) < 3:
            continue
        picks = [parts[0]] if all(w.lower() in _ordinary() or not w[:1].isupper() for w in parts[1:]) else []
        if parts[-2].lower() in _ORG_PLACE_WORDS:
            picks.append(parts[-1])
        for word in picks:
            if _spreadable(word, text) and word not in words:
                places[word] = "LOCATION"
    return places


def _glued(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` stands inside a run of capitalised words (another name)."""
    line = text[max(0, start - 40) : start].rsplit("\n", 1)[-1]
    if _CAP_BEFORE.search(line) is not None:
        rest = _CAP_BEFORE.sub("", line).rstrip()
        if rest and rest[-1] not in '.!?:;"“(—–':
            return True
    return _CAP_AFTER.match(text, end) is not None


def _bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return not (before and (before.isalnum() or before in "@/#.'’-_")) and not (
        after and (after.isalnum() or after in "@'’-_")
    )


def spread_mentions(text: str, found: Sequence[Detection]) -> list[Detection]:
    """``found`` with the untouched other mentions of its confidently found names added (module docstring)."""
    out = sorted(found, key=lambda d: (d.start, d.end))
    phrases, words = _sources(text, out)
    places = _org_places(text, out, words)
    if not phrases and not words and not places:
        return out
    index = SpanIndex(out)
    added: list[Detection] = []
    for phrase, kind in sorted(phrases.items(), key=lambda kv: -len(kv[0])):
        for m in re.finditer(re.escape(phrase), text):
            if _bounded(text, m.start(), m.end()) and not index.overlapping(m.start(), m.end()):
                det = Detection(m.start(), m.end(), kind, 0.7, "mention.spread", m.group(0))
                index.add(det)
                added.append(det)
    for m in _WORD.finditer(text):
        word = m.group(0)
        start, end = m.span()
        got = words.get(word)
        confidence, detector = 0.7, "mention.spread"
        if got is None and word in places:
            got, confidence, detector = places[word], 0.6, "mention.org_place"
        if got is None or _glued(text, start, end):
            continue
        kind = got
        if not _bounded(text, start, end) or index.overlapping(start, end):
            continue
        det = Detection(start, end, kind, confidence, detector, word)
        index.add(det)
        added.append(det)
    return sorted(out + added, key=lambda d: (d.start, d.end))


def _named_persons(found: Sequence[Detection], floor: float) -> set[str]:
    """The texts of the PERSON detections of ``found`` at ``floor`` or more that no guess gave (a cue, a label, a
    list): evidence for what the same string is elsewhere in the text."""
    return {
        d.text for d in found if d.type == "PERSON" and d.confidence >= floor and not d.detector.startswith(_GUESSES)
    }


_SURE_PERSON: Final = 0.9
"""A person's name found at this or more by a cue, a label or a list (not a guess) says what its display-name
mentions are."""


def persons_shown_as_handles(found: Sequence[Detection]) -> list[Detection]:
    """``found`` with a display name of several words typed PERSON where the very same string is a person's name
    found elsewhere in the text at :data:`_SURE_PERSON` or more: a chat export's header ("Messenger conversation
    with ...", "Percakapan Messenger dengan ...") or an account shown under a person's full name, whose sender
    lines or introduction say it is that person (one name, one type in a document)."""
    persons = _named_persons(found, _SURE_PERSON)
    if not persons:
        return list(found)
    return [
        Detection(d.start, d.end, "PERSON", d.confidence, d.detector + "+person", d.text)
        if d.type == "HANDLE" and d.detector.startswith("handle.display") and " " in d.text and d.text in persons
        else d
        for d in found
    ]


_CUED_PERSON: Final = 0.75
"""A person's name found at this or more by a cue, a label or a list (not a guess) is that person at a mention a place
list alone types a place."""


def persons_over_listed_places(text: str, found: Sequence[Detection]) -> list[Detection]:
    """``found`` with a one-word LOCATION that a place rule gave (any ``location.*`` detector: a list, a cue or a
    shape; review29 noted the narrower wording this said before) typed PERSON where the very same word is a
    person's name found elsewhere in the text at :data:`_CUED_PERSON` or more, and no place's preposition stands
    before this mention ("Kak Sari ... Sari bilang": one name, one type in a document; "tinggal di Sari", "I live
    in Lara" stay places). On the open splits every such mention is the person (four) or follows a preposition (two,
    left as places)."""
    from .places import PLACE_PREP_BEFORE  # (places imports this module's neighbours: imported at the call)

    persons = _named_persons(found, _CUED_PERSON)
    if not persons:
        return list(found)
    out: list[Detection] = []
    for d in found:
        if (
            d.type == "LOCATION"
            and d.detector.startswith("location.")
            and d.text in persons
            and " " not in d.text
            and PLACE_PREP_BEFORE.search(line_before(text, d.start, 20)) is None
        ):
            d = Detection(d.start, d.end, "PERSON", d.confidence, d.detector + "+person", d.text)
        out.append(d)
    return out
