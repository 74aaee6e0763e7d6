"""A name listed with places is a place (issue #11, round twenty-six, typing26).

Speakers name the places of their work, their family or their routes in lists: ``Cranhill, Torvale and
Easterbrook``, ``di Oebobo, Naikoten, Kuanino``. A place no list knows, or a town that is also a given name, is
typed by the rule that found it alone (the catch-all's PERSON for want of evidence, an organisation's context)
while the names beside it are places. Counted over the open splits' gold (round twenty-six, 826 transcripts):
a name standing in a list between two places (``L, X, L``; separators ``,``, ``and``, ``or``, ``dan``, ``atau``,
``/``) is a place 71 times of 71, and a name closing a list after two places (``L, L and X``) 71 times of 71
named spans (the other 38 closing spans are dates of a setting line: not named spans, never retyped here).

:func:`places_listed_with_places` runs after the role and clause passes and retypes to LOCATION a PERSON or ORG
span that stands so in a list, on one line, unless

* a person detector found it by a cue next to it (``my cousin X``, ``Bu X``, ``namanya X``: a person in a list
  of places is named as one) or a person's evidence is there (:func:`makna.privacy.kindtypes.has_person_evidence`);
* a person's word follows it (``Rina yang bantu``, ``Sam, who``, ``Florence's``);
* its own kind word makes it an organisation (``..., Puskesmas Oesapa and ...``: a clinic in a list of places).

Structure only: no name of any corpus; every name here is invented.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from .kindtypes import has_person_evidence, kind_of
from .types import Detection

__all__ = ["places_listed_with_places"]

_LOC: Final = "LOCATION"
_SEP: Final = re.compile(
    r"(?:[ \t]*,[ \t]*(?:(?:and|or|dan|atau)[ \t]+)?|[ \t]+(?:and|or|dan|atau)[ \t]+|[ \t]*/[ \t]*)",
    re.IGNORECASE,
)
"""What stands between two names of one list: a comma, ``and``/``or``/``dan``/``atau`` (after a comma or not), a
slash (not ``&``: ``X & Y`` names a firm)."""
_PERSON_AFTER: Final = re.compile(
    r"(?:['’]s\b|[ \t]*&|[ \t]*,?[ \t]+"
    r"(?i:yang|who|said|says|told|asked|bilang|kata|kato|kecek|orangnya|itu[ \t]+teman)\b)"
)
"""What makes the name before it a person's (``Rina yang bantu``, ``Florence's mum``, ``Sam, who ...``) or a
firm's (``Dhillon & Grewal``)."""


def _listed(scan: str, left: Detection, right: Detection) -> bool:
    """Whether ``left`` and ``right`` stand next to each other in one list (only a separator between them)."""
    return left.end <= right.start and _SEP.fullmatch(scan, left.end, right.start) is not None


def _retypable(scan: str, det: Detection) -> bool:
    """A PERSON or ORG span without a person's evidence or an organisation's kind word of its own."""
    if det.type not in ("PERSON", "ORG"):
        return False
    own = kind_of(det.text)
    if own is not None and own[0] != _LOC:
        return False
    if _PERSON_AFTER.match(scan, det.end):
        return False
    return not has_person_evidence(scan, det, own is not None)


def places_listed_with_places(scan: str, found: Sequence[Detection]) -> list[Detection]:
    """``found`` with each PERSON or ORG span listed between two places, or closing a list after two places,
    retyped LOCATION (module docstring). ``scan``: the text the spans index."""
    order = sorted(range(len(found)), key=lambda i: (found[i].start, found[i].end))
    seq = [found[i] for i in order]
    out = list(found)
    for at, det in enumerate(seq):
        if not _retypable(scan, det) or at == 0:
            continue
        prev = seq[at - 1]
        if prev.type != _LOC or not _listed(scan, prev, det):
            continue
        after = seq[at + 1] if at + 1 < len(seq) else None
        between = after is not None and after.type == _LOC and _listed(scan, det, after)
        before = seq[at - 2] if at >= 2 else None
        closing = before is not None and before.type == _LOC and _listed(scan, before, prev)
        if between or (closing and not (after is not None and _listed(scan, det, after))):
            out[order[at]] = Detection(det.start, det.end, _LOC, det.confidence, det.detector, det.text)
    return out
