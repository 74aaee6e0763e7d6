"""The interval index of the ORG cue merge and the person kinds (issue 11): the same overlaps as a scan of every
kept span."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from makna.privacy._text import SpanIndex
from makna.privacy.types import Detection

_SPAN = st.tuples(st.integers(0, 60), st.integers(1, 12)).map(lambda p: (p[0], p[0] + p[1]))


def _det(start: int, end: int) -> Detection:
    return Detection(start, end, "ORG", 0.8, "org.test", "x" * (end - start))


@settings(max_examples=200, deadline=None)
@given(st.lists(_SPAN, max_size=25), st.lists(st.tuples(_SPAN, st.booleans()), max_size=25))
def test_overlaps_match_a_full_scan(first: list[tuple[int, int]], steps: list[tuple[tuple[int, int], bool]]) -> None:
    plain = [_det(s, e) for s, e in first]
    spans = SpanIndex(plain)
    for (start, end), drop in steps:
        hits = spans.overlapping(start, end)
        expected = [d for d in spans.kept() if d.start < end and start < d.end]
        assert [id(d) for d in hits] == [id(d) for d in sorted(expected, key=lambda d: d.start)]
        if drop:
            for hit in hits:
                spans.remove(hit)
            plain = [d for d in plain if all(d is not hit for hit in hits)]
        new = _det(start, end)
        spans.add(new)
        plain.append(new)
        assert spans.kept() == plain  # the order kept: the merge's output order
