"""What an interviewer's question says about the answer that follows it (issue 11).

An interview is questions and answers: the question types the words of the answer that no list explains.

* **a where-question** (``Where do you deliver?``, ``What areas?``, ``Tinggal di mana?``): in the first
  sentence of the answer, a capitalised name that a place list knows (even as the answer's first word:
  ``Handsworth, Lozells, down to Aston``), or a later one that no list knows at all (no dictionary word,
  first name or stop word: ``Mostly Yaba and Surulere``), is a LOCATION. The answer's first word must be
  listed: an unlisted one is as often a regional word (``Ngontrak``, ``Ayeuna``). A question about work or
  study is not a where-question here (``Where do you work?`` is answered with an employer).
* **an age question** (``How old are you?``, ``Umur berapa?``): a number opening the answer, in digits or
  words and with its unit when there is one, is an AGE (``Twenty-three.``, ``Dua puluh tujuh tahun.``,
  ``I'm 34, I think``); after the name the answer gives first, the first number closing its clause in its first two
  sentences, with its hedge (``Sekarwangi, Mas. Dua puluh tujuh tahun lebih.``, ``Thirty-one and three
  quarters.``).

* **a who-question** (``Who else rides with you?``, ``Siapa yang bantu?``, Minang ``Sia ...?``): capitalised
  words of the answer's first sentence that no list gives as a place or an ordinary word are a PERSON
  (``Thabo and Nomvula.``); the answer's first word only when a list or the sentence's end follows it.
* **a question about the app or firm** (``Which app do you use?``, ``Pakai aplikasi apa?``): in the first
  sentence of the answer, capitalised words that no list explains are an ORG (``Mostly Zoomeat, sometimes
  Quikbite``); the answer's first word only when a list or the sentence's end follows it (``Dashly and
  Rydo.``).

The question is the last line before the answer that ends a sentence with ``?`` (speaker labels are masked
with dots by then, so ``P:``/``I:`` and named labels read alike).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Final

from . import gazetteers as gz
from .agecues import AGE_NUMBER
from .numwords import EN_NUM, ID_NUM, parse_number
from .self_intro import is_self_intro
from .speakers import MASKED_SERVICE_LINE
from .types import Detection

__all__ = ["detect_answers", "question_before"]

_PLACE_Q: Final = re.compile(
    r"(?i:\bwhere(?:abouts)?\b|\b(?:which|what)[ \t]+(?:areas?|parts?|suburbs?|neighbou?rhoods?|towns?|zones?|"
    r"side|estates?|streets?|roads?)\b|\bdi[ \t]*mana\b|\bke[ \t]*mana\b|\bdari[ \t]*mana\b|"
    r"\b(?:daerah|wilayah|kawasan|kampung|kampuang)[ \t]+mana\b|\bmano\b)"
)
_WORK_Q: Final = re.compile(
    r"(?i:\b(?:work|works|worked|working|job|employ\w*|study|studied|school|college|kerja|bekerja|karajo|kuliah|"
    r"sekolah|hear|heard|find|found|meet|met|learn\w*|buy|bought|get|got|app|platform|aplikasi)\b)"
)
"""A where-question about work, study or how something came about is answered with an employer, a school, a
person or an app, not a place."""
_AGE_Q: Final = re.compile(
    r"(?i:\bhow[ \t]+old\b|\bage\b|"
    r"\b(?:umur|usia|umua)(?:nya|mu|nyo|na|ny[ae])?\b[^?\n]{0,25}(?:\bbera(?:pa|po)\b|\bbrp\b|\?)|"
    r"\bbera(?:pa|po)[ \t]+(?:umur|usia|umua)\b)"
)
_PLATFORM_Q: Final = re.compile(
    r"(?i:\b(?:which|what)[ \t]+(?:apps?|platforms?|compan(?:y|ies)|firms?)\b|\b(?:aplikasi|apk|app|platform)[ \t]+"
    r"apa\b|\b(?:pakai|pake)[ \t]+apa\b|\bwho[ \t]+(?:do|did|are|were|have)[ \t]+you[ \t]+(?:been[ \t]+)?"
    r"(?:ride|riding|drive|driving|deliver|delivering|work|working|clean|cleaning)[ \t]+(?:for|with)\b|"
    r"\b(?:narik|kerja|karajo|ngojek)[ \t]+(?:buat|untuk|sama|samo|ikut)[ \t]+(?:apa|siapa|mano|apo)\b)"
)
"""A question about the app or firm someone rides for: its answer names platforms (``Mostly Zoomeat``)."""
_WHO_Q: Final = re.compile(r"(?i:\bwho\b|\bsiapa\b|\bsia\b|\bsiapo\b|\bwhose[ \t]+name)")
"""A question about people: its answer names them (``Who else rides with you? / Thabo and Nomvula.``)."""
_NOT_PERSON_BEFORE: Final = re.compile(
    r"\b(?i:the|from|in|around|near|at|to|di|ke|dari|pasar|kampung|desa)[ \t]+(?:and[ \t]+(?:around[ \t]+)?)?$"
)
_ANSWER_LIST: Final = re.compile(r"[ \t]*(?:[.,;!?]|$|[ \t]+(?:and|or|dan|atau|sama|eh|mostly|too|juga)\b)")
_FILLER = r"(?:(?i:oh|well|um|erm|uh|eh|hmm|ya|iya|yeah|yes|sure|me|aku|saya|ambo|gue)[,.]?[ \t]+)"
_LEAD = (
    r"(?:(?i:I['’]m|I[ \t]+am|I[ \t]+just[ \t]+turned|I[ \t]+turned|just[ \t]+turned|turned|just|about|around|nearly|"
    r"almost|only|umur[ \t]+(?:saya|aku|ambo)|saya|aku|ambo|baru|sudah|udah|alah|lah|masih|katanya|ngakunya|"
    r"tahun[ \t]+(?:ini|ko|iko)|sekarang|kini)[ \t]+)"
)
_AGE_ANSWER: Final = re.compile(
    rf"[.\t ]*(?:[a-z][\w.]{{0,20}}:[ \t]+)?{_FILLER}?{_LEAD}{{0,2}}(?P<a>{AGE_NUMBER})"
    r"(?=[ \t]*(?:[.,;!?)\n]|$)|[ \t]+(?i:now|this|next|last|in|and|but|so|I|sekarang|kini|tahun[ \t]+ini|Kak|Bu|Pak|"
    r"Ni|Da|Mbak|Mas|Bang|Uni|Uda|dan|tapi|lah|jo|aja|saja|sajo)\b)"
)
_UNIT = r"(?:years?(?:[ \t\-]+old)?|yrs?|tahun|taun|taon|taong|thn)"
_CALENDAR = r"(?P<cal>[A-Z][\w'’]*(?:[ \t]+[A-Z][\w'’]*)?)"
"""The day, month or feast an age turns at (``32 come Friday``, ``forty-eight at Christmas``, ``pas Lebaran``): a
capitalised word or two, kept only when :func:`makna.privacy.gazetteers.stop_caps` (weekdays, months, holidays)
knows them (:func:`_calendar_ok`)."""
_HEDGE = (
    r"(?:[ \t]+and[ \t]+(?:a[ \t]+half|three[ \t]+quarters|a[ \t]+quarter|a[ \t]+bit)"
    r"|[ \t]+(?:lebih|labiah|jalan|lewat(?:[ \t]+(?:saketek|sedikit|dikit|sikit))?)"
    rf"|,?[ \t]+(?:and[ \t]+|dan[ \t]+)?(?:\d{{1,2}}|(?i:{EN_NUM})|(?i:{ID_NUM}))[ \t]+(?i:bulan|months?)"
    rf"|[ \t]+(?:come|this|next|in|at|by|on|bulan|pas|waktu|sampai)[ \t]+{_CALENDAR})?"
)
_HEDGED_AGE: Final = re.compile(
    rf"(?<![\w\-.,:/])(?P<a>(?:[1-9]\d?|(?i:{EN_NUM})|(?i:{ID_NUM}))(?:[ \t\-]*(?i:{_UNIT}))?(?i:{_HEDGE}))"
    r"(?=[ \t]*(?:[.,;!?)](?!\d)|\n|$))"
)
"""A number, maybe its unit and a hedge (``and three quarters``, ``lebih``, ``lewat saketek``, ``and two months``,
``ampek bulan``, ``come Friday``), closing its clause: an age question's answer after the name it gives first
(``Sekarwangi, Mas. Dua puluh tujuh tahun lebih.``)."""
_BARE_AGE: Final = re.compile(
    rf"(?P<a>(?:[1-9]\d?|(?i:{EN_NUM})|(?i:{ID_NUM}))(?:[ \t\-]*(?i:{_UNIT}))?)(?=[ \t]*(?:[.,;!?)](?!\d)|\n|$))"
)
"""The number of a :data:`_HEDGED_AGE` whose day is no calendar word, closing its clause without it."""
_UNIT_AT_END: Final = re.compile(rf"(?i:{_UNIT})$")
_LETTER_STOP: Final = re.compile(r"(?<=[^\W\d_])[.!?](?:[ \t]|$)")
"""A sentence's end after a letter (a masked speaker label's dots end none)."""
_CAP_RUN: Final = re.compile(
    r"(?<![\w'’\-@.])(?P<r>[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’\-]+(?:[ \t]+[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’\-]+){0,2})(?![\w@])"
)
_SENTENCE_END: Final = re.compile(r"[.!?](?=[ \t]|$)")
_POSSESSIVE: Final = re.compile(r"['’]s?$")


@cache
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    return gz.all_places(), gz.first_names("en"), gz.ordinary_words(), gz.stop_caps()


def question_before(text: str, line_start: int) -> str | None:
    """The question of the last non-blank line before ``line_start`` (its last sentence ending with "?")."""
    end = line_start - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if line.strip(". \t"):
            mark = line.rfind("?")
            if mark < 0:
                return None
            head = max(line.rfind(".", 0, mark), line.rfind("!", 0, mark))
            return line[head + 1 : mark + 1]
        end = start - 1
    return None


def _joined(toks: list[re.Match[str]]) -> str:
    return " ".join(t[0] for t in toks)


def _runs(text: str, start: int, end: int, *, strip_names: bool) -> Iterator[tuple[int, list[re.Match[str]]]]:
    """Each capitalised run between ``start`` and ``end`` (its start and its words), less its leading stop and
    ordinary words ("Mostly Yaba", "South side") and, with ``strip_names``, first names."""
    _places, names, words, stop = _lists()
    for m in _CAP_RUN.finditer(text, start, end):
        toks = list(re.finditer(r"\S+", m.group("r")))
        while len(toks) > 1 and is_self_intro(toks[0][0], text[m.start("r") + toks[0].end() : m.end("r") + 12]):
            toks.pop(0)  # "Namaku André Siregar", "Hi Ada": the name only
        while toks and (
            toks[0][0] in stop
            or toks[0][0].lower() in words
            and (strip_names or toks[0][0] not in names)
            or strip_names
            and toks[0][0] in names
        ):
            toks.pop(0)
        if toks:
            yield m.start("r"), toks


def _named(text: str, start: int, end: int, kind: str) -> Iterator[Detection]:
    """PERSON (a who-question) or ORG (an app question) for the names of an answer's first sentence."""
    places, names, words, stop = _lists()
    person = kind == "PERSON"
    for run_start, toks in _runs(text, start, end, strip_names=not person):
        if (
            any(t[0] in stop for t in toks)
            or person
            and any(t[0] in places or t[0].lower() in words and t[0] not in names for t in toks)
        ):
            continue
        at, stop_at = run_start + toks[0].start(), run_start + toks[-1].end()
        if at == start and not _ANSWER_LIST.match(text, stop_at):
            continue  # the answer's first word, not listed: as often a regional word as a name or a brand
        if person and _NOT_PERSON_BEFORE.search(text, max(start, at - 12), at):
            continue  # "from Anápolis", "the Gaelic": a place or a thing
        yield Detection(at, stop_at, kind, 0.55, f"{kind.lower()}.answer", text[at:stop_at])


def _places(text: str, start: int, end: int) -> Iterator[Detection]:
    places, names, words, stop = _lists()
    for run_start, toks in _runs(text, start, end, strip_names=True):
        while toks and (toks[-1][0] in stop or toks[-1][0].lower() in words) and _joined(toks) not in places:
            toks.pop()
        if not toks:
            continue
        name = _joined(toks)
        bare = _POSSESSIVE.sub("", name)
        at = run_start + toks[0].start()
        end_at = run_start + toks[-1].end() - (len(name) - len(bare))
        if bare in places and not (len(toks) == 1 and bare in names):
            conf = 0.6
        elif len(toks) == 1 and len(bare) >= 3 and bare[1:].isalpha() and bare[1:].islower() and at > start:
            if bare in names or bare in stop or bare.lower() in words:
                continue
            conf = 0.5
        else:
            continue
        yield Detection(at, end_at, "LOCATION", conf, "location.answer", text[at:end_at])


def _calendar_ok(m: re.Match[str]) -> re.Match[str] | None:
    """``m`` when its day is a calendar word (``come Eid``: a weekday, a month, a holiday of
    :func:`makna.privacy.gazetteers.stop_caps`) or it has none; else its bare number when that closes its clause,
    or None (``Thirty-two in Padang.``: no age answer that swallows a place)."""
    cal = m.group("cal")
    if cal is None or cal.title() in _lists()[3] or cal.split()[0].title() in _lists()[3]:
        return m  # (the hedge reads case-insensitively: "come friday")
    return _BARE_AGE.match(m.string, m.start(), m.start("cal"))


def _age_later(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first number closing its clause in the first two sentences of the answer in ``[start, end)``: the age
    an age question asked for, after the name the answer gives first; a later number is a duration or a count
    (``Thirty-one and three quarters. Six years on the bikes.``)."""
    first = _LETTER_STOP.search(text, start, end)
    second = _LETTER_STOP.search(text, first.end(), end) if first else None
    stop = second.end() if second else end
    numbers = [m for m in map(_calendar_ok, _HEDGED_AGE.finditer(text, start, stop)) if m is not None]
    with_unit = [m for m in numbers if _UNIT_AT_END.search(m.group("a")) or " " in m.group("a").strip()]
    bare = [m for m in numbers if (parse_number(m.group("a")) or 0) >= 10]  # "call me Satu": a name, not one
    best = with_unit or bare  # "kelahiran 99, jadi kini 25 taun": the age has its unit
    return best[0] if best else None


def detect_answers(text: str) -> Iterator[Detection]:
    """LOCATION, AGE and ORG detections in answers, typed by the question before them."""
    if "?" not in text:
        return
    pos = 0
    while True:
        q = text.find("?", pos)
        if q < 0:
            return
        line_start = text.find("\n", q) + 1
        if line_start == 0:
            return
        pos = line_start
        while text.startswith("\n", line_start):
            line_start += 1
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        question = question_before(text, line_start)
        if question is None:
            continue
        if MASKED_SERVICE_LINE.match(text, line_start, line_end) is not None:  # "....  0:11": a service's masked label
            line_start = line_end + 1  # (speakers.mask_labels), the answer on the lines under it (review20)
            while text.startswith("\n", line_start):
                line_start += 1
            line_end = text.find("\n", line_start)
            line_end = len(text) if line_end < 0 else line_end
        line = text[line_start:line_end]
        body = line_start + len(line) - len(line.lstrip(". \t"))
        first = _SENTENCE_END.search(text, body, line_end)
        if _PLATFORM_Q.search(question):
            yield from _named(text, body, line_end if first is None else first.end(), "ORG")
        elif _WHO_Q.search(question) and not _AGE_Q.search(question):
            yield from _named(text, body, line_end if first is None else first.end(), "PERSON")
        elif _AGE_Q.search(question):
            m = _AGE_ANSWER.match(text, line_start, line_end) or _age_later(text, body, line_end)
            if m is not None:
                yield Detection(m.start("a"), m.end("a"), "AGE", 0.8, "age.answer", m.group("a"))
        elif _PLACE_Q.search(question) and not _WORK_Q.search(question):
            yield from _places(text, body, line_end if first is None else first.end())
