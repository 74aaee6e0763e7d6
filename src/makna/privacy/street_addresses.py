"""Street-address shapes (ADDRESS) and the capitalised-token patterns the place detectors share.

``Jl./Jalan/Gang ... No. 12, RT 01/RW 06``, ``Blok C No. 4``, ``Flat 3, 48 Halberd Road``, cued postcodes; a
street without a house number is a LOCATION (the corpus convention); the place named right after an address
is a separate LOCATION. Split from :mod:`makna.privacy.places`, which re-exports :func:`find_addresses`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from . import gazetteers as gz
from ._fastrx import dispatch, gated_finditer, split_top, trigger
from ._leadset import lead_set
from ._text import HONORIFICS, is_sentence_initial
from .types import Detection

__all__ = ["CAP", "CAP_AT_WORD", "EN_STREET", "NAME_TOKEN", "STREET_WORDS", "find_addresses"]

_CAP = r"[A-ZÀ-ÖØ-Þ][\w'’\-]*"
_CAP_AT_WORD = r"[A-ZÀ-ÖØ-Þ](?<!\w[\s\S])[\w'’\-]*"
"""``\b{_CAP}``: a capitalised word at a word start, its first letter consumed by a set (a fast scan)."""
_TITLE_TOKEN = r"(?:Dr|dr|Drs|Ir|Prof|H|Hj|KH|St|Sdr|Mgr|Moh|Muh|Moch|Mhd|Mohd|Abd|Tgk|Jend|Pdt)\.(?=[ \t]+[A-Z])"
_NAME_TOKEN = (
    r"(?!(?:No|Nomor|Nomer|Nmr|Blok|Blk|RT|RW|Kel|Kec|Kab|Km|KM)\b)"
    rf"(?:Gg\.|Lr\.|{_TITLE_TOKEN}|{_CAP}|\d{{1,4}}[A-Za-z]?)"
)


_NUM_PART = (
    r"(?:(?:No\.?|Nomor|Nomer|Nmr\.?|no\.?|nomor)[ \t]*\d{1,4}[A-Za-z]?(?:[/\-]\d{1,4}[A-Za-z]?)?"
    r"|(?:Km|KM|km)\.?[ \t]*\d{1,3}(?:[.,]\d{1,3})?)"
)
_BLOK = r"(?:Blok|Blk\.?|blok)[ \t]*[A-Z0-9]{1,3}(?:[ \t]*(?:No\.?|/)[ \t]*\d{1,4})?"
_RTRW_ALTS = (
    r"RT\.?[ \t]*\d{1,3}[ \t]*(?:/|,)?[ \t]*RW\.?[ \t]*\d{1,3}|RT/RW\.?[ \t]*\d{1,3}[ \t]*/[ \t]*\d{1,3}"
    r"|RT\.?[ \t]*\d{1,3}|RW\.?[ \t]*\d{1,3}"
)
_RTRW = rf"(?:{_RTRW_ALTS})"
_NAME_GAP = r"(?:[ \t]+|[–—])"
"""Between two words of a street's name: a space, or the dash (no space around it) of a road named from town to
town (``Jalan Lintas Bangko–Kerinci``); a dash with spaces is a clause's, left alone."""
_TOWN_TO_TOWN: Final = re.compile(r"\w[–—]\w")
_DASHED_WORD: Final = re.compile(r"(?<=\w)[–—](?P<w>[A-ZÀ-ÖØ-Þ][\w'’\-]*(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w'’\-]*)*)")
"""A dash glued between two words, and the run of capitalised words after it."""


def _town_after_dash(run: str) -> bool:
    """Whether ``run``, the capitalised words glued after a dash, may be a road's second town: English writes its
    clause dash (an em dash) with no space too (``Jalan Kenanga—Mother still does``), so a run led by a pronoun or
    a title (``Saya``, ``Ibu``), or made only of ordinary words that no place list holds (``Mother``), starts a
    clause instead; a town whose first word is a word stays a town (``Padang``, ``Air Bangis``)."""
    words = run.split()
    if len(words[0]) < 3 or words[0] in gz.stop_caps() or words[0] in HONORIFICS:
        return False
    return run in gz.all_places() or any(w.lower() not in gz.ordinary_words() or w in gz.all_places() for w in words)


def _cut_at_clause_dash(raw: str) -> str:
    """``raw`` up to the first dash after which no town stands (:func:`_town_after_dash`)."""
    for m in _DASHED_WORD.finditer(raw):
        if not _town_after_dash(m.group("w")):
            return raw[: m.start()]
    return raw
_ID_ADDRESS: Final = re.compile(
    dispatch(
        split_top(r"Jl\.?|Jln\.?|Jalan|jalan|jl\.|Gang|Gg\.|Lorong|Lr\.|Komplek|Kompleks|Komp\.|Perumahan|Perum\.?"),
        not_after=r"\w",
    )
    + rf"[ \t]+{_NAME_TOKEN}(?:{_NAME_GAP}{_NAME_TOKEN}){{0,4}}"
    rf"(?:,?[ \t]*{_NUM_PART})?"
    rf"(?:,?[ \t]*(?:Gg\.|Gang|Lr\.|Lorong)[ \t]+{_NAME_TOKEN}(?:[ \t]+{_NAME_TOKEN}){{0,3}}(?:,?[ \t]*{_NUM_PART})?)?"
    rf"(?:,?[ \t]*{_BLOK})?(?:,?[ \t]*{_RTRW})?"
)
_AREA_ADDRESS: Final = re.compile(
    dispatch(
        split_top(r"Kampung|Kampuang|Kp\.|Dusun|Dsn\.|Jorong|Desa|Perumahan|Perum\.?|Kompleks|Komplek|Griya"),
        not_after=r"\w",
    )
    + rf"[ \t]+{_NAME_TOKEN}(?:[ \t]+{_NAME_TOKEN}){{0,3}}(?:,?[ \t]*{_NUM_PART})?(?:,?[ \t]*{_BLOK})?,?[ \t]*{_RTRW}"
)
_BARE_RTRW: Final = re.compile(dispatch(split_top(_RTRW_ALTS), not_after=r"\w") + r"\b")
_EN_STREET = (
    "Road|Rd|Street|St|Lane|Ln|Avenue|Ave|Close|Drive|Dr|Way|Court|Ct|Place|Pl|Crescent|Terrace|Gardens|Grove|"
    "Square|Boulevard|Blvd|Mews|Row|Walk|Parade|Hill|Rise|Park Road|Mount|Vale|View|Gate|Fold|Approach|Circus|"
    "Broadway|Highway|Hwy|Parkway|Pkwy|Trail|Loop|Esplanade|Promenade|Quay|Wharf|Green|Chase|Croft|Meadows|Wynd|Brae|"
    "Vennel"
)
_EN_ADDRESS_SOURCE: Final = (
    rf"\b(?:(?:Flat|Apartment|Apt\.?|Unit|Suite|Room)[ \t]+\d{{1,4}}[A-Za-z]?,?[ \t]+)?"
    rf"(?:(?:Plot|Lot|House|Plot[ \t]+No\.?|House[ \t]+No\.?)[ \t]+)?"
    rf"(?:\d{{1,4}}[A-Za-z]?/)?\d{{1,5}}[A-Za-z]?,?[ \t]+(?:[NSEW]\.?[ \t]+)?"
    rf"(?:(?:{_CAP}|\d{{1,3}}(?:st|nd|rd|th))[ \t]+){{1,3}}(?:{_EN_STREET})\b\.?"
    rf"(?:,?[ \t]+(?:Apt\.?|Apartment|Unit|Suite|Flat|#)[ \t]*\d{{1,4}}[A-Za-z]?)?"
    rf"(?:,?[ \t]+(?:{_CAP}[ \t]+){{0,2}}[A-Z]{{1,2}}\d[A-Z\d]?[ \t]?\d[A-Z]{{2}}\b"
    rf"|,?[ \t]+(?:{_CAP}[ \t]+){{0,2}}{_CAP},?[ \t]+[A-Z]{{2,3}}[ \t]+\d{{4,5}}(?:-\d{{4}})?)?"
)
_EN_ADDRESS: Final = re.compile(lead_set(_EN_ADDRESS_SOURCE))
"""The source with a first-character set before its ``\\b`` (:mod:`._leadset`)."""
_IN_ADDRESS: Final = re.compile(
    rf"(?:No\.|H\.[ \t]?No\.?|#)[ \t]*\d{{1,4}}[A-Za-z]?(?:/\d{{1,4}})?,?[ \t]+"
    rf"(?:\d{{1,3}}(?:st|nd|rd|th)[ \t]+(?:Cross|Main|Block|Stage|Phase|Street|Road|Lane|Avenue)"
    rf"(?:[ \t]+Road)?,?[ \t]+)?"
    rf"(?:{_CAP}[ \t]+){{0,2}}(?:Nagar|Colony|Layout|Extension|Marg|Puram|Road|Street|Lane|Close|Crescent|Estate)\b"
)
_EN_STREET_GATE: Final = trigger(_EN_STREET.split("|"))
STREET_WORDS: Final = frozenset(_EN_STREET.split("|")) | frozenset(
    "Jl Jln Jalan Gang Gg Lorong Lr Komplek Kompleks Komp Perumahan Perum Blok Block".split()
)
"""A street's or an estate's type word, first (Indonesian) or last (English) in its name (``Hulmeside Walk``,
``Jalan Raya Semat``): a part of an address, not the town after it (orgs28)."""
_POSTCODE_CUED: Final = re.compile(
    r"(?:[Pp]ost[ \t]?code|POSTCODE|[Zz]ip(?:[ \t]?code)?|ZIP(?:[ \t]?code)?|[Kk]ode[ \t]+pos|PIN[ \t]?code|"
    r"[Pp]in[ \t]?code)(?:[ \t]+(?:is|was|nya|:))?[ \t:,]+"
    r"(?P<v>\d{4,6}(?:-\d{4})?)\b"
)
_POSTCODE_GATE: Final = trigger(
    ["ostcode", "ost code", "OSTCODE", "zip", "Zip", "ZIP", "ode pos", "IN code", "in code", "incode"]
)
_EN_STREET_NAMED_GATE: Final = trigger(["Road", "Street", "Lane", "Avenue", "Close", "Crescent", "Terrace"])
_EN_STREET_NAMED: Final = re.compile(
    rf"{_CAP_AT_WORD}[ \t]+(?:{_CAP}[ \t]+){{0,2}}(?:Road|Street|Lane|Avenue|Close|Crescent|Terrace)\b"
)


_ADDRESS_PART: Final = re.compile(
    r"(?:RT|RW|No|Blok|Block|Kel|Kec|Unit|Flat|Apt|Suite|Lot|Lingkungan|Lantai|Floor|Tower|Gang|Gg|Lorong)\b"
)
"""Words of an address's own parts (``..., Unit C``, ``..., Lingkungan IV``): the address goes on."""
_AFTER_ADDRESS: Final = re.compile(rf"[ \t]*,[ \t]*(?P<p>{_CAP}(?:[ \t]+{_CAP}){{0,2}})")
_CODE_WORDS: Final = re.compile(r"(?:(?:\A|[ \t]+)\S*\d\S*)+\Z")
"""The words with a digit that end a place's run: a postcode's outward half (``M5V``, ``CF24``), not a town's."""


def _after_address(text: str, end: int) -> Iterator[Detection]:
    """The neighbourhood or city named right after an address (``..., RT 01/RW 06, Ulak Karang``)."""
    m = _AFTER_ADDRESS.match(text, end)
    if m is None:
        return
    place = _CODE_WORDS.sub("", m.group("p"))  # "Toronto M5V 2T6": the postcode's half is no word of the town
    if not place or place[0].isdigit() or place.split()[0] in gz.stop_caps() or _ADDRESS_PART.match(place):
        return
    yield Detection(m.start("p"), m.start("p") + len(place), "LOCATION", 0.7, "location.after_address", place)


def find_addresses(text: str) -> Iterator[Detection]:
    """Street-level addresses, Indonesian and English; a city after the address is left to LOCATION."""
    for m in _ID_ADDRESS.finditer(text):
        raw = m.group(0).rstrip(" ,")
        if _TOWN_TO_TOWN.search(raw):
            raw = _cut_at_clause_dash(raw)
        has_number = bool(re.search(r"\d", raw))
        # a street without a house number is a LOCATION (the corpus convention), with one an ADDRESS
        kind, conf = ("ADDRESS", 0.95) if has_number else ("LOCATION", 0.8)
        yield Detection(m.start(), m.start() + len(raw), kind, conf, "address.id", raw)
        if has_number or not _TOWN_TO_TOWN.search(raw):  # a road named by its two towns is placed by them
            yield from _after_address(text, m.start() + len(raw))
    for m in _AREA_ADDRESS.finditer(text):
        yield Detection(m.start(), m.end(), "ADDRESS", 0.93, "address.area", m.group(0))
        yield from _after_address(text, m.end())
    for m in _BARE_RTRW.finditer(text):
        if "RW" in m.group(0):
            yield Detection(m.start(), m.end(), "ADDRESS", 0.7, "address.rtrw", m.group(0))
    for m in gated_finditer(_POSTCODE_CUED, _POSTCODE_GATE, text):
        if not (m.group(0)[:3].lower() == "pin" and len(m.group("v")) != 6):  # (an Indian PIN code has 6 digits)
            yield Detection(m.start("v"), m.end("v"), "ADDRESS", 0.85, "address.postcode", m.group("v"))
    for m in _IN_ADDRESS.finditer(text):
        yield Detection(m.start(), m.end(), "ADDRESS", 0.9, "address.numbered", m.group(0))
        yield from _after_address(text, m.end())
    for m in gated_finditer(_EN_ADDRESS, _EN_STREET_GATE, text):
        raw = m.group(0).rstrip(".")
        yield Detection(m.start(), m.start() + len(raw), "ADDRESS", 0.92, "address.en", raw)
        yield from _after_address(text, m.start() + len(raw))
    for m in gated_finditer(_EN_STREET_NAMED, _EN_STREET_NAMED_GATE, text):
        if not is_sentence_initial(text, m.start()) or m.group(0).split()[0] not in gz.stop_caps():
            yield Detection(m.start(), m.end(), "LOCATION", 0.6, "address.en_street", m.group(0))  # no number


CAP: Final = _CAP
CAP_AT_WORD: Final = _CAP_AT_WORD
NAME_TOKEN: Final = _NAME_TOKEN
EN_STREET: Final = _EN_STREET
