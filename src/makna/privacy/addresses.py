"""Street addresses in the written forms the street-word rules of :mod:`makna.privacy.places` leave out (#11).

* **post-office boxes**: ``PO Box 2291``, ``P.O. Box 18``, ``GPO Box 77``, ``Locked Bag 9``, ``PMB 1024``
  (Nigerian private mail bag), ``Kotak Pos 123``;
* **a state and its postcode** after a town: an Australian state and a four-digit postcode in that state's
  range (``Parap NT 0804``), a US state and a ZIP (``Hazard, KY 41701``); the corpus writes them as an ADDRESS
  of their own, the town as a LOCATION;
* **Indonesian blocks**: ``Blok C Lantai 3 No. 12``, ``Blok C2 No. 17``, ``Blok B Los 14`` (a market stall),
  with the estate's name before it when one is written (``BTN Minasa Upa Blok K3 No. 7``, ``Perumahan Bumi
  Indah Blok F No. 12``), a block and its flat (``Block 12, flat 23B``); Singapore HDB blocks with their unit or
  street (``Blk 123 Ang Mo Kio Ave 3 #05-67``, ``Blk 215 Bishan Street 23``); a flat in a numbered tower or block
  of an estate (``Tower 3, Flat 15C``, ``Flat 9, Tower B``: round twenty-three);
* **RT/RW** with the hamlet or quarter before them (``Jaga III RT 01``, ``Dusun Krajan RT 01 RW 03``,
  ``RT 007 RW 003``): the neighbourhood unit of a house, an ADDRESS whatever cue precedes it;
* **a flat in a named building**: ``Flat 302, Sai Residency``, ``Unit 7, Rose Court``, with the parts of its
  address after it (``Flat C, 9/F, 221 Reclamation Street``) or a house number and any street (``Apt 5B, 1200
  Grand Concourse``); **numbered units in a row** (``Plot 12, Block 5``, ``House 14, Road 7``), an Indian
  ``H.No. 4-12/3``, a Philippine purok or sitio;
* **a numbered road**: ``1187 Road 3 East``, ``4417 Highway 665``; **a house number and a one-word street**
  ending in ``-way`` or ``-gate`` that no dictionary holds (``88 Kingsway``, ``5 Northgate``);
* **an Indonesian street named with initials**: ``Jl. T. Nyak Arief No. 210``, ``Jl. K.H. Ahmad Dahlan No. 12``;
* **a five- or six-digit postcode closing an address** written on one line after a street word (``No. 27,
  Jalan Teratai 5, Taman Ungku Tun Aminah, 81300``; ``3rd Street, Veerapandi, Tiruppur 641605``).

Only formats and address vocabulary: no value from a corpus file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Final

from . import gazetteers as gz
from ._digitruns import DigitLed
from ._fastrx import DIGIT_LINES, AllOf, gated_finditer, lines_finditer, trigger
from ._find import WordLines
from .types import Detection

__all__ = ["find_addresses"]

_PO_BOX: Final = re.compile(
    r"(?<![\w\-])(?:P\.?[ \t]?O\.?[ \t]?Box|PO[ \t]?BOX|Post[ \t]+Office[ \t]+Box|GPO[ \t]+Box|Locked[ \t]+Bag|"
    r"Private[ \t]+(?:Mail[ \t]+)?Bag|PMB|P\.M\.B\.?|Kotak[ \t]+Pos|Peti[ \t]+Surat|[Pp]\.?[ \t]?[Oo]\.?[ \t]box)"
    r"[ \t]*(?:No\.?[ \t]*)?\d{1,6}(?:-\d{5})?(?![\w\-]|[.,]\d)"
)
_PO_GATE: Final = trigger(["Box", "BOX", "box", "Bag", "PMB", "P.M.B", "Pos", "Surat"])

_AU_RANGES: Final[dict[str, tuple[tuple[int, int], ...]]] = {
    "NSW": ((1000, 2599), (2619, 2899), (2921, 2999)),
    "ACT": ((200, 299), (2600, 2618), (2900, 2920)),
    "VIC": ((3000, 3999), (8000, 8999)),
    "QLD": ((4000, 4999), (9000, 9999)),
    "SA": ((5000, 5999),),
    "WA": ((6000, 6999),),
    "TAS": ((7000, 7999),),
    "NT": ((800, 999),),
}
_US_STATES: Final = frozenset(
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK "
    "OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR".split()
)
_STATE_CODE: Final = re.compile(
    r"(?P<st>[A-Z](?<=[a-z.,][ \t][A-Z])[A-Z]{1,2})[ \t]+(?P<n>\d{4}|\d{5}(?:-\d{4})?)(?![\w\-]|[.,]\d)"
)
"""A state code and a postcode right after a town's name (a word ending in a small letter, maybe a comma)."""

_BLOCK: Final = re.compile(
    r"(?<![\w\-])(?P<estate>(?:(?:BTN|Komplek|Kompleks|Komp\.?|Perumahan|Perum\.?|Griya|Ruko|Rusun|Rusunawa|"
    r"Apartemen|Pasar)[ \t]+)?(?:[A-Z][\w'’\-]*[ \t]+){0,4})?"
    r"(?:Blok|BLOK|Block|Blk\.?)[ \t]+(?P<code>[A-Z]{1,2}[ \-/]?\d{0,3}|\d{1,3}[A-Z]?)"
    r"(?P<no>(?:[ \t,]+(?:Lantai|Lt\.?|Kav\.?|Kavling|Floor)[ \t]+\d{1,3})?"
    r"[ \t,]+(?:[Nn]o\.?|[Nn]omor|[Nn]omer|Nomor:|[Ll]os|[Kk]ios|Unit|[Ff]lat|Rm\.?|Room)[ \t]*\d{1,4}[A-Z]?)?"
    r"(?![\w\-/])"
)
"""A block with its house or stall number, or a block code holding a letter and a number (``Blok A-12``)."""
_ESTATE_LEAD: Final = re.compile(
    r"(?:(?:Di|Ke|Dari|Dekat|Depan|Alamat|Alamatnya|Rumah|Rumahnya|Tinggal|At|In|Near|From|To|The)[ \t]+)+"
    r"(?=[A-Z])"
)
"""Capitalised function words an estate's name may be read with at a sentence's start."""
_LETTER_NUMBER: Final = re.compile(r"[A-Z]{1,2}[ \-/]?\d{1,3}")
_SG_BLOCK: Final = re.compile(
    r"(?<![\w\-])(?:Blk|Block)[ \t]+\d{1,4}[A-Z]?(?:[ \t]+[A-Z][\w'’\-]*){1,4}(?:[ \t]+\d{1,2})?"
    r"(?:[ \t,]+#\d{1,3}-\d{1,5})?(?![\w\-])"
)
_SG_STREET: Final = re.compile(
    r"[ \t](?:Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Crescent|Cres|Lane|Walk|Link|Close|Ring|Central|North|South|"
    r"East|West)\.?(?:[ \t]+\d{1,2})?$"
)
"""An HDB block's street (``Blk 215 Bishan Street 23``, ``Block 88 Tampines Ave 5``): a block number and a street
are an address even without the unit (``#05-67``)."""
_BLOCK_GATE: Final = trigger(["Blok", "BLOK", "Block", "Blk"])
_TOWER_FLAT: Final = re.compile(
    r"(?<![\w\-])(?:(?:Tower|Block|Blk\.?|Wing|Menara)[ \t]+(?:\d{1,3}[A-Z]?|[A-Z]\d?)"
    r"(?:,?[ \t]+(?:\d{1,2}/F|(?:Floor|Lantai|Level|Lt\.?)[ \t]+\d{1,2}))?,?[ \t]+"
    r"(?:[Ff]lat|[Uu]nit|Rm\.?|Room|Apt\.?)[ \t]+(?:\d{1,4}[A-Z]?|[A-Z])"
    r"|(?:[Ff]lat|[Uu]nit|Rm\.?|Room|Apt\.?)[ \t]+(?:\d{1,4}[A-Z]?|[A-Z])"
    r"(?:,?[ \t]+(?:\d{1,2}/F|(?:Floor|Lantai|Level|Lt\.?)[ \t]+\d{1,2}))?,?[ \t]+"
    r"(?:Tower|Block|Blk\.?|Wing|Menara)[ \t]+(?:\d{1,3}[A-Z]?|[A-Z]\d?))(?![\w\-])"
)
"""A flat in a numbered tower or block of an estate, either way round (``Tower 3, Flat 15C``, ``Flat 9, Tower B``,
``Unit 1503, Tower 2``, ``Block 12, 9/F, Flat C``): the estate's name is the place detectors' part."""
_TOWER_GATE: Final = trigger(["Tower", "Block", "Blk", "Wing", "Menara"])
_RT: Final = re.compile(
    r"(?<![\w\-])(?P<pre>(?:Jaga|Dusun|Lingkungan|Dukuh|Banjar|Kampung|Kp\.|Jorong|Lorong|Gang|Gg\.)"
    r"[ \t]+(?:[A-Z][\w'’\-]*|[IVX]+|\d{1,2})(?:[ \t]+(?:[A-Z][\w'’\-]*|[IVX]+|\d{1,2})){0,2},?[ \t]+)?"
    r"RT\.?[ \t]*(?P<rt>\d{1,3})(?:[ \t]*(?:/|,)?[ \t]*(?P<rw>RW\.?[ \t]*\d{1,3}))?(?![\w\-/])"
    r"(?:[ \t]+(?:Kelurahan|Kel\.|Lingkungan|Desa|Dusun)[ \t]+(?:[A-Z][\w'’\-]*|[IVX]+)(?![\w\-])"
    r"(?:[ \t]+(?:[A-Z][\w'’\-]*|[IVX]+)(?![\w\-]))?)?"
)
_RT_GATE: Final = trigger(["RT"])
_FLAT: Final = re.compile(
    r"(?<![\w\-])(?:[Ff]lat|[Aa]pt\.?|[Aa]partment|[Uu]nit|[Ss]uite)[ \t]+\d{1,4}[A-Z]?(?:/\d{1,3})?,[ \t]+"
    r"(?:[A-Z][\w'’\-]*[ \t]+){1,3}(?:Court|House|Residency|Residences|Heights|Mansions?|Towers?|Tower|Apartments|"
    r"Lodge|Building|Villas?|Gardens|Place|Terrace|Close|Row|Hall|Point|View|Plaza|Enclave|Homes|Block|Wing)"
    r"(?![\w\-])"
)
_BUILDING_WORDS = (
    r"Court|House|Residency|Residences|Heights|Mansions?|Towers?|Apartments|Lodge|Building|Villas?|Gardens|Place|"
    r"Terrace|Close|Row|Hall|Point|View|Plaza|Enclave|Homes|Block|Wing|Complex|Society|Estate|Centre|Center"
)
_FLAT_CHAIN: Final = re.compile(
    r"(?<![\w\-])(?:[Ff]lat|[Aa]pt\.?|[Aa]partment|[Uu]nit|[Ss]uite)[ \t]+(?:\d{1,4}[A-Z]?|[A-Z])(?:/\d{1,3})?"
    r"(?:,[ \t]+(?:[A-Z][ \t]+Wing|Wing[ \t]+[A-Z]|\d{1,2}/F|(?:Floor|Lantai|Level)[ \t]+\d{1,2}|"
    r"\d{1,2}(?:st|nd|rd|th)[ \t]+[Ff]loor|"
    rf"(?:[A-Z][\w'’\-]*[ \t]+){{1,3}}(?:{_BUILDING_WORDS})|(?:Road|Street|Lane)[ \t]+No\.?[ \t]*\d{{1,3}}|"
    r"\d{1,5}[A-Z]?[ \t]+(?:[A-Z][\w'’\-]*[ \t]+){0,3}(?:Road|Street|Lane|Avenue|Marg|Drive|Way|Rd|St)\.?|"
    r"(?:[A-Z][\w'’\-]*[ \t]+){1,3}(?:Road|Marg|Street|Lane|Nagar|Hills)|[A-Z]{1,2}\d[A-Z\d]?[ ]\d[A-Z]{2}))+(?![\w\-])"
)
"""A flat and the parts of its address after it, each between commas (``Flat 304, B Wing, Shubham Heights, Datta
Mandir Road``, ``Flat C, 9/F, 221 Reclamation Street``): one address span, as the corpus writes it."""
_UNIT = (
    r"(?:Plot|Lot|Blk\.?|Block|House|Road|Rd\.?|Street|Sector|Phase|Zone|Purok|Sitio|Kav\.?|Kavling)[ \t]*"
    r"(?:No\.?[ \t]*)?\d{1,5}[A-Z]?"
)
_UNIT_CHAIN: Final = re.compile(
    rf"(?<![\w\-])(?:H\.[ ]?No\.?[ \t]*\d{{1,5}}(?:[\-/]\d{{1,5}}){{0,3}}[A-Z]?|{_UNIT}(?:,?[ \t]+{_UNIT})+)(?![\w\-/])"
    r"(?:,[ \t]+(?:[A-Z][\w'’\-]*[ \t]+){1,3}(?:Subdivision|Village|Estate|Homes|Heights|Extension|Layout|Colony|"
    r"Compound|Gardens|Residences)(?![\w\-]))?"
)
"""Numbered units in a row (``Plot 12, Block 5``, ``Lot 5 Blk 3 Phase 2``, ``House 14, Road 7``), or an Indian
house number (``H.No. 4-12/3``): an address however the street is written."""
_UNIT_GATE: Final = trigger(["Plot", "Lot", "Blk", "Block", "House", "Road", "Rd", "Street", "Sector", "Phase", "Zone",
                             "Purok", "Sitio", "Kav", "H.No", "H. No"])
_DWELLING: Final = re.compile(r"\b(?:Plot|Lot|Blk|Block|House|H\.[ ]?No|Kav|Kavling)\b")
_PUROK: Final = re.compile(r"(?<![\w\-])(?:Purok|Sitio)[ \t]+(?:\d{1,2}|[IVX]{1,4})(?![\w\-])")
"""A Philippine purok or sitio with its number: the neighbourhood unit of a house, like an Indonesian RT."""
_FLAT_HOUSE: Final = re.compile(
    r"(?<![\w\-])(?:[Ff]lat|[Aa]pt\.?|[Aa]partment|[Uu]nit|[Ss]uite)[ \t]+(?:\d{1,4}[A-Z]?|[A-Z])(?:/\d{1,3})?"
    r"(?:,|[ \t]+of)[ \t]+\d{1,5}[A-Z]?"
    r"(?:[ \t]+[A-Z][\w'’\-]*){1,3}(?![\w\-])"
)
"""A flat and then a house number and its street, whatever the street's last word (``Apt 5B, 1200 Grand
Concourse``)."""
_HOUSE_NUMBER_NEXT: Final = re.compile(r",?[ \t]+\d")
_FLAT_GATE: Final = trigger(
    ["Flat", "Apt", "Apartment", "Unit", "Suite", "flat", "apt", "apartment", "unit", "suite"]
)
_LOWER_STREET: Final = re.compile(
    r"(?<![\w\-])(?:jl|jln|gg)\.?[ \t]+[a-z][a-z'\-]+(?:[ \t]+[a-z][a-z'\-]+){0,3}?"
    r"[ \t]+(?:no|nomor|nmr)\.?[ \t]*\d{1,4}[a-z]?(?![\w\-])"
)
"""A street typed in lower case, as in a chat, with its house number (``jl. sudirman no 5``; abbreviated only:
"jalan kaki ke rumah no 5" is a walk)."""
_LOWER_STREET_GATE: Final = AllOf(WordLines(words=["jl", "jln", "gg"]), DIGIT_LINES)
"""The lines with "jl", "jln" or "gg" as a word and a digit: the literals alone are inside every "nggak"."""
_NUMBERED_ROAD: Final = re.compile(
    r"(?<![\w/\-.,])\d{1,5}[ \t]+(?:Road|Street|Avenue|Route|Rte\.?|Concession|Highway|Hwy\.?|County[ \t]+Road|"
    r"State[ \t]+(?:Road|Route|Highway)|US[ \t]+(?:Highway|Route)|Farm[ \t]+Road|FM|CR|SR)[ \t\-]+\d{1,4}[A-Z]?"
    r"(?:[ \t]+(?:East|West|North|South|E|W|N|S))?(?![\w\-])"
)
_ROAD_GATE: Final = trigger(["Road", "Street", "Avenue", "Route", "Rte", "Concession", "Highway", "Hwy", "FM", "CR",
                             "SR"])
_ONE_WORD_STREET: Final = re.compile(r"(?<![\w/\-.,$£€])\d{1,4}[A-Za-z]?[ \t]+[A-Z][a-z]{2,}(?:way|gate)(?![\w\-])")
_ONE_WORD_GATE: Final = trigger(["way", "gate"])
_INITIALLED_STREET: Final = re.compile(
    r"(?<![\w\-])(?:Jl|Jln|Jalan|JL|JLN)\.?[ \t]+(?:[A-Z][a-z]{0,3}\.[ \t]*)*(?:[A-Z]\.){1,3}[ \t]*"
    r"(?:[A-Z][\w'’\-]*\.?[ \t]+|(?:[A-Z]\.){1,3}[ \t]*|[IVX]+[ \t]+|\d{1,3}[ \t]+){1,5}"
    r"(?:(?:Gg|Gang|Lr|Lrg|Lorong)\.?[ \t]+(?:[\w'’\-]+[ \t]+){1,3})?"
    r"(?:No\.?|Nomor|Nomer|Km\.?|KM)[ \t]*\d{1,4}[A-Z]?(?:,\d)?(?![\w\-])"
)
"""An Indonesian street named after someone written with initials (``Jl. T. Nyak Arief No. 210``, ``Jl. K.H. Ahmad
Dahlan No. 12``, ``Jalan R.A. Kartini Gg. Melati No. 4``): the street rules stop at the first initial."""
_INITIALLED_GATE: Final = trigger(["Jl", "JL", "Jalan"])
_CLOSING_POSTCODE: Final = re.compile(
    r"\d(?<=[A-Za-z,][ \t]\d)\d{4,5}(?![\w\-]|[.,]\d)(?=[ \t]*(?:[.,;]|$)|[ \t]+[A-Z])", re.MULTILINE
)
_CLOSING_POSTCODE_RUNS: Final = DigitLed(_CLOSING_POSTCODE, 5)
"""Digit-led (:mod:`._digitruns`): a digit after a space or tab, five digits or more in a row."""
_STREET_BEFORE: Final = re.compile(
    r"(?:\b(?:Jalan|Jl|Jln|Lorong|Taman|Persiaran|Gang|Gg|Street|Road|Nagar|Marg|Avenue|Cross|Layout|Colony|"
    r"Sector|Barangay|Brgy|Purok|Close|Crescent|Kampung|Kg|Bandar|Kelurahan|Kecamatan|Kec|Kabupaten|Kab|Desa|"
    r"Dusun|RT|RW|Blok|Block|Lot|Plot)\b)[^\n]{0,80}$"
)
_NOT_POSTCODE_BEFORE: Final = re.compile(r"(?i:(?:rp|idr|rm|rs\.?|inr|\$|₹|php|₱|no|nomor|tel|hp)\.?[ \t]*[,]?[ \t]*$)")


def _au_postcode(state: str, number: str) -> bool:
    value = int(number)
    return len(number) == 4 and any(lo <= value <= hi for lo, hi in _AU_RANGES[state])


@cache
def _dictionary() -> frozenset[str]:
    return gz.english_words() | gz.dictionary_words()


def _state_codes(text: str) -> Iterator[Detection]:
    for m in lines_finditer(_STATE_CODE, DIGIT_LINES, text):
        state, number = m.group("st"), m.group("n")
        if state in _AU_RANGES and _au_postcode(state, number):
            conf = 0.85
        elif state in _US_STATES and len(number) >= 5 and text[m.start() - 2] == ",":
            conf = 0.85  # "Hazard, KY 41701": a US town, a comma, a state and a ZIP
        else:
            continue
        yield Detection(m.start(), m.end(), "ADDRESS", conf, "address.state_code", m.group(0))


def _rt_units(text: str) -> Iterator[Detection]:
    for m in gated_finditer(_RT, _RT_GATE, text):
        if m.group("pre") is None and m.group("rw") is None and not m.group("rt").startswith("0"):
            continue  # "RT 5" alone: a unit only with its RW, its hamlet or a written zero ("RT 05")
        yield Detection(m.start(), m.end(), "ADDRESS", 0.92, "address.rt", m.group(0))


def _closing_postcodes(text: str) -> Iterator[Detection]:
    for m in _CLOSING_POSTCODE_RUNS.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if _STREET_BEFORE.search(text, max(line_start, m.start() - 100), m.start()) is None:
            continue
        if _NOT_POSTCODE_BEFORE.search(text, max(line_start, m.start() - 8), m.start()):
            continue
        yield Detection(m.start(), m.end(), "ADDRESS", 0.75, "address.closing_postcode", m.group(0))


def _over(rx: re.Pattern[str], text: str, lines: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    n = len(text)
    for start, end in lines:
        yield from rx.finditer(text, start, min(n, end + 1))


def find_addresses(text: str) -> Iterator[Detection]:
    """Post-office boxes, state codes and postcodes, Indonesian and Singapore blocks, RT/RW units, flats in
    named buildings, numbered roads, one-word streets with a house number, postcodes closing an address.
    Patterns that share a gate run over the lines it finds once."""
    for m in gated_finditer(_PO_BOX, _PO_GATE, text):
        yield Detection(m.start(), m.end(), "ADDRESS", 0.9, "address.po_box", m.group(0))
    yield from _state_codes(text)
    block_lines = _BLOCK_GATE.lines(text)
    for m in _over(_BLOCK, text, block_lines):
        if m.group("no") is None and not _LETTER_NUMBER.fullmatch(m.group("code")):
            continue  # "Blok M", "Block 5": a place or a field, not a house
        start = m.start("estate") if m.group("estate") else m.start()
        lead = _ESTATE_LEAD.match(text, start, m.start("code"))
        start = lead.end() if lead else start  # "Di Komplek ...": a sentence's first preposition is no part of it
        yield Detection(start, m.end(), "ADDRESS", 0.9, "address.block", text[start : m.end()])
    for m in _over(_SG_BLOCK, text, block_lines):
        if "#" in m.group(0) or _SG_STREET.search(m.group(0)):  # an HDB block: its unit or its street
            yield Detection(m.start(), m.end(), "ADDRESS", 0.9, "address.block", m.group(0))
    for m in gated_finditer(_TOWER_FLAT, _TOWER_GATE, text):
        yield Detection(m.start(), m.end(), "ADDRESS", 0.88, "address.tower_flat", m.group(0))
    yield from _rt_units(text)
    unit_lines = _UNIT_GATE.lines(text)
    for m in _over(_UNIT_CHAIN, text, unit_lines):
        if _DWELLING.search(m.group(0)):  # not "Phase 1, Phase 2", "Road 7, Sector 3": no house or plot there
            yield Detection(m.start(), m.end(), "ADDRESS", 0.88, "address.units", m.group(0))
    for m in _over(_PUROK, text, unit_lines):
        yield Detection(m.start(), m.end(), "ADDRESS", 0.85, "address.purok", m.group(0))
    flat_lines = _FLAT_GATE.lines(text)
    for m in _over(_FLAT_HOUSE, text, flat_lines):
        yield Detection(m.start(), m.end(), "ADDRESS", 0.88, "address.flat", m.group(0))
    for m in _over(_FLAT_CHAIN, text, flat_lines):
        if m.group(0).count(",") >= 2:
            yield Detection(m.start(), m.end(), "ADDRESS", 0.9, "address.flat", m.group(0))
    for m in _over(_FLAT, text, flat_lines):
        if _HOUSE_NUMBER_NEXT.match(text, m.end()):
            continue  # "Flat 9, Bramcote House, 61 Commercial Way": the street rule takes the unit along (spans)
        yield Detection(m.start(), m.end(), "ADDRESS", 0.9, "address.flat", m.group(0))
    for m in gated_finditer(_NUMBERED_ROAD, _ROAD_GATE, text):
        yield Detection(m.start(), m.end(), "ADDRESS", 0.85, "address.numbered_road", m.group(0))
    for m in gated_finditer(_ONE_WORD_STREET, _ONE_WORD_GATE, text):
        word = m.group(0).split()[-1]
        if word.lower() not in _dictionary():
            yield Detection(m.start(), m.end(), "ADDRESS", 0.8, "address.one_word", m.group(0))
    for m in gated_finditer(_INITIALLED_STREET, _INITIALLED_GATE, text):
        yield Detection(m.start(), m.end(), "ADDRESS", 0.9, "address.initialled", m.group(0))
    for m in gated_finditer(_LOWER_STREET, _LOWER_STREET_GATE, text):
        yield Detection(m.start(), m.end(), "ADDRESS", 0.85, "address.lower", m.group(0))
    yield from _closing_postcodes(text)
