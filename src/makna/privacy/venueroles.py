"""A hotel, villa, resort or lodge named as someone's employer is an ORG (issue #11, round eighteen, gap18).

:mod:`makna.privacy.kindtypes` types a name by its kind word, and a hotel's, a villa's or a lodge's kind word
says LOCATION: where people stay, meet or are taken to (79 of the open splits' 83 gold ``Hotel ...`` spans). The
annotators type the same venue an ORG where the sentence makes it an employer: someone works there, holds a job
there or it pays them. Counted over the open splits' gold spans with a hotel, villa, resort or lodge word, after
a work phrase or a job noun with ``at``/``di`` (``a porter at``, ``sopir di``, ``kerja di``): 9 ORG, 3 LOCATION
(one a job applied for, one an agency's placement; those phrases are left alone here). Karaoke bars and cafés
are not read: the reference study's transcripts keep them venues even where someone works (7 LOCATION, 3 ORG).

:func:`employer_venues` runs after the role pass and retypes a LOCATION (never a PERSON: a name typed a person
keeps its type) whose own kind word is a hotel's, villa's, resort's or lodge's to ORG when

* a work phrase or a job noun ends the text before it on its line (``Cleaning rooms at the``, ``Saya sopir
  di``, ``I work nights at the``), not a job applied for or a placement (``daftar kerja di``, ``placed me at``);
* or an employer's act follows it in the same or the next sentence (``they employ about forty of us``, ``they
  pay me``, ``Mereka gaji saya``, ``kena PHK``).

Other mentions of the same name follow it.

:func:`reported_to` types the place a speaker reports to or complains to an ORG: a police station, a court, a
help desk (``Reported at Hollins Road station``, ``lapor ka Pusat Layanan ...``, ``mengadu ke Pengadilan ...``).
Counted over the open splits' gold spans right after such a phrase: 39 ORG, no LOCATION, no PERSON. Not a name a
person detector found by its own cue (``lapor ke Pak RT``) nor a listed first name.

No name of any corpus is listed; every name here is invented.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from . import gazetteers as gz
from ._orgheads import JOB_NOUNS
from ._text import line_before
from .typecontext import clause_cue
from .types import Detection

__all__ = ["employer_venues", "is_stay_venue", "reported_to"]

_VENUE_WORDS: Final = frozenset("hotel villa villas resort lodge inn homestay".split())
"""Kind words of a place one stays at that is also a place of work."""
_NOT_VENUE: Final = frozenset("care nursing".split())
"""Words that make a lodge something else (``Care Lodge``: :mod:`makna.privacy.kindtypes` types it ORG already)."""
_JOB_AT: Final = re.compile(
    rf"(?<![\w\-])(?<!(?i:the)[ \t])(?i:{JOB_NOUNS})(?:[ \t]+\w+)?[ \t]+(?i:at|di|in)[ \t]+(?:the[ \t]+)?$"
)
"""A job noun and ``at``/``di`` up to the venue (``a porter at``, ``sopir di``); not ``the manager at``, someone
described by their post at a place one visits."""
_NOT_EMPLOYED: Final = re.compile(
    r"(?i:(?<![\w\-])(?:daftar|melamar|ngelamar|apply|applied|applying|placed|posted|ditempatkan|order|orders|"
    r"deliver|delivered|drop|dropped|pick(?:ed)?[ \t]+up))(?![\w\-])"
)
"""A job applied for, a placement or an order: the venue is where it happens, not the employer."""
_EMPLOYER_ACT: Final = re.compile(
    r"(?<![\w\-])(?i:(?:they|mereka)[ \t]+(?:employ|employs|employed|pay|pays|paid|"
    r"took[ \t]+me[ \t]+on|take[ \t]+me[ \t]+on|hired|sacked|gaji|menggaji)"
    r"|kena[ \t]+phk|di-?phk)(?![\w\-])"
)
_SENTENCE_END: Final = re.compile(r"[.?!;\n]")


def is_stay_venue(text: str) -> bool:
    """Whether ``text``, a name, has a hotel's, villa's, resort's or lodge's kind word as its first or last word
    (and nothing that makes it a care home)."""
    words = [w.casefold().strip(",.'’") for w in text.split()]
    if len(words) < 2 or any(w in _NOT_VENUE for w in words):
        return False
    return words[0] in _VENUE_WORDS or words[-1] in _VENUE_WORDS


def _employs(scan: str, det: Detection) -> bool:
    before = line_before(scan, det.start, 80)
    if _NOT_EMPLOYED.search(before[-40:]):
        return False
    if clause_cue(before) == "work" or _JOB_AT.search(before):
        return True
    limit = min(len(scan), det.end + 160)
    end = _SENTENCE_END.search(scan, det.end, limit)
    nxt = _SENTENCE_END.search(scan, end.end(), limit) if end is not None else None
    return bool(_EMPLOYER_ACT.search(scan, det.end, limit if nxt is None else nxt.end()))  # this sentence or the next


def employer_venues(scan: str, found: Sequence[Detection]) -> list[Detection]:
    """``found`` with each hotel, villa, resort or lodge named as an employer typed ORG, and its other mentions
    with it (module docstring). ``scan``: the text with speaker labels masked."""
    out = list(found)
    names: set[str] = set()
    for i, det in enumerate(out):
        if det.type == "LOCATION" and is_stay_venue(det.text) and _employs(scan, det):
            out[i] = Detection(det.start, det.end, "ORG", det.confidence, det.detector, det.text)
            names.add(det.text)
    if names:
        for i, det in enumerate(out):
            if det.type == "LOCATION" and det.text in names:
                out[i] = Detection(det.start, det.end, "ORG", det.confidence, det.detector, det.text)
    return out


_REPORTED: Final = re.compile(
    r"(?<![\w\-])(?i:report(?:ed|ing)?(?:[ \t]+(?:it|him|her|them|this))?[ \t]+(?:at|to)(?:[ \t]+the)?|"
    r"complain(?:ed|ing)?[ \t]+to(?:[ \t]+the)?|(?:me)?lapor(?:kan)?(?:[ \t]+\w+)?[ \t]+(?:ke|ka)|"
    r"(?:meng)?adu(?:kan)?[ \t]+(?:ke|ka)|mangadu[ \t]+ka)[ \t]+$"
)
"""A report or a complaint made at or to a place (``reported it at``, ``complained to the``, ``lapor ka``)."""
_CUED_PERSON: Final = frozenset(
    {"person.intro", "person.honorific", "person.self", "person.speech", "person.nickname", "person.speaker"}
)


def reported_to(scan: str, found: Sequence[Detection]) -> list[Detection]:
    """``found`` with each PERSON or LOCATION span right after a report or complaint phrase typed ORG (module
    docstring). ``scan``: the text with speaker labels masked."""
    names = gz.first_names("id")  # (both lists, merged)
    out = list(found)
    for i, det in enumerate(out):
        if det.type not in {"PERSON", "LOCATION"} or det.detector in _CUED_PERSON:
            continue
        if det.type == "PERSON" and det.text.split()[0] in names:
            continue
        if _REPORTED.search(line_before(scan, det.start, 60)):
            out[i] = Detection(det.start, det.end, "ORG", det.confidence, det.detector, det.text)
    return out
