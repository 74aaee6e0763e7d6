"""Spans of speech that look like identifiers and name a thing, a time or a role (issue #11).

Read by the late filter (:mod:`makna.privacy.lookalikes`), by shape and context, never by a corpus string:

- a clock time taken for an address ("at 6 a.m", "9 p.m");
- a speaker label referred to in speech ("mulai dari Peserta 1", "Menanggapi Peserta 1"): a role and its
  number, or a role word with a number after it; a code the text's legend defines as an interview role ("PW =
  pewawancara", "R2 = responden", :func:`makna.privacy.legend.read_legend`; a name defined as anything else
  stays: "Dewi = istri informan", and so does a name standing as a code: "Sari = informan");
- a capitalised word opening a sentence that carries a possessive suffix on an Indonesian word ("Temenku, Rini,
  yang ngajarin", "Kawanku"), or the Minang "ba-" before a demonstrative ("Baitu ambo sabuik": "like that"), or
  the Minang "-nyo" on a word said with a final "o" for "a" ("Kironyo": "kiranya"), taken for a name or a place,
  and a Minang word that only a capital-letter guess took for a name ("Kato urang", "Umua ambo", "bulan Puaso");
  a known first name stays;
- an acronym of a thing taken for an organisation: a document, an appliance or a card handled by the words next to
  it ("pasang AC", "servis AC", "foto KTP", "NI number", "NIK jo KTP", "NIK 1371..."): an organisation is worked
  for, a thing is handled; an acronym a workplace cue names anywhere in the text ("kerja di PLN") stays.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from . import gazetteers as gz
from ._fastrx import Folded, gated_finditer
from .legend import labels_turns, read_legend
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
_THINGS: Final = frozenset(
    "KTP KK NIK SIM NPWP STNK BPKB BPJS KIS KIP PIN ATM AC TV HP CCTV NI MOT DBS BRP UTR".split()
)
"""Acronyms of documents, cards, numbers and appliances ("KTP", "NIK", "AC", "NI number", "MOT"): generic
vocabulary of Indonesian and UK paperwork, never a firm's name. Only these count as handled after a noun that also
names a place of work, a shop or an owner (``_THING_BEFORE``, "number", "card") or before a long number."""
_HANDLE_BEFORE: Final = re.compile(
    r"(?i:pasang|masang|cuci|nyuci|perbaiki|benerin|foto|fotokopi|scan|perpanjang|hidupkan|matikan|nyalakan|renew"
    r"|renewed) $"
)
"""A verb of handling a thing, right before it ("pasang AC", "foto KTP", "renew the ..."); never a possessive
("my", "saya"): a person's bank or employer is owned too ("rekening BCA saya", "my HSBC account")."""
_THING_BEFORE: Final = re.compile(
    r"(?i:nomor|nomer|kartu|buat|tukang|bengkel|servis|service|fix|fixed|ganti|beli|bali|jual|bawa|isi|urus|bikin"
    r"|tunjukkan|tunjuak|tunjuk|minta|kasih|pinjam|hilang) $"
)
"""Words that handle a thing but also name a workplace, a shop or a firm dealt with ("buat JNT", "tukang PLN",
"beli ACE", "bengkel" of a brand): they count only before a document or appliance acronym ("servis AC")."""
_THING_AFTER: Final = re.compile(r"(?:-| )(?i:number|card|nomor|kartu)\b|:? \d[\d .-]{7,}\d")
_WORK_ID: Final = ("kerja", "bekerja", "karyawan", "pegawai", "staf")
_WORK_EN: Final = ("work", "works", "worked", "working", "job", "jobs")
_WORKPLACE: Final = re.compile(
    rf"(?i:\b(?:{'|'.join(_WORK_ID)})(?: (?:di|buat|untuk|sama|ikut))?"
    rf"|\b(?:{'|'.join(_WORK_EN)})(?: (?:at|for|with))(?: the)?)"
    r" ([A-Z]{2,5})\b"
)
"""A workplace cue before an acronym ("kerja di PLN", "kerja buat JNT", "karyawan BRI", "worked for the BBC"): any
mention of that acronym in the text is then an organisation."""
_WORKPLACE_LINES: Final = Folded(_WORK_ID + _WORK_EN, _WORKPLACE)
"""The lines :data:`_WORKPLACE` is run on (:func:`._fastrx.gated_finditer`): those where a word starts with one of
its work words (the shared word-start pass). The pattern, led by ``\\b`` and a case-folded alternation, is tried at
every position of a text (about 0.18 s a pass over the open interviews against 0.04 s gated). Exact: every match
starts with such a word after a character that is not ``\\w`` and holds no newline."""
_CONJ: Final = r"(?: (?i:dan|jo|sama|samo|atau|and|or|&)|,)"
_JOINED_AFTER: Final = re.compile(_CONJ + r" ([A-Z]{2,5})\b")
_JOINED_BEFORE: Final = re.compile(r"\b([A-Z]{2,5})" + _CONJ + r" $")


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
    ("Kato urang, ...", "Umua ambo ...", "bulan Puaso"); a word any name or place list knows stays."""
    word = det.text
    if det.type not in {"PERSON", "LOCATION"} or not det.detector.startswith(_GUESSES) or not word.isalpha():
        return False
    if word in gz.first_names("id") or word in gz.surnames() or word in gz.all_places() or len(word) < 4:
        return False
    if word in gz.ambiguous_names() or not (_opens_sentence(scan, det.start) or scan.endswith("bulan ", 0, det.start)):
        return False
    return _minang_word(word.lower())


@lru_cache(maxsize=4)
def _workplaces(scan: str) -> frozenset[str]:
    """The acronyms a workplace cue names anywhere in ``scan`` (found once per text)."""
    return frozenset(m.group(1) for m in gated_finditer(_WORKPLACE, _WORKPLACE_LINES, scan))


def _handled_acronym(scan: str, det: Detection) -> bool:
    """An acronym guessed an organisation that the words next to it handle as a thing, and no workplace cue in the
    text names."""
    word = det.text
    if det.type != "ORG" or _ACRONYM.fullmatch(word) is None or word in _workplaces(scan):
        return False
    before = scan[max(0, det.start - 16) : det.start]
    if _HANDLE_BEFORE.search(before):
        return True
    thing = word in _THINGS
    if thing and (_THING_BEFORE.search(before) or _THING_AFTER.match(scan, det.end)):
        return True  # "nomor NIK", "servis AC", "NI number", "NIK 1371 ..."
    # joined to a document acronym: "NIK jo KTP", "KK dan KTP"
    after = _JOINED_AFTER.match(scan, det.end)
    joined_before = _JOINED_BEFORE.search(scan, max(0, det.start - 12), det.start)
    return bool(
        (after is not None and after.group(1) in _THINGS)
        or (joined_before is not None and joined_before.group(1) in _THINGS)
    )


def _defined_label(scan: str, det: Detection) -> bool:
    """A code the legend of the text defines as an interview role ("PW = pewawancara"), typed a name
    (:func:`makna.privacy.legend.read_legend`): in capitals, or a short code that also opens a line before a
    colon ("Int:"); a short word the text never uses as a label ("Catatan: Dul = informan") may be a name."""
    return det.type in {"PERSON", "LOCATION", "ORG"} and any(
        e.is_code
        and e.code_start == det.start
        and e.code_end == det.end
        and (e.code.rstrip("0123456789").isupper() or labels_turns(scan, e.code))
        for e in read_legend(scan).entries
    )


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
