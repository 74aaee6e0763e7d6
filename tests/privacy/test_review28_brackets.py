"""Second reading of english28's name before an age in brackets (review28, issue #11): a plural is no name.

``Wanjiru (nine)`` took an English plural or an Indonesian reduplicated plural (``Results (12)``, ``Kids (12)``,
``Anak-anak (12)``): a word whose singular is an English word, or a word said twice with a hyphen, is a plural.
"""

from __future__ import annotations

import re
import time

import pytest

from makna.privacy.agelists import listed_ages
from makna.privacy.types import Detection


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


def test_a_long_turn_of_names_and_ages_in_brackets_is_read_in_linear_time() -> None:
    """Each name and age found was checked against every span taken before it: a 50,000-character turn of
    ``Kofi (7)`` took 13 s (review28); the spans are now found by bisection."""
    text = ("Kofi (7) " * 6000)[:50_000]
    found = [
        Detection(m.start(), m.end(), "PERSON", 0.9, "person.cue", m.group())
        for m in re.finditer("Kofi", text[:25_000])
    ]
    began = time.perf_counter()
    out = listed_ages(text, found)
    assert time.perf_counter() - began < 3.0
    assert sum(d.type == "AGE" for d in out) == text.count("(7)")
