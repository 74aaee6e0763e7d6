"""Names typed by the English words around them (issue 11): the gig-rider phrasing of English interviews.

* **a person by what is theirs**: a capitalised word before ``'s`` and a kin word or a personal thing
  (``Marcin's flat``, ``Nadia's husband``, ``Kacper's bike``) is a PERSON (0.7), unless it is an ordinary
  word, a stop word, an app or a place that no first-name list knows.
* **a person named after a role**: ``a passenger, Marcin, left``, ``the owner, Tariq, lets us``, ``one
  customer, Hamish.``: a role noun, a comma and one capitalised word closed by punctuation (0.7).
* **a person before "from the" and a workplace**, wherever the sentence starts (``then Tiago from the
  depot rang``, ``me and Ola from the hub``) (0.65).
* **a place after a word of moving or staying**: ``down in Plaistow``, ``out to Leytonstone``, ``coming
  back from Nunhead``, ``lives in Furzedown``, ``over Stratford way``: LOCATION (0.6) for one to three
  capitalised words that no list explains as something else (a first name that no place list knows, an
  ordinary word, a weekday, an app or a nationality are left).
* **a place by an English type word after it**: ``Golden Mile``, ``Agar Grove``, ``Peckham High Street``,
  ``the Pembury estate``, ``Goodmayes station`` (lower-case ``estate``/``station`` after names that are no
  ordinary words: never ``the bus station``).
* **an age said "of age"**: ``nineteen years of age``, ``21 years of age``, ``38 yrs of age``: AGE (0.8) over the
  number and its unit, whatever comes before.
* **a flat by its number**: ``outside flat 12``, ``up to flat 41``, ``at Flat 3B``: ADDRESS (0.6) after a
  preposition, never an amount (``a flat 20 quid``).
* **the app or firm someone works on or for**: ``I'm on Quikbite``, ``she rides for Trolleo``, ``I was with
  Mealzo for a year``: ORG (0.6) for one or two capitalised words that no list explains (a first name stays:
  ``I was with Kemi``).
* **a name listed with a found organisation or place**: ``Dashly and Grubhop`` (one of them an ORG) or a
  route ``Heathrow to Southall`` (one of them a LOCATION) types the unknown other alike (0.55); a place list's
  name after a LOCATION and "and" is a place even when it is also a word (``Bow and Poplar``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Final

from . import gazetteers as gz
from ._fastrx import dispatch
from ._text import HONORIFICS, OFFICE_TITLES
from .agecues import AGE_NUMBER
from .places import ORG_SUFFIX_WORDS
from .types import Detection

__all__ = ["context_ages", "context_orgs", "context_persons", "context_places", "listed_alike"]

_CAP = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ\-]+"
_NAME = rf"{_CAP}(?:[ \t]+{_CAP}){{0,2}}"

_OWNED = (
    r"flat|house|place|room|wife|husband|missus|mum|mom|mam|dad|son|daughter|brother|sister|boyfriend|girlfriend|"
    r"partner|fiancée?|kids?|children|baby|nan|gran|uncle|auntie|aunt|cousin|mate|mates|friend|friends|family|"
    r"bike|scooter|moped|car|van|phone|number|account|order|food|mother|father|parents"
)
_ROLE = (
    r"passenger|customer|client|lad|guy|bloke|man|woman|lady|girl|boy|student|kid|fella|geezer|chap|owner|"
    r"manager|rider|driver|courier|neighbour|neighbor|resident|grandad|grandma|gentleman|guard|landlord|landlady"
)
_CAP_BEFORE: Final = re.compile(rf"(?<![\w'’\-])(?P<n>{_CAP})[ \t]*$")
_NAME_BEFORE: Final = re.compile(rf"(?<![\w'’\-])(?P<n>{_CAP}(?:[ \t]+{_CAP})?)[ \t]+$")

# Each rule scans for its rare tail (a literal or a plain set first: Python's fast scan) and reads the words
# before it with an anchored search of a short window: a pattern led by "\b", a look-behind or a name is tried
# at every position, several times slower (see _fastrx).
_POSSESSIVE: Final = (
    re.compile(rf"['’]s[ \t]+(?:own[ \t]+|new[ \t]+|old[ \t]+)?(?:{_OWNED})\b"),
    _CAP_BEFORE,
)
_APPOSED: Final = (
    re.compile(rf",[ \t]*(?P<n>{_CAP})(?=[ \t]*[,.;:!?])"),
    re.compile(
        r"(?<!\w)(?:[Aa]|[Tt]he|[Oo]ne|[Tt]his|[Tt]hat|[Mm]y|[Oo]ur|[Hh]is|[Hh]er)[ \t]+(?:(?:old|young|other|new|"
        rf"regular|Polish|Romanian|Brazilian|Nigerian|Indian|English|Irish|Scottish)[ \t]+)?(?:{_ROLE})[ \t]*$"
    ),
)
_FROM_THE: Final = (
    re.compile(
        r"from[ \t]+the[ \t]+(?:depot|hub|office|restaurant|shop|kitchen|warehouse|store|app|agency|union|garage|"
        r"takeaway|council)\b"
    ),
    _CAP_BEFORE,
)
_ADVERBS: Final = frozenset("down up out over across round back right along through".split())
_ADVERB_PREPS: Final = frozenset("to in at by toward towards from near past".split())
_VERBS: Final = frozenset(
    "coming came come comes going went go goes drove drive driving ride rode riding cycled moved move head headed "
    "heading".split()
)
_VERB_PREPS: Final = frozenset("from to into through past toward towards".split())
_STAYS: Final = frozenset("live lives living lived stay stays staying stayed based parked park wait waiting".split())
_STAY_PREPS: Final = frozenset("in at near by".split())
_BARE: Final = frozenset("around near outside opposite past towards".split())
_LAST: Final = _BARE | _ADVERB_PREPS | _VERB_PREPS | _STAY_PREPS | {"the"}
_NAMES: Final = re.compile(rf"(?P<n>{_NAME})(?![\w'’\-@])")
"""Capitalised runs: the places after a word of moving are read from them back (fewer than word starts)."""
_WAY: Final = re.compile(rf"over[ \t]+(?P<n>{_NAME})[ \t]+way\b")
_TYPED: Final = (
    re.compile(
        dispatch(
            ["Mile", "Grove", "Parade", "Broadway", "Mews", "High[ \\t]+Street", "High[ \\t]+Road"], not_after=r"\w"
        )
        + r"\b"
    ),
    _NAME_BEFORE,
)
_LOWER_TYPED: Final = (re.compile(r"(?:estate|station)\b"), _NAME_BEFORE)
_PREP_TYPED: Final = (
    re.compile(
        dispatch(
            [
                "Hill",
                "Heath",
                "Common",
                "Green",
                "Vale",
                "Rise",
                "Fields",
                "Wharf",
                "Quay",
                "Row",
                "Gate",
                "End",
                "Cross",
                "Bridge",
                "Square",
                "Park",
            ],
            not_after=r"\w",
        )
        + r"\b"
    ),
    re.compile(
        r"(?<![\w'’\-])(?:on|in|near|up|down|around|off|past|opposite|outside|along|across|behind|round)[ \t]+"
        rf"(?:the[ \t]+)?(?P<n>{_CAP}(?:[ \t]+{_CAP})?)[ \t]+$"
    ),
)
"""A word that ends a place's name but also a person's (``Hill``, ``Green``, ``Park``) after a name: a place
only after a preposition of where (``on Carrow Hill``, ``near Dunley Green``)."""
_ORG_NEXT: Final = re.compile(
    rf"(?P<sep>[ \t]*,[ \t]*|[ \t]+(?:and|or|&)[ \t]+)(?P<n>{_CAP})(?=[ \t]*[,.;:!?\n]|[ \t]*$)"
)
_ORG_BEFORE: Final = re.compile(rf"(?<![\w'’\-])(?P<n>{_CAP})(?:[ \t]*,[ \t]*|[ \t]+(?:and|or|&)[ \t]+)$")
_ROUTE_NEXT: Final = re.compile(rf"[ \t]+to[ \t]+(?P<n>{_CAP}(?:[ \t]+{_CAP})?)(?![\w'’\-@])")
_ROUTE_BEFORE: Final = re.compile(rf"(?<![\w'’\-])(?P<n>{_CAP}(?:[ \t]+{_CAP})?)[ \t]+to[ \t]+$")
_PLACE_AND: Final = re.compile(rf"[ \t]+(?:and|or|&)[ \t]+(?P<n>{_CAP}(?:[ \t]+{_CAP})?)(?![\w'’\-@])")
"""A place listed after a LOCATION found ("Bow and Poplar"): taken when a place list has it, ordinary word or not."""

_OF_AGE: Final = (re.compile(r"of[ \t]+age\b"), re.compile(rf"(?<![\w\-])(?P<n>{AGE_NUMBER})[ \t]+$"))
"""The number and its unit before "of age" ("nineteen years")."""
_FLAT: Final = (
    re.compile(
        r"(?P<n>[Ff]lat[ \t]+\d{1,4}[A-Za-z]?)\b(?![ \t]*(?:%|pounds?|quid|per|an?[ \t]+hour|minutes?|mins?|hours?)\b)"
    ),
    re.compile(r"(?<!\w)(?:to|at|in|outside|from|into|of|by|near|opposite)[ \t]+(?:the[ \t]+)?$"),
)
_WORKS_ON: Final = re.compile(
    dispatch(
        [
            "I'm",
            "I[ \\t]+am",
            "I[ \\t]+was",
            "he's",
            "she's",
            "we're",
            "they're",
            "I[ \\t]+work",
            "i[ \\t]+work",
            "works",
            "worked",
            "working",
            "ride",
            "rides",
            "rode",
            "riding",
            "deliver",
            "delivers",
            "delivered",
            "delivering",
            "drive",
            "drives",
            "drove",
            "driving",
            "signed[ \\t]+up",
            "started",
        ],
        not_after=r"\w",
    )
    + r"[ \t]+(?:(?:only|mostly|also|still|just)[ \t]+)?(?:on|for|with)[ \t]+"
    + rf"(?P<n>{_CAP}(?:[ \t]+{_CAP})?)(?![\w'’\-@])"
)


def _tails(
    rule: tuple[re.Pattern[str], re.Pattern[str]], text: str, window: int = 60
) -> Iterator[tuple[re.Match[str], re.Match[str]]]:
    """Each match of the rule's tail with the match of its head ending right before it (both found)."""
    tail, head = rule
    for m in tail.finditer(text):
        before = head.search(text, max(0, m.start() - window), m.start())
        if before is not None:
            yield m, before


_PLACE_WORDS: Final = frozenset(
    "Vale Green Park Hill Heath Common Cross Gate Road Street Lane Town Village End Bridge Square Row Grove Rise Mile "
    "Estate Central North South East West Broadway Parade Market Wharf Quay Fields".split()
)
"""English words that end a place's name ("Brackleigh Vale", "Quenby Central") after a name no list explains."""


@cache
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    stop = gz.stop_caps() | gz.demonyms() | gz.brands()
    return gz.all_places(), gz.first_names("en"), gz.ordinary_words(), stop


def _placeable(name: str) -> bool:
    """No word of ``name`` is a stop word, an app or an ordinary word (but for an English place word after the
    first: "Brackleigh Vale"); a first name only when a place list has the whole name."""
    places, names, words, stop = _lists()
    toks = name.split()
    if len(toks[0]) < 3:
        return False
    head, tail = toks[0], toks[1:]
    if head in stop or head.lower() in words or (head in names and name not in places):
        return False
    return all(t in _PLACE_WORDS or (t not in stop and t.lower() not in words and t not in names) for t in tail)


_COMPASS: Final = frozenset("North South East West Northern Southern Eastern Western".split())
_GENERIC: Final = frozenset(
    "Work Job Church School College Uni University Home Holiday Holidays Mass Chapel Mosque Temple Court Hospital "
    "Town City Prison Jail Heaven Money Dinner Lunch Breakfast Class Office Gym Training Practice Parliament Market "
    "Airport Beach Shop Shops Bed Sleep Base Hub Depot Mum Dad Nan Gran Mummy Daddy Hell Rehab Prayers".split()
)
"""Common nouns some writers capitalise after "went to" ("back to Work", "to Church"): never a place alone."""
_BODIES: Final = frozenset("Community Council Committee Club Team Rangers Group Centre Center Board".split())
"""Last words of a body of people rather than a place ("Bunuba Creek Community"): left to the ORG rules."""
_OF_NEXT: Final = re.compile(r"[ \t]+of[ \t]+[A-Z]")
"""A name going on with "of" ("the Point of Cott"): the run is only its start."""


def _after_to(text: str, at: int) -> bool:
    """The word before ``at`` is "to" or "towards": a lone English word there may be a verb ("out to Help")."""
    return text[max(0, at - 8) : at].rstrip().lower().endswith((" to", "\tto", " towards"))


def _plain_place(name: str) -> bool:
    """``name``, capitalised after a word of moving or staying, may be a place although it is made of English
    words ("up at Spring Branch", "I come from Junction"): no stop word, honorific or first name alone, no
    country, and no organisation's kind word at its end ("Heartlands Hospital" is left to the ORG rules)."""
    _places, names, _words, stop = _lists()
    toks = name.split()
    if any(t in stop or t in HONORIFICS or t in OFFICE_TITLES for t in toks) or name in gz.countries():
        return False
    if len(toks) == 1 and (toks[0] in names or len(toks[0]) < 4 or toks[0] in _GENERIC):
        return False
    return toks[-1] not in ORG_SUFFIX_WORDS and toks[-1] not in _BODIES and toks[0] not in _COMPASS


def _listed_place(name: str) -> bool:
    """A place list has ``name`` and no first-name list or stop list does ("Poplar", not "Will")."""
    places, names, _words, stop = _lists()
    return name in places and name not in names and name.split()[0] not in stop and name not in gz.countries()


def _personable(name: str) -> bool:
    """``name`` is no stop word, app or ordinary word (but a world first name that is no English word: "Ewa"),
    and no place that the first-name lists do not know."""
    places, names, words, stop = _lists()
    if len(name) < 3 or name in stop:
        return False
    if name.lower() in words and name not in gz.world_first_names():
        return False
    return name in names or name not in places


def _moving_before(text: str, at: int) -> bool:
    """The words before ``at`` (on its line, "the" aside) say moving or staying: "down in", "coming back
    from", "lives in", "near"."""
    if at < 2 or text[at - 1] not in " \t":
        return False
    cut = max(text.rfind(" ", max(0, at - 12), at - 1), text.rfind("\t", max(0, at - 12), at - 1))
    if (cut < 0 and at > 12) or text[cut + 1 : at].strip() not in _LAST:
        return False  # the word before is no preposition of moving and no "the": most names end here
    start = max(0, at - 40)
    seg = text[start:at]
    line = seg.rfind("\n")
    if line >= 0:
        seg, start = seg[line + 1 :], start + line + 1
    if not seg.endswith((" ", "\t")):
        return False
    words = seg.split()
    if start > 0 and not text[start - 1].isspace() and words and not seg[0].isspace():
        words.pop(0)  # cut by the window
    if words and words[-1] == "the":
        words.pop()
    if not words:
        return False
    last = words[-1]
    if last in _BARE:
        return True
    if len(words) < 2:
        return False
    prev = words[-2]
    if last in _VERB_PREPS and prev == "back" and len(words) > 2 and words[-3] in _VERBS:
        return True
    return (
        (last in _ADVERB_PREPS and prev in _ADVERBS)
        or (last in _VERB_PREPS and prev in _VERBS)
        or (last in _STAY_PREPS and prev in _STAYS)
    )


def context_persons(text: str) -> Iterator[Detection]:
    """PERSON for names before ``'s`` and a kin word or thing, after a role and a comma, before "from the"."""
    for rule, conf, detector in (
        (_POSSESSIVE, 0.7, "person.en_possessive"),
        (_APPOSED, 0.7, "person.en_role"),
        (_FROM_THE, 0.65, "person.en_from_the"),
    ):
        for tail, head in _tails(rule, text):
            m = tail if rule is _APPOSED else head
            if _personable(m.group("n")):
                yield Detection(m.start("n"), m.end("n"), "PERSON", conf, detector, m.group("n"))


def context_places(text: str) -> Iterator[Detection]:
    """LOCATION for names after English words of moving or staying and for names with an English type word."""
    _places, _names, words, stop = _lists()
    moved = (m for m in _NAMES.finditer(text) if _moving_before(text, m.start()))
    way = (m for m in _WAY.finditer(text) if m.start() == 0 or not text[m.start() - 1].isalnum())  # not "Moreover"
    for m in (*moved, *way):
        name = m.group("n")
        if _placeable(name) or _listed_place(name):  # "down to Bow": a place list's name, word or not
            yield Detection(m.start("n"), m.end("n"), "LOCATION", 0.6, "location.en_moving", name)
        elif (
            _plain_place(name) and (" " in name or not _after_to(text, m.start())) and not _OF_NEXT.match(text, m.end())
        ):
            yield Detection(m.start("n"), m.end("n"), "LOCATION", 0.5, "location.en_moving_word", name)
    for tail, head in _tails(_TYPED, text):
        start, end = head.start("n"), tail.end()
        first, _, rest = text[start:end].partition(" ")
        if (first in stop or first.lower() in words) and rest.split()[0] not in ("High", "Mile", "Grove", "Parade"):
            if " " not in head.group("n"):
                continue  # "the Mile": no name before the type word
            start = head.start("n") + len(first)  # "Down Marlow High Street": the ordinary first word goes
            while start < end and text[start] in " \t":
                start += 1
            first = text[start:end].split()[0]
        if first not in stop:
            yield Detection(start, end, "LOCATION", 0.6, "location.en_type_word", text[start:end])
    for tail, head in _tails(_PREP_TYPED, text, 48):
        first = head.group("n").split()[0]
        if first not in stop and first.lower() not in words:
            start, end = head.start("n"), tail.end()
            yield Detection(start, end, "LOCATION", 0.6, "location.en_prep_typed", text[start:end])
    for tail, head in _tails(_LOWER_TYPED, text):
        if all(t not in stop and t.lower() not in words for t in head.group("n").split()):
            start, end = head.start("n"), tail.end()
            yield Detection(start, end, "LOCATION", 0.6, "location.en_type_word", text[start:end])


def listed_alike(text: str, found: Sequence[Detection]) -> Iterator[Detection]:
    """The unknown name listed with an ORG of ``found`` (an ORG) or on a route with a LOCATION (a LOCATION)."""
    taken = {(d.start, d.end) for d in found}
    for d in found:
        line_start = text.rfind("\n", 0, d.start) + 1
        if d.type == "ORG" and " " not in d.text:
            hits = [_ORG_NEXT.match(text, d.end), _ORG_BEFORE.search(text, max(line_start, d.start - 30), d.start)]
        elif d.type == "LOCATION":
            hits = [_ROUTE_NEXT.match(text, d.end), _ROUTE_BEFORE.search(text, max(line_start, d.start - 40), d.start)]
        else:
            continue
        if d.type == "LOCATION":
            also = _PLACE_AND.match(text, d.end)
            if also is not None and _listed_place(also.group("n")):
                hits.append(also)
        for m in hits:
            if m is None or (m.start("n"), m.end("n")) in taken:
                continue
            if not _placeable(m.group("n")) and not (m.re is _PLACE_AND and _listed_place(m.group("n"))):
                continue
            taken.add((m.start("n"), m.end("n")))
            yield Detection(m.start("n"), m.end("n"), d.type, 0.55, f"{d.type.lower()}.en_listed", m.group("n"))


def context_ages(text: str) -> Iterator[Detection]:
    """AGE for a number said "years of age"; ADDRESS for a flat's number after a preposition."""
    for _tail, head in _tails(_OF_AGE, text):
        if head.group("n").lower().endswith(("year", "years", "yr", "yrs")):
            yield Detection(head.start("n"), head.end("n"), "AGE", 0.8, "age.en_of_age", head.group("n"))
    for tail, _head in _tails(_FLAT, text, 16):
        yield Detection(tail.start("n"), tail.end("n"), "ADDRESS", 0.6, "address.en_flat", tail.group("n"))


def context_orgs(text: str) -> Iterator[Detection]:
    """ORG for the unknown name someone works, rides or drives on, for or with."""
    for m in _WORKS_ON.finditer(text):
        name = m.group("n")
        if _placeable(name) and name not in gz.all_places():
            yield Detection(m.start("n"), m.end("n"), "ORG", 0.6, "org.en_works_on", name)
