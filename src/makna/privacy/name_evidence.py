"""The naming tradition of a name the lists read as English, told by the evidence around it (issue #11,
round twenty-seven; trial16 #4: ``Lisa Oktavia``, a Minang informant in an Indonesian chat of a Sumatera Barat
project, became ``Mandy Steele``, and ``Uni Lisa`` ``Uni Lorraine``).

Many given names that Indonesian parents choose (``Lisa``, ``Linda``, ``Kevin``, ``Daniel``) are held by the
English lists only, so a surrogate read them as English. Here, for a name in a source at home (a province or
the whole of Indonesia, never a country abroad) with an English-listed word that is not its surname, the
evidence around the name speaks first, in this order:

1. the other parts of the full name: one an Indonesian list holds (``Lisa Rahmawati``, ``Lisa Siregar``: its
   own tradition, else the region's) makes the name local; a family name of a Chinese tradition
   (``Kevin Tan``) keeps the given name as the lists read it and draws the family name from the
   Chinese-Indonesian names; a word no list holds (``Oktavia``) tells nothing;
2. the honorific or kin word written before the name (``Uni``, ``Uda``, ``Mak``, ``Bang``, ``Pak``...: local;
   ``Koh``, ``Cik``: Chinese-Indonesian, where a Western given name is common, so the lists' reading stays;
   ``Mr``, ``Mrs``, ``Ms``: English);
3. the source's language: Indonesian makes the name local, English keeps the lists' reading (an English
   informant named ``Lisa`` in an English interview keeps English surrogates);
4. the project's region (an Indonesian province).

"Local" is the region's tradition (:data:`makna.privacy.naming.PROVINCE_TRADITION`), else Indonesia's. An
English surname (``Lisa Thompson``) is the family's, as the lists tell. Read by surrogates only."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Final

from .families import token_lineage
from .foreign_names import abroad_traditions
from .naming import _FAMILY_TRADITIONS, COUNTRY_LOCALES, PROVINCE_TRADITION, name_language
from .regions import NATIONAL
from .types import Detection

__all__ = ["CHINESE_CUES", "ENGLISH_CUES", "LOCAL_CUES", "cue_words", "evidence_traditions"]

LOCAL_CUES: Final = frozenset(
    "pak bapak bu ibu mas mbak bang abang kak kakak dik adik dek uni uda mak amak etek tek ante om oom tante teh "
    "aa akang kang ceu neng mbok bli gus ning daeng puang opung ompung amang inang tulang nantulang ito eda "
    "datuak datuk mamak nenek kakek eyang mbah cak ning wak uwak".split()
)
"""Honorifics and kin words of Indonesia's languages written before a name (Minang ``Uni``, ``Uda``,
``Etek``; Javanese ``Mbak``, ``Mas``; Sundanese ``Teh``, ``Akang``; Batak ``Amang``, ``Ito``; Balinese ``Bli``)."""
CHINESE_CUES: Final = frozenset("koh ko engkoh cik ci cici cece ncek encek akong ama".split())
"""Chinese-Indonesian honorifics: a Western given name is common among those they address."""
ENGLISH_CUES: Final = frozenset("mr mrs ms miss mx sir dame madam".split())
"""English honorifics (``Dr`` is left out: every language writes it)."""
_CUE_BEFORE = re.compile(r"(?<![\w-])(\w+)\.?[ \t]+$")


def cue_words(text: str, detections: Iterable[Detection]) -> dict[str, frozenset[str]]:
    """The word written before each person name of ``text`` (case-folded, without a dot), by the name
    (its words joined by one space, case-folded): the cues :func:`evidence_traditions` reads."""
    found: dict[str, set[str]] = {}
    for det in detections:
        if det.type != "PERSON":
            continue
        hit = _CUE_BEFORE.search(text[max(0, det.start - 24) : det.start])
        if hit is not None:
            found.setdefault(" ".join(det.text.split()).casefold(), set()).add(hit.group(1).casefold())
    return {name: frozenset(words) for name, words in found.items()}


def _chinese(word: str) -> str | None:
    """The Chinese tradition a family name's lists tell (Chinese-Indonesian first), else None."""
    chinese = abroad_traditions(word) & {"tionghoa", "hokkien", "cantonese", "taiwanese"}
    if not chinese:
        return None
    return "tionghoa" if "tionghoa" in chinese else sorted(chinese)[0]


def evidence_traditions(
    named: Sequence[str], *, cues: Iterable[str] = (), language: str, region: str | None
) -> dict[int, str]:
    """The tradition to draw each word of a name from (by its index in ``named``, its words less titles and
    particles) where the evidence around it overrules the lists' English reading (see the module
    documentation); empty: the lists' reading stands. ``cues``: the words written before the name and a
    cue word that opens the name's own span."""
    if region in COUNTRY_LOCALES or not named:
        return {}
    english = [i for i, w in enumerate(named) if name_language(w, "") == "en"]
    if not english or (len(named) > 1 and english[-1] == len(named) - 1):
        return {}  # no English-listed word, or an English surname: the family's, as the lists tell
    local = PROVINCE_TRADITION.get(region or NATIONAL) or "indonesia"
    every = dict.fromkeys(range(len(named)), local)
    for i, word in enumerate(named):
        if i in english:
            continue
        chinese = _chinese(word)
        if chinese is not None and name_language(word, "") != "id":
            return {i: chinese}  # Kevin Tan: a Western given name, a Chinese-Indonesian family name
        lineage = token_lineage(word, region, "id")
        if lineage in _FAMILY_TRADITIONS:
            return dict.fromkeys(range(len(named)), lineage)
        if name_language(word, "") == "id":
            return every
    words = {c.rstrip(".").casefold() for c in cues}
    if words & (CHINESE_CUES | ENGLISH_CUES):
        return {}
    if words & LOCAL_CUES:
        return every
    if language == "id":
        return every
    if language == "en":
        return {}
    return every if region is not None and region != NATIONAL else {}
