"""A place's span closed by its type word, and a town named after a comma (issue #11, branch deidtype3).

The catch-all and the place lists find the name of a street or a quarter but not always the word that says
what it is: ``a customer on Larchmont Way`` gave a PERSON ``Larchmont`` (``Way`` is a stop word to the
catch-all), ``sampai ka Tabiang Ateh`` a LOCATION ``Tabiang`` (``Ateh``, Minang ``atas``, is an ordinary word).
The annotators mark the whole name, type word included, as a LOCATION. :func:`close_place_spans` runs in
the detection pipeline (after every stage, before :func:`makna.privacy.roletypes.type_by_role`) and

* closes a PERSON or LOCATION span (not a person with a person's evidence,
  :func:`makna.privacy.kindtypes.has_person_evidence`) over the street type word right after it, taken from the
  maintained list of English street words (:data:`makna.privacy.street_addresses.EN_STREET`; abbreviations and
  the words that are as often a surname, ``Green``, ``Hill``, ``Mount``..., left out), when no capitalised word
  follows (``Brantwell Close Surgery`` is a firm's name, left to the firm detectors): a LOCATION;
* closes a LOCATION or a catch-all guess over a Minang or Indonesian direction word after it (``ateh``,
  ``baruah``, ``ilia``, ``mudiak``, ``atas``, ``bawah``, ``hilir``, ``hulu``, capitalised): a LOCATION, the
  part of a place (``Koto Baruah``, ``Tabing Ateh``);
* types a one-word catch-all guess named right after a place and a comma as that place's town or region
  (``Born in Kumasi, Ashanti``; ``Place: The Linnet Tearoom, Kirkgate.``), when the place follows a birth, stay
  or address phrase or a header's place label and the guess ends its clause (a comma, a full stop, the line's
  end). In round thirteen the same shape without the phrase was tried and dropped: one span better, one worse
  over every open split (``..., Kemi.``: a person's appositive).

Every rule names a shape of language; no corpus name is listed. Every name in these docstrings is invented.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from ._text import line_before
from .kindtypes import has_person_evidence
from .street_addresses import EN_STREET
from .typecontext import clause_cue
from .types import Detection

__all__ = ["STREET_CLOSERS", "close_place_spans", "streets_are_places"]

_LOC: Final = "LOCATION"
_PERSON: Final = "PERSON"
_ORG: Final = "ORG"
_NOT_CLOSERS: Final = frozenset(
    "Rd St Ln Ave Dr Ct Pl Blvd Hwy Pkwy Green Hill Mount View Vale Chase Croft Fold Loop Trail Broadway Circus "
    "Approach".split()
)
"""Street words left out: abbreviations (``Dr Mair``: a title), and words as often a surname or a common noun
(``Sam Green``, ``Ada Hill``)."""
STREET_CLOSERS: Final[frozenset[str]] = frozenset(EN_STREET.split("|")) - _NOT_CLOSERS
"""The street type words that close a span before them (``Larchmont Way``, ``Baird Wynd``)."""
_CLOSER: Final = re.compile(
    r"[ \t]+(?P<w>" + "|".join(sorted(STREET_CLOSERS, key=lambda w: (-len(w), w))) + r")(?![\w'’\-])"
    r"(?![ \t]+(?!I\b)[A-Z])"
)
_DIRECTION: Final = re.compile(
    r"[ \t]+(?P<w>Ateh|Baruah|Ilia|Ilie|Mudiak|Atas|Bawah|Hilir|Hulu)(?![\w'’\-])(?![ \t]+[A-Z])"
)
"""A direction word naming part of a place (Minang ``ateh``/``baruah``/``ilia``/``mudiak``, ``atas``/``bawah``/
``hilir``/``hulu``; KBBI, Kamus Bahasa Minangkabau-Indonesia)."""
_ADMIN_WORDS: Final = (
    "state|province|district|county|region|regency|prefecture|municipality|governorate|department|oblast|canton|parish"
)
"""The subdivision categories of ISO 3166-2 (English names): what a region's name may end in or be followed by."""
_ADMIN_AFTER: Final = re.compile(
    rf"[ \t]+(?:{_ADMIN_WORDS})(?![\w'’\-])(?=[ \t]*(?:[,.;:!?)]|\n|$|[ \t](?:in|of|near|and|or)\b))"
)
"""A region's category word written in lower case after its name (``from Irwell, Haldon district.``): no person's
name is followed by one."""
_ADMIN_LAST: Final = frozenset(_ADMIN_WORDS.split("|"))
_COMMA: Final = re.compile(r"[ \t]*,[ \t]*")
_TOWN_END: Final = re.compile(r"[ \t]*(?:[,.;:!?)]|\n|$)")
_TOWN_NOT_END: Final = re.compile(r"[ \t]*,[ \t]*(?:and|dan|&)\b")
_PLACE_LABEL: Final = re.compile(
    r"(?im:^[ \t]*(?:place|location|venue|setting|where|lokasi|tempat)[ \t]*:[ \t]*(?:the[ \t]+)?$)"
)
_ADDRESS_PHRASE: Final = re.compile(
    r"(?i:(?<![\w\-])(?:born|lahir|grew[ \t]+up|raised|live[sd]?|living|based|address|alamat(?:nya)?|"
    r"tinggal|from|dari|asal(?:nya)?)(?![\w\-])[^\n.?!;:]{0,20}$)"
)


def _covered(found: Sequence[Detection], start: int, end: int, skip: int) -> bool:
    return any(j != skip and d.start < end and start < d.end for j, d in enumerate(found))


def _close(scan: str, det: Detection, found: Sequence[Detection], i: int) -> Detection | None:
    """``det`` closed over a street or direction word after it, or None."""
    if det.type == _PERSON and has_person_evidence(scan, det, False):
        return None
    street = _CLOSER.match(scan, det.end)
    if street is None and (det.type == _LOC or det.detector.startswith("unknown.")):
        street = _DIRECTION.match(scan, det.end)
    if street is None or _covered(found, det.end, street.end(), i):
        return None
    end = street.end()
    return Detection(det.start, end, _LOC, det.confidence, det.detector, scan[det.start : end])


def _place_before_comma(scan: str, start: int, places: dict[int, Detection]) -> Detection | None:
    """The place (of ``places``, by end offset) that ends right before ``, `` at ``start``, if any."""
    i = start
    while i > 0 and scan[i - 1] in " \t":
        i -= 1
    if i == 0 or scan[i - 1] != ",":
        return None
    comma = i - 1
    j = comma
    while j > 0 and scan[j - 1] in " \t":
        j -= 1
    found = [places[e] for e in range(j, comma + 1) if e in places]
    return found[0] if found else None


def _town(scan: str, det: Detection, places: dict[int, Detection]) -> bool:
    """Whether a catch-all guess, one word or a region's name (``Haldon Province``), names the town or region of
    the place right before it."""
    words = det.text.split()
    region = len(words) > 1 and words[-1].casefold() in _ADMIN_LAST
    if not det.detector.startswith("unknown.") or (len(words) != 1 and not region):
        return False
    if not _TOWN_END.match(scan, det.end):
        return False
    if _TOWN_NOT_END.match(scan, det.end) or has_person_evidence(scan, det, True):
        return False
    other = _place_before_comma(scan, det.start, places)
    if other is None:
        return False
    before = line_before(scan, other.start, 80)
    return bool(_PLACE_LABEL.search(before) or _ADDRESS_PHRASE.search(before) or clause_cue(before) == "stay")


def _region(scan: str, det: Detection) -> bool:
    """Whether a PERSON span without a person's evidence is followed by a region's category word in lower case
    (``Haldon district``, ``Wessex state``)."""
    return bool(_ADMIN_AFTER.match(scan, det.end)) and not has_person_evidence(scan, det, True)


def close_place_spans(scan: str, found: Sequence[Detection]) -> list[Detection]:
    """``found`` with places' spans closed over their type word and towns after a comma typed (module
    docstring)."""
    out = list(found)
    places: dict[int, Detection] = {}  # by end offset, the first place (in order) that ends there
    for d in out:
        if d.type == _LOC:
            places.setdefault(d.end, d)
    for i, det in enumerate(out):
        region = det.text.split()[-1].casefold() in _ADMIN_LAST
        if det.type == _ORG and region and _town(scan, det, places):  # "from Kelbury, Haldon State": a catch-all guess
            out[i] = Detection(det.start, det.end, _LOC, det.confidence, det.detector, det.text)
            places.setdefault(det.end, out[i])
        if det.type not in (_PERSON, _LOC):
            continue
        if det.type == _PERSON and _region(scan, det):
            out[i] = Detection(det.start, det.end, _LOC, det.confidence, det.detector, det.text)
            places.setdefault(det.end, out[i])
            continue
        closed = _close(scan, det, out, i)
        if closed is not None:
            out[i] = closed
            if det.type == _LOC and places.get(det.end) is det:
                del places[det.end]
            places.setdefault(closed.end, closed)
        elif det.type == _PERSON and _town(scan, det, places):
            out[i] = Detection(det.start, det.end, _LOC, det.confidence, det.detector, det.text)
            places.setdefault(det.end, out[i])
    return out


def streets_are_places(found: Sequence[Detection]) -> list[Detection]:
    """``found`` with an ORG whose last word is a street's type word (``stopped taking orders for Haddow
    Crescent``: a work phrase before a street) typed LOCATION; a firm's word after the street (``Velleran Close
    Surgery``) keeps an ORG, as its last word is not the street's."""
    out = list(found)
    for i, det in enumerate(out):
        words = det.text.split()
        if det.type == "ORG" and len(words) > 1 and words[-1] in STREET_CLOSERS:
            out[i] = Detection(det.start, det.end, _LOC, det.confidence, det.detector, det.text)
    return out
