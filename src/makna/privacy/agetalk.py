"""Ages told in passing: an age to come, an age as a noun, an age reckoned from a birth year (#11, round thirteen).

AGE (the number, with its unit when there is one):

* **an age to come** (``I'll be fifty-three in March``, ``she'll be 30 next month``, ``I'm turning fifty in the
  summer``, ``he's going to be nine on Sunday``): a person's future "be" or "turn" and a number of ten or more (or
  any number after "turning") closing its clause or before when (a month, "next ...", "this ...", "in the
  summer", "soon"); "I'll be 20 minutes" and "I'll be there" are none;
* **an age as a noun** (``drop off my seven-year-old``, ``a forty-one-year-old dad``, ``the nine-year-old``):
  a determiner or a possessive, then a number in words or digits hyphenated with "year-old", not followed by
  a thing (``a ten-year-old car``, ``my 12-year-old phone``);
* **an age answering an age question after a greeting** (``Umur berapa? / Hehe, iyo. 34 taun, Uni``): a
  number of ten or more with its unit after one or two words and a stop;
* **an age with its fraction** (``moved here at 13 and a bit``, ``Forty-two and a half.``) after "at", a verb
  of being or a sentence's start;
* **an age reckoned from a birth year or date** (``lahir 1990, jadi kini tigo puluah limo``, ``born in '89, so
  I'm thirty-six``, ``Ambo lahia 14 Juni 1994, jadi kini tigo puluah ciek.``): a birth word, its year in the
  same sentence, then "so"/"jadi" or "now"/"kini"/"sekarang" and a number of ten or more closing its clause.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._fastrx import gated_finditer, trigger
from .agecues import _KIN
from .numwords import EN_NUM, EN_TENS_TEENS, ID_TENS_TEENS, parse_number
from .types import Detection

__all__ = ["find_talk_ages"]

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|Januari|Februari|Maret|"
    "Mei|Juni|Juli|Agustus|Oktober|Desember"
)
_TEN_UP = rf"(?:[1-9]\d|(?i:{EN_TENS_TEENS}))"
_EN_UNIT = r"(?:[ \t\-]+(?i:years?[ \t\-]+old|years?|yrs?))"
_WHEN_AFTER = (
    rf"(?:in[ \t]+(?:{_MONTHS}|the[ \t]+(?i:spring|summer|autumn|fall|winter|new[ \t]+year)|(?i:a|two|three|"
    r"a[ \t]+few|a[ \t]+couple[ \t]+of)[ \t]+(?i:weeks?|months?|days?))|next[ \t]+(?i:week|month|year|"
    r"birthday|\w+day)|this[ \t]+(?i:year|month|week|summer|spring|autumn|winter|\w+day)|on[ \t]+(?:[A-Z]\w+|the[ \t]+"
    r"\d)|soon|tomorrow|later[ \t]+this[ \t]+\w+|come[ \t]+(?:[A-Z]\w+|the))\b"
)
_COMING: Final = re.compile(
    r"(?<![\w'’])(?P<who>(?i:I|he|she|mum|dad|mom|(?:my|his|her|our|their)[ \t]+(?P<noun>\w+)))"
    r"(?:['’]ll[ \t]+be|[ \t]+will[ \t]+be|['’](?:m|s|re)[ \t]+(?:going[ \t]+to|gonna)[ \t]+be"
    r"|[ \t]+(?:am|is|are)[ \t]+(?:going[ \t]+to|gonna)[ \t]+be"
    r"|['’](?:m|s|re)[ \t]+turning|[ \t]+(?:am|is|are)[ \t]+turning|['’]ll[ \t]+turn|[ \t]+will[ \t]+turn"
    r"|[ \t]+turns?)"
    rf"[ \t]+(?P<a>(?:[1-9]\d?|(?i:{EN_NUM})){_EN_UNIT}?)"
    rf"(?=[ \t]*(?:[.,;!?)\n]|$)|[ \t]+{_WHEN_AFTER})"
)
"""A person's age to come: "I", "he", "she" or a kin or role noun (``my wife``, not ``my rent``; "we" and "they"
are a count: ``we will be 10 on Sunday``), "be" or "turn" in the future, and a number closing its clause or before
when."""
_COMING_GATE: Final = trigger(
    ["'ll be", "’ll be", "will be", "going to be", "gonna be", "turn", "'ll turn", "’ll turn"]
)
_TURNING: Final = re.compile(r"(?i:turn)")
_NOT_AGE_AFTER: Final = re.compile(
    r"[ \t]*(?i:%|percent|minutes?|mins?|hours?|hrs?|seconds?|secs?|quid|pounds?|dollars?|euros?|pence|p\b|k\b|"
    r"miles?|km|metres?|meters?|feet|foot|kg|kilos?|drops?|orders?|deliveries|jobs?|people|o['’]clock|am\b|pm\b|degrees?)"
)
_THINGS: Final = frozenset(
    "car cars bike bikes van vans scooter scooters moped mopeds phone phones laptop house flat building machine "
    "motor motorbike vehicle tyre tyres boiler fridge debt loan contract mortgage tree whisky wine cheese bag "
    "jacket coat account app system business company firm shop marriage relationship habit record tradition "
    "bottle model version design engine truck lorry cab taxi kettle sofa mattress battery".split()
)
"""Things a "N-year-old" is said of as often as a person: such a noun after it makes it no person's age."""
_NOUN_AGE: Final = re.compile(
    r"(?<![\w'’])(?i:my|his|her|our|their|your|a|an|the|this|that|our)[ \t]+"
    r"(?:(?i:little|wee|eldest|oldest|youngest|younger|older|baby|own)[ \t]+)?"
    rf"(?P<a>(?:[1-9]\d?|(?i:{EN_NUM}))-(?i:years?)-(?i:old))(?![\w\-])"
    r"(?:[ \t]+(?P<next>[A-Za-z]+))?"
)
_NOUN_AGE_GATE: Final = trigger(["-year-old", "-years-old", "-Year-Old", "-YEAR-OLD"])
_BIRTH: Final = re.compile(
    r"(?i:\b(?:lahir|lahia|kelahiran|born)\b)[^.?!\n]{0,40}?(?:(?:19|20)\d\d|['’]\d\d)\b"
    r"[^.?!\n\d]{0,24}?(?i:\b(?:jadi|so|makes?[ \t]+me|kini|sekarang|skrg|now|today|alah|sudah|udah|already)\b)"
    r"(?:[ \t,]+(?i:kini|sekarang|skrg|now|today))?"
    r"(?:[ \t,]+(?i:umur|usia|umua|ambo|aku|saya|I['’]m|I[ \t]+am|I['’]ll[ \t]+be|alah|sudah|udah|lah))*"
    rf"[ \t,]+(?P<a>(?:{_TEN_UP}|(?i:{ID_TENS_TEENS}))(?:[ \t]*(?i:tahun|taun|taon|thn|years?(?:[ \t]+old)?))?)"
    r"(?=[ \t]*(?:[.,;!?)\n]|$)|[ \t]+(?i:now|sekarang|kini|lah|tahun[ \t]+ini|this[ \t]+year)\b)"
)
"""A birth word and its year, then, in the same sentence, "so"/"jadi"/"now"/"kini" and an age closing its clause:
the number directly after that word (a pronoun, "now" or "kini" between at most; ``so I paid 40`` and ``jadi
harganya 50`` are none)."""
_BIRTH_GATE: Final = trigger(["lahir", "Lahir", "lahia", "Lahia", "kelahiran", "Kelahiran", "born", "Born"])
_AGE_QUESTION: Final = re.compile(
    r"^[^\n]*(?i:\bhow[ \t]+old\b|\bumur|\busia\b|\bumua|\byour[ \t]+age\b)[^\n]*\?[ \t]*\n", re.MULTILINE
)
_AGE_QUESTION_GATE: Final = trigger(["old", "umur", "Umur", "usia", "Usia", "umua", "Umua", "age"])
_AFTER_GREETING: Final = re.compile(
    r"[.\t ]*(?:[\w .]{1,20}:[ \t]+)?(?:\(\w+\)[ \t]*)?[^\W\d]+(?:[ \t]+[^\W\d]+)?[ \t]*[.!,][ \t]+"
    rf"(?P<a>(?:[1-9]\d|(?i:{EN_TENS_TEENS}|{ID_TENS_TEENS}))(?:[ \t]*(?i:tahun|taun|taon|thn|years?(?:[ \t]+old)?|"
    r"yrs?)))(?=[ \t]*(?:[.,;!?)\n]|$))"
)
"""The answer to an age question after a greeting or an interjection of one or two words (``Hehe, iyo. 34 taun,
Uni``, ``Haha, okay. 29 years``): a number of ten or more with its unit, closing its clause."""
_MONEY_AFTER: Final = re.compile(
    r"[ \t]*(?i:ribu|rb|juta|jt|rupiah|rp|ringgit|perak|orang|kali|buah|biji|persen|%|quid|pounds?|dollars?|"
    r"euros?|pence|grand|k\b|people|times|percent)"
)
"""A sum or a count after a number (``jadi 50 ribu``, ``so 40 quid``)."""


_AND_A_BIT: Final = re.compile(
    r"(?:(?<=[.!?:][ \t])|(?<=^)|(?<=\.\.\.[ \t])|(?i:(?<=\bat[ \t])|(?<=I['’]m[ \t])|(?<=I[ \t]am[ \t])|"
    r"(?<=['’]s[ \t])|(?<=\bis[ \t])|(?<=\bwas[ \t])|(?<=\bturned[ \t])|(?<=\bnow[ \t])))"
    rf"(?P<a>(?:1[0-9]|[2-9]\d|(?i:{EN_TENS_TEENS}|ten|eleven|twelve))[ \t]+and[ \t]+a[ \t]+(?i:half|bit|quarter))"
    r"(?=[ \t]*(?:[.,;!?)\n]|$)|[ \t]+(?i:now|this|when|and|but|so|I)\b)",
    re.MULTILINE,
)
"""An age with its fraction (``at thirteen and a quarter``, ``Forty-two and a half.``, ``I'm 12 and a bit``) after
"at", a verb of being or a sentence's start, closing its clause (``twelve and a half hours`` goes on)."""
_AND_A_BIT_GATE: Final = trigger([" and a half", " and a bit", " and a quarter"])
_PERSON_BE: Final = re.compile(
    r"(?:^|[^\w'’])(?:(?P<kin>[A-Za-z]+)[ \t]+)?(?P<who>[A-Za-z]+)(?:['’][sm]|[ \t]+(?i:am|is|was|turned))"
    r"(?:[ \t]+(?i:now|just))?[ \t]*$"
)
"""The subject of a verb of being just before an age with its fraction (``she's``, ``my son is``, ``I turned``,
``my son Luis is``)."""
_LABEL: Final = re.compile(r"^[ \t]*[\w .]{1,20}:[ \t]+")
"""A speaker's label at a line's start (``I:``, ``P:``): no subject of what follows."""
_PERSON_WORD: Final = re.compile(r"(?i:\b(?:I|he|she|we|my|his|her|our|their)\b)")
_ASKED_AGE: Final = re.compile(r"(?i:\bhow[ \t]+old\b|\bumur|\busia\b|\bumua|\byour[ \t]+age\b|\bage\?)")


def _fraction_of_person(text: str, start: int, end: int) -> bool:
    """An age with its fraction is a person's: after a person's verb of being (``I'm``, ``she was``, ``my son's``,
    ``who's``; ``it's``, ``the rent is`` are none), after "at" with a person in its turn (``I grew up there, came
    here at ...``), at a sentence's start before "now" with a person in its turn, or at a sentence's start or after "at"
    when the turn before asked an age (``How old are you? / Twenty-six and a bit.``)."""
    line = text.rfind("\n", 0, start) + 1
    cut = max(line, *(text.rfind(p, line, start) + 1 for p in ".!?"))
    turn = _LABEL.sub("", text[line:start])
    before = turn[len(turn) - (start - cut) :] if cut > line else turn
    asked = _ASKED_AGE.search(text, text.rfind("\n", 0, max(0, line - 1)) + 1, start) is not None
    if re.search(r"(?i:\bat)[ \t]*$", before):  # "came here at ...": the speaker's own story
        return asked or _PERSON_WORD.search(turn) is not None
    be = _PERSON_BE.search(before)
    if be is not None:
        kin, who = be.group("kin"), be.group("who")
        named = kin is not None and kin.lower() in _KIN  # "my son Luis is"
        return named or who.lower() in {"i", "he", "she", "who"} | _KIN
    if not before.strip(" \t."):  # a sentence's start: an answer, or "... thirty-three and a bit now" of oneself
        now = re.match(r"[ \t]+(?i:now)\b", text[end:]) is not None
        return asked or (now and _PERSON_WORD.search(turn) is not None)
    return False


def _value_ok(raw: str) -> bool:
    body = re.split(r"[ \t\-]+(?i:years?|yrs?|tahun|taun|taon|thn)", raw)[0]
    value = parse_number(body)
    return value is not None and 1 <= value <= 110


def find_talk_ages(text: str) -> Iterator[Detection]:
    """Ages to come, ages as nouns and ages reckoned from a birth year (see the module documentation)."""
    for m in gated_finditer(_COMING, _COMING_GATE, text):
        noun = m.group("noun")
        if noun is not None and noun.lower() not in _KIN:
            continue  # "my rent will be 50", "his total will be 45": a person's kin or role, no thing or sum
        raw = m.group("a")
        value = parse_number(re.split(r"[ \t\-]+(?i:years?|yrs?)", raw)[0])
        if value is None or not 1 <= value <= 110 or _NOT_AGE_AFTER.match(text, m.end("a")):
            continue
        if value < 10 and not _TURNING.search(text, m.start(), m.start("a")):
            continue  # "I'll be five" (minutes, in a queue): a small number only after "turn"
        yield Detection(m.start("a"), m.end("a"), "AGE", 0.78, "age.coming", raw)
    for m in gated_finditer(_NOUN_AGE, _NOUN_AGE_GATE, text):
        nxt = m.group("next")
        if nxt is not None and nxt.lower().rstrip("s") in _THINGS | {t.rstrip("s") for t in _THINGS}:
            continue  # "a ten-year-old car": a thing's age
        if _value_ok(m.group("a")):
            yield Detection(m.start("a"), m.end("a"), "AGE", 0.8, "age.noun", m.group("a"))
    for q in gated_finditer(_AGE_QUESTION, _AGE_QUESTION_GATE, text):
        a = _AFTER_GREETING.match(text, q.end())
        if a is not None and _value_ok(a.group("a")):
            yield Detection(a.start("a"), a.end("a"), "AGE", 0.76, "age.answer", a.group("a"))
    for m in gated_finditer(_AND_A_BIT, _AND_A_BIT_GATE, text):
        if _fraction_of_person(text, m.start("a"), m.end("a")):
            yield Detection(m.start("a"), m.end("a"), "AGE", 0.76, "age.fraction", m.group("a"))
    for m in gated_finditer(_BIRTH, _BIRTH_GATE, text):
        if not _value_ok(m.group("a")) or _MONEY_AFTER.match(text, m.end("a")):
            continue  # "jadi 50 ribu": a sum
        yield Detection(m.start("a"), m.end("a"), "AGE", 0.78, "age.reckoned", m.group("a"))
