"""An identity number whose document word is a clause, a sentence or a turn before it (issue #11, round 26).

The cued identity rules (:mod:`.shapes`, :mod:`.ids`) take a number in its document word's clause, within forty
characters. People often say the word first and the number later: after a story (``They asked for my SIN at the
clinic, and I had to dig out the old card ... , 472-913-608``), in the next sentence (``It wanted my social
insurance number. 046 728 391.``) or in the next turn (``Your NIN? / Yes, one second, 41827735102``). Here the
**nearest cue** before a number decides, as for bank accounts (:mod:`.bank_accounts`): a number is an identity
number when, within its turn and the turn before (two line breaks, :data:`_BEFORE` characters), the last word that
names what a number is is an identity document's word (the documents people name, :mod:`.asked`'s list), and
no word of another number came after it: a telephone, an account or a bank, an order, a booking, a flight, a
room, a price, a time. The number itself must look like no other thing: seven to sixteen digits in at most five
groups (letters only at its ends, as a check letter or a series, glued before the digits: ``S8824417J``,
``8812473TA``; ``BPJS TK 19012345678`` keeps ``TK``, the scheme's part, out), no date, no
amount (``1.250.000``, a number before ``dollars``/``ribu``), no telephone's shape (a trunk ``0`` and nine digits
or more, a country code, a North American ``360-555-0119``; ``+..``), no glued code (``INV-2041``).

Structure only: document words are those the asked-number rule already uses; no value from a corpus.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._text import two_lines_back
from .asked import _DOC as _DOCUMENT
from .patterns import _MONTHS
from .types import Detection

__all__ = ["find_ids_with_reach"]

_OTHER: Final = (
    r"(?i:hp|no\.?[ \t]*hp|wa|whatsapp|telp\.?|telepon|tlp|phone|mobile|cell|ponsel|handphone|landline|fax|"
    r"hotline|line|call|calls|called|calling|ring|rings|ringing|rang|text|texts|texted|sms|contact|kontak|reach|"
    r"hubungi|dihubungi|nelpon|telpon|telfon|miscall|"
    r"rekening|norek|account|acct|a/c|bank|iban|sort[ \t]*code|routing|bsb|"
    r"order|orders|pesanan|resi|invoice|faktur|receipt|kuitansi|struk|nota|tracking|booking|ticket|tiket|"
    r"reference|ref|transaksi|transaction|token|meter|voucher|promo|kode|code|pin|otp|serial|model|part|"
    r"flight|penerbangan|pesawat|gate|room|kamar|unit|blok|block|postcode|zip|plate|plat|nopol|"
    r"price|harga|cost|paid|bayar|fee|rp\.?|idr|ribu|rb|juta|jt|rupiah|pounds?|dollars?|usd|gbp|£|\$|"
    r"jam|pukul|o['’]clock|am|pm)"
)
_CUE: Final = re.compile(
    rf"(?P<id>{_DOCUMENT.pattern})|(?<![\w/\-])(?P<other>{_OTHER})(?:-?nya|-?ku|['’]s)?(?![\w/\-])"
)
"""The words that say what a number is: an identity document's (``asked``' list, the documents people name:
``shapes``' document words, ``SIN``, ``NIN``, ``TFN``, ``IRD``, ``MyKad``, a green card...) or another thing's."""
_NUMBER: Final = re.compile(
    r"(?<![\w+\-./,:#@$£])(?:[A-Z]{1,2})?\d+(?:[ \-./]\d+){0,4}(?:[ ]?[A-Z]{1,2})?(?![\w\-/@%]|[.,:]\d)"
)
_DIGITS_MIN: Final = 7
_DIGITS_MAX: Final = 16
_BEFORE: Final = 240
_AMOUNT: Final = re.compile(r"\d{1,3}(?:[.,]\d{3})+")
_DATE: Final = re.compile(r"(?:19|20)\d{2}([\-./ ])[01]?\d\1[0-3]?\d|[0-3]?\d([\-./ ])[01]?\d\2(?:19|20)?\d{2}")
_PHONE: Final = re.compile(r"(?:62|254|256|61|64)\d{8,11}|0\d{9,12}")
"""A telephone's digits: a trunk 0 and nine or more digits after it, or a country code and a national number."""
_NANP: Final = re.compile(r"\(?\d{3}\)?[ \-.]\d{3}[\-.]\d{4}")
"""A North American number's three, three and four digits (no identity number has that shape)."""
_MONTH_BEFORE: Final = re.compile(rf"(?i:(?<![\w'’])(?:{_MONTHS})\.?,?[ \t]+)$")
"""A month right before a number: a date's year (and maybe its time: ``9 Okt 2025 08.30``), no identity number."""
_AFTER: Final = re.compile(
    r"(?i)[ \t]*(?:ribu|rb|juta|jt|rupiah|perak|pounds?|quid|dollars?|bucks|euros?|k\b|%|percent|persen|"
    r"km|kg|m\b|cm|times|kali|people|orang|jam|hours?|minutes?|menit|am\b|pm\b)"
)
_CONFIDENCE: Final = 0.92
"""Above a telephone pattern's 0.9: with no telephone word nearer, the document's word says what the number is."""



def _nearest_is_id(text: str, at: int) -> bool:
    last = None
    for m in _CUE.finditer(text, two_lines_back(text, at, _BEFORE), at):
        last = m
    return last is not None and last.group("id") is not None


def find_ids_with_reach(text: str) -> Iterator[Detection]:
    """Numbers whose nearest cue before them, within a turn and the turn before, is an identity document's."""
    if not re.search(r"\d{3}", text):
        return
    for m in _NUMBER.finditer(text):
        raw = m.group(0).rstrip(" ")
        digits = re.sub(r"\D", "", raw)
        if not _DIGITS_MIN <= len(digits) <= _DIGITS_MAX:
            continue
        core = re.sub(r"^[A-Z]{1,2}|[ ]?[A-Z]{1,2}$", "", raw)
        if _AMOUNT.fullmatch(core) or _DATE.match(core) or _PHONE.fullmatch(digits) or _NANP.fullmatch(core):
            continue
        end = m.start() + len(raw)
        if _MONTH_BEFORE.search(text, max(0, m.start() - 16), m.start()):
            continue
        if _AFTER.match(text, end):
            continue  # "214-75-8000 dollars", "1500000 rupiah": an amount or a count
        if _nearest_is_id(text, m.start()):
            yield Detection(m.start(), end, "NATIONAL_ID", _CONFIDENCE, "id.reach", raw)
