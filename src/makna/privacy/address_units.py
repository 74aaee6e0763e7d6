"""An Indonesian administrative unit written after an address is a place of its own (issue #11, round twenty-five).

The corpus's conventions (``tests/privacy/corpus/README.md``) make an ADDRESS the street-level part (house number,
flat, block, RT/RW) and "a city after it its own LOCATION"; a kelurahan, desa, kecamatan, nagari, jorong, korong,
dusun, gampong or banjar named with its type word is a LOCATION (``Nagari Ampang Pulai``). Every open set written
since round twenty-four marks the units after an address apart (``Jl. Cempaka No. 4`` ADDRESS, ``Kelurahan
Tlogomas`` LOCATION, ``Malang`` LOCATION), as the sets before round sixteen did; only the sets of rounds sixteen to
twenty-three joined them to the address, and the edge pass (:mod:`makna.privacy.span_edges`), the span closure
(:mod:`makna.privacy.span_closure`) and the address detectors still join them. A unit typed ADDRESS takes an address
surrogate where a village stood, and typed recall loses the place.

:func:`address_units_apart`, run after every other pass, cuts an ADDRESS at the first comma that opens an
administrative unit's word (``, Kelurahan``, ``, Desa``, ``, Kec.``...) when something street-level stands before
it: the part before stays the ADDRESS, and the unit and every comma-separated place after it become LOCATIONs
(``Kelurahan Kramat, Senen``: two places). It cuts only when every piece after the cut is a run of capitalised
words without a digit (a piece with a number, ``Kampung Baru No. 5`` or a postcode, is still the address's); a unit
that opens the address (``Dusun Krajan RT 02 RW 04``) is the address's own head and stays in it. English addresses
have no such words and are left as they are. Every name in this docstring is invented or a real town.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from .types import Detection

__all__ = ["ADMIN_UNIT_WORDS", "address_units_apart"]

ADMIN_UNIT_WORDS: Final = (
    "Kelurahan",
    "Kel.",
    "Kecamatan",
    "Kec.",
    "Desa",
    "Ds.",
    "Nagari",
    "Jorong",
    "Korong",
    "Dusun",
    "Gampong",
    "Banjar",
    "Lingkungan",
    "Kampung",
    "Kampuang",
    "Kabupaten",
    "Kab.",
    "Kota",
    "Provinsi",
)
"""The words that open an Indonesian administrative unit's name (written out or abbreviated)."""

_UNIT: Final = re.compile(r",[ \t]*(?=(?:" + "|".join(re.escape(w) for w in ADMIN_UNIT_WORDS) + r")[ \t]+[A-Z0-9])")
_PIECE: Final = re.compile(r"[ \t]*([^,]+?)[ \t]*(?:,|$)")
_PLACE: Final = re.compile(
    r"(?:[A-Z][\w'’.-]*|[IVX]+|(?:nan|di|ka|ke|dan))(?:[ \t]+(?:[A-Z][\w'’.-]*|[IVX]+|nan|di|ka|ke|dan))*"
)
"""A place's name: capitalised words (a Roman numeral, ``Sukaramai II``; the Minang ``nan``, ``Koto Nan Ompek``)."""
_STREET_LEVEL: Final = re.compile(r"\d|\b(?:RT|RW|Blok|Block|Gang|Gg\.|Jalan|Jl\.|Jln\.|Lorong|Lr\.)\b")


def _pieces(det: Detection, cut: int) -> list[Detection] | None:
    """``det`` cut at ``cut`` (the comma's offset in its text): the address and the places after it, or None when a
    piece after the cut is no place's name."""
    head = det.text[:cut].rstrip()
    if not _STREET_LEVEL.search(head):
        return None
    out = [Detection(det.start, det.start + len(head), "ADDRESS", det.confidence, det.detector, head)]
    at = cut + 1
    while at < len(det.text):
        m = _PIECE.match(det.text, at)
        if m is None or not m.group(1):
            return None
        name = m.group(1)
        if not _PLACE.fullmatch(name) or any(c.isdigit() for c in name):
            return None
        start = det.start + m.start(1)
        out.append(Detection(start, start + len(name), "LOCATION", det.confidence, det.detector + "+unit", name))
        at = m.end()
    return out


def address_units_apart(found: Sequence[Detection]) -> list[Detection]:
    """``found`` with each ADDRESS that ends in administrative units cut into the address and its places."""
    out: list[Detection] = []
    for det in found:
        m = _UNIT.search(det.text) if det.type == "ADDRESS" else None
        parts = _pieces(det, m.start()) if m else None
        out.extend(parts or [det])
    return out
