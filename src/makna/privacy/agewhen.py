"""Ages told by when they turn, by "going on" and by "jalan", where no age word comes right before (#11, numeric19).

The sets opened in round nineteen (``tune21``, ``seal20``, ``spent29``, ``spent30``) missed ages that carry their
own evidence in the words after the number, not before it:

* **when the age turns or turned** (English): a bare number opening its clause, then a month, a season, a feast
  or "this year"/"next month"/"last month" closing it: ``Mrs Trewartha-Ollie, ninety-one in the spring``,
  ``Mr Quillan, eighty-eight come May``, ``my daughter Aisyah, nine this year``. A count said with a date does not
  open its clause (``we sold forty in April``: a verb before it), so the number must follow a comma after a
  person found in the same sentence, a person's copula (``she's``, ``I'm``, ``I turned``), or open an answer to
  a question that asked an age;
* **"going on"**: ``Kofi is six going on seven``, ``Marlee is going on three``: after a person's copula, a
  number closing its clause (``going on three years since`` is a duration: a noun after it);
* **the other ages of a list** that opens with an age found (checks21): ``aged 4, 7 and 9``, ``umur 4, 7 dan 9
  tahun``, the list closing its clause (``4, 7 dan 9 kotak`` is a count);
* **Indonesian and Minang "jalan", "kemarin", "bulan depan", "lebih sedikit", "kurang sedikit"** after a number
  (with or without "tahun") that opens its clause: ``Wulan Sekarsari, dua puluh lima jalan,``, ``Cucu saya, Ameng,
  delapan belas tahun kemarin``, ``Umur saya tiga puluh... eh, tiga puluh dua jalan``. "sudah tiga tahun jalan"
  is how long something has run: an aspect word before the number refuses it, and the clause must hold an age
  word, a person found before the number in its sentence, or answer an age question.

Every rule reads grammar (clause edges, copulas, the words of time after a number), never a name of a corpus.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import Final

from . import gazetteers as gz
from ._fastrx import gated_finditer
from ._text import occupied
from .agecontext import _CLAUSE_END
from .agecues import _KIN
from .numwords import EN_NUM, ID_NUM, parse_number
from .span_edges import EN_WHEN, ID_MONTH
from .types import Detection

__all__ = ["when_ages"]

_SP: Final = r"[ \t]+"
_CLOSE: Final = r"(?=[ \t]*(?:[.,;:!?)\n]|$|[ \t](?i:and|but|so)\b))"
_EN_NUMBER: Final = rf"(?:1[01]\d|[1-9]\d?|(?i:{EN_NUM}))"
_EN_TURNS: Final = re.compile(rf"(?<![\w'’\-])(?P<a>{_EN_NUMBER}){_SP}(?i:{EN_WHEN}){_CLOSE}")
"""A bare English number, then when it turns or turned, closing its clause."""
_FEAST_AT: Final = re.compile(
    r"(?<![\w\-])(?:[Aa]t|[Cc]ome|[Bb]y|[Oo]n)[ \t]+(?P<cal>[A-Z][\w'’]*(?:[ \t]+[A-Z][\w'’]*)?)"
    r"(?=[ \t]*(?:[.,;:!?)\n]|$|[ \t](?i:and|but|so|this|next)\b))"
)
"""The feast or day an English age turns at (``at Diwali``, ``come Thanksgiving``), closing its clause: kept only
when :func:`~makna.privacy.gazetteers.stop_caps` (the maintained list of weekdays, months and holidays) knows it
(:func:`_feast`) and a bare number stands right before (:data:`_EN_NUMBER_BEFORE`), where
:data:`~makna.privacy.span_edges.EN_WHEN` names two feasts only. Searched from the word, not from every position
a number could start at."""
_EN_NUMBER_BEFORE: Final = re.compile(rf"(?<![\w'’\-])(?P<a>{_EN_NUMBER})[ \t]+$")
_GOING_ON: Final = re.compile(
    rf"(?<![\w'’\-])(?P<a>(?:{_EN_NUMBER}{_SP})?going{_SP}on{_SP}{_EN_NUMBER})(?![\w'’\-])"
    r"(?=[ \t]*(?:[.,;:!?)\n]|$|[ \t](?i:and|but|now)\b))"
)
"""A number "going on" the next one, or "going on" a number alone, closing its clause."""
_RANGE: Final = re.compile(
    rf"(?P<a>(?:[1-9]\d?|(?i:{EN_NUM}|{ID_NUM}))[ \t]*(?:(?i:or|atau|to|sampai|apo)[ \t]+|[\-–][ \t]*)"
    rf"(?:[1-9]\d?|(?i:{EN_NUM}|{ID_NUM}))(?:{_SP}(?i:years?|tahun|taun))?)"
    r"(?=[ \t]*(?:[.,;:!?)\n]|$))"
)
"""Two numbers joined by "or", "to" or a dash, closing their clause: the same person's age said as a range
(``I was twenty-something then, twenty-four or twenty-five``) when an age was found just before it."""
_MONTHS_OLD: Final = re.compile(
    rf"(?<![\w'’\-])(?P<a>(?:[1-9]\d?|(?i:{EN_NUM}))(?:-months?-old|{_SP}(?i:months?){_SP}old)"
    rf"|(?<=(?i:baby|babe)[ \t](?i:of)[ \t])(?:[1-9]\d?|(?i:{EN_NUM})){_SP}(?i:months?|weeks?))(?![\w'’\-])"
)
"""An infant's age in months or weeks (``an eight-month-old``, ``ten months old``, ``a baby of eight months``)."""
_TURNS_GATE: Final = re.compile(
    r"(?i:\b(?:in|come|next|last|this|at)[ \t]+(?:(?:the|a)[ \t]+)?(?:spring|summer|autumn|fall|winter|year|month|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|christmas|easter|couple|mon|tues|wednes|thurs|fri|satur|sun))"
)
"""The start of every :data:`~makna.privacy.span_edges.EN_WHEN` (``in April``, ``come May``, ``next month``,
``this year``, ``at Christmas``, ``in a couple of weeks``): only the lines holding one are searched for
``_EN_TURNS``, whose number alternation otherwise is tried at every position of the text."""
_GOING_GATE: Final = re.compile(r"(?i:going)")
_ID_WHEN_GATE: Final = re.compile(r"(?i:jalan|kemar[ei]n|bulan|lebih|labiah|lebi|kurang)")
_MONTHS_GATE: Final = re.compile(r"(?i:month|week)")
"""Words every match of ``_GOING_ON``, ``_ID_TURNS`` and ``_MONTHS_OLD`` holds on its line: only those lines are
searched (:func:`~makna.privacy._fastrx.gated_finditer`), not every position of the text."""
_ID_UNIT: Final = r"(?:tahun|taun|taon|thn)"
_ID_WHEN: Final = (
    rf"(?:jalan|kemarin|kemaren|bulan{_SP}(?:depan|muko|{ID_MONTH})"
    rf"|(?:lebih|labiah|lebi|kurang){_SP}(?:sedikit|saketek|dikit))"
)
_ID_TURNS: Final = re.compile(
    rf"(?<![\w'’\-])(?P<a>(?:[1-9]\d?|(?i:{ID_NUM}))(?:{_SP}(?i:{_ID_UNIT}))?)(?={_SP}(?i:{_ID_WHEN})"
    r"[ \t]*(?:[.,;:!?)\"”\n]|$))"
)
"""An Indonesian or Minang number (and its unit), then "jalan", "kemarin", "bulan depan", "lebih sedikit" or
"kurang sedikit", closing its clause: the span is the number and its unit, and the edges pass (span_edges.py)
decides which of the words after it belong to the age ("jalan" does; "bulan depan" not after an earlier age)."""
_COPULA: Final = re.compile(
    r"(?i:\b(?:I['’]m|I[ \t]+am|(?:s?he)['’]s|(?:s?he|who)[ \t]+is|(?P<bare>is|was)|turned"
    r"|(?P<owner>[A-Z][a-z]+)['’]s))[ \t]+$"
)
"""A person's copula right before a number ("she's", "Tajay is", "I turned"); not "it's" (a thing's count). A bare
"is" or "was", or a word's "'s", counts only after a name, a person's pronoun or a kin or role noun
(:func:`_copula_of_person`): "the rent was ninety in May" is a price."""
_WORD_BEFORE: Final = re.compile(r"([\w'’\-]+)[ \t]+$")


def _copula_of_person(before: str) -> bool:
    """Whether ``before`` (the text up to the number) ends in a person's copula: a bare "is"/"was" or a word's
    "'s" only after or of a name ("Tajay is", "Tajay's"), or with a person's pronoun ("he was") or a kin or role
    noun among the three words before it ("my son is", "mi son tajay is", "my nan's": :data:`agecues._KIN`); "the
    rent was", "the price's" are a thing's."""
    m = _COPULA.search(before)
    if m is None:
        return False
    if m.group("owner") is not None:
        word, head = m.group("owner"), m.start("owner")
    elif m.group("bare") is not None:
        w = _WORD_BEFORE.search(before, 0, m.start())
        if w is None:
            return False
        word, head = w.group(1), w.start(1)
    else:
        return True
    near = [word, *_WORDS.findall(before, max(0, head - 30), head)[-2:]]
    if any(x.lower() in _KIN or x.lower() in _PERSON_PRONOUNS for x in near):
        return True
    return word[:1].isupper() and word[1:].islower() and word.lower() not in _NOT_NAMES


_WORDS: Final = re.compile(r"[\w'’\-]+")
_PERSON_PRONOUNS: Final = frozenset({"he", "she", "who", "i", "they"})
_NOT_NAMES: Final = frozenset({"it", "that", "this", "there", "which", "what", "the"})
_THING_SUBJECT: Final = re.compile(r"(?i:\b(?:it|that|this|there|which|what)['’]?s?[ \t]+(?:is[ \t]+|was[ \t]+)?)$")
_OPENER: Final = re.compile(
    r"(?:^|\n|[.!?][ \t]|:[ \t]|\(|[\"“])[ \t]*(?:(?i:eh|em|hmm|um|no|sorry|yeah|well|oh|ya|iya|yo)[,.]?[ \t]+)?$"
)
"""The start of a sentence, a turn, a bracket or a quote (with a hesitation or a correction word)."""
_COMMA_OPENER: Final = re.compile(
    r",[ \t]*(?:(?i:eh|no|sorry|I[ \t]+mean|maksud(?:[ \t]+saya)?|masuak|masuk)[,.]?[ \t]+)?$"
)
_ASPECT_BEFORE: Final = re.compile(r"(?i:\b(?:sudah|udah|alah|lah|sejak|selama|sampai|hampir|baru)[ \t]+)$")
_AGE_WORD: Final = re.compile(
    r"(?i:\b(?:umur\w*|umua\w*|usia\w*|how[ \t]+old|your[ \t]+age|aged?|birthday|ulang[ \t]+tahun|lahir|born)\b)"
)
_SENTENCE_END: Final = re.compile(r"[.!?](?=[ \t\n])|\n")


def _sentence_start(text: str, at: int) -> int:
    start = max(0, at - 200)
    last = None
    for m in _SENTENCE_END.finditer(text, start, at):
        last = m
    return last.end() if last else start


def _age_asked(text: str, at: int) -> bool:
    """Whether an age word sits in the 240 characters before ``at`` (a question that asked the age, or the
    clause's own age word)."""
    return bool(_AGE_WORD.search(text, max(0, at - 240), at))


def _person_before(found: Sequence[Detection], start: int, at: int) -> bool:
    return any(d.type == "PERSON" and start <= d.start and d.end <= at for d in found)


_AFTER_NUMBER: Final = re.compile(
    r"[ \t]+(?i:going|jalan|kemarin|kemaren|bulan|lebih|labiah|lebi|kurang|tahun|taun|taon|thn)\b"
)


def _plausible(raw: str) -> bool:
    head = _AFTER_NUMBER.split(raw)[0]
    value = parse_number(head.strip())
    return value is not None and 0 < value <= 110


def _feast(words: str) -> bool:
    """Whether ``words`` (one or two capitalised words) are a weekday, a month or a holiday of the stop list."""
    known = gz.stop_caps()
    return words in known or words.split()[0] in known


def _number_before_feast(text: str, before: re.Pattern[str]) -> Callable[[re.Match[str]], re.Match[str] | None]:
    """A function of a feast's match: the number (``before``'s match) right before it, or None where the stop list
    does not know the feast."""

    def number(at: re.Match[str]) -> re.Match[str] | None:
        if not _feast(at.group("cal")):
            return None
        return before.search(text, max(0, at.start() - 40), at.start())

    return number


def _english(text: str, found: Sequence[Detection]) -> Iterator[tuple[int, int, str]]:
    feasts = (m for m in map(_number_before_feast(text, _EN_NUMBER_BEFORE), _FEAST_AT.finditer(text)) if m)
    for rx, matches in (
        (_EN_TURNS, gated_finditer(_EN_TURNS, _TURNS_GATE, text)),
        (_EN_NUMBER_BEFORE, feasts),
        (_GOING_ON, gated_finditer(_GOING_ON, _GOING_GATE, text)),
    ):
        for m in matches:
            start = m.start("a")
            raw = m.group("a")
            if not raw.lower().startswith("going") and not _plausible(raw):
                continue
            before = text[max(0, start - 60) : start]
            if _THING_SUBJECT.search(before):
                continue
            sentence = _sentence_start(text, start)
            if _COPULA.search(before) if rx is _GOING_ON else _copula_of_person(before):
                ok = True  # "going on" after any copula is an age ("tajay is six going on seven" in lower case)
            elif rx is _GOING_ON:
                ok = False  # "going on" reads as an age only after a person's copula
            elif _COMMA_OPENER.search(before):
                ok = _person_before(found, sentence, start)
            elif _OPENER.search(before):
                ok = _age_asked(text, start)
            else:
                ok = False
            if ok:
                yield start, m.end("a"), raw


_ID_FEAST_AT: Final = re.compile(
    r"(?<![\w\-])(?i:pas|waktu|wakatu|bulan)[ \t]+(?P<cal>[A-Z][\w'’]*(?:[ \t]+[A-Z][\w'’]*)?)"
    r"(?=[ \t]*(?:[.,;:!?)\"”\n]|$|[ \t](?i:nanti|kemarin|ini)\b))"
)
"""The feast an Indonesian or Minang age turns at (``lima puluh pas Lebaran``, ``sebelas tahun waktu Natal``),
kept only when the stop list knows it (:func:`_feast`) and a number (and its unit) stands right before
(:data:`_ID_NUMBER_BEFORE`)."""
_ID_NUMBER_BEFORE: Final = re.compile(
    rf"(?<![\w'’\-])(?P<a>(?:[1-9]\d?|(?i:{ID_NUM}))(?:{_SP}(?i:{_ID_UNIT}))?)[ \t]+$"
)


def _indonesian(text: str, found: Sequence[Detection]) -> Iterator[tuple[int, int, str]]:
    feasts = (m for m in map(_number_before_feast(text, _ID_NUMBER_BEFORE), _ID_FEAST_AT.finditer(text)) if m)
    for m in (*gated_finditer(_ID_TURNS, _ID_WHEN_GATE, text), *feasts):
        start = m.start("a")
        raw = m.group("a")
        before = text[max(0, start - 60) : start]
        if not _plausible(raw) or _ASPECT_BEFORE.search(before):
            continue
        sentence = _sentence_start(text, start)
        opens = _COMMA_OPENER.search(before) or _OPENER.search(before)
        by_word = re.search(r"(?i:\b(?:umur\w*|umua\w*|usia\w*)(?:[ \t]+\w+)?[ \t]+)$", before)
        if not (opens or by_word):
            continue
        if by_word or _age_asked(text, start) or _person_before(found, sentence, start):
            yield start, m.end("a"), raw


_RANGE_SPLIT: Final = re.compile(r"[ \t]+(?i:or|atau|to|sampai|apo)[ \t]+|(?<=\d)[ \t]*[\-–][ \t]*(?=\d)")


def _age_range(raw: str) -> bool:
    """Two ages a few years apart, the second the greater, neither a clock's hour in digits (``9 to 5``)."""
    parts = _RANGE_SPLIT.split(_AFTER_NUMBER.split(raw)[0], maxsplit=1)
    if len(parts) != 2:  # one number written with a hyphen ("thirty-two"), which _RANGE's dash also takes
        return False
    first, second = parts
    low, high = parse_number(first), parse_number(second)
    if low is None or high is None or not 0 < high - low <= 10 or high > 110:
        return False
    return not (first.isdigit() and low <= 12)


_TO_COMMA: Final = re.compile(r"[^\n]{0,40}?,[ \t]+")
_AND = r"(?i:and|dan|jo|sama|samo|&)"
_LIST_NEXT: Final = re.compile(
    rf"(?:[ \t]*,[ \t]*(?:{_AND}[ \t]+)?|[ \t]+{_AND}[ \t]+)(?P<a>(?P<n>1[01]\d|[1-9]\d?|(?i:{EN_NUM}|{ID_NUM}))"
    rf"(?![\w'’\-])(?:[ \t\-]*(?i:years?[ \t\-]+old|years?|yrs?|{_ID_UNIT}))?)"
)
"""The next number of a list after an age: a comma or "and"/"dan"/"jo" and a number, maybe its unit (``aged 4, 7
and 9``, ``umur 4, 7 dan 9 tahun``, ``umuanyo ampek, tujuah jo sambilan taun``)."""


def _ranges(text: str, found: Sequence[Detection]) -> Iterator[tuple[int, int, str]]:
    """An age range after a comma, at most 40 characters after an AGE found in the same line."""
    for det in found:
        if det.type != "AGE":
            continue
        m = _TO_COMMA.match(text, det.end)
        if m is None:
            continue
        r = _RANGE.match(text, m.end())
        if r is not None and _age_range(r.group("a")):
            yield r.start("a"), r.end("a"), r.group("a")


def _listed(text: str, found: Sequence[Detection]) -> Iterator[tuple[int, int, str]]:
    """The other ages of a list that opens with an AGE found (``She has three kids, aged 4, 7 and 9``, ``umur 4, 7
    dan 9 tahun``): each a plausible age, joined by commas and "and", the list closing its clause as a single age
    must (``_CLOSE``, ``agecontext._CLAUSE_END``: "2 and 5 now"); a list running into a noun is a list of counts
    (``aged 4, then 7 boxes``, ``4, 7 dan 9 kotak``) and gives nothing."""
    for det in found:
        if det.type != "AGE":
            continue
        items: list[tuple[int, int, str]] = []
        at = det.end
        while (m := _LIST_NEXT.match(text, at)) is not None and len(items) < 8:
            value = parse_number(m.group("n"))
            if value is None or not 0 < value <= 110:
                break
            items.append((m.start("a"), m.end("a"), m.group("a")))
            at = m.end()
        if items and (re.match(_CLOSE, text[at : at + 40]) or re.match(_CLAUSE_END, text[at : at + 40])):
            yield from items


def when_ages(text: str, found: Sequence[Detection]) -> Iterator[Detection]:
    """Ages found by the words after their number (see the module's docstring), where no detection sits."""
    taken = occupied(len(text), found)
    seen: set[tuple[int, int]] = set()
    infants = ((m.start("a"), m.end("a"), m.group("a")) for m in gated_finditer(_MONTHS_OLD, _MONTHS_GATE, text))
    listed = (*_ranges(text, found), *_listed(text, found))
    for start, end, raw in (*_english(text, found), *_indonesian(text, found), *listed, *infants):
        if taken.find(1, start, end) >= 0 or (start, end) in seen:
            continue
        seen.add((start, end))
        yield Detection(start, end, "AGE", 0.75, "age.when", raw)
