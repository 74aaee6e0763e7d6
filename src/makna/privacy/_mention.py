"""Features of a whole mention for the precision stage's typer (issue 11, branch typer24).

The typer (:mod:`makna.privacy._typer`) reads a span's features with the detector's say taken out; most of them
are single cues (a word before, a word of the span, one list). What a rule could not say is how they go together:
whether the whole string is a listed place, a listed name or neither, the capitalisation shape of the whole mention
(``A A``, ``A of A``, ``U``), the type the name's own kind word gives it (:func:`~makna.privacy.kindtypes.kind_of`),
and those read together with the place preposition before it and the kind of phrase it ends (``cue=``): an
unlisted capitalised string after ``di`` or ``at`` is a business as often as a place; a listed town after it is a
town. Every feature is named ``m-``; each is a function of the span's string and of features the stage already
computes from its context (so a cached verdict stays right), from maintained lists and general word classes only.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Final

from . import gazetteers as gz
from .kindtypes import kind_of

__all__ = ["PLACE_PREPOSITIONS", "listed_as", "mention_features", "mention_shape"]

PLACE_PREPOSITIONS: Final = frozenset(
    "at in to from near into inside outside di ke ka dari dekat deket daerah sekitar".split()
)
"""Prepositions of place of English and Indonesian (with Minang ``ka``): a span after one is a place or a venue."""
_MOST: Final = 5


def mention_shape(text: str) -> str:
    """The capitalisation shape of ``text``'s words: ``A`` a capitalised word, ``U`` an all-capital one, ``a`` a
    lower-case one (``of``, ``van``, ``dan``), ``9`` one with a digit, ``x`` any other; at most five."""
    out = []
    for word in text.split()[:_MOST]:
        w = word.strip(".,'’()")
        if any(c.isdigit() for c in w):
            out.append("9")
        elif len(w) > 1 and w.isupper():
            out.append("U")
        elif w[:1].isupper():
            out.append("A")
        elif w.islower():
            out.append("a")
        else:
            out.append("x")
    return " ".join(out)


@lru_cache(maxsize=65536)
def listed_as(text: str) -> str:
    """Which maintained lists hold ``text``: ``place`` (the whole string a listed place), ``name`` (its first
    word a listed first name, and its last a listed surname or first name when it has more than one), ``both``,
    or ``none``."""
    words = [w.strip(".,'’") for w in text.split()]
    if not words:
        return "none"
    firsts = _first_names()
    place = text in gz.all_places()
    name = words[0] in firsts and (len(words) == 1 or words[-1] in firsts or words[-1] in gz.surnames())
    return "both" if place and name else "place" if place else "name" if name else "none"


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    return gz.first_names("id") | gz.first_names("en")


def mention_features(text: str, features: Sequence[str]) -> list[str]:
    """The ``m-`` features of a span over ``text`` whose (detector-blind) features are ``features``."""
    shape = mention_shape(text)
    listed = listed_as(text)
    kind = kind_of(text)
    prep = cue = ""
    for f in features:
        if f.startswith("prev="):
            prep = "prep" if f[5:] in PLACE_PREPOSITIONS else ""
        elif f.startswith("cue=") and "|" not in f:
            cue = f[4:]
    feats = [f"m-shape={shape}", f"m-listed={listed}", f"m-listed={listed}|shape={shape}"]
    if kind is not None:
        feats.append(f"m-kind={kind[0]}")
    if prep:
        feats += [f"m-prep|listed={listed}", f"m-prep|shape={shape}"]
        if kind is not None:
            feats.append(f"m-prep|kind={kind[0]}")
    if cue:
        feats.append(f"m-cue={cue}|listed={listed}")
    return feats
