"""Organisations named by a head word anywhere in their name (issue #11, round seven).

An English organisation's name often carries the word that says what it is in the middle, not at the end,
and goes on with a place or a branch: ``Christ Apostolic Church Stoke``, ``St Brigid's Primary Tullyhogue``,
``Unite Grampian Food Branch``, ``Island Link Money Transfer``, ``Redeemed Christian Church of God Gulfton``.
The suffix detector of :mod:`makna.privacy.places` reads only a name's last word, and the place lists then
see a place's name inside it. :func:`find_org_heads` takes the whole run of capitalised words (with an ``of``
or ``of the`` joining two runs) as one ORG when one of its words is an organisation's head word: a place of
worship or a congregation, a school, a hospital or a care home, a union, a trust, a project, a board, a
cooperative or a group, or a firm's trade (``Assurance``, ``Collision``, ``Processing``...).

Never a run whose head word is followed by a street's word (``Church Street``, ``College Road``: an address
or a street), nor a run made of head words and stop words only (``Primary School``: no name).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Final

from . import gazetteers as gz
from ._orgheads import head_search, joined_with_heads
from ._text import HONORIFICS, CapRun, run_tokens
from .types import Detection

__all__ = ["ORG_HEAD_WORDS", "find_org_heads"]

ORG_HEAD_WORDS: Final[frozenset[str]] = frozenset(
    (
        # worship and congregations (the corpus types them ORG: 'Christ Apostolic Church Stoke')
        "Church Chapel Assembly Tabernacle Cathedral Ministries Parish Congregation Fellowship Methodist Baptist "
        "Anglican Pentecostal Adventist Presbyterian Lutheran Evangelical "
        # schools, colleges and training
        "Primary Secondary Academy School College University Polytechnic Institute Seminary Kolej Akademi "
        # care and health
        "Hospital Infirmary Clinic Hospice Residence Centre Center "
        # groups and bodies
        "Trust Project Union Association Society Cooperative Co-op Collective Chama Sacco Board Police Council "
        "Authority Commission Ministry Foundation Federation Alliance Network Branch Forum Growers Riders Fishers "
        "Farmers Workers Women Mothers Outreach Mission "
        # a firm's trade or form
        "Assurance Insurance Restoration Collision Processing Upgrading Transfer Remittance Remit Store Stores "
        "Logistics Haulage Freight Couriers Services Ltd Limited LLC LLP Inc Pty Pvt Plc PLC GmbH Bhd Tbk"
    ).split()
)
"""Words that make a run of capitalised words an organisation's name wherever they stand in it."""
_HEAD_SEARCH: Final = head_search(ORG_HEAD_WORDS)
_WEAK_HEADS: Final = frozenset(
    "Residence Centre Center Project Board Police Council Authority Commission Ministry Foundation Alliance "
    "Network Branch Growers Riders Fishers Farmers Workers Women Mothers Outreach Mission Assurance Insurance "
    "Restoration Collision Processing Upgrading Transfer Remittance Store Stores Logistics Haulage Freight "
    "Couriers Services".split()
)
"""Head words that are also everyday words of a description ("Domestic Workers", "Money Transfer"): a run
with only these needs a word of its own that is no common word (a name)."""
_STREET: Final = frozenset(
    "Street St Road Rd Lane Ln Avenue Ave Drive Way Close Crescent Terrace Square Row Walk Hill Green Park "
    "Gardens Grove Place Court Boulevard Highway Quay Wharf Bridge Gate Yard Estate Junction Roundabout".split()
)
"""A street's or a place's word after a head word: ``Church Street``, ``School Lane``, ``Union Square``."""
_NOT_CENTRE: Final = frozenset(
    "Shopping City Town Trade Convention Leisure Sports Bus Transit Garden Exhibition".split()
)
"""Words before ``Centre`` that make it a place (``Shopping Centre``), not a body."""
_MIXED: Final = re.compile(r"(?=\D*\d)(?=.*[^\W\d]).+")
"""A word of digits and letters (``2pm``, ``4B``)."""
_LOWER: Final = re.compile(r"[a-zß-öø-ÿ]")
"""A word of a name has a lower-case letter (``QQ 41 77`` after ``National Insurance`` is a number)."""


@cache
def _stop() -> frozenset[str]:
    articles = frozenset({"The", "A", "An", "Our", "My", "Their", "His", "Her"})
    return gz.stop_caps() | gz.demonyms() | HONORIFICS | articles


def _common(word: str) -> bool:
    low = word.lower()
    return low in gz.english_words() or low in gz.dictionary_words()


def _bare(word: str) -> str:
    """``word`` without a trailing full stop or comma and then a possessive ``'s`` (a word of a run holds no
    line break, so this is ``re.sub(r"['’]s$", "", ...)`` without the regex)."""
    word = word.rstrip(".,")
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _runs_joined(text: str, runs: Sequence[CapRun]) -> Iterator[list[tuple[int, int, str]]]:
    """The tokens of each run, with a run that follows after ``of`` or ``of the`` joined on, for the joined
    runs that may hold a head word (:func:`makna.privacy._orgheads.joined_with_heads`)."""
    for first, last in joined_with_heads(text, runs, _HEAD_SEARCH):
        toks = run_tokens(runs[first])
        for i in range(first + 1, last + 1):
            toks += run_tokens(runs[i])
        yield toks


def find_org_heads(text: str, runs: Sequence[CapRun]) -> Iterator[Detection]:
    """ORG over each run of capitalised words that holds an organisation's head word (module docstring)."""
    stop = _stop()
    for toks in _runs_joined(text, runs):
        words = [_bare(t[2]) for t in toks]
        heads = [i for i, w in enumerate(words) if w in ORG_HEAD_WORDS]
        if not heads:
            continue
        if any(w in _STREET for w in words[heads[0] + 1 :]):
            continue  # "Church Street", "College Road Surgery": a street
        first = 0
        while first < len(words) and words[first] in stop and first not in heads:
            first += 1
        last = len(words) - 1
        while last > first and last not in heads and (words[last] in stop or _MIXED.fullmatch(words[last])):
            last -= 1  # "... Centre 2pm": a time, not the name's
        kept = range(first, last + 1)
        own = [words[i] for i in kept if i not in heads and words[i] not in stop and _LOWER.search(words[i])]
        if not own:
            continue  # head words and stop words only: "Primary School", "The Union"
        if all(words[i] in _WEAK_HEADS for i in heads) and all(_common(w) for w in own):
            continue  # "Domestic Workers", "Money Transfer": a description, not a name
        if all(words[i] in {"Centre", "Center"} or i not in heads for i in kept) and any(
            words[i - 1] in _NOT_CENTRE for i in kept if words[i] in {"Centre", "Center"} and i > 0
        ):
            continue  # "Westgate Shopping Centre": a place
        start, end = toks[first][0], toks[last][1]
        if heads[0] == first and text[start:end] in gz.all_places():
            continue  # "Chapel Allerton", "Church Stretton": a listed place whose name starts with a head word
        yield Detection(start, end, "ORG", 0.86, "org.head", text[start:end])
