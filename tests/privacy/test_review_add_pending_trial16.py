"""Adding an identifier exactly where a detection is pending makes that detection the researcher's own, in its
place (a name "reject all" left pending as found again used to refuse the add: "spans overlap; reject one
first")."""

from __future__ import annotations

import pytest

from makna.errors import OffsetError
from makna.privacy import Detection
from makna.privacy.review import Review

TEXT = "Saya ketemu Tamsin di Padang."


def _review(status: str = "pending") -> Review:
    start = TEXT.index("Tamsin")
    review = Review(TEXT, (Detection(start, start + 6, "PERSON", 0.99, "propagate", "Tamsin"),))
    if status == "rejected":
        review.reject(0)
    return review


def test_an_add_over_a_pending_detection_of_the_same_span_takes_its_place() -> None:
    review = _review()
    start = TEXT.index("Tamsin")
    assert review.add(start, start + 6, "PERSON") == 0
    assert len(review.items) == 1 and review.items[0].status == "added"
    assert review.items[0].detection.detector == "review.add" and review.items[0].detection.confidence == 1.0


def test_an_add_over_part_of_a_pending_detection_still_refuses() -> None:
    review = _review()
    start = TEXT.index("Tamsin")
    with pytest.raises(OffsetError, match="overlap"):
        review.add(start, start + 3, "PERSON")
    assert len(review.items) == 1 and review.items[0].status == "pending"


def test_an_add_over_a_rejected_detection_is_added_beside_it() -> None:
    review = _review("rejected")
    start = TEXT.index("Tamsin")
    assert review.add(start, start + 6, "PERSON") == 1
    assert [i.status for i in review.items] == ["rejected", "added"]
