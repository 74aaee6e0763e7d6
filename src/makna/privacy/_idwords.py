"""Digit words, NIK province codes and plate region prefixes (internal): the small tables and checks that both the
detectors (:mod:`makna.privacy.patterns`) and the surrogate generator use, kept apart so that importing the
surrogate side (every ``makna deid`` command) does not compile the detectors' patterns."""

from __future__ import annotations

import re
from typing import Final

__all__ = ["AMOUNT_AFTER", "NIK_PROVINCES", "PLATE_REGIONS", "nik_is_valid", "spoken_digits"]

_ID_DIGIT_WORDS: Final[dict[str, str]] = {
    "nol": "0",
    "kosong": "0",
    "satu": "1",
    "ciek": "1",
    "dua": "2",
    "duo": "2",
    "tiga": "3",
    "tigo": "3",
    "empat": "4",
    "ampek": "4",
    "lima": "5",
    "limo": "5",
    "enam": "6",
    "anam": "6",
    "tujuh": "7",
    "tujuah": "7",
    "delapan": "8",
    "lapan": "8",
    "salapan": "8",
    "sembilan": "9",
    "sambilan": "9",
}
_EN_DIGIT_WORDS: Final[dict[str, str]] = {
    "zero": "0",
    "oh": "0",
    "o": "0",
    "nought": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
}
_DIGIT_WORDS: Final[dict[str, str]] = {**_ID_DIGIT_WORDS, **_EN_DIGIT_WORDS}
_REPEAT_WORDS: Final[dict[str, int]] = {"double": 2, "triple": 3}


def spoken_digits(raw: str) -> str:
    """The digits of a telephone number written partly in words (Indonesian or English)."""
    out: list[str] = []
    repeat = 1
    for tok in re.findall(r"[A-Za-z]+|\d+", raw):
        low = tok.lower()
        if low in _REPEAT_WORDS:
            repeat = _REPEAT_WORDS[low]
            continue
        if tok.isdigit():
            out.append(tok)
        elif low in _DIGIT_WORDS:
            out.append(_DIGIT_WORDS[low] * repeat)
        repeat = 1
    return "".join(out)


NIK_PROVINCES: Final[frozenset[str]] = frozenset(
    "11 12 13 14 15 16 17 18 19 21 31 32 33 34 35 36 51 52 53 61 62 63 64 65 71 72 73 74 75 76 81 82 "
    "91 92 93 94 95 96".split()
)


def nik_is_valid(digits: str) -> bool:
    """True for a 16-digit NIK with a known province code, a birth day (1-31, or 41-71 for women),
    a month 1-12 and a non-zero serial."""
    if len(digits) != 16 or not digits.isdigit() or digits[:2] not in NIK_PROVINCES:
        return False
    day, month = int(digits[6:8]), int(digits[8:10])
    if not (1 <= day <= 31 or 41 <= day <= 71):
        return False
    return 1 <= month <= 12 and digits[12:] != "0000"


PLATE_REGIONS: Final[frozenset[str]] = frozenset(
    "A AA AB AD AE AG B BA BB BD BE BG BH BK BL BM BN BP D DA DB DC DD DE DG DH DK DL DM DN DP DR DS DT "
    "DW E EA EB ED F G H K KB KH KT KU L M N P PA PB R S T W Z".split()
)


AMOUNT_AFTER: Final = re.compile(
    r"(?i:[ \t]*(?:pounds?|dollars?|euros?|rupiah|ribu|juta|rb|jt|ringgit|pesos?|naira|cedis?|shillings?|rupees?|"
    r"people|persons?|orang|jiwa|units?|beds|patients|staff|members|households?|kg|tons?|tonnes|km|miles|steps|"
    r"times|kali|views|followers|likes)\b)"
)
"""A unit or a count after a number (``12500 ribu``, ``40000 followers``): an amount, no identity number (read by
:mod:`.ids`, :mod:`.patterns`, :mod:`.asked` and :mod:`.learned_checks`)."""
