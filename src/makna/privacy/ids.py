"""Identity numbers by their published formats and check digits, with or without a cue (issue #11).

Check digits come from python-stdnum where it has the scheme (Canadian SIN, Australian TFN, New Zealand IRD,
Irish PPS, South African ID, Indian Aadhaar and PAN, Pakistani CNIC, Malaysian MyKad); the Singapore NRIC/FIN
letter is computed here (stdnum has no module for it). Three ways to be found:

* **a distinctive shape alone**: NRIC/FIN (``S1234567D``), MyKad (``YYMMDD-PB-###G``), CNIC (``#####-#######-#``),
  Philippine SSS, PhilHealth, UMID and TIN (``##-#######-#``, ``##-#########-#``, ``####-#######-#``,
  ``###-###-###-###``), a South African ID (13 digits, date inside, Luhn) and an Irish PPS (7 digits and check
  letters). A failed check digit lowers the confidence: the shape still says "identity number".
* **a document word after the number** in the same clause (``594-821-993, her social insurance number``), the
  mirror of the cue-first rules in :mod:`makna.privacy.shapes`.
* **more document words before it**: Vietnamese ``CCCD``/``CMND``/``căn cước``, ``citizen ID``, ``IRD``,
  ``IC``, ``MyKad``, ``PhilHealth``, ``SSS``... A cue makes the number sure even if its check digit fails
  (test data and typos are not valid numbers).
* **any document's number**: an acronym or a card, permit or certificate word and a number word (``My IRD
  number was typed wrong on my first contract, 163-482-907``, ``PhilSys number``, ``ARC, nomere F800417392``,
  ``citizen card number 15203846 7 ZY4``), then a code with six digits or more in the same sentence; the
  documents need not be known one by one (telephone, account, order and room numbers are left out).
* **an Indian PAN** (``ABCPE1234F``) by its shape and the holder-type letter python-stdnum checks.

Nothing here names a value seen in a corpus: only formats, check digits and document words.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import Final

from . import gazetteers as gz
from ._digitruns import DigitLed
from ._fastrx import DIGIT_LINES, DIGIT_RUN_LINES, gated_finditer, lines_finditer
from ._find import WordStarts, lowered, word_lines
from ._idwords import AMOUNT_AFTER, nik_is_valid
from ._linegates import InLines
from .patterns import SPOKEN_PHONE, spoken_digits
from .types import Detection

__all__ = ["AMOUNT_AFTER", "DATE_LIKE", "find_checked_ids", "nric_valid", "passes_check", "stdnum_valid"]

_NRIC_ST: Final = "JZIHGFEDCBA"
_NRIC_FG: Final = "XWUTRQPNMLK"
_NRIC_M: Final = "KLJNPQRTUWX"


def nric_valid(code: str) -> bool:
    """True when a Singapore NRIC/FIN (``S1234567D``) carries its check letter (prefixes S, T, F, G, M)."""
    code = code.upper()
    if not re.fullmatch(r"[STFGM]\d{7}[A-Z]", code):
        return False
    total = sum(int(d) * w for d, w in zip(code[1:8], (2, 7, 6, 5, 4, 3, 2), strict=True))
    total += {"S": 0, "F": 0, "T": 4, "G": 4, "M": 3}[code[0]]
    if code[0] == "M":
        return _NRIC_M[10 - total % 11] == code[8] if total % 11 else code[8] == "X"
    return (_NRIC_ST if code[0] in "ST" else _NRIC_FG)[total % 11] == code[8]


def passes_check(check: Callable[[str], bool], value: str) -> bool:
    """Whether ``value`` passes ``check`` (a :func:`stdnum_valid`): an error of the check's own on odd input is a
    failed check, a missing dependency is raised."""
    try:
        return bool(check(value))
    except ImportError:  # a missing dependency (stdnum is imported at its first check) is no invalid number
        raise
    except Exception:  # noqa: BLE001 - stdnum raises its own errors for odd input
        return False


_SHAPE: Final = re.compile(
    r"[STFGM\d](?<![\w\-][STFGM\d])(?:"
    r"(?P<nric_sg>(?<=[STFGM])\d{7}[A-Z])|(?<=\d)(?:(?P<mykad>\d{5}-\d{2}-\d{4})|(?P<cnic>\d{4}-\d{7}-\d)"
    r"|(?P<ph_sss>\d-\d{7}-\d)|(?P<ph_philhealth>\d-\d{9}-\d)|(?P<ph_umid>\d{3}-\d{7}-\d)"
    r"|(?P<ph_tin>\d{2}-\d{3}-\d{3}-\d{3,5})|(?P<sin>\d{2}-\d{3}-\d{3})|(?P<za>\d{12})(?![.,]\d)"
    r"|(?P<pps>\d{6}[A-W][A-IW]?)))(?![\w\-])"
)
"""Every shape of :data:`_CHECKS` in one pass, the first character consumed by a set (see ``_fastrx``)."""


@cache
def _stdnum_check(module: str) -> Callable[[str], bool]:
    """``is_valid`` of python-stdnum's ``module``, imported once, at its first use."""
    valid: Callable[[str], bool] = importlib.import_module(f"stdnum.{module}").is_valid
    return valid


def stdnum_valid(module: str) -> Callable[[str], bool]:
    """``is_valid`` of python-stdnum's ``module`` (``"ca.sin"``), imported at its first call: stdnum's shared
    ``util`` imports ``pydoc`` and ``ssl``, some 0.06 s of CPU of a fresh process that a text with no such number
    never needs (round seventeen's start-up pass)."""

    def is_valid(number: str) -> bool:
        return _stdnum_check(module)(number)

    return is_valid


_LUHN: Final = stdnum_valid("luhn")
_TFN: Final = stdnum_valid("au.tfn")
_SIN: Final = stdnum_valid("ca.sin")
_PPS: Final = stdnum_valid("ie.pps")
_AADHAAR: Final = stdnum_valid("in_.aadhaar")
_PAN_VALID: Final = stdnum_valid("in_.pan")
_MYKAD: Final = stdnum_valid("my.nric")
_IRD: Final = stdnum_valid("nz.ird")
_ZA_ID: Final = stdnum_valid("za.idnr")


_SHAPE_RUNS: Final = DigitLed(_SHAPE, 7, "STFGM")
"""Digit-led (:mod:`._digitruns`): a match starts at a digit after no word character or at one of ``STFGM`` before
a digit, and holds seven digits or more (``nric_sg`` 7, ``pps`` 1+6, the others 9 to 13) joined by dashes only."""
_CHECKS: Final[dict[str, tuple[Callable[[str], bool] | None, float, float]]] = {
    "nric_sg": (nric_valid, 0.95, 0.7),
    "mykad": (_MYKAD, 0.95, 0.75),
    "cnic": (None, 0.93, 0.93),
    "ph_sss": (None, 0.85, 0.85),
    "ph_philhealth": (None, 0.88, 0.88),
    "ph_umid": (None, 0.88, 0.88),
    "ph_tin": (None, 0.85, 0.85),
    "za": (_ZA_ID, 0.9, 0.0),
    "pps": (_PPS, 0.9, 0.0),
    "sin": (_SIN, 0.8, 0.0),
}
"""Shapes that say "identity number" on their own. A 13-digit run, 7 digits and a letter, or a dashed 3-3-3
group are too common to trust without their check digit (confidence 0 when it fails: not yielded)."""

_DOC_AFTER: Final = re.compile(
    r"(?i:[ \t]*[,(\-–—:]?[ \t]*(?:(?:is|was|that'?s|it'?s|that[ \t]+is|itu|adalah|ya|yang)[ \t]+)?"
    r"(?:(?:my|his|her|their|our|your|the|nomor|no\.?|saya|aku|dia)[ \t]+)?"
    r"(?:(?:canadian|australian|irish|new[ \t]+zealand|kiwi|indian|south[ \t]+african|nigerian|ghana(?:ian)?|"
    r"kenyan|filipino|philippine|vietnamese|malaysian|singapore(?:an)?|pakistani|us|uk|british)[ \t]+)?"
    r"(?:social[ \t]+(?:insurance|security)(?:[ \t]+(?:number|no\.?))?|sin|ssn|tfn|tax[ \t]+(?:file[ \t]+)?number|"
    r"ird(?:[ \t]+number)?|pps[n]?(?:[ \t]+number)?|national[ \t]+(?:id|insurance)(?:[ \t]+(?:number|no\.?))?|"
    r"id[ \t]+(?:number|no\.?|card)|identity[ \t]+(?:number|card)|ic(?:[ \t]+number)?|nric|fin|mykad|cnic|nin|aadhaa?r|"
    r"passport(?:[ \t]+(?:number|no\.?))?|nik|ktp|kk|nomor[ \t]+(?:ktp|kk|induk|identitas)|paspor|npwp|bpjs|"
    r"cccd|cmnd|citizen[ \t]+id|licen[cs]e[ \t]+(?:number|no\.?)))(?![\w])"
)
"""A document word right after a number (``..., her social insurance number``; ``(my TFN)``)."""
_CODE: Final = re.compile(
    r"[A-Z\d](?<![\w\-+@/.,][A-Z\d])[A-Z\d]{0,11}(?:[ \-][A-Z\d]{1,12}){0,4}(?![\w\-+@/]|[.,]\d)"
)
"""A code of capitals and digits (at least five digits), groups joined by single spaces or dashes."""
_MORE_CUES: Final = re.compile(
    r"(?i:(?<![\w\-])(?:cccd|cmnd|c[aă]n[ \t]+c[uư][oơớ]c(?:[ \t]+c[oô]ng[ \t]+d[aâ]n)?|"
    r"citizen[ \t]+id(?:[ \t]+(?:number|no\.?))?|ird(?:[ \t]+(?:number|no\.?))?|mykad|my[ \t]+ic|"
    r"ic[ \t]+(?:number|no\.?)|philhealth|sss(?:[ \t]+(?:number|no\.?))?|"
    r"umid|gsis|pag-?ibig|kra[ \t]+pin|huduma(?:[ \t]+namba)?|ghana[ \t]+card|nhis|voter['’]?s?[ \t]+(?:id|card)|"
    r"kennitala|personnummer|cpr|bsn|pesel|dni|nie|curp|rfc|cpf|rut|cuil|cuit|nin|centrelink(?:[ \t]+crn)?|(?-i:PAN)|"
    r"social(?=[ \t]+(?:is|was|number|no\.?|security|\d))|tfn|abn|acn|"
    r"tax[ \t]+file[ \t]+(?:number|no\.?)|brp|uan|iqama|"
    r"biometric[ \t]+residence[ \t]+permit|a-number|alien[ \t]+(?:number|registration[ \t]+number)|"
    r"nhs[ \t]+(?:number|no\.?|one)|psn|pcn|philsys|phil-?id|utr(?:[ \t]+(?:number|no\.?))?|(?-i:TRN|NHI)|"
    r"(?:personal|patient|hospital|health[ \t]+card|medicare|medical[ \t]+record|customer[ \t]+reference)"
    r"[ \t]+(?:number|no\.?|code|id)|s\.?[ \t]?i\.?[ \t]?n\.?|s\.?[ \t]?s\.?[ \t]?n\.?|n\.?[ \t]?i\.?[ \t]?k\.?)"
    r"(?:-?nya|-?ku|['’]s)?)(?![\w\-])"
    r"(?P<gap>(?:[^\n.?!;\d]|\?(?=[ \t])){0,48}?)"
    r"(?P<v>(?<![\w\-])(?:[A-Z]{1,4}(?:-[A-Z]{1,4})?[ \-]?)?\d[\dA-Z \-]{3,22}[\dA-Z]"
    r"|[A-Z]{3}\d{4}|[A-Z]{3}\d\d[A-Z]{2})(?![\w\-]|[.,]\d)"
)
"""Document words the cue-first rules elsewhere do not know, then a code in the same clause: among them
Jamaica's taxpayer registration number (TRN, nine digits) and New Zealand's National Health Index number (NHI,
three letters and four digits, or since 2022 three letters, two digits and two letters), in capitals only."""
_MORE_STEMS: Final = (
    "căn", "citizen", "mykad", "my ic", "philhealth", "umid", "gsis", "pag-ibig", "pagibig", "kra pin", "huduma",
    "ghana card", "voter", "kennitala", "personnummer", "pesel", "curp", "cuil", "cuit", "philsys", "philid",
    "phil-id", "centrelink", "nhs ", "personal ", "patient ", "hospital ", "health card", "medicare",
    "medical record", "customer ref",
    "s i n", "s.i.n", "s s n", "s.s.n", "n.i.k", "n i k", "social", "tax file", "iqama", "biometric", "a-number",
    "alien",
)
_MORE_WORDS: Final = (
    "cccd", "cmnd", "ird", "ic", "sss", "nhis", "cpr", "bsn", "dni", "nie", "rfc", "cpf", "rut", "nin", "pan",
    "tfn", "abn", "acn",
    "nhs", "psn", "pcn", "brp", "uan", "utr", "trn", "nhi",
)
"""The document words of :data:`_MORE_CUES`, by beginning or as whole words."""
_NOT_BETWEEN: Final = re.compile(
    r"(?i:\b(?:phone|mobile|call|ring|text|wa|whatsapp|hp|telepon|telp|rp|usd|jam|pukul|at|born|lahir|umur|age)\b)"
)
DATE_LIKE: Final = re.compile(r"\d{1,4}[/.\-]\d{1,2}[/.\-]\d{2,4}|(?:19|20)\d\d")
"""A date or a year: no identity number (read by :mod:`.asked` and :mod:`.learned_checks` too)."""

def _valid_any(digits: str) -> bool:
    """A check digit of some published national scheme holds for ``digits``."""
    n = len(digits)
    if n == 9:
        return passes_check(_SIN, digits) or passes_check(_TFN, digits) or passes_check(_IRD, digits)
    if n == 8:
        return passes_check(_IRD, digits) or passes_check(_TFN, digits)
    if n == 12:
        return passes_check(_AADHAAR, digits)
    if n == 13:
        return passes_check(_ZA_ID, digits)
    return n >= 10 and passes_check(_LUHN, digits)


_DOC_AFTER_STEMS: Final = (
    "social", "tax ", "national", "identity", "passport", "paspor", "mykad", "aadha", "citizen", "licen",
    "nomor ktp", "nomor kk", "nomor induk", "nomor identitas", "id number", "id no", "id card", "ic number", "ic no",
)
_DOC_AFTER_WORDS: Final = (
    "sin", "ssn", "tfn", "ird", "pps", "ppsn", "ic", "nric", "fin", "cnic", "nin", "nik", "ktp", "kk", "npwp", "bpjs",
    "cccd", "cmnd",
)
"""The document words of :data:`_DOC_AFTER`, by beginning or as whole words: a line without one holds no match."""


def _on(rx: re.Pattern[str], text: str, lines: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    n = len(text)
    for start, end in lines:
        yield from rx.finditer(text, start, min(n, end + 1))


def _trim(raw: str) -> str:
    """``raw`` without a trailing group of letters only (``109 619 239 I think``: the word after the code)."""
    raw = raw.rstrip(" -")
    cut = re.search(r"[ ][A-Z]+$", raw)
    return raw[: cut.start()] if cut is not None else raw


_DOC_NUMBER: Final = re.compile(
    r"(?<![\w\-])(?:(?P<acr>[A-Z][A-Za-z]{1,7})(?:['’]s)?|(?i:card|kartu|certificate|permit|visa|licen[cs]e|"
    r"registration|document|dokumen|identity|identitas|residence|resident|alien|work[ \t]+pass))"
    r"(?:[ \t]*,)?[ \t]+(?i:number|no\.|nomor|nomer|nomere|nombor|namba|num\.?|#)"
    r"(?P<gap>[^\n.?!;\d]{0,60}?)"
    r"(?P<v>(?<![\w\-])(?:[A-Z]{1,4}[ ]?)?\d[\dA-Z \-]{4,22}[\dA-Z])(?![\w\-]|[.,]\d)"
)
_DOC_NUMBER_GATE: Final = re.compile(r"(?i:number|no\.|nomor|nomer|nomere|nombor|namba|num\b|#)")
_NOT_DOCUMENT: Final = frozenset(
    "Phone Mobile Cell WhatsApp WA HP Telephone Telepon Contact Kontak House Home Room Flat Unit Bus Route Page Order "
    "Tracking Invoice Account Rekening Table Gate Seat Platform Lot Blok Block Level Floor Case Ticket PIN OTP Serial "
    "Model Part Item Batch Flight Train Queue Antrian Office Landline Fax Hotline Line Box Street Road Jalan The My "
    "His Her Our Their Your Its This That Same".split()
)
_PAN: Final = re.compile(r"[A-Z](?<![\w\-][A-Z])[A-Z]{4}\d{4}[A-Z](?![\w\-])")
_GHANA_CARD: Final = re.compile(r"G(?<![\w\-]G)HA[\- ]?\d{9}[\- ]?\d(?![\w\-])")
"""A Ghana Card number (``GHA-721503948-6``): its country prefix and shape say what it is without a cue."""
_UK_LICENCE: Final = re.compile(r"[A-Z9](?<![\w\-][A-Z9])[A-Z9]{4}[ ]?(?P<d>\d{6})[ ]?[A-Z9]{2}\d[A-Z]{2}(?![\w\-])")
"""A British driving-licence number (``MORGA753116SM9IJ``): surname, birth date with the month plus 50 for women,
initials, a digit and two check letters."""


def _uk_licence_date(digits: str) -> bool:
    month, day = int(digits[1:3]), int(digits[3:5])
    return (1 <= month <= 12 or 51 <= month <= 62) and 1 <= day <= 31


_PAN_BEFORE: Final = re.compile(r"(?<![\w\-])(?:PAN|(?i:pan[ \t]+(?:card|number|no\.?)))\b[^\n.?!;]*$")
"""The PAN's own word earlier in the clause: the holder-type letter may then fail (a typo, test data)."""


_HEAD_WORD: Final = re.compile(r"(?:MID|TK|KIS|JKN|NO|No)[ \t]+(?=\d)")
"""Words a card's kind or a number word leave before its number (never a letter prefix of the number)."""


_NHI_SHAPE: Final = re.compile(r"[A-HJ-NP-Z]{3}(?:\d{4}|\d\d[A-HJ-NP-Z]{2})")
"""A New Zealand NHI number (three letters but I and O, then four digits or two digits and two letters): fewer
digits than a cue's code needs, so its shape stands in for them."""


def _cued_values(matches: Iterable[re.Match[str]], digits: int, conf: float, name: str) -> Iterator[Detection]:
    """The code (group ``v``) of each match with ``digits`` digits or more, unless a telephone, money or time
    word comes between cue and code (group ``gap``) or the code is a date."""
    for m in matches:
        if _NOT_BETWEEN.search(m.group("gap")):
            continue
        raw, start = _trim(m.group("v")), m.start("v")
        head = _HEAD_WORD.match(raw)
        if head is not None:  # "Pag-IBIG MID 1234-...", "BPJS TK 1901...": the card's kind, then its number
            raw, start = raw[head.end() :], start + head.end()
        if sum(c.isdigit() for c in raw) < digits and not _NHI_SHAPE.fullmatch(raw) or DATE_LIKE.fullmatch(raw):
            continue
        if AMOUNT_AFTER.match(m.string, start + len(raw)):
            continue  # "The NHS spent 150000 pounds": an amount or a count, not a number of a document
        yield Detection(start, start + len(raw), "NATIONAL_ID", conf, name, raw)


def _is_document(m: re.Match[str]) -> bool:
    acr = m.group("acr")
    return acr is None or not (acr in _NOT_DOCUMENT or (acr.lower() in _ordinary() and not acr.isupper()))


_NUMBER_WORD_STARTS: Final = WordStarts(
    ("number", "no.", "nomor", "nomer", "nombor", "namba", "num", "#"), after_at=True
)
"""The number words of ``_DOC_NUMBER`` in lower case: in a match each follows a space or tab, so it starts a word
(found in the shared word-start pass; none holds an s, i or k, the letters a case-folded match may take from
other scripts)."""


def _doc_number_matches(text: str) -> Iterator[re.Match[str]]:
    """``_DOC_NUMBER`` over the lines that hold a digit and a number word (every match holds both; most lines
    with "number" in an interview hold no code): the digit lines where a word starts with a number word."""
    n = len(text)
    gate = _DOC_NUMBER_GATE.search
    worded = {start for start, _ in _NUMBER_WORD_STARTS.lines(text, lowered(text))}
    for start, end in DIGIT_LINES.lines(text):
        stop = min(n, end + 1)
        if start in worded and gate(text, start, stop):
            yield from _DOC_NUMBER.finditer(text, start, stop)


def _documents_numbers(text: str) -> Iterator[Detection]:
    matches = (m for m in _doc_number_matches(text) if _is_document(m))
    yield from _cued_values(matches, 6, 0.8, "id.document_number")
    for m in lines_finditer(_GHANA_CARD, DIGIT_RUN_LINES, text):
        yield Detection(m.start(), m.end(), "NATIONAL_ID", 0.93, "id.ghana_card", m.group(0))
    for m in lines_finditer(_UK_LICENCE, DIGIT_RUN_LINES, text):
        if _uk_licence_date(m.group("d")):
            yield Detection(m.start(), m.end(), "NATIONAL_ID", 0.9, "id.uk_licence", m.group(0))
    for m in lines_finditer(_PAN, DIGIT_LINES, text):
        if passes_check(_PAN_VALID, m.group(0)) or _PAN_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            yield Detection(m.start(), m.end(), "NATIONAL_ID", 0.85, "id.pan", m.group(0))


@cache
def _ordinary() -> frozenset[str]:
    return gz.english_words() | gz.dictionary_words()


_SPOKEN_CUE: Final = re.compile(
    r"(?i:(?<![\w\-])(?:nik|ktp|kk|ssn|sin|nin|tfn|nhs|ird|passport|paspor|nric|mykad|aadhaa?r|"
    r"social[ \t]+security|national[ \t]+insurance|nomor[ \t]+induk|id[ \t]+number)(?:-?nya)?(?![\w\-]))"
    r"[^\d\n.?!;]{0,30}$"
)
_SPOKEN_ID_STEMS: Final = (
    "nik", "ktp", "ssn", "nin", "tfn", "nhs", "ird", "passport", "paspor", "nric", "mykad", "aadha", "social",
    "national", "nomor induk", "id number",
)


def _spoken_ids(text: str, low: str) -> Iterator[Detection]:
    """An identity number said in words after its document word (``NIK saya tiga satu tujuh empat ...``, ``my
    SSN is five two four, seven one, ...``): six digit words or more."""
    lines = word_lines(text, low, _SPOKEN_ID_STEMS, ("kk", "sin"))
    for m in _on(SPOKEN_PHONE, text, lines):
        digits = spoken_digits(m.group(0))
        if len(digits) < 6 or sum(c.isalpha() for c in m.group(0)) < 12:
            continue
        cue = _SPOKEN_CUE.search(text, max(0, m.start() - 45), m.start())
        if cue is not None and not _NOT_BETWEEN.search(cue.group(0)):
            yield Detection(m.start(), m.end(), "NATIONAL_ID", 0.9, "id.spoken", m.group(0))


_BPJS: Final = re.compile(r"0(?<![\w\-+.,]0)00\d(?:[ \-]?\d){9}(?![\w\-]|[.,]\d)")
"""A BPJS Kesehatan card number (JKN-KIS): 13 digits that start with ``000``, also in groups (``0001 4421 7883
9``). No telephone number starts with ``000`` (after the ``00`` of an international call no country code
starts with 0), so the shape alone says "card number", wherever the question that asked for it was."""
_BPJS_RUNS: Final = DigitLed(_BPJS, 13)
"""Digit-led (:mod:`._digitruns`): a 0 after no word character, 13 digits joined by single spaces or dashes."""


_ANY_GROUPS_16: Final = re.compile(r"\d(?<![\w.\-+][\s\S])(?:[ .\-]?\d){15}(?![\w\-]|[.,]\d)")
"""Sixteen digits in any grouping (``1371 045607 910002``): a NIK when its region and birth date hold."""
_ANY_GROUPS_16_RUNS: Final = DigitLed(_ANY_GROUPS_16, 16)
"""Digit-led (:mod:`._digitruns`): a digit after no word character, 16 digits joined by single `` .-``."""


_NI_CUED: Final = re.compile(
    r"(?i:(?<![\w\-])(?:national[ \t]+insurance|ni|nino)(?:[ \t]+(?:number|no\.?))?(?![\w\-])[^\n\d.?!;]{0,16}?"
    r"(?<![\w\-])(?P<v>[a-z]{2}[ ]?\d{2}[ ]?\d{2}[ ]?\d{2}[ ]?[a-d]))(?![\w\-])"
)
"""A UK National Insurance number in any case after its word (``national insurance: qq 12 34 56 c``); the shape
rule reads capitals only."""
_NI_DIGITS: Final = InLines(DIGIT_LINES, re.compile(r"\d\d[ ]?\d\d[ ]?\d\d[ ]?[A-Da-d](?![\w\-])"))
"""The digits and the letter of a National Insurance number: the lines worth a look."""


def _cued_ni(text: str) -> Iterator[Detection]:
    for m in gated_finditer(_NI_CUED, _NI_DIGITS, text):
        yield Detection(m.start("v"), m.end("v"), "NATIONAL_ID", 0.93, "id.uk_ni_cued", m.group("v"))


_NUMBER_SAID: Final = re.compile(
    r"(?i:(?<![\w\-])(?:number|nomor|nomornya|nomer|no\.|digits))(?![\w\-])[^\d\n.?!;]{0,40}?"
    r"(?<![\w\-+.,/])(?P<v>\d(?:[ \-]?\d){7,15})(?![\w\-]|[.,]\d)"
)
"""A number said as a number (``The number was on a photocopy, 533018294``, ``nomornya ...``): eight digits or
more, in any grouping."""
_NUMBER_SAID_LINES: Final = InLines(DIGIT_LINES, re.compile(r"\d(?:[ \-]?\d){7}"))
_DOCUMENT_EARLIER: Final = re.compile(
    r"(?<![\w\-])(?:(?i:passport|paspor|nik|ktp|ssn|nric|mykad|aadhaa?r|id[ \t]+card|identity[ \t]+card|"
    r"kartu[ \t]+identitas|social[ \t]+security|national[ \t]+insurance|driving[ \t]+licen[cs]e|"
    r"driver['’]?s['’]?[ \t]+licen[cs]e)|SIN|NIN|UCI)(?![\w\-])"
)
"""The identity document a sentence before the number names (``They wanted my passport.``)."""
_PHONE_WORD: Final = re.compile(r"(?i:(?<![\w\-])(?:phone|mobile|hp|wa|whatsapp|telepon|telp|nomor[ \t]+hp)(?![\w\-]))")


def _earlier_document(text: str) -> Iterator[Detection]:
    """An identity number whose document word is in the sentence before it, on the same line (``They wanted my
    passport. The number was on a photocopy, 533018294``), or earlier in its own sentence with no digit between
    (``a photo of my driver's license, then they wanted the number typed in too, 31748206``). Not a number that
    starts like a telephone number (``0``, ``+``), nor one with a phone's word in either sentence."""
    for m in gated_finditer(_NUMBER_SAID, _NUMBER_SAID_LINES, text):
        value = m.group("v")
        if value[0] == "0" or text[m.start("v") - 1 : m.start("v")] == "+":
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        own = max(text.rfind(c, line_start, m.start()) for c in ".?!;") + 1
        if own <= line_start:
            own = line_start  # no sentence before: the document word earlier in the number's own sentence
        prev = max(text.rfind(c, line_start, own - 1) for c in ".?!;") + 1
        low = max(prev, line_start, own - 120)
        doc = max(_DOCUMENT_EARLIER.finditer(text, low, m.start()), key=lambda d: d.start(), default=None)
        if doc is None or _PHONE_WORD.search(text, low, m.start("v")):
            continue
        if not any(c.isdigit() for c in text[max(own, doc.end()) : m.start("v")]):
            yield Detection(m.start("v"), m.end("v"), "NATIONAL_ID", 0.8, "id.document_earlier", value)


def find_checked_ids(text: str) -> Iterator[Detection]:
    """Identity numbers by shape and check digit, by a document word after them, and after document words the
    other rules do not know."""
    for m in _BPJS_RUNS.finditer(text):
        if sum(c.isdigit() for c in m.group(0)) == 13:
            yield Detection(m.start(), m.end(), "NATIONAL_ID", 0.96, "id.bpjs", m.group(0))
    for m in _ANY_GROUPS_16_RUNS.finditer(text):
        if nik_is_valid(re.sub(r"\D", "", m.group(0))):
            yield Detection(m.start(), m.end(), "NATIONAL_ID", 0.9, "id.nik_grouped", m.group(0))
    for m in _SHAPE_RUNS.finditer(text):
        name = m.lastgroup or ""
        check, good, bad = _CHECKS[name]
        raw = m.group(0)
        conf = good if check is None or passes_check(check, raw) else bad
        if conf:
            yield Detection(m.start(), m.end(), "NATIONAL_ID", conf, f"id.{name}", raw)
    low = lowered(text)
    for m in _on(_CODE, text, word_lines(text, low, _DOC_AFTER_STEMS, _DOC_AFTER_WORDS)):
        raw = _trim(m.group(0))
        if sum(c.isdigit() for c in raw) < 5:
            continue
        after = _DOC_AFTER.match(text, m.start() + len(raw))
        if after is None or DATE_LIKE.fullmatch(raw):
            continue
        digits = re.sub(r"\D", "", raw)
        conf = 0.95 if _valid_any(digits) else 0.88
        yield Detection(m.start(), m.start() + len(raw), "NATIONAL_ID", conf, "id.cue_after", raw)
    more = _on(_MORE_CUES, text, word_lines(text, low, _MORE_STEMS, _MORE_WORDS))
    yield from _cued_values(more, 5, 0.95, "id.cue_more")
    yield from _documents_numbers(text)
    yield from _spoken_ids(text, low)
    yield from _cued_ni(text)
    yield from _earlier_document(text)
