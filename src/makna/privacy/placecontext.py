"""Places that the place lists know but their ordinary look-up leaves out, found by the words around them (#11).

* **a listed place that is also an ordinary word**, capitalised mid-sentence after a place preposition or a
  verb of moving (``tinggal di Sambit``, ``diantaan ka Rawang``, ``asli Palu``): the gazetteer look-up
  leaves an ordinary word out unless its type word comes with it; after a place preposition a capitalised
  word that a place list holds is that place (0.5, review; a type word or an office alone is none: ``ke
  Kantor``, ``lapor ke Lurah``);
* **foreign places in English text whose first word is an Indonesian word** (``Wan Chai``, ``Jombang``,
  ``Laguna``): the world list drops them because they would be false alarms in Indonesian
  transcripts; in English text, where the word is no ordinary English word, they are places again;
* **Minang and Indonesian place prepositions** the general rule lacks (``ka``, ``dakek``, ``pai ka``,
  ``lahia di``), before an unknown capitalised word: a place (0.45, as after ``di``);
* **a town named like a person after a phrase of going or being somewhere** (``out to Tyler``, ``over at
  Lara``): a place when a place list holds it;
* **a place after an address or a place and a comma** (``Blok C No. 8, Tabing,``, ``Kos Mawar Biru,
  Lambung.``): a capitalised word that no first-name list knows, closing its
  clause (a town or district after the street, as addresses are written).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Final

from . import gazetteers as gz
from ._fastrx import dispatch, gated_finditer, trigger
from ._text import HONORIFICS, OFFICE_TITLES, CapRun, is_sentence_initial, line_before, occupied, run_tokens
from .places import LOCATION_TYPE_WORDS, ORG_TYPE_WORDS
from .types import Detection

__all__ = ["find_shaped_places", "find_word_places", "places_after_addresses"]

_PREP_BEFORE: Final = re.compile(
    r"(?:^|[^\w'’\-])(?i:di|ke|ka|dari|asal|asli|dakek|dekat|deket|daerah|kawasan|sekitar|arah|"
    r"in|to|from|near|outside|around|across|towards|via|into|through|past|below|above)[ \t]+$"
)
"""A place preposition right before a word (one line): ``tinggal di``, ``diantaan ka``, ``out to``."""
_GOING_BEFORE: Final = re.compile(r"\b(?i:out|over|down|up|round|across|back)[ \t]+(?i:to|at|in|past|by|near)[ \t]+$")
"""``out to``, ``over at``, ``down in``, ``out past``: being or going somewhere, never a person's side."""
_NOT_AFTER: Final = re.compile(r"['’]s\b|[ \t]+(?:and|&)[ \t]+[A-Z]")
"""``in Tyler's car``, ``to Tyler and Ana``: a person's."""
_LIST_END: Final = re.compile(r"[ \t]*(?:[,.;:!?)\n]|$|[ \t]+(?:side|area|way)\b)")
_COMMA_RUN: Final = re.compile(
    r",[ \t]+(?P<n>[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’\-]+(?:[ \t]+[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’\-]+)?)(?![\w'’\-@])"
)
_TYPE_START: Final = frozenset(
    "Jl Jln Jalan Gang Gg Lorong Blok Block Flat Unit Apt Suite Room Kamar Lot Tower Building Floor Lantai "
    "Lingkungan Dusun Kompleks Komplek Perumahan RT RW".split()
)
"""Words of an address's own parts: the address goes on, no town follows yet."""


@cache
def _not_places() -> frozenset[str]:
    """Capitalised words that a place list may hold but that name a kind of place or an office after a
    preposition (``ke Kantor``, ``lapor ke Lurah``): a type word alone or an office is no place's name."""
    types = {w.split()[0].rstrip(".") for w in LOCATION_TYPE_WORDS + ORG_TYPE_WORDS}
    extra = {"Rumah", "Kantor", "Kampus", "Sekolah"} | _PREFIXES
    return frozenset(types | OFFICE_TITLES | HONORIFICS | gz.stop_caps() | extra)


_PREFIXES: Final = frozenset(
    "Santa Santo San Sao São St St. Saint Port Fort Mount Mt Mt. Cape Lake Point Bayou Loch Lough Glen".split()
)
"""A saint's or a place word before a name ("Santa Cruz", "Port Daniel"): the person and neighbour rules type
those already."""


@cache
def _listed() -> frozenset[str]:
    return gz.all_places() | gz.places_world_dropped()


def _ordinary(word: str, language: str) -> bool:
    low = word.lower()
    if language == "en":
        return low in gz.english_words()
    return low in gz.dictionary_words() or low in gz.colloquial()


@cache
def _firsts() -> frozenset[str]:
    """The first word of every listed place: a run starting with another word is passed over at once."""
    return frozenset(name.split(" ", 1)[0] for name in _listed())


_MINANG_CUE: Final = re.compile(
    dispatch(
        ["ka", "dakek", "pai[ \t]+ka", "pulang[ \t]+ka", "lahia[ \t]+di", "tingga[ \t]+di", "karajo[ \t]+di"],
        fold=True,
        not_after=r"\w'’\-",
    )
    + r"[ \t]+(?P<p>[A-ZÀ-ÖØ-Þ][\w'’\-]*(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w'’\-]*){0,2})(?![\w'’\-])"
)
"""A Minang preposition and up to three capitalised words after it."""


_PREP_WORDS: Final = frozenset(
    "di ke ka dari asal asli dakek dekat deket daerah kawasan sekitar arah in to from near outside around across "
    "towards via into through past below above".split()
)
"""The words of :data:`_PREP_BEFORE`, for a set look-up of the word before a run."""
_GOING_LAST: Final = frozenset("to at in past by near".split())
_GOING_FIRST: Final = frozenset("out over down up round across back".split())


def _word_before(text: str, index: int) -> str:
    """The word (lower case) right before ``index`` with blanks between, or "" (a line start, punctuation)."""
    j = index
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    if j == index or j == 0:
        return ""
    k = j
    while k > 0 and j - k < 12 and (text[k - 1].isalpha() or text[k - 1] in "'’-"):
        k -= 1
    if k > 0 and not text[k - 1].isspace() and text[k - 1] not in '("“':
        return ""
    return text[k:j].lower()


@cache
def _dropped_firsts() -> frozenset[str]:
    return frozenset(name.split(" ", 1)[0] for name in gz.places_world_dropped())


def find_word_places(text: str, language: str, runs: Sequence[CapRun]) -> Iterator[Detection]:
    """LOCATIONs the gazetteer leaves out: listed places that are ordinary words, after a preposition; foreign
    places with an Indonesian first word in English text; unknown words after a Minang preposition; a listed
    town named like a person after ``out to``/``over at``.

    Only runs starting like a listed place are read, and of those only the ones after a preposition (or, in
    English text, starting like a dropped world place)."""
    listed, dropped, firsts = _listed(), gz.places_world_dropped(), _firsts()
    names, not_places = gz.first_names(language), _not_places()
    dropped_firsts = _dropped_firsts() if language == "en" else frozenset()
    for run in runs:
        start, first = run[0], run[2].split(None, 1)[0]
        if first not in firsts or first in not_places:
            continue
        prev = _word_before(text, start)
        prep = prev in _PREP_WORDS
        going = prev in _GOING_LAST and _word_before(text, start - len(prev) - 1) in _GOING_FIRST
        if not (prep or going or first in dropped_firsts) or is_sentence_initial(text, start):
            continue
        toks = run_tokens(run)
        for n in range(min(3, len(toks)), 0, -1):
            phrase = " ".join(t[2] for t in toks[:n])
            end = toks[n - 1][1]
            if phrase not in listed:
                continue
            if _NOT_AFTER.match(text, end):
                break
            if language == "en" and phrase in dropped and (n > 1 or not _ordinary(first, "en")):
                conf = 0.75 if prep or n > 1 else 0.5
            elif n == 1 and first in names:
                conf = 0.82 if going else 0.0
            elif prep and _ordinary(first, language):
                conf = 0.5
            else:
                conf = 0.0
            if conf:
                yield Detection(start, end, "LOCATION", conf, "location.word_place", text[start:end])
            break
    if language == "en":
        return
    for m in _MINANG_CUE.finditer(text):
        place = m.group("p")
        first = place.split()[0]
        if first in names or first in not_places or first in listed or _ordinary(first, language):
            continue  # (a listed place is the gazetteer's or the rule above's)
        if any(c.isdigit() for c in first) or first.isupper():
            continue  # an amount; an acronym after "ka" names a body ("ka LBH ..."), left to the organisation rules
        yield Detection(m.start("p"), m.end("p"), "LOCATION", 0.45, "location.preposition", place)


_WORD = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’\-]+"
_MINANG_PLACE: Final = re.compile(
    dispatch(
        "Lubuk Koto Batang Ulu Tanjuang Aia Bukik Parak Kampuang Gunuang Labuah Pasa Balai Muaro Kapalo Limau".split(),
        not_after=r"\w'’\-",
    )
    + rf"(?:[ \t]+{_WORD}){{1,3}}"
)
"""Minang and Malay place words before a name: ``Batang Sikabu``, ``Koto Tuo``, ``Parak Laweh`` (a river, a pool,
a town, a hill, a field: the name of a place, as a type word makes one)."""
_EN_COMPASS: Final = re.compile(
    dispatch("North South East West Upper Lower Greater".split(), not_after=r"\w'’\-")
    + rf"[ \t]+{_WORD}(?:[ \t]+{_WORD})?(?![\w'’\-])"
)
_DISTRICT_WORDS = ("Quarter", "District", "Sands", "Ward", "Borough", "Precinct", "Industrial Area")
_EN_DISTRICT: Final = re.compile(
    rf"(?<![\w'’\-]){_WORD}(?:[ \t]+{_WORD})?[ \t]+"
    r"(?:Quarter|District|Sands|Ward|Borough|Precinct|Industrial[ \t]+Area)(?![\w'’\-])"
)
_DISTRICT_GATE: Final = trigger(list(_DISTRICT_WORDS))
"""English place shapes: a compass word before a name (``North Ealing``), a district's word after one
(``Marigold Quarter``, ``Upper Ward``); after a place preposition."""


def find_shaped_places(text: str, language: str) -> Iterator[Detection]:
    """Places by a Minang or Malay place word before the name (Indonesian text), or by an English compass or
    district word after a place preposition (English text)."""
    stop = gz.stop_caps() | HONORIFICS
    if language != "en":
        for m in _MINANG_PLACE.finditer(text):
            words = m.group(0).split()
            keep = 1
            while keep < len(words) and words[keep] not in stop and words[keep] not in _TYPE_START:
                keep += 1
            if keep < 2:
                continue
            end = m.start() + [w.end() for w in re.finditer(r"\S+", m.group(0))][keep - 1]  # any blanks between
            yield Detection(m.start(), end, "LOCATION", 0.6, "location.minang", text[m.start() : end])
        return
    shaped = [*_EN_COMPASS.finditer(text), *gated_finditer(_EN_DISTRICT, _DISTRICT_GATE, text)]
    for m in shaped:
        if any(w in stop for w in m.group(0).split()[1:]):
            continue
        before = line_before(text, m.start(), 30)
        if _PREP_BEFORE.search(before) or _GOING_BEFORE.search(before):
            yield Detection(m.start(), m.end(), "LOCATION", 0.65, "location.shaped", m.group(0))


def places_after_addresses(text: str, found: Sequence[Detection], language: str) -> Iterator[Detection]:
    """A capitalised word or two after an ADDRESS or a typed LOCATION and a comma, closing its clause: the town
    or district of that address (``Blok C No. 8, Tabing,``; ``Kos Mawar Biru, Lambung.``)."""
    sure = occupied(len(text), (d for d in found if not d.detector.startswith("unknown.")))  # not a guess's
    names, stop = gz.first_names(language), gz.stop_caps()
    for det in found:
        if det.type != "ADDRESS" and not (det.type == "LOCATION" and det.detector == "location.cue"):
            continue
        m = _COMMA_RUN.match(text, det.end)
        if m is None or sure.find(1, m.start("n"), m.end("n")) >= 0:
            continue  # another detector's (not the catch-all's guess)
        if not _LIST_END.match(text, m.end("n")):
            continue
        words = m.group("n").split()
        if any(w in names or w in stop or w in HONORIFICS or w in _TYPE_START for w in words):
            continue
        if len(words) == 1 and _ordinary(words[0], language) and m.group("n") not in _listed():
            if language == "en" or det.type != "LOCATION":
                continue
        yield Detection(m.start("n"), m.end("n"), "LOCATION", 0.55, "location.after_place", m.group("n"))
