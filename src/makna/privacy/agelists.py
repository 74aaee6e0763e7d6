"""The other ages of a list of people that holds an age found (#11, round twenty-three).

People give the ages of a household in one breath: ``our girls are eight and a half and nearly six``, ``Our
children are fifteen next month, eleven come June and just six``, ``Anak kami dua, Zakiah sebelas jalan dua belas,
adiknya Lalu Rizki empat tahun setengah``, ``nan gadang duo baleh, nan tangah salapan``. After an AGE that a detector
or the learned layer kept, this pass reads the next item of the list, in the same sentence:

* a separator (a comma, ``and``/``dan``/``jo``/``sama``/``samo``, or both) at most 40 characters after the age,
  over words that hold no digit and no sentence end (the age's own tail: ``next month``, ``jalan dua belas``);
* maybe who the item is about: a name (capitalised words), a kin noun or a birth-order word (``adiknya``, ``nan
  tangah``, ``the last one``, ``my youngest``), a copula or an aspect word (``is``, ``'s``, ``baru``, ``alah``),
  then maybe a comma;
* maybe a hedge (``nearly``, ``just``, ``hampir``), then a number of 1 to 110 in digits or words, maybe its unit;
* and the item must close its clause, with at most a word of when or of its fraction after it (``in June``, ``come
  June``, ``this winter``, ``bulan lalu``, ``jalan N``, ``masuak N``, ``setengah``, ``and a half``): ``she's 34, two
  kids`` (a noun), ``nine, ten minutes away`` and ``forty, and twenty years here`` go on, and give nothing.

Each item found is an anchor for the next (a list of three). The words of when after the number are left to
:func:`makna.privacy.span_edges.close_edges`, which runs after this pass. Nothing here comes from a corpus: the
words are kin terms, birth-order words and the grammar of a list.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

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
    r"nenek|kakek|ibu|bapak|ayah|amak|apak|inang|bapaknya|one)(?:nya|nyo|ku|mu|e|s)?"
)
_ORDER: Final = (
    r"(?:(?:yang|nan|the|my|our|his|her|their|si)[ \t]+)?(?:(?:sulung|bungsu|kecil|ketek|tengah|tangah|gadang|"
    r"besar|tua|muda|kedua|ketiga|pertama|terakhir|eldest|oldest|youngest|middle|little|last|second|third|"
    r"first|baby|small|big)(?:[ \t]+(?:one|boy|girl|son|daughter))?|(?:my|our|his|her|their)[ \t]+" + _KIN + r")"
)
_NAME: Final = r"(?:(?-i:[A-Z][\w'’\-]+)(?:[ \t]+(?-i:[A-Z][\w'’\-]+)){0,2})"
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
_NUMBER: Final = rf"(?P<a>(?P<n>\d{{1,3}}(?!\d)|{EN_NUM}|{ID_NUM})(?![\w'’\-:.]\w){_UNIT}?(?:{_SP}{_WHEN}){{0,2}})"
_CLOSED: Final = rf"(?=[ \t]*(?:[,;.!?)\n]|$|{_SP}{_AND}\b))"
"""A number of 1 to 110, its unit and its words of when or of its fraction, closing its clause."""
_ITEM: Final = re.compile(
    rf"(?i:(?:(?:{_ORDER}|{_KIN}|{_NAME})(?:{_SP}{_NAME})?(?:[ \t]*,)?{_SP}|(?<=\w)(?=['’]s))?"
    rf"(?:{_BE}{_SP}|['’]s{_SP})?(?:{_HEDGE}{_SP})?"
    rf"{_NUMBER}{_CLOSED})"
)

_BIRTH_ORDER: Final = (
    r"(?:(?:yang|nan|si)[ \t]+(?:paling[ \t]+)?(?:sulung|bungsu|kecil|ketek|tengah|tangah|gadang|besar|tua|muda|"
    r"pertama|kedua|ketiga|terakhir|bontot)|(?:the|my|our|his|her|their)[ \t]+(?:eldest|oldest|youngest|middle"
    r"(?:[ \t]+one)?|little[ \t]+one|last[ \t]+one|baby))"
)
_EN_KIN: Final = (
    r"(?:(?:step-?|grand-?|great-?grand)?(?:son|daughter|child|mum|mom|mother|dad|father|ma|pa|sister|brother)"
    r"|boy|girl|gran|granny|grandma|grandpa|grandad|husband|wife|partner|niece|nephew|aunt|auntie|uncle|cousin|"
    r"(?:mother|father|sister|brother|son|daughter)-in-law)"
)
_KIN_AGE: Final = re.compile(
    rf"(?i:(?<![\w'’\-])(?:{_BIRTH_ORDER}(?:[ \t]*,?{_SP}{_NAME}[ \t]*,)?{_SP}(?:{_BE}{_SP})?"
    rf"|(?:my|our|his|her|their|your){_SP}{_EN_KIN}(?:{_SP}{_NAME})?(?:[ \t]*,[ \t]*who[^,.!?\n]{{1,40}},)?"
    rf"(?:{_SP}(?:is|was)|['’]s){_SP}"
    rf"|(?<![^\n.!?:][ \t])(?<![^\n.!?: \t])(?=[A-Z]){_EN_KIN}[ \t]*,{_SP}"
    rf"|{_EN_KIN}{_SP}{_NAME}[ \t]*\([ \t]*)"
    rf"(?:{_HEDGE}{_SP})?{_NUMBER}{_CLOSED})"
)
"""An age after a birth-order word (``yang sulung tiga belas jalan empat belas``, ``nan tangah salapan``, ``the
eldest nine``), after a kin noun with a possessive and "is" (``my father-in-law is eighty-one or eighty-two``, ``his
mum, who lives with us, is seventy-one``), a kin noun opening its sentence and a comma (``Mother-in-law,
seventy-eight or so``) or a kin noun and a name and a bracket (``daughter Godavari (seventeen and a half)``). A kin
noun with a bare number and no "is" is a count as often (``anak saya tiga``: three children) and gives nothing."""

_FAMILY: Final = re.compile(
    r"(?i:(?<![\w'’\-])(?:anak|anak-anak|anak2|cucu|cucu-cucu|adik-adik|keponakan|kids|children|boys|girls|sons|"
    r"daughters|grandchildren|grandkids|twins|lads|nippers)(?:nya|nyo|ku|mu)?(?![\w'’\-]))"
)
"""A word for the children of a family: a sentence holding it may list them with their ages."""
_FAMILY_ITEM: Final = re.compile(
    rf"(?i:[ \t]*(?:[,:;][ \t]*(?:{_AND}{_SP})?|{_SP}{_AND}{_SP})(?:{_ORDER}|{_KIN}(?:{_SP}{_NAME})?|{_NAME})"
    rf"(?:[ \t]*,)?{_SP}(?:{_BE}{_SP})?(?:{_HEDGE}{_SP})?{_NUMBER}{_CLOSED})"
)
"""An item of a family's list: a separator, who (a name, a kin noun, a birth-order word), maybe a comma, an aspect
word or a hedge, and a number closing its clause (``anaknya dua, Budi dua belas, Sari sembilan``, ``The kids are
Rina 12, Dodi 9``)."""
_ITEM_GAP: Final = re.compile(r"[^,:;.!?\n]*")


def _family_ages(text: str, taken: list[tuple[int, int]]) -> list[Detection]:
    """The ages of a family's list (:data:`_FAMILY_ITEM`) in the sentence after a word for its children."""
    out = []
    for cue in _FAMILY.finditer(text):
        at = cue.end()
        for _ in range(8):
            gap = _ITEM_GAP.match(text, at)
            at = gap.end() if gap else at
            if at >= len(text) or text[at] not in ",:;":
                break
            m = _FAMILY_ITEM.match(text, at)
            if m is None:
                at += 1
                continue
            s, e = m.start("a"), m.end("a")
            value = parse_number(m.group("n"))
            if value is not None and 0 < value <= 110 and not any(a < e and s < b for a, b in taken):
                out.append(Detection(s, e, "AGE", 0.75, "age.family", text[s:e]))
                taken.append((s, e))
            at = e
    return out


_BRACKETED: Final = re.compile(rf"(?i:[ \t]*\([ \t]*(?:{_HEDGE}{_SP})?{_NUMBER}[ \t]*\))")
"""After a PERSON found, a number in brackets (``Dewi (7)``, ``Tomasz (nearly six)``): that person's age."""
_BEFORE_ITEM: Final = re.compile(
    rf"(?i:(?<![\w'’\-])(?:{_ORDER}|{_KIN}(?:{_SP}{_NAME})?|{_NAME})(?:[ \t]*,)?{_SP}(?:{_BE}{_SP})?"
    rf"(?:{_HEDGE}{_SP})?{_NUMBER}[ \t]*(?:,[ \t]*(?:{_AND}{_SP})?|{_SP}{_AND}{_SP})"
    rf"(?:(?:{_ORDER}|{_KIN}|{_NAME})(?:[ \t]*,)?[ \t]+)?(?:{_BE}{_SP})?(?:{_HEDGE}{_SP})?$)"
)
"""An item of a list right before an age found: who, then a number closing its clause, then a separator (and who
the age found is about)."""


def _around_persons(text: str, found: Sequence[Detection], taken: list[tuple[int, int]]) -> list[Detection]:
    """A bracketed age after a PERSON found, and the item of a list right before an AGE found (``Budi sebelas
    tahun, Sari baru enam``), whose number opens no other detection."""
    out = []
    for det in found:
        if det.type == "PERSON":
            m = _BRACKETED.match(text, det.end)
        elif det.type == "AGE":
            start = max(text.rfind(c, 0, det.start) for c in ".?!:;\n(") + 1
            m = _BEFORE_ITEM.search(text[: det.start], max(start, det.start - 80))
        else:
            continue
        if m is None:
            continue
        s, e = m.start("a"), m.end("a")
        value = parse_number(m.group("n"))
        if value is not None and 0 < value <= 110 and not any(a < e and s < b for a, b in taken):
            out.append(Detection(s, e, "AGE", 0.75, "age.listed", text[s:e]))
            taken.append((s, e))
    return out


def _next(text: str, at: int) -> re.Match[str] | None:
    """The next item of a list after the age ending at ``at``, over the age's tail and at most two separators."""
    gap = _TAIL_GAP.match(text, at)
    stop = gap.end() if gap else at
    tries = 0
    for sep in _SEP.finditer(text, at, min(len(text), stop + 6)):
        if sep.start() > stop or tries == 2:
            break
        tries += 1
        item = _ITEM.match(text, sep.end())
        if item is not None:
            value = parse_number(item.group("n"))
            if value is not None and 0 < value <= 110:
                return item
    return None


def _kin_ages(text: str, taken: list[tuple[int, int]]) -> list[Detection]:
    """Ages after a birth-order word or a kin noun (see the module's docstring), where no detection sits."""
    out = []
    for m in _KIN_AGE.finditer(text):
        s, e = m.start("a"), m.end("a")
        value = parse_number(m.group("n"))
        if value is None or not 0 < value <= 110 or any(a < e and s < b for a, b in taken):
            continue
        out.append(Detection(s, e, "AGE", 0.75, "age.kin", text[s:e]))
        taken.append((s, e))
    return out


def listed_ages(text: str, found: Sequence[Detection]) -> list[Detection]:
    """``found`` with the other ages of each list that holds an AGE found and the ages said after a birth-order
    word or a kin noun (see the module's docstring)."""
    taken = [(d.start, d.end) for d in found]
    added = [*_kin_ages(text, taken), *_family_ages(text, taken), *_around_persons(text, found, taken)]
    for det in sorted((d for d in [*found, *added] if d.type == "AGE"), key=lambda d: d.start):
        at = det.end
        for _ in range(6):
            item = _next(text, at)
            if item is None:
                break
            s, e = item.start("a"), item.end("a")
            if any(a < e and s < b for a, b in taken):
                at = max(e, max(b for a, b in taken if a < e and s < b))
                continue
            added.append(Detection(s, e, "AGE", 0.75, "age.listed", text[s:e]))
            taken.append((s, e))
            at = e
    return sorted([*found, *added], key=lambda d: (d.start, d.end)) if added else list(found)
