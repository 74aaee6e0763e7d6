"""The catch-all's "written in lower case elsewhere" test is a literal search with hand-checked boundaries; it
must say what the regex it replaced said (review of round seven, #11)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from makna.privacy.catchall import in_lower_case

WORDS = st.sampled_from(["ban", "banjar", "sari", "é", "ab"])
TEXT = st.text(alphabet="banjrsié _-'’/@.\nX1٣", max_size=40)


def _by_regex(text: str, low: str) -> bool:
    rx = rf"{re.escape(low)}(?<![\w'’\-/@.][\s\S]{{{len(low)}}})(?![\w'’\-@]|\.\w)"
    return re.search(rx, text) is not None


@settings(max_examples=600, deadline=None)
@given(TEXT, WORDS)
def test_same_answer_as_the_regex(text: str, low: str) -> None:
    assert in_lower_case(text, low) == _by_regex(text, low)


def test_examples() -> None:
    assert in_lower_case("we went to the sari shop", "sari")
    assert not in_lower_case("see cepatcair.example.net", "cepatcair")
    assert not in_lower_case("at /cepatcair or @cepatcair", "cepatcair")
    assert in_lower_case("it ends with cepatcair.", "cepatcair")
    assert not in_lower_case("banjarbaru", "banjar")
