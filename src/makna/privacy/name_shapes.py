"""PERSON by the shape of a name, where no list knows its words (issue 11).

* **initials**: initials before a name no dictionary knows (``A. Rahman``, ``R. Senthilkumar``, ``T. Okafor``),
  two or more initials alone before a lower-case word (``J. R. said``), and one initial alone after an
  honorific (``Pak H.``, ``Mr J.``);
* **name particles** that only join the parts of a person's name: a patronymic (``bin``, ``binti``, ``bte``,
  ``ibn``, Welsh ``ap``/``ferch``: ``Ahmad bin Salim``, ``Rhys ap Gruffydd``) and the Sikh names ``Kaur`` and
  ``Singh`` after a given name (``Gurpreet Kaur``, ``Harjit Singh``);
* **lower-case chat**: in a line written wholly in lower case (``td rina chat aku``, ``lol marcus is late``), a
  word that is a listed first name and no ordinary word of either language (confidence 0.5: review).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Final

from . import gazetteers as gz
from ._fastrx import SharedLines, gated_finditer, trigger
from ._text import HONORIFICS
from .types import Detection

__all__ = ["detect_name_shapes"]

_CAP = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’\-]+"
# The patterns below begin with their capital and look behind it afterwards (``[A-Z](?<![\w.][A-Z])`` is
# ``(?<![\w.])[A-Z]``, also at the text's start), so that re skips to the capitals with its fast prefix scan:
# the same matches, a third of the time (tests/privacy/test_deid_speed4.py).
_INITIALS_NAME: Final = re.compile(
    rf"(?P<n>[A-Z](?<![\w.][A-Z])\.[ \t]?(?:[A-Z]\.[ \t]?){{0,2}}(?P<last>{_CAP}))(?![\w'’])"
)
_INITIALS_ALONE: Final = re.compile(r"(?P<n>[A-Z](?<![\w.][A-Z])\.[ \t][A-Z]\.(?:[ \t][A-Z]\.)?)(?=[ \t]+[a-z])")
_HONORIFIC_BEFORE_INITIAL: Final = re.compile(r"(?P<h>[A-Z](?<![\w'’\-][A-Z])[a-z]{1,6}\.?)(?=[ \t]+[A-Z]\.)")
_INITIAL_LINES: Final = SharedLines(re.compile(r"[A-Z]\."))
"""The lines holding a capital and a full stop ("A."): every match of the three initials patterns holds one on its
line; each of them alone, led by a capital, is tried at every capital of a text."""
_ORG_AFTER: Final = re.compile(
    r"[ \t]*(?:\([^)\n]{0,30}\)[ \t]*)?"
    r"(?:&|Ltd|Limited|Inc|LLP|PLC|Co\b|Corp|Group|Trading|Sons|Bros|Enterprises?|Fashions?|"
    r"Motors?|Stores?|Foods?|Services?|Tbk|PT\b|CV\b)"
)
_STREET_BEFORE: Final = re.compile(r"(?i:\b(?:jl|jln|jalan|gg|gang|st|no|rt|rw|blok|kav|km)\.?[ \t]*)$")
_PARTICLE: Final = re.compile(
    rf"(?<![\w'’\-])(?P<n>{_CAP}(?:[ \t]+{_CAP}){{0,2}}[ \t]+(?:bin|binti|bte|bt\.|ibn|ap|ferch)[ \t]+{_CAP}"
    rf"(?:[ \t]+{_CAP}){{0,2}})"
)
_SIKH: Final = re.compile(rf"(?<![\w'’\-])(?P<n>{_CAP}[ \t]+(?:Kaur|Singh))(?![\w'’\-])")
_HON_INITIAL_TAIL: Final = re.compile(r"[ \t]+(?P<n>[A-Z]\.)(?!\w)(?![ \t]*[A-Z])")
"""One initial after an honorific, no name after it ("Pak R. yang dari Solok", "Mr J. said")."""
_INITIALS_COMPACT: Final = re.compile(r"(?P<n>[A-Z](?<![\w.][A-Z])\.[A-Z]\.(?:[A-Z]\.)?)(?=[ \t]+[a-z]|,[ \t])")
"""Two or three initials written together, then a lower-case word or a comma ("Cuma M.T. aja", "as J.K., he")."""
_NOT_INITIALS_BEFORE: Final = re.compile(r"(?:\b(?i:the|in|to|from|at|of|di|ke|dari)|\d)[ \t]*$")
"""A country or a city ("to the U.S. in May", "di U.K. dulu") or a time ("9 A.M."), not a person."""
_ABBREVIATIONS: Final = frozenset({"U.S.", "U.K.", "U.N.", "E.U.", "A.M.", "P.M.", "S.H.", "S.E.", "S.T.", "D.C."})
"""Countries, times and Indonesian degrees written as initials."""
_LOWER_LINE: Final = re.compile(r"^[^A-Z\n]*[a-z][^A-Z\n]*$", re.MULTILINE)
_LOWER_WORD: Final = re.compile(r"(?<![\w@.#/'’\-])[a-z]{3,}(?![\w@'’\-]|\.\w)")


@cache
def _ordinary() -> frozenset[str]:
    return gz.dictionary_words() | gz.english_words() | gz.colloquial()


@cache
def _lower_names() -> frozenset[str]:
    """Listed first names, lower case, that are no ordinary word, stop word, place or name that is a word."""
    names = gz.first_names("id") - gz.ambiguous_names() - gz.stop_caps() - HONORIFICS
    places = gz.places_admin() | gz.places_world() | gz.places_en()  # towns and villages: too many share a name
    ordinary = _ordinary()
    return frozenset(n.lower() for n in names if n.lower() not in ordinary and n not in places and len(n) >= 3)


def _known_word(word: str) -> bool:
    return word.lower() in _ordinary() or word in gz.stop_caps() or word in HONORIFICS


def _initials(text: str) -> Iterator[Detection]:
    for m in gated_finditer(_INITIALS_NAME, _INITIAL_LINES, text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if not text[line_start : m.start()].strip() or _STREET_BEFORE.search(text, line_start, m.start()):
            continue  # "A. Pendahuluan" heading a line, "Jl. A. Yani": a list item or a street
        last = m.group("last")
        listed = last in gz.first_names("id") or last in gz.surnames()
        if (
            (_known_word(last) or _known_word(last.removesuffix("s")))
            and not listed
            or last in gz.places_world()
            or last in gz.stop_caps()
            or _ORG_AFTER.match(text, m.end())
        ):
            continue
        yield Detection(m.start("n"), m.end("n"), "PERSON", 0.75, "person.initials", m.group("n"))
    for m in gated_finditer(_INITIALS_ALONE, _INITIAL_LINES, text):
        if not _STREET_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            yield Detection(m.start("n"), m.end("n"), "PERSON", 0.6, "person.initials", m.group("n"))
    for m in _INITIALS_COMPACT.finditer(text):
        before = text[max(0, m.start() - 8) : m.start()]
        if m.group("n") in _ABBREVIATIONS or _NOT_INITIALS_BEFORE.search(before) or _STREET_BEFORE.search(before):
            continue
        yield Detection(m.start("n"), m.end("n"), "PERSON", 0.6, "person.initials", m.group("n"))


def _honorific_initials(text: str) -> Iterator[Detection]:
    """One initial alone after an honorific ("Pak H.", "Bu S.", "Mr J."), not before a name that follows."""
    for m in gated_finditer(_HONORIFIC_BEFORE_INITIAL, _INITIAL_LINES, text):
        if m.group("h").rstrip(".") not in HONORIFICS and m.group("h") not in HONORIFICS:
            continue
        tail = _HON_INITIAL_TAIL.match(text, m.end())
        if tail is not None:
            yield Detection(tail.start("n"), tail.end("n"), "PERSON", 0.7, "person.initials", tail.group("n"))


_PARTICLE_GATE: Final = trigger([" bin ", " binti ", " bte ", " bt. ", " ibn ", " ap ", " ferch "])
_SIKH_GATE: Final = trigger(["Kaur", "Singh"])
_INITIAL_GATE: Final = re.compile(r"[A-Z]\.")


def _particles(text: str) -> Iterator[Detection]:
    stop = gz.stop_caps()
    for rx, gate in ((_PARTICLE, _PARTICLE_GATE), (_SIKH, _SIKH_GATE)):
        for m in gated_finditer(rx, gate, text):
            first = m.group("n").split()[0]
            word = first.lower() in _ordinary() and first not in gz.first_names("id")
            if first in stop or first in HONORIFICS or word:
                continue
            yield Detection(m.start("n"), m.end("n"), "PERSON", 0.85, "person.particle", m.group("n"))


_QUOTED_LOWER: Final = re.compile(r"[\"“](?P<q>[^\"“”A-Z\n]*[a-z][^\"“”A-Z\n]*)[\"”]")
"""A quoted stretch written wholly in lower case inside a line that is not ("Like "lol marcus is late again""): a
chat message read out, where names are as often lower case."""
_CHAT_WORD: Final = re.compile(r"(?<![\w@.#/'’\-])(?P<w>[a-z]{3,})(?P<tail>\d{1,4}[a-z]{0,2})?(?![\w@'’\-]|\.\w)")
"""A lower-case word, with the digits of a chat name after it (those are :data:`_DIGIT_NAME`'s, anywhere)."""
_LOWER_CUED: Final = re.compile(
    r"\b(?:si|sama|ama|bareng|kak|bang|uni|uda|mbak|mas|om|tante|dek|ajo|etek|mak|bro|sis|with|ask|asked|tell|"
    r"told|text|texted|named|namanya|panggil|dipanggil|ngaku)[ \t]+(?P<w>[a-z]{4,})(?![\w@'’\-]|\.\w)"
)
"""A lower-case word after a word that names or addresses a person, in lower-case chat ("bilang sama
yosefina", "talk to dayo" is not: "to" takes places too): a name when no list knows the word (0.45: review)."""
_VOWEL: Final = re.compile(r"[aeiou]")
_STRETCHED: Final = re.compile(r"([a-z])\1{2,}")


def _chat_name(word: str, names: frozenset[str]) -> bool:
    """A listed name written as chat names are: as it is, stretched ("kofiii", "riinaaa") or before digits
    ("tunde2k", "dedi88")."""
    if word in names:
        return True
    squeezed = _STRETCHED.sub(r"\1", word)
    if squeezed != word:
        return squeezed in names or squeezed[-2:-1] == squeezed[-1:] and squeezed[:-1] in names
    return False


def _lower_case(text: str) -> Iterator[Detection]:
    names = _lower_names()
    stretches = [(line.start(), line.end()) for line in _LOWER_LINE.finditer(text)]
    stretches.extend(
        (m.start("q"), m.end("q"))
        for m in _QUOTED_LOWER.finditer(text)
        if not any(s <= m.start() < e for s, e in stretches)
    )
    for start, end in stretches:
        for m in _CHAT_WORD.finditer(text, start, end):
            if m.group("tail") is None and _chat_name(m.group("w"), names):
                yield Detection(m.start(), m.end(), "PERSON", 0.5, "person.lowercase", m.group(0))
        for m in _LOWER_CUED.finditer(text, start, end):
            word = m.group("w")
            if word not in names and len(_VOWEL.findall(word)) >= 2 and not _known_word(word):
                yield Detection(m.start("w"), m.end("w"), "PERSON", 0.45, "person.lowercase", word)
    for hit in _LETTER_DIGIT.finditer(text):  # "And tunde2k posts memes": a chat name anywhere
        start = hit.start()
        while start > 0 and "a" <= text[start - 1] <= "z":
            start -= 1
        chat = _DIGIT_NAME.match(text, start)
        if chat is not None and chat.group("w") in names:
            yield Detection(chat.start(), chat.end(), "PERSON", 0.5, "person.lowercase", chat.group(0))


_LETTER_DIGIT: Final = re.compile(r"[a-z]\d")
_DIGIT_NAME: Final = re.compile(r"(?<![\w@.#/'’\-])(?P<w>[a-z]{3,})\d{1,4}[a-z]{0,2}(?![\w@'’\-]|\.\w)")
"""A listed name, lower case, before a few digits ("tunde2k", "dedi88"): how chat names are made (tried only
where a lower-case letter meets a digit, :data:`_LETTER_DIGIT`)."""


def detect_name_shapes(text: str) -> Iterator[Detection]:
    """Every detector of this module over ``text`` (speaker labels already blanked)."""
    if _INITIAL_GATE.search(text) is not None:  # most texts hold no initial at all
        yield from _initials(text)
        yield from _honorific_initials(text)
    yield from _particles(text)
    yield from _lower_case(text)
