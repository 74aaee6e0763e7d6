"""Structured identifiers said aloud in pieces, laid over the pipeline's detections at its end (issue #11, round 29).

A transcript of speech writes what was said: a telephone number read in digit words with a filler between its
groups (``nol delapan satu dua eh lima lima lima nol terus ...``, ``oh seven seven um double oh nine uh hundred
...``), a number with its extension (``021 5550 1234 ekstensi 207``, ``0161 496 0712 ext. 3``), a plate whose
digits are words (``BA empat lima dua satu QK``) or whose characters are read one by one (``K L 5 5 X Y Z``), a
user name said with ``at`` and ``underscore`` after a platform word (``tiktoknya at putri underscore padang``),
an ``@`` set apart from its name (``IG-nya @ mawar_melati99``) and an e-mail user part joined by a spoken
``underscore`` (``lee underscore m at proton dot me``). The other detectors find each such form only in part or
not at all, and a part left out leaks.

* :func:`find_split_phones`: after a calling word (no account, order, identity or money word between), the
  digit groups said in words or figures (``double``/``triple`` and ``hundred`` read as a telephone's
  ``00``) that fillers (``eh``, ``um``, ``uh``, ``terus``, ``then``) may separate, on through the next turn
  when the number is short at the line's end: nine to fifteen digits in all, one span per group;
* :func:`phone_extensions`: a telephone number's extension (``ext.``, ``extension``, ``ekstensi``, ``pesawat``)
  joins its span;
* :func:`find_spoken_plates`: an Indonesian region's letters, one to four digits in words or figures, and up to
  three series letters, or a plate's characters spaced one by one that a shape of :mod:`.plate_shapes` (or the
  Indonesian one) reads when joined, after a plate word;
* :func:`find_spoken_handles`: ``at``/``@`` and a user name said in words joined by ``underscore``/``dot``/
  ``garis bawah``/``titik`` after a platform word in the clause;
* :func:`speech_over`: the detections laid over the pipeline's: what lies inside one gives way, what overlaps
  one of another (unstructured) type is cut back to its own part.

Only the grammar of spoken digits and the cue words of both languages: no value from a corpus.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Final

from ._idwords import PLATE_REGIONS
from ._text import SpanIndex
from .handles import PLATFORM
from .patterns import find_phones
from .plate_shapes import country_of
from .types import Detection

__all__ = [
    "find_split_phones",
    "find_spoken_handles",
    "find_spoken_plates",
    "phone_extensions",
    "speech_over",
    "spoken_value",
]

_UNITS: Final[dict[str, str]] = {
    "nol": "0", "kosong": "0", "satu": "1", "ciek": "1", "dua": "2", "duo": "2", "tiga": "3", "tigo": "3",
    "empat": "4", "ampek": "4", "lima": "5", "limo": "5", "enam": "6", "anam": "6", "tujuh": "7", "tujuah": "7",
    "delapan": "8", "lapan": "8", "salapan": "8", "sembilan": "9", "sambilan": "9",
    "tige": "3", "hiji": "1", "tilu": "3", "opat": "4", "genep": "6", "dalapan": "8", "siji": "1", "loro": "2",
    "telu": "3", "papat": "4", "enem": "6", "pitu": "7", "wolu": "8", "songo": "9",
    "zero": "0", "oh": "0", "o": "0", "nought": "0", "one": "1", "two": "2", "three": "3", "four": "4",
    "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
}
_EN_TENS: Final[dict[str, str]] = {
    "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14", "fifteen": "15",
    "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19", "twenty": "2", "thirty": "3",
    "forty": "4", "fifty": "5", "sixty": "6", "seventy": "7", "eighty": "8", "ninety": "9",
}
_REPEAT: Final[dict[str, int]] = {"double": 2, "triple": 3}
_ZEROS: Final[dict[str, str]] = {"hundred": "00", "thousand": "000"}
_FILLERS: Final = frozenset(
    "eh em ehm hmm um umm uh er erm ah terus trus lalu habis abis itu ya yah then and sorry maaf "
    "wait tunggu bentar sebentar".split()
)
"""Words said between a number's groups (hesitation, ``then``, ``terus``): they part a number, never end it."""
_WORD: Final = re.compile(r"\+?\d+|[A-Za-z]+(?:-[A-Za-z]+)?")
_SEP: Final = re.compile(r"[ \t]*(?:\.\.\.?|…|[,\-–])?[ \t]*")


def _number_word(low: str) -> str | None:
    """The digits of one spoken number word (``forty-four`` is 44, ``twenty`` 20), or None."""
    if low in _UNITS:
        return _UNITS[low]
    if "-" in low:
        tens, _, unit = low.partition("-")
        if tens in _EN_TENS and len(_EN_TENS[tens]) == 1 and unit in _UNITS and _UNITS[unit] != "0":
            return _EN_TENS[tens] + _UNITS[unit]
        return None
    value = _EN_TENS.get(low)
    return None if value is None else (value if len(value) == 2 else value + "0")


def spoken_value(raw: str) -> str:
    """The digits of a number said in words and figures (``double``/``triple``, ``hundred`` after a digit)."""
    out: list[str] = []
    repeat = 1
    for m in _WORD.finditer(raw):
        low = m.group(0).lower().lstrip("+")
        if low in _REPEAT:
            repeat = _REPEAT[low]
            continue
        if low.isdigit():
            out.append(low[0] * (repeat - 1) + low)
        elif low in _ZEROS and out:
            out.append(_ZEROS[low])
        else:
            word = _number_word(low)
            if word is not None:
                out.append(word[0] * (repeat - 1) + word)
        repeat = 1
    return "".join(out)


# -- telephone numbers in pieces -----------------------------------------------------------------------------------
_CALL: Final = re.compile(
    r"(?i:(?<![\w\-])(?:call|ring|text|phone|mobile|cell|number|whatsapp|wa|nomor|nomer|nombor|no\.?[ \t]*hp|hp|"
    r"handphone|ponsel|telepon|telpon|telp|hubungi|contact|kontak|landline|line)(?:-?nya|-?ku)?(?![\w\-]))"
)
_NOT_PHONE: Final = re.compile(
    r"(?i:(?<![\w\-])(?:id|nik|ktp|kk|passport|paspor|licen[cs]e|sim|nric|ic|ssn|nin|sin|tfn|ird|npwp|bpjs|"
    r"social[ \t]+security|security|insurance|tax|pajak|identity|identitas|account|rekening|rek|norek|"
    r"order|pesanan|invoice|receipt|resi|tracking|booking|ticket|tiket|reference|ref|serial|policy|polis|card|"
    r"kartu|member|pin|password|sandi|kode|code|rp|price|harga|cost|pay|bayar|plate|plat|nopol|antrian|queue|"
    r"room|kamar|sort|routing|iban|bank|bca|bri|bni|bsi|mandiri)(?:-?nya)?(?!\w))"
)
_LEAD_GAP: Final = 28
"""How far after its calling word a number may start (``nomor WA aku``, ``you can call me on``)."""


_COMPOUND: Final = re.compile(
    r"(?i:(?P<h>seratus|(?P<hu>[a-z]+)[ \t]+ratus)(?:[ \t]+(?P<ht>[a-z]+[ \t]+(?:puluh|puluah|belas)|sebelas|sepuluh|"
    r"[a-z]+))?|(?P<t>[a-z]+)[ \t]+(?P<tk>puluh|puluah)(?:[ \t]+(?P<tu>[a-z]+))?|(?P<b>[a-z]+)[ \t]+belas|"
    r"(?P<s>sebelas|sepuluh))(?![\w\-])"
)
"""An Indonesian number of two or three figures said whole (``seratus tujuh puluh``, ``dua puluh satu``), read in
a telephone number as its figures (``nol seratus tujuh puluh`` is 0170)."""


def _unit(word: str | None) -> int | None:
    value = _UNITS.get((word or "").lower())
    return None if value is None or value == "0" else int(value)


def _below_hundred(phrase: str) -> int | None:
    words = phrase.lower().split()
    if words == ["sebelas"]:
        return 11
    if words == ["sepuluh"]:
        return 10
    if len(words) == 2 and words[1] == "belas":
        unit = _unit(words[0])
        return None if unit is None else 10 + unit
    if len(words) in {2, 3} and words[1] in {"puluh", "puluah"}:
        tens = _unit(words[0])
        rest = _unit(words[2]) if len(words) == 3 else 0
        return None if tens is None or rest is None else tens * 10 + rest
    return _unit(words[0]) if len(words) == 1 else None


def _compound(text: str, pos: int) -> tuple[int, str] | None:
    """The end and the figures of an Indonesian number said whole at ``pos`` (ten to nine hundred and
    ninety-nine), or None."""
    m = _COMPOUND.match(text, pos)
    if m is None:
        return None
    if m.group("h") is not None:
        hundreds = 1 if m.group("hu") is None else _unit(m.group("hu"))
        rest = _below_hundred(m.group("ht")) if m.group("ht") else 0
        if hundreds is None or rest is None:
            if hundreds is not None and m.group("ht"):  # "seratus ya": the hundred alone
                return m.end("h"), str(hundreds * 100)
            return None
        return m.end(), str(hundreds * 100 + rest)
    value = _below_hundred(m.group(0))
    return None if value is None else (m.end(), str(value))


def _digit_token(low: str, prev_digit: bool) -> str | None:
    if low.lstrip("+").isdigit():
        return low.lstrip("+")
    if low in _ZEROS:
        return _ZEROS[low] if prev_digit else None
    return _number_word(low)


def _groups(text: str, pos: int, stop: int) -> tuple[list[tuple[int, int]], str]:
    """The digit groups from ``pos`` (fillers between them) and their digits; stops at anything else."""
    groups: list[tuple[int, int]] = []
    digits: list[str] = []
    g_start = g_end = -1
    fillers = 0
    repeat = 1
    while pos < stop:
        sep = _SEP.match(text, pos)
        at = sep.end() if sep is not None else pos
        m = _WORD.match(text, at)
        if m is None or m.end() > stop:
            break
        low = m.group(0).lower()
        if low in _REPEAT:
            repeat = _REPEAT[low]
            g_start = m.start() if g_start < 0 else g_start
            pos = m.end()
            continue
        whole = _compound(text, m.start()) if repeat == 1 else None
        if whole is not None and whole[0] <= stop:
            digits.append(whole[1])
            g_start = m.start() if g_start < 0 else g_start
            g_end, fillers, pos = whole[0], 0, whole[0]
            continue
        value = _digit_token(low, g_end >= 0 and repeat == 1)
        if value is not None and digits and _new_number(text[pos : m.start()], low, digits, text[pos - 1 : pos]):
            break
        if value is not None:
            digits.append(value[0] * (repeat - 1) + value)
            repeat = 1
            g_start = m.start() if g_start < 0 else g_start
            g_end, fillers, pos = m.end(), 0, m.end()
            continue
        if repeat != 1 or low not in _FILLERS or g_end < 0 or fillers >= 2 or len("".join(digits)) >= 10:
            break  # (a number of ten digits is whole: what follows a filler then is no part of it)
        if g_start >= 0:
            groups.append((g_start, g_end))
        g_start, fillers, pos = -1, fillers + 1, m.end()
    if g_start >= 0 and g_end > g_start:
        groups.append((g_start, g_end))
    return groups, "".join(digits)


def _new_number(sep: str, low: str, digits: list[str], last: str) -> bool:
    """Whether a digit token after ``digits`` starts something else: a trunk or country prefix in figures
    (``satu, 0813 ...``), or, after a pause, a token of the other kind once ten digits are said
    (``01632 960 583, forty``)."""
    if low.startswith(("08", "+")) and len(low) >= 3:
        return True
    said = "".join(digits)
    return len(said) >= 10 and "," in sep and last.isdigit() != low.lstrip("+").isdigit()


def find_split_phones(text: str) -> Iterator[Detection]:
    """Telephone numbers said in words and figures, parted by fillers or a turn's break, after a calling word."""
    if not re.search(r"(?i:nol|kosong|zero|oh|double|triple|satu|dua|one|two|five|lima|\d{3})", text):
        return
    done = 0
    for cue in _CALL.finditer(text):
        if cue.start() < done:
            continue
        line_end = text.find("\n", cue.end())
        line_end = len(text) if line_end < 0 else line_end
        start = _first_digit(text, cue.end(), min(line_end, cue.end() + _LEAD_GAP))
        if start is None:
            continue
        lead = max(0, cue.start() - 16)
        stops = [m.end() for m in re.finditer(r"[.!?\n]", text[lead : cue.start()])]
        if _NOT_PHONE.search(text, lead + (stops[-1] if stops else 0), start):
            continue  # "nomor rekening", "account number", "order number": the number is not a telephone
        groups, digits = _groups(text, start, line_end)
        if re.match(r"[1-9](?:08|62)", digits):  # "satu nol delapan ...": a count or a choice before the number
            first = _WORD.match(text, start)
            second = _WORD.search(text, first.end(), line_end) if first is not None else None
            if second is None:
                continue
            start = second.start()
            groups, digits = _groups(text, start, line_end)
        if groups and len(digits) < 9 and _only_tail(text, groups[-1][1], line_end):
            nxt = _next_turn(text, line_end)
            if nxt is not None:
                more, more_digits = _groups(text, nxt, _line_end(text, nxt))
                if more and 9 <= len(digits) + len(more_digits) <= 15:
                    groups, digits = groups + more, digits + more_digits
        if not 9 <= len(digits) <= 15 or _counting(digits):
            continue
        said = any(re.search(r"[A-Za-z]", text[s:e]) for s, e in groups)
        if not said and (len(groups) < 2 or not re.match(r"\+|0|62", text[groups[0][0] :])):
            continue  # figures alone: one group is the telephone pattern's; parted groups only with a trunk prefix
        for s, e in groups:
            yield Detection(s, e, "PHONE", 0.85, "phone.spoken_split", text[s:e])
        done = groups[-1][1]


def _counting(digits: str) -> bool:
    """Digits that count up or down by one (``one two three four ...``: counting aloud, no number)."""
    run = digits[:9]
    steps = {(int(b) - int(a)) % 10 for a, b in zip(run, run[1:], strict=False)}
    return len(steps) == 1 and steps <= {1, 9}


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _first_digit(text: str, pos: int, stop: int) -> int | None:
    for m in _WORD.finditer(text, pos, stop):
        low = m.group(0).lower()
        if low in _REPEAT or _digit_token(low, False) is not None:
            if low in {"o", "one"}:
                nxt = re.match(r"[ \t]+([A-Za-z]+)", text[m.end() : m.end() + 12])
                if nxt is None or _number_word(nxt.group(1).lower()) is None:
                    return None  # "this one, 071 ...": a pronoun; a number said from "one" goes on in words
            return m.start()
        if len(low) > 12:
            return None
    return None


def _only_tail(text: str, end: int, line_end: int) -> bool:
    """Nothing but punctuation (or a dangling filler) after a number's last group on its line."""
    rest = text[end:line_end].strip(" \t,.-…")
    return not rest or rest.lower() in _FILLERS


def _next_turn(text: str, line_end: int) -> int | None:
    """Where the next line's words start (after a speaker label masked to spaces or kept as ``X:``)."""
    if line_end >= len(text):
        return None
    start = line_end + 1
    m = re.match(r"[ \t]*(?:[^\s:]{1,24}:[ \t]*)?", text[start:])
    return start + (m.end() if m else 0)


# -- extensions ---------------------------------------------------------------------------------------------------
_EXTENSION: Final = re.compile(
    r"[ \t]*[,(]?[ \t]*(?i:ext\.?|extension|ekstensi|eks\.?|pesawat|psw\.?|x(?=\d))[ \t]*(?:\d{1,5}|"
    r"(?:(?:nol|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|zero|oh|one|two|three|four|five|six|seven|"
    r"eight|nine)\b[ \t,]*){1,5})\)?"
)


def phone_extensions(text: str, found: Iterable[Detection]) -> Iterator[Detection]:
    """A telephone number of ``found`` with its extension after it, as one span."""
    for d in found:
        if d.type != "PHONE":
            continue
        m = _EXTENSION.match(text, d.end)
        if m is not None:
            end = d.end + len(m.group(0).rstrip(" \t,"))
            if text[d.start : end].count("(") < text[d.start : end].count(")"):
                end -= 1
            yield Detection(d.start, end, "PHONE", d.confidence, "phone.extension", text[d.start : end])


# -- plates ------------------------------------------------------------------------------------------------------
_PLATE_WORD: Final = re.compile(
    r"(?i:(?<![\w\-])(?:plat|platnya|pelat|pelatnya|nopol|nopolnya|no\.?[ \t]?pol|nomor[ \t]+polisi|tnkb|plate|"
    r"plates|number[ \t]+plate|registration|rego|reg)(?![\w\-]))"
)
_DIGIT_WORDS: Final = "|".join(sorted(_UNITS, key=len, reverse=True))
_SAID_PLATE: Final = re.compile(
    rf"(?<![\w\-])(?P<r>[A-Z]{{1,2}})[ \t]+(?P<n>(?:(?i:{_DIGIT_WORDS})\b|\d)(?:[ \t,]+(?:(?i:{_DIGIT_WORDS})\b|\d))"
    r"{0,3})[ \t]+(?P<s>[A-Z]{1,3})(?![\w\-])"
)
_SPACED: Final = re.compile(r"(?<![\w\-])[A-Z0-9](?:[ \t][A-Z0-9]){3,8}(?![\w\-])")
_ID_SHAPE: Final = re.compile(r"([A-Z]{1,2})(\d{1,4})([A-Z]{0,3})")
_OWN_SHAPES: Final = re.compile(r"[A-Z]{2}\d{2}[A-Z]{3}|S[A-Z]{1,2}\d{1,4}[A-Z]|K[A-Z]{2}\d{3}[A-Z]")
"""The shapes :mod:`.patterns` and :mod:`.plates` read themselves, joined: a current UK plate (DVLA: two letters,
two digits of age, three letters), Singapore's and Kenya's."""


def _plate_cued(text: str, start: int) -> bool:
    line0 = text.rfind("\n", 0, start) + 1
    return _PLATE_WORD.search(text, max(line0, start - 60), start) is not None


def find_spoken_plates(text: str) -> Iterator[Detection]:
    """Plates with their digits in words, or read out one character at a time, after a plate word."""
    if _PLATE_WORD.search(text) is None:
        return
    for m in _SAID_PLATE.finditer(text):
        words = re.findall(r"[A-Za-z]+", m.group("n"))
        if not words or m.group("r") not in PLATE_REGIONS or not _plate_cued(text, m.start()):
            continue
        if not 1 <= len(spoken_value(m.group("n"))) <= 4:
            continue
        yield Detection(m.start(), m.end(), "PLATE", 0.9, "plate.spoken", m.group(0))
    for m in _SPACED.finditer(text):
        joined = m.group(0).replace(" ", "").replace("\t", "")
        if not (re.search(r"[A-Z]", joined) and re.search(r"\d", joined)) or not _plate_cued(text, m.start()):
            continue
        shape = _ID_SHAPE.fullmatch(joined)
        regrouped = " ".join(re.findall(r"[A-Z]+|\d+", joined))
        indonesian = shape is not None and shape.group(1) in PLATE_REGIONS
        if indonesian or _OWN_SHAPES.fullmatch(joined) or country_of(joined) or country_of(regrouped):
            yield Detection(m.start(), m.end(), "PLATE", 0.85, "plate.spelled", m.group(0))


# -- user names said aloud -----------------------------------------------------------------------------------------
_JOIN: Final = r"(?:underscore|under[ \t]score|garis[ \t]+bawah|dot|titik|dash|strip|hyphen)"
_SAID_HANDLE: Final = re.compile(
    rf"(?i:(?<![\w@])(?:at|@)[ \t]+(?P<h>[a-z0-9]+(?:[ \t]+(?:{_JOIN}[ \t]+)?[a-z0-9]+){{0,5}}))"
)
_STOP: Final = frozenset(
    "ya kak kok sih aja saja deh dong cari follow ikuti terus and or but if please the all lower case dengan "
    "pakai yang di ke itu juga lagi katanya kata nanti sekarang udah sudah jangan kalau when then so with on in "
    "for it is was i you we they my your".split()
)


def find_spoken_handles(text: str) -> Iterator[Detection]:
    """``at`` and a user name joined by spoken ``underscore``/``dot`` after a platform word in its clause; an
    ``@`` set apart from the name that follows it."""
    for m in _SAID_HANDLE.finditer(text):
        line0 = text.rfind("\n", 0, m.start()) + 1
        before = text[max(line0, m.start() - 40) : m.start()]
        platforms = list(PLATFORM.finditer(before))
        if not platforms or re.search(r"[.!?]", before[platforms[-1].end() :]):
            continue
        words = re.findall(r"[A-Za-z0-9]+", m.group("h"))
        ends = [w.end() for w in re.finditer(r"[A-Za-z0-9]+", m.group("h"))]
        keep = 0
        for i, w in enumerate(words):
            if w.lower() in _STOP:
                break
            keep = i + 1
        body = m.group("h")[: ends[keep - 1]] if keep else ""
        spoken_join = re.search(rf"(?i:\b{_JOIN}\b)", body) is not None
        if not body or body.split()[-1].lower() in {"underscore", "dot", "titik", "dash", "strip", "hyphen"}:
            continue
        if not spoken_join and not m.group(0).startswith("@"):
            continue  # "at home", "at the shop": only a name whose parts are joined aloud
        end = m.start("h") + len(body)
        yield Detection(m.start(), end, "HANDLE", 0.85, "handle.spoken", text[m.start() : end])


# -- the lay-over --------------------------------------------------------------------------------------------------
_STRUCTURED: Final = frozenset({"PHONE", "EMAIL", "URL", "HANDLE", "NATIONAL_ID", "ACCOUNT", "PLATE"})
def _email_heads(text: str, found: Iterable[Detection]) -> Iterator[Detection]:
    """A spelt e-mail address whose user part goes on before it through spoken joins (``lee underscore m at``)."""
    for d in found:
        if d.type != "EMAIL":
            continue
        m = re.search(
            r"(?i:(?<![\w@])[a-z0-9]+(?:[ \t]+(?:underscore|garis[ \t]+bawah|dash|strip)[ \t]+[a-z0-9]+)*"
            r"[ \t]+(?:underscore|garis[ \t]+bawah|dash|strip)[ \t]+)$",
            text[max(0, d.start - 60) : d.start],
        )
        if m is not None:
            start = d.start - len(m.group(0))
            yield Detection(start, d.end, "EMAIL", d.confidence, "email.spoken_head", text[start : d.end])


_WWW_BEFORE: Final = re.compile(
    r"(?i:(?<![\w.])(?:https?[ \t]*(?::|colon)?[ \t]*"
    r"(?://|slash[ \t]+slash|garis[ \t]+miring[ \t]+garis[ \t]+miring)[ \t]*)?"
    r"(?:www|w[ \t]w[ \t]w|double[ \t]u[ \t]double[ \t]u[ \t]double[ \t]u)"
    r"(?:[ \t]+(?:dot|titik)[ \t]+|[ \t]*\.[ \t]*|[ \t]+))$"
)
"""A spoken ``www`` (and scheme) before a web address the URL rules found from its host on."""


def _url_heads(text: str, found: Iterable[Detection]) -> Iterator[Detection]:
    for d in found:
        if d.type == "URL" and not d.text.lower().startswith(("www", "http", "w ")):
            m = _WWW_BEFORE.search(text, max(0, d.start - 48), d.start)
            if m is not None:
                yield Detection(m.start(), d.end, "URL", d.confidence, d.detector, text[m.start() : d.end])


def _at_apart(text: str, found: Iterable[Detection]) -> Iterator[Detection]:
    for d in found:
        if d.type == "HANDLE" and not d.text.startswith("@"):
            m = re.search(r"(?<![\w@])@[ \t]+$", text[max(0, d.start - 4) : d.start])
            if m is not None:
                start = d.start - len(m.group(0))
                yield Detection(start, d.end, "HANDLE", d.confidence, d.detector, text[start : d.end])


def _swallowed_phones(text: str, found: Iterable[Detection]) -> Iterator[Detection]:
    """A mobile number in figures (an Indonesian prefix) that a span of another type took in whole (``DANA 0812
    5550 9931`` as an organisation): the number, as the telephone pattern reads it with its line's words before
    it."""
    for d in found:
        if d.type in _STRUCTURED or sum(c.isdigit() for c in d.text) < 9:
            continue
        line0 = text.rfind("\n", 0, d.start) + 1
        for p in find_phones(text[line0 : d.end]):
            if p.confidence >= 0.97 and p.type == "PHONE" and line0 + p.start >= d.start:
                yield Detection(line0 + p.start, line0 + p.end, "PHONE", p.confidence, p.detector, p.text)


def speech_over(text: str, found: Iterable[Detection]) -> list[Detection]:
    """``found`` with the spoken forms of ``text`` laid over it (see the module's docstring)."""
    kept = list(found)
    new = [
        *_swallowed_phones(text, kept),
        *find_split_phones(text),
        *find_spoken_plates(text),
        *find_spoken_handles(text),
        *phone_extensions(text, kept),
        *_email_heads(text, kept),
        *_at_apart(text, kept),
        *_url_heads(text, kept),
    ]
    if not new:
        return kept
    new.sort(key=lambda d: (d.start, -d.end))
    index = SpanIndex(kept)  # (overlaps by bisection: a long line holds thousands of each)
    for d in new:
        clash = index.overlapping(d.start, d.end)
        if any(o.type == d.type and o.start <= d.start and o.end >= d.end for o in clash):
            continue  # found already, whole
        if any(o.type in _STRUCTURED and (o.start < d.start or o.end > d.end) for o in clash):
            continue  # a structured span reaching out of this one: it stays as it is
        for o in clash:
            index.remove(o)
        for o in clash:
            if o.type in _STRUCTURED:
                continue
            for s, e in ((o.start, d.start), (d.end, o.end)):
                part = text[s:e]
                lead = len(part) - len(part.lstrip(" \t,"))
                part = part.strip(" \t,")
                if part and any(c.isalnum() for c in part):
                    index.add(Detection(s + lead, s + lead + len(part), o.type, o.confidence, o.detector, part))
        index.add(d)
    return sorted(index.kept(), key=lambda d: d.start)
