"""Peoples and ethnic groups named as someone's origin, which no detector should count as a place or a name
(issue #11).

Indonesian names a person's people after "urang"/"orang"/"wong" ("urang Karo", "orang Nias", "urang Cino",
"urang Batak Toba") or after "suku"/"etnis"/"keturunan"/"bangsa" ("suku Bugis", "keturunan Arab"); English
before a person noun ("a Yoruba man", "the Kurdish cab driver") or in the plural ("Tamils"), and a country's
adjective before a noun ("a Sri Lankan guy", "a Philippine passport"). The annotation
conventions never count a people: it is an origin, not an identifier. A place list that holds the same word (the
regency of Karo, the island of Nias) made such a mention a LOCATION.

"orang dari Nias", "asal Nias", "tinggal di Nias" stay places: only the cue word right before the span counts.
After "urang"/"orang"/"wong", which also name where one is from ("urang Pariaman"), a province or a city of the
same name stays a place ("orang Aceh", "orang Ambon": the writers annotate them); after "suku", "etnis",
"keturunan", "bangsa" a people is meant whatever else the word names. The names come from ``data/ethnonyms.txt``
(built from the Unicode CLDR and makna's ethnic groups by ``data/build_ethnonyms.py``) and the nationality words
of ``data/demonyms.txt``.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Final

from . import gazetteers as gz
from ._text import HONORIFICS
from .regions import places_in
from .types import Detection

__all__ = ["ethnonyms", "names_a_people"]

_TYPES: Final = frozenset({"LOCATION", "PERSON", "ORG"})
_STRONG: Final = re.compile(
    r"\b(?:[Ss]uku|SUKU|[Ee]tni[sk]|[Kk]eturunan|[Bb]angsa|[Kk]aum)(?:[ -](?:bangsa|asli|asal))? $"
)
"""A word that names a people whatever follows ("suku Bugis", "keturunan Arab", "bangsa Tamil")."""
_FROM: Final = re.compile(r"\b(?:[Uu]rang|[Oo]rang|[Ww]ong|URANG|ORANG)(?:-(?:urang|orang))? $")
"""A word that names a people or where one is from ("urang Karo", "urang Pariaman")."""
_PERSON_NOUN: Final = re.compile(
    r" (?:man|men|woman|women|guy|guys|lad|lads|bloke|blokes|lady|ladies|girl|girls|boy|boys"
    r"|community|communities|grandmother|grandfather|grandma|grandad|granny|auntie|uncle|mum|dad|kid|kids"
    r"|people|folk|rider|riders|driver|drivers|customer|customers|neighbour|neighbours|landlord|landlady"
    r"|cab driver|taxi driver|shopkeeper|friend|friends|mate|mates)\b"
)
"""A person noun after a people's name ("a Yoruba man", "the Kurdish cab driver"); never "family" or "couple",
which follow a surname as often ("the Torres family")."""
_ARTICLE: Final = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Tt]wo|[Tt]hree|[Ss]ome|[Mm]y|[Oo]ur|[Tt]his|[Tt]hat) $")


@cache
def ethnonyms() -> frozenset[str]:
    """Names of peoples, whole and word by word (``data/ethnonyms.txt``), with the nationality words."""
    text = (resources.files("makna.privacy") / "data" / "ethnonyms.txt").read_text(encoding="utf-8")
    return frozenset(w for w in map(str.strip, text.splitlines()) if w and not w.startswith("#")) | gz.demonyms()


@cache
def _provinces_and_cities() -> frozenset[str]:
    """Indonesian provinces and cities (:func:`makna.privacy.regions.places_in`): after "orang" they are where one
    is from."""
    return frozenset(places_in(None, ("province", "city")))


_PLACE_WORDS: Final = frozenset("di ke dari asal tinggal lahir from in to at near via of".split())
"""Words before a place: a span after them is a place, whatever its ending."""
_NOUN_AFTER: Final = re.compile(r" (?:[a-z]+|[A-Z]{2,5})\b")
"""A lower-case word or an acronym after a span: the span is an adjective before a noun ("Sri Lankan ID")."""


def _country_adjective(text: str) -> bool:
    """Whether ``text`` is the adjective of a country's name ("Sri Lankan", "Philippine", "Canadian", "Chilean"):
    the country's name with "-n", "-an", "-ian" or "-s" changed (a first name stays: "Jordan")."""
    if _a_name(text) or len(text) < 5:
        return False
    countries = gz.countries()
    if text.endswith("ian"):
        return text[:-3] in countries or text[:-3] + "a" in countries or text[:-1] in countries  # Brazil, Canada
    if text.endswith("an"):
        return text[:-1] in countries or text[:-2] in countries  # Sri Lanka, Kenya; Chile
    return text.endswith("ine") and text + "s" in countries  # the Philippines


def _a_name(word: str) -> bool:
    """Whether ``word`` is a listed first name (either language) or surname: "Karen", "Torres", "Luo"."""
    return word in gz.first_names("en") or word in gz.first_names("id") or word in gz.surnames()


def _all_peoples(text: str) -> bool:
    peoples = ethnonyms()
    return text in peoples or all(w in peoples for w in text.split())


def _after_a_people(scan: str, start: int) -> bool:
    """Whether a cue and a people's name stand right before ``start`` ("urang Batak " before "Toba")."""
    m = re.search(r"([A-Z][\w'-]+) $", scan[max(0, start - 40) : start])
    if m is None or m.group(1) not in ethnonyms():
        return False
    before = scan[max(0, start - 40) : start - len(m.group(0))]
    return bool(_FROM.search(before) or _STRONG.search(before))


def names_a_people(scan: str, det: Detection) -> bool:
    """Whether ``det`` (a person, place or organisation) is a people named as someone's origin."""
    if det.type not in _TYPES:
        return False
    text = det.text
    window = scan[max(0, det.start - 24) : det.start]
    if _STRONG.search(window):
        return _all_peoples(text) or text in gz.countries()
    if _FROM.search(window):
        return _all_peoples(text) and text not in _provinces_and_cities()
    if _all_peoples(text) and _after_a_people(scan, det.start):
        return True  # "urang Batak [Toba]": the rest of a people's name after its cue and first word
    prev = window.rstrip().rsplit(" ", 1)[-1]
    if prev in HONORIFICS:
        return False  # "Mr Tamil", "Bu Jawa": an address before a name
    if _country_adjective(text) and _NOUN_AFTER.match(scan, det.end) and prev.lower() not in _PLACE_WORDS:
        return True  # "a Sri Lankan guy", "a Philippine passport", "my old Sri Lankan ID"
    if " " in text:
        return False
    if _a_name(text):
        return False  # "the Torres family", "Karen": a name before an English noun
    if text.endswith("s") and text[:-1] in ethnonyms() and not _a_name(text[:-1]):
        return True  # "Tamils", "Yorubas"
    return bool(text in ethnonyms() and _ARTICLE.search(window) and _PERSON_NOUN.match(scan, det.end))
