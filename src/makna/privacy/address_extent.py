"""One address written together is one span: its parts joined across what lies between them (issue #11, round 24).

The detectors find an address's parts (a street, a unit, a postcode) and the earlier passes join parts that touch
(:mod:`makna.privacy.span_closure`) or an Indonesian administrative unit after them (:mod:`makna.privacy.span_edges`).
What they left apart, on the open splits: a postcode after a province's or state's code (``..., Winnipeg, MB`` and
``R2V 3K7``), after a city district's number (``Dublin 15, D15 X2K7``) or after a town the detectors left unmarked
(``..., Singapore 823267``), and a town named with a particle (``Newcastle upon Tyne NE6 2QZ``). This pass joins
two address spans on one line when only such words stand between them: capitalised words (a town, a province's
code), a number of one to three digits (a district) and a place name's particle, at most three of them and 30
characters in all. It also takes a postal code or district number right after a town (``Auckland 2103``,
``Kingston 8``) when the clause ends there.

An address's house number left out before it is taken back (``12`` of ``12 Kestrel Bay``), and so are the pieces
other detectors typed as a name between the number and the address (``45 Wambui``, ``, Ngong Road``: a street
named after a person or a firm is no person or firm there): a house number, then name-typed pieces, then an
address, joined by spaces and commas, are one address; a street an address detector typed as a place for want of
its number (``Jalan Kenanga``) is an address with the number before it (``45 Jalan Kenanga``), and so is an estate
or row of houses a place detector found by its last word (``14 Marula Estate``: round 27).

A place the detectors typed LOCATION after an address stays a place: the open sets mark a town after a street
apart as often as with it (137 gold places right after a gold address, both languages), so the town's type is the
annotators' convention, not the text's shape. Only the text's shape is read here, never a list of places.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from .types import Detection

__all__ = ["address_extent", "house_number_heads"]

_PARTICLE: Final = r"upon|on|under|by|in|sur|am|an|der|de|la|le|en|del|di"
_BETWEEN: Final = re.compile(rf",?[ \t]+(?:(?:[A-Z][\w'’.\-]*|\d{{1,3}}|{_PARTICLE})[ \t]*,?[ \t]+){{1,3}}")
"""Between two parts of one address: a comma or a space, then one to three capitalised words, short numbers or
particles, each followed by a space (and maybe a comma)."""
_TAIL_NUMBER: Final = re.compile(r"[ \t](?:\d{3,6}|\d{1,2})(?=[ \t]*(?:[.,;:!?)\n]|$))")
"""A postal code or a district's number after a town, the clause ending after it (``Auckland 2103.``)."""
_NOT_BETWEEN: Final = frozenset({"And", "Or", "Then", "But", "Dan", "Atau", "Lalu", "Terus", "I", "We", "She", "He"})


def _joinable(gap: str) -> bool:
    if len(gap) > 30 or "\n" in gap or _BETWEEN.fullmatch(gap) is None:
        return False
    return not any(word in _NOT_BETWEEN for word in re.findall(r"[A-Za-z]+", gap))


def address_extent(text: str, dets: Sequence[Detection], j: int, end: int) -> tuple[int, int]:
    """The index past the last detection of ``dets`` (sorted, non-overlapping) an address ending at ``end``
    (its run so far ends before ``dets[j]``) joins, and the address's new end."""
    while j < len(dets) and dets[j].type == "ADDRESS" and _joinable(text[end : dets[j].start]):
        end = dets[j].end
        j += 1
    limit = dets[j].start if j < len(dets) else len(text)
    tail = _TAIL_NUMBER.match(text, end)
    if tail is not None and tail.end() <= limit and re.search(r"[^\W\d_]$", text[end - 1 : end]):
        end = tail.end()
    return j, end


_HOUSE_NUMBER: Final = re.compile(r"(?<![\w.,/\-])(?P<n>\d{1,5}[A-Za-z]?)[ \t]+$")
"""A house number right before a street's capitalised name (``12 ``, ``14B ``); never a year, checked below."""
_NAME_TYPES: Final = frozenset({"PERSON", "ORG", "LOCATION"})
_PIECE_GAP: Final = re.compile(r",?[ \t]+|,")


def _head(text: str, dets: Sequence[Detection], k: int, floor: int) -> tuple[int, int] | None:
    """The index of the first piece and the house number's start, when one leads the address at ``dets[k]``
    through name-typed pieces joined by spaces and commas (at most two)."""
    first = k
    while first > 0 and k - first < 2 and dets[first - 1].type in _NAME_TYPES and dets[first - 1].start >= floor:
        if _PIECE_GAP.fullmatch(text, dets[first - 1].end, dets[first].start) is None:
            break
        first -= 1
    for i in range(first, k + 1):
        lead = text[dets[i].start : dets[i].start + 1]
        if not (lead.isupper() or dets[i].type == "ADDRESS" and lead.isalpha()):
            continue  # a name-typed piece is capitalised; an address may start with "avenue" or "rue"
        m = _HOUSE_NUMBER.search(text, max(floor, dets[i].start - 10), dets[i].start)
        if m is None or re.fullmatch(r"(?:19|20)\d\d", m.group("n")):
            continue
        if i > first and not re.fullmatch(r"[ \t]+", text[m.end("n") : dets[i].start]):
            continue
        return i, m.start()
    return None


_RESIDENCE_WORDS: Final = frozenset(
    "Estate Gardens Heights Park Green Common Village Court Square Bay Layout Nagar Colony Enclave Vihar Township "
    "Residency Residences Villas Homes Towers Apartments Flats Mansions".split()
)
"""The last words of a named estate, block or row of houses: a house number before one makes it an address
(``14 Marula Estate``, ``8 Kestrel Heights``), as a street's word does; a hotel, station or church does not."""


_AT_PLACE: Final = re.compile(
    r"(?:(?:\A|[\n:;,(])|\b(?i:at|to|on|in|from|near|address|is|was|di|ke|dari|alamat(?:nya)?))[ \t]*$"
)
"""What stands before such a number: a preposition of place, a copula or an address's label, or a clause's start
(``lives at 14 Marula Estate``; never ``walked 3 Hyde Park laps``)."""


def _residence(text: str, det: Detection) -> bool:
    """Whether ``det`` (a place found by its last word) is an estate or row of houses with a house number said
    where a place is (a preposition or a label before the number)."""
    if det.text.split()[-1] not in _RESIDENCE_WORDS:
        return False
    m = _HOUSE_NUMBER.search(text, max(0, det.start - 10), det.start)
    return m is not None and _AT_PLACE.search(text, max(0, m.start() - 12), m.start()) is not None


def house_number_heads(text: str, dets: Sequence[Detection]) -> list[Detection]:
    """``dets`` (sorted, non-overlapping) with each address's house number taken back, with the name-typed pieces
    between the number and the address."""
    out: list[Detection] = []
    for det in dets:
        street = det.type == "LOCATION" and (  # a street (or an estate) named without its number
            det.detector.startswith("address.") or det.detector == "location.suffix" and _residence(text, det)
        )
        if det.type != "ADDRESS" and not street:
            out.append(det)
            continue
        run = [*out, det]
        k = len(out)
        head = _head(text, run, k, 0)
        if street and head is not None and head[0] != k:
            head = None
        if head is None:
            out.append(det)
            continue
        i, start = head
        if i > 0 and run[i - 1].end > start:
            out.append(det)  # the number belongs to the detection before (never cut another span)
            continue
        del out[i:]
        pieces = run[i:]
        confidence = max(p.confidence for p in pieces)
        out.append(Detection(start, det.end, "ADDRESS", confidence, det.detector + "+number", text[start : det.end]))
    return out
