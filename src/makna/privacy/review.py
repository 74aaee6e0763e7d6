"""Review of detections before replacement: accept, reject, edit a span, add a missed identifier.

A :class:`Review` holds the detections of one text; the CLI (``makna deid scan``) and the web workbench
drive it, and ``makna deid apply`` replaces :meth:`Review.final` detections. Its serialised form
(:meth:`Review.to_dict`) carries spans and types only, never the identifier strings, so it may be kept
in the project; the text itself supplies the strings again on load.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any, Literal

from ..errors import InputError, OffsetError
from .types import PII_TYPES, Detection

__all__ = ["Review", "ReviewItem", "Status", "context", "nudge_span", "span_for_text", "occurrences", "STATUSES"]

Status = Literal["pending", "accepted", "rejected", "edited", "added"]
STATUSES: tuple[Status, ...] = ("pending", "accepted", "rejected", "edited", "added")
"""A detection's statuses under review, in the order of the review."""
_STATUSES: frozenset[str] = frozenset(STATUSES)


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

    def _check_visible(self, start: int, end: int) -> None:
        if not self.text[start:end].strip():
            raise OffsetError(f"span {start}:{end} is blank: an identifier needs at least one visible character")

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

    def edit(self, index: int, start: int, end: int, kind: str | None = None) -> list[int]:
        """Change the span (and optionally the type) of detection ``index``; it counts as edited (a
        confirmed identifier). Pending detections that lie wholly inside the new span are absorbed
        (rejected: the edited span covers them); any other overlap with a live item is refused and
        nothing changes. Returns the indices absorbed."""
        if not 0 <= index < len(self.items):
            raise InputError(f"no detection number {index}")
        old = self.items[index].detection
        kind = kind or old.type
        self._check_span(start, end, kind)
        self._check_visible(start, end)
        absorbed: list[int] = []
        for i, item in enumerate(self.items):
            det = item.detection
            if i == index or item.status == "rejected" or not (det.start < end and start < det.end):
                continue
            if item.status == "pending" and start <= det.start and det.end <= end:
                absorbed.append(i)
                continue
            raise OffsetError(f"span {start}..{end} would overlap detection number {i + 1} "
                              f"({det.start}..{det.end}, {item.status}); reject that one first")
        det = Detection(start, end, kind, 1.0, "review.edit", self.text[start:end])
        self.items[index] = ReviewItem(det, "edited")
        for i in absorbed:
            self._set(i, "rejected")
        return absorbed

    def add(self, start: int, end: int, kind: str) -> int:
        """Add a missed identifier; returns its index. A pending detection of exactly this span becomes it, in
        its place (the researcher's own decision; e.g. a name "reject all" left pending as found again)."""
        self._check_span(start, end, kind)
        self._check_visible(start, end)
        det = Detection(start, end, kind, 1.0, "review.add", self.text[start:end])
        same = next((i for i, item in enumerate(self.items) if item.status == "pending"
                     and (item.detection.start, item.detection.end) == (start, end)), None)
        if same is not None:
            self.items[same] = ReviewItem(det, "added")
            return same
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


_WORD = re.compile(r"\w")


def _is_word(text: str, i: int) -> bool:
    return 0 <= i < len(text) and _WORD.match(text[i]) is not None


def _step(text: str, pos: int, forward: bool) -> int:
    """The next word edge from ``pos``: forward, past any non-word characters then one word (its end);
    backward, back over non-word characters then one word (its start)."""
    if forward:
        while pos < len(text) and not _is_word(text, pos):
            pos += 1
        while pos < len(text) and _is_word(text, pos):
            pos += 1
    else:
        while pos > 0 and not _is_word(text, pos - 1):
            pos -= 1
        while pos > 0 and _is_word(text, pos - 1):
            pos -= 1
    return pos


def nudge_span(text: str, start: int, end: int, *, start_by: int = 0, end_by: int = 0) -> tuple[int, int]:
    """``start:end`` moved by whole words: ``start_by=-1`` takes in the word before the span (widens it),
    ``start_by=1`` drops the span's first word; ``end_by=1`` takes in the next word, ``end_by=-1`` drops the
    last one. A word is a run of letters, digits and underscores; the punctuation and spaces around it are
    left out. Raises :class:`~makna.errors.OffsetError` when the span would become empty."""
    if not 0 <= start < end <= len(text):
        raise OffsetError(f"span {start}..{end} is outside the text (length {len(text)})")
    for _ in range(abs(start_by)):
        if start_by < 0:
            start = _step(text, start, False)
        else:  # past the first word, then to the start of the next one
            start = _step(text, start, True)
            while start < len(text) and not _is_word(text, start):
                start += 1
    for _ in range(abs(end_by)):
        if end_by > 0:
            end = _step(text, end, True)
        else:
            end = _step(text, end, False)
            while end > 0 and not _is_word(text, end - 1):
                end -= 1
    if end <= start or not text[start:end].strip():
        raise OffsetError("moved by these words the span would be empty; keep at least one word")
    return start, end


def span_for_text(text: str, start: int, end: int, wanted: str) -> tuple[int, int]:
    """Where ``wanted`` occurs in ``text`` nearest the span ``start:end``: the occurrence that overlaps it
    most, else the closest one. Raises :class:`~makna.errors.InputError` when ``wanted`` is blank or absent."""
    if not wanted.strip():
        raise InputError("the new text is blank: give the identifier as it is written in the source")
    best: tuple[int, int, int] | None = None  # (-overlap, distance, position)
    at = text.find(wanted)
    while at >= 0:
        stop = at + len(wanted)
        overlap = max(0, min(end, stop) - max(start, at))
        distance = 0 if overlap else min(abs(at - end), abs(start - stop))
        key = (-overlap, distance, at)
        if best is None or key < best:
            best = key
        at = text.find(wanted, at + 1)
    if best is None:
        raise InputError(f"{wanted!r} does not occur in the text: give it exactly as it is written")
    return best[2], best[2] + len(wanted)


def occurrences(text: str, wanted: str, *, where: str = "the text") -> list[tuple[int, int]]:
    """Every span where ``wanted`` (stripped) occurs in ``text`` on word boundaries ("Sari" not inside
    "Sarinah"; a name that ends in a letter also before a digit: "Mick00:00:18"), in order. Raises
    :class:`~makna.errors.InputError` when it is blank or absent (``where`` names the text in the message)."""
    value = wanted.strip()
    if not value:
        raise InputError("the text is blank: give the identifier as it is written")
    after = r"(?![^\W\d])" if value[-1].isalpha() else r"(?!\w)"  # "Mick" in "Mick00:00:18" (a speaker and stamp)
    found = [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(value)}{after}", text)]
    if not found:
        raise InputError(f"{value!r} does not occur in {where} (as a whole word): give it exactly as it is written")
    return found
