"""Names and places that start with a Latin letter carrying a diacritic are read like their ASCII forms (trial10:
"I came from Łódź" was missed while "Lodz" was found)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from makna.privacy._fold import folded
from makna.privacy.detect import detect


def _found(text: str) -> list[tuple[str, str]]:
    return [(d.type, d.text) for d in detect(text, language="en")]


@pytest.mark.parametrize(
    ("plain", "marked"),
    [
        (
            "Respondent: I came from Lodz in 2015, my cousin too.",
            "Respondent: I came from Łódź in 2015, my cousin too.",
        ),
        ("Respondent: My manager is Zeljko Cosic, he is fine.", "Respondent: My manager is Željko Ćosić, he is fine."),
        ("Respondent: She lives in Agri now.", "Respondent: She lives in Ağrı now."),
        ("Informan: Nama saya Nguyen Thi Hong, dari Ha Noi.", "Informan: Nama saya Nguyễn Thị Hồng, dari Hà Nội."),
        (
            "Respondent: My supervisor, Soren Ostergaard, signed it.",
            "Respondent: My supervisor, Søren Østergaard, signed it.",
        ),
    ],
)
def test_a_marked_name_is_found_where_its_plain_form_is(plain: str, marked: str) -> None:
    want = _found(plain)
    assert want  # the control: the plain form is found
    got = detect(marked, language="en")
    assert [(d.type, d.start, d.end) for d in got] == [(t, plain.index(s), plain.index(s) + len(s)) for t, s in want]
    assert all(d.text == marked[d.start : d.end] for d in got)  # spans of the caller's text


def test_folding_keeps_length_case_and_other_scripts() -> None:
    assert folded("Łódź, Ærø, Straße, Élise") == "Lódź, Arø, Straße, Elise"  # capitals only
    assert folded("plain ascii") is None and folded("café, Thaís") is None
    assert folded("Москва и 東京 — “quoted”") is None  # other scripts and punctuation stay


@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x24F)))
def test_folding_is_one_character_for_one(text: str) -> None:
    out = folded(text)
    if out is not None:
        assert len(out) == len(text)
        assert all(a == b or (a.isupper() and b.isupper() and b.isascii()) for a, b in zip(text, out, strict=True))
