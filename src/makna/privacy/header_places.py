"""Places on a transcript's location header line (``Lokasi: Rantepao, Toraja Utara``, ``Location: the
participant's allotment, Harehills, Leeds``): the place of the interview, an identifier whatever the words
around it.

The precision stage, which weighs the words around a place, took the first place after ``Lokasi:`` for a
guess (a new user's trial: ``Rantepao`` and ``Atambua`` at 0.35, ``Wonosari`` at 0.39), the catch-all typed
a suburb no list knows as a person (``Harehills``), and ``Padang`` (also "field") was not found at all in
``Lokasi: Padang, Sumatera Barat``. On such a line, after the detectors and the precision stage:

- a place found below :data:`SURE` is raised to it;
- a catch-all guess (``unknown.*``) typed PERSON becomes a LOCATION (its confidence kept);
- a comma-separated part that is an Indonesian region's name, or a listed place that is no ordinary word,
  is a LOCATION at :data:`SURE` (detector ``location.header``) where nothing was found.

A country or territory on such a line (``Lokasi: Tsuen Wan, Hong Kong``: the study's site) is none of these: a
coarse place (:func:`makna.privacy.coarse.coarse_place`), not identifying on its own, is neither added nor
raised (round twenty-three: a new user's trial accepted the header's ``Hong Kong``, and the next scan proposed
the territory the study is about at every mention).
"""

from __future__ import annotations

import re
from typing import Final

from . import gazetteers
from .coarse import coarse_place
from .regions import place_regions
from .types import Detection

__all__ = ["SURE", "header_lines", "header_parts", "header_places"]

SURE: Final = 0.9
"""The confidence of a place on a location header line."""

_HEADER_BODY = (
    r"[ \t]*(?:lokasi|tempat|location|place|venue|site|setting)"
    r"(?:[ \t]+(?:wawancara|interview|of[ \t]+(?:the[ \t]+)?interview))?[ \t]*:[ \t]*(?P<rest>[^\n]*)$"
)
_HEADER: Final = re.compile(r"(?im)^" + _HEADER_BODY)
_HEADER_AFTER_NEWLINE: Final = re.compile(r"(?im)\n" + _HEADER_BODY)
"""A header line after the newline before it: led by that newline, the scan skips from line to line (``^`` in
multi-line mode is tried at every place of a text); the text's first line is matched apart (:data:`_HEADER`)."""
_PART: Final = re.compile(r"[^,;/()\n]+")


def _known_place(part: str) -> bool:
    if _country(part):
        return False  # the study's country or territory ("Lokasi: Tsuen Wan, Hong Kong"): not identifying alone
    if place_regions(part):
        return True
    listed = part in gazetteers.places_en() or part in gazetteers.places_world()  # (no union built per part)
    return listed and part.casefold() not in gazetteers.ordinary_words() and part[0].isupper()


def _country(text: str) -> bool:
    found = coarse_place(text)
    return found is not None and found[0] == "country"


def header_lines(text: str) -> list[tuple[int, int]]:
    """The spans of what follows the label of each location header line of ``text`` (``Lokasi: ...``)."""
    if ":" not in text:
        return []
    first = _HEADER.match(text)
    lines = [(m.start("rest"), m.end("rest")) for m in _HEADER_AFTER_NEWLINE.finditer(text)]
    if first is not None:
        lines.insert(0, (first.start("rest"), first.end("rest")))
    return lines


def header_parts(text: str) -> list[str]:
    """The comma-separated parts of the location header lines of ``text`` (``Tsuen Wan``, ``Hong Kong``)."""
    return [p for s, e in header_lines(text) for m in _PART.finditer(text, s, e) if (p := m.group(0).strip())]


def header_places(text: str, found: list[Detection]) -> list[Detection]:
    """``found`` (sorted, non-overlapping detections over ``text``) with the places of its location header
    lines raised, retyped or added; see the module documentation."""
    if ":" not in text:
        return found
    lines = header_lines(text)
    if not lines:
        return found
    out: list[Detection] = []
    for d in found:
        if any(s <= d.start and d.end <= e for s, e in lines):
            if d.type == "LOCATION" and d.confidence < SURE and not _country(d.text):
                d = Detection(d.start, d.end, d.type, SURE, d.detector, d.text)
            elif d.type == "PERSON" and d.detector.startswith("unknown."):
                d = Detection(d.start, d.end, "LOCATION", d.confidence, d.detector, d.text)
        out.append(d)
    added = False
    for s, e in lines:
        for m in _PART.finditer(text, s, e):
            part = m.group(0).strip()
            if not part or not _known_place(part):
                continue
            start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
            end = start + len(part)
            if not any(d.start < end and start < d.end for d in out):
                out.append(Detection(start, end, "LOCATION", SURE, "location.header", part))
                added = True
    return sorted(out, key=lambda d: d.start) if added else out
