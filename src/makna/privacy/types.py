"""The detection record shared by every detector, and the identifier types makna knows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from ..errors import InputError

__all__ = ["Detection", "PII_TYPES", "STRUCTURED_TYPES", "check_types"]

PII_TYPES: Final[tuple[str, ...]] = (
    "PERSON",
    "PHONE",
    "EMAIL",
    "URL",
    "HANDLE",
    "NATIONAL_ID",
    "ACCOUNT",
    "ADDRESS",
    "LOCATION",
    "ORG",
    "DATE",
    "AGE",
    "PLATE",
)
"""Every identifier type, in the order reports list them."""

STRUCTURED_TYPES: Final[frozenset[str]] = frozenset(
    {"PHONE", "EMAIL", "URL", "HANDLE", "NATIONAL_ID", "ACCOUNT", "PLATE"}
)
"""Types found by patterns with checksums or fixed shapes (their recall target is 1.00)."""


def check_types(types: Iterable[str] | None) -> list[str] | None:
    """Identifier types named by a user (any case) as makna spells them; None for all of them.
    An unknown name is an :class:`~makna.errors.InputError`."""
    if not types:
        return None
    wanted = [t.upper() for t in types]
    unknown = sorted(set(wanted) - set(PII_TYPES))
    if unknown:
        raise InputError(f"unknown identifier type(s): {', '.join(unknown)} (use {', '.join(PII_TYPES)})")
    return wanted


@dataclass(frozen=True, slots=True, init=False)
class Detection:
    """One identifier found in a text.

    ``start`` and ``end`` are 0-based code-point offsets (Python ``str`` indices), ``end`` exclusive, so
    ``text[start:end] == detection.text``. ``confidence`` lies in (0, 1]; ``detector`` names the rule that
    fired (e.g. ``"phone.id"``, ``"person.honorific"``).
    """

    start: int
    end: int
    type: str
    confidence: float
    detector: str
    text: str

    def __init__(self, start: int, end: int, type: str, confidence: float, detector: str, text: str) -> None:  # noqa: A002
        # Detection makes tens of thousands of these a megabyte: the fields are set through their slots'
        # own setters (what a frozen dataclass's generated __init__ does through object.__setattr__, twice as
        # slow), and the checks are one chained comparison and one set look-up.
        if not 0 <= start < end:
            raise ValueError(f"bad detection span {start}..{end}")
        if type not in _TYPES:
            raise ValueError(f"unknown identifier type {type!r}")
        _SET_START(self, start)
        _SET_END(self, end)
        _SET_TYPE(self, type)
        _SET_CONFIDENCE(self, confidence)
        _SET_DETECTOR(self, detector)
        _SET_TEXT(self, text)

    @property
    def length(self) -> int:
        """Number of characters covered."""
        return self.end - self.start

    def overlaps(self, other: Detection) -> bool:
        """True when the two spans share at least one character."""
        return self.start < other.end and other.start < self.end


_TYPES: Final = frozenset(PII_TYPES)
_SET_START, _SET_END, _SET_TYPE, _SET_CONFIDENCE, _SET_DETECTOR, _SET_TEXT = (
    Detection.__dict__[name].__set__ for name in ("start", "end", "type", "confidence", "detector", "text")
)
