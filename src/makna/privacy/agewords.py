"""One source of the words and the shape the age passes share (#11, ages24).

* **verbs of working or staying** (``kerja``, ``karajo``, ``tinggal``, ``narik``, ``ngekos``, ``worked``,
  ``living``...): a number of years next to one is how long, not how old (``agecues.years_at_work`` before the
  number, ``agespans.drop_spans_of_time`` before or after it). Three lists had been written apart; this is their
  union.
* **an age right after a person**: a comma or an aspect word (or both), then a number closing its clause
  (``Rembulan, sudah tujuh taun.``, ``Sutan Rajo Ameh, alah sabaleh taun jalan duo baleh,``): read by
  ``agecontext.ages_after_persons`` after the persons of the first pass and by ``agelists.listed_ages`` after the
  persons the precision stage kept, each with its own number and clause end; and an age standing as its own
  sentence right after a person (``I'm Tamsin Hollis. 42.``, :func:`own_sentence`).

Nothing here comes from a corpus: the words are the grammar of work, residence and apposition.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = [
    "AFTER_PERSON_ASPECT",
    "AFTER_PERSON_HEDGES",
    "AFTER_PERSON_PARTICLES",
    "REGIONAL_ASPECT",
    "WORK_VERBS",
    "WORK_VERBS_EN",
    "WORK_VERBS_ID",
    "after_person",
    "own_sentence",
]

WORK_VERBS_ID: Final = (
    r"kerja|bekerja|karajo|tinggal|jualan|berjualan|dagang|berdagang|manggaleh|narik|ngojek|ngojol|mangkal|buka|"
    r"sewa|ngekos|ngontrak|merantau|marantau|mengajar|ngajar|nyupir|menyupir|duduk|jaga"
)
"""Indonesian and regional verbs of working or staying somewhere."""
WORK_VERBS_EN: Final = r"worked|working|lived|living|driven|driving"
"""English ones, in the forms that go with "been" or a number of years."""
WORK_VERBS: Final = rf"{WORK_VERBS_ID}|{WORK_VERBS_EN}"

REGIONAL_ASPECT: Final = r"su|wis|wes|uwis|tos|atos|parantos|geus"
"""The regional words for "already" (ages26): ``su`` (Kupang, Ambon, Papua), ``wis``/``wes``/``uwis`` (Javanese),
``tos``/``atos``/``parantos``/``geus`` (Sundanese): ``Mama Yuliana su enam puluh``, ``Mbah Karto wis pitung
puluh``."""

AFTER_PERSON_HEDGES: Final = (
    r"maybe|perhaps|probably|roughly|mungkin|kiro-kiro|kiro2|kira2|agaknya|agaknyo|kurang[ \t]+lebih|"
    r"(?:saya|aku|ambo|ulun|awak|gue|sy)[ \t]+(?:kira|kiro|rasa|raso|tebak)|"
    r"I[ \t]+(?:think|reckon|guess|['’]d[ \t]+say)|la"
)
"""Hedges and guesses between a person and an age (ages29): ``Purity is maybe twenty-four``, ``Pak Hendri,
kiro-kiro ampek puluah``, ``namonyo Irwan, ambo kiro tigo puluah`` (Minang "I reckon"), ``Rizky la tujuh belas``
(``la``, "already" in Minang and Bengkulu speech, as ``lah``/``alah``)."""

AFTER_PERSON_ASPECT: Final = (
    rf"{REGIONAL_ASPECT}|waktu[ \t]+itu|dulu|kini|sekarang|baru|masih|sudah|udah|dah|lah|alah|umurnya|umurnyo|"
    r"umurnye|usianya|umuanyo|still[ \t]+there|now|only|just|aged|is|was|nearly|almost|about|around|barely|hampir|"
    rf"sekitar|kira-kira|{AFTER_PERSON_HEDGES}"
)
"""Aspect words, copulas and hedges between a person and an age (``Rembulan waktu itu sebelas taun``, ``Maria,
nearly six``)."""


AFTER_PERSON_PARTICLES: Final = r"tu|itu|ini|nih|tuh|kan|kok|sih|juga|pun|mah|teh"
"""The demonstratives and discourse particles that may stand between a person and an aspect word (english28):
``Budi itu sudah``, ``Rina kan masih tujuh tahun``, ``Mbak Wulan tuh sudah tiga puluh``, ``Si Ucok juga sudah lima
belas`` (Indonesian, Betawi ``tuh``/``nih``, Sundanese ``mah``/``teh``): the grammar of spoken Indonesian, read only
where an aspect word follows, as ``itu`` alone was before."""


def after_person(number: str, end: str) -> re.Pattern[str]:
    """Right after a person, maybe with a bracket said of them before a comma (a nickname, a role, a place: ``Maria
    ("Mia"), 34,``; ages26), ``sep`` (a comma, or up to two aspect words, copulas or hedges, or both; maybe "itu"
    or another particle before them, :data:`AFTER_PERSON_PARTICLES`), then the age ``a`` (the regex ``number``)
    and ``end`` (a look-ahead closing its clause)."""
    return re.compile(
        r"(?:[ \t]*\([^()\n]{1,40}\)(?=,))?"
        rf"(?P<sep>,?(?:[ \t]+(?i:{AFTER_PERSON_PARTICLES})(?=[ \t]+(?i:{AFTER_PERSON_ASPECT})(?![\w'’])))?"
        rf"(?:[ \t]+(?i:{AFTER_PERSON_ASPECT})(?![\w'’])){{0,2}},?)[ \t]+(?P<a>{number}){end}"
    )


def own_sentence(number: str, end: str) -> re.Pattern[str]:
    """Right after a person: ``sep`` (a full stop), then the age ``a`` standing as its own sentence (the regex
    ``number``) and ``end`` (a look-ahead closing it): ``Tamsin Hollis. 42.``."""
    return re.compile(rf"(?P<sep>\.)[ \t]+(?P<a>{number}){end}")
