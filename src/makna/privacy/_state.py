"""The review state of one reviewed text: a source's transcript or one free-text field value."""

from __future__ import annotations

from dataclasses import dataclass

from .review import Review

__all__ = ["State"]


@dataclass
class State:
    """A reviewed text. For a transcript, ``source_id`` is the source's id and ``field`` is empty; for a
    field value (:mod:`makna.privacy.fields`), ``source_id`` is its location ``table|row key|column``,
    ``field`` is ``table.column``, and ``number`` its field number (ids ``fN:I``; 0 until first saved)."""

    source_id: str
    name: str
    language: str
    number: int
    review: Review
    applied: bool
    field: str = ""
    value: str = ""
    digest: str = ""

    def item_id(self, index: int) -> str:
        """The display id of item ``index`` (from 1): ``N:I`` for a transcript, ``fN:I`` for a field."""
        return f"{'f' if self.field else ''}{self.number}:{index}"
