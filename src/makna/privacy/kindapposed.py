"""A name in apposition to a kind of organisation said in lower case is that organisation (issue #11, gap18).

Speakers often say what a thing is before they name it: ``a care home in Porthwen, Cartref Glan-y-Dŵr``, ``a
savings group, Umoja Wanawake``, ``dari media Suara Lembah Hijau``, ``lewat penyalur, CV Maju Bersama``. The
name's own words say nothing (a Welsh house name, a slogan), so the catch-all types it PERSON and a place list
may claim a word of it; what the sentence says about it (it is a care home, a savings group, a newspaper) types
it. :func:`apposed_orgs` runs after the role pass and retypes to ORG a span right after such a kind noun and a
comma (with its place, ``in Porthwen``, between), or right after an Indonesian kind noun without one, for a name
of two words or more (``media Suara Lembah Hijau``); and a name of two words or more after someone's post at it
(``pegawai dari X``, ``wartawan dari X``).

Never a name a person detector found by its own cue (``the agency, Sarah Okafor, ...`` may name the person who
answered) nor a name with a listed first name in it; never a place a place list knows as it stands. The kind
nouns are common nouns of both languages (no name of any corpus); every name here is invented.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Final

from . import gazetteers as gz
from ._text import line_before
from .types import Detection

__all__ = ["apposed_orgs"]

_KINDS: Final = (
    r"care[ \t]+home|nursing[ \t]+home|care[ \t]+agency|savings[ \t]+group|credit[ \t]+union|housing[ \t]+association|"
    r"agency|company|firm|charity|co-?op|cooperative|union|school|nursery|college|clinic|factory|lender|newspaper|"
    r"media|tabloid|koran|majalah|yayasan|koperasi|lembaga|perusahaan|pabrik|penyalur|agen|LSM"
)
_KIND_BEFORE: Final = re.compile(
    r"(?<![\w\-])(?i:a|an|the|my|our|his|her|their|this|that|one|via|through|for|with|at|lewat|dari|di|ke|ka|sama|"
    r"samo|sebuah|satu)[ \t]+(?:[a-z]+[ \t]+)?"
    rf"(?:{_KINDS})"
    r"(?:[ \t]+(?:in|at|near|on|di|dekat)[ \t]+[A-ZÀ-ÖØ-Þ][\w'’\-]*(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w'’\-]*){0,2})?"
    r"[ \t]*,[ \t]+$"
)
"""A kind of organisation in lower case after an article or a preposition (maybe one word between: ``a small
charity``), maybe its place (``in Porthwen``), and a comma, up to a name; not a kind noun that only qualifies
another (``yang pegang uang arisan, Dena``: the person who holds the group's money)."""
_KIND_RIGHT_BEFORE: Final = re.compile(
    r"(?<![\w\-])(?:media|tabloid|koran|majalah|yayasan|koperasi|lembaga|perusahaan|pabrik|penyalur|agen|LSM)[ \t]+$"
)
"""An Indonesian kind of organisation right before its name, with no comma (``media Suara ...``): the kind noun
comes first in Indonesian; in English it follows the name (``the Stronsay school``), so an English kind noun
right before a name (``the school on Papa Stronsay``) says nothing of it."""
_STAFF_OF: Final = re.compile(
    r"(?<![\w\-])(?:pegawai|karyawan|karyawati|staf|staff|petugas|wartawan|utusan|perwakilan)[ \t]+(?:dari|dr)[ \t]+$"
)
"""Someone's post at an organisation (``pegawai dari X``, ``wartawan dari X``): in the open gold three spans after
such a phrase, all ORG (``orang dari``/``urang dari``, someone from a place, is not one of them)."""
_WEAK_PERSON: Final = frozenset({"person.repeat", "person.did", "learned"})
"""PERSON detectors with no cue of their own next to the name (besides the catch-all's ``unknown.*``)."""


@cache
def _first_names() -> frozenset[str]:
    return gz.first_names("id")  # (both lists, merged)


def _weak(det: Detection) -> bool:
    """Whether ``det`` was typed by nothing that says person or place as it stands."""
    if det.type == "PERSON":
        if not (det.detector.startswith("unknown.") or det.detector in _WEAK_PERSON):
            return False
        return not any(w in _first_names() for w in det.text.split())  # (a listed first name in it: a person)
    if det.type == "LOCATION":
        places = gz.all_places()
        return det.text not in places and det.text.casefold() not in places
    return False


def apposed_orgs(scan: str, found: Sequence[Detection]) -> list[Detection]:
    """``found`` with each weak PERSON or LOCATION span right after a lower-case kind of organisation typed ORG
    (module docstring). ``scan``: the text with speaker labels masked."""
    out = list(found)
    for i, det in enumerate(out):
        if det.type not in {"PERSON", "LOCATION"}:
            continue
        before = line_before(scan, det.start, 80)
        # (a comma must end the text before for the kind and its comma; two words for the kind right before:
        # the cheap tests first, as most spans have neither)
        if not (before.rstrip(" \t").endswith(",") and _KIND_BEFORE.search(before)):
            if len(det.text.split()) < 2:
                continue
            if not (_KIND_RIGHT_BEFORE.search(before) or _STAFF_OF.search(before)):
                continue
        if not _weak(det):
            continue
        out[i] = Detection(det.start, det.end, "ORG", det.confidence, det.detector, det.text)
    return out
