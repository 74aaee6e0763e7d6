"""Neighbouring gated lines searched in one call (issue 11, round thirteen's speed pass).

:func:`makna.privacy._lines.blocks` joins runs of neighbouring lines for a pattern that :func:`newline_free`
accepts (nothing of it but a look-behind reads a newline; no ``$``, ``^`` or ``\\Z``): one search over the block
must give exactly the matches of one search per line. Checked on every compiled pattern of the detector modules
that it accepts, over random lines of the characters those patterns read.
"""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from makna.privacy import detect
from makna.privacy._lines import blocks, newline_free


def _detector_patterns() -> list[re.Pattern[str]]:
    detect("Mbak Tari 0813-7411-2095 di Padang, 5 Mei 2024", language="id")  # imports every detector module
    found: dict[int, re.Pattern[str]] = {}
    for name, module in list(sys.modules.items()):
        if not name.startswith("makna.privacy.") or module is None:
            continue
        for value in vars(module).values():
            if isinstance(value, re.Pattern) and value.pattern:
                found[id(value)] = value
    return sorted(found.values(), key=lambda rx: rx.pattern)


_PATTERNS = _detector_patterns()
_ACCEPTED = [rx for rx in _PATTERNS if newline_free(rx)]


@pytest.mark.parametrize(
    ("pattern", "free"),
    [
        (r"a[ \t]\d", True),
        (r"(?<![\s\S])a(?![\w\-]|[.,]\d)", True),  # a look-behind may read anything
        (r"[^\n.?!;]+", True),
        (r"([ .])\d\1", True),
        (r"a.", True),  # without DOTALL
        (r"\ba\b", True),
        (r",?[ \t]?", False),  # may match the empty string
        (r"a\s", False),
        (r"[^.?!]+", False),
        (r"a(?=\s)", False),  # a look-ahead that reads past the newline
        (r"a$", False),
        (r"^a", False),
        (r"a\Z", False),
        (r"\D", False),
        (r"\W", False),
        (r"(?s:a.)", False),
        (r"(?<=(\s))a\1", False),  # a back-reference to what a look-behind read
    ],
)
def test_newline_free(pattern: str, free: bool) -> None:
    assert newline_free(re.compile(pattern)) is free


def test_most_detector_patterns_are_accepted() -> None:
    assert len(_PATTERNS) > 300
    assert len(_ACCEPTED) > len(_PATTERNS) // 2


def test_blocks_join_only_neighbours() -> None:
    rx = re.compile(r"\d")
    lines = [(0, 3), (4, 9), (11, 12), (13, 13), (20, 25)]
    assert blocks(rx, lines) == [(0, 9), (11, 13), (20, 25)]
    assert blocks(re.compile(r"\d$"), lines) == lines  # not newline-free: line by line


_CHARS = st.sampled_from(list("aAzZ09 \t.,-/:+@'’\n") + ["Mei", "Jan", "the ", "12", "0813", "RT", "Jl. ", "x"])


@settings(max_examples=60, deadline=None)
@given(
    parts=st.lists(_CHARS, max_size=80),
    keep=st.lists(st.booleans(), min_size=30, max_size=30),
)
def test_a_block_search_equals_the_line_searches(parts: list[str], keep: list[bool]) -> None:
    text = "".join(parts)
    lines, start = [], 0
    for i, line in enumerate(text.split("\n")):
        if keep[i % len(keep)]:
            lines.append((start, start + len(line)))
        start += len(line) + 1
    n = len(text)
    for rx in _ACCEPTED:
        per_line = [(m.span(), m.groups()) for s, e in lines for m in rx.finditer(text, s, min(n, e + 1))]
        joined = [(m.span(), m.groups()) for s, e in blocks(rx, lines) for m in rx.finditer(text, s, min(n, e + 1))]
        assert joined == per_line, rx.pattern
