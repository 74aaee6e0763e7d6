"""A telephone number said in words, its calling word a clause, a line or a turn before it (issue #11, round 24).

:func:`makna.privacy.contacts.find_spoken_after_cue` takes a number said in digit words right after a calling word
(16 characters at most between them), and :mod:`makna.privacy.patterns` a spoken number that starts like an
Indonesian or trunk-prefixed one (``0``, ``62``) anywhere. A number said in words that starts otherwise (a North
American ``five-five-five ...``, a British mobile said from its ``seven``) and whose calling word stands further
back, earlier in its line or in the turn before (``What number can the office reach you on?`` and the answer), was
never proposed. Here: a run of nine to fifteen digits said in words (``zero``/``oh``/``nol``/``kosong`` and the
other digit words, ``double``), with a calling word earlier on its line or on the line before, and no document,
account, order or money word between the calling word (or just before it) and the number (those numbers
are not telephones), nor any other number but a telephone number in digits (said again in words, or a second
one) and a turn's stamp.

Only the shape of spoken digits and calling vocabulary in both languages: no value from a corpus.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._fastrx import gated_finditer, trigger
from .patterns import SPOKEN_PHONE, spoken_digits
from .types import Detection

__all__ = ["find_spoken_with_reach"]

_GATE: Final = trigger(["zero", "Zero", "double", "Double", "nol", "Nol", "kosong", "Kosong", "oh", "Oh"])
_CALL: Final = re.compile(
    r"(?i:(?<![\w\-])(?:call|ring|text|phone|mobile|cell|cellphone|number|whatsapp|wa|nomor|nomer|nombor|hp|"
    r"handphone|ponsel|telepon|telpon|telp|hubungi|contact|kontak|reach|landline|line)(?![\w\-]))"
)
_NOT_PHONE: Final = re.compile(
    r"(?i:(?<![\w\-])(?:id|nik|ktp|kk|passport|paspor|licen[cs]e|sim|nric|ic|ssn|nin|account|rekening|order|"
    r"pesanan|invoice|receipt|resi|tracking|booking|ticket|tiket|reference|ref|serial|policy|polis|card|kartu|"
    r"member|pin|password|sandi|kode|code|rp|price|harga|cost|pay|bayar|plate|plat|nopol)(?:-?nya)?(?!\w))"
)

_STAMP_OR_PHONE: Final = re.compile(
    r"\+?\d(?:[\d \t\-().]*\d){6,}|\[?\d{1,2}[:.]\d\d(?:[:.]\d\d)?\]?|\d{1,2}/\d{1,2}/\d{2,4}"
)
"""A telephone number in digits (seven or more, with separators), a turn's clock or a chat's date stamp: the
digits that may stand between a calling word and a number said in words (``08123 456 789, that's oh eight ...``)."""


def find_spoken_with_reach(text: str) -> Iterator[Detection]:
    """Numbers said in words (nine to fifteen digits) with a calling word earlier in the line or the line before."""
    for m in gated_finditer(SPOKEN_PHONE, _GATE, text):
        digits = spoken_digits(m.group(0))
        if not 9 <= len(digits) <= 15 or sum(c.isalpha() for c in m.group(0)) < 16:
            continue
        line0 = text.rfind("\n", 0, m.start()) + 1
        prev0 = text.rfind("\n", 0, max(0, line0 - 1)) + 1 if line0 else 0
        cues = list(_CALL.finditer(text, prev0, m.start()))
        if not cues:
            continue
        between = text[max(prev0, cues[-1].start() - 24) : m.start()]  # "account number", "nomor KTP-nya"
        if _NOT_PHONE.search(between) or re.search(r"\d{3}", _STAMP_OR_PHONE.sub(" ", between)):
            continue  # another number between: the cue is its (a telephone number before, said again, aside)
        yield Detection(m.start(), m.end(), "PHONE", 0.8, "phone.spoken_reach", m.group(0))
