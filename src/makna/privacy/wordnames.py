"""Names that are also ordinary words, by where they stand (issue 11).

``Intan``, ``Bunga``, ``Embun``, ``Hope``, ``Grace`` or ``Sunny`` are both given names and words, so the gazetteer
never takes them alone (:func:`makna.privacy.persons.detect_persons` needs a cue). Yet a writer capitalises a
word in the middle of a sentence only when it is a name: ``Kemarin Embun datang ke kos``, ``I gave the bag to
Hope``. A name of the ambiguous list (:func:`makna.privacy.gazetteers.ambiguous_names`) written so, on its own
(no capitalised word next to it: ``Hotel Bunga Melati``, ``Grace Church`` are other detectors' business),
not after an article or a place preposition (``the Star``, ``di Bunga``), and no place a list knows
(``Georgia``), is a PERSON at 0.55: below what ``deid accept --min-confidence 0.8`` takes, so a person
decides. A possessive stays outside the span (``Rose's flat``: ``Rose``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Final

from . import gazetteers as gz
from ._evidence import wider_names
from ._text import HONORIFICS, is_sentence_initial, line_before
from .places import WORK_BEFORE
from .types import Detection

__all__ = ["word_names"]

_WORD: Final = re.compile(r"[A-Z](?<![\w'’\-][A-Z])[a-z]+(?![\w\-])")
"""A capitalised word (its capital first, the look-behind after it: the scan skips to capitals)."""
_NOT_AFTER: Final = re.compile(
    r"(?:\b(?i:the|a|an|this|that|these|those|in|near|outside|around|di|dekat|sekitar|kota|desa|jalan)"
    r"|[()\[\]:\"“'‘])[ \t]*$"
)
"""An article or a place preposition, or a bracket, an opening quote or a colon (a label or a title) just before the
word."""
_CAP_BEFORE: Final = re.compile(r"(?<![\w'’\-])(?P<w>[A-ZÀ-ÖØ-Þ][\w'’\-]*)[ \t]+$")
"""A capitalised word just before: part of a longer name ("Hotel Bunga"), unless it opens the sentence as an
ordinary word ("Kemarin Embun datang") or is a day's or a month's name ("Every Friday Grace brings")."""
_CAP_AFTER: Final = re.compile(r"(?:['’]s)?[ \t]+[A-ZÀ-ÖØ-Þ]|[\-’'][A-Za-z]{2}")
_FIRM_AFTER: Final = re.compile(
    r",?[ \t]+(?:(?:the|a|an|sebuah|satu)[ \t]+)?(?:kelompok|grup|group|komunitas|community|paguyuban|yayasan|toko|"
    r"warung|usaha|perusahaan|company|firm|shop|store|cafe|kafe|restoran|restaurant|salon|organisasi|lembaga|"
    r"serikat|union|club|klub|band|app|aplikasi|brand|merek|charity|agency|agen)\b"
)
"""A group's or a firm's noun set after the word ("ikut Pelangi, kelompok dampingan itu"): an ORG's name."""


@cache
def _names() -> frozenset[str]:
    """The ambiguous names, and the names of makna's name data (its main lists and the wider data of many
    traditions, :func:`makna.privacy._evidence.wider_names`) that are also ordinary words ("Rob", "Budi"),
    less stop words, honorifics and places a list knows."""
    places = gz.places_world() | gz.places_admin() | gz.places_en()
    ordinary = gz.ordinary_words()
    listed = gz.first_names("id") | wider_names()
    words = {n for n in listed if n.lower() in ordinary and len(n) > 2}
    return frozenset((gz.ambiguous_names() | words) - gz.stop_caps() - HONORIFICS - places - _PRONOUNS)


_PRONOUNS: Final = frozenset({"Anda", "Engkau", "Beliau", "Kau", "Dikau", "Saudara", "Saudari", "Tuan", "Nyonya"})
"""Pronouns of respect written with a capital ("Apa rencana Anda?"), never a name on their own."""
_NUMBER_AFTER: Final = re.compile(r"[ \t]+\d")
"""A number after the word: a place, a route or a model ("Mile 12", "Gate 3")."""


def _opener(text: str, start: int, word: str) -> bool:
    """A word before a name that is no part of it: a day's or a month's name (a stop word that is no
    honorific), or an ordinary word opening the sentence."""
    if word in gz.stop_caps() and word not in HONORIFICS:
        return True
    return is_sentence_initial(text, start) and word.lower() in gz.ordinary_words()


def word_names(text: str) -> Iterator[Detection]:
    """PERSON for an ambiguous name capitalised on its own in the middle of a sentence (module docstring)."""
    names = _names()
    for m in _WORD.finditer(text):
        word = m.group(0)
        if word not in names or is_sentence_initial(text, m.start()):
            continue
        if _NOT_AFTER.search(text, max(0, m.start() - 14), m.start()) or _CAP_AFTER.match(text, m.end()):
            continue
        if _NUMBER_AFTER.match(text, m.end()):
            continue
        if _FIRM_AFTER.match(text, m.end()) or WORK_BEFORE.search(line_before(text, m.start(), 60)):
            continue  # "ikut Pelangi, kelompok ...", "kerja di Mawar": a group's or an employer's name
        before = _CAP_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if before is not None and not _opener(text, before.start(), before.group("w")):
            continue
        yield Detection(m.start(), m.end(), "PERSON", 0.55, "person.wordname", word)
