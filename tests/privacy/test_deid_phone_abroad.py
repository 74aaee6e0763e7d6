"""A phone number abroad keeps its country (a new user's trial, #11: Indonesian domestic workers in Hong Kong
and Singapore). "My Singapore number" ``+65 9123 4567`` became ``+62 2555 0176``, an Indonesian-looking number
(a ten-digit number after ``+`` was drawn as a North American one, its first digits at random), and the Hong Kong
number ``6234 8890``, eight digits that begin with 62, became ``62840243217``, an Indonesian number in another
shape (62 read as Indonesia's country code)."""

from __future__ import annotations

import re

import pytest

from makna.privacy import KeyMapping


@pytest.mark.parametrize("original", ["+65 9123 4567", "+65 8765 4321", "+852 5123 4471", "+44 7700 900123"])
def test_an_international_number_keeps_its_country_code(original: str) -> None:
    value = KeyMapping().surrogate("PHONE", original)
    code = original.split()[0]
    assert value.startswith(code + " "), value
    assert len(value) == len(original) and value != original


@pytest.mark.parametrize("original", ["6234 8890", "6234-8890", "62348890"])
def test_a_local_number_abroad_that_begins_with_62_keeps_its_shape(original: str) -> None:
    value = KeyMapping().surrogate("PHONE", original)
    assert re.sub(r"\d", "9", value) == re.sub(r"\d", "9", original), value
    assert value != original
