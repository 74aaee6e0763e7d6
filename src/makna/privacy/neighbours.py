"""Names typed by the words next to them (issue 11).

* **places listed together**: a capitalised word that no list explains, listed with a place already found
  (``Yaba and Surulere``, ``Handsworth, Lozells, down to Aston``, ``Rosebank or Parkhurst``), is a LOCATION
  too; a known first name is left alone (``in Leyton and Tomasz chased him``). The list is followed to its
  end, one name at a time, so each new place can type the next.
* **places of a route or a list**: ``from Leith to Gorgie`` (both places, when either is listed as one, or
  both are unknown, or a word of moving comes before: ``runs from``), and a list of three or more
  capitalised names of which one is a listed place and none a first name or ordinary word (``Morley,
  Dianella and Malaga``).
* **a person by "he" or "she"**: a sentence's first word that no list knows, a verb after it, and "he" or
  "she" later in the sentence (``Sizwe used to ride but he moved``) is a PERSON (0.55, review).
* **a nickname** after what people call someone (``everybody say Pudding``, ``the lads call me Chips``) or
  before "for short" (``Gelay for short``) is a PERSON even when it is an ordinary word: it is capitalised
  mid-sentence after a naming verb.
* **a place by its type word before the name**: ``Lake Boudreaux``, ``Port Fourchon``, ``Mount Elgon``,
  ``Fort McMurray``, ``Cape Coast``, ``Point Pelee``, ``Bayou Pointe Noire``, ``Loch Eport``: LOCATION
  (0.7), unless the name goes on to an organisation's word or to ordinary words (``Mount Kenya University``,
  ``Bayou City Restoration``: other detectors decide).
* **a person by their place or role**: a capitalised word opening a sentence and followed by ``from the``
  and a workplace noun (``Winston from the garage got it back``, ``Lerato from the restaurant called``), by
  a person noun after a comma or a possessive (``Reno, teman satu pangkalan``, ``Marites my co-rider saw
  it``), or by "in"/"from"/"at" and a listed place (``Bayo in Ikoyi shouts``) is a PERSON when it is no
  ordinary word (no place either, before a place); a first name the lists know may also be a place
  (``Reno``). A listed first name that is also an ordinary word opening a sentence is a PERSON before a verb
  with a personal object (``Norma tipped me``, ``Grace sent us``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Final

from . import gazetteers as gz
from ._fastrx import Narrowed, gated_finditer, trigger
from ._text import line_before
from .address_terms import ADDRESS_TERMS
from .types import Detection

__all__ = ["ROLES", "listed_places", "nicknames", "prefixed_places", "role_persons", "route_places", "said_name"]

_CAP = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’\-]+"
_SEP = (
    r"(?:[ \t]*,|[ \t]+(?:and|or|&|dan|atau))(?:[ \t]+(?:and|or|then|sometimes|also|even|dan|atau|"
    r"kadang|juga))?(?:[ \t]+(?:(?:down|up|out|over|across|round|back|right)[ \t]+)?(?:to|in|at|by|ke|di))?"
)
_AFTER: Final = re.compile(rf"{_SEP}[ \t]+(?P<n>{_CAP}(?:[ \t]+{_CAP})?)(?![\w'’\-@])")
_PEOPLE_BEFORE: Final = re.compile(r"\b(?:orang|urang|wong|suku|people)[ \t]+$")
_LIST_GOES_ON: Final = re.compile(
    r"[ \t]*(?:[.;!?\n]|$|,?[ \t]+(?:and|or|dan|atau|down|up|out|over|sometimes|then|kadang)\b|"
    rf",[ \t]+{_CAP}(?:[ \t]*,|[ \t]+(?:and|or)))"
)
"""After a name listed with a comma: the list ends or goes on ("Handsworth, Lozells, down to Aston"); "Nongoma,
Sbu is 12" and "Aberystwyth, Sioned, she's" are no lists."""
_BEFORE: Final = re.compile(rf"(?<![\w'’\-@])(?P<n>{_CAP}(?:[ \t]+{_CAP})?){_SEP}[ \t]+$")
ROLES = (
    r"(?:mate|friend|pal|neighbour|neighbor|cousin|colleague|workmate|boss|manager|supervisor|landlord|landlady|"
    r"rider|driver|dispatcher|teman|kawan|kanti|sahabat|tetangga|sepupu|bos|abang|adik|kakak|rekan|"
    r"brother|sister|son|daughter|wife|husband|uncle|aunt|auntie|nephew|niece|customer|client|tenant|"
    r"anak|istri|suami|uni|uda|etek|mamak|ponakan|keponakan|cucu|pacar|mantan|tamu|pelanggan|langganan|bini)"
    r"(?:ku|nya|nyo|mu)?"
)
"""Person nouns after a name and a comma or a possessive ("Reno, teman satu pangkalan", "Rara, anak awak",
"Precious, my cousin"), with an owner's suffix ("anakku")."""
_ROLE_AFTER: Final = re.compile(
    r"[ \t]+(?:from|at|of)[ \t]+(?:the|our|my|his|her|their)[ \t]+(?:\w+[ \t]+)?"
    r"(?:shop|store|restaurant|takeaway|cafe|café|garage|kitchen|office|hub|depot|warehouse|counter|"
    r"pharmacy|chemist|salon|bakery|pub|bar|hotel|hospital|clinic|church|mosque|temple|school|station|"
    r"market|stall|place|desk|team|agency|depot|next[ \t]+door)\b"
    rf"|(?:,[ \t]+(?:(?:my|our|his|her|a|the|an)[ \t]+)?|[ \t]+(?:my|our|his|her)[ \t]+)(?:[\w]+-)?{ROLES}\b"
    r"|[ \t]+(?:in|from|at)[ \t]+(?P<p>[A-Z][\w'’\-]+)"
)
_DID_TO: Final = re.compile(
    r"[ \t]+(?:(?:always|never|once|just|then|also|sometimes|still|even)[ \t]+)?"
    r"(?:[a-z]+ed|got|gets|gave|gives|told|tells|said|sent|sends|paid|pays|rang|rings|calls|asks|took|takes|threw|"
    r"bought|brought|owes|lent|lends|showed|shows|helps|met|meets|let|lets|tips|texts|messages)"
    r"[ \t]+(?:me|us|him|her|them)\b"
)
"""A verb with a personal object after a sentence's first word: "Norma tipped me", "Ger got me the bag"."""
_NAME_NEXT: Final = re.compile(rf"[ \t]+{_CAP}")
_HE_LATER: Final = re.compile(r"[ \t]+[a-z][^.!?\n]{0,60}?\b(?:he|she|his|him)\b")
"""A verb after a sentence's first unknown word, and "he" or "she" later in the sentence: "Sizwe used to ride but
he moved"."""
_LINK = r"(?:(?:Then|And|But|So|Also|Terus|Trus|Lalu|Tapi|Dan|Kemudian|Habis[ \t]+itu|Abis[ \t]+itu),?[ \t]+)?"
"""A word that links a sentence to the one before and may come before its subject ("Then Rose from the kitchen
rang", "Terus Sari, kawan aku, bilang")."""
_SENTENCE_START: Final = re.compile(rf"(?:[.!?][ \t]+|\n[ \t]*){_LINK}(?P<n>{_CAP})(?=[ \t,])")
"""A sentence's first word (after a sentence's end or a line's start, and a linking word; the text's own start
is tried apart): led by a character class, so the scan skips ahead (a pattern led by look-behinds is tried at
every place)."""
_TEXT_START: Final = re.compile(rf"[ \t]*{_LINK}(?P<n>{_CAP})(?=[ \t,])")


@cache
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    return gz.all_places(), gz.first_names("en"), gz.ordinary_words(), gz.stop_caps() | gz.demonyms()


def _unknown(name: str) -> bool:
    """No word of ``name`` is an ordinary word, a stop word or a first name; its first has three letters or more."""
    places, names, words, stop = _lists()
    toks = name.split()
    if len(toks[0]) < 3:
        return False
    return all(t not in stop and t.lower() not in words and (t not in names or name in places) for t in toks)


def listed_places(text: str, found: Sequence[Detection]) -> Iterator[Detection]:
    """LOCATION for the unknown names listed with a LOCATION of ``found`` (and with those, in turn)."""
    seen = {(d.start, d.end) for d in found if d.type == "LOCATION"}
    todo = [
        (d.start, d.end)
        for d in found
        if d.type == "LOCATION"
        and d.confidence >= 0.5
        and not _PEOPLE_BEFORE.search(text, max(0, d.start - 8), d.start)
    ]  # "orang Lampung, Semendo, Jawa": peoples listed after "orang" are no places
    while todo:
        start, end = todo.pop()
        line_start = text.rfind("\n", 0, start) + 1
        hits = [_AFTER.match(text, end), _BEFORE.search(text, max(line_start, start - 60), start)]
        for m in hits:
            if m is None or not _unknown(m.group("n")) or (m.start("n"), m.end("n")) in seen:
                continue
            if "," in m.group(0) and (" " in m.group("n") or not _LIST_GOES_ON.match(text, m.end("n"))):
                continue  # "from Cebu, Jericho Abellana": a comma lists one-word places that the list goes on from
            seen.add((m.start("n"), m.end("n")))
            todo.append((m.start("n"), m.end("n")))
            yield Detection(m.start("n"), m.end("n"), "LOCATION", 0.55, "location.listed", m.group("n"))


def _ordinary(word: str, words: frozenset[str]) -> bool:
    """``word`` or its stem without -ing, -ed or -s is an ordinary word ("Staying", "Worked")."""
    low = word.lower()
    if low in words:
        return True
    for suffix in ("ing", "ed", "es", "s"):
        stem = low.removesuffix(suffix)
        if stem != low and (stem in words or stem + "e" in words or stem[:-1] in words and stem[-1:] == stem[-2:-1]):
            return True
    return False


def role_persons(text: str) -> Iterator[Detection]:
    """PERSON for a sentence's first word followed by "from the shop" or ", my mate" when it is no ordinary word."""
    _places, names, words, stop = _lists()
    first = _TEXT_START.match(text)
    for m in itertools.chain([first] if first else [], _SENTENCE_START.finditer(text)):
        word = m.group("n")
        if word in stop or word in ADDRESS_TERMS or not word.replace("-", "").isalpha():
            continue  # "He's in Corby": a contraction; "Nanay calls me": a kin word
        if (word in names or not _ordinary(word, words)) and _DID_TO.match(text, m.end("n")):
            yield Detection(m.start("n"), m.end("n"), "PERSON", 0.65, "person.did", word)
            continue  # "Norma tipped me": a first name that is also a word, doing something to someone
        if _ordinary(word, words) and word not in names:
            continue  # "Staying in Taman ...": an ordinary word
        role = _ROLE_AFTER.match(text, m.end("n"))
        if role is None:
            if word not in _places and word not in names and word != "My" and _HE_LATER.match(text, m.end("n")):
                yield Detection(m.start("n"), m.end("n"), "PERSON", 0.55, "person.he", word)
            continue
        if role.group("p") is not None and (word in _places or word not in names and role.group("p") not in _places):
            continue  # "Bayo in Ikoyi shouts": a name before a known place; "Lagos in ...": a place
        if role.group("p") is None and _NAME_NEXT.match(text, role.end()):
            continue  # "Iye, istriku Sitti Aisyah": the name is the one after the person noun
        yield Detection(
            m.start("n"), m.end("n"), "PERSON", 0.7 if role.group("p") is None else 0.6, "person.role", word
        )


_PREFIXED: Final = re.compile(
    r"(?<![\w'’\-])(?:Lake|Mount|Mt\.?|Port|Fort|Cape|Point|Bayou|Loch|Lough|Glen|Isle[ \t]+of)"
    r"(?P<n>(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w'’\-]+){1,3})(?![\w'’\-])"
)

_NAME_LIKE_PREFIXES: Final = frozenset({"Port", "Fort", "Mount", "Mt", "Mt.", "Cape", "Lake"})
_PREFIXED_GATE: Final = trigger(
    ["Lake", "Mount", "Mt", "Port", "Fort", "Cape", "Point", "Bayou", "Loch", "Lough", "Glen", "Isle"]
)


def prefixed_places(text: str) -> Iterator[Detection]:
    """LOCATION for a place type word and the capitalised name after it (module docstring)."""
    from .places import ORG_SUFFIX_WORDS  # noqa: PLC0415  (places imports nothing of this module)

    _places, names, words, stop = _lists()
    for m in gated_finditer(_PREFIXED, _PREFIXED_GATE, text):
        toks = m.group("n").split()
        if toks[0] in stop or any(t in ORG_SUFFIX_WORDS for t in toks):
            continue
        if toks[0] in names and m.group(0).split()[0] in _NAME_LIKE_PREFIXES:
            continue  # "Port Daniel", "Mount Isa": a first name after a prefix, persons.py's place named like one
        if len(toks) > 1 and any(t.lower() in words for t in toks[1:]):
            continue  # "Bayou City Restoration": a firm's name of ordinary words
        while toks[-1] in stop:
            toks.pop()
        end = m.start("n") + m.group("n").index(toks[-1]) + len(toks[-1])
        yield Detection(m.start(), end, "LOCATION", 0.7, "location.prefixed", text[m.start() : end])


_NICKNAME: Final = re.compile(
    r"\b(?i:everyone|everybody|people|they|friends|family|folks|the[ \t]+(?:lads|girls|boys|guys|riders|drivers)|"
    r"(?:the[ \t]+|my[ \t]+|our[ \t]+)?(?:customers|clients|passengers|guests|regulars|residents|colleagues)|"
    r"my[ \t]+(?:mates|friends|family))[ \t]+(?:here[ \t]+|back[ \t]+home[ \t]+)?(?:just[ \t]+)?"
    r"(?:says?|call(?:s|ed)?(?:[ \t]+(?:me|him|her))?|knows?[ \t]+(?:me|him|her)[ \t]+as)[ \t]+"
    rf"(?P<n>{_CAP})(?![\w'’\-])"
    rf"|(?<![\w'’\-])(?P<s>{_CAP})[ \t]+for[ \t]+short\b"
    r"|\b(?:(?i:call(?:s|ed)?)[ \t]+(?:me|him|her)|(?i:know(?:s|n)?)[ \t]+(?:me|him|her)[ \t]+as|"
    r"(?i:dipanggil|panggil(?:an)?(?:nya|ku)?|manggil)(?:[ \t]+(?:aku|saya|ambo|dia|gue))?)[ \t]+"
    r"(?P<a>[A-Z]{2,3})(?![\w'’\-])"
)
"""... and two or three capitals after "call me" or "dipanggil" ("people call me JP"): initials as a nickname."""

_NICKNAME_GATE: Final = trigger(
    ["say", "Say", "call", "Call", "CALL", "know", "Know", "KNOW", "for short", "anggil", "ANGGIL"]
)


_WE_CALL: Final = re.compile(
    rf"(?<![\w'’\-])(?P<n>{_CAP})[ \t]+(?:we|they|people|everyone|everybody|the[ \t]+\w+)[ \t]+"
    r"(?:all[ \t]+|just[ \t]+)?call(?:ed)?[ \t]+(?:him|her|me|them)\b"
)
"""A nickname before who calls someone by it ("Abdi we call him", "Chips the lads call me")."""
_PLACE_PREP: Final = re.compile(r"(?<![\w'’\-])(?i:in|at|from|near|di|dari|ka|ke)[ \t]+$")
"""A place's preposition right before the word that ``_WE_CALL`` reads as the nickname."""
_WE_CALL_GATE: Final = trigger([" call him", " call her", " call me", " called him", " called her", " called me"])
_OR_ALSO: Final = re.compile(
    r"(?:[ \t]+for[ \t]+short)?,?[ \t]+(?:or|atau)[ \t]+"
    r"(?:(?:just|simply|sometimes|at[ \t]+home|back[ \t]+home|cuma|kadang)[ \t]+)?"
    rf"(?P<n>{_CAP})(?![\w'’\-])"
)
"""A second nickname after the first ("Gelay for short, or Gel", "everyone says Tess, or at home Ning")."""


_SAID_END: Final = re.compile(r"[ \t]*(?:[,.]|$)", re.MULTILINE)
_CALLED_SOMEONE: Final = re.compile(r"(?i:\bcall(?:s|ed)?[ \t]+(?:me|him|her|us|them|my[ \t]+\w+)[ \t]+)")
"""People call someone a word ("Some people call me Oslo because ..."): a name given, whatever follows, where
"Some people say Oslo is ..." talks about a place."""
_SELF_INTRO: Final = re.compile(
    r"\bI['’]m[ \t]+[A-Z]|\bI[ \t]+am[ \t]+[A-Z]|(?i:\bmy[ \t]+name\b|\bnama[ \t]*(?:saya|aku|ku|gue)\b|"
    r"\bnamo[ \t]+ambo\b|\bnamoku\b|\bperkenalkan\b|\bkenalkan\b)"
)


def said_name(text: str, cue: int, end: int) -> bool:
    """Whether a word after what people say or call someone ("Most people say X") is given as a name: a comma,
    a full stop or the end of the turn follows it at ``end``, people call someone it ("call me X because"), or the
    speaker introduced themself earlier in the turn before ``cue``. Otherwise the word is what people say something
    about ("Some people say X is dear")."""
    return (
        _SAID_END.match(text, end) is not None
        or _CALLED_SOMEONE.search(text, cue, end) is not None
        or _SELF_INTRO.search(line_before(text, cue, 300)) is not None
    )


def nicknames(text: str) -> Iterator[Detection]:
    """PERSON for a name after "everybody says" or "they call me", or before "for short" or "we call him", and a
    second one after "or" (module docstring)."""
    _places, _names, _words, stop = _lists()
    found = [
        (m, next(g for g in ("n", "s", "a") if m.group(g) is not None))
        for m in gated_finditer(_NICKNAME, _NICKNAME_GATE, text)
    ]
    found.extend((m, "n") for m in gated_finditer(_WE_CALL, _WE_CALL_GATE, text))
    for m, group in found:
        word = m.group(group)
        if word in stop or word in ADDRESS_TERMS or word in {"Me", "Him", "Her", "It", "The", "That", "This"}:
            continue  # "they call her Mammy Kadi": a kin or address word before the name
        if m.re is _WE_CALL and _ordinary(word, _words) and word not in _names:
            continue  # "Here people call me JP": an ordinary word before who calls
        if m.re is _WE_CALL and _PLACE_PREP.search(text, max(0, m.start() - 12), m.start()):
            continue  # "Back home in Velkur they call me Chinni": where they call one so, not the name
        if group == "n" and m.re is _NICKNAME and word in _places and not said_name(text, m.start(), m.end(group)):
            continue  # "Everyone says Oslo is cold": a place people talk about, not a name they give
        yield Detection(m.start(group), m.end(group), "PERSON", 0.75, "person.nickname", word)
        also = _OR_ALSO.match(text, m.end(group))
        if also is not None and also.group("n") not in stop and also.group("n") not in ADDRESS_TERMS:
            yield Detection(also.start("n"), also.end("n"), "PERSON", 0.7, "person.nickname", also.group("n"))


_ITEM = rf"{_CAP}(?:[ \t]+{_CAP})?"
_ROUTE: Final = re.compile(
    rf"\b(?i:from)[ \t]+(?P<a>{_ITEM})[ \t]+(?i:to|till|until|ke|sampai)[ \t]+(?P<b>{_ITEM})(?![\w'’\-])"
)
_MOVING: Final = re.compile(
    r"\b(?i:runs?|rides?|rode|drives?|drove|go|goes|went|travel(?:led|ed|s)?|commute[sd]?|trips?|deliver\w*|"
    r"cycled?|walk(?:ed)?|orders?|moved?|jalan|antar|narik)\b[^.!?\n]{0,20}$"
)
"""A word of moving before a route ("runs from Leith to Gorgie"): its ends are places, names or not."""
_LIST3: Final = re.compile(
    rf"(?<![\w'’\-@])(?P<l>{_ITEM}(?:[ \t]*,[ \t]*{_ITEM})+,?[ \t]+(?:and|or|dan|atau)[ \t]+{_ITEM})(?![\w'’\-@])"
)

_ROUTE_GATE: Final = trigger(["from", "From", "FROM"])
_LIST3_GATE: Final = Narrowed(
    [" and ", " or ", " dan ", " atau ", "\tand", "\tor", "\tdan", "\tatau"],
    re.compile(r",[ \t]*[A-ZÀ-ÖØ-Þ][^\n]*?[ \t](?:and|or|dan|atau)[ \t]+[A-ZÀ-ÖØ-Þ]"),
)


def route_places(text: str) -> Iterator[Detection]:
    """LOCATION for the ends of a route and the names of a place list (module docstring)."""
    places, names, words, stop = _lists()

    def kind(item: str) -> str:
        toks = item.split()
        if item in places:
            return "place"
        if any(t in stop for t in toks) or len(toks) == 1 and item.lower() in words:
            return "word"
        return "name" if toks[0] in names else "unknown"

    for m in gated_finditer(_ROUTE, _ROUTE_GATE, text):
        ends = [kind(m.group(g)) for g in ("a", "b")]
        moving = _MOVING.search(text, max(0, m.start() - 30), m.start()) is not None
        if "word" in ends or not moving and "place" not in ends and ends != ["unknown", "unknown"]:
            continue  # "from Monday to Friday", "a text from Dave to Sarah"
        conf = 0.92 if moving else 0.6  # "runs from Leith to Gorgie": a route outweighs a first-name list
        for g in ("a", "b"):
            yield Detection(m.start(g), m.end(g), "LOCATION", conf, "location.route", m.group(g))
    for m in gated_finditer(_LIST3, _LIST3_GATE, text):
        items = [(i.start(), i.group(0)) for i in re.finditer(_ITEM, m.group("l"))]
        items = [(at, item) for at, item in items if item not in {"And", "Or"}]
        kinds = [kind(item) for _, item in items]
        if "place" not in kinds or "name" in kinds or "word" in kinds:
            continue
        for at, item in items:
            start = m.start("l") + at
            yield Detection(start, start + len(item), "LOCATION", 0.6, "location.list", item)
