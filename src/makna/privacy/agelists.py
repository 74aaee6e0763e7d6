"""The other ages of a list of people that holds an age found, and an age in brackets after a name (#11, ages23).

People give the ages of a household in one breath: ``our girls are eight and a half and nearly six``, ``Our
children are fifteen next month, eleven come June and just six``, ``Zakiah sebelas jalan dua belas, adiknya Lalu
Rizki empat tahun setengah``, ``nan gadang duo baleh, nan tangah salapan``. After an AGE that a detector or the
learned layer kept (this pass runs after the precision stage, on what it kept), it reads the next item of the list,
in the same sentence:

* a separator (a comma, ``and``/``dan``/``jo``/``sama``/``samo``, or both) at most 40 characters after the age,
  over words that hold no digit and no sentence end (the age's own tail: ``next month``, ``jalan dua belas``); at
  most two separators are tried;
* maybe who the item is about: a name (capitalised words that are no kin noun), a kin noun with a name or a copula
  after it (``adiknya Lalu Rizki``, ``his mum is``: a kin noun alone with a number is a count as often, ``anaknya
  dua``), a birth-order word (``nan tangah``, ``the last one``, ``my youngest``, ``my wife``, ``suaminya``:
  spouses, in-laws and cousins since ages26), then up to two copulas, aspect words or hedges (``is``, ``'s``,
  ``baru``, ``alah``, ``is nearly``, ``sudah hampir``) and a comma;
* maybe a hedge (``nearly``, ``just``, ``hampir``), then a number of 1 to 110 in digits or words (no clock time, no
  decimal, no year), maybe its unit and at most two words of when or of its fraction (``in June``, ``come June``,
  ``this winter``, ``bulan lalu``, ``jalan N``, ``masuak N``, ``setengah``, ``and a half``, ``or so``);
* and the item must close its clause: ``she's 34, two kids`` (a noun), ``nine, ten minutes away`` and ``forty, and
  twenty years here`` go on, and give nothing.

Each item found is an anchor for the next (a list of three). After a PERSON found, a number in brackets is that
person's age (``Kadek Ayu (tujuh)``, ``Tomasz (nearly six)``); ``(room 21)`` and ``(0812)`` are no number alone or
no age; so is a number after a comma or an aspect word that closes its clause (``Sutan Rajo Ameh, alah sabaleh taun
jalan duo baleh,``; ``Maria, 3 times`` goes on), or one standing as its own sentence (``Tamsin Hollis. Thirty-eight
going on thirty-nine,``): the shapes ``agecontext`` reads, from one source (:mod:`agewords`). A name no detector
found right before an age in brackets is that person and their age (``Wanjiru (nine) walks``, ``Putu (sebelas)
suka``; english28), where the word is a name (a first-name list holds it, or no list at all) and no English word
(``Room (12)``, ``Chapter (9)``). Nothing here comes from a corpus: the words are kin terms, birth-order words and
the grammar of a list.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from . import gazetteers as gz
from ._text import SpanIndex
from .agecontext import age_after_person
from .agewords import after_person, own_sentence
from .numwords import EN_NUM, ID_NUM, parse_number
from .span_edges import EN_WHEN, ID_MONTH
from .types import Detection

__all__ = ["listed_ages"]

_SP: Final = r"[ \t]+"
_AND: Final = r"(?:and|dan|jo|sama|samo|&)"
_SEP: Final = re.compile(rf"(?i:[ \t]*,[ \t]*(?:{_AND}{_SP})?|{_SP}{_AND}{_SP})")
_TAIL_GAP: Final = re.compile(r"[^\d,;:.?!\n()\"“”]{0,40}")
_KIN: Final = (
    r"(?:anak|adik|adiak|adek|kakak|kakaknya|abang|uda|uni|cucu|keponakan|ponakan|son|daughter|boy|girl|brother|"
    r"sister|kid|baby|twins?|grandson|granddaughter|nephew|niece|mum|mom|mam|dad|mother|father|nan|gran|granny|"
    r"nenek|kakek|ibu|bapak|ayah|amak|apak|inang|bapaknya|one|wife|husband|partner|suami|istri|isteri|bini|cousin|"
    r"aunt|auntie|uncle|tante|paman|bibi|etek|mertua|menantu|ipar|sepupu|(?:mother|father|brother|sister)-in-law)"
    r"(?:nya|nyo|ku|mu|e|s)?"
)
_ORDER: Final = (
    r"(?:(?:yang|nan|the|my|our|his|her|their|si)[ \t]+)?(?:(?:sulung|bungsu|kecil|ketek|tengah|tangah|gadang|"
    r"besar|tua|muda|kedua|ketiga|pertama|terakhir|eldest|oldest|youngest|middle|little|last|second|third|"
    r"first|baby|small|big)(?:[ \t]+(?:one|boy|girl|son|daughter))?|(?:my|our|his|her|their)[ \t]+" + _KIN + r")"
)
_NAME: Final = rf"(?:(?!{_KIN}(?![\w'’\-]))(?-i:[A-Z][\w'’\-]+)(?:[ \t]+(?-i:[A-Z][\w'’\-]+)){{0,2}})"
_WHO_KIN: Final = rf"(?:{_KIN}(?:[ \t]+{_NAME}|(?=[ \t]+(?:is|was|baru|sudah|udah|alah|masih)[ \t])))"
"""A kin noun with a name or a copula: alone with a number it is a count as often (``anaknya dua``: two children)."""
_BE: Final = (
    r"(?:is|was|['’]s|are|baru|sudah|udah|dah|alah|lah|masih|kini|sekarang|now|umurnya|usianya|umuanyo|umurnyo)"
)
_HEDGE: Final = r"(?:nearly|almost|just|only|about|around|barely|hampir|sekitar|kira-kira|baru|masih)"
_UNIT: Final = r"(?:[ \t\-]*(?:years?[ \t\-]+old|years?|yrs?|tahun|taun|taon|thn))"
_WHEN: Final = (
    rf"(?:{EN_WHEN}|this{_SP}(?:spring|summer|autumn|fall|winter)|and{_SP}a{_SP}(?:half|bit)|or{_SP}so|setengah|satangah|satengah|lewat|"
    rf"(?:bulan|tahun|taun){_SP}(?:depan|lalu|ini|kemarin|ko|iko|dapan|{ID_MONTH})|{ID_MONTH}{_SP}(?:kemarin|lalu)|"
    rf"(?:jalan|masuak|masuk|mau|menuju|menjelang|going{_SP}on|or|atau){_SP}(?:\d{{1,3}}|{EN_NUM}|{ID_NUM}))"
)
_VALUE: Final = rf"(?P<n>\d{{1,3}}(?!\d)|{EN_NUM}|{ID_NUM})(?![\w'’\-:.]\w){_UNIT}?(?:{_SP}{_WHEN}){{0,2}}"
_NUMBER: Final = rf"(?P<a>{_VALUE})"
_CLOSED: Final = rf"(?=[ \t]*(?:[,;.!?)\n]|$|{_SP}{_AND}\b))"
"""A number of 1 to 110, its unit and its words of when or of its fraction, closing its clause."""
_ITEM: Final = re.compile(
    rf"(?i:(?:(?:{_ORDER}|{_WHO_KIN}|(?P<who>{_NAME}))(?:[ \t]*,)?{_SP}|(?<=\w)(?=['’]s))?"
    rf"(?:(?:{_BE}|{_HEDGE}|['’]s){_SP}){{0,2}}"
    rf"{_NUMBER}{_CLOSED})"
)

_BRACKETED: Final = re.compile(rf"(?i:[ \t]*\([ \t]*(?:{_HEDGE}{_SP})?{_NUMBER}[ \t]*\))")
"""After a PERSON found, a number in brackets (``Dewi (7)``, ``Tomasz (nearly six)``): that person's age."""
_ENDS: Final = (r"(?=[ \t]*(?:[,;.!?)\n]|$)|[ \t]+(?i:and|dan)[ \t]+"
                r"(?!(?i:more|less|fewer|then|some|odd|counting|so|lebih|kurang|sisanya|seterusnya|banyak)\b))")
"""An age as its own sentence ends there, or goes on with an "and" that says more of the person (``Margaret Doyle.
Seventy-nine and still driving``); an "and" that goes on counting makes the number a count (``Marisol Okafor. Forty
and more calls``, ``Empat puluh dan lebih pesan``): review24 had ended the sentence at any "and", which lost such
ages (one on the open corpus)."""
_AFTER_PERSON: Final = (after_person(rf"(?i:{_VALUE})", _CLOSED), own_sentence(rf"(?i:{_VALUE})", _ENDS))
"""After a PERSON the stage kept, a comma or an aspect word and an age closing its clause, with its words of when or
of its fraction (``Sutan Rajo Ameh, alah sabaleh taun jalan duo baleh,``), or such an age standing as its own
sentence (``Tamsin Hollis. Thirty-eight going on thirty-nine,``): the shapes ``agecontext`` reads after the persons
of the first pass (:func:`agewords.after_person`, :func:`agewords.own_sentence`), with a wider number."""


_NAME_BEFORE: Final = re.compile(r"(?<![\w'’\-])(?-i:[A-Z][a-z][\w'’\-]*)$")
"""A capitalised word ending right before a bracket (``Wanjiru (nine)``)."""
_NOT_ON: Final = re.compile(r"[ \t]*[\d(+\-]")
"""What may not follow an age's closing bracket: more digits or a bracket (``Home (03) 5550 4821``)."""


def _is_name(word: str) -> bool:
    """A word a first-name list holds and no English word, weekday, app or month is (``Kofi``, ``Dewi``), or a
    word of no list at all (``Wanjiru``): never ``Room``, ``Chapter``, ``Bus``, a brand or a place alone."""
    if word.lower() in gz.english_words() or word in gz.stop_caps() or word in gz.brands():
        return False
    if word in gz.first_names("en") or word in gz.first_names("id") or word in gz.world_first_names():
        return True
    return word.lower() not in gz.ordinary_words() and word not in gz.all_places() and not _plural(word)


def _plural(word: str) -> bool:
    """An Indonesian plural said twice with a hyphen (``Anak-anak``, ``Ibu-ibu``) or an English plural whose singular
    is an English word (``Results``, ``Kids``, ``Mangoes``, ``Stories``): no name (review28)."""
    low = word.lower()
    first, hyphen, rest = low.partition("-")
    if hyphen and rest.startswith(first):
        return True
    if not low.endswith("s") or low.endswith("ss"):
        return False
    singulars = [low[:-1]]
    if low.endswith("es"):
        singulars.append(low[:-2])
    if low.endswith("ies"):
        singulars.append(low[:-3] + "y")
    return any(s in gz.english_words() for s in singulars)


def _named_in_brackets(text: str, taken: SpanIndex) -> list[Detection]:
    """A name no detector found, right before an age in brackets (``Wanjiru (nine) walks to school``, ``Putu
    (sebelas) suka menari``): the household list's convention, name and age (english28). The bracket holds a
    number of 1 to 110 alone (maybe a hedge, a unit, a word of when), no leading zero and no digits after it (a
    phone's area code, ``Home (03) 5550``); the word is a name by :func:`_is_name`."""
    out = []
    for m in re.finditer(r"[ \t]\(", text):
        start = m.start()
        br = _BRACKETED.match(text, start)
        if br is None or br.group("n").startswith("0") or _NOT_ON.match(text, br.end()):
            continue
        who = _NAME_BEFORE.search(text, max(0, start - 40), start)
        value = parse_number(br.group("n"))
        if who is None or value is None or not 0 < value <= 110 or not _is_name(who.group(0)):
            continue
        s, e = br.start("a"), br.end("a")
        if taken.overlapping(s, e) or taken.overlapping(who.start(), who.end()):
            continue
        out.append(Detection(who.start(), who.end(), "PERSON", 0.7, "person.aged", who.group(0)))
        out.append(Detection(s, e, "AGE", 0.75, "age.person", text[s:e]))
        taken.add(out[-2])
        taken.add(out[-1])
    return out


def _bracketed(text: str, found: Sequence[Detection], taken: SpanIndex) -> list[Detection]:
    """An age in brackets, after a comma or an aspect word, or as its own sentence right after a PERSON found
    (:data:`_BRACKETED`, :data:`_AFTER_PERSON`) whose number holds no other detection."""
    out = []
    for det in found:
        if det.type != "PERSON":
            continue
        m = _BRACKETED.match(text, det.end) or age_after_person(text, det.end, _AFTER_PERSON)
        if m is None:
            continue
        s, e = m.start("a"), m.end("a")
        value = parse_number(m.group("n"))
        if value is not None and 0 < value <= 110 and not taken.overlapping(s, e):
            out.append(Detection(s, e, "AGE", 0.75, "age.person", text[s:e]))
            taken.add(out[-1])
    return out


def _next(text: str, at: int, persons: frozenset[int]) -> re.Match[str] | None:
    """The next item of a list after the age ending at ``at``, over the age's tail and at most two separators; an
    item named by capitalised words alone is a person's only where a PERSON found starts there (``persons``):
    ``She is 34, Flat 12.``, ``Room 7``, ``Blok 5`` are no people (review23). A comma between two digits joins one
    number (``87,5``), never two items."""
    gap = _TAIL_GAP.match(text, at)
    stop = gap.end() if gap else at
    tries = 0
    for sep in _SEP.finditer(text, at, min(len(text), stop + 6)):
        if sep.start() > stop or tries == 2:
            break
        glued = sep.group(0) == "," and text[sep.start() - 1 : sep.start()].isdigit()
        if glued and text[sep.end() : sep.end() + 1].isdigit():
            break  # "87,5", "1,200": one number with its decimal or thousands comma, no list of ages
        tries += 1
        item = _ITEM.match(text, sep.end())
        if item is not None and item.group("who") is not None and item.start("who") not in persons:
            item = None
        if item is not None:
            value = parse_number(item.group("n"))
            if value is not None and 0 < value <= 110:
                return item
    return None


def listed_ages(text: str, found: Sequence[Detection]) -> list[Detection]:
    """``found`` with the bracketed ages after persons and the other ages of each list that holds an AGE (see the
    module's docstring)."""
    taken = SpanIndex(found)  # by bisection: a long turn's names and ages number thousands (review28)
    added = _bracketed(text, found, taken)
    added += _named_in_brackets(text, taken)
    persons = frozenset(d.start for d in found if d.type == "PERSON")
    for det in sorted((d for d in [*found, *added] if d.type == "AGE"), key=lambda d: d.start):
        at = det.end
        for _ in range(6):
            item = _next(text, at, persons)
            if item is None:
                break
            s, e = item.start("a"), item.end("a")
            held = taken.overlapping(s, e)
            if held:
                at = max(e, max(d.end for d in held))
                continue
            added.append(Detection(s, e, "AGE", 0.75, "age.listed", text[s:e]))
            taken.add(added[-1])
            at = e
    return sorted([*found, *added], key=lambda d: (d.start, d.end)) if added else list(found)
