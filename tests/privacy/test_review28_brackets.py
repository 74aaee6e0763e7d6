"""Second reading of english28's name before an age in brackets (review28, issue #11): a plural is no name.

``Wanjiru (nine)`` took an English plural or an Indonesian reduplicated plural (``Results (12)``, ``Kids (12)``,
``Anak-anak (12)``): a word whose singular is an English word, or a word said twice with a hyphen, is a plural.
"""

from __future__ import annotations

import pytest

from makna.privacy.agelists import listed_ages


@pytest.mark.parametrize(
    "text",
    [
        "R: Results (12) came in late.",
        "R: Questions (9) were too hard.",
        "R: Kids (12) and adults (30) came.",
        "R: Mangoes (12) were sold on Monday.",
        "R: Stories (4) about the flood.",
        "P: Anak-anak (12) ikut lomba.",
        "P: Ibu-ibu (20) datang pagi.",
    ],
)
def test_a_plural_before_a_number_in_brackets_is_no_name(text: str) -> None:
    assert listed_ages(text, []) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("R: Wanjiru (nine) walks to school.", "Wanjiru"),
        ("R: Agnes (11) plays football.", "Agnes"),
        ("R: Moses (7) is the youngest.", "Moses"),
    ],
)
def test_a_name_ending_like_a_plural_keeps_its_age(text: str, name: str) -> None:
    assert (name, "PERSON") in [(d.text, d.type) for d in listed_ages(text, [])]
