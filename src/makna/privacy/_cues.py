"""The cue patterns that share one scan for their first words (internal).

Eight patterns start with a cue word (case-folded honorifics, introductions, kinship words, place-type
words, spoken digits, age cues, handle cues, prepositions, self-references) whose first letters cover
most of the alphabet, so each one alone is tried at most word starts of the text. :data:`CUES` finds the
starts of all their cue words in one pass (:class:`makna.privacy._fastrx.SharedScan`); the detectors then
take these matches instead of scanning again. The matches are exactly those of each pattern's own scan.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Final

from ._fastrx import Cue, SharedScan
from ._text import CapRun
from .patterns import (
    AGE_CUE_ALTS,
    AGE_CUED,
    CUED_ID,
    CUED_ID_ALTS,
    HANDLE_CUE,
    HANDLE_CUE_ALTS,
    SPOKEN_ALTS,
    SPOKEN_DIGIT_FOLLOW,
    SPOKEN_PHONE,
)
from .persons import HON_ALTS, HONORIFIC, INTRO, INTRO_ALTS, SELF, SELF_ALTS, person_windows
from .places import LOC_CUE, LOC_CUE_ALTS, PREP_CUE, PREP_CUE_ALTS

__all__ = ["scan_cues", "shared_scan"]


@cache
def shared_scan() -> SharedScan:
    """The shared scan over every cue pattern (names as the ``cues`` keys the detectors take), built at the
    first detection: compiling its tables and look-aheads takes a third of a second, which a command that
    detects nothing never pays. A follow is what every match of the pattern has right after its cue word: a
    place or a name after a place word, a preposition or a self-reference starts with a capital letter (or a
    digit, or the "dr." of a title); the scan skips the cue words followed by anything else."""
    return SharedScan(
        [
            Cue(
                "phone.spoken",
                SPOKEN_PHONE,
                SPOKEN_ALTS,
                extra_firsts="0123456789",
                follow=r"[ \t,.\-]",
                extra_follow=SPOKEN_DIGIT_FOLLOW,
            ),
            Cue("handle.cue", HANDLE_CUE, HANDLE_CUE_ALTS),
            Cue("id.cue", CUED_ID, CUED_ID_ALTS),
            Cue("age.cue", AGE_CUED, AGE_CUE_ALTS, follow=r"[ \t]"),
            Cue("location.cue", LOC_CUE, LOC_CUE_ALTS, follow=r"[ \t]+[A-ZÀ-ÖØ-Þ\dd]"),
            Cue("location.preposition", PREP_CUE, PREP_CUE_ALTS, follow=r"[ \t]+[A-ZÀ-ÖØ-Þ]"),
            Cue("person.honorific", HONORIFIC, HON_ALTS, follow=r"[ \t]"),
            Cue("person.intro", INTRO, INTRO_ALTS, follow=r"[ \t:,]"),
            Cue("person.self", SELF, SELF_ALTS, follow=r"[ \t]+[A-ZÀ-ÖØ-Þ]"),
        ]
    )


def __getattr__(name: str) -> SharedScan:
    """``CUES``: the shared scan (:func:`shared_scan`), built on first use."""
    if name == "CUES":  # (the scan of :func:`shared_scan`, built on first use)
        return shared_scan()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_WINDOWED: Final = ("person.honorific", "person.intro", "person.self")


def scan_cues(text: str, runs: Sequence[CapRun]) -> dict[str, list[re.Match[str]]]:
    """The matches of every cue pattern in ``text`` (the PERSON cues only within their windows)."""
    windows = person_windows(text, runs)
    return shared_scan().scan(text, {name: windows for name in _WINDOWED})
