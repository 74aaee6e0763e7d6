"""Pattern detectors: PHONE, EMAIL, URL, HANDLE, NATIONAL_ID, PLATE, DATE and AGE.

Each detector is one compiled regular expression pass over the text followed by cheap validation
(digit counts, NIK structure, plate region prefixes, date ranges) and context checks for ages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache
from typing import Final

from . import gazetteers as gz
from ._ci import ci
from ._digitruns import DigitLed
from ._fastrx import (
    DIGIT_LINES,
    AllOf,
    ascii_finditer,
    dispatch,
    gated_finditer,
    split_top,
    trigger,
)
from ._idwords import (
    _DIGIT_WORDS,
    _REPEAT_WORDS,
    AMOUNT_AFTER,
    NIK_PROVINCES,
    PLATE_REGIONS,
    nik_is_valid,
    spoken_digits,
)
from ._text import line_before
from .flight_numbers import is_flight_number
from .handles import affixed_word
from .shapes import plate_without_tail
from .types import Detection

__all__ = [
    "PLATE_REGIONS",
    "NIK_PROVINCES",
    "detect_patterns",
    "find_ages",
    "find_dates",
    "find_emails",
    "find_handles",
    "find_national_ids",
    "find_phones",
    "find_plates",
    "find_urls",
    "OTHER_NUMBER",
    "nik_is_valid",
    "phone_confidence",
    "spoken_digits",
    "verhoeff_valid",
]

# --- PHONE -------------------------------------------------------------------------------------------

# ``(?<![\w+@/=.,])(?:\+|00)?\(?\d[\d \t().\-]{6,22}\d(?![\w@])``, first character consumed by a set
# (see ``_fastrx``): the same matches, found with the fast scan.
_PHONE_CANDIDATE = re.compile(
    r"[+(\d](?<![\w+@/=.,][\s\S])(?:(?<=\+)\(?\d|(?<=0)0\(?\d|(?<=\()\d|(?<=\d))[\d \t().\-]{6,22}\d(?![\w@])"
)
_MOBILE_LED = re.compile(r"(?:\+?62[ \-]?8|08)[1-9]\d(?:[ \-]?\d){0,6}[ \t]")
"""A number said partly in words that opens with an Indonesian mobile's prefix in figures (``0812``,
``+62 813``): the prefix says "telephone" before any word is said."""
_US_SHAPE = re.compile(r"^(?:\+?1[ .\-]?)?\(?\d{3}\)?[ .\-]\d{3}[ .\-]\d{4}$")
_IN_MOBILE = re.compile(r"^[6-9]\d{4}[ \-]?\d{5}$")
_MONEY_BEFORE = re.compile(r"(?:rp\.?|idr|usd|\$|£|€|rupiah)\s*$", re.IGNORECASE)

_WORD_ALT = "|".join(sorted([*_DIGIT_WORDS, *_REPEAT_WORDS], key=len, reverse=True))
_SPOKEN_TOKEN = rf"(?:(?:{_WORD_ALT})\b|\+?\d+)"
# ``(?<![\w+])(?:plus\s+)?TOKEN(?:SEP TOKEN){3,}`` (case-folded), dispatched on the first character.
_SPOKEN_NEXT = rf"(?:[ \t]*(?:\.\.\.?|…|[,.\-])?[ \t]+{_SPOKEN_TOKEN}|-{_SPOKEN_TOKEN})"
# (a pause said as an ellipsis, "0812 tiga tiga... 4455", is a separator too)
SPOKEN_ALTS: Final[tuple[str, ...]] = (
    rf"plus\s+{_SPOKEN_TOKEN}",
    *(rf"{w}\b" for w in sorted([*_DIGIT_WORDS, *_REPEAT_WORDS], key=len, reverse=True)),
    r"\+\d+",
)
"""First-token alternatives of the spoken-phone pattern (for the shared cue scan)."""
SPOKEN_PHONE: Final = re.compile(
    dispatch(
        SPOKEN_ALTS,
        fold=True,
        not_after=r"\w+",
        extra=[(r"\d", r"\d*")],
    )
    + ci(rf"{_SPOKEN_NEXT}{{3,}}")
)
SPOKEN_DIGIT_FOLLOW: Final = rf"\d*{_SPOKEN_NEXT}{{3}}"
"""What every spoken-phone match that starts with a digit has right after it (for the shared cue scan)."""


def _phone_confidence(raw: str, digits: str, text: str, start: int) -> float:
    """Confidence that a digit string with separators is a telephone number; 0 when it is not."""
    n = len(digits)
    if n < 9 or n > 15:
        return 0.0
    if _MONEY_BEFORE.search(line_before(text, start, 8)) or _DATE_SHAPE.match(raw):
        return 0.0
    plus = raw.startswith("+")
    if digits.startswith("00"):
        digits = digits[2:]
        plus = True
    if digits.startswith("62") and 10 <= n <= 15 and digits[2:3] in {"8", "2", "3", "4", "5", "6", "7", "9"}:
        return 0.97
    if digits.startswith("08") and 10 <= n <= 13:
        return 0.97
    if not raw.startswith("+") and _OTHER_NUMBER.search(line_before(text, start, 30)):
        return 0.0  # "resi JNE 0123 4567 8901": a parcel's number (an Indonesian mobile or a "+" stays a telephone)
    if digits.startswith("0") and 9 <= n <= 12 and (raw[:1] in "(0" and any(c in raw for c in " -.()")):
        return 0.9  # landline or UK/other national format with separators
    if digits.startswith("07") and n == 11:
        return 0.95
    if plus and 8 <= n <= 15:
        return 0.9
    if _US_SHAPE.match(raw):
        return 0.85
    if n == 10 and digits[0] in "6789" and _IN_MOBILE.match(raw):
        return 0.85  # Indian mobile without +91
    return 0.0


phone_confidence: Final = _phone_confidence
"""Confidence that a digit string with separators is a telephone number (0 when it is not): ``(raw, digits,
text, start)``."""


_DATE_SHAPE = re.compile(r"(?:0?[1-9]|[12]\d|3[01])([./\-])(?:0?[1-9]|1[0-2])\1(?:19|20)\d\d(?!\d)")
"""A day.month.year date at the start of a digit run ("02.11.2023 19:40" is a chat stamp, not a number)."""
_SHORT_PHONE = re.compile(r"\d{3}[\-. ]\d{4}")
_SHORT_PHONE_CUE = re.compile(
    r"(?i:call|ring|phone|cell|mobile|number|text|nomor|nomer|telepon|telp|hp|wa)\w*[^\d\n]{0,12}$"
)


def find_phones(text: str, *, spoken: Iterable[re.Match[str]] | None = None) -> Iterator[Detection]:
    """Telephone numbers: Indonesian mobile/landline, E.164, UK and US shapes, and partly spoken forms.

    ``spoken``: the matches of :data:`SPOKEN_PHONE` in ``text`` when a shared cue scan found them already.
    """
    for m in ascii_finditer(_PHONE_CANDIDATE, text):
        raw = m.group(0)
        # Trim a trailing closing bracket or dot that belongs to the sentence.
        raw = raw.rstrip(" .-(")
        if raw.count("(") != raw.count(")"):
            raw = raw.rstrip(")")
        digits = re.sub(r"\D", "", raw)
        conf = _phone_confidence(raw, digits, text, m.start())
        if not conf and len(digits) == 7 and _SHORT_PHONE.fullmatch(raw):
            # a local number ("555-0147") right after a phone cue
            if _SHORT_PHONE_CUE.search(line_before(text, m.start(), 24)):
                yield Detection(m.start(), m.start() + len(raw), "PHONE", 0.75, "phone.short", raw)
            continue
        cue = _ID_CUE.search(line_before(text, m.start(), 24)) if conf else None
        if cue is not None and _ID_MOBILE.fullmatch(digits) and _MOBILE_WORD.search(cue.group(0)):
            cue = None  # "bawa KTP, nomorku 0857-...": a mobile number after its own word, not the card's
        if cue is not None:
            # "No BPJS 0001234567890": an identity number, not a telephone
            yield Detection(m.start(), m.start() + len(raw), "NATIONAL_ID", 0.7, "id.cued_number", raw)
        elif conf:
            yield Detection(m.start(), m.start() + len(raw), "PHONE", conf, "phone.pattern", raw)
    for m in spoken if spoken is not None else SPOKEN_PHONE.finditer(text):
        raw = m.group(0)
        if not re.search(r"[A-Za-z]{2}", raw):
            continue  # all digits: handled above
        words = [w.lower() for w in re.findall(r"[A-Za-z]+", raw)]
        digits = spoken_digits(raw)
        if sum(1 for w in words if w in _DIGIT_WORDS) < (1 if _MOBILE_LED.match(raw) else 3):
            continue  # fewer words only after a mobile's prefix in figures ("0812 tiga tiga 4455 66")
        if not (9 <= len(digits) <= 15 and (digits.startswith("0") or digits.startswith("62"))):
            continue
        yield Detection(m.start(), m.end(), "PHONE", 0.9, "phone.spoken", raw)


# --- EMAIL, URL, HANDLE ------------------------------------------------------------------------------

_EMAIL = re.compile(
    r"[A-Za-z0-9](?<![\w.+\-][\s\S])[A-Za-z0-9._%+\-]*@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}"
)
_URL = re.compile(
    r"(?<![\w@])(?:https?://|www\.)[^\s<>\"']+"
    r"|(?<![\w@./])(?:[a-z0-9\-]+\.)+(?:com|net|org|id|co\.id|io|me|ly|link|site|xyz|info|uk|ee|be|gl|co|tv|"
    r"app|dev|page|store|shop|online|my|sg|au|in|ng|ca|us|gg|to|cc|biz|blog|gle|gd|bio)/[^\s<>\"']*",
    re.IGNORECASE,
)
_URL_GATE = trigger(["/", *(a + b + c + "." for a in "wW" for b in "wW" for c in "wW")])
r"""Every URL holds a slash or "www." in some case (``[/wW](?:(?<=/)|[wW][wW]\.)`` as literals)."""
_BARE_DOMAIN = re.compile(
    r"(?<![\w@./\-])(?:[a-z0-9\-]+\.)+(?:[a-z0-9\-]+\.)(?:com|net|org|co\.id|co\.uk|com\.au|co\.in|com\.ng|"
    r"my\.id|web\.id|or\.id|ac\.id|id|uk|au|io|site|xyz|info)(?![\w@.\-]*[\w@\-])",
    re.IGNORECASE,
)
_BARE_DOMAIN_GATE = trigger([".com", ".net", ".org", ".id", ".uk", ".au", ".io", ".site", ".xyz", ".info"])
_SHORT_LINK_GATE = trigger(["wa.me", "t.me", "api.whatsapp.com/send?phone="])
_SHORT_LINK = re.compile(r"(?<![\w@./])(?:https?://)?(?:wa\.me|t\.me|api\.whatsapp\.com/send\?phone=)/?[^\s<>\"']+")
_AT_HANDLE = re.compile(r"@(?<![\w.@]@)[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?")
_HANDLE_CUES = (
    r"ID|Id|id|akun|akunnya|akunku|username|user\s?name|user|IG|ig|Insta|insta|Instagram|instagram|"
    r"MiChat|michat|TikTok|tiktok|Telegram|telegram|Twitter|twitter|FB|fb|Snapchat|snapchat|Line|"
    r"handle|nick|nickname|Facebook|facebook|YouTube|youtube|Discord|discord|LinkedIn|linkedin|Threads|threads|"
    r"Shopee|shopee|Tokopedia|tokopedia|Snap|snap|Insta['’]s|insta['’]s|Bluesky|bluesky"
)
HANDLE_CUE_ALTS: Final = tuple(split_top(_HANDLE_CUES))
HANDLE_CUE: Final = re.compile(
    dispatch(HANDLE_CUE_ALTS, not_after=r"\w")
    + r"(?:[- ]?(?:MiChat|michat|IG|ig|WA|Telegram|TikTok|FB|fb|Facebook|Twitter|X|Line|Snap|Insta))?"
    r"(?:-?nya|-?na|-e|-?ku|-?mu)?"
    r"(?:[ \t]+(?:saya|aku|ambo|gue|kamu|dia|my|his|her|name))?"
    r"[ \t]*(?:(:|=|,)|adalah|itu|is|as|namanya)?[ \t]+@?(?P<h>[A-Za-z0-9_.]{3,32}[A-Za-z0-9_])"
)
_TRAIL = ".,;:!?)]}'\""
_REDDIT = re.compile(r"(?<![\w/])u/[A-Za-z0-9_\-]{3,20}")
_REDDIT_GATE = trigger(["u/"])
_AT = trigger(["@"])


_PLAIN_HANDLE_SEP = re.compile(r"[:=]|\b(?:adalah|is|as|namanya|saya|aku|ambo|gue|my|itu|dia|kamu|his|her)\b|['’]s\b")


@cache
def _ordinary_words() -> frozenset[str]:
    return gz.ordinary_words()


def find_emails(text: str) -> Iterator[Detection]:
    """E-mail addresses."""
    for m in gated_finditer(_EMAIL, _AT, text):
        yield Detection(m.start(), m.end(), "EMAIL", 0.99, "email.pattern", m.group(0))


def find_urls(text: str) -> Iterator[Detection]:
    """Web addresses (with a scheme, ``www.`` or a known top-level domain followed by a path), and bare
    domains of three or more labels (``tokoku.example.id``)."""
    for m in gated_finditer(_BARE_DOMAIN, _BARE_DOMAIN_GATE, text):
        yield Detection(m.start(), m.end(), "URL", 0.8, "url.domain", m.group(0))
    for m in gated_finditer(_URL, _URL_GATE, text):
        raw = m.group(0).rstrip(_TRAIL)
        if "@" in raw.split("/", 1)[0] or re.match(r"(?:https?://)?(?:wa\.me|t\.me)/", raw, re.IGNORECASE):
            continue
        yield Detection(m.start(), m.start() + len(raw), "URL", 0.97, "url.pattern", raw)


def find_handles(text: str, *, cued: Iterable[re.Match[str]] | None = None) -> Iterator[Detection]:
    """Chat and social-media user names: ``@name``, ``wa.me/...``, ``t.me/...`` and cued IDs.

    ``cued``: the matches of :data:`HANDLE_CUE` in ``text`` when a shared cue scan found them already.
    """
    for m in gated_finditer(_SHORT_LINK, _SHORT_LINK_GATE, text):
        raw = m.group(0).rstrip(_TRAIL)
        yield Detection(m.start(), m.start() + len(raw), "HANDLE", 0.97, "handle.link", raw)
    for m in _AT_HANDLE.finditer(text):
        yield Detection(m.start(), m.end(), "HANDLE", 0.95, "handle.at", m.group(0))
    for m in gated_finditer(_REDDIT, _REDDIT_GATE, text):
        yield Detection(m.start(), m.end(), "HANDLE", 0.9, "handle.reddit", m.group(0))
    for m in cued if cued is not None else HANDLE_CUE.finditer(text):
        h = m.group("h").rstrip(".")
        colon = m.group(1) is not None and m.group(1) != ","
        looks_made_up = bool(re.search(r"[_\d]|[a-z]\.[a-z]", h))
        stem = re.sub(r"(?:nya|ku|mu|lah|kah|na)$", "", h)
        plain = (
            _PLAIN_HANDLE_SEP.search(m.group(0)[: m.start("h") - m.start()]) is not None
            and h.islower()
            and len(h) >= 5
            and h.isalpha()
            and h not in _ordinary_words()
            and stem not in _ordinary_words()
            and not affixed_word(h)  # ("akun saya disuspend": a verb, not a name)
        )
        if not (looks_made_up or plain or (colon and not h.istitle())):
            continue
        start = m.start("h")
        if start > 0 and text[start - 1] == "@":
            continue  # the @ form is found above
        if h.isdigit() and is_flight_number(text, m.start(), start + len(h)):
            continue  # "nomor penerbangan saya ID 6570": an airline's designator and a flight, no user's ID
        yield Detection(start, start + len(h), "HANDLE", 0.9 if looks_made_up else 0.7, "handle.cue", h)


# --- NATIONAL_ID ---------------------------------------------------------------------------------------

_NIK = re.compile(r"\d(?<![\d.\-][\s\S])\d[ .]?\d{2}[ .]?\d{2}[ .]?\d{6}[ .]?\d{4}(?![\d])")
_GROUPS_4 = re.compile(r"\d(?<![\d.\-+][\s\S])\d{3}([ .\-])\d{4}\1\d{4}(?:\1\d{4})?(?![\d\-])")
_NPWP = re.compile(r"\d(?<!\d[\s\S])\d\.\d{3}\.\d{3}\.\d[\-.]\d{3}\.\d{3}(?!\d)")
_SSN = re.compile(r"\d(?<![\d\-][\s\S])\d{2}[- ]\d{2}[- ]\d{4}(?![\d\-])")
# Digit-led (:mod:`._digitruns`): each starts at a digit after no digit; its digits are joined by single `` .-``.
_NIK_RUNS = DigitLed(_NIK, 16)
_GROUPS_4_RUNS = DigitLed(_GROUPS_4, 12)
_NPWP_RUNS = DigitLed(_NPWP, 15)
_SSN_RUNS = DigitLed(_SSN, 9)
_UK_CODES = re.compile(
    r"[A-Z](?<!\w[\s\S])(?:(?P<ni>[A-Z][ ]?\d{2}[ ]?\d{2}[ ]?\d{2}[ ]?[A-D])|(?P<plate>[A-Z]\d{2}[ ]?[A-Z]{3})"
    r"|(?P<pc>[A-Z]?\d[A-Z\d]?[ \t]?\d[ABD-HJLNP-UW-Z]{2}))\b"
)
"""UK National Insurance numbers, current UK plates and UK postcodes in one scan (each shape is distinct)."""


def uk_codes(text: str) -> Iterator[Detection]:
    """UK National Insurance numbers (NATIONAL_ID), plates (PLATE) and postcodes (ADDRESS)."""
    for m in ascii_finditer(_UK_CODES, text):
        if m.group("ni") is not None:
            yield Detection(m.start(), m.end(), "NATIONAL_ID", 0.95, "id.uk_ni", m.group(0))
        elif m.group("plate") is not None:
            yield Detection(m.start(), m.end(), "PLATE", 0.93, "plate.uk", m.group(0))
        else:
            yield Detection(m.start(), m.end(), "ADDRESS", 0.85, "address.postcode", m.group(0))
_ID_CUE = re.compile(
    r"(?:nik|ktp|npwp|ssn|social security|national insurance|ni number|nomor induk|aadhaa?r|uid|nin|bvn|\butr|"
    r"passport|paspor|bpjs|kk|kartu keluarga)\W*\w*\W*$",
    re.I,
)
CUED_ID_ALTS: Final = tuple(
    split_top(
        r"nin|bvn|bpjs|kk|nik|ktp|ssn|tfn|aadhaa?r|passport|paspor|tax[ \t]+file[ \t]+number|"
        r"social[ \t]+security(?:[ \t]+number)?|my[ \t]+social|national[ \t]+id(?:entity)?(?:[ \t]+(?:number|no\.?))?|"
        r"identity[ \t]+number|id[ \t]+number|nomor[ \t]+(?:induk|identitas|ktp|kk)|medicare(?:[ \t]+number)?"
    )
)
CUED_ID: Final = re.compile(
    dispatch(CUED_ID_ALTS, fold=True, not_after=r"\w")
    + r"(?:-?nya|-?ku)?\b(?:[^\d\n.?!;]|\?(?=[ \t])){0,32}?(?<![\w@])(?P<v>[A-Z]{0,2}\d[\d \-]{5,18}\d)(?![\d\-])"
)
"""A number after an identity-document cue in the same clause (``My NIN is on the form, 7123...``), or after the
question that offers it (``KTP ambo perlu? 1384 ...``)."""
_DMY: Final = re.compile(r"(?:0?[1-9]|[12]\d|3[01])([\-/.])(?:0?[1-9]|1[0-2])\1(?:19|20)\d\d")
_OTHER_NUMBER: Final = re.compile(
    r"(?i:\b(?:order|invoice|receipt|tracking|account|rekening|resi|booking|ticket|tiket|reference|ref|serial|"
    r"pesanan|transaksi|transaction|parcel|paket|voucher|promo|awb)(?:-?nya)?(?:[ \t]+(?:number|no\.?|nomor|nomer|id|"
    r"code|kode|(?-i:[A-Z]{2,6}))(?:-?nya)?)?[ \t]*[:#]?[ \t]*$)"
)
"""An order's, parcel's or ticket's word right before a number (``resi JNE 0123 ...``, ``ticket 0012 ...``): the
number is neither a telephone nor an identity number."""
_ID_MOBILE: Final = re.compile(r"08[1-9]\d{7,10}")
"""The digits of an Indonesian mobile number (no NIK, KK, NPWP or BPJS number starts with 08)."""
_MOBILE_WORD: Final = re.compile(r"(?i:\b(?:nomor\w*|nomer\w*|no|hp|wa|kontak\w*|contact|phone|mobile)\b)")
"""A number word between an identity word and an Indonesian mobile number: the number is the speaker's own."""
OTHER_NUMBER: Final = _OTHER_NUMBER
"""An order's, parcel's or ticket's word right before a number (searched in the text before it)."""
_PHONE_WORDS = re.compile(r"(?i:\b(?:telepon|telpon|nelpon|hp|wa|whatsapp|phone|mobile|call|ring|text|sms)\b)")


def find_national_ids(text: str, *, cue_matches: Iterable[re.Match[str]] | None = None) -> Iterator[Detection]:
    """Indonesian NIK and NPWP, US Social Security numbers, Aadhaar, and numbers after an identity cue (UK
    National Insurance numbers: :func:`uk_codes`). ``cue_matches``: the matches of :data:`CUED_ID` when a shared cue
    scan found them already."""
    for m in _NIK_RUNS.finditer(text):
        digits = re.sub(r"\D", "", m.group(0))
        cued = bool(_ID_CUE.search(line_before(text, m.start(), 30)))
        if nik_is_valid(digits):
            conf = 0.99 if cued else 0.95
        elif cued:
            conf = 0.8
        else:
            conf = 0.6  # 16 digits that fail the structure: still likely an ID number
        yield Detection(m.start(), m.end(), "NATIONAL_ID", conf, "id.nik", m.group(0))
    for m in _GROUPS_4_RUNS.finditer(text):
        digits = re.sub(r"\D", "", m.group(0))
        cued = bool(_ID_CUE.search(line_before(text, m.start(), 30)))
        if len(digits) == 16:  # a NIK written in four groups
            if nik_is_valid(digits) or cued:
                conf = 0.97 if nik_is_valid(digits) else 0.8
                yield Detection(m.start(), m.end(), "NATIONAL_ID", conf, "id.nik", m.group(0))
        elif digits[0] in "23456789":  # India's Aadhaar (not an order's or a parcel's number)
            if not cued and _OTHER_NUMBER.search(line_before(text, m.start(), 30)):
                continue
            conf = 0.97 if cued else (0.9 if verhoeff_valid(digits) else 0.7)
            yield Detection(m.start(), m.end(), "NATIONAL_ID", conf, "id.aadhaar", m.group(0))
    for m in _NPWP_RUNS.finditer(text):
        yield Detection(m.start(), m.end(), "NATIONAL_ID", 0.97, "id.npwp", m.group(0))
    for m in _SSN_RUNS.finditer(text):
        raw = m.group(0)
        cued = bool(_ID_CUE.search(line_before(text, m.start(), 30)))
        if AMOUNT_AFTER.match(text, m.end()):
            continue  # "the fee, 214-75-8000 dollars": an amount in an identity number's shape
        if not cued and _OTHER_NUMBER.search(line_before(text, m.start(), 30)):
            continue  # "Ticket 204-33-9812": a ticket's, an order's or a receipt's number
        if raw[3] == "-" or cued:
            yield Detection(m.start(), m.end(), "NATIONAL_ID", 0.95 if cued else 0.85, "id.ssn", raw)
    for m in cue_matches if cue_matches is not None else CUED_ID.finditer(text):
        between = text[m.start() : m.start("v")]
        if _PHONE_WORDS.search(between):
            continue  # "KTP saya hilang, nomor HP saya ...": the number is a telephone
        if _DMY.fullmatch(m.group("v")):
            continue  # "di KTP tanggal lahir ... tertulis 05-07-1971": a date written on the card
        mobile = _ID_MOBILE.fullmatch(re.sub(r"\D", "", m.group("v")))
        if mobile and (_MOBILE_WORD.search(between) or "?" in between):
            continue  # "bawa KTP, nomorku 0857-...", "KTP? 0857-...": a mobile number, which no identity number is
        if AMOUNT_AFTER.match(text, m.end("v")):
            continue  # "my SSN, and then the fee, 214-75-8000 dollars": an amount, no identity number
        yield Detection(m.start("v"), m.end("v"), "NATIONAL_ID", 0.98, "id.cue", m.group("v"))


def verhoeff_valid(digits: str) -> bool:
    """True when ``digits`` pass the Verhoeff check (India's Aadhaar numbers carry one)."""
    d = (
        (0, 1, 2, 3, 4, 5, 6, 7, 8, 9), (1, 2, 3, 4, 0, 6, 7, 8, 9, 5), (2, 3, 4, 0, 1, 7, 8, 9, 5, 6),
        (3, 4, 0, 1, 2, 8, 9, 5, 6, 7), (4, 0, 1, 2, 3, 9, 5, 6, 7, 8), (5, 9, 8, 7, 6, 0, 4, 3, 2, 1),
        (6, 5, 9, 8, 7, 1, 0, 4, 3, 2), (7, 6, 5, 9, 8, 2, 1, 0, 4, 3), (8, 7, 6, 5, 9, 3, 2, 1, 0, 4),
        (9, 8, 7, 6, 5, 4, 3, 2, 1, 0),
    )
    p = (
        (0, 1, 2, 3, 4, 5, 6, 7, 8, 9), (1, 5, 7, 6, 2, 8, 3, 0, 9, 4), (5, 8, 0, 3, 7, 9, 6, 1, 4, 2),
        (8, 9, 1, 6, 0, 4, 3, 5, 2, 7), (9, 4, 5, 3, 1, 2, 6, 8, 7, 0), (4, 2, 8, 6, 5, 7, 3, 9, 0, 1),
        (2, 7, 9, 3, 8, 0, 6, 4, 1, 5), (7, 0, 4, 6, 9, 1, 3, 2, 5, 8),
    )
    check = 0
    for i, ch in enumerate(reversed(digits)):
        check = d[check][p[i % 8][int(ch)]]
    return check == 0


# --- PLATE -----------------------------------------------------------------------------------------------

_PLATE_ID = re.compile(r"(?P<r>[A-Z](?<!\w[\s\S])[A-Z]?)[ \t\-]?(?P<n>\d{1,4})[ \t\-]?(?P<s>[A-Z]{1,3})\b")
_PLATE_UK = re.compile(r"[A-Z](?<!\w[\s\S])[A-Z]\d{2}[ ]?[A-Z]{3}\b")
_PLATE_CUE = re.compile(r"(?:plat|nopol|plate|reg|rego|registration|motor|mobil|number|car|van)\w*\W*$", re.I)


_IN_STATES: Final[frozenset[str]] = frozenset(
    "AN AP AR AS BR CG CH DD DL DN GA GJ HP HR JH JK KA KL LA LD MH ML MN MP MZ NL OD OR PB PY RJ SK TN TR TS UK "
    "UP WB".split()
)
_PLATE_FOREIGN = re.compile(
    r"[A-Z](?<!\w[\s\S])(?:(?P<in>[A-Z][ \t\-]?\d{1,2}[A-Z]?[ \t\-]?[A-Z]{1,3}[ \t\-]?\d{4})"
    r"|(?P<ng>[A-Z]{2}[ \t\-](?:\d{2,3}[ \t\-]|\d{3})[A-Z]{2})|(?P<lll>[A-Z]{2}[ \t\-]\d{3,4}))(?![\w\-])"
)
_PLATE_CUED = re.compile(
    r"(?i:(?:plates?|plat(?:e|nya)?|nopol|rego|registration|reg(?:[ \t]+(?:no|number))?|number[ \t]+plate|"
    r"license[ \t]+plate|licence[ \t]+plate|tag|tags)(?:[ \t]+(?:number|no\.?|nomor|is|was|was[ \t]+like|itu|nya))?)"
    r"[ \t]*[:,]?[ \t]+"
    r"(?P<p>[A-Z0-9]{1,4}(?:[ \t\-](?:[A-Z0-9]{2,5}|\d))(?:[ \t\-](?:[A-Z0-9]{2,5}|\d)){0,2}|[A-Z0-9]{5,8})(?![\w\-])"
)
_PLATE_CUE_GATE = trigger(["plate", "Plate", "plat", "Plat", "nopol", "rego", "Rego", "registration", "reg ", "tag"])


def _plate_like(raw: str) -> bool:
    return bool(re.search(r"[A-Z]", raw) and re.search(r"\d", raw)) and raw.upper() == raw


def find_plates(text: str) -> Iterator[Detection]:
    """Vehicle plates: Indonesian with a real region prefix (``BA 1234 QZ``), Indian (``KA 08 EM
    4471``), Nigerian (``KJA-345-AB``), three letters and digits (``LLL-NNNN``), and any letters-and-digits
    token right after a plate cue (``rego``, ``plate``, ``nopol``). Current UK plates: :func:`uk_codes`."""
    yield from _foreign_plates(text)
    for m in ascii_finditer(_PLATE_ID, text):
        if m.group("r") not in PLATE_REGIONS:
            continue
        spaced = " " in m.group(0) or "-" in m.group(0)
        cued = bool(_PLATE_CUE.search(line_before(text, m.start(), 25)))
        if not spaced and not cued and len(m.group("n")) < 3:
            continue
        conf = 0.97 if cued else (0.9 if len(m.group("n")) >= 3 else 0.7)
        yield Detection(m.start(), m.end(), "PLATE", conf, "plate.id", m.group(0))


def _foreign_plates(text: str) -> Iterator[Detection]:
    for m in ascii_finditer(_PLATE_FOREIGN, text):
        raw = m.group(0)
        if m.group("in") is not None:
            if raw[:2] in _IN_STATES:
                yield Detection(m.start(), m.end(), "PLATE", 0.9, "plate.in", raw)
        elif m.group("ng") is not None:
            yield Detection(m.start(), m.end(), "PLATE", 0.85, "plate.ng", raw)
        else:
            cued = bool(_PLATE_CUE.search(line_before(text, m.start(), 25)))
            if cued or "-" in raw:
                yield Detection(m.start(), m.end(), "PLATE", 0.85 if cued else 0.6, "plate.lll", raw)
    for m in gated_finditer(_PLATE_CUED, _PLATE_CUE_GATE, text):
        raw = plate_without_tail(m.group("p"))
        own = _PLATE_ID.fullmatch(raw)
        if (own is not None and own.group("r") in PLATE_REGIONS) or _PLATE_UK.fullmatch(raw):
            continue  # found by its own shape
        if _plate_like(raw) and 4 <= len(raw.replace(" ", "").replace("-", "")) <= 10:
            yield Detection(m.start("p"), m.start("p") + len(raw), "PLATE", 0.85, "plate.cue", raw)


# --- DATE ------------------------------------------------------------------------------------------------

_MONTHS = (
    "Januari|Februari|Pebruari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Nopember|"
    "Desember|January|February|March|May|June|July|August|October|December|"
    "Jan|Feb|Febr|Mar|Apr|Jun|Jul|Agu|Agt|Ags|Aug|Sep|Sept|Okt|Oct|Nov|Nop|Des|Dec|"
    # Hijri months, as Indonesians write them
    "Muharram|Muharam|Safar|Rabiul Awal|Rabiul Akhir|Jumadil Awal|Jumadil Akhir|Rajab|Syaban|Sya'ban|"
    "Ramadan|Ramadhan|Syawal|Zulkaidah|Dzulqaidah|Zulhijah|Dzulhijjah"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_DAY_FIRSTS = (r"1\d", r"2\d", r"3[01]", r"0[1-9]", *"123456789")
"""The day numbers of :data:`_DAY` as alternatives that start with a literal digit, in the order it tries them."""
_DATE_WORDS = re.compile(
    dispatch(
        [
            *(rf"{d}(?:st|nd|rd|th)?(?:[ \t]+of)?[ \t]+(?:{_MONTHS})\.?(?:[ \t,]+{_YEAR})?" for d in _DAY_FIRSTS),
            *(rf"{m}\.?[ \t]+{_DAY}(?:,?[ \t]+{_YEAR})?" for m in _MONTHS.split("|")),
            *(rf"{m}\.?(?:[ \t,]+|[ \t]+of[ \t]+){_YEAR}" for m in _MONTHS.split("|")),
            *(rf"{m}\.?[ \t]+['’]\d{{2}}" for m in _MONTHS.split("|")),
        ],
        not_after=r"\w",
    )
    + r"\b"
)
"""``\b(?:DAY MONTH YEAR?|MONTH DAY YEAR?|MONTH YEAR|MONTH 'YY)\b``, each alternative spelt out per day number
and month so that :func:`~._fastrx.dispatch` gives the fast scan (the same matches)."""
_MONTH_GATE = trigger(_MONTHS.split("|"))
_MONTH_DIGIT_LINES = AllOf(_MONTH_GATE, DIGIT_LINES)
"""A month's name and a digit on the line: every :data:`_DATE_WORDS` match holds both."""
_DATE_NUM = re.compile(
    r"(\d(?<![\d.\-/][\s\S])\d{0,3})([/.\-])(\d{1,2})(?:\2(\d{2,4})(?![\d.\-/]\d)|(?![\d/.\-]|[.,]\d))"
)
"""A numeric date: day/month/year (any order of day and month, or year first), or day/month alone (kept only
after a date cue)."""


_DATE_CUE_BEFORE = re.compile(
    r"\b(?:tanggal|tgl\.?|tang|on|dated|date|since|sejak|sampai|until)[ \t]+$"
    r"|\b(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|Ahad|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)[ \t]*\($",
    re.IGNORECASE,
)


_TIME_AFTER: Final = re.compile(r"[ \t]+(?i:at|jam|pukul|pkl\.?)[ \t]+\d")
_VERSION_BEFORE: Final = re.compile(r"(?i:\b(?:version|versi|ver\.?|v)[ \t]*$)")
_DATE_THEN_SPACE: Final = re.compile(r"\d{1,4}([/.\-])\d{1,2}\1\d{2,4},?[ \t]+$")


def find_dates(text: str) -> Iterator[Detection]:
    """Dates naming a month with a day and/or year, numeric day/month/year dates, and day/month after a
    date cue (``tanggal 25/06``)."""
    for m in gated_finditer(_DATE_WORDS, _MONTH_DIGIT_LINES, text):
        raw = m.group(0).rstrip(". ,")
        yield Detection(m.start(), m.start() + len(raw), "DATE", 0.9, "date.words", raw)
    for m in ascii_finditer(_DATE_NUM, text):
        a, b, c = m.group(1), m.group(3), m.group(4)
        if _VERSION_BEFORE.search(line_before(text, m.start(), 10)):
            continue  # "version 2.3.14": an app's version, not a date
        if c is None:  # day/month without a year ("25/06", "12-1"): a date only after a date cue
            if m.group(2) == ".":
                continue  # "21.30", "1.500": a clock time or an amount
            first, second = int(a), int(b)
            if len(a) > 2 or (m.start() > 0 and (text[m.start() - 1].isalpha() or text[m.start() - 1] == "_")):
                continue
            if not ((1 <= first <= 31 and 1 <= second <= 12) or (1 <= first <= 12 and 13 <= second <= 31)):
                continue
            timed = _TIME_AFTER.match(text, m.end()) is not None and not first < second <= 8  # (not "1/2 at 9")
            if _DATE_CUE_BEFORE.search(line_before(text, m.start(), 12)) or timed:
                yield Detection(m.start(), m.end(), "DATE", 0.8, "date.cued", m.group(0))
            continue
        if len(a) == 4:
            year, month, day = int(a), int(b), int(c)
        else:
            day, month, year = int(a), int(b), int(c)
            if month > 12 and day <= 12:
                day, month = month, day
        if not (1 <= day <= 31 and 1 <= month <= 12) or len(c) == 3:
            continue
        if len(a) != 4 and len(c) == 4 and not 1900 <= year <= 2099:
            continue
        if m.group(2) == "." and len(c) == 2 and _DATE_THEN_SPACE.search(text, max(0, m.start() - 14), m.start()):
            continue  # "[04/03/24 07.05.19]": a chat stamp's clock time after its date
        yield Detection(m.start(), m.end(), "DATE", 0.85, "date.numeric", m.group(0))


# --- AGE -------------------------------------------------------------------------------------------------

_UNITS = (
    "se|satu|dua|tiga|tigo|empat|ampek|lima|limo|enam|anam|tujuh|tujuah|delapan|lapan|sembilan|sambilan|"
    "tige|ampa|tilu|opat|genep|dalapan|salapan"  # regional forms (Malay, Betawi, Sundanese)
)
_NUM_WORDS_ID = (
    rf"(?:(?:{_UNITS})[ \t]*(?:puluh|puluah|puloh|pulu)(?:[ \t]+(?:{_UNITS}))?|(?:{_UNITS})[ \t]*(?:belas|baleh)"
    r"|sepuluh|sebelas)"
)
_NUM_WORDS_EN = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\- ](?:one|two|three|four|five|six|"
    r"seven|eight|nine))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
_AGE_NUM = rf"(?:\d{{1,3}}|{_NUM_WORDS_ID}|{_NUM_WORDS_EN})"
_AGE_UNIT = (
    r"(?:[ \t]*(?:tahun|taun|taon|taong|thn|th)\b|[ \t\-]*years?[ \t\-]old\b|[ \t]*(?:yo|y/o|yrs?(?:[ \t]+old)?)\b)"
)
_AGE_CUES = (
    r"umur|umurnya|umurku|umur\s+saya|usia|usianya|usiaku|berumur|berusia|aged|age|age of|"
    r"I'm|I’m|I am|im|he's|she's|he is|she is|turned|turning|turns|aku|saya|ambo|gue|I was|he was|she was"
)
AGE_CUE_ALTS: Final = tuple(split_top(_AGE_CUES))
_SMALL_AFTER_TURNED = (
    r"(?:(?<=turned )|(?<=turning )|(?<=turns )|(?<=aged )|(?<=age of ))"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten)(?![\w\-])(?:[ \t\-]+years?(?:[ \t\-]+old)?)?"
)
"""A small age in words, only right after "turned" or "aged" ("my son turned seven"; "I'm one of them" is none)."""
AGE_CUED: Final = re.compile(
    dispatch(AGE_CUE_ALTS, fold=True, not_after=r"\w")
    + ci(
        rf"[ \t]+"
        rf"(?:(?:udah|sudah|baru|sekitar|kira-kira|about|"
        rf"around|only|just|nearly|almost|jalan|mau|masih|pushing|touching|going[ \t]+on|hampir)[ \t]+)?"
        rf"(?P<a>{_SMALL_AFTER_TURNED}|{_AGE_NUM}(?:-odd|-ish|-something|[ \t]+odd)?{_AGE_UNIT}?)"
        rf"(?![\w:.,]\d)"
    )
)
_AGE_COMMA = re.compile(
    ci(
        rf",[ \t]+(?:(?:baru|sudah|udah|masih|now|just|only)[ \t]+)?(?P<a>{_AGE_NUM}{_AGE_UNIT})"
        rf"(?=[ \t]*(?:[.,;)\n]|$|dan|and))"
    )
)
_AGE_APPOSITION: Final = re.compile(
    r"[,(][ \t]*(?P<a>[1-9]\d)(?=[ \t]*\)|,[ \t]+(?:from|dari|asal|asli|[a-z]+[ \t]+year|semester|kelas|"
    r"single|married|menikah|janda|duda|mother|father|ibu|bapak)\b|[ \t]*[,;][ \t]*$)",
)
"""A bare age in apposition to a name: ``Priya, 27, from Leicester``, ``Sari (24)``."""
_DECADE_AGE: Final = re.compile(
    r"\b(?:in[ \t]+(?:my|his|her|their|your|our)[ \t]+(?:early[ \t]+|mid[ \t\-]*|late[ \t]+)?"
    r"(?P<a>(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)|\d0s)"
    r"|(?i:umur(?:nya|ku)?|usia(?:nya|ku)?|sekitar)[ \t]+(?P<b>(?:dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)"
    r"[ \t]+puluhan(?:[ \t]+tahun)?|[2-9]0-an(?:[ \t]+tahun)?))"
)
_DECADE_GATE = trigger(["ties", "0s", "puluhan", "0-an"])
_NAME_BEFORE_COMMA = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’\-]+$")
_AGE_OLD_UNIT = re.compile(
    r"[ \t\-yY](?:(?<=[ \t])(?:[ \t\-]*(?:[yY]ears?[ \t\-]old|-year-old)|[ \t]*(?:yo|y/o))"
    r"|(?<=-)(?:[ \t\-]*(?:[yY]ears?[ \t\-]old|-year-old)|year-old)"
    r"|(?<=[yY])ears?[ \t\-]old|(?<=y)(?:o|/o))\b"
)
r"""``(?:[ \t\-]*(?:[yY]ears?[ \t\-]old|-year-old)|[ \t]*(?:yo|y/o))\b`` with its first character consumed by a set
and the branches picked by a look-behind at it (see ``_fastrx``): the same matches, found with the fast scan."""
_AGE_OLD_GATE = trigger(["ear", "yo", "y/o"])
_AGE_OLD_NUM = re.compile(rf"\b{ci(_AGE_NUM)}$")


def _age_spans(
    text: str, cued: Iterable[re.Match[str]] | None
) -> Iterator[tuple[int, int, int, float, str]]:
    """(cue start, age start, age end, confidence, detector) for every age candidate."""
    for m in cued if cued is not None else AGE_CUED.finditer(text):
        yield m.start(), m.start("a"), m.end("a"), 0.9, "age.cue"
    for unit in gated_finditer(_AGE_OLD_UNIT, _AGE_OLD_GATE, text):
        # unit first (a rare literal), then the number just before it
        num = _AGE_OLD_NUM.search(text, max(0, unit.start() - 40), unit.start())
        if num is not None:
            yield num.start(), num.start(), unit.end(), 0.9, "age.old"
    for m in _AGE_COMMA.finditer(text):
        yield m.start(), m.start("a"), m.end("a"), 0.75, "age.comma"
    for m in _AGE_APPOSITION.finditer(text):
        end = m.start()
        while end > 0 and text[end - 1] in " \t":
            end -= 1
        if _NAME_BEFORE_COMMA.search(text, max(0, end - 30), end):
            yield m.start(), m.start("a"), m.end("a"), 0.7, "age.apposition"
    for m in gated_finditer(_DECADE_AGE, _DECADE_GATE, text):
        group = "a" if m.group("a") else "b"
        yield m.start(), m.start(group), m.end(group), 0.7, "age.decade"
    for m in gated_finditer(_AGE_FILLED, _AGE_FILLED_GATE, text):
        yield m.start(), m.start("a"), m.end("a"), 0.85, "age.filled"
    for m in gated_finditer(_AGE_BEFORE_CUE, _AGE_FILLED_GATE, text):
        yield m.start(), m.start("a"), m.end("a"), 0.85, "age.before"


_AGE_FILLED = re.compile(
    ci(
        r"(?:umur|usia|berumur|berusia|aged)(?:nya|ku|mu)?(?:[ \t]+(?:saya|aku|ambo|gue|dia|beliau|awak))?"
        rf"(?:[ \t]+[a-z\-]{{2,12}}){{1,3}}?,?[ \t]+(?P<a>(?:\d{{1,3}}|{_NUM_WORDS_ID}|{_NUM_WORDS_EN})"
        r"[ \t]*(?:tahun|taun|thn|th|years?(?:[ \t\-]old)?)\b)"
    )
)
_AGE_BEFORE_CUE_TAIL = r"[ \t]*(?:tahun|taun|thn))[ \t]+(?:umur|usia)(?:nya|ku|mu|[ \t]+saya|[ \t]+aku)?\b"
_AGE_BEFORE_CUE_WORDS = [
    *(rf"{unit}[ \t]*(?:puluh|puluah|puloh|pulu)(?:[ \t]+(?:{_UNITS}))?" for unit in _UNITS.split("|")),
    *(rf"{unit}[ \t]*(?:belas|baleh)" for unit in _UNITS.split("|")),
    "sepuluh",
    "sebelas",
]
"""The alternatives of :data:`_NUM_WORDS_ID`, each led by a literal letter, in the order the regex engine tries
them (``(?:u1|u2)X|(?:u1|u2)Y`` tries u1X, u2X, u1Y, u2Y)."""
_AGE_BEFORE_CUE = re.compile(
    "(?P<a>" + dispatch(_AGE_BEFORE_CUE_WORDS, fold=True, extra=[(r"\d", r"\d{0,2}")]) + ci(_AGE_BEFORE_CUE_TAIL)
)
"""``ci((?P<a>(?:\\d{1,3}|_NUM_WORDS_ID)TAIL)``, the first character consumed by a set (``_fastrx.dispatch``): the
same matches, but the regex engine skips to a digit or a number word's first letter instead of trying every
position of the lines holding "umur" or "usia" (25 ms a pass over the open interviews, on 54,000 characters)."""
_AGE_FILLED_GATE = trigger(["umur", "Umur", "usia", "Usia", "aged", "Aged", "berumur", "berusia"])


_NOT_AGE_UNIT: Final = re.compile(
    r"\s*(?:minutes?|mins?|mnt|menit|jam|hours?|hrs?|secs?|seconds?|detik|"
    r"ribu|rb|k\b|juta|jt|pounds?|quid|dollars?|bucks|euros?|cents?|%|persen|percent|kg|cm|km|miles?|x\b|kali|"
    r"times|orang|people|orders?|drops?|deliveries|items?|parcels?|o['’]clock|am\b|pm\b|"
    r"foot|feet|ft\b|inch|inches|stone|st\b|lbs?\b|kilos?|meters?|metres?|'|’|\")(?![a-z])"
)
"""A unit after a bare number that makes it a time, a price or a count of things ("I'm 10 min late"); days,
weeks and months stay ages ("umur 3 bulan": a baby)."""


def _plausible_age(raw: str) -> bool:
    num = re.match(r"\d+", raw)
    return num is None or 1 <= int(num.group(0)) <= 110


def find_ages(text: str, *, cued: Iterable[re.Match[str]] | None = None) -> Iterator[Detection]:
    """A person's age: the number and unit, after an age cue, in ``Name, 24 tahun`` form, or ``N years old``.

    The span is the number and its unit, never the cue word (``umur``, ``I'm``). ``cued``: the matches of
    :data:`AGE_CUED` in ``text`` when a shared cue scan found them already.
    """
    for cue_start, start, end, conf, name in _age_spans(text, cued):
        raw = text[start:end]
        if not _plausible_age(raw):
            continue
        num = re.match(r"\d+", raw)
        cue_words = text[cue_start:start].split()
        cue_word = cue_words[0].lower() if cue_words else ""
        if cue_word in {"aku", "saya", "ambo", "gue"} and not re.search(r"[a-z]$", raw.lower()):
            continue  # "aku 24" without a unit is not enough
        if name == "age.cue" and num and raw == num.group(0):
            # a bare number after "I'm"/"umur": not a time, a price or a count of things
            after = text[end : end + 12].lower()
            if _NOT_AGE_UNIT.match(after):
                continue
        if name == "age.comma" and num and not 12 <= int(num.group(0)) <= 99:
            if not (1 <= int(num.group(0)) < 12 and _NAME_BEFORE_COMMA.search(text, max(0, cue_start - 30), cue_start)):
                continue  # a child's age only in apposition to a name ("Rafki, 9 tahun"), not a duration
        yield Detection(start, end, "AGE", conf, name, raw)


def detect_patterns(text: str, *, cues: Mapping[str, Sequence[re.Match[str]]] | None = None) -> Iterator[Detection]:
    """Every pattern detector over ``text``.

    ``cues``: matches of the cue patterns by name (``"phone.spoken"``, ``"handle.cue"``, ``"age.cue"``)
    from a shared scan of ``text`` (see :mod:`makna.privacy._cues`); each pattern runs itself if absent.
    """
    cues = cues or {}
    yield from find_phones(text, spoken=cues.get("phone.spoken"))
    yield from find_emails(text)
    yield from find_urls(text)
    yield from find_handles(text, cued=cues.get("handle.cue"))
    yield from find_national_ids(text, cue_matches=cues.get("id.cue"))
    yield from find_plates(text)
    yield from uk_codes(text)
    yield from find_dates(text)
    yield from find_ages(text, cued=cues.get("age.cue"))
