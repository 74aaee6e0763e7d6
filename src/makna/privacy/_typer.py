"""The precision stage's second look at a kept span's type (issue 11, branch type20): a *detector-blind* typer.

On text no one tuned on, most typing errors are a rule's type that the stage kept (span19, type20): the stage
learns to trust the detector and its type (``det=``, ``type=``, the ``|TYPE`` conjunctions), which are right about
twenty-four times in twenty-five on its training data. The typer is a second multinomial logistic regression,
fitted on the identifiers only (out-of-fold detections whose gold type and detected type are both a named type,
:data:`~makna.privacy.precision.RETYPES`), over the same features with everything that names the detector, its
type or its confidence taken out (:func:`blind`): what is left is the span's words and shape, its lists, the words
and phrases around it, its neighbours, the same words elsewhere. It says which named type the span is, whichever
detector found it; the stage retypes a kept span when the typer gives another type at least the typer's cut.
Shipped inside ``deid_precision.json`` (``typer``, ``typer_cut``) as plain weights.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Final

from .types import PII_TYPES

__all__ = ["blind"]

_TYPES: Final = frozenset({*PII_TYPES, "O"})
_DETECTOR: Final = ("type=", "det=", "conf=", "lang=")


def blind(features: Iterable[str]) -> list[str]:
    """``features`` without the detector's say: no detector, type, confidence or language-and-type feature, and
    every ``f|TYPE`` conjunction read as ``f`` (sorted, each once)."""
    return sorted({g for f in features if (g := _blind_one(f))})


@lru_cache(maxsize=131072)
def _blind_one(feature: str) -> str:
    if feature.startswith(_DETECTOR):
        return ""
    head, sep, tail = feature.rpartition("|")
    return head if sep and tail in _TYPES else feature
