"""Names given outright that the person passes leave: a kinship word that is someone's name, a second name, a
nickname and a speaker's own one-word name.

Two readings of what a naming cue ("dipanggil", "panggilannyo", "parabane", "landihanana", "called") says, after
the precision stage (the learned layers never proposed these spans):

* **a kinship word given as a name** (:func:`given_kin_names`): many Indonesian given names and nicknames are
  also kinship or honorific words (``Ina``, ``Cici``, ``Ema``, ``Umi``), so the honorific passes stop before them
  ("dipanggil Mama Ina": the honorific pass reads ``Mama Ina`` as two honorifics and no name). After a naming cue
  and up to two honorifics, such a word that the name lists hold, with no capitalised word after it, is the name;
  and once a text has given it as a name, its other capitalised mentions after an honorific or a clause boundary
  are that person too ("Kak Cici", "Ina punya tiga anak").
* **a second name after "atau" / "alias" / "or"** (:func:`alternative_names`): "orang manggil Wulan atau Ulan",
  "dipanggil Nanang alias Acong": the cue names both; a capitalised word after the first name found and the
  joining word, no stop, place or honorific word and no word before another capitalised one (``Min Okello``:
  "mother of Okello", a kinship word before a name), is a PERSON too, and so are its other capitalised mentions.
* **a nickname given right after a name** (:func:`nicknames_after_names`, persons29): "Nama asli ambo ..., di
  rumah dipanggia Ayuk", "I'm ..., most people say Didi", "nobody calls me that, it's Wombat": the person just
  named says whose nickname the word is, whatever word it is; words said to anyone of a kind are none;
* **a speaker's own one-word name** (:func:`self_named`, persons29): "Aku Juli.", "Halo, Kak. Ini Ranum." at a
  clause's start and end.

The naming cues read the regional possessive forms of the naming nouns (Minang ``-nyo``, Javanese ``-e``/``-ne``,
Sundanese and Batak ``-na``) from the grammar of those languages: Javanese ``paraban`` and Sundanese ``landihan``
(a nickname), Sundanese ``nami``/``wasta``, Batak Toba ``goar``, Bugis ``aseng``, Makassar ``areng`` (a name).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Final

from . import gazetteers as gz
from ._text import HONORIFICS, OFFICE_TITLES, SpanIndex
from .types import Detection

__all__ = ["NAMING_CUE", "alternative_names", "given_kin_names", "given_names", "nicknames_after_names", "self_named"]

NAMING_CUE: Final = re.compile(
    r"(?<![\w\-])(?i:(?:di|ma|me|ba)?(?:panggil|panggia|manggil|manggia)(?:an|kan)?(?:nya|nyo|ne|e|na|ku)?|"
    r"(?:di)?sebut(?:nya|nyo)?|(?:di)?sabuik|julukan(?:nya|nyo|e)?|sapaan(?:nya|nyo)?|"
    r"paraban(?:e|ne|ipun|ku)?|(?:di)?celuk(?:ane|an)?|landihan(?:na|ana)?|(?:di)?nelah(?:na)?|"
    r"nam[ao](?:nya|nyo|ku|ne)?|nami(?:na|ne|nipun)?|wasta(?:na)?|jeneng(?:e|ku|ipun)?|asma(?:ne|nipun)|"
    r"goar(?:na)?|aseng(?:na)?|asenna|areng(?:na)?|arenna|ngaran(?:nya|ku|e)?|"
    r"call(?:s|ed)?(?:[ \t]+(?:me|him|her|them))?|known[ \t]+as|goes[ \t]+by|go[ \t]+by|nickname(?:d)?)"
    r"(?:[ \t]+(?:dia|ia|inyo|aku|saya|ambo|awak|ulun|kula|kulo|abdi|gue|orang|urang|wong|uwong|aja|saja|sajo|"
    r"wae|bae|waé|teh|mah|is|was|:))*[ \t]*:?[ \t]+"
)
"""A word that says a name follows, with its regional possessive forms, and the pronouns or particles that may
stand between it and the name ("panggil dia aja", "parabane kula")."""
_CAP: Final = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’]+"
_AFTER_CUE: Final = re.compile(rf"(?P<h>(?:{_CAP}[ \t]+){{0,2}})(?P<w>{_CAP})(?![\w'’\-])(?![ \t]+[A-ZÀ-ÖØ-Þ])")
_OR: Final = re.compile(
    rf"[ \t]*,?[ \t]+(?i:atau|ato|alias|or|aka|a\.k\.a\.)[ \t]+(?P<w>{_CAP})(?![\w'’\-])(?![ \t]+[A-ZÀ-ÖØ-Þ])"
)
_NOT_GIVEN: Final = OFFICE_TITLES | frozenset(
    {"Haji", "Hajjah", "Hj", "Ustaz", "Ustad", "Ustadz", "Ustazah", "Kiai", "Kyai"}
)
_KIN_MODIFIERS: Final = frozenset(
    "tua tuo uwo wo muda mudo tengah tangah ngah kecil kecik ketek etek tek cik ciek sulung long lung bungsu usu su "
    "gadang gede de lik lek ageng alit anom".split()
)
"""The birth-order and size words of kinship compounds ("Mak Tuo", "Pak Cik", "Mak Etek", "Pakde", "Paklik")."""
_BOUNDARY: Final = re.compile(r"(?:^|[.!?:;,(\n—–\-][ \t]*|\n)$")


@cache
def _names() -> frozenset[str]:
    return gz.first_names("id") | gz.first_names("en") | gz.surnames() | gz.ambiguous_names()


def _is_title(word: str) -> bool:
    return word in HONORIFICS or word.title() in HONORIFICS


def _free(taken: SpanIndex, start: int, end: int) -> bool:
    """No detection in ``taken`` overlaps ``[start, end)`` (by bisection: a text of many mentions made a scan of
    them all quadratic, review27)."""
    return not taken.overlapping(start, end)


def given_kin_names(text: str, taken: SpanIndex) -> Iterator[Detection]:
    """PERSON for a kinship or honorific word given as a name (module doc), and its other mentions.

    A word is taken when a naming cue gives it (after up to two honorifics) and some mention of it follows
    another honorific with no capitalised word after it ("dipanggil Mama Ina", "panggilannyo X ... Kak X"): an
    honorific is said before a name, not before a kinship word. Titles of office ("Haji", "Bidan") and the
    modifiers of kinship compounds ("Mak Etek", "Pak Cik", "Mak Uwo") are no names."""
    cued: set[str] = set()
    for cue in NAMING_CUE.finditer(text):
        m = _AFTER_CUE.match(text, cue.end())
        if m is not None and _is_title(m.group("w")) and all(_is_title(h) for h in m.group("h").split()):
            cued.add(m.group("w"))
    cued = {w for w in cued if w not in _NOT_GIVEN and w.lower() not in _KIN_MODIFIERS}
    if not cued:
        return
    mentions = list(
        re.finditer(
            r"(?<![\w'’\-])(?:" + "|".join(map(re.escape, sorted(cued))) + r")(?![\w'’\-])(?![ \t]+[A-ZÀ-ÖØ-Þ])", text
        )
    )
    led = {m.group(0) for m in mentions if _led(text, m.start(), m.group(0))}
    for m in mentions:
        start, end = m.start(), m.end()
        if m.group(0) not in led or not _free(taken, start, end):
            continue
        before = text[max(0, start - 40) : start]
        if _led(text, start, m.group(0)) or _BOUNDARY.search(before) or NAMING_CUE.search(before[-30:] + " "):
            yield Detection(start, end, "PERSON", 0.8, "person.given_kin", m.group(0))


def _led(text: str, start: int, word: str) -> bool:
    """Whether another honorific stands right before ``word`` at ``start`` ("Kak Cici")."""
    lead = re.search(rf"(?<![\w'’\-])({_CAP})[ \t]+$", text[max(0, start - 20) : start])
    return lead is not None and lead.group(1) != word and _is_title(lead.group(1))


def alternative_names(text: str, found: Sequence[Detection], taken: SpanIndex) -> Iterator[Detection]:
    """PERSON for a second name joined to a name found right after a naming cue (module doc), and its mentions."""
    stop, places = gz.stop_caps(), gz.all_places()
    seconds: set[str] = set()
    for det in found:
        if det.type != "PERSON" or det.confidence < 0.75:
            continue
        head = text[max(0, det.start - 60) : det.start]
        ends = [cue.end() for cue in NAMING_CUE.finditer(head)]
        if not ends or ends[-1] < len(head) - 12:
            continue  # the cue must lead to this name ("manggil Wulan", "dipanggil Mama Ina")
        m = _OR.match(text, det.end)
        if m is None:
            continue
        word = m.group("w")
        if word in stop or word in places or _is_title(word) or len(word) < 3:
            continue
        seconds.add(word)
    if not seconds:
        return
    for m in re.finditer(r"(?<![\w'’\-@])(?:" + "|".join(map(re.escape, sorted(seconds))) + r")(?![\w'’\-@])", text):
        if _free(taken, m.start(), m.end()):
            yield Detection(m.start(), m.end(), "PERSON", 0.8, "person.alternative", m.group(0))


_SAY_CUE: Final = re.compile(
    r"(?<![\w'’\-])(?i:(?:every(?:one|body)|people|folks|friends|(?:most|some|many)[ \t]+people|urang|orang)"
    r"(?:[ \t]+(?:here|sini|di[ \t]+sini|at[ \t]+work|at[ \t]+home|di[ \t]+rumah|biaso|biasa|kampung))?"
    r"[ \t]+(?:says?|mangecek|manyabuik|nyebut|bilang)|"
    r"(?:nobody|no[ \t\-]one)\b[^.!?\n]{0,60}?\b(?:calls?|called|say|says)\b[^.!?\n]{0,30}?,[ \t]+it['’]s)"
    r"[ \t]+"
)
"""Cues that give a name the way people say it ("everybody says Wali", "urang mangecek Itik", "nobody calls me
that, it's Wombat"), besides :data:`NAMING_CUE`."""
_NICK: Final = re.compile(
    rf"[\"“‘']?(?P<w>{_CAP})[\"”’']?(?=[ \t]*(?:[.,;:!?)]|$)|[ \t]+(?i:atau|ato|or|for[ \t]+short|sejak|since)\b)",
    re.MULTILINE,
)
_ADDRESS_WORDS: Final = frozenset(
    "Ibu Bu Bapak Pak Kakak Kak Adik Dik Adek Dek Mama Papa Mbak Mas Abang Bang Om Tante Nenek Kakek Opa Oma Mami "
    "Papi Bunda Ayah Emak Mak Amak Apak Uni Uda Etek Mamak Bos Boss Sir Madam Miss Mum Mom Dad Mister Mummy Mommy "
    "Daddy Baba Auntie Aunty Uncle Granny Grandma Grandpa Nan Nana Gran Bro Sis Mate Love Dear Darling Honey Baby "
    "Me Him Her It That This The Them Dia Aku Saya Ambo Gue".split()
)
"""Words said to anyone of a kind ("anak-anak panggil saya Ibu", "they call me Uncle"), and pronouns: no name."""
_NICK_REACH: Final = 100
"""How far before the cue (on its line) the person's name must end: the cue gives that person a second name."""


def nicknames_after_names(text: str, found: Sequence[Detection], taken: SpanIndex) -> Iterator[Detection]:
    """PERSON for a one-word name a naming cue gives right after a person's name on the same line, whatever word
    it is ("Nama asli ambo Sekar Ayu Rahmadani, di rumah dipanggia Ayuk", "I'm Desislava Petrova, most people say
    Didi", "Saya Mursyid, orang sini panggil Babe"), and its other mentions led by an honorific or after a clause
    boundary. Nicknames are often kinship or ordinary words (``Ayuk``, ``Babe``, ``Wombat``), which every other
    pass declines; the name just given says whose nickname it is. Words said to anyone of a kind (``Ibu``,
    ``Uncle``), stop words and titles of office are none."""
    persons = sorted(
        (d.end, d.start)
        for d in found
        if d.type == "PERSON" and d.confidence >= 0.75 and not d.detector.startswith(("unknown.", "learned"))
    )
    if not persons:
        return
    stop = gz.stop_caps()
    ends = [e for e, _s in persons]
    words: dict[str, int] = {}
    for rx in (NAMING_CUE, _SAY_CUE):
        for cue in rx.finditer(text):
            m = _NICK.match(text, cue.end())
            if m is None:
                continue
            word = m.group("w")
            if word in _ADDRESS_WORDS or word in stop or word in _NOT_GIVEN or word.lower() in _KIN_MODIFIERS:
                continue
            i = bisect.bisect_right(ends, cue.start()) - 1
            if i < 0 or cue.start() - ends[i] > _NICK_REACH or "\n" in text[ends[i] : cue.start()]:
                continue  # no person named just before: "panggil aja Kakak", a nickname of no one said
            if text[persons[i][1] : ends[i]].split()[0] == word:
                continue
            words.setdefault(word, m.start("w"))
    yield from _with_mentions(text, words, taken, "person.nickname_given")


def _with_mentions(text: str, words: dict[str, int], taken: SpanIndex, detector: str) -> Iterator[Detection]:
    """PERSON for each word of ``words`` at its first start and at its other free mentions; a kinship or ordinary
    word's other mentions only where it stands as a name (after an honorific or a clause boundary, with no
    capitalised word after it)."""
    if not words:
        return
    ordinary = gz.ordinary_words()
    for m in re.finditer(r"(?<![\w'’\-@])(?:" + "|".join(map(re.escape, sorted(words))) + r")(?![\w'’\-@])", text):
        start, end, word = m.start(), m.end(), m.group(0)
        if not _free(taken, start, end):
            continue
        if start != words[word] and (_is_title(word) or word.lower() in ordinary):
            before = text[max(0, start - 40) : start]
            if not (_led(text, start, word) or _BOUNDARY.search(before)) or re.match(r"[ \t]+[A-ZÀ-ÖØ-Þ]", text[end:]):
                continue  # "Kak Cici", "Cici bilang": the name; "Cici Ling", "beli Cincin": another word
        det = Detection(start, end, "PERSON", 0.8, detector, word)
        taken.add(det)
        yield det


_SELF_NAMED: Final = re.compile(
    r"(?:^|(?<=[.!?,:;])|(?<=[.!?,:;][ \t]))[ \t]*(?:[Aa]ku|[Ss]aya|[Gg]ue|[Gg]ua|[Aa]mbo|[Ii]ni)[ \t]+"
    rf"(?P<w>{_CAP})(?=[ \t]*(?:[.,!?]|$))",
    re.MULTILINE,
)


def self_named(text: str, taken: SpanIndex) -> Iterator[Detection]:
    """PERSON for a one-word name a speaker gives themself at a clause's start and that ends the clause ("Peserta 1:
    Aku Juli.", "Halo, Kak. Ini Ranum.", "oke ya, aku Cici."), whatever word it is, and its other mentions as
    :func:`nicknames_after_names` does. The self-introduction detector stops at a kinship, month or ordinary word;
    at a clause's start and end with nothing else said, the word is the speaker's name. Places and peoples
    ("Saya Batak."), brands and apps, words said to anyone of a kind and titles are none."""
    stop, places, names = gz.stop_caps(), gz.all_places(), _names()
    folk, brands = gz.demonyms(), gz.brands()
    words: dict[str, int] = {}
    for m in _SELF_NAMED.finditer(text):
        word = m.group("w")
        if word in _ADDRESS_WORDS or word in _NOT_GIVEN or word.lower() in _KIN_MODIFIERS or len(word) < 3:
            continue
        month = _MONTH_NAMES.fullmatch(word) is not None and not m.group(0).strip().lower().startswith("ini")
        if not month and (word in stop or word in folk or word in brands or word in places and word not in names):
            continue  # ("Ini Mei, bulan depan": a month shown, not a name)
        if _free(taken, m.start("w"), m.end("w")):
            words.setdefault(word, m.start("w"))
    yield from _with_mentions(text, words, taken, "person.self_named")


_MONTH_NAMES: Final = re.compile(r"Juni|Juli|April|Mei")
"""Months that are given names too: at a self-introduction's end ("Aku Juli.") the name."""


def given_names(text: str, found: Sequence[Detection]) -> list[Detection]:
    """``found`` with :func:`given_kin_names`, :func:`alternative_names`, :func:`nicknames_after_names` and
    :func:`self_named` added where nothing covers them."""
    out = sorted(found, key=lambda d: (d.start, d.end))
    taken = SpanIndex(out)
    added = list(given_kin_names(text, taken))
    for det in added:
        taken.add(det)
    seconds = list(alternative_names(text, out, taken))
    for det in seconds:
        taken.add(det)
    added += seconds
    added += nicknames_after_names(text, out, taken)
    added += self_named(text, taken)
    if not added:
        return out
    return sorted(out + added, key=lambda d: (d.start, d.end))
