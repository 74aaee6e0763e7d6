"""Vehicle plates by shape, check letter and the words around them (issue #11).

* **Singapore** plates carry a check letter (``SBS 3229 P``): found anywhere when it holds.
* **Kenyan** plates (``KDA 123A``): a ``K`` and two letters, three digits and a letter.
* **Indonesian** plates typed in lower case (``bm 3318 ab``) after a plate word, when the region prefix exists;
  without one in a sentence about a vehicle, or spaced with a two-letter region and four digits (``ada ba 3318 gn
  lewat``), the series letters no unit or word.
* **Any plate-shaped code** (capitals and digits, five to eight of them, both kinds present) when a plate word
  follows it in the clause (``Y27-LKT, New Jersey plate``) or a vehicle word or a car make or model comes just
  before it (``the white Camry, 1VB 7QX``; ``mobil box B 9128 CV``), or earlier in the same sentence when the
  code stands apart between commas (``The ute out there, 417 XQR, is older``), or right after a licence word
  in a sentence about a vehicle (``The farm van, licence CKRD 417``).

Only shapes, check letters and vehicle vocabulary: no value from a corpus.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Final

from . import gazetteers as gz
from ._fastrx import DIGIT_LINES, DIGIT_RUN_LINES, gated_finditer, lines_finditer, trigger
from ._linegates import InLines
from ._narrow import after_last_sentence_end
from .patterns import PLATE_REGIONS
from .types import Detection

__all__ = ["ADDRESS_WORDS", "find_plates_by_shape", "sg_plate_valid"]

_SG_CHECK: Final = "AZYXUTSRPMLKJHGEDCB"


def sg_plate_valid(plate: str) -> bool:
    """True when a Singapore plate's last letter is its check letter (weights 9 4 5 4 3 2, modulo 19)."""
    m = re.fullmatch(r"([A-Z]{1,3})[ ]?(\d{1,4})[ ]?([A-Z])", plate.upper())
    if m is None:
        return False
    letters = m.group(1)[-2:].rjust(2, "@")  # '@' counts 0: a one-letter prefix
    values = [max(0, ord(c) - 64) for c in letters] + [int(d) for d in m.group(2).rjust(4, "0")]
    total = sum(v * w for v, w in zip(values, (9, 4, 5, 4, 3, 2), strict=True))
    return _SG_CHECK[total % 19] == m.group(3)


_SG: Final = re.compile(r"S[A-Z]{1,2}[ ]?\d{1,4}[ ]?[A-Z]")
_KE: Final = re.compile(r"K[A-Z]{2}[ ]?\d{3}[ ]?[A-Z]")
_PLATE_WORDS: Final = (
    r"plat|platnya|pelat|pelatnya|nopol|nopolnya|no\.?[ \t]?pol|nomor[ \t]+polisi|tnkb|plate|plates|"
    r"number[ \t]+plate|licen[cs]e[ \t]+plate|rego|registration|reg(?:[ \t]+(?:no\.?|number))?"
)
_ID_LOWER: Final = re.compile(
    rf"(?i:(?<![\w\-])(?:{_PLATE_WORDS})(?:[ \t]+(?:nomor|nomer|no\.?|motor|mobil|saya|aku|dia|nya|is|was))*)"
    r"[ \t]*[:,]?[ \t]+(?P<p>[a-z]{1,2}[ \t\-]?\d{1,4}[ \t\-]?[a-z]{1,3})(?![\w\-])"
)
_ID_LOWER_GATE: Final = trigger(["plat", "Plat", "pelat", "Pelat", "nopol", "Nopol", "polisi", "plate", "rego", "reg"])
_CODE: Final = re.compile(
    r"[A-Z\d](?<![\w\-/@.][A-Z\d])(?:[A-Z\d]{0,3}(?:[ \-][A-Z\d]{1,4}){1,3}|[A-Z\d]{4,7})(?![\w\-/@]|[.,]\d)"
)
"""A code of one to four groups of capitals and digits, or one group of five to eight (both kinds are checked
after the match)."""
_ID_PLATE: Final = re.compile(r"([A-Z]{1,2})[ \-]?\d{1,4}[ \-]?[A-Z]{1,3}")
_PLATE_AFTER: Final = re.compile(rf"[ \t]*[,(]?[ \t]*(?:[A-Za-z][a-z]+[ \t]+){{0,2}}(?i:{_PLATE_WORDS})(?![\w])")
_PLATE_WORD_BEFORE: Final = re.compile(
    rf"(?i:(?<![\w\-])(?:{_PLATE_WORDS})(?:[ \t]+(?:number|no\.?|nomor|nomer|is|was|reads|said|itu))*)"
    r"[ \t]*[:#]?[ \t]*$"
)
_VEHICLES: Final = (
    r"car|cars|van|truck|lorry|ute|bike|motorbike|motorcycle|scooter|moped|taxi|cab|bus|minibus|jeep|jeepney|"
    r"tricycle|trike|tuk-tuk|matatu|boda|suv|sedan|hatchback|hatch|pickup|pick-up|wagon|mobil|motor|motornya|"
    r"mobilnya|truk|truknya|angkot|ojek|bajaj|bemo|pikap|kereta|toyota|honda|suzuki|daihatsu|mitsubishi|nissan|"
    r"mazda|hyundai|kia|ford|chevrolet|chevy|holden|proton|perodua|bmw|mercedes|audi|volkswagen|vw|tesla|yamaha|"
    r"kawasaki|isuzu|subaru|lexus|camry|corolla|civic|accord|hilux|avanza|xenia|innova|fortuner|jazz|brio|ertiga|"
    r"vios|myvi|axia|saga|prius|ranger|navara|vitz|altis|beat|vario|scoopy|nmax|mio|xpander|pajero|terios|agya|"
    r"ayla|sigra|calya|carry|corsa|fiesta|focus|golf|polo|hiace|elf|colt|grandmax|gran[ \t]+max|l300|"
    r"bakkie|kombi|combi|minivan|tractor|trailer|rickshaw|lori|pickup[ \t]+truck|tempo|tuktuk|troopy|troopie|"
    r"land[ \t]?cruiser|landcruiser|prado|patrol|okada|keke|danfo|habal-habal|multicab|fj|triton|strada|d-max|"
    r"motosikal|kereta[ \t]+sewa|camper|campervan|motorhome|rv|4x4|four-wheel[ \t]+drive|"
    r"ambulance|ambulans|hearse|limousine|limo|forklift|excavator|bulldozer|minibus|probox|axio|fielder|premio|"
    r"alphard|voxy|tiida|sylphy|almera|livina|x-trail|celerio|karimun|mobilio|fiat|renault|peugeot|citroen|"
    r"citroën|skoda|škoda|volvo|opel|vauxhall|dacia|porsche|cadillac|chrysler|geely|wuling|mahindra|maruti"
)
_VEHICLE_IN_SENTENCE: Final = re.compile(rf"(?i:(?<![\w\-])(?:{_VEHICLES})(?![\w\-]))[^.?!\n]*$")
_MAKE_FIRST: Final = re.compile(rf"(?i:{_VEHICLES})[ \t\-]")
"""A code whose first group is a make or a vehicle's name (``BMW X5``): a model."""
ADDRESS_WORDS: Final = frozenset(
    "APT APTS STE SUITE FL FLR FLAT UNIT BLK BLOCK LOT NO JL JLN GG KAV PO BOX HWY RD ST AVE DR LN RT RW".split()
)
"""An address's abbreviations (``APT 212``, ``BLK 215``, ``LOT 22``): a code they open is part of an address."""
_APART: Final = re.compile(r"[ \t]*(?:[,;]|[.!?](?![\w])|$)", re.MULTILINE)
_LICENCE_BEFORE: Final = re.compile(r"(?i:(?<![\w\-])(?:licen[cs]e|lic\.?|reg\.?)[ \t]*:?[ \t]*)$")
_VEHICLE_BEFORE: Final = re.compile(
    rf"(?i:(?<![\w\-])(?:{_VEHICLES}))(?:[ \t]+(?:box|bak|pickup|merah|putih|hitam|silver|biru|abu-abu|white|black|"
    r"red|blue|grey|gray|silver|green|old|new|lama|baru|saya|aku|dia|kami|nya|with|the|a|dengan|itu|(?P<verb>is|was|"
    r"number|no\.?|nomor|nomornya|adalah|plat|platnya)))*"
    r"(?:[ \t]+[A-Z][\w\-]*){0,1}[ \t]*[,:(]?[ \t]*$"
    r"|(?i:(?<![\w\-])(?:white|black|red|blue|grey|gray|silver|green|yellow|orange|maroon|gold|brown|beige|putih|hitam|"
    r"merah|biru|abu-abu|hijau|kuning|oranye|coklat|cokelat))[ \t]+(?-i:[A-Z][\w\-]*)(?:[ \t]+[A-Z][\w\-]*)?"
    r"[ \t]*[,:(][ \t]*$"
)
"""A vehicle word or a make or model, a colour or a pronoun at most, then the code (``Camry, ``, ``mobil box ``);
or a colour and a capitalised word, a model no list knows (``the white Tiida, ``)."""
_MODEL: Final = re.compile(r"[A-Z]{2,5}[ \-]\d{2,4}")
"""A model name and its engine size right after a capitalised make (``Yamaha NMAX 155``, ``Honda PCX 160``; not
after a vehicle noun: ``a green taxi LX 5173`` is a plate)."""
_COMPACT_PLATE: Final = re.compile(r"[A-Z]{2,3}\d{3,4}|\d{3,4}[A-Z]{2,3}|[A-Z]{2}\d{2}[A-Z]{3}")
"""A plate written without a space (``NWK418``, ``LB07SEO``): kept, like a spaced one, only when it stands apart in a
sentence about a vehicle."""
_NOT_PLATE: Final = re.compile(r"(?:19|20)\d\d|\d+[A-Z]{1,2}|[A-Z]{1,3}\d|\d{1,2}(?:AM|PM)|[A-Z]+")
"""Years, sizes and counts (``4WD``, ``12V``, ``V8``, ``MP3``) and all-letter words: never a plate alone."""


_DIGITS_THEN_SERIES: Final = re.compile(r"\d{3,4} (?!CC|KM|ML|KG|MM|CM|HP|PS|AM|PM|KW|V\b|W\b)[A-Z]{1,2}")
"""Three or four digits, a space and one or two capitals (``5183 KJ``, ``7294 J``: Jamaica's and other Caribbean
plates): written apart from its digits the series is no unit, so the cues of a plate decide (not ``150 CC``)."""


def _plate_code(raw: str, after: str = "") -> bool:
    """Whether ``raw`` has a plate's shape; ``after``, the text right after it, must close the clause for three
    or four digits and a series apart (``5183 KJ,``; not ``1200 M away``: a distance)."""
    if _DIGITS_THEN_SERIES.fullmatch(raw):
        return _APART.match(after) is not None
    compact = raw.replace(" ", "").replace("-", "")
    return 5 <= len(compact) <= 8 and _NOT_PLATE.fullmatch(compact) is None


_LOWER_ID: Final = re.compile(
    r"(?<![\w\-/.@])(?P<r>[a-z]{1,2})(?P<s1>[ \t\-]?)\d{3,4}(?P<s2>[ \t\-]?)(?P<x>[a-z]{1,3})(?![\w\-]|[.,]\d)"
)
"""An Indonesian plate typed in lower case (``ba 3318 gn``, ``ba3318gn``) without a plate word before it."""
_LOWER_ID_GATE: Final = InLines(DIGIT_RUN_LINES, re.compile(r"\d{3}\d?[ \t\-]?[a-z]{1,3}(?![\w\-])"))
_NOT_SERIES: Final = frozenset(
    "kg km cm mm ml gr g rb jt an ya yg dg sd wa am pm x kali orang rp th thn tahun jam mnt dtk lt no nya ok".split()
)


def _lower_plates(text: str) -> Iterator[Detection]:
    """Lower-case Indonesian plates: in a sentence about a vehicle, or spaced with a two-letter region and four
    digits (``ada ba 3318 gn lewat``); never a unit, a suffix or a word after the number."""
    ordinary = _ordinary()
    for m in gated_finditer(_LOWER_ID, _LOWER_ID_GATE, text):
        region, series = m.group("r"), m.group("x")
        if region.upper() not in PLATE_REGIONS or series in _NOT_SERIES or series in ordinary:
            continue
        window = after_last_sentence_end(text, max(0, m.start() - 100), m.start())
        if _VEHICLE_IN_SENTENCE.search(text, window, m.start()) is not None:
            yield Detection(m.start(), m.end(), "PLATE", 0.85, "plate.id_lower_vehicle", m.group(0))
        elif len(region) == 2 and m.group("s1") and m.group("s2") and len(m.group(0)) - len(region) - len(series) >= 6:
            yield Detection(m.start(), m.end(), "PLATE", 0.7, "plate.id_lower_shape", m.group(0))


@cache
def _ordinary() -> frozenset[str]:
    return gz.dictionary_words() | gz.english_words() | gz.colloquial()


def find_plates_by_shape(text: str) -> Iterator[Detection]:
    """Plates by check letter (Singapore), by shape (Kenya), in lower case after a plate word (Indonesia), and
    plate-shaped codes with a plate word after them or a vehicle word before them."""
    for m in gated_finditer(_ID_LOWER, _ID_LOWER_GATE, text):
        raw = m.group("p")
        region = re.match(r"[a-zA-Z]+", raw)
        if region is not None and region.group(0).upper() in PLATE_REGIONS and not raw.isupper():
            yield Detection(m.start("p"), m.end("p"), "PLATE", 0.9, "plate.id_lower", raw)
    yield from _lower_plates(text)
    for m in lines_finditer(_CODE, DIGIT_LINES, text):
        raw = m.group(0)
        if _SG.fullmatch(raw) and sg_plate_valid(raw):
            yield Detection(m.start(), m.end(), "PLATE", 0.93, "plate.sg", raw)
            continue
        if _KE.fullmatch(raw):
            yield Detection(m.start(), m.end(), "PLATE", 0.88, "plate.ke", raw)
            continue
        if (
            not _plate_code(raw, text[m.end() : m.end() + 2])
            or raw.isalpha()
            or raw.replace(" ", "").replace("-", "").isdigit()
        ):
            continue
        own = _ID_PLATE.fullmatch(raw)
        if own is not None and own.group(1) in PLATE_REGIONS and not raw.isalnum():
            continue  # an Indonesian plate with its region: found by its own shape in patterns
        if _PLATE_WORD_BEFORE.search(text, max(0, m.start() - 32), m.start()):
            if raw.endswith((" I", " A")) and re.match(r"[ \t]+[a-z]", text[m.end() : m.end() + 3]):
                # "JFK-4821 I think": the pronoun after the plate (not "SBA 1234 A.": a check letter)
                raw = raw[:-2]
            yield Detection(m.start(), m.start() + len(raw), "PLATE", 0.95, "plate.word_before", raw)
            continue  # "plate LKP 472": the plate word says it, whatever else the code's capitals suggest (an ORG)
        if _PLATE_AFTER.match(text, m.end()):
            yield Detection(m.start(), m.end(), "PLATE", 0.88, "plate.word_after", raw)
            continue
        if _MAKE_FIRST.match(raw):
            continue  # "a BMW X5", "the Isuzu D 22": a make and its model, no plate
        before = _VEHICLE_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if before is not None and not (
            (raw.isalnum() or (_MODEL.fullmatch(raw) and re.search(r"[A-Z][a-z]+[ \t]*$", before.group(0))))
            and not re.search(r"[,:(]", before.group(0))
            and before.group("verb") is None
        ):
            yield Detection(m.start(), m.end(), "PLATE", 0.85, "plate.vehicle", raw)
            continue  # (not "Honda CB150R": a model code right after a make is no plate; "Camry, 1VB7QX" is)
        if " " not in raw and "-" not in raw and _COMPACT_PLATE.fullmatch(raw) is None:
            continue
        window = after_last_sentence_end(text, max(0, m.start() - 100), m.start())  # (the same match, found sooner)
        if _VEHICLE_IN_SENTENCE.search(text, window, m.start()) is None:
            continue
        apart = (text[max(0, m.start() - 2) : m.start()] == ", " and _APART.match(text, m.end()) is not None) or (
            text[m.start() - 1 : m.start()] == "(" and text[m.end() : m.end() + 1] == ")"
        )
        if raw.split(" ")[0].split("-")[0] in ADDRESS_WORDS:
            continue  # "... ROAD, LOT 22, ...": an address's part (an upper-cased text)
        if apart:  # "the bakery's van, KTX 4412, ...": a plate set apart in a sentence about a vehicle, not a name
            yield Detection(m.start(), m.end(), "PLATE", 0.82, "plate.sentence", raw)
        elif _LICENCE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            yield Detection(m.start(), m.end(), "PLATE", 0.75, "plate.sentence", raw)
