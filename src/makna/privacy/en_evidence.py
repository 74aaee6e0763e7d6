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
  four letters or more (``Cratewave``, ``Crateloop``, ``Oceanlink``) or of one and a brand ending ``-ly``,
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
* **where someone is from, was born or grew up** is a place: ``born in Brackenholt``, ``grew up in
  Moorcaster``, ``originally from Geelong``, ``I'm from Recife`` (LOCATION 0.65), a first name only when a
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

_SOCIAL_VERBS: Final = frozenset(
    "met meet meeting rang ring ringing phoned phone texted text texting messaged message messaging blocked "
    "unblocked told tell telling asked ask thanked warned hugged married dated owed paid helped introduced visited "
    "trusted begged emailed e-mailed dmed dm'd reported".split()
)
"""Verbs done to a person ("rang Dorota", "told Ifeoma"), lower case; "up", "back", "off" or "again" may follow."""
_PARTICLES: Final = frozenset("up back off again".split())


def _phrases(*parts: str) -> frozenset[tuple[str, ...]]:
    """Every word sequence of ``parts``: each part is words parted by "|" (one of them), "" among them for none."""
    out: list[tuple[str, ...]] = [()]
    for part in parts:
        out = [(*seq, *w.split()) for seq in out for w in part.split("|")]
    return frozenset(out)


_HANDED: Final = (
    _phrases("dropped", "|it|them", "off", "for|to|with")
    | _phrases("delivered|lent|sold", "|it|them", "to")
    | _phrases("gave", "it|them", "to")
    | _phrases("handed", "|it|them", "|over", "to")
    | _phrases("left", "it|them", "with")
    | _phrases("bought|borrowed", "|it|them|one", "off|from")
    | _phrases("got", "it|them|one", "off|from")
)
"""Something passed to or from a person ("dropped off for Declan", "bought it off Costel"), lower case."""
_ORIGIN: Final = frozenset(
    {
        (*p, w)
        for p in _phrases("born", "|and raised|and bred|and grew up|and grow|and grown|and grow up|and reared")
        | _phrases("grew|grow|brought", "up")
        | _phrases("raised|reared")
        for w in ("in", "at", "on")
    }
    | _phrases("originally|i'm|come|we're|she's|he's|is|are", "from")
    | _phrases("i", "am", "from")
)
"""Where someone was born, grew up or is from ("born in", "originally from"), lower case."""
_NAME_AFTER_SPACE: Final = re.compile(rf"[ \t]{_TWO}")
"""Capitalised words after a space: the words before them are read back (a plain set leads: a fast scan)."""

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
_AND_NAME: Final = re.compile(rf"[ \t]+(?:and|&)[ \t]+(?P<n>{_WORD1})(?![\w'’\-@])")
"""The last of a list ("... and Jamal"), found first: a plain set leads (a fast scan)."""
_LIST_HEAD: Final = re.compile(rf"(?<![\w'’\-])(?P<l>{_WORD1}(?:[ \t]*,[ \t]*{_WORD1})*)(?:[ \t]*,)?$")
"""Single capitalised words listed with commas right before "and" ("Kasia, Florin")."""
_ME_AND: Final = re.compile(
    dispatch(["me", "Me", "myself", "Myself"], not_after=r"\w'’\-")
    + rf"[ \t]+(?:and|&)[ \t]+(?P<n>{_WORD1})(?![\w'’\-@])"
)
_AND_ME: Final = re.compile(r"[ \t]+(?:and|&)[ \t]+(?:I|me|myself)(?![\w'’\-])")
_CLAUSE_NAME: Final = re.compile(rf"(?:^|(?<=[.!?:;,(][ \t])|(?<=\n))(?P<n>{_WORD1})$")
"""One capitalised word starting a clause, right before "and I" ("Zubair and I")."""

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


def _head(text: str, at: int) -> list[str]:
    """The last words (lower case, quotes stripped, on ``at``'s line, up to 48 characters back) before ``at``."""
    start = max(0, at - 48, text.rfind("\n", 0, at) + 1)
    words = [w.strip('"“”‘(').lstrip("'") for w in text[start:at].lower().replace("’", "'").split()]
    if start > 0 and not text[start - 1].isspace() and words:
        words.pop(0)  # cut by the window
    return words


def _ends_with(words: list[str], phrases: frozenset[tuple[str, ...]]) -> bool:
    return any(tuple(words[-k:]) in phrases for k in range(1, min(6, len(words)) + 1))


def _after_words(text: str) -> Iterator[Detection]:
    """PERSON after a social verb or a thing passed; LOCATION after where someone is from."""
    names = _lists()[0]
    for m in _NAME_AFTER_SPACE.finditer(text):
        at = m.start()
        cut = text.rfind(" ", max(0, at - 16), at)
        prev = text[cut + 1 : at] if cut >= 0 else text[max(0, at - 16) : at]
        low = prev.lower()
        if low not in _LASTS:
            if not prev or prev[0].isalpha():
                continue  # most capitalised words: the word before them ends no phrase
            if low.replace("’", "'").strip('"“”‘(\t').lstrip("'") not in _LASTS:
                continue
        words = _head(text, m.start() + 1)
        if not words:
            continue
        last = words[-1]
        if last in _SOCIAL_VERBS or (len(words) > 1 and last in _PARTICLES and words[-2] in _SOCIAL_VERBS):
            detector = "person.en_social_verb"
        elif last in _HANDED_LAST and _ends_with(words, _HANDED):
            detector = "person.en_handed"
        elif last in _ORIGIN_LAST and _ends_with(words, _ORIGIN):
            start, end, name = _trim(m, _place_words(m.group("n")))
            if _place_words(name):
                yield Detection(start, end, "LOCATION", 0.65, "location.en_origin", name)
            continue
        else:
            continue
        start, end, name = _trim(m, _person_words(m.group("n"), over_places=False))
        if _person_words(name, over_places=name in names):
            yield Detection(start, end, "PERSON", 0.65, detector, name)


def _persons(text: str) -> Iterator[Detection]:
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
        if ok:  # a place's or a firm's kind noun before "called" outranks the bare "called" cue of a person
            confidence = 0.65 if kind == "PERSON" else 0.92
            yield Detection(m.start("n"), m.end("n"), kind, confidence, f"{kind.lower()}.en_called", name)


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


def _lists_of_names(text: str) -> Iterator[tuple[int, int, list[tuple[int, str]]]]:
    """Each list of single capitalised words ending "and X": its start, end and (offset, word) pairs."""
    done = 0
    for m in _AND_NAME.finditer(text):
        head = _LIST_HEAD.search(text, max(done, m.start() - 100), m.start())
        if head is None:
            continue
        start = head.start("l")
        toks = [(start + t.start(), t.group(0)) for t in re.finditer(_WORD1, head.group("l"))]
        toks.append((m.start("n"), m.group("n")))
        done = m.end()
        yield start, m.end(), toks


def _listed(text: str) -> Iterator[Detection]:
    names, places, words, stop = _lists()
    world = _world_raw()
    for start, end, toks in _lists_of_names(text):
        named = sum(w in names or w in world for _, w in toks)
        if not any(w in names for _, w in toks) or any(len(w) < 3 for _, w in toks):
            continue
        if any(w in stop or (w not in names and w not in world and w.lower() in words) for _, w in toks):
            continue  # "Me and Kwame": a pronoun; "Dolly, Honey and Jericho" stays for the others
        placed = sum(w in places and w not in names and w not in world for _, w in toks)
        if placed and (placed >= named or named < 2):
            continue  # "Hackney, Bow and Leyton", "Shirley and Croydon": places
        before = text[max(0, start - 16) : start].split()
        if before and before[-1].lower() in _PLACE_PREPS | {"at", "between", "of", "on"}:
            continue  # "in Shirley, Addiscombe and Woodside": places named after a preposition of place
        if is_language(text, text[max(0, start - 30) : start], end) or toks[-1][1] in gz.demonyms():
            continue  # "Some Shona and Venda left in": languages
        for pos, w in toks:
            yield Detection(pos, pos + len(w), "PERSON", 0.7, "person.en_listed", w)
    with_me = [m for m in _ME_AND.finditer(text)]
    for m in _AND_ME.finditer(text):
        head = _CLAUSE_NAME.search(text, max(0, m.start() - 40), m.start())
        if head is not None:
            with_me.append(head)
    for m in with_me:
        name = m.group("n")
        if name in names or (name not in stop and name.lower() not in words and name not in places):
            yield Detection(m.start("n"), m.end("n"), "PERSON", 0.65, "person.en_with_me", name)


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
            continue  # "Welsh Showground": part of a name; "in Moorcaster": a place; "Hi Tharshan,": a person
        if brand_shaped(word):
            yield Detection(m.start(), m.end(), "ORG", 0.6, "org.en_brand_shape", word)


_HANDED_LAST: Final = frozenset(p[-1] for p in _HANDED)
_ORIGIN_LAST: Final = frozenset(p[-1] for p in _ORIGIN)
_LASTS: Final = _SOCIAL_VERBS | _PARTICLES | _HANDED_LAST | _ORIGIN_LAST


def english_evidence(text: str, language: str) -> Iterator[Detection]:
    """PERSON, LOCATION or ORG for capitalised words typed by the English grammar around them (none in an
    Indonesian transcript: "Rang Piaman" is Minang, no ringing)."""
    if language == "id":
        return
    yield from _after_words(text)
    yield from _persons(text)
    yield from _called(text)
    yield from _listed(text)
    yield from _by_street(text)
    yield from _brands(text)
