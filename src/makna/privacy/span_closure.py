"""Close identifier spans that stop one part short (#11, branch deidmiss).

Leak counts characters: a name found without its initial ("Tomasz K."), a name split at a particle or a
title inside it ("Joao Pedro dos Santos", "Rosnidar Datuak Bandaro Kayo", "Lusi Br. Tarigan"), or an address
found in pieces ("Flat 9, Brindle House, 52 Greyfield Road, N17 6PB") leaves characters of an identifier
readable in the output. This last pass of the pipeline, run on the detections the other stages kept:

- a person's name takes the single capital initial right after it ("Darius M", "Patrick O.", the chat sender
  "Dedi R:"), never the English pronoun "I";
- a person's name takes a name particle or an inherited title after it together with the capitalised words
  that follow it ("van der Berg", "bin Rahman", "binti Syamsul", "Br. Tarigan", "Datuak Bandaro Kayo"),
  swallowing the detections those words had;
- an address takes the unit before it ("Flat 27, " before "Brantwood Court"; "Unit " before "4, Ashcombe Mews")
  and the address parts joined to it by a comma or a space (a second street part, "RT 02/RW 04", a postcode):
  one address. A town between two parts stays a place here ("47 Victoria Road, Fenton, ST4 2HW"), as the older
  open sets annotate it; the pipeline's last pass (:mod:`makna.privacy.span_edges`) joins a town that a postcode
  closes, as the sets written since round sixteen do. The town that ``location.after_address`` read after an
  address and its comma, made an ADDRESS by the precision stage though it holds no number, ends no address: last
  in the chain (``14 Marula Close, Kitwe``) or standing alone, it is its own LOCATION, as the corpus README has
  it; one that a postcode or another part follows stays joined (orgs28);
- a capitalised "The" in mid-sentence opens the place or firm after it ("room above The Ferryman's Rest");
- in English, an unknown capitalised word (no ordinary, stop or honorific word, no place) right before a
  person's span is the given name the span left out ("Sure. Rezaul Alam Siddiqui is the full name").

Every rule reads the shape of the text around a span, never a list of names or places.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from . import gazetteers as gz
from ._text import HONORIFICS
from .street_addresses import STREET_WORDS
from .types import Detection

__all__ = ["close_spans"]

_INITIAL: Final = re.compile(r"[ \t]([A-HJ-Z])(\.)?(?=[\s,:;)!?\"'’]|$)")
"""A single capital initial after a name ("Darius M", "Patrick O."): not "I" (the English pronoun). An initial
followed by a lower-case word that reads as the article ("Tom A lot") cannot occur: "A" is kept out below."""

_LAST_INITIAL: Final = re.compile(r"[ \t][A-Z]$")
_PARTICLE: Final = re.compile(
    r"[ \t]+(?:(?:van|von)(?:[ \t]+(?:der|den|de))?|de[ \t]+la|de|da|dos|das|del|della|du|bin|binti|bte|ibn|"
    r"[Bb]r\.|[Bb]oru|Datuak|Datuk|Dt\.|Sutan|St\.)"
    r"((?:[ \t]+[A-Z][\w'’-]+){1,3})"
)
"""A name particle or an inherited title and the capitalised words after it ("dos Santos", "Br. Tarigan",
"Datuak Bandaro Kayo")."""

_UNIT_BEFORE: Final = re.compile(
    r"\b(?:Flat|Unit|Apartment|Apt\.?|Studio|Suite|Room|Block|Kamar|Blok)[ \t]+"
    r"(?:\d+[A-Za-z]?(?:/\d+)?,[ \t]*)?$"
)
"""A unit word (and its number with a comma, when the address span starts at the building) right before an
address: "Flat " before "27, Brantwood Court", "Flat 9, " before "Brindle House ..."."""

_THE_BEFORE: Final = re.compile(r"(?<=[a-z,])[ \t]The[ \t]$")
"""A capitalised "The" in mid-sentence right before a place or a firm: part of its name ("room above The
Ferryman's Rest", "back room of The Lantern Café")."""
_AND: Final = re.compile(r"[ \t](?:and|&)[ \t]")
_NAMED: Final = frozenset({"LOCATION", "ORG"})

_JOIN: Final = re.compile(r",?[ \t]?")
_TOWN_AFTER: Final = "location.after_address"
_DIGIT: Final = re.compile(r"\d")
_NEAR: Final = 10


_WORD_BEFORE: Final = re.compile(r"(?<![\w'’.-])([A-Z][a-z]{2,})[ \t]$")
"""A capitalised word right before a person's span ("Rezaul" of "Sure. Rezaul Alam Siddiqui is ...")."""


def _given_name(word: str) -> bool:
    """Whether a capitalised word before a name is part of it: no ordinary, stop or honorific word, no place."""
    if word in gz.stop_caps() or word in HONORIFICS or word.lower() in gz.ordinary_words():
        return False
    return word not in gz.all_places()


def _person_head(text: str, det: Detection, floor: int) -> int:
    m = _WORD_BEFORE.search(text, max(floor, det.start - 24), det.start)
    return m.start(1) if m and m.end() == det.start and _given_name(m.group(1)) else det.start


def _person_tail(text: str, det: Detection, after: Sequence[Detection]) -> int:
    """Where a person's span ends once its initial or its particle and the words after it are taken."""
    end = det.end
    last = text.rfind(" ", det.start, end)  # the span may already hold the particle ("Lusi Br" of "Lusi Br. Tarigan")
    for at in (end, last) if last > det.start else (end,):
        m = _PARTICLE.match(text, at)
        if m and m.end() > end:
            end = m.end()
            break
    m = _INITIAL.match(text, end)
    if m and not (m.group(1) == "A" and not m.group(2)):
        end = m.end()
    elif _LAST_INITIAL.search(text, det.start, end) and text.startswith(".", end):
        end += 1  # "Patrick O" found without its full stop
    # a detection the tail reaches into is swallowed only whole: never cut another span in two
    for other in after:
        if other.start >= end:
            break
        if other.end > end:
            return det.end
    return end


def _address_head(text: str, det: Detection, floor: int) -> int:
    m = _UNIT_BEFORE.search(text, max(floor, det.start - 40), det.start)
    return m.start() if m and m.end() == det.start and m.start() >= floor else det.start


def _chain_end(text: str, found: Sequence[Detection], i: int) -> int:
    """The index past the last detection an address at ``found[i]`` joins: address parts each separated from
    the one before by a comma and/or one space."""
    last = i
    j = i + 1
    while j < len(found):
        gap = text[found[j - 1].end : found[j].start]
        if found[j].type != "ADDRESS" or "\n" in gap or not _JOIN.fullmatch(gap) or not gap:
            break
        last = j
        j += 1
    return last + 1


def _town_after(det: Detection) -> bool:
    """The town after an address and its comma (``location.after_address``, the rule that reads it as the README
    has it) that the precision stage made an ADDRESS though it holds no number (orgs28)."""
    if det.type != "ADDRESS" or det.detector != _TOWN_AFTER or _DIGIT.search(det.text):
        return False
    words = det.text.split()
    return words[-1].rstrip(".") not in STREET_WORDS and words[0].rstrip(".") not in STREET_WORDS  # a street: a part


def _part_follows(text: str, found: Sequence[Detection], k: int) -> bool:
    """Whether an address part (a postcode, a unit) follows ``found[k]`` closely on its line (``Winnipeg, MB R2V
    3K7``, ``Dublin 22, D22 V9P3``): the town then sits inside the address, which the edges pass closes."""
    if k + 1 >= len(found) or found[k + 1].type != "ADDRESS":
        return False
    gap = text[found[k].end : found[k + 1].start]
    return len(gap) <= _NEAR and "\n" not in gap


def _as_place(det: Detection) -> Detection:
    return Detection(det.start, det.end, "LOCATION", det.confidence, det.detector, det.text)


def _named_place(text: str, found: Sequence[Detection], i: int, floor: int) -> tuple[int, int]:
    """The start of a place or firm at ``found[i]`` with its "The", and the index past the detections it
    joins: "The Fiddle" and "Bone" of "The Fiddle and Bone" are one name."""
    det = found[i]
    m = _THE_BEFORE.search(text, max(floor, det.start - 6), det.start)
    start = m.start() + 1 if m and m.end() == det.start else det.start
    j = i + 1
    if text.startswith("The ", start) and j < len(found) and found[j].type == det.type:
        if _AND.fullmatch(text, det.end, found[j].start):
            j += 1
    return start, j


def _merged(text: str, start: int, end: int, kind: str, parts: Sequence[Detection], detector: str) -> Detection:
    confidence = max(p.confidence for p in parts)
    return Detection(start, end, kind, confidence, detector, text[start:end])


def close_spans(text: str, found: Sequence[Detection], language: str = "en") -> list[Detection]:
    """``found`` (sorted, non-overlapping) with persons' and addresses' spans closed over their missing parts.

    The unknown capitalised word before a name is taken in English only: Indonesian and Minang put inflected
    words there ("Namonyo", "Kawanku", "Kato") that no word list spells."""
    dets = sorted(found, key=lambda d: (d.start, d.end))
    out: list[Detection] = []
    i = 0
    while i < len(dets):
        det = dets[i]
        if det.type == "PERSON":
            end = _person_tail(text, det, dets[i + 1 :])
            start = _person_head(text, det, out[-1].end if out else 0) if language == "en" else det.start
            if end != det.end or start != det.start:
                j = i + 1
                while j < len(dets) and dets[j].end <= end:
                    j += 1
                out.append(_merged(text, start, end, "PERSON", dets[i:j], det.detector + "+closed"))
                i = j
                continue
        elif det.type == "ADDRESS":
            j = _chain_end(text, dets, i)
            if j > i + 1 and _town_after(dets[j - 1]) and not _part_follows(text, dets, j - 1):
                j -= 1  # the town that ends the address is its own LOCATION; one a postcode follows stays joined
            if j == i + 1 and _town_after(det) and not _part_follows(text, dets, i):
                out.append(_as_place(det))  # a town with no address part after it is a place (the README)
                i += 1
                continue
            floor = out[-1].end if out else 0
            start = _address_head(text, det, floor)
            if start != det.start or j > i + 1:
                detector = det.detector + "+closed"
                out.append(_merged(text, start, dets[j - 1].end, "ADDRESS", dets[i:j], detector))
                i = j
                continue
        elif det.type in _NAMED:
            start, j = _named_place(text, dets, i, out[-1].end if out else 0)
            if start != det.start or j > i + 1:
                out.append(_merged(text, start, dets[j - 1].end, det.type, dets[i:j], det.detector + "+closed"))
                i = j
                continue
        out.append(det)
        i += 1
    return out
