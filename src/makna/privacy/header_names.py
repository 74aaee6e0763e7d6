"""A speaker's name on a meeting or call export's header line is one name, whole (issue #11, english25).

Call and meeting tools export a transcript as turns under a header line that holds the speaker's name and the
time: ``Dana Pemberton   0:04`` (one line), or the name alone on its line with the time on the next
(``Rosa Kearney-Walsh`` / ``00:00:06``), or the name written surname first (``Sandhu, Amritpal   0:06``). Such a
line says nothing but who speaks, so when a person's detection covers part of its name the rest of it is the same
name: a given name that is also a word or a place somewhere (``Dana``, ``Bea``), the other half of a double
surname, the given name after the comma. Leaving it out leaks those characters on every turn of that speaker.

The pass reads only the shape of the line (a name part of one to five words, then the time at the line's end or
alone on the next line) and the detections already made on it: it never proposes a name a detector did not
touch, and it leaves a line whose name part holds a detection of another type (a firm, a place) as it was.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from ._text import HONORIFICS
from .speakers import is_generic_label
from .types import Detection

__all__ = ["header_names"]

_WORD: Final = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*"
_PARTICLE: Final = (
    r"(?:ap|ferch|bint|van|von|der|den|de|da|dos|das|del|della|du|la|le|bin|binti|al|el|ibn|ni|nic|mac|ó|ní)"
)
_NAME: Final = rf"{_WORD}(?:,?[ \t]+(?:{_PARTICLE}[ \t]+)*{_WORD}){{0,4}}"
_CLOCK: Final = r"\[?\(?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\)?\]?"
_SAME_LINE: Final = re.compile(rf"(?m)^[ \t]*(?P<n>{_NAME})(?:[ \t]{{2,}}|\t){_CLOCK}[ \t]*$")
"""``Dana Pemberton   0:04``: the name, two or more spaces (or a tab), the time, nothing else."""
_OWN_LINE: Final = re.compile(rf"(?m)^[ \t]*(?P<n>{_NAME})[ \t]*\r?\n[ \t]*{_CLOCK}[ \t]*(?:-->.*)?$")
"""``Rosa Kearney-Walsh`` alone on its line, the time alone on the next (a subtitle cue's arrow allowed)."""


def _name_part(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The name's offsets once honorifics and generic labels are set aside, or None when nothing is left."""
    words = list(re.finditer(r"\S+", text[start:end]))
    while words and words[0].group().rstrip(".,") in HONORIFICS:
        words.pop(0)
    if not words:
        return None
    s, e = start + words[0].start(), start + words[-1].end()
    if is_generic_label(text[s:e]):
        return None
    return s, e


def header_names(text: str, found: Sequence[Detection]) -> list[Detection]:
    """``found`` with each person's span on a header line widened to the whole name of that line."""
    dets = sorted(found, key=lambda d: (d.start, d.end))
    spans: list[tuple[int, int]] = []
    for rx in (_SAME_LINE, _OWN_LINE):
        for m in rx.finditer(text):
            part = _name_part(text, m.start("n"), m.end("n"))
            if part:
                spans.append(part)
    if not spans:
        return dets
    for s, e in sorted(set(spans)):
        inside = [d for d in dets if d.start < e and s < d.end]
        if not inside or any(d.type != "PERSON" for d in inside):
            continue
        if any(d.start < s or d.end > e for d in inside) or (
            len(inside) == 1 and inside[0].start == s and inside[0].end == e
        ):
            continue
        best = max(inside, key=lambda d: d.confidence)
        merged = Detection(s, e, "PERSON", best.confidence, best.detector + "+header", text[s:e])
        dets = [d for d in dets if d not in inside] + [merged]
        dets.sort(key=lambda d: (d.start, d.end))
    return dets
