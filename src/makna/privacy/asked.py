"""Identity numbers and user names asked for a turn or a sentence before they are given (issue #11).

People rarely say a number in the sentence that names its document: an interviewer asks (``Nomor KTP-nya
berapa, Bu?``, ``And your SIN?``, ``What's your Instagram?``) and the answer gives the value alone, or a speaker
names the document and reads the number out in the next sentence (``I gave the agency my TFN. 173 107 341.``).
Two rules read that structure, not any value:

* **an identity number asked for**: a code holding five digits or more (spaces, dashes, dots, a letter prefix or
  a check letter allowed: ``C 5552107``, ``09.555.294.3-407.000``, ``4228798H``), a National Insurance number
  (``JT 55 21 94 B``), or six digits or more said in words, that opens its sentence (four words at most before
  it: ``Yes,``, ``Punya, kak.``, ``Yeah, it's``) when an identity-document word (:func:`.shapes.is_document_word`
  and the words of the documents people name: ``social``, ``SIN``, ``NIN``, ``BVN``, ``TFN``, ``IRD``,
  ``Medicare``, ``PhilSys``, ``kartu mahasiswa``...) stands in one of the three lines or sentences before it,
  with no digit, telephone, money or time word between them and no answer that the document is not there
  (``Belum punya.``, ``I don't have one.``). A number that starts and runs like a telephone number
  (``0`` then a digit other than 0, nine to thirteen digits; ``+``), a date or a year is left to the other rules.
* **part of an identity number**: as many digits as the speaker says, after ``last four``, ``first three``,
  ``empat angka terakhir``..., with a document's word in the clause (``the last four of my social are 4821``).
* **a user name asked for**: a made-up token (dots, underscores and digits: :func:`.handles.made_up`) that opens
  the answer to a question naming a platform or account word (``Username aplikasinya?`` / ``sayang.manis21``),
  or that follows a naming verb after an app word (``di aplikasi kencan itu dia pakai nama rahmat.s09``) or a
  name said to be the one on an app (``his name on the app was x.y``).

Nothing here names a value seen in a corpus: only document and platform words and the shape of a turn.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from typing import Final

from ._fastrx import Folded, dispatch_words, gated_finditer, split_top
from .answers import question_before
from .handles import PLATFORM, made_up
from .ids import AMOUNT_AFTER, DATE_LIKE
from .patterns import SPOKEN_PHONE, spoken_digits
from .shapes import ID_WORDS_CASE, ID_WORDS_FOLD
from .types import Detection

__all__ = ["find_asked"]

_DOC_FOLDED: Final = (
    *split_top(ID_WORDS_FOLD), "ssn", "sin", "itin", "nin", "bvn", "tfn", "ird", "nino", "nric", "mykad", "philsys",
    "psn", "pcn", r"ni[ \t]+(?:card|number|no\.?)", r"national[ \t]+insurance", r"ghana[ \t]+card",
    r"health[ \t]+card", "kis", r"social(?=[ \t]*(?:[?.,!:]|$|number|no\b|is\b|was\b|are\b|were\b))",
    r"nomor[ \t]+(?:sim|kk|kis|ktp|paspor|passport)", r"no\.?[ \t]+(?:sim|kk|kis|ktp|paspor|passport)",
)
_DOC: Final = re.compile(
    dispatch_words(
        [
            *((alt, True) for alt in _DOC_FOLDED),
            *((alt, False) for alt in (*split_top(ID_WORDS_CASE), "RUT", "CPF", "CURP", "DNI", "NIE", "HKID")),
            *((alt, True) for alt in ("hkid", r"residen(?:ce|t)[ \t]+(?:card|permit)", r"green[ \t]+card")),
        ],
        not_after=r"\w\-",
        not_folded=("tin", "sin", "nin", "nino", "kis", "psn", "pcn"),
    )
    + r"(?:-?nya|-?ku|-?mu|['’]s)?(?![\w\-])"
)
"""An identity document's word, in any case, but for acronyms that are also words (``sin``, ``tin``, ``kis``): not
in lower case ("It was a sin. The number was ...")."""
_NOT_DOC: Final = re.compile(r"(?i:sim[ \t]*card|kartu[ \t]+sim|pin[ \t]*code|licen[cs]e[ \t]+plate)")
"""A telephone's SIM card, a postcode, a vehicle's plate: not an identity document."""
_VALUE: Final = re.compile(
    r"(?<![\w\-])[A-Za-z]{2}[ ]?\d\d[ ]?\d\d[ ]?\d\d[ ]?[A-Da-d](?![\w\-])"
    r"|(?<![\w\-+@/.,#'’])(?:[A-Z]{1,3}-?(?=\d)|[A-Z][ ](?=\d))?\d"
    r"(?:[ \-]?\d|[.\-](?=\d)|[A-Z]{1,2}(?![A-Za-z])){3,24}(?:[ ]?\([0-9A]\)|-[A-Z](?![A-Za-z]))?(?![\w\-]|[.,]\d)"
)
"""A code in digits (a letter prefix, one or two letters inside, a check letter or a check character in brackets
allowed: ``R 123456(7)``, ``15.553.904-K``; a dot only between digits; a space only before a digit, so no word
after the code is taken in), or a UK National Insurance number."""
_BETWEEN_STOP: Final = re.compile(
    r"(?i:\b(?:telepon|telpon|nelpon|hp|wa|whatsapp|phone|mobile|cell|call|ring|text|sms|rp|idr|usd|rupiah|"
    r"dollars?|pounds?|euros?|naira|rupees?|pesos?|jam|pukul|tanggal|tgl|born|lahir|since|sejak|expir\w*|"
    r"habis|until|sampai|umur|age|aged|berapa[ \t]+(?:orang|kali|tahun|hari|bulan|jam)|how[ \t]+(?:many|much|old|"
    r"long)|order|pesanan|resi|receipt|kuitansi|invoice|tracking|rekening|account|bank|flight|booking|token)\b)"
)
"""Words that make the number after them a telephone number, an amount, a time or another kind of code."""
_OTHER_NUMBER: Final = re.compile(
    r"(?i:\b(?:kode[ \t]+pos|post[ \t]?code|zip(?:[ \t]?code)?|antrian|antrean|queue|transaksi|transaction|"
    r"kamar|room|tiket|ticket|kursi|seat|meja|table|rumah|house|flat|unit|blok|block|rt|rw)(?:-?nya)?\b)"
)
"""Words that name the number after them in its own sentence as another kind of number (``Ada. Kode pos rumah
25111.``, ``Belum punya. No. transaksi 5551234567.``, ``No. Room 55512.``): a postcode, a queue's, a room's, a
ticket's, a house's or a neighbourhood's number answers no question for an identity document."""
_MONEY_BEFORE: Final = re.compile(r"(?:Rp\.?|[$£€₦])[ \t]?$")
_OPENING: Final = re.compile(r"[^\W\d_][\w'’\-]*")
_SENTENCE: Final = re.compile(r"[.!?](?=[ \t]|$)|\n")
_DENIAL_NOT: Final = frozenset(
    "belum blm tidak tak nggak ngga gak ga enggak ndak indak lupa no not nope never don't dont haven't havent "
    "didn't didnt can't cant forgot forget".split()
)
_DENIAL_REST: Final = frozenset(
    "punya ada tahu tau ingat bawa pernah bikin buat masih lagi sih deh ya kak bu pak mbak mas dik maaf saya aku "
    "i have has got one it know remember yet idea any sorry with me on a an the do made".split()
)
"""A sentence made only of these words with a negation among them (``Belum punya, kak.``, ``I don't have one.``,
``No idea.``) answers that the document asked for is not there: a number after it is no answer to that question."""
_LABEL: Final = re.compile(r"[ \t]*[^\W\d_][\w'’\-]*[ \t]*:")


def _before_in_sentence(text: str, start: int) -> tuple[int, int]:
    """(where the sentence holding ``start`` begins, how many words come before ``start`` in it)."""
    line_start = text.rfind("\n", 0, start) + 1
    head = line_start
    for m in _SENTENCE.finditer(text, line_start, start):
        head = m.end()
    return head, len(_OPENING.findall(text, head, start))


def _window_start(text: str, head: int, units: int) -> int:
    """The start of the ``units``-th non-blank line or sentence before ``head`` (at most 400 characters back)."""
    low = max(0, head - 400)
    cuts = [low] + [m.end() for m in _SENTENCE.finditer(text, low, head)]
    starts = [a for a, b in zip(cuts, [*cuts[1:], head], strict=True) if text[a:b].strip(" \t\n.!?")]
    return starts[-units] if len(starts) >= units else low


def _denied(text: str, start: int, end: int) -> bool:
    """Whether the last sentence between ``start`` and ``end`` (not the first, which holds the document's word) says
    that the document is not there or not known (``Nomor KTP? / Belum punya. / 62 812 5550 9021``); a sentence after
    it takes that back (``I don't have it on me. But I know it. 361 287 758.``)."""
    cuts = [m.end() for m in _SENTENCE.finditer(text, start, end)]
    if not cuts:
        return False  # one sentence, the document's own: nothing after it to deny it
    denied = False
    for a, b in zip(cuts, [*cuts[1:], end], strict=True):
        label = _LABEL.match(text, a, b)
        words = [w.casefold().replace("’", "'") for w in _OPENING.findall(text, label.end() if label else a, b)]
        if not words:
            continue
        if words == ["no"] and b == end and "\n" not in text[a:b]:
            denied = False  # "Ada. No. 1399 0457 ...": "No." as the abbreviation of a number, right before it
            continue
        denied = any(w in _DENIAL_NOT for w in words) and all(w in _DENIAL_NOT or w in _DENIAL_REST for w in words)
    return denied


def _asked_document(text: str, start: int) -> bool:
    """An identity document is named in the three lines or sentences before the sentence holding ``start``
    (its last mention), with no digit and no telephone, money, time or other code's word after it."""
    head, words = _before_in_sentence(text, start)
    if (
        words > 4
        or _BETWEEN_STOP.search(text, head, start)
        or _OTHER_NUMBER.search(text, head, start)
        or any(c.isdigit() for c in text[head:start])
    ):
        return False
    low = _window_start(text, head, 3)
    doc = max(_DOC.finditer(text, low, head), key=lambda d: d.start(), default=None)
    if doc is None or _NOT_DOC.search(text, max(low, doc.start() - 6), min(head, doc.end() + 6)):
        return False
    between = text[doc.end() : start]
    if any(c.isdigit() for c in between) or _BETWEEN_STOP.search(between) is not None:
        return False
    return not _denied(text, doc.end(), head)


_CLAUSE: Final = re.compile(r"[,;:(]|[.!?](?=[ \t]|$)|\n")
_CLAUSE_WORDS: Final = 8


_STAMP: Final = re.compile(
    r"(?m:^[ \t\[(]*\d{1,4}[/.\-]\d{1,2}[/.\-]\d{2,4},?)|(?<![\w.:])\d{1,2}:\d\d(?::\d\d)?(?![\w:])"
)
"""A turn's stamp (a chat export's date at a line's start, a clock time ``2:03``, ``00:04:15``): no digit of another
number between a document's word and its code."""
_TURN_REACH: Final = 600
_SHORT_TURN: Final = 80


def _turn_before(text: str, line_start: int) -> int:
    """The start of the last non-blank line before the line at ``line_start`` (the turn before), or 0."""
    end = line_start - 1
    while end > 0 and not text[text.rfind("\n", 0, end) + 1 : end].strip():
        end = text.rfind("\n", 0, end)
    return text.rfind("\n", 0, max(end, 0)) + 1 if end > 0 else 0


def _referred_document(text: str, start: int, docs: list[re.Match[str]]) -> bool:
    """An identity document is named before the code at ``start`` (a clause before in its own sentence, in the
    three lines or sentences before it, or anywhere in the turn before, and in the one before that when the turn
    between is short, a question of 80 characters at most: 600 characters back at most) and the code stands among
    the first eight words of its clause (six digits or more: "the last four of my passport were 12345" is
    no whole number): a number said back to the document it belongs to (``HKID saya dulu ditahan
    agensi, nomornya R 123456(7)``, ``My passport was kept for months. The number is E 55873219``, ``...the
    number on it was Z 330417(1)``). No digit (a turn's stamp aside), telephone, money, time or other code's word
    between the document's word and the code, nor in the code's clause."""
    line_start = text.rfind("\n", 0, start) + 1
    clause = line_start
    for m in _CLAUSE.finditer(text, line_start, start):
        clause = m.end()
    if (
        len(_OPENING.findall(text, clause, start)) > _CLAUSE_WORDS
        or _BETWEEN_STOP.search(text, clause, start)
        or _OTHER_NUMBER.search(text, clause, start)
    ):
        return False
    head, _ = _before_in_sentence(text, start)
    before = _turn_before(text, line_start)
    if line_start - before <= _SHORT_TURN:  # a short question between ("Which one?"): the turn before it too
        before = _turn_before(text, before)
    low = min(_window_start(text, head, 3), max(before, start - _TURN_REACH))
    at = bisect_left(docs, start, key=lambda d: d.end()) - 1  # ``docs``: every document word of the text, in order
    doc = docs[at] if at >= 0 and docs[at].start() >= low else None
    if doc is None or _NOT_DOC.search(text, max(low, doc.start() - 6), min(start, doc.end() + 6)):
        return False
    between = _STAMP.sub("", text[doc.end() : start])
    if any(c.isdigit() for c in between) or _BETWEEN_STOP.search(between) or _OTHER_NUMBER.search(between):
        return False
    return doc.end() >= head or not _denied(text, doc.end(), head)


def _asked_ids(text: str) -> Iterator[Detection]:
    docs: list[re.Match[str]] | None = None
    for m in _VALUE.finditer(text):
        raw = m.group(0).rstrip(" -.")
        digits = sum(c.isdigit() for c in raw)
        if digits < 5 and not (digits == 6 and raw[:2].isalpha()):
            continue
        if raw.startswith("0") and raw[1:2].isdigit() and raw[1] != "0" and 9 <= digits <= 13:
            continue  # "0812 5550 9021": a telephone's opening and length
        if (
            DATE_LIKE.match(raw)
            or text.startswith(":", m.start() + len(raw))
            or text[m.start() - 1 : m.start()] == "["
        ):
            continue  # a date or a year; a chat export's stamp ("[05.03.24 08:03]")
        amount = AMOUNT_AFTER.match(text, m.start() + len(raw))
        if amount or _MONEY_BEFORE.search(text, max(0, m.start() - 4), m.start()):
            continue  # "145 548 701 rupiah", "Rp 1.250.000": an amount
        if _asked_document(text, m.start()):
            yield Detection(m.start(), m.start() + len(raw), "NATIONAL_ID", 0.9, "id.asked", raw)
        elif digits >= 6:
            docs = docs if docs is not None else list(_DOC.finditer(text))  # every document word, once per text
            if _referred_document(text, m.start(), docs):
                yield Detection(m.start(), m.start() + len(raw), "NATIONAL_ID", 0.85, "id.referred", raw)
    for m in SPOKEN_PHONE.finditer(text):
        said = m.group(0)
        if len(spoken_digits(said)) >= 6 and sum(c.isalpha() for c in said) >= 12 and _asked_document(text, m.start()):
            yield Detection(m.start(), m.end(), "NATIONAL_ID", 0.85, "id.asked_spoken", said)


_COUNTS: Final = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
}
_PART: Final = re.compile(
    r"(?i:\b(?:(?:last|first|final)[ \t]+(?P<en>two|three|four|five|six|[2-6])(?:[ \t]+(?:digits?|numbers?))?"
    r"(?=[ \t]*(?:[,:]|of\b|on\b|from\b|in\b|are\b|is\b|were\b|was\b|['’]re\b|$))"
    r"|(?P<id>dua|tiga|empat|lima|enam|[2-6])[ \t]+(?:angka|digit|nomor|nomer)[ \t]+(?:terakhir|pertama|paling"
    r"[ \t]+(?:belakang|depan)|belakang|depan)(?:nya)?)\b)"
    r"(?P<gap>[^\n\d.?!;]{0,48}?)(?<![\w\-+.,/])(?P<v>\d{2,6})(?![\w\-]|[.,]\d)"
)
"""Part of a number (``the last four of my social are 4821``, ``empat angka terakhir NIK-nya 0003``): as many
digits as said, with a document's word in the clause or the sentence before it (``My SSN? Only the last four,
7034.``)."""


def _partial_ids(text: str) -> Iterator[Detection]:
    for m in _PART.finditer(text):
        said = (m.group("en") or m.group("id")).lower()
        if len(m.group("v")) != (int(said) if said.isdigit() else _COUNTS[said]):
            continue
        clause = max(text.rfind(c, 0, m.start()) for c in "\n.?!;") + 1
        low = max(_window_start(text, clause, 1), m.start() - 60)  # the clause, or the question before it
        doc = _DOC.search(text, low, m.start("v"))
        if doc is None or _NOT_DOC.search(text, max(0, doc.start() - 6), doc.end() + 6):
            continue
        if _BETWEEN_STOP.search(text, low, m.start("v")):
            continue  # "the last four of my bank card", "empat angka terakhir rekening"
        yield Detection(m.start("v"), m.end("v"), "NATIONAL_ID", 0.85, "id.partial", m.group("v"))


_ANSWER_TOKEN: Final = re.compile(
    r"(?<![\w@/.\-#])@?[A-Za-z0-9](?:[A-Za-z0-9]|[._](?=[A-Za-z0-9])){2,30}(?![\w@/\-]|\.\w)"
)
_APP_NAMING: Final = re.compile(
    r"(?i:\b(?:aplikasi|app|apps|situs|site|akun|account|profil|profile)\b[^\n.?!;]{0,40}?"
    r"\b(?:pakai[ \t]+nama|pake[ \t]+nama|namanya|nama[ \t]+akunnya|called|named|goes[ \t]+by|went[ \t]+by|"
    r"username(?:nya)?|user[ \t]?name)[ \t]*[:,]?[ \t]+"
    r"|\b(?:namanya|namonyo|nama(?:[ \t]+(?:akun|dia|saya|aku))?(?:nya)?|(?:his|her|my|their|the)[ \t]+(?:user)?name)"
    r"[ \t]+(?:di|on|in|dalam)[ \t]+(?:the[ \t]+|that[ \t]+|this[ \t]+)?(?:aplikasi|app|apps|situs|site)"
    r"(?:[ \t]+(?:itu|tu|ini|kencan|chat))?(?:[ \t]+(?:is|was|itu|adalah|ya))?[ \t]*[:,]?[ \t]+)"
    r"(?P<h>[A-Za-z0-9](?:[A-Za-z0-9]|[._](?=[A-Za-z0-9])){2,30})(?![\w@/\-]|\.\w)"
)
"""A naming verb after an app or account word (``di aplikasi kencan itu dia pakai nama rahmat.s09``), or a name
said to be the one on an app (``her name on the app was x.y``, ``namanya di aplikasi x.y``)."""
_APP_NAMING_LINES: Final = Folded(("aplikasi", "app", "situs", "site", "akun", "account", "profil"), _APP_NAMING)
"""The lines :data:`_APP_NAMING` is run on (the shared word-start pass): those where a word starts with one of its app
words, which every match holds after a word boundary or a blank; led by a case-folded alternation, the pattern is
otherwise tried at every position of a text (a third of this module's time on the open interviews)."""


def _asked_handles(text: str) -> Iterator[Detection]:
    pos = 0
    while (q := text.find("?", pos)) >= 0:
        line_start = text.find("\n", q) + 1
        if line_start == 0:
            break
        pos = line_start
        while text.startswith("\n", line_start):
            line_start += 1
        asked = question_before(text, line_start)
        if asked is None or PLATFORM.search(asked) is None:
            continue
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        for m in _ANSWER_TOKEN.finditer(text, line_start, line_end):
            if len(_OPENING.findall(text, line_start, m.start())) > 4:
                break
            token = m.group(0)
            if not token.startswith("@") and made_up(token):
                yield Detection(m.start(), m.end(), "HANDLE", 0.85, "handle.asked", token)
                break
    for m in gated_finditer(_APP_NAMING, _APP_NAMING_LINES, text):
        if made_up(m.group("h")):
            yield Detection(m.start("h"), m.end("h"), "HANDLE", 0.85, "handle.app_named", m.group("h"))


def find_asked(text: str) -> Iterator[Detection]:
    """Identity numbers and user names given a turn or a sentence after what they are was named."""
    yield from _asked_ids(text)
    yield from _partial_ids(text)
    yield from _asked_handles(text)
