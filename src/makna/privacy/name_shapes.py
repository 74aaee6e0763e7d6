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
_HON_INITIAL_TAIL: Final = re.compile(r"[ \t]+(?P<n>[A-Z]\.)(?![ \t]*[A-Z\w])")
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


def _lower_case(text: str) -> Iterator[Detection]:
    names = _lower_names()
    for line in _LOWER_LINE.finditer(text):
        for m in _LOWER_WORD.finditer(text, line.start(), line.end()):
            if m.group(0) in names:
                yield Detection(m.start(), m.end(), "PERSON", 0.5, "person.lowercase", m.group(0))


def detect_name_shapes(text: str) -> Iterator[Detection]:
    """Every detector of this module over ``text`` (speaker labels already blanked)."""
    if _INITIAL_GATE.search(text) is not None:  # most texts hold no initial at all
        yield from _initials(text)
        yield from _honorific_initials(text)
    yield from _particles(text)
    yield from _lower_case(text)
