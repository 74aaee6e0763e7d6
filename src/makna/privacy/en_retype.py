"""Types of English names corrected by what the sentence says about them (issue 11, branch en19).

Five general shapes of English that the stages before type wrongly on text no one tuned on (every example
here is invented):

* **a place after a preposition of place**: ``the rota put me in Torvale Brook``, ``the family in Linmore
  Heath``: a name typed PERSON straight after ``in``, ``into``, ``near``, ``around``, ``round``, ``outside`` or
  ``towards`` (with or without ``the``) names a place, LOCATION. Over makna's whole open English corpus (round
  nineteen) no gold PERSON follows one of these words, and 747 gold LOCATIONs follow ``in``. Left alone: a
  possessive (``in Tariq's car``), a name with an honorific or an office title (``near Mrs Okonjo``), and a
  person a verb takes with ``in`` (``believed in Sam``, ``confided in Rosa``, ``brought in Kemal``). A name
  typed ORG after ``near``, ``around``, ``round`` or ``towards`` is a LOCATION too (``mostly round Barbrook
  and Jessop Hill``): of the 83 gold spans after these four words 82 are LOCATIONs, 1 an ADDRESS, none an ORG
  (``in`` and ``outside`` are left to ORGs: ``in Harlow Fresh Foods``). The same string typed PERSON elsewhere
  in the document follows, unless a person's cue is before it (``my cousin``, ``called``) or a possessive or a
  verb of speech after it.
* **a full name restating a first name**: ``I'm Ailsa, Ailsa Drummondie``, ``Chidera from the group, Chidera
  Okolie-Bassey,``: a span of two or three capitalised words typed ORG whose first word is a one-word PERSON
  of the same document, whose other words can be family names (a surname list's, or no ordinary English word:
  ``Bisi Cool Spot``, ``Marlon Auto Repairs`` keep ORG) and none an organisation's or place's type word, is
  that person, PERSON. Over the open English corpus, 441 gold spans whose first word is a one-word gold PERSON
  are PERSON and 2 ORG (both end in ordinary words).
* **a first name of a person named in full**: ``I spoke to Tafadzwa at the branch ... Tafadzwa Mhlanga``: a
  one-word LOCATION or ORG that is the first word of a PERSON of two words or more in the same document (not a
  title: ``Mr``, ``Auntie``) is that person's first name, PERSON, unless it is a piece of a longer name (another
  detection a space before or after it), ``of`` is just before it (``Our Lady of Ximena`` while a Ximena
  speaks) or a LOCATION stands after a preposition of place (``I live in Kelso``). Over the open English
  corpus, 633 one-word gold spans that head a gold full name are PERSON, 1 LOCATION (after ``in``) and no ORG.
* **a body by its last word**: ``write to the Harbour Labour Department``, ``rents the pitch from Tollgate
  Traders Co-operative``: a name of two words or more typed LOCATION or PERSON whose last word says it is an
  organisation (``Department``, ``Ministry``, ``Union``, ``Agency``, ``Council``, ``Ltd``, ``Co-operative``,
  ``Partners``... :data:`BODY_WORDS`) is an ORG. Over the whole open corpus (both languages), 140 gold spans end
  in one of these words, every one an ORG.
* **a word said to be a name**: ``maybe just use Wren, which is what my colleagues say``, ``or Tuesday, which
  is what my gran called me``, ``Blessing is my middle name``: one or two capitalised words before
  ``which/that is what ... call(s) me`` (``say`` or ``use`` only after a word of naming on the line) or before
  ``is my/her/his ... name`` are a PERSON, even an ordinary word or a weekday; a span another type gave exactly
  those words is retyped, one that overlaps them otherwise is left. Over the open English corpus the two
  shapes stand before 6 gold spans, all PERSON.
* **a place answered to "where"**: ``Q: And where do you stay?`` / ``A: Kilbarran, up the top, flat 2/1``: the
  one to three capitalised words that open the answer to a question of where someone lives, stays or is from
  (a question that asks no name), closed by a comma or a full stop, are a LOCATION: a PERSON or ORG inside
  them is retyped, and where nothing was found the words are added, unless each is an ordinary word or a
  number (``Twenty-nine, thirty in January``); a leading ``From``/``In``/``At`` is left out. Over the open
  English corpus 9 gold spans stand there: 8 LOCATIONs and an AGE (``Twenty-nine``) the rule leaves.

Every string here is a word of English grammar, never a name of any corpus.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Final

from . import gazetteers as gz
from ._fastrx import Folded, gated_finditer
from ._text import HONORIFICS, OFFICE_TITLES, line_before
from .agecues import AGE_NUMBER
from .coarse import coarse_place
from .typecontext import clause_cue
from .types import Detection

__all__ = [
    "BODY_WORDS",
    "bodies_are_orgs",
    "first_names_of_persons",
    "names_said_as_names",
    "places_after_prepositions",
    "places_answered_to_where",
    "restated_full_names",
]

_PLACE_PREP: Final = re.compile(
    r"(?<![\w\-'’])(?P<prep>in|into|near|around|round|outside|towards)[ \t]+(?:the[ \t]+)?$", re.IGNORECASE
)
_PEOPLE_PREP: Final = re.compile(r"(?<![\w\-'’])(?:into|near|around|round|towards)[ \t]+$", re.IGNORECASE)
"""The prepositions of place that take a person as freely ("turned towards Kieran", "sat near Tariq"): after
them a known first name that is no place stays a person (``in`` and ``outside`` keep the place: "in Jordan")."""
_NEAR_PREP: Final = re.compile(r"(?<![\w\-'’])(?:near|around|round|towards)[ \t]+(?:the[ \t]+)?$", re.IGNORECASE)
"""The prepositions of place no gold ORG follows in the open English corpus (``in`` and ``outside`` do: ``in
Harlow Fresh``, ``outside the Co-op``)."""
_PERSON_VERB_IN: Final = re.compile(
    r"(?i:(?<![\w\-])(?:believ(?:e|es|ed|ing)|confid(?:e|es|ed|ing)|interested|brought|bring(?:s|ing)?|"
    r"call(?:s|ed|ing)?|let(?:s|ting)?|rop(?:e|es|ed|ing)|trust(?:s|ed|ing)?|faith|fill(?:s|ed|ing)?|"
    r"stand(?:s|ing)?|stood|cover(?:s|ed|ing)?|sub(?:s|bed|bing)?|jump(?:s|ed|ing)?|chip(?:s|ped|ping)?|"
    r"pitch(?:es|ed|ing)?|clock(?:s|ed|ing)?|log(?:s|ged|ging)?|sign(?:s|ed|ing)?|put)"
    r"[ \t]+(?:in|into)[ \t]+$)"
)
"""Verbs that take a person with ``in``: ``believed in``, ``confided in``, ``brought in``, ``filled in for``
(``put`` only bare: ``put in Kemal`` names a person put on a job, ``put me in X`` a place)."""
_POSSESSIVE: Final = re.compile(r"['’]s?(?![\w])")
_SPEECH_AFTER: Final = re.compile(
    r"[ \t]*,?[ \t]*(?:said|says|told|tells|asked|asks|rang|called|texted|messaged|replied|laughed|who|she|he)\b"
)
_LOC: Final = "LOCATION"


_BEFORE: Final = 80
"""How much of the line before a name the retypes read."""


@cache
def _titles() -> frozenset[str]:
    return frozenset(w.rstrip(".").lower() for w in (*HONORIFICS, *OFFICE_TITLES))


@cache
def _type_words() -> frozenset[str]:
    """Lower-cased words of the place and organisation type words (``places``): Hotel, Street, Centre, Ltd..."""
    from .places import LOCATION_TYPE_WORDS, ORG_SUFFIX_WORDS, ORG_TYPE_WORDS, PLACE_SUFFIX_WORDS  # noqa: PLC0415

    words = {w.rstrip(".").lower() for t in (*LOCATION_TYPE_WORDS, *ORG_TYPE_WORDS) for w in t.split()}
    words |= {w.rstrip(".").lower() for w in (*ORG_SUFFIX_WORDS, *PLACE_SUFFIX_WORDS)}
    return frozenset(words)


def _titled(det: Detection) -> bool:
    first = det.text.split()[0].rstrip(".").lower() if det.text.split() else ""
    return first in _titles()


def _possessive(text: str, det: Detection) -> bool:
    """Whether ``det`` is a possessive, its ``'s`` after it or inside its span (``in Kavya Raman's chat``)."""
    return _POSSESSIVE.match(text, det.end) is not None or det.text.endswith(("'s", "’s", "'", "’"))


def _kept_if_a_place(det: Detection) -> bool:
    """Whether ``det``'s words are a coarse place (a populous country, a province: ``India``, ``America``), which
    the surrogates keep as it is (:func:`~makna.privacy.coarse.coarse_place`): a PERSON retyped LOCATION there
    would show the person's name in the output, so such a PERSON is never retyped to a place."""
    return coarse_place(det.text) is not None


def _place_by_preposition(text: str, det: Detection) -> bool:
    """Whether the PERSON ``det`` stands straight after a preposition of place (module docstring)."""
    before = line_before(text, det.start, _BEFORE)
    if _PLACE_PREP.search(before) is None or _PERSON_VERB_IN.search(before) is not None:
        return False
    if _titled(det) or _possessive(text, det) or _kept_if_a_place(det):
        return False
    return not (_PEOPLE_PREP.search(before) is not None and _known_first_name(det.text))


def _known_first_name(name: str) -> bool:
    """Whether ``name`` starts with a first name of the name lists and is no place of the English, world or
    administrative place lists as a whole ("Kieran", "Jasmine"; not "Preston" nor "Chelsea"). The list of
    villages, neighbourhoods and small towns (``places_local``, 86,000 names that "need context when one word") is
    not asked: it holds 362 English first names no other list calls a place ("Daniel", "Olivia", "Maya"), and an
    English sentence that turns towards one turns towards a person."""
    first = name.split(" ", 1)[0]
    if first not in gz.first_names("en"):
        return False
    return not any(name in places() for places in (gz.places_en, gz.places_world, gz.places_admin))


def _org_by_nearness(text: str, det: Detection) -> bool:
    """Whether the ORG ``det`` stands straight after ``near``, ``around``, ``round`` or ``towards``."""
    return _NEAR_PREP.search(line_before(text, det.start, _BEFORE)) is not None


def _person_here(text: str, det: Detection) -> bool:
    """Whether this occurrence reads as a person's: a person's cue before, a possessive or speech after."""
    if _titled(det) or _possessive(text, det) or _kept_if_a_place(det):
        return True
    if _SPEECH_AFTER.match(text, det.end) is not None:
        return True
    return clause_cue(line_before(text, det.start, _BEFORE)) == "person"


def places_after_prepositions(text: str, found: Sequence[Detection], language: str) -> list[Detection]:
    """``found`` with a PERSON after an English preposition of place typed LOCATION, and the same string's
    other PERSON occurrences without a person's reading in the document alike (module docstring). A LOCATION
    whose words are a coarse place the surrogates keep as it is (``India``) while the document types the same
    words PERSON elsewhere ("My best friend India ... near India") is that person: kept, it would print her name;
    that holds in both languages ("Teman saya India ... ketemu di India": review20), whichever step made it a place."""
    if language != "en":
        return _persons_kept_as_places(list(found))
    out = list(found)
    moved: set[str] = set()
    for i, det in enumerate(out):
        if det.type == "PERSON" and _place_by_preposition(text, det):
            out[i] = Detection(det.start, det.end, _LOC, det.confidence, det.detector, det.text)
            moved.add(det.text)
        elif det.type == "ORG" and _org_by_nearness(text, det):
            out[i] = Detection(det.start, det.end, _LOC, det.confidence, det.detector, det.text)
    if moved:
        for i, det in enumerate(out):
            if det.type == "PERSON" and det.text in moved and not _person_here(text, det):
                out[i] = Detection(det.start, det.end, _LOC, det.confidence, det.detector, det.text)
    return _persons_kept_as_places(out)


def _persons_kept_as_places(out: list[Detection]) -> list[Detection]:
    """``out`` with a LOCATION typed PERSON again where its words are a first name and a coarse place kept as it
    is (``India``) and the document types the same words PERSON elsewhere."""
    persons = {d.text for d in out if d.type == "PERSON"}
    for i, det in enumerate(out):
        if det.type != _LOC or det.text not in persons or not _kept_if_a_place(det):
            continue
        if det.text in gz.first_names("en") or det.text in gz.first_names("id"):
            out[i] = Detection(det.start, det.end, "PERSON", det.confidence, det.detector, det.text)
    return out


_CAP_WORD: Final = re.compile(r"[A-Z][\w'’\-]*")


def _family_name(word: str) -> bool:
    """Whether ``word`` can be a family name: a surname list's, or no ordinary English word (nor its plural)."""
    if word in gz.surnames():
        return True
    low, words = word.lower(), gz.english_words()
    return low not in words and not (low.endswith("s") and low[:-1] in words)


def restated_full_names(text: str, found: Sequence[Detection], language: str) -> list[Detection]:
    """``found`` with an ORG of two or three capitalised words that starts with a one-word PERSON of the document
    and holds no type word typed PERSON (module docstring)."""
    if language != "en":
        return list(found)
    singles = {d.text for d in found if d.type == "PERSON" and " " not in d.text and not _titled(d)}
    if not singles:
        return list(found)
    types = _type_words()
    out = list(found)
    for i, det in enumerate(out):
        if det.type != "ORG":
            continue
        words = det.text.split(" ")
        if not 2 <= len(words) <= 3 or words[0] not in singles:
            continue
        if not all(_CAP_WORD.fullmatch(w) for w in words) or any(w.lower().rstrip(".") in types for w in words):
            continue
        if not all(_family_name(w) for w in words[1:]):
            continue
        out[i] = Detection(det.start, det.end, "PERSON", det.confidence, det.detector, det.text)
    return out


_OF_BEFORE: Final = re.compile(r"(?<![\w\-])of[ \t]+\Z")
"""``of`` just before: the end of a longer name (``Our Lady of Fatima``, ``University of Mandla``), no first name."""


def first_names_of_persons(text: str, found: Sequence[Detection], language: str) -> list[Detection]:
    """``found`` with a one-word LOCATION or ORG that heads a full name typed PERSON in the document typed
    PERSON (module docstring)."""
    if language != "en":
        return list(found)
    heads = {
        d.text.split(" ")[0]
        for d in found
        if d.type == "PERSON" and " " in d.text and not _titled(d) and _CAP_WORD.fullmatch(d.text.split(" ")[0])
    }
    out = list(found)
    ends, starts = {d.end for d in found}, {d.start for d in found}
    for i, det in enumerate(out):
        if det.type not in ("LOCATION", "ORG") or det.text not in heads:
            continue
        if det.start - 1 in ends or det.end + 1 in starts:
            continue  # a piece of a longer name another detection holds the rest of ("Toko Ceu" + "Yayah")
        if _OF_BEFORE.search(text[max(0, det.start - 8) : det.start]) is not None:
            continue  # the end of a longer name: "Our Lady of Ximena"
        if det.type == _LOC and _PLACE_PREP.search(line_before(text, det.start, _BEFORE)) is not None:
            continue  # "I live in Kelso" while a Kelso Brown is named: the sentence says a place
        out[i] = Detection(det.start, det.end, "PERSON", det.confidence, det.detector, det.text)
    return out


BODY_WORDS: Final = frozenset(
    (
        "Department", "Ministry", "Commission", "Union", "Association", "Agency", "Council", "Services", "Ltd",
        "Limited", "Inc", "Trust", "Society", "Federation", "Committee", "Authority", "Bureau", "Corporation",
        "Company", "PLC", "Plc", "LLC", "Co-operative", "Cooperative", "Co-op", "Collective", "Partnership",
        "Foundation", "Institute", "Network", "Group", "Partners", "Holdings", "Enterprises", "Solutions",
        "Logistics", "Staffing", "Recruitment",
    )
)  # fmt: skip
"""Last words that make a name an organisation's: bodies of government and of members, company suffixes."""


def bodies_are_orgs(text: str, found: Sequence[Detection], language: str) -> list[Detection]:
    """``found`` with a LOCATION or PERSON of two words or more ending in a :data:`BODY_WORDS` word typed ORG."""
    if language != "en":
        return list(found)
    out = list(found)
    for i, det in enumerate(out):
        words = det.text.split()
        if det.type in ("LOCATION", "PERSON") and len(words) > 1 and words[-1].rstrip(".") in BODY_WORDS:
            out[i] = Detection(det.start, det.end, "ORG", det.confidence, det.detector, det.text)
    return out


_NAME: Final = r"(?<![\w'’\-])(?P<n>[A-Z][\w'’\-]+(?:[ \t][A-Z][\w'’\-]+)?)"
_SAID_NAMES: Final = (
    re.compile(
        rf"{_NAME}(?:,|[ \t]—|[ \t]-)?[ \t](?:which|that)(?:'s|’s|[ \t]is|[ \t]was)?[ \t]what[ \t]"
        r"(?:[\w'’]+[ \t]){0,5}?(?:call(?:s|ed)?[ \t]me|(?P<weak>say|says|said|use[sd]?))\b"
    ),
    re.compile(
        rf"{_NAME}[ \t](?:is|was)[ \t](?:my|her|his|their|our)[ \t]"
        r"(?:(?:middle|first|given|nick|pet|real|full|family|last|second|christian)[ \t]?)?name\b"
    ),
)
"""``X, which is what my gran called me``, ``X is her middle name``: the words said to be a name (with ``say`` or
``use`` in place of ``call me``, only where the line spoke of a name before: ``change my name to anything, maybe
just use Wren which is what my colleagues say``, never ``Brixton, which is what they say``)."""
_SAID_GATES: Final = (re.compile(r"(?i:what)"), re.compile(r"(?i:name)"))
"""A word each of :data:`_SAID_NAMES` holds (``what``, ``name``): only the lines holding it are searched, not every
capitalised word of the text."""
_NAME_BEFORE: Final = re.compile(r"(?i:(?<![\w\-])(?:name|names|named|call[ \t]me)(?![\w\-]))")
_LEAD_VERBS: Final = frozenset({"use", "put", "call", "just", "maybe", "write", "try", "say", "or", "and", "but", "so"})


def _said_span(m: re.Match[str]) -> tuple[int, int] | None:
    """The name's span in a match of :data:`_SAID_NAMES`, less a leading verb (``Use Paloma``), or None."""
    start, end = m.span("n")
    if "weak" in m.re.groupindex and m.group("weak") and not _NAME_BEFORE.search(line_before(m.string, start, _BEFORE)):
        return None
    words = m.string[start:end].split()
    if len(words) == 2 and words[0].lower() in _LEAD_VERBS:
        start = end - len(words[1])
    elif any(w.lower() in _LEAD_VERBS for w in words):
        return None
    if any(w.lower() in _PRONOUNS for w in m.string[start:end].split()):
        return None
    return start, end


_PRONOUNS: Final = frozenset(
    {"that", "this", "it", "which", "what", "mine", "yours", "she", "he", "they", "i", "there", "here"}
)


def names_said_as_names(text: str, found: Sequence[Detection], language: str) -> list[Detection]:
    """``found`` with the words said to be a name (module docstring) a PERSON."""
    if language != "en":
        return list(found)
    out = list(found)
    added = False
    for m in (m for rx, gate in zip(_SAID_NAMES, _SAID_GATES, strict=True) for m in gated_finditer(rx, gate, text)):
        span = _said_span(m)
        if span is None:
            continue
        start, end = span
        over = [i for i, d in enumerate(out) if d.start < end and start < d.end]
        if not over:
            out.append(Detection(start, end, "PERSON", 0.7, "person.said_name", text[start:end]))
            added = True
        elif len(over) == 1 and (out[over[0]].start, out[over[0]].end) == (start, end):
            det = out[over[0]]
            out[over[0]] = Detection(det.start, det.end, "PERSON", det.confidence, det.detector, det.text)
    if added:
        out.sort(key=lambda d: (d.start, d.end))
    return out


_WHERE_Q: Final = re.compile(
    r"(?i:(?<![\w\-])where(?![\w\-])[^\n?]*?(?<![\w\-])(?:live|lives|living|stay|stays|staying|stopping|from|based|"
    r"sleep|sleeping|reside)(?![\w\-])[^\n?]*\?)[ \t]*(?=\n|\Z)"
)
"""A question of where someone lives, stays or is from, at the end of its line."""
_WHERE_LINES: Final = Folded(("where",), _WHERE_Q)
"""The lines :data:`_WHERE_Q` is run on (the shared word-start pass): those where a word starts with ``where``, which
starts every match; led by a case-folded look-behind, the pattern is otherwise tried at every position of a text."""
_NAME_WORD: Final = re.compile(r"(?i:(?<![\w\-])names?(?![\w\-]))")
_LABEL_ONLY: Final = re.compile(r"[\W\d_]*|[^\n:]{1,40}?[ \t]+[(\[]?\d{1,2}:\d{2}(?::\d{2})?[)\]]?[ \t]*")
"""A line that only names a speaker (masked to dots, or a name and a time): the answer is on the next line."""
_ANSWER_LEAD: Final = re.compile(r"[.\s]*(?:\[?[\d:/, ]+\]?[ \t]*)?(?:[^\n:]{1,40}:[ \t]*)?[.\s]*")
_ANSWER_RUN: Final = re.compile(
    r"(?:(?i:from|in|at)[ \t]+)?(?P<n>[A-Z][\w'’\-]{2,}(?:[ \t][A-Z][\w'’\-]+){0,2})(?=[,.;])"
)
_AGE_WORD: Final = re.compile(AGE_NUMBER)


def _where_answers(text: str) -> list[tuple[int, int]]:
    """The spans of the words that open an answer to a question of where (module docstring)."""
    out: list[tuple[int, int]] = []
    for q in gated_finditer(_WHERE_Q, _WHERE_LINES, text):
        line = text.rfind("\n", 0, q.start()) + 1
        if _NAME_WORD.search(text, line, q.end()):
            continue
        pos, seen = q.end() + 1, 0
        while pos < len(text) and seen < 3:
            stop = text.find("\n", pos)
            stop = len(text) if stop < 0 else stop
            if text[pos:stop].strip() and not _LABEL_ONLY.fullmatch(text, pos, stop):
                lead = _ANSWER_LEAD.match(text, pos, stop)
                run = _ANSWER_RUN.match(text, lead.end() if lead else pos, stop)
                if run is not None:
                    out.append(run.span("n"))
                break
            pos, seen = stop + 1, seen + 1
    return out


_FILLERS: Final = frozenset({"okay", "ok", "alright", "erm", "umm", "hmm", "mmm", "uhh", "ahh", "yep", "nah", "aye"})


def _ordinary_run(words: list[str]) -> bool:
    """Whether every word is an ordinary English word, a filler, a stop word or a number (no place's name). The
    Indonesian dictionary is not asked: an English answer's place may be an Indonesian word."""
    english, stop = gz.english_words(), gz.stop_caps()
    return all(w.lower() in english or w.lower() in _FILLERS or w in stop or _AGE_WORD.fullmatch(w) for w in words)


_QUESTION_BACK: Final = re.compile(r"[^\n.!?]*\?")


def _names_a_person(text: str, start: int, end: int, over: Sequence[Detection]) -> bool:
    """Whether the answer's words name whom one stays with, not where: "With Auntie Grace", a title or kin word
    before a name ("Uncle Femi"), one known first name that is no place ("Kieran. He lets me have the sofa."), a
    person's home ("Adaeze's, on her sofa"), the one asked, in an answer that asks back ("Esther, can I skip
    this one?"), or a PERSON whose words are a coarse place the surrogates keep ("India, my cousin, ...")."""
    run = text[start:end]
    words = run.split()
    if words and words[0].lower() == "with":
        return True
    if run.endswith(("'s", "’s")) or _QUESTION_BACK.match(text, end) is not None:
        return True
    if any(d.type == "PERSON" and _kept_if_a_place(d) for d in over):
        return True
    if any(w.rstrip(".").lower() in _titles() for w in words):
        return True
    return any(d.type == "PERSON" and d.text == run and _known_first_name(d.text) for d in over)


def places_answered_to_where(text: str, found: Sequence[Detection], language: str) -> list[Detection]:
    """``found`` with the words that open an answer to a question of where typed or added LOCATION (module
    docstring)."""
    if language != "en" or "?" not in text:
        return list(found)
    out = list(found)
    added = False
    for start, end in _where_answers(text):
        over = [i for i, d in enumerate(out) if d.start < end and start < d.end]
        if not over:
            if not _ordinary_run(text[start:end].split()):
                out.append(Detection(start, end, _LOC, 0.6, "location.where_answer", text[start:end]))
                added = True
            continue
        if _names_a_person(text, start, end, [out[i] for i in over]):
            continue
        if all(out[i].type in ("PERSON", "ORG") and start <= out[i].start and out[i].end <= end for i in over):
            for i in over:
                det = out[i]
                out[i] = Detection(det.start, det.end, _LOC, det.confidence, det.detector, det.text)
    if added:
        out.sort(key=lambda d: (d.start, d.end))
    return out
