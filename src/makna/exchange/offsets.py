"""How each QDA tool counts text positions, and the mapping of its selections onto makna's offsets.

REFI-QDA 1.5 (section 10.2) says selections count Unicode code points of the plain-text file, from 0.
NVivo does not: it counts UTF-16 code units of the text after removing the byte-order mark, a CRLF
pair counting as two units (checked on the NVivo 12.6 sample: 99.5 % of selection boundaries then fall
on word or line boundaries, against 45 % when read as code points). Every other tool known here (makna,
QualCoder, qc, ATLAS.ti, MAXQDA) is read as the standard says. All conventions count the characters of
the file as it is (CRLF as two), end exclusive.

:class:`SelectionMapper` maps one text's foreign offsets onto makna's: code points of the NFC text with
``"\\n"`` line endings. A boundary that falls inside a character (half of a surrogate pair, between CR
and LF, inside a sequence NFC composes) cannot be mapped and is reported, never moved.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Literal

from ..text import OffsetMap

__all__ = ["OffsetConvention", "CODEPOINTS", "NVIVO", "convention_for", "SelectionMapper"]

Units = Literal["codepoint", "utf16"]


@dataclass(frozen=True)
class OffsetConvention:
    """How a tool counts: ``units`` ("codepoint" or "utf16"); CRLF always counts as two."""

    name: str
    units: Units = "codepoint"


CODEPOINTS = OffsetConvention("code points (REFI-QDA 1.5)", "codepoint")
NVIVO = OffsetConvention("UTF-16 code units (NVivo)", "utf16")


def convention_for(origin: str | None, override: str | None = None) -> OffsetConvention:
    """The convention of the tool named in a Project's ``origin`` attribute; ``override``
    ("codepoint" or "utf16") wins when given."""
    if override == "utf16":
        return NVIVO
    if override == "codepoint":
        return CODEPOINTS
    if origin and "nvivo" in origin.lower():
        return NVIVO
    return CODEPOINTS


class SelectionMapper:
    """Maps selections in one foreign text (as the file holds it, BOM allowed) onto the normalised text."""

    def __init__(self, raw: str, convention: OffsetConvention) -> None:
        if raw.startswith("\ufeff"):
            raw = raw[1:]
        self.convention = convention
        self._map: OffsetMap | None = None
        identity = (
            "\r" not in raw and "\u2028" not in raw and "\u2029" not in raw and "\x85" not in raw
            and unicodedata.is_normalized("NFC", raw)
            and (convention.units == "codepoint" or raw.isascii() or not _has_astral(raw))
        )
        if identity:
            self.text = raw
        else:
            self._map = OffsetMap(raw, units=convention.units, crlf_as_two=True)
            self.text = self._map.text
        self._length = len(self.text)
        #: positions ``0 <= start < end <= exact_length`` need no mapping (-1 when every one does)
        self.exact_length = self._length if self._map is None else -1

    def map(self, start: int, end: int) -> tuple[int, int] | str:
        """makna's (start, end) for a foreign selection, or the reason it cannot be mapped."""
        if start < 0 or end < 0:
            return f"negative position {start}:{end}"
        if end <= start:
            return f"empty or reversed selection {start}:{end}"
        if self._map is None:
            a: int | None = start
            b: int | None = end
            if end > self._length:
                return f"selection {start}:{end} ends beyond the text ({self._length} {self._unit_name()})"
        else:
            a, b = self._map.to_codepoint(start), self._map.to_codepoint(end)
            if a is None or b is None:
                total = self._map.to_foreign(self._length)
                if max(start, end) > total:
                    return f"selection {start}:{end} ends beyond the text ({total} {self._unit_name()})"
                which = "start" if a is None else "end"
                return f"selection {start}:{end}: its {which} falls inside a character ({self._unit_name()})"
        assert a is not None and b is not None
        if not (0 <= a < b <= self._length):
            return f"selection {start}:{end} maps to {a}:{b}, outside the text or empty"
        return a, b

    def _unit_name(self) -> str:
        return "UTF-16 code units" if self.convention.units == "utf16" else "code points"


def _has_astral(text: str) -> bool:
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)
