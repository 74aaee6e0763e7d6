"""The record of one replaced span, and putting originals back (:func:`restore`) or mapping offsets
(:func:`map_offset`, :func:`map_end`, :func:`map_span`) through replacements (made by
:func:`makna.privacy.pseudonymise`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Replacement", "map_end", "map_offset", "map_span", "restore"]


@dataclass(frozen=True, slots=True)
class Replacement:
    """One replaced span: where it was, where its replacement is, its type and both strings.

    ``original`` belongs in the key file only; a project stores ``new_start``, ``new_end`` and ``type``.
    """

    start: int
    end: int
    new_start: int
    new_end: int
    type: str
    original: str
    replacement: str

    def public(self) -> dict[str, int | str]:
        """The fields a project may store (no original, no replacement string)."""
        return {
            "start": self.start,
            "end": self.end,
            "new_start": self.new_start,
            "new_end": self.new_end,
            "type": self.type,
        }


def restore(new_text: str, replacements: Sequence[Replacement]) -> str:
    """Put the originals back: the inverse of :func:`pseudonymise` given its replacements."""
    out: list[str] = []
    pos = 0
    for rep in sorted(replacements, key=lambda r: r.new_start):
        if rep.new_start < pos or new_text[rep.new_start : rep.new_end] != rep.replacement:
            raise ValueError("the de-identified text no longer matches its replacements")
        out.append(new_text[pos : rep.new_start])
        out.append(rep.original)
        pos = rep.new_end
    out.append(new_text[pos:])
    return "".join(out)


def map_offset(offset: int, replacements: Sequence[Replacement]) -> int:
    """Map an offset in the original text to the de-identified text (inside a replaced span: its start)."""
    shift = 0
    for rep in replacements:
        if offset < rep.start:
            break
        if offset < rep.end:
            return rep.new_start
        shift = rep.new_end - rep.end
    return offset + shift


def map_end(offset: int, replacements: Sequence[Replacement]) -> int:
    """Map an exclusive end offset in the original text to the de-identified text (inside a replaced span: the
    end of its replacement)."""
    shift = 0
    for rep in replacements:
        if offset <= rep.start:
            break
        if offset < rep.end:
            return rep.new_end
        shift = rep.new_end - rep.end
    return offset + shift


def map_span(start: int, end: int, replacements: Sequence[Replacement]) -> tuple[int, int]:
    """The span ``start``-``end`` of the original text on the de-identified text: a span that straddles a
    replaced identifier covers its whole replacement, and it never becomes empty."""
    new_start = map_offset(start, replacements)
    return new_start, max(map_end(end, replacements), new_start + 1)
