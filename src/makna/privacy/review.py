"""Review of detections before replacement: accept, reject, edit a span, add a missed identifier.

A :class:`Review` holds the detections of one text; the CLI (``makna deid scan``) and the web workbench
drive it, and ``makna deid apply`` replaces :meth:`Review.final` detections. Its serialised form
(:meth:`Review.to_dict`) carries spans and types only, never the identifier strings, so it may be kept
in the project; the text itself supplies the strings again on load.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any, Literal

from ..errors import InputError, OffsetError
from .types import PII_TYPES, Detection

__all__ = ["Review", "ReviewItem", "Status", "context"]

Status = Literal["pending", "accepted", "rejected", "edited", "added"]
_STATUSES: frozenset[str] = frozenset({"pending", "accepted", "rejected", "edited", "added"})


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """A detection and the researcher's decision on it."""

    detection: Detection
    status: Status = "pending"


def context(text: str, det: Detection, width: int = 40) -> tuple[str, str, str]:
    """The text before, the identifier and the text after (single-line), for display."""
    before = text[max(0, det.start - width) : det.start].replace("\n", " ")
    after = text[det.end : det.end + width].replace("\n", " ")
    return before, text[det.start : det.end], after


class Review:
    """The detections of one text and their review status."""

    def __init__(self, text: str, detections: Iterable[Detection]) -> None:
        self.text = text
        self.items: list[ReviewItem] = [ReviewItem(d) for d in sorted(detections, key=lambda d: d.start)]

    def _check_span(self, start: int, end: int, kind: str) -> None:
        if not 0 <= start < end <= len(self.text):
            raise OffsetError(f"span {start}..{end} is outside the text (length {len(self.text)})")
        if kind not in PII_TYPES:
            raise InputError(f"unknown identifier type {kind!r}; one of {', '.join(PII_TYPES)}")

    def _set(self, index: int, status: Status) -> None:
        if not 0 <= index < len(self.items):
            raise InputError(f"no detection number {index}")
        self.items[index] = replace(self.items[index], status=status)

    def accept(self, index: int) -> None:
        """Confirm detection ``index``."""
        self._set(index, "accepted")

    def reject(self, index: int) -> None:
        """Mark detection ``index`` as not an identifier."""
        self._set(index, "rejected")

    def accept_all(self, min_confidence: float = 0.0) -> None:
        """Accept every pending detection at or above ``min_confidence``."""
        for i, item in enumerate(self.items):
            if item.status == "pending" and item.detection.confidence >= min_confidence:
                self._set(i, "accepted")

    def edit(self, index: int, start: int, end: int, kind: str | None = None) -> None:
        """Change the span (and optionally the type) of detection ``index``."""
        if not 0 <= index < len(self.items):
            raise InputError(f"no detection number {index}")
        old = self.items[index].detection
        kind = kind or old.type
        self._check_span(start, end, kind)
        det = Detection(start, end, kind, 1.0, "review.edit", self.text[start:end])
        previous = self.items[index]
        self.items[index] = ReviewItem(det, "edited")
        try:
            self._check_overlaps()
        except OffsetError:
            self.items[index] = previous
            raise

    def add(self, start: int, end: int, kind: str) -> int:
        """Add a missed identifier; returns its index."""
        self._check_span(start, end, kind)
        det = Detection(start, end, kind, 1.0, "review.add", self.text[start:end])
        self.items.append(ReviewItem(det, "added"))
        try:
            self._check_overlaps()
        except OffsetError:
            self.items.pop()
            raise
        return len(self.items) - 1

    def _check_overlaps(self) -> None:
        live = sorted((i.detection for i in self.items if i.status != "rejected"), key=lambda d: d.start)
        for a, b in zip(live, live[1:], strict=False):
            if a.overlaps(b):
                raise OffsetError(f"spans {a.start}..{a.end} and {b.start}..{b.end} overlap; reject one first")

    def final(self, *, include_pending: bool = True) -> list[Detection]:
        """The detections to replace: accepted, edited and added (and pending ones, by default)."""
        keep = {"accepted", "edited", "added"} | ({"pending"} if include_pending else set())
        return sorted((i.detection for i in self.items if i.status in keep), key=lambda d: d.start)

    def confirmed_strings(self) -> dict[str, str]:
        """Identifier string -> type for confirmed items (feed to :func:`makna.privacy.propagate`)."""
        return {i.detection.text: i.detection.type for i in self.items if i.status in {"accepted", "edited", "added"}}

    def to_dict(self) -> dict[str, Any]:
        """Spans, types, detectors, confidences and statuses: no identifier strings."""
        return {
            "items": [
                {
                    "start": i.detection.start,
                    "end": i.detection.end,
                    "type": i.detection.type,
                    "confidence": i.detection.confidence,
                    "detector": i.detection.detector,
                    "status": i.status,
                }
                for i in self.items
            ]
        }

    @classmethod
    def from_dict(cls, text: str, data: dict[str, Any]) -> Review:
        """Rebuild a review of ``text`` from :meth:`to_dict` output."""
        review = cls(text, ())
        for item in data.get("items", []):
            start, end, kind = int(item["start"]), int(item["end"]), str(item["type"])
            review._check_span(start, end, kind)
            status = str(item.get("status", "pending"))
            if status not in _STATUSES:
                raise InputError(f"unknown review status {status!r}")
            det = Detection(
                start,
                end,
                kind,
                float(item.get("confidence", 1.0)),
                str(item.get("detector", "")),
                text[start:end],
            )
            review.items.append(ReviewItem(det, status))  # type: ignore[arg-type]
        return review
