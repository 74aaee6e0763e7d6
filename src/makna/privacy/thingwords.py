"""Spans of speech that look like identifiers and name a thing, a time or a role (issue #11).

Read by the late filter (:mod:`makna.privacy.lookalikes`), by shape and context, never by a corpus string:

- a clock time taken for an address ("at 6 a.m", "9 p.m");
- a speaker label referred to in speech ("mulai dari Peserta 1", "Menanggapi Peserta 1"): a role and its
  number, or a role word with a number after it; an abbreviation or a word the text defines ("Inf = informan",
  "Mzee is what we call an elder");
- a capitalised word opening a sentence that carries a possessive suffix on an Indonesian word ("Temenku, Rini,
  yang ngajarin", "Kawanku"), or the Minang "ba-" before a demonstrative ("Baitu ambo sabuik": "like that"), or
  the Minang "-nyo" on a word said with a final "o" for "a" ("Kironyo": "kiranya"), taken for a name or a place,
  and a Minang word that only a capital-letter guess took for a name ("Kato Amak", "Umua ambo", "bulan Puaso");
  a known first name stays;
- an acronym of a thing taken for an organisation: a document, an appliance or a card handled in the same text
  ("pasang AC", "bengkel AC", "foto KTP", "NI number", "NIK jo KTP", "NIK 1371..."): an organisation is worked
  for, a thing is handled.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from . import gazetteers as gz
from .types import Detection

__all__ = ["names_a_thing"]

_CLOCK: Final = re.compile(r"\d{1,2}(?:[.:]\d{2})? ?(?i:[ap]\.? ?m)\.?")
_ROLES: Final = frozenset(
    "peserta participant informan narasumber responden respondent interviewee speaker pembicara partisipan".split()
)
_ROLE_NUMBER: Final = re.compile(r"(\w+) ?\d{1,2}")
_NUMBER_AFTER: Final = re.compile(r" ?\d{1,2}\b")
_OPENERS: Final = frozenset(".!?:;\"“‘'(…-–—)]")
_SUFFIXES: Final = ("nyo", "nya", "ku", "mu")
_DEMONSTRATIVES: Final = frozenset({"itu", "iko", "tu", "ko", "nan"})
_ACRONYM: Final = re.compile(r"[A-Z]{2,5}")
_HANDLE_BEFORE: Final = (
    r"(?:pasang|masang|cuci|nyuci|servis|service|perbaiki|benerin|ganti|beli|bali|jual|bawa|foto|fotokopi|scan|urus"
    r"|perpanjang|bikin|buat|isi|hidupkan|matikan|nyalakan|tunjukkan|tunjuak|tunjuk|minta|kasih|pinjam|hilang"
    r"|bengkel|tukang|nomor|nomer|kartu|fix|fixed|renew|renewed)"
)
"""A verb or noun of handling a thing, right before it ("pasang AC", "bengkel AC", "foto KTP"); never a possessive
("my", "saya"): a person's bank or employer is owned too ("rekening BCA saya", "my HSBC account")."""
_HANDLE_AFTER: Final = r"(?:number|card|nomor|kartu)"
_CONJ: Final = r"(?: (?i:dan|jo|sama|samo|atau|and|or|&)|,)"


def _opens_sentence(scan: str, start: int) -> bool:
    line = scan.rfind("\n", 0, start) + 1
    before = scan[line:start].rstrip()
    return not before or before[-1] in _OPENERS


def _clock(det: Detection) -> bool:
    return det.type in {"ADDRESS", "LOCATION", "AGE"} and _CLOCK.fullmatch(det.text) is not None


def _role_in_speech(scan: str, det: Detection) -> bool:
    """A role and its number ("Peserta 1"), or a role word with a number after it, typed a name or a place."""
    if det.type not in {"LOCATION", "PERSON", "ORG"}:
        return False
    m = _ROLE_NUMBER.fullmatch(det.text)
    if m is not None:
        return m.group(1).lower() in _ROLES
    return det.text.lower() in _ROLES and _NUMBER_AFTER.match(scan, det.end) is not None


def _indonesian_word(word: str) -> bool:
    return word in gz.dictionary_words() or word in gz.colloquial()


def _speech_opener(scan: str, det: Detection) -> bool:
    """A sentence-opening word of speech: a possessive suffix on an Indonesian word, "ba-" before a demonstrative,
    a Minang "-nyo" word (a known first name stays: "Sonya", "Tanya")."""
    word = det.text
    if det.type not in {"LOCATION", "PERSON"} or " " in word or not word.isalpha() or len(word) < 5:
        return False
    if word in gz.first_names("id") or word in gz.surnames() or not _opens_sentence(scan, det.start):
        return False
    low = word.lower()
    if low.startswith("ba") and low[2:] in _DEMONSTRATIVES:
        return True  # "Baitu", "Baiko": Minang "like that", "like this"
    for suffix in _SUFFIXES:
        stem = low[: -len(suffix)]
        if low.endswith(suffix) and len(stem) >= 3:
            if _indonesian_word(stem) or (stem.endswith("o") and _indonesian_word(stem[:-1] + "a")):
                return True  # "Kawanku", "Adiknyo", "Kironyo" (Minang "kiro" for "kira")
            if re.match(r", [A-Z]", scan[det.end : det.end + 3]) and suffix in {"ku", "mu"}:
                return True  # "Temenku, Rini, ...": a possessive word before the name it introduces
    return False


_MINANG_FINALS: Final = (
    ("uik", "ut"),
    ("ek", "at"),
    ("ua", "ur"),
    ("ia", "ar"),
    ("ia", "ir"),
    ("uah", "uh"),
    ("iah", "ih"),
    ("o", "a"),
)
"""Minang final syllables and the Indonesian ones they stand for ("kato" kata, "umua" umur, "bayia" bayar, "dapek"
dapat, "jauah" jauh, "putiah" putih, "ikuik" ikut)."""
_GUESSES: Final = ("unknown.", "learned")


def _minang_word(word: str) -> bool:
    """Whether ``word`` (lower case) is the Minang form of an Indonesian dictionary word."""
    return any(
        word.endswith(minang) and word[: -len(minang)] + indonesian in gz.dictionary_words()
        for minang, indonesian in _MINANG_FINALS
    )


def _minang_opener(scan: str, det: Detection) -> bool:
    """A Minang word opening a sentence, or a month after "bulan", that only a capital-letter guess took for a name
    ("Kato Amak, ...", "Umua ambo ...", "bulan Puaso"); a word any name or place list knows stays."""
    word = det.text
    if det.type not in {"PERSON", "LOCATION"} or not det.detector.startswith(_GUESSES) or not word.isalpha():
        return False
    if word in gz.first_names("id") or word in gz.surnames() or word in gz.all_places() or len(word) < 4:
        return False
    if word in gz.ambiguous_names() or not (_opens_sentence(scan, det.start) or scan[: det.start].endswith("bulan ")):
        return False
    return _minang_word(word.lower())


def _handled_acronym(scan: str, det: Detection) -> bool:
    """An acronym guessed an organisation that the same text handles as a thing."""
    word = det.text
    if det.type != "ORG" or _ACRONYM.fullmatch(word) is None:
        return False
    w = re.escape(word)
    stops = _document_acronyms()
    pattern = (
        rf"(?i:\b{_HANDLE_BEFORE}) {w}\b|\b{w}(?:-| )(?i:{_HANDLE_AFTER})\b|\b{w}:? \d[\d .-]{{7,}}\d"
        rf"|\b{w}{_CONJ} (?:{stops})\b|\b(?:{stops}){_CONJ} {w}\b"
    )
    return re.search(pattern, scan) is not None


@cache
def _document_acronyms() -> str:
    """The acronyms of the stop list (documents, cards, public services: "KTP", "BPJS"), as one alternation."""
    return "|".join(sorted(re.escape(s) for s in gz.stop_caps() if _ACRONYM.fullmatch(s)))


_DEFINED: Final = re.compile(r" ?= ?[a-z]| (?:is|was) what (?:we|they|you|people) call (?:an?|the|our|my|your) [a-z]")
"""A word being defined as a kind of person, not a name: "Inf = informan", "(Mzee is what we call an elder)"; not
a name explained ("Rahayu itu artinya selamat", "Bella is what we call her")."""


def _defined_label(scan: str, det: Detection) -> bool:
    """An abbreviation or a word the text defines ("Inf = informan", "Mzee is what we call ..."), typed a name."""
    return det.type in {"PERSON", "LOCATION", "ORG"} and " " not in det.text and bool(_DEFINED.match(scan, det.end))


def names_a_thing(scan: str, det: Detection) -> bool:
    """Whether ``det`` names a clock time, a role in speech or a defined label, a word of speech or a handled
    thing."""
    return (
        _clock(det)
        or _role_in_speech(scan, det)
        or _defined_label(scan, det)
        or _speech_opener(scan, det)
        or _minang_opener(scan, det)
        or _handled_acronym(scan, det)
    )
