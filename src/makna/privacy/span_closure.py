"""Close identifier spans that stop one part short (#11, branch deidmiss).

Leak counts characters: a name found without its initial ("Tomasz K."), a name split at a particle or a
title inside it ("Joao Pedro dos Santos", "Rosnidar Datuak Bandaro Kayo", "Lusi Br. Tarigan"), or an address
found in pieces ("Flat 9, Harcourt House, 52 Greyfield Road, N17 6PB") leaves characters of an identifier
readable in the output. This last pass of the pipeline, run on the detections the other stages kept:

- a person's name takes the single capital initial right after it ("Darius M", "Patrick O.", the chat sender
  "Rudi H:"), never the English pronoun "I";
- a person's name takes a name particle or an inherited title after it together with the capitalised words
  that follow it ("van der Berg", "bin Rahman", "binti Syamsul", "Br. Tarigan", "Datuak Bandaro Kayo"),
  swallowing the detections those words had;
- an address takes the unit before it ("Flat 27, " before "Wyvil Court"; "Unit " before "4, Tredegar Mews")
  and the address parts joined to it by a comma or a space (a second street part, "RT 02/RW 04", a postcode),
  with the places between them when an address part follows them ("..., Adamsdown, CF24 0JH"): one address.

Every rule reads the shape of the text around a span, never a list of names or places.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

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
address: "Flat " before "27, Wyvil Court", "Flat 9, " before "Harcourt House ..."."""

_JOIN: Final = re.compile(r",?[ \t]?")
_CHAIN: Final = frozenset({"ADDRESS", "LOCATION"})


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
    """The index past the last detection an address at ``found[i]`` joins: address parts (and places between
    them) each separated from the one before by a comma and/or one space, ending on an address part."""
    last = i
    j = i + 1
    while j < len(found):
        gap = text[found[j - 1].end : found[j].start]
        if found[j].type not in _CHAIN or "\n" in gap or not _JOIN.fullmatch(gap) or not gap:
            break
        if found[j].type == "ADDRESS":
            last = j
        j += 1
    return last + 1


def _merged(text: str, start: int, end: int, kind: str, parts: Sequence[Detection], detector: str) -> Detection:
    confidence = max(p.confidence for p in parts)
    return Detection(start, end, kind, confidence, detector, text[start:end])


def close_spans(text: str, found: Sequence[Detection]) -> list[Detection]:
    """``found`` (sorted, non-overlapping) with persons' and addresses' spans closed over their missing parts."""
    dets = sorted(found, key=lambda d: (d.start, d.end))
    out: list[Detection] = []
    i = 0
    while i < len(dets):
        det = dets[i]
        if det.type == "PERSON":
            end = _person_tail(text, det, dets[i + 1 :])
            if end != det.end:
                j = i + 1
                while j < len(dets) and dets[j].end <= end:
                    j += 1
                out.append(_merged(text, det.start, end, "PERSON", dets[i:j], det.detector + "+closed"))
                i = j
                continue
        elif det.type == "ADDRESS":
            floor = out[-1].end if out else 0
            start = _address_head(text, det, floor)
            j = _chain_end(text, dets, i)
            if start != det.start or j > i + 1:
                detector = det.detector + "+closed"
                out.append(_merged(text, start, dets[j - 1].end, "ADDRESS", dets[i:j], detector))
                i = j
                continue
        out.append(det)
        i += 1
    return out
