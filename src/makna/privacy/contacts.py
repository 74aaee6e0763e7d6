"""E-mail addresses and telephone numbers typed to dodge filters, and local numbers with a cue after (#11).

* ``rina at gmail dot com``, ``budi[at]yahoo[dot]co[dot]id``, ``tess (at) example (dot) org``,
  ``siti dot rahma at gmail dot com``: a user part, an "at" word or bracketed at, and a domain whose labels are
  joined by "dot" words (or dots) ending in a top-level domain. The "dot" ending is what keeps "meet at the
  office" out.
* ``tom.r at example.co.uk``, ``kez.b(at)example.org``, ``jay_m @ example . com``: an "at" word, a bracketed at or
  a spaced ``@`` with a domain that keeps its dots (after a plain "at" the user part needs a dot, an underscore or
  a digit, a mail provider's host or an e-mail word before it: "look at example.com" is no address).
* A seven-digit local number (``555-0147``) followed in its clause by a calling word (``call after nine``),
  the mirror of the cue-first rule in :mod:`makna.privacy.patterns`.
* A number spoken in words of any length from 7 to 15 digits right after a calling word (``call me: seven seven
  zero zero, nine double zero, one two three``), whatever its first digit (the plain spoken rule wants a
  leading 0 or 62).
* A number written in groups of digits separated by spaces (``07700 900683``, ``2938 6041``, ``8555 0146``):
  after a calling or number word in its clause (``office number``, ``Singapore line``), or on its own when it
  has a trunk prefix and the length of a mobile number (a 0 and 9 to 11 more digits, ``07700 900683``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Final

from . import gazetteers as gz
from ._fastrx import DIGIT_LINES, DIGIT_RUN_LINES, AllOf, Narrowed, gated_finditer, trigger
from ._linegates import InLines
from .handles import affixed_word
from .patterns import SPOKEN_PHONE, spoken_digits
from .types import Detection

__all__ = [
    "NOT_NUMBER_BEFORE",
    "NUMBER_BEFORE",
    "find_grouped_phones",
    "find_local_phones",
    "find_obfuscated_emails",
    "find_spoken_after_cue",
]

_TLD: Final = (
    r"com|net|org|id|co|uk|au|nz|in|ng|gh|ke|za|ph|sg|my|ca|us|io|me|info|biz|edu|gov|ac|sch|or|web|go|mil|xyz|app"
)
_AT: Final = r"(?:[ \t]*[\[({<][ \t]*(?:at|@|et)[ \t]*[\])}>][ \t]*|[ \t]+(?:at|@|et)[ \t]+)"
_DOT: Final = r"(?:[ \t]*[\[({<][ \t]*(?:dot|titik|\.)[ \t]*[\])}>][ \t]*|[ \t]+(?:dot|titik)[ \t]+|\.)"
_OBFUSCATED: Final = re.compile(
    rf"(?i:(?<![\w.@\-])(?P<u>[a-z0-9][\w\-+]*(?:{_DOT}[a-z0-9][\w\-+]*){{0,3}}){_AT}"
    rf"(?P<d>[a-z0-9][\w\-]*(?:{_DOT}[a-z0-9][\w\-]*){{0,3}}{_DOT}(?:{_TLD})))(?![\w@\-]|\.[a-z])"
)
_OBFUSCATED_GATE: Final = trigger(["dot", "Dot", "DOT", "titik", "Titik"])
_SPOKEN_JOIN: Final = re.compile(r"(?i:[\[({<]|\b(?:dot|titik|at|et)\b)")
_LOCAL: Final = re.compile(r"\d(?<![\w\-+.]\d)\d{2}[\-. ]\d{4}(?![\w\-]|[.,]\d)")
"""``(?<![\\w\\-+.])\\d{3}[\\-. ]\\d{4}...`` with its first digit consumed by ``\\d`` before the look-behind: the same
matches, found by the regex engine's fast scan for a digit instead of trying every position."""
_CALL_AFTER: Final = re.compile(
    r"[ \t]*[,;:\-–—(]?[ \t]*(?:(?:and|or|dan|atau|then|lalu|just|aja|saja)[ \t]+)?"
    r"(?i:call|ring|text|phone|sms|wa|whatsapp|telepon|telpon|nelpon|hubungi|my[ \t]+(?:cell|mobile|number|phone))\b"
)
_LOCAL_GATE: Final = trigger(
    ["call", "Call", "ring", "Ring", "text", "Text", "phone", "wa", "WA", "telp", "hubungi", "cell", "Tel", "tel",
     "TEL", "Ph", "PH", "ph", "hp", "HP", "Hp", "Fax", "fax", "Mob", "mob", "Cell", "ontact", "ontak", "andline", "ine",
     "Tlp", "tlp"]
)
_LOCAL_LINES: Final = AllOf(_LOCAL_GATE, DIGIT_RUN_LINES)
"""A calling word and three digits in a row on the line ("wa" alone is inside many Indonesian words)."""


def find_obfuscated_emails(text: str) -> Iterator[Detection]:
    """E-mail addresses written with "at" and "dot" words or bracketed symbols."""
    for m in gated_finditer(_OBFUSCATED, _OBFUSCATED_GATE, text):
        if not _SPOKEN_JOIN.search(m.group(0)):
            continue  # a plain address: the e-mail pattern finds it
        yield Detection(m.start(), m.end(), "EMAIL", 0.9, "email.spelled", m.group(0))
    yield from _loose_emails(text)


_LOOSE: Final = re.compile(
    rf"(?i:(?<![\w.@\-])(?P<u>[a-z0-9][\w\-+]*(?:\.[a-z0-9][\w\-+]*){{0,3}})"
    r"(?P<at>[ \t]*[\[({<][ \t]*(?:at|@)[ \t]*[\])}>][ \t]*|[ \t]+(?:at|@)[ \t]+|[ \t]+@|@[ \t]+|@)"
    rf"(?P<d>[a-z0-9][\w\-]*(?:[ \t]*\.[ \t]*[a-z0-9][\w\-]*){{0,3}}[ \t]*\.[ \t]*(?:{_TLD})))(?![\w@\-]|\.[a-z])"
)
"""An address whose "at" is a word, a bracketed at or an ``@`` with spaces, and whose domain keeps its dots
(``tom.r at example.co.uk``, ``kez.b(at)example.org``, ``jay_m @ example . com``)."""
_LOOSE_GATE: Final = Narrowed(
    [f".{gap}{tld}" for gap in ("", " ", "\t") for tld in ("com", "net", "org", "co", "id", "uk", "io", "me")],
    re.compile(r"\.[ \t]?(?:com|net|org|co|id|uk|io|me)(?![a-z])"),
)
"""A dot and a top-level domain, searched on the lines holding one as a literal (from the shared gate pass)."""
_MAIL_HOSTS: Final = frozenset(
    "gmail googlemail yahoo ymail rocketmail hotmail outlook live msn icloud me mac aol proton protonmail pm gmx "
    "zoho yandex mail email".split()
)
"""Hosts of personal e-mail: "x at gmail.com" is an address whatever the user part."""


_LITERAL_DOMAIN: Final = re.compile(rf"(?i:[a-z0-9][\w\-]*(?:\.[a-z0-9][\w\-]*)*\.(?:{_TLD}))(?![\w\-])")
"""A domain whose dots are all written as dots, ending in a top-level domain (the start of a matched domain)."""
_MAIL_WORD: Final = re.compile(r"(?i:e-?mail|surel|imel|mail|inbox)")
"""An e-mail word before a plain user part and "at" (``email rina at example.com``; not ``the neighbourhood at
example.org``, a site)."""


@cache
def _ordinary() -> frozenset[str]:
    return gz.english_words() | gz.dictionary_words()


def _plain_word(user: str, ordinary: frozenset[str]) -> bool:
    """A word of speech before a spaced ``@`` (``akun``, ``namanya``, ``is``), no e-mail's user part."""
    low = user.lower()
    return user.isalpha() and (low in ordinary or len(low) <= 3 or affixed_word(low))


_SENTENCE_END: Final = re.compile(r"(?<=[\w\-])\.[ \t]+(?=[A-Z])")
"""A full stop glued to the word before it, then a space and a capital: a sentence's end inside a loose match."""


def _loose_emails(text: str) -> Iterator[Detection]:
    ordinary = _ordinary()
    for m in gated_finditer(_LOOSE, _LOOSE_GATE, text):
        at, user, domain = m.group("at"), m.group("u"), m.group("d")
        end = m.end()
        spaced_dots = re.search(r"[ \t]\.|\.[ \t]", domain) is not None
        literal = _LITERAL_DOMAIN.match(domain) if spaced_dots else None
        if literal is not None:  # "x@example.com. My": the sentence's full stop, not a spaced dot
            domain, end, spaced_dots = literal.group(0), m.start("d") + literal.end(), False
        stop = _SENTENCE_END.search(domain)
        if spaced_dots and stop is not None:
            # "it's @kopisenja. My sister...": a dot glued to its label, then a space and a capital, ends a
            # sentence (an address spaced to dodge filters spaces both sides: "jay_m @ example . com"); a
            # word before a glued "@" names a user, no address
            if at.lstrip(" \t") == "@" and _plain_word(user, ordinary):
                start, end = m.start("at") + len(at) - 1, m.start("d") + stop.start()
                yield Detection(start, end, "HANDLE", 0.85, "handle.at_dotted", text[start:end])
            continue
        if at == "@" and not spaced_dots:
            continue  # a plain address: the e-mail pattern finds it
        host = domain.split(".")[0].strip().lower()
        if at.lstrip(" \t") == "@" and not spaced_dots and _plain_word(user, ordinary) and host not in _MAIL_HOSTS:
            start = m.start("at") + len(at) - 1  # "akun @dapurmama.id": a word, then a user name glued to its "@"
            yield Detection(start, end, "HANDLE", 0.85, "handle.at_dotted", text[start:end])
            continue
        if at.strip().lower() == "at":  # a plain word: the user part must look like one ("look at x.com": not)
            named = user.lower() not in ordinary and _MAIL_WORD.search(text, max(0, m.start() - 40), m.start())
            if spaced_dots or not (
                re.search(r"[._\d]", user) or named or host in _MAIL_HOSTS
            ):
                continue
        yield Detection(m.start(), end, "EMAIL", 0.88, "email.loose", text[m.start() : end])


_SHORT_CUE_BEFORE: Final = re.compile(
    r"(?i:(?<![\w])(?:tel|telp|tlp|ph|phn|hp|fax|mob|cell|contact|kontak|landline|line)\.?[ \t]*(?:no\.?|#)?"
    r"[ \t]*[:\-]?[ \t]*)$"
)
"""An abbreviated telephone word right before a local number (``Tel. 555-0147``, ``Ph 555-0147``, ``hp: ...``)."""


def find_local_phones(text: str) -> Iterator[Detection]:
    """A seven-digit local number with a calling word after it in the clause, or an abbreviated telephone word
    right before it."""
    for m in gated_finditer(_LOCAL, _LOCAL_LINES, text):
        if _CALL_AFTER.match(text, m.end()):
            yield Detection(m.start(), m.end(), "PHONE", 0.8, "phone.local_after", m.group(0))
        elif _SHORT_CUE_BEFORE.search(text, max(0, m.start() - 16), m.start()):
            yield Detection(m.start(), m.end(), "PHONE", 0.8, "phone.local_cued", m.group(0))


_CALL_BEFORE: Final = re.compile(
    r"(?i:\b(?:call|ring|text|phone|number|mobile|cell|whatsapp|wa|nomor|nomer|hp|telepon|telpon|hubungi)\b)"
    r"[^\d\n.?!]{0,16}$"
)
_SPOKEN_GATE: Final = trigger(["zero", "Zero", "double", "Double", "nol", "Nol", "kosong", "Kosong", " oh ", "Oh "])


def find_spoken_after_cue(text: str) -> Iterator[Detection]:
    """A telephone number said in words (7 to 15 digits) right after a calling word."""
    for m in gated_finditer(SPOKEN_PHONE, _SPOKEN_GATE, text):
        digits = spoken_digits(m.group(0))
        if not 7 <= len(digits) <= 15 or sum(c.isalpha() for c in m.group(0)) < 12:
            continue
        if _CALL_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            yield Detection(m.start(), m.end(), "PHONE", 0.85, "phone.spoken_cued", m.group(0))


_GROUPED: Final = re.compile(
    r"[+\d](?<![\w+\-./:,][\s\S])(?:(?<=\+)\d{1,3}[ \t]\d{2,5}|(?<=\d)\d{1,4})(?:[ \t]\d{2,6}){1,3}(?![\w\-/:]|[.,]\d)"
)
r"""``(?<![\w+\-./:,])(?:\+\d{1,3}[ \t])?\d{2,5}(?:[ \t]\d{2,6}){1,3}(?![\w\-/:]|[.,]\d)``, led by its first character
(a plus or a digit, the look-behind after it) so that the regex engine skips to them."""
_GROUPED_GATE: Final = InLines(DIGIT_LINES, re.compile(r"\d{2}[ \t]\d{2}"))
_NUMBER_BEFORE: Final = re.compile(
    r"(?i:\b(?:call|ring|text|phone|number|no|mobile|cell|line|whatsapp|wa|nomor|nomer|nombor|hp|telepon|telpon|"
    r"telp|tel|hubungi|contact|kontak|fax|landline|hotline))\b[^\d\n.?!]{0,24}$"
)
_NOT_NUMBER_BEFORE: Final = re.compile(
    r"(?i:(?:rp|idr|rm|usd|\$|£|€|₱|php)\.?[ \t]*$|\b(?:id|nik|ktp|nin|ic)\b[^\d]{0,12}$|"
    r"\b(?:order|invoice|receipt|tracking|account|rekening|resi|booking|ticket|tiket|reference|ref|serial|pesanan|"
    r"transaksi|transaction|case|claim|policy|polis|parcel|paket|member|anggota)[ \t]+(?:number|no\.?|nomor|nomer|#)"
    r"[^\d]{0,12}$|\b(?:nomor|nomer|no\.?)[ \t]+(?:rekening|resi|pesanan|tiket|antrian|polis|transaksi)[^\d]{0,12}$)"
)
NUMBER_BEFORE: Final = _NUMBER_BEFORE
"""A calling or number word earlier in the clause, ending right before a number (searched in the 40 characters
before it)."""
NOT_NUMBER_BEFORE: Final = _NOT_NUMBER_BEFORE
"""A money sign, an identity cue or an order's, parcel's or account's number word right before a number."""
_YEARS: Final = re.compile(r"(?:19|20)\d\d(?:[ \t](?:19|20)\d\d)+")


def find_grouped_phones(text: str) -> Iterator[Detection]:
    """Telephone numbers in space-separated groups of digits, after a number word or with a trunk prefix."""
    for m in gated_finditer(_GROUPED, _GROUPED_GATE, text):
        raw = m.group(0)
        digits = re.sub(r"\D", "", raw)
        if not 7 <= len(digits) <= 13 or _YEARS.fullmatch(raw):
            continue
        before = text[max(0, m.start() - 40) : m.start()]
        if _NOT_NUMBER_BEFORE.search(before):
            continue  # an amount, or an identity number's cue
        if _NUMBER_BEFORE.search(before):
            yield Detection(m.start(), m.end(), "PHONE", 0.8, "phone.grouped_cued", raw)
        elif raw.startswith("0") and 10 <= len(digits) <= 12 and len(raw.split()) == 2:
            yield Detection(m.start(), m.end(), "PHONE", 0.7, "phone.grouped_trunk", raw)
