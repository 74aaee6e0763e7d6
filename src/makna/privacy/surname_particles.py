"""A name joined by a surname particle is one PERSON (issue #11, round twenty-three, type23).

Many surnames open with a lower-case particle: Dutch and Afrikaans ``van``, ``van der``, ``van den``, ``ter``,
German ``von``, French ``de``, ``du``, Portuguese ``da``, ``dos``, ``das``, Spanish and Italian ``del``, ``della``,
``de la`` (``Pieter van der Walt``, ``Mrs de Klerk``, ``Lucia da Silva``; in eastern Indonesia ``da Costa``,
``dos Santos``, ``de Fretes``). The capitalised-run detectors stop at the lower-case word, so the name falls into
pieces, and a piece alone reads as something else: a capitalised word after a work question is an employer
(``works for ... Horst``), a given name after ``with`` a firm, the surname a catch-all guess. Each piece is then a
false detection of typed precision while the person's name is half kept.

:func:`particle_names` runs after every stage and rule that types a name: where a particle stands between a
capitalised given name and a capitalised surname, or alone before a surname not after a determiner (``the van
Tom drove`` is a vehicle), and a detection already covers part of that name, the name becomes one PERSON. It never
finds a name no detector touched, and it leaves alone a place (the whole phrase listed, ``Rio de Janeiro``), a name
with a kind word of a place or an organisation in it or right after it (``Hotel de Ville``, ``Banco do Brasil``,
``de Klerk Motors``), a detection reaching beyond the name, and types other than PERSON, ORG and LOCATION. The
particles are the surname particles of European naming (a maintained, general list), not words of any corpus;
``di`` (an Indonesian preposition), ``do`` (an English verb), ``la``, ``le`` and ``ten`` alone are left out. Every
name in the docstrings and tests is invented.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Final

from . import gazetteers as gz
from ._text import HONORIFICS
from .kindtypes import KIND_FIRST, KIND_LAST
from .types import Detection

__all__ = ["particle_names"]

_CAP: Final = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’\-]+"
_PARTICLE: Final = (
    r"(?:van(?:[ \t]+(?:der|den|de))?|von(?:[ \t]+der)?|de(?:[ \t]+(?:la|los|las))?|da|dos|das|du|del|della|ter)"
)
_NAME: Final = re.compile(
    rf"(?<![\w'’\-])(?:(?P<given>{_CAP}(?:[ \t]+{_CAP})?)[ \t]+)?(?P<part>{_PARTICLE})[ \t]+(?P<sur>{_CAP})(?![\w'’\-])"
)
_WORDS: Final = (" van ", " von ", " de ", " da ", " dos ", " das ", " du ", " del ", " della ", " ter ")
"""The particles as words (a substring test, much faster than the pattern, rules most texts out)."""
_GATE: Final = re.compile(rf"(?<![\w'’\-]){_PARTICLE}[ \t]+[A-ZÀ-ÖØ-Þ]")
"""A particle before a capital: no text without one holds a name this pass joins."""
_DETERMINER: Final = re.compile(
    r"(?i:\b(?:the|a|an|my|his|her|our|their|your|its|this|that|old|new|white|red|blue|black|hired|rental))[ \t]+$"
)
"""A determiner or an adjective before ``van``: the vehicle (``the van Tom drove``), not a particle."""
_PLACE_BEFORE: Final = re.compile(r"(?i:\b(?:in|from|near|to|into|outside|di|dari|ke|ka|kota))[ \t]+$")
"""A preposition of place before a name a detector typed LOCATION: the name stays a place."""
_NAMED: Final = frozenset({"PERSON", "ORG", "LOCATION"})
_NEXT_WORD: Final = re.compile(r"[ \t]+([A-Za-z][\w'’\-]*)")
_TOKEN: Final = re.compile(r"\S+")


@cache
def _kinds() -> frozenset[str]:
    """Kind words of places and organisations, capitalised (``Hotel``, ``Banco`` is none: its name stays)."""
    return frozenset(w.title() for w in (*KIND_FIRST, *KIND_LAST) if " " not in w)


@cache
def _words() -> tuple[frozenset[str], frozenset[str]]:
    return gz.dictionary_words() | gz.english_words(), gz.first_names("en") | gz.first_names("id")


def _given(word: str, start: int, end: int, found: Sequence[Detection], blocked: frozenset[str]) -> bool:
    """Whether ``word`` (at ``start``-``end``) may be a given name before the particle: no stop or kind word, no
    address term, and a listed first name or a word a detection covers (``Pengacaranya``, a sentence's first
    word, is neither)."""
    if word in blocked or word in HONORIFICS:
        return False
    if word in _words()[1]:
        return True
    return any(d.start <= start and end <= d.end for d in found) and word.lower() not in _words()[0]


@cache
def _blocked() -> frozenset[str]:
    """Capitalised words that are no given name or surname here: sentence and stop words, kind words."""
    return gz.stop_caps() | _kinds()


def _kind_after(scan: str, end: int) -> bool:
    """A kind word of a place or an organisation right after the name (``de Klerk Motors``, ``van Wyk Street``)."""
    m = _NEXT_WORD.match(scan, end)
    return m is not None and m.group(1).casefold() in KIND_LAST


def particle_names(scan: str, found: Sequence[Detection]) -> list[Detection]:
    """``found`` (sorted, non-overlapping) with each name joined by a surname particle made one PERSON (module
    docstring); unchanged when no particle stands between capitals."""
    if not found or not any(w in scan for w in _WORDS) or _GATE.search(scan) is None:
        return list(found)
    out = list(found)
    blocked, kinds = _blocked(), _kinds()
    for m in _NAME.finditer(scan):
        sur, start = m.group("sur"), m.start("part")
        if m.group("given"):
            toks = list(_TOKEN.finditer(m.group("given")))
            if any(scan[m.start("given") + t.start() : m.end("sur")] in gz.all_places() for t in toks):
                continue  # "Rio de Janeiro": a listed place, from any of its words
            if any(t.group() in kinds for t in toks):
                continue  # "Hotel de Ville", "Banco da Ilha": a place's or a firm's kind word, no given name
            base = m.start("given")
            while toks and not _given(toks[0].group(), base + toks[0].start(), base + toks[0].end(), out, blocked):
                toks.pop(0)  # "Bu Maria da Costa", "Pengacaranya Daniel dos Santos": no part of the name
            if toks:
                start = m.start("given") + toks[0].start()
                last = toks[-1].group()
                if last in gz.all_places() and last not in _words()[1]:
                    continue  # a place's name before the particle ("Porto de ..."), no given name
        if (
            start == m.start("part")
            and m.group("part").startswith("van")
            and _DETERMINER.search(scan, max(0, start - 12), start)
        ):
            continue
        end = m.end("sur")
        text = scan[start:end]
        if sur in blocked or sur in HONORIFICS or text in gz.all_places() or _kind_after(scan, end):
            continue
        hits = [i for i, d in enumerate(out) if d.start < end and start < d.end]
        if any(out[i].type == "LOCATION" for i in hits) and _PLACE_BEFORE.search(scan, max(0, start - 12), start):
            continue  # "grew up in Campos dos Goytacazes": a place's name after a preposition of place
        if not hits or any(out[i].type not in _NAMED or out[i].start < start or out[i].end > end for i in hits):
            continue  # no detector touched it, or a detection of another kind or reaching beyond it
        if all(out[i].type == "PERSON" for i in hits):
            continue  # typed right already ("da Wis": a Minang address term, the edge is not this pass's)
        conf = max(out[i].confidence for i in hits)
        joined = Detection(start, end, "PERSON", round(max(0.6, min(0.85, conf)), 2), "person.particle_name", text)
        out = [*out[: hits[0]], joined, *out[hits[-1] + 1 :]]
    return out
