"""One name, one span: join the pieces of a name that several detectors found apart (issue #11).

Long organisation and place names are often found in pieces, each by the detector that knows one part:
``HNSI`` (an acronym) and ``Kota Makassar`` (a place word), ``Northfield Cooperative`` (a firm's suffix) and
``Grocers`` (an unknown capitalised word), ``Rusunawa`` and ``Tanjung Uncang``. The words between or after
the pieces are then left in the text, and a surrogate replaces half a name. :func:`join_names` mends that
on the rules' output, before the learned layer:

* two named detections (PERSON, ORG, LOCATION) separated by one space, ``&`` or ``and`` inside one line
  become one span, when one of them is an ORG or LOCATION and neither is a PERSON a cue or a name list found
  (``Syafrizal Tanjung`` is a person whose surname is a place's name); its type is that of the piece a cue or a list
  found (an unknown capitalised word's guess counts least), ORG before LOCATION before PERSON;
* an ORG or LOCATION is extended over the capitalised words that follow it in the same run of capitalised
  words (``Taff Valley University`` + ``Health Board``), never over a stop word (weekdays, months, "I"...);
* any named detection but a cued PERSON is extended over the capitalised words just before it in its run
  (``Lion`` + ``Rock``, ``Sungai`` + ``Kejasung``, ``Azure Meridian`` + ``Cruises``): the catch-all starts a
  name at its first unknown word and the list-known words before it are the rest of the name; never over a
  stop word or an honorific, nor over a sentence's first word unless it is a place's or an organisation's
  type word. A place's or an organisation's
  type word taken in sets the type of a guessed span (``Sungai Kejasung`` is a place);
* an ORG ending in a company abbreviation takes its full stop (``Inc.``, ``Ltd.``, ``Co.``);
* a catch-all guess of PERSON made of two or more words becomes an ORG when it ends in an English common
  noun that no name list holds (``Sree Lakshmi Knits``, ``Migrant Workers Office``: people's names are not
  made of such words, firms' and groups' names are) or opens with an organisation's type word (``Toko ...``),
  a LOCATION when it ends in a place's suffix or a compass word (``Moss Side``, ``Olde Towne East``) or opens
  with a place's type word;
* an ADDRESS takes the unit, lot, block and house-number parts written around it: ``Flat 9, Bramcote House,``
  before ``61 Commercial Way``, ``Lot 7, Block 3,`` before a subdivision, ``No. 17`` or a house letter after
  ``Jl. Kaliurang Km 9,5``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import cache, lru_cache
from operator import itemgetter
from typing import Final

from . import gazetteers as gz
from ._fastrx import dispatch, split_top
from ._text import HONORIFICS, CapRun, is_sentence_initial, run_tokens
from .address_units import opens_unit
from .types import Detection

__all__ = ["join_names"]

_NAMED: Final = frozenset({"PERSON", "ORG", "LOCATION"})
_JOINER: Final = re.compile(r"[ \t](?:(?:&|and|dan)[ \t])?")
_ABBR_END: Final = re.compile(r"(?:Inc|Ltd|Co|Corp|Bros|Pty|Pte|Bhd|Tbk|Cie)$")
_TYPE_RANK: Final = {"ORG": 2, "LOCATION": 1, "PERSON": 0}
_WEAK: Final = ("unknown.", "learned", "person.repeat")
_MAX_TAIL = 3
_MAX_HEAD = 3
_OWNED: Final = re.compile(r"-(?:nya|nyo|ku|mu)$")


@cache
def _type_words() -> tuple[frozenset[str], frozenset[str]]:
    from .places import LOCATION_TYPE_WORDS, ORG_SUFFIX_WORDS, ORG_TYPE_WORDS, PLACE_SUFFIX_WORDS  # noqa: PLC0415

    loc = frozenset(w.split()[0].rstrip(".") for w in LOCATION_TYPE_WORDS) | PLACE_SUFFIX_WORDS
    org = frozenset(w.split()[0].rstrip(".") for w in ORG_TYPE_WORDS) | ORG_SUFFIX_WORDS
    return loc, org


def _weight(det: Detection) -> tuple[int, int, float]:
    """How far ``det``'s type is to be trusted: a cue or a list over a guess, then ORG over LOCATION over
    PERSON (a firm's name holds places and people: ``HNSI Kota Makassar``), then confidence."""
    return (0 if det.detector.startswith(_WEAK) else 1, _TYPE_RANK[det.type], det.confidence)


def _join_pair(text: str, a: Detection, b: Detection) -> Detection | None:
    if (
        a.type not in _NAMED
        or b.type not in _NAMED
        or "ORG" not in (a.type, b.type)
        and "LOCATION"
        not in (
            a.type,
            b.type,
        )
    ):
        return None
    if any(d.type == "PERSON" and not d.detector.startswith(_WEAK) for d in (a, b)):
        return None  # "Syafrizal Tanjung": a surname that is also a place's name stays with the person
    gap = text[a.end : b.start]
    if not gap or _JOINER.fullmatch(gap) is None or not text[b.start : b.start + 1].isupper():
        return None
    if gap.strip() in {"&", "and", "dan"} and a.type == b.type == "LOCATION":
        return None  # "Padang and Bukittinggi": two places
    best = max((a, b), key=_weight)
    conf = max(a.confidence, b.confidence)
    return Detection(a.start, b.end, best.type, conf, best.detector, text[a.start : b.end])


def _run_at(runs: Sequence[CapRun], pos: int) -> list[CapRun]:
    """The capitalised run holding ``pos`` (a list of one, or empty): runs are in text order, so a bisection."""
    i = bisect_right(runs, pos, key=itemgetter(0)) - 1
    return [runs[i]] if i >= 0 and runs[i][0] <= pos < runs[i][1] else []


@lru_cache(maxsize=256)
def _words(run: CapRun) -> tuple[list[tuple[int, int, str]], list[int], list[int]]:
    """The words of ``run`` (:func:`~makna.privacy._text.run_tokens`) with their starts and ends, split once
    per run: a long run of capitalised words was split again for every detection in it (quadratic; 20 KB of
    capitalised words took seconds)."""
    toks = run_tokens(run)
    return toks, [t[0] for t in toks], [t[1] for t in toks]


def _tail(text: str, det: Detection, runs: Sequence[CapRun], stop: frozenset[str], limit: int) -> Detection:
    """``det`` extended over the capitalised words after it in its run, up to ``limit`` (the next detection)."""
    for run in _run_at(runs, det.start):
        if det.end >= run[1]:
            return det
        end, taken = det.end, 0
        toks, starts, _ends = _words(run)
        first = bisect_left(starts, det.end)
        for start, tok_end, word in toks[first : first + _MAX_TAIL + 1]:  # the loop reads no more
            if taken >= _MAX_TAIL or tok_end > limit or text[end:start].strip():
                break
            if word in stop or not word[:1].isupper():
                break
            end, taken = tok_end, taken + 1
        if end == det.end:
            return det
        return Detection(det.start, end, det.type, det.confidence, det.detector, text[det.start : end])
    return det


def _head(text: str, det: Detection, runs: Sequence[CapRun], stop: frozenset[str], limit: int) -> Detection:
    """``det`` extended over the capitalised words before it in its run, back to ``limit`` (the previous
    detection's end)."""
    for run in _run_at(runs, det.start):
        if run[0] == det.start:
            return det
        toks, _starts, ends = _words(run)
        last = bisect_right(ends, det.start)  # the words ending before the detection
        start, taken = det.start, 0
        for tok_start, tok_end, word in reversed(toks[max(0, last - _MAX_HEAD - 1) : last]):  # no more are read
            if taken >= _MAX_HEAD or tok_start < limit or text[tok_end:start].strip():
                break
            if word in stop or word in HONORIFICS or not word[:1].isupper() or not word.replace("-", "").isalpha():
                break
            if _OWNED.search(word):
                break  # "HP-nya Yosina": what the name owns, no part of it
            if is_sentence_initial(text, tok_start) and word not in _place_heads() and word not in _org_heads():
                break  # "My PhilSys": a sentence's first word joins only as a type word ("Sungai ...")
            start, taken = tok_start, taken + 1
        if start == det.start:
            return det
        kind = det.type
        if det.detector.startswith(_WEAK):
            loc, org = _type_words()
            words = text[start : det.end].split()
            if any(w in org for w in words):
                kind = "ORG"
            elif any(w in loc for w in words):
                kind = "LOCATION"
        return Detection(start, det.end, kind, det.confidence, det.detector, text[start : det.end])
    return det


_UNIT = r"(?:Flat|Unit|Apt\.?|Apartment|Lot|Block|Blok|Blk\.?|Room|Suite|No\.?|Nomor|Kav\.?)"
_UNIT_PART = r"[ \t]*[0-9A-Z][\w/]*,?[ \t]+"
_UNIT_FIRST = dispatch(split_top(_UNIT[3:-1]), not_after=r"\w")
_ADDR_HEAD: Final = re.compile(  # (?<![\w])(?:{_UNIT}{_UNIT_PART}){1,3}..., led by its first letters (_fastrx.dispatch)
    rf"{_UNIT_FIRST}{_UNIT_PART}(?:{_UNIT}{_UNIT_PART}){{0,2}}"
    r"(?:(?:[A-Z][\w'’]*[ \t]+){0,3}[A-Z][\w'’]*,[ \t]+)?(?:(?:Road|Jalan|Jl\.?)[ \t]+No\.?[ \t]*\d+,[ \t]+)?$"
)
_ADDR_TAIL: Final = re.compile(
    rf"(?:,?[ \t]+(?:{_UNIT}|RT|RW|Km)[ \t]*\d+(?:[,./]\d+)?[A-Z]?\b|[ \t]+[A-Z](?=[,;]|\.(?:[ \t]|$)|[ \t]*$))+"
)


def _address(text: str, det: Detection, before: list[Detection], after: Sequence[Detection]) -> tuple[Detection, int]:
    """``det`` (an ADDRESS, or a LOCATION with a unit and number before it) with the unit and number parts
    around it; named pieces inside the parts taken in are dropped from ``before`` (the output so far), and the
    number of detections of ``after`` the new span covers is returned with it."""
    start, end = det.start, det.end
    head = _ADDR_HEAD.search(text, max(0, start - 80), start)
    if head is not None and det.type == "LOCATION" and head.group(0).rstrip().endswith(",") and opens_unit(det.text):
        head = None  # "No. 7, Nagari Saruaso": the number ends the address before; the unit is a place (edges26)
    if head is not None:
        keep = len(before)
        while keep and before[keep - 1].end > head.start():
            if before[keep - 1].type not in _NAMED or before[keep - 1].start < head.start():
                break
            keep -= 1  # "Flat 9, Bramcote House, 61 ...": the building's name is part of the address
        if not keep or before[keep - 1].end <= head.start():
            del before[keep:]
            start = head.start()
    if det.type == "LOCATION" and start == det.start and not (opens_unit(det.text) and _ADDR_TAIL.match(text, end)):
        return det, 0  # a unit's place with a number after it opens an address ("Jorong Koto Tuo No. 27")
    tail = _ADDR_TAIL.match(text, end)
    covered = 0
    if tail is not None:
        while covered < len(after) and after[covered].end <= tail.end():
            covered += 1
        if covered == len(after) or after[covered].start >= tail.end():
            end = tail.end()
        else:
            covered = 0
    if (start, end) == (det.start, det.end):
        return det, 0
    return Detection(start, end, "ADDRESS", det.confidence, det.detector, text[start:end]), covered


def _common(word: str, words: frozenset[str], language_names: frozenset[str]) -> bool:
    bare = re.sub(r"['’]s$", "", word)
    low = bare.lower()
    known = low in words or (low.endswith("s") and low[:-1] in words)  # "Knits", "Grocers"
    return known and bare not in language_names and bare not in HONORIFICS


_COMPASS: Final = frozenset({"East", "West", "North", "South", "Side", "Point", "Upper", "Lower"})


def _retype_guess(det: Detection) -> Detection:
    """A catch-all PERSON guess of several words as an ORG or a LOCATION when its head says so (see the
    module's docstring): an English common noun last, or an Indonesian type word first."""
    words = det.text.split()
    if det.type != "PERSON" or not det.detector.startswith("unknown.") or len(words) < 2:
        return det
    loc, org = _type_words()
    kind = det.type
    if words[-1] in _COMPASS or words[-1] in loc or words[0] in _place_heads():
        kind = "LOCATION"  # "Olde Towne East", "Moss Side", "Pulau Kelapa"
    elif words[0] in _org_heads():
        kind = "ORG"  # "Toko Sinar Baru"
    else:
        if _common(words[-1], gz.english_words(), _names()):
            kind = "ORG"  # "Sree Lakshmi Knits", "Migrant Workers Office"
    if kind == det.type:
        return det
    return Detection(det.start, det.end, kind, det.confidence, det.detector, det.text)


@cache
def _names() -> frozenset[str]:
    return gz.first_names("en") | gz.first_names("id") | gz.surnames() | gz.ambiguous_names()


@cache
def _place_heads() -> frozenset[str]:
    from .places import LOCATION_TYPE_WORDS  # noqa: PLC0415

    return frozenset(w.split()[0] for w in LOCATION_TYPE_WORDS)


@cache
def _org_heads() -> frozenset[str]:
    from .places import ORG_TYPE_WORDS  # noqa: PLC0415

    return frozenset(w.split()[0] for w in ORG_TYPE_WORDS)


def join_names(text: str, found: Sequence[Detection], runs: Sequence[CapRun]) -> list[Detection]:
    """``found`` (sorted, non-overlapping) with the pieces of one name joined (see the module's docstring)."""
    stop = gz.stop_caps()
    out: list[Detection] = []
    skip = 0
    for i, det in enumerate(found):
        if skip:
            skip -= 1
            continue
        if det.type in ("ADDRESS", "LOCATION"):
            det, skip = _address(text, det, out, found[i + 1 : i + 4])
        if det.type in _NAMED and (det.type != "PERSON" or det.detector.startswith(_WEAK)):
            det = _retype_guess(_head(text, det, runs, stop, out[-1].end if out else 0))
        if det.type == "ORG" and _ABBR_END.search(det.text) and text[det.end : det.end + 1] == ".":
            det = Detection(det.start, det.end + 1, det.type, det.confidence, det.detector, det.text + ".")
        if det.type in ("ORG", "LOCATION") and not det.detector.startswith(_WEAK):
            det = _tail(text, det, runs, stop, found[i + 1].start if i + 1 < len(found) else len(text))
        joined = _join_pair(text, out[-1], det) if out else None
        if joined is not None:
            out[-1] = joined
        else:
            out.append(det)
    return out
