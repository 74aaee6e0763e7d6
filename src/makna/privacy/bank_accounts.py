"""Bank and e-wallet account numbers (``ACCOUNT``, issue #11 round twenty-five).

An account number has no shape of its own (ten digits at BCA, BNI and BSI, thirteen at Mandiri, fifteen at BRI,
eight at a UK bank after a six-digit sort code, four to seventeen at a US bank after a nine-digit routing
number), so a run of digits is an account only by its cue: the nearest cue before it, in the same sentence, a
sentence or a turn (two line breaks) back, or else a cue just after it in its clause, must be an account word
(``rekening``, ``no. rek``, ``norek``, ``account number``, ``a/c``, ``sort code``, ``routing``, ``BSB``) or a
bank's or wallet's name (``BRI``, ``Mandiri``, ``Bank Nagari``, ``Barclays``, ``DANA``, ``OVO``); a nearer
word of another kind (a telephone word, an identity document, an order, receipt or transaction word, a currency)
takes the number away from it. An IBAN is found anywhere its ISO 13616 check digits hold (or after ``IBAN``).

What stays out: a number shaped as a mobile number (``0812...``, ``+62 8...``, ``07700...``, ``07...`` in
Kenya): an e-wallet number is its owner's telephone, a PHONE; amounts (``1.500.000``, after ``Rp``, before
``ribu``/``juta``); valid NIKs after an identity word; numbers of fewer than eight digits (six for a sort code
or a BSB); dates and times (their separators and lengths). The detections are laid over the pipeline's at its
end (:func:`accounts_over`): what overlaps an account's number (``BCA 8720`` as an ORG, an ADDRESS swallowing
the number) gives way to it.

Sources for the shapes: the banks' public pages on account numbers (BRI 15 digits ``4-2-6-2-1``, Mandiri 13
``3-2-7-1``, BCA, BNI and BSI 10), ISO 13616 (IBAN, mod 97 = 1), the ABA routing number's checksum (3-7-1
weights), Pay.UK (sort code ``NN-NN-NN`` and an eight-digit account). Only shapes and vocabulary: no value from
a corpus.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Final

from ._idwords import nik_is_valid
from ._text import two_lines_back
from .numwords import EN_TENS_TEENS, EN_UNITS
from .types import Detection

__all__ = ["accounts_over", "aba_valid", "find_accounts", "iban_valid"]

_ACCOUNT_WORDS: Final = (
    r"(?i:no(?:mor|mer)?\.?[ \t]*rek(?:ening)?\.?|norek|rek(?:ening)?(?:nya|nyo|ku|mu)?\.?|"
    r"account(?:[ \t]+(?:number|no\.?|num))?|acct\.?(?:[ \t]+no\.?)?|a/c(?:[ \t]+no\.?)?|sort[ \t]*code|"
    r"routing(?:[ \t]+(?:number|no\.?))?|bsb|iban|virtual[ \t]+account|va|bank[ \t]+details|"
    r"nomor[ \t]+akun[ \t]+bank|buku[ \t]+tabungan|tabungan)"
)
_BANKS: Final = (
    r"BCA|BRI|BNI|BSI|BTN|BJB|BPD|BPR|CIMB(?:[ \t]+Niaga)?|Mandiri|Danamon|Permata|Maybank|OCBC|Panin|"
    r"SeaBank|Jenius|Jago|Bank[ \t]+[A-Z][a-z]+|Barclays|HSBC|Lloyds|NatWest|Santander|Monzo|Starling|"
    r"Nationwide|Halifax|Revolut|Chase|Wells[ \t]+Fargo|Citibank|Equity[ \t]+Bank|KCB|Absa|Capitec|GTBank|"
    r"Opay|Kuda|Moniepoint|DANA|OVO|Go[Pp]ay|ShopeePay|LinkAja|M-?Pesa|GCash"
)
_OTHER_WORDS: Final = (
    r"(?i:hp|no\.?[ \t]*hp|wa|whatsapp|telp\.?|telepon|tlp|phone|mobile|cell|ponsel|nik|ktp|kk|npwp|paspor|"
    r"passport|ssn|sin|tfn|ird|tax|nhs|medicare|social[ \t]+security|ni[ \t]+number|national[ \t]+insurance|"
    r"order|pesanan|resi|invoice|faktur|transaksi|"
    r"transaction|ref\.?|reference|receipt|struk|nota|kode|code|tracking|booking|tiket|ticket|id|otp|pin|"
    r"call|ring|text|sms|token|meter|rp\.?|idr|ribu|rb|juta|jt|rupiah|pounds?|dollars?|usd|gbp|ksh|naira|£|\$)"
)
_CUE: Final = re.compile(
    rf"(?<![\w/])(?:(?P<acct>{_ACCOUNT_WORDS})|(?P<bank>{_BANKS})|(?P<other>{_OTHER_WORDS}))(?![\w/])"
)
_NUMBER: Final = re.compile(r"(?<![\w+\-./,:])\+?\d+(?:[ \-.]\d+)*(?![\w\-/]|[.,:]\d)")
_IBAN: Final = re.compile(r"(?<![\w\-])[A-Z]{2}\d{2}(?:[ ]?[A-Z\d]{4}){2,7}(?:[ ]?[A-Z\d]{1,3})?(?![\w\-])")
_AMOUNT: Final = re.compile(r"\d{1,3}(?:[.,]\d{3})+")
_DATE: Final = re.compile(
    r"(?:19|20)\d{2}([\-./ ])[01]?\d\1[0-3]?\d|[0-3]?\d([\-./ ])[01]?\d\2(?:19|20)\d{2}|[0-3]?\d([./])[01]?\d\3\d{2}"
)
"""Dates (``2025-01-16``, ``13.06.2024``, ``5/3/24``); a sort code (``20-11-62``) is not one."""
_MONEY_AFTER: Final = re.compile(r"(?i)[ \t]*(?:ribu|rb|juta|jt|rupiah|perak|pounds?|quid|dollars?|bob|k\b)")
_PHONE_SHAPE: Final = re.compile(r"(?:0|62)8\d{7,11}|0[1-37]\d{9}|254[17]\d{8}|07\d{8}|1?[2-9]\d{2}555\d{4}")
_OTHER_AFTER: Final = re.compile(rf"[ \t]*[:(]?[ \t]*(?:{_OTHER_WORDS})(?![\w/])")
_ID_WORD: Final = re.compile(r"(?i)(?<!\w)(?:nik|e?-?ktp|kk)(?!\w)")
_SHORT_CUES: Final = re.compile(r"(?i)sort|bsb|routing")
_RULED: Final = frozenset({"PHONE", "NATIONAL_ID"})
_FAR: Final = 0.82
"""The confidence of an account whose cue is a line away or further than :data:`_NEAR` characters."""
_BEFORE: Final = 200
_AFTER: Final = 20
_NEAR: Final = 40


def iban_valid(iban: str) -> bool:
    """True when an IBAN's check digits hold (ISO 13616: the rearranged number modulo 97 is 1)."""
    s = re.sub(r"\s", "", iban).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z\d]{10,30}", s):
        return False
    return int("".join(str(int(c, 36)) for c in s[4:] + s[:4])) % 97 == 1


def aba_valid(digits: str) -> bool:
    """True for a nine-digit US routing number whose 3-7-1 weighted sum is a multiple of ten."""
    if len(digits) != 9 or not digits.isdigit():
        return False
    return sum(int(d) * w for d, w in zip(digits, (3, 7, 1) * 3, strict=True)) % 10 == 0



def _nearest_before(text: str, at: int) -> tuple[re.Match[str] | None, bool]:
    """The last cue before ``at`` in its window, and whether an account word is among the cues since the
    last cue of another kind (``nomor rekening Danamon-nya``: the bank's name is nearest, the word counts)."""
    last = None
    worded = False
    for m in _CUE.finditer(text, two_lines_back(text, at, _BEFORE), at):
        last = m
        worded = m.group("other") is None and (worded or m.group("acct") is not None)
    return last, worded


def _cue_after(text: str, end: int) -> re.Match[str] | None:
    stop = end + _AFTER
    for sep in ("\n", ". ", "? ", "! "):
        cut = text.find(sep, end, stop)
        stop = cut if cut >= 0 else stop
    return _CUE.search(text, end, stop)


def _is_account_cue(m: re.Match[str] | None) -> bool:
    return m is not None and m.group("other") is None


def find_accounts(text: str) -> Iterator[Detection]:
    """Account numbers (and IBANs) in ``text``."""
    ibans: list[tuple[int, int]] = []
    for m in _IBAN.finditer(text):
        before, _worded = _nearest_before(text, m.start())
        cued = before is not None and before.group(0).lower() == "iban"
        if iban_valid(m.group(0)) or cued:
            ibans.append((m.start(), m.end()))
            yield Detection(m.start(), m.end(), "ACCOUNT", 0.97, "account.iban", m.group(0))
    for m in _NUMBER.finditer(text):
        start, raw = m.start(), m.group(0)
        if any(s < m.end() and start < e for s, e in ibans) or raw.startswith("+"):
            continue
        groups = raw.split(" ")
        while len(groups) > 1 and _MONEY_AFTER.match(text, m.end()) and len(groups[-1]) <= 3:
            groups.pop()  # "rek 1234567890 200 ribu": the amount is not the number's
            raw = " ".join(groups)
            break
        found = _account(text, start, raw)
        if found is not None:
            yield found
    yield from _said_accounts(text)


_DIGIT_WORD: Final = (
    r"(?:nol|kosong|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|zero|oh|one|two|three|four|five|six|"
    r"seven|eight|nine|double|triple)"
)
_SAID: Final = re.compile(
    rf"(?i:(?<![\w\-])(?:{_DIGIT_WORD}|\d+)(?:[ \t]*[,\-]?[ \t]+(?:{_DIGIT_WORD}|\d+)){{5,}}(?![\w\-]))"
)
"""A run of six or more digit words and groups of figures, at least one a word (an account read aloud)."""
_PAIR: Final = (
    rf"(?:(?:{EN_TENS_TEENS}|ten|eleven|twelve)|(?:oh|zero|nought|{EN_UNITS})[ \t\-]+(?:oh|zero|nought|{EN_UNITS})|"
    r"\d\d)"
)
_SORT_SAID: Final = re.compile(
    rf"(?i:(?<![\w\-])(?:sort[ \t]*code|bsb)(?:[ \t]+(?:is|was|of))?[ \t]*[:,]?[ \t]*"
    rf"(?P<n>{_PAIR}[ \t]*[,\-]?[ \t]+{_PAIR}[ \t]*[,\-]?[ \t]+{_PAIR})(?![\w\-]))"
)
"""A sort code (or an Australian BSB) said as three pairs in words (``forty, twelve, thirty-four``)."""


def _said_accounts(text: str) -> Iterator[Detection]:
    """Account numbers said in words, and sort codes said as three pairs, by the same cues as in figures."""
    if re.search(r"(?i:sort[ \t]*code|bsb)", text):
        for m in _SORT_SAID.finditer(text):
            yield Detection(m.start("n"), m.end("n"), "ACCOUNT", 0.93, "account.word", m.group("n"))
    if not re.search(r"(?i:[a-z]{3,}[ \t,]+(?:nol|kosong|satu|dua|zero|oh|one|two|five|lima|double))", text):
        return
    from .spoken_ids import spoken_value  # (the detectors' module: the surrogate side imports this one)

    for m in _SAID.finditer(text):
        raw = m.group(0)
        if not re.search(r"[A-Za-z]{2}", raw):
            continue
        found = _account(text, m.start(), raw, spoken_value(raw))
        if found is not None:
            yield found


def _account(text: str, start: int, raw: str, said: str | None = None) -> Detection | None:
    """An account number at ``start`` by its cue; ``said``: the digits of a number said in words."""
    end = start + len(raw)
    digits = re.sub(r"\D", "", raw) if said is None else said
    if (
        len(digits) < 6
        or len(digits) > 20
        or _AMOUNT.fullmatch(raw)
        or _DATE.fullmatch(raw)
        or _PHONE_SHAPE.fullmatch(digits)
    ):
        return None
    if _MONEY_AFTER.match(text, end) or _OTHER_AFTER.match(text, end):
        return None  # "4.200.000 rupiah", "0031 2290 ref": an amount, a reference
    before, worded = _nearest_before(text, start)
    if _is_account_cue(before):
        cue = before
    elif before is None or before.end() < start - _AFTER:
        after = _cue_after(text, end)
        cue = after if _is_account_cue(after) else None
    else:
        cue = None
    if cue is None:
        return None
    if len(digits) < 8 and not (_SHORT_CUES.match(cue.group(0)) and len(digits) == 6):
        return None
    if len(digits) == 9 and cue.group(0).lower().startswith("routing") and not aba_valid(digits):
        return None
    if (
        len(digits) == 16
        and nik_is_valid(digits)
        and (cue.group("acct") is None or _ID_WORD.search(text, two_lines_back(text, start, _BEFORE), start))
    ):
        return None  # a NIK said near a bank's name, or after its own word ("NIK ambo di buku tabungan ...")
    if _SSN_SHAPE.fullmatch(raw) and not (cue.group("acct") is not None and _own_clause(text, cue, start, end)):
        return None  # a US Social Security number's shape: an account only when its own clause says so
    near = abs(cue.start() - start) <= _NEAR or abs(cue.start() - end) <= _NEAR
    same_line = "\n" not in text[min(cue.end(), end) : max(cue.start(), start)]
    conf = 0.93 if near and same_line else _FAR
    word = cue.group("acct") is not None or (cue is before and worded)
    return Detection(start, end, "ACCOUNT", conf, "account.word" if word else "account.bank", raw)


_SSN_SHAPE: Final = re.compile(r"\d{3}-\d{2}-\d{4}")
"""A US taxpayer identification number as the SSA and the IRS write it (a Social Security number, an ITIN or an
ATIN: nine digits dashed three-two-four; an ITIN's area is 9xx): no bank's published account format has it."""


def _own_clause(text: str, cue: re.Match[str], start: int, end: int) -> bool:
    """No clause's or sentence's end between the cue and the number (either side)."""
    between = text[cue.end() : start] if cue.end() <= start else text[end : cue.start()]
    return re.search(r"[,;.!?\n]", between) is None


def accounts_over(text: str, found: Iterable[Detection]) -> list[Detection]:
    """``found`` with the account numbers of ``text`` laid over it: a detection overlapping one gives way."""
    accounts = list(find_accounts(text))
    kept = list(found)
    if not accounts:
        return kept
    numbers = [d for d in kept if d.type in _RULED and d.detector != "learned"]
    # a number that a telephone or identity-number rule found keeps its type unless an account word
    # ("rekening", "account") is its cue in its own clause: "ring Barclays on 0345 ...", "DANA 0812 ...", a
    # tax number a sentence after an account is mentioned
    accounts = [a for a in accounts if _outweighs(a) or not _overlaps(a, numbers)]
    out = [d for d in kept if not _overlaps(d, accounts)]
    out.extend(accounts)
    out.sort(key=lambda d: d.start)
    return out


def _overlaps(det: Detection, others: Iterable[Detection]) -> bool:
    return any(o.start < det.end and det.start < o.end for o in others)


def _outweighs(account: Detection) -> bool:
    """An IBAN (its check digits hold) or a number an account word cues in its own clause."""
    return account.detector == "account.iban" or (account.detector == "account.word" and account.confidence > _FAR)
