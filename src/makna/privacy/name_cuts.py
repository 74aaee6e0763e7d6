"""What a name never holds (ages29, #11): a candidate name (PERSON, ORG, LOCATION, HANDLE, UNKNOWN) is cut, before
overlap resolution, where it holds a date, a tab or a number word at its end.

**A date.** A candidate name whose span holds a date, or ends or starts inside one, gives the date's characters up.

A capitalised run after a cue word reads on over a number ("Koperasi Sinar Jaya 12" of "Koperasi Sinar Jaya
12/03/2024"), and a display name after a platform word reads a month name as a capital ("Facebook, March 14 Lily
Tran"); the longer span then wins overlap resolution and the date is lost, or typed ORG or HANDLE. Only shapes that
can be nothing but a date count: a day and month (and year) in figures with ``/``, ``.`` or ``-`` between and
plausible values, or a month's name next to a day number. A name cut this way keeps what is left on either side
while that still holds a capitalised word; otherwise it is dropped.

**A tab.** Chat exports and tables put a tab between columns (``19:15<TAB>Nur Aini<TAB>Dua puluh lima, ...``); a
capitalised run read across it joins a sender's name to the first word of the message. A name is cut at a tab and
each side kept while it holds a capitalised word and is not a number word alone.

**A number word at an edge.** A capitalised number word (``Dua``, ``Twenty-seven``, ``Ampek``) opening a turn is
the first word of an answer, often an age, not a name's last word: a PERSON or UNKNOWN of two words or more loses
the number words at its end, and at its start only a number of two words or more (a nickname may open with one:
Minang ``Ciek Tuo``, "the eldest"). A name that is a number word alone is left as it is (``Lima`` is a city; the
type passes judge it). A part that is a kind of place or body alone (``SD`` of ``SD 15 Juli 2025``) is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Final

from .numwords import parse_number
from .places import LOCATION_TYPE_WORDS, ORG_TYPE_WORDS
from .types import Detection

__all__ = ["cut_names", "date_only_shape"]

_MONTHS: Final = (
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Januari|Februari|Pebruari|Maret|Mei|Juni|Juli|Agustus|Oktober|Nopember|Desember|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Agu|Agt|Ags|Sep|Sept|Oct|Okt|Nov|Nop|Dec|Des"
)
_DAY: Final = r"(?:[12]\d|3[01]|0?[1-9])"
_ORD: Final = r"(?:st|nd|rd|th)?"
_YEAR: Final = r"(?:(?:19|20)\d\d|'\d\d)"
_NUMERIC: Final = re.compile(
    rf"{_DAY}(?P<sep>[/.\-])(?:1[0-2]|0?[1-9])(?:(?P=sep)(?:(?:19|20)?\d\d))?"
    rf"|(?:19|20)\d\d(?P<s2>[/.\-])(?:1[0-2]|0?[1-9])(?P=s2){_DAY}"
)
_WORDED: Final = re.compile(
    rf"(?i:(?:the[ \t]+)?{_DAY}{_ORD}[ \t]+(?:of[ \t]+)?(?:{_MONTHS})\.?(?:,?[ \t]+{_YEAR})?"
    rf"|(?:{_MONTHS})\.?[ \t]+(?:the[ \t]+)?{_DAY}{_ORD}(?:,?[ \t]+{_YEAR})?)"
)
_NAME_TYPES: Final = frozenset({"PERSON", "ORG", "LOCATION", "HANDLE", "UNKNOWN"})
_CAPITAL_WORD: Final = re.compile(r"[A-Z][\w'’\-]+|[A-Z]{2,}")
_EDGE: Final = " \t,;:.-–"


def date_only_shape(value: str) -> bool:
    """Whether ``value`` (a DATE candidate's text) has a shape only a date has: ``12/03``, ``12.03.2024``,
    ``2024-03-12``, ``14 March``, ``March 14th, 2024``, ``the 3rd of May`` (not a year or a month alone)."""
    value = value.strip()
    return _NUMERIC.fullmatch(value) is not None or _WORDED.fullmatch(value) is not None


@cache
def _type_words() -> frozenset[str]:
    return frozenset(w.lower() for w in (*ORG_TYPE_WORDS, *LOCATION_TYPE_WORDS))


def _part(det: Detection, start: int, end: int, text: str) -> Detection | None:
    value = text[start:end]
    lead = len(value) - len(value.lstrip(_EDGE))
    value = value.strip(_EDGE)
    if not _CAPITAL_WORD.search(value) or value.lower() in _type_words():
        return None  # nothing capitalised, or a kind of place or body alone ("SD" of "SD 15 Juli 2025")
    start += lead
    return Detection(start, start + len(value), det.type, det.confidence, det.detector, value)


def _cut_dates(text: str, candidates: Sequence[Detection]) -> list[Detection]:
    dates = [d for d in candidates if d.type == "DATE" and date_only_shape(d.text)]
    if not dates:
        return list(candidates)
    out: list[Detection] = []
    for det in candidates:
        if det.type not in _NAME_TYPES:
            out.append(det)
            continue
        hits = [d for d in dates if d.start < det.end and det.start < d.end]
        if not hits or all(det.start >= d.start and det.end <= d.end for d in hits):
            out.append(det)
            continue
        lo, hi = min(d.start for d in hits), max(d.end for d in hits)
        for start, end in ((det.start, lo), (hi, det.end)):
            if end > start:
                part = _part(det, start, end, text)
                if part is not None:
                    out.append(part)
    return out


_NUMBER_EDGE_TYPES: Final = frozenset({"PERSON", "UNKNOWN"})
_WORD: Final = re.compile(r"[^ \t\n]+")


def _number_word(word: str) -> bool:
    return word[:1].isupper() and not word[:1].isdigit() and parse_number(word.strip(",.;:!?")) is not None


def _cut_one(text: str, det: Detection) -> list[Detection]:
    if "\t" in det.text:
        parts: list[Detection] = []
        pos = det.start
        for piece in det.text.split("\t"):
            part = _part(det, pos, pos + len(piece), text) if piece.strip() else None
            if part is not None and not all(_number_word(w) for w in part.text.split()):
                parts.extend(_cut_one(text, part))
            pos += len(piece) + 1
        return parts
    if det.type not in _NUMBER_EDGE_TYPES:
        return [det]
    words = list(_WORD.finditer(det.text))
    if len(words) < 2:
        return [det]
    lo, hi = 0, len(words)
    while hi > 1 and _number_word(words[hi - 1].group(0)):
        hi -= 1
    while lo < hi and _number_word(words[lo].group(0)):
        lo += 1
    if lo < 2:
        lo = 0  # "Twenty Five Grace": a number of two words or more opening it; "Ciek Tuo" (a Minang nickname) stays
    if (lo, hi) == (0, len(words)):
        return [det]
    if lo == hi:
        return []
    part = _part(det, det.start + words[lo].start(), det.start + words[hi - 1].end(), text)
    return [] if part is None else [part]


def cut_names(text: str, candidates: Sequence[Detection]) -> list[Detection]:
    """``candidates`` with every name candidate cut where it holds what no name holds: a DATE candidate's
    characters (of a date-only shape, :func:`date_only_shape`) where the name overlaps it without lying inside it,
    a tab, and (PERSON and UNKNOWN of two words or more) number words at the end or a number of two words or more at
    the start; each part kept while it holds a capitalised word and is no type word alone."""
    out: list[Detection] = []
    for det in _cut_dates(text, candidates):
        if det.type in _NAME_TYPES and ("\t" in det.text or det.type in _NUMBER_EDGE_TYPES):
            out.extend(_cut_one(text, det))
        else:
            out.append(det)
    return out
