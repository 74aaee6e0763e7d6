"""An Indonesian administrative unit written after an address is a place of its own (issue #11, rounds 25-26).

The corpus's conventions (``tests/privacy/corpus/README.md``) make an ADDRESS the street-level part (house number,
flat, block, RT/RW) and "a city after it its own LOCATION"; a kelurahan, desa, kecamatan, nagari, jorong, korong,
dusun, gampong or banjar named with its type word is a LOCATION (``Nagari Ampang Pulai``). Every open set marks
the units after an address apart (``Jl. Cempaka No. 4`` ADDRESS, ``Kelurahan Tlogomas`` LOCATION, ``Malang``
LOCATION) since round twenty-five re-marked the sets of rounds sixteen to twenty-three, which joined them.

Since round twenty-six (edges26) the passes that make an address's extent read the convention where they join:

- :func:`units_joined` (the edge pass, :mod:`makna.privacy.span_edges`) joins to an address only the units the
  convention holds in it: a unit written right after it with no comma (``RT 01 Dusun Sipora Jaya``, as the open
  sets and the RT/RW pattern of :mod:`makna.privacy.addresses` mark it) and the units after an address that is
  itself a run of units (``Jorong Lubuak Aua, Nagari Paninjauan Ateh, Kecamatan X Koto``); until round
  twenty-six that pass joined every unit and the places after it, and :func:`address_units_apart` cut them off
  again;
- :func:`opens_unit` keeps the house-number head of :mod:`makna.privacy.spans` from taking the number that ends
  one address (``No. 7, ``) into the unit after it (``Nagari Saruaso``), and lets a unit's place with a number
  after it open an address (``Jorong Koto Tuo No. 27``);
- :func:`unit_numeral_end` gives a unit's word found alone its number (``Lingkungan IV``, ``Dusun II``).

:func:`address_units_apart`, run after every other pass, stays for the spans no extent rule made: a learned span
or a unit the precision stage typed ADDRESS and the span closure chained to the address (on the open splits one
document of about 830 is left to it). It cuts an ADDRESS at the first comma that opens an administrative unit's
word (``, Kelurahan``, ``, Desa``, ``, Kec.``...) when something street-level stands before it: the part before
stays the ADDRESS, and the unit and every comma-separated place after it become LOCATIONs (``Kelurahan Kramat,
Senen``: two places). It cuts only when every piece after the cut is a run of capitalised words without a digit (a
piece with a number, ``Kampung Baru No. 5`` or a postcode, is still the address's); a unit that opens the address
(``Dusun Krajan RT 02 RW 04``) is the address's own head and stays in it. English addresses have no such words and
are left as they are. Every name in this docstring is invented or a real town.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from .types import Detection

__all__ = ["ADMIN_UNIT_WORDS", "address_units_apart", "opens_unit", "unit_numeral_end", "units_joined"]

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


_UNIT_OPENS: Final = re.compile("(?:" + "|".join(re.escape(w) for w in ADMIN_UNIT_WORDS) + r")[ \t]+[A-Z0-9]")
_SPACES: Final = re.compile(r"[ \t]+")
_UNIT_GAP: Final = re.compile(r",?[ \t]+|,")
_UNIT_WORD_ONLY: Final = re.compile("(?:" + "|".join(re.escape(w) for w in ADMIN_UNIT_WORDS) + ")")
_NUMERAL_AFTER: Final = re.compile(r"[ \t]+(?:[IVX]{1,4}(?![\w'’\-])|\d{1,2}(?=[ \t]*(?:[,.;:!?)\n]|$)))")
"""A unit's number right after its word (``Lingkungan IV``, ``Dusun 2,``): a Roman numeral, or one or two digits
that close the clause."""


def opens_unit(name: str) -> bool:
    """Whether ``name`` opens with an administrative unit's word and its name (``Nagari Saruaso``)."""
    return _UNIT_OPENS.match(name) is not None


def units_joined(text: str, dets: Sequence[Detection], i: int) -> tuple[int, int]:
    """The index past the last detection the address ``dets[i]`` joins, and its end: each administrative unit
    (a LOCATION opening with a unit's word) right after it that belongs to the address by the corpus's
    convention. A unit written after the street-level part with only a space between (``RT 01 Dusun Sipora
    Jaya``) is the address's, and so is a unit after an address that is itself a run of units (``Jorong Lubuak
    Aua, Nagari Paninjauan Ateh, Kecamatan X Koto``); a unit after a comma that follows a street, a number, RT/RW
    or a block is a place of its own (``Jl. Melati No. 4, RT 02/RW 05``, ``Kelurahan Sukamaju``), and so is a
    town after any of them."""
    j = i + 1
    end = dets[i].end
    units_only = _STREET_LEVEL.search(dets[i].text) is None and _UNIT_OPENS.match(dets[i].text) is not None
    while j < len(dets) and dets[j].type == "LOCATION" and _UNIT_OPENS.match(text, dets[j].start):
        gap = text[end : dets[j].start]
        if not (_SPACES.fullmatch(gap) or units_only and _UNIT_GAP.fullmatch(gap)):
            break
        end = dets[j].end
        j += 1
    return j, end


def unit_numeral_end(text: str, det: Detection, limit: int) -> int:
    """The end of a place that is a unit's word alone and the number after it (``Lingkungan IV``, ``Dusun II``),
    within ``limit``; ``det.end`` otherwise."""
    if det.type != "LOCATION" or not _UNIT_WORD_ONLY.fullmatch(det.text):
        return det.end
    m = _NUMERAL_AFTER.match(text, det.end, limit)
    return m.end() if m else det.end


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
