"""Two inputs that were quadratic stay linear, with the same output (issue 11, round eleven's speed pass).

A long line of numbers: every number is an anchor of the learned model, all in one window, and each token of the
window was tested against every anchor (:func:`makna.privacy._features.windows`). A long line of hyphen-joined
capitalised words: the English organisation and place patterns of :mod:`makna.privacy.places` were tried at
every word of it and scanned the rest of the line from each. No timings: the tests count the work done.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from hypothesis import given
from hypothesis import strategies as st

from makna.privacy import _features as ft
from makna.privacy import places
from makna.privacy._linegates import RunFirst


def _brute_hot(toks: list[ft.Token], group: list[tuple[int, int]]) -> list[int]:
    return [k for k, (ts, te, _) in enumerate(toks) if any(a < te and ts < b for a, b in group)]


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 8)), max_size=12), st.text("ab 1@.-", max_size=60))
def test_hot_tokens_are_the_overlapping_ones(raw: list[tuple[int, int]], text: str) -> None:
    group = sorted((a, a + n) for a, n in raw)
    toks = ft.tokenize(text)
    assert ft._hot(toks, group) == _brute_hot(toks, group)


class _Counted(list[tuple[int, int]]):
    reads = 0

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        _Counted.reads += 1
        return super().__getitem__(i)


def test_hot_tokens_read_each_anchor_once() -> None:
    for size in (500, 2000):
        line = " ".join(str(1000 + i) for i in range(size))
        toks = ft.tokenize(line)
        group = _Counted((s, e) for s, e, _ in toks)
        _Counted.reads = 0
        assert ft._hot(toks, group) == list(range(size))
        assert _Counted.reads <= 4 * size + 4  # the test of every anchor against every token read size² of them


def test_a_long_line_of_numbers_is_one_window() -> None:
    line = " ".join(str(1000 + i) for i in range(3000))
    spans = ft.anchors(line, [], bytearray(len(line)), None, frozenset())
    wins = ft.windows(line, spans)
    assert len(spans) == 3000
    assert [(w.lo, w.hi) for w in wins] == [(0, 3000)]


class _CountingRx:
    """A compiled pattern whose ``match`` calls are counted (and the number of characters they may read)."""

    def __init__(self, rx: re.Pattern[str]) -> None:
        self.rx = rx
        self.calls = 0

    def match(self, text: str, pos: int, endpos: int) -> re.Match[str] | None:
        self.calls += 1
        return self.rx.match(text, pos, endpos)


def _first(rx: re.Pattern[str]) -> tuple[RunFirst, _CountingRx]:
    counted = _CountingRx(rx)
    return RunFirst(counted, places._AT_WORD, re.compile(places._WORD_TAIL)), counted  # type: ignore[arg-type]


def _hyphened(words: int) -> str:
    return "-".join(f"Kota{chr(65 + i % 26)}x" for i in range(words)) + " Ltd and Kota Park\n"


def test_hyphen_joined_words_are_tried_once_per_run() -> None:
    for rx in (places._EN_ORG, places._EN_PLACE):
        for words in (200, 800):
            text = _hyphened(words)
            finder, counted = _first(rx)
            assert [m.span() for m in finder.finditer(text)] == [m.span() for m in rx.finditer(text)]
            assert counted.calls <= 4  # one try for the long run, one for each later capitalised word


_PIECES = st.sampled_from(
    "Foo bar Ltd Park - ' Bank of the Kota-Baru x Hill Street Co. & A É Élan d'Or Mc-Kay Road Group and".split()
)
_GLUE = st.sampled_from([" ", "", "-", "\t", "\n", "  "])


@st.composite
def _texts(draw: st.DrawFn) -> str:
    return "".join(p + g for p, g in draw(st.lists(st.tuples(_PIECES, _GLUE), max_size=14)))


def _spans(found: Iterator[re.Match[str]]) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group(0)) for m in found]


@given(_texts(), st.integers(0, 200), st.integers(0, 200))
def test_run_first_finds_what_the_pattern_finds(text: str, pos: int, width: int) -> None:
    pos = min(pos, len(text))
    end = min(len(text), pos + width)
    for rx, first in ((places._EN_ORG, places._EN_ORG_FIRST), (places._EN_PLACE, places._EN_PLACE_FIRST)):
        assert _spans(first.finditer(text, pos, end)) == _spans(rx.finditer(text, pos, end))
        assert _spans(first.finditer(text)) == _spans(rx.finditer(text))
