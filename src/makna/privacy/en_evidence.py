"""What English grammar says about a capitalised word (issue 11): evidence that holds whoever wrote the text.

The phrases of :mod:`en_context` fit one kind of interview; these read the grammar around a capitalised word
mid-sentence, so that a name no list knows, or one that a list files under another type, is typed by what the
sentence does with it:

* **the object of a social verb** is a person: ``I rang Dorota``, ``she texted Ifeoma``, ``we blocked
  Reuben``, ``I dropped off for Declan``, ``bought it off Costel``, ``left it with Pavel`` (PERSON 0.65);
* **a name set off after a kin or work-relation noun** is a person: ``my brother-in-law, Edson, told me``,
  ``my supervisor, Gintare, is alright``, ``her fella, Tomasz,`` (PERSON 0.7), even when a place list also
  has the word;
* **a thing "called" or "named" X** takes the thing's type: ``a guy called Connor`` (PERSON), ``a village
  called Mathiura`` (LOCATION), ``a firm called Parcelo`` (ORG) (0.65);
* **a made-up brand's shape**: an unknown capitalised word mid-sentence built of two common English words of
  four letters or more (``Swiftline``, ``Parcelwise``, ``Oceanlink``) or of one and a brand ending ``-ly``,
  ``-io``, ``-ix``, ``-ify`` (``Fetchly``, ``Nomio``) is a firm or app (ORG 0.6), unless a place
  preposition comes right before it or a name list, place list or the surnames know it; on the open corpus
  such words are ORG two times in three (and PERSON one in five).
* **a place by its street**: ``outside Bella Napoli on Fortess Road``, ``opposite Lucky Dragon on London
  Road``, ``at Irie Tings on Atlantic Road``: capitalised words after a preposition of place and before
  "on/in/off" and a street (a type word ends it) name a shop, café or restaurant there (LOCATION 0.85, above a
  first-name list's guess: a person is not "outside" someone "on" a road);
* **names listed together** are people when one of them is a first name: ``with Kasia, Florin and Jamal``
  (PERSON 0.7 each, a word of the world list too even when it is also an English word: "Florin"), and so is
  the one listed with "me" or "I": ``me and Wojtek``, ``Bartek and I`` at a clause's start (0.65); a list
  after a preposition of place, or with a place-list word and fewer than two first names, is left;
* **where someone is from, was born or grew up** is a place: ``born in Chapelton``, ``grew up in
  Frogtown``, ``originally from Geelong``, ``I'm from Recife`` (LOCATION 0.65), a first name only when a
  place list also has it (``born in Jordan``).

A word is taken only when it is capitalised mid-sentence (the cue word comes first), is no stop word, app,
nationality or weekday, and is no ordinary English word unless a first-name list knows it (``told Grace``).
First names are those of the detection lists and of the world list the surrogates use
(:func:`gazetteers.world_first_names`: Polish, Romanian, Lithuanian, Brazilian... names).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Final

from . import gazetteers as gz
from ._fastrx import dispatch
from .catchall import is_language
from .types import Detection

__all__ = ["brand_shaped", "english_evidence"]

_CAP = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’\-]*[a-zà-öø-ÿ]"
_TWO = rf"(?P<n>{_CAP}(?:[ \t]+{_CAP})?)(?![\w'’\-@])"

_SOCIAL_VERBS: Final = (
    "met meet meeting rang ring ringing phoned phone texted text texting messaged message messaging blocked "
    "unblocked told tell telling asked ask thanked warned hugged married dated owed paid helped introduced visited "
    "trusted begged emailed e-mailed DMed dm'd reported"
).split()
_SOCIAL: Final = re.compile(
    dispatch(_SOCIAL_VERBS, fold=True, not_after=r"\w'’\-") + rf"[ \t]+(?:(?:up|back|off|again)[ \t]+)?{_TWO}"
)
"""A verb done to a person and the capitalised words right after it ("rang Dorota", "told Ifeoma")."""
_HANDED: Final = re.compile(
    dispatch(
        [
            "dropped[ \\t]+(?:it[ \\t]+|them[ \\t]+)?off[ \\t]+(?:for|to|with)",
            "delivered[ \\t]+(?:it[ \\t]+|them[ \\t]+)?to",
            "gave[ \\t]+(?:it|them)[ \\t]+to",
            "handed[ \\t]+(?:it[ \\t]+|them[ \\t]+)?(?:over[ \\t]+)?to",
            "left[ \\t]+(?:it|them)[ \\t]+with",
            "bought[ \\t]+(?:it[ \\t]+|them[ \\t]+|one[ \\t]+)?(?:off|from)",
            "borrowed[ \\t]+(?:it[ \\t]+|them[ \\t]+|one[ \\t]+)?(?:off|from)",
            "got[ \\t]+(?:it[ \\t]+|them[ \\t]+|one[ \\t]+)(?:off|from)",
            "lent[ \\t]+(?:it[ \\t]+|them[ \\t]+)?to",
            "sold[ \\t]+(?:it[ \\t]+|them[ \\t]+)?to",
        ],
        fold=True,
        not_after=r"\w",
    )
    + rf"[ \t]+{_TWO}"
)
"""Something passed to or from a person ("dropped off for Declan", "bought it off Costel")."""

_KIN: Final = (
    "brother sister cousin uncle aunt auntie aunty nan nana gran granny grandad grandma grandpa mum mom dad son "
    "daughter niece nephew wife husband missus partner fiancé fiancée fiance fiancee boyfriend girlfriend fella "
    "mate pal friend bestie flatmate housemate roommate neighbour neighbor colleague boss supervisor manager "
    "landlord landlady lodger tenant stepdad stepmum stepmom stepson stepdaughter in-laws"
).split()
_APPOSED: Final = re.compile(
    dispatch(["my", "My", "his", "His", "her", "Her", "our", "Our", "their", "Their", "your", "Your"], not_after=r"\w")
    + r"[ \t]+(?:(?:old|best|new|little|big|older|younger|eldest|youngest|oldest|late|ex|ex-)[ \t]+)?"
    + rf"(?:team[ \t]+lead|line[ \t]+manager|{'|'.join(_KIN)})(?:-in-law)?[ \t]*,[ \t]*"
    + rf"(?P<n>{_CAP}(?:[ \t]+{_CAP})?)(?=[ \t]*[,.;:!?)—–]|[ \t]+-[ \t])"
)
"""A name set off by commas after "my" and a kin or work-relation noun ("my supervisor, Gintare, is")."""

_STREET_TYPES = (
    "Road|Street|Lane|Avenue|Way|Parade|Broadway|Row|Place|Drive|Close|Crescent|Terrace|Grove|Walk|Hill|"
    "Square|Green|Market|Mews|Rise|Gardens"
)
_BY_STREET: Final = re.compile(
    dispatch(
        [*"outside Outside opposite Opposite at At near Near behind Behind".split(), "next[ \\t]+to", "Next[ \\t]+to"],
        not_after=r"\w",
    )
    + rf"[ \t]+(?P<n>{_CAP}(?:[ \t]+{_CAP}){{0,2}})[ \t]+(?:on|in|off|along)[ \t]+(?:the[ \t]+)?"
    + rf"(?:{_CAP}[ \t]+){{1,3}}(?:{_STREET_TYPES})(?![\w'’\-])"
)
"""A named shop or restaurant and the street it is on ("outside Bella Napoli on Fortess Road")."""

_WORD1 = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:-[A-ZÀ-ÖØ-Þ]?[a-zà-öø-ÿ]+)?"
_LISTED: Final = re.compile(
    rf"(?<![\w'’\-])(?P<l>{_WORD1}(?:[ \t]*,[ \t]*{_WORD1})*(?:[ \t]*,)?[ \t]+(?:and|&)[ \t]+{_WORD1})(?![\w'’\-@])"
)
"""Single capitalised words listed with commas and "and" ("Kasia, Florin and Jamal")."""
_WITH_ME: Final = (
    re.compile(rf"(?<![\w'’\-])(?:[Mm]e|[Mm]yself)[ \t]+(?:and|&)[ \t]+(?P<n>{_WORD1})(?![\w'’\-@])"),
    re.compile(rf"(?:^|(?<=[.!?:;,(][ \t])|(?<=\n))(?P<n>{_WORD1})[ \t]+(?:and|&)[ \t]+(?:I|me|myself)(?![\w'’\-])"),
)

_CALLED: Final = re.compile(dispatch(["called", "named", "name of"], not_after=r"\w") + rf"[ \t]+{_TWO}")
_CALLED_HEAD: Final = re.compile(r"(?<![\w\-])(?P<w>[a-z]+)[ \t]+$")
_CALLED_KIND: Final = {
    **dict.fromkeys(
        "guy bloke lad man woman girl boy lady fella chap kid someone somebody customer passenger rider driver "
        "courier cousin friend mate student worker geezer dude person gentleman child baby son daughter".split(),
        "PERSON",
    ),
    **dict.fromkeys(
        "village town place area estate suburb street road district neighbourhood neighborhood city island hamlet "
        "settlement township barangay parish county valley beach lane close avenue park".split(),
        "LOCATION",
    ),
    **dict.fromkeys(
        "firm company restaurant shop takeaway agency business outfit app platform cafe café bar pub chain brand "
        "startup start-up employer contractor bakery warehouse garage".split(),
        "ORG",
    ),
}

_ORIGIN: Final = re.compile(
    dispatch(
        [
            "born(?:[ \\t]+and[ \\t]+(?:raised|bred|grew[ \\t]+up|grown?(?:[ \\t]+up)?|reared))?[ \\t]+(?:in|at|on)",
            "grew[ \\t]+up[ \\t]+(?:in|at|on)",
            "grow[ \\t]+up[ \\t]+(?:in|at|on)",
            "brought[ \\t]+up[ \\t]+(?:in|at|on)",
            "raised[ \\t]+(?:in|at|on)",
            "reared[ \\t]+(?:in|at|on)",
            "originally[ \\t]+from",
            "I'm[ \\t]+from",
            "I’m[ \\t]+from",
            "I[ \\t]+am[ \\t]+from",
            "I[ \\t]+come[ \\t]+from",
            "we're[ \\t]+from",
            "she's[ \\t]+from",
            "he's[ \\t]+from",
            "is[ \\t]+from",
            "are[ \\t]+from",
        ],
        fold=True,
        not_after=r"\w",
    )
    + rf"[ \t]+{_TWO}"
)
"""Where someone was born, grew up or is from ("born in Chapelton", "originally from Geelong")."""


_WORD: Final = re.compile(r"(?<=[a-z,;)][ \t])(?P<n>[A-Z][a-z]{4,})(?![\w'’@\-]|[ \t]+[A-Z])")
"""A capitalised word alone after a lower-case word or a comma on its line: mid-sentence, no part of a longer
name ("Kirkstall Road")."""
_VOCATIVE: Final = frozenset("hi hello hey thanks cheers dear bye morning evening ta".split())
_PLACE_PREPS: Final = frozenset("in into near around outside to through towards across via past from".split())
_PLACE_ENDS: Final = tuple(
    "ton ley leigh ham field wood vale bury borough ford worth well mouth bridge dale stead hurst side gate port "
    "mead wick thorpe town ville land moor combe chester caster minster mere brook holm ness stow ridge bourne "
    "burn marsh hill lock".split()
)
"""Endings of English place names and surnames (``-ton``, ``-ley``, ``-field``): such a word is no brand."""
_BRAND_ENDS: Final = ("ly", "io", "ix", "ify")


def brand_shaped(word: str) -> bool:
    """``word`` (title case, no list knows it) is two common English words of four letters or more, or one and
    a brand ending, and ends like no English place name."""
    common = gz.english_words()
    low = word.lower()
    if low.endswith(_PLACE_ENDS):
        return False
    for i in range(4, len(low) - 3):
        if low[:i] in common and low[i:] in common:
            return True
    for end in _BRAND_ENDS:
        stem = low.removesuffix(end)
        if stem != low and len(stem) >= 4 and (stem in common or stem + "e" in common):
            return True
    return False


@cache
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    names = gz.first_names("en") | gz.world_first_names() | gz.ambiguous_names()  # "told Grace", "ask Precious"
    stop = gz.stop_caps() | gz.demonyms() | gz.brands() | gz.countries()
    return names, gz.all_places(), gz.ordinary_words(), stop


def _person_words(name: str, *, over_places: bool) -> bool:
    """Every word of ``name`` may be part of a person's name: a first name, or a word no list explains (a place
    list's word too when ``over_places``)."""
    names, places, words, stop = _lists()
    for tok in name.split():
        if tok in stop or len(tok) < 2:
            return False
        if tok in names or tok in gz.surnames():
            continue
        if tok.lower() in words or (not over_places and tok in places):
            return False
    return True


def _place_words(name: str) -> bool:
    """``name`` may be a place: a place list has it, or no word of it is a stop word or an ordinary word, and it
    is no first name of a list."""
    names, places, words, stop = _lists()
    if name in places:
        return True
    toks = name.split()
    if any(t in stop or t.lower() in words for t in toks):
        return False
    return not (len(toks) == 1 and toks[0] in names)


def _trim(m: re.Match[str], keep: bool) -> tuple[int, int, str]:
    """The span of group ``n``, its second word dropped when it fails (``rang Dorota Monday``)."""
    start, end, name = m.start("n"), m.end("n"), m.group("n")
    if " " in name.strip() and not keep:
        first = name.split()[0]
        return start, start + len(first), first
    return start, end, name


def _persons(text: str) -> Iterator[Detection]:
    for rx, detector in ((_SOCIAL, "person.en_social_verb"), (_HANDED, "person.en_handed")):
        for m in rx.finditer(text):
            start, end, name = _trim(m, _person_words(m.group("n"), over_places=False))
            if _person_words(name, over_places=name in _lists()[0]):
                yield Detection(start, end, "PERSON", 0.65, detector, name)
    for m in _APPOSED.finditer(text):
        name = m.group("n")
        if _person_words(name, over_places=True):
            yield Detection(m.start("n"), m.end("n"), "PERSON", 0.7, "person.en_kin_apposed", name)


def _called(text: str) -> Iterator[Detection]:
    for m in _CALLED.finditer(text):
        head = _CALLED_HEAD.search(text, max(0, m.start() - 20), m.start())
        kind = _CALLED_KIND.get(head.group("w")) if head else None
        if kind is None:
            continue
        name = m.group("n")
        ok = _person_words(name, over_places=True) if kind == "PERSON" else _place_words(name)
        if kind == "ORG":
            _names, _places, words, stop = _lists()
            ok = all(t not in stop for t in name.split()) and name.split()[0].lower() not in words
        if ok:
            yield Detection(m.start("n"), m.end("n"), kind, 0.65, f"{kind.lower()}.en_called", name)


def _by_street(text: str) -> Iterator[Detection]:
    _names, _places, _words, stop = _lists()
    for m in _BY_STREET.finditer(text):
        name = m.group("n")
        if name.split()[0] in stop or name in _places:
            continue  # "at Tesco on", "near Brixton on": an app or chain, a district (found by the place lists)
        yield Detection(m.start("n"), m.end("n"), "LOCATION", 0.85, "location.en_by_street", name)


@cache
def _world_raw() -> frozenset[str]:
    """The world list with its English words kept ("Florin"): names only where a list of names says so."""
    return gz.world_first_names() | gz.world_first_names(keep_words=True)


def _listed(text: str) -> Iterator[Detection]:
    names, places, words, stop = _lists()
    world = _world_raw()
    for m in _LISTED.finditer(text):
        toks = [(t.start(), t.group(0)) for t in re.finditer(_WORD1, m.group("l"))]
        named = sum(w in names or w in world for _, w in toks)
        if len(toks) < 2 or not any(w in names for _, w in toks) or any(len(w) < 3 for _, w in toks):
            continue
        if any(w in stop or (w not in names and w not in world and w.lower() in words) for _, w in toks):
            continue  # "Me and Kwame": a pronoun; "Dolly, Honey and Jericho" stays for the others
        placed = sum(w in places and w not in names and w not in world for _, w in toks)
        if placed and (placed >= named or named < 2):
            continue  # "Hackney, Bow and Leyton", "Shirley and Croydon": places
        before = text[max(0, m.start() - 16) : m.start()].split()
        if before and before[-1].lower() in _PLACE_PREPS | {"at", "between", "of", "on"}:
            continue  # "in Shirley, Addiscombe and Woodside": places named after a preposition of place
        last = toks[-1][1]
        if is_language(text, text[max(0, m.start() - 30) : m.start()], m.end()) or last in gz.demonyms():
            continue  # "Some Shona and Venda left in": languages
        at = m.start("l")
        for pos, w in toks:
            yield Detection(at + pos, at + pos + len(w), "PERSON", 0.7, "person.en_listed", w)
    for rx in _WITH_ME:
        for m in rx.finditer(text):
            name = m.group("n")
            if name in names or (name not in stop and name.lower() not in words and name not in places):
                yield Detection(m.start("n"), m.end("n"), "PERSON", 0.65, "person.en_with_me", name)


def _origins(text: str) -> Iterator[Detection]:
    for m in _ORIGIN.finditer(text):
        start, end, name = _trim(m, _place_words(m.group("n")))
        if _place_words(name):
            yield Detection(start, end, "LOCATION", 0.65, "location.en_origin", name)


def _brands(text: str) -> Iterator[Detection]:
    names, places, words, stop = _lists()
    surnames = gz.surnames()
    for m in _WORD.finditer(text):
        word = m.group("n")
        if word in names or word in places or word in surnames or word in stop or word.lower() in words:
            continue
        before = text[max(0, m.start() - 12) : m.start()].split()
        last = before[-1].lower().strip(",") if before else ""
        if before and (before[-1][:1].isupper() or last in _PLACE_PREPS or last in _VOCATIVE):
            continue  # "Welsh Showground": part of a name; "in Frogtown": a place; "Hi Tharshan,": a person
        if brand_shaped(word):
            yield Detection(m.start(), m.end(), "ORG", 0.6, "org.en_brand_shape", word)


def english_evidence(text: str, language: str) -> Iterator[Detection]:
    """PERSON, LOCATION or ORG for capitalised words typed by the English grammar around them (none in an
    Indonesian transcript: "Rang Piaman" is Minang, no ringing)."""
    if language == "id":
        return
    yield from _persons(text)
    yield from _called(text)
    yield from _listed(text)
    yield from _origins(text)
    yield from _by_street(text)
    yield from _brands(text)
