"""Second reading of english28's future after a verb of being (review28, issue #11): "they" with the future counts.

``he'll be eighty-one``, ``Lars will be seventy`` are ages; ``They'll be twenty, I think`` (the guests),
``They will be twelve, so book a big table`` count people or things as often, as round five read ``They will be 12
tomorrow`` and english28 read ``they're over twenty``: the future said of "they" is no age.
"""

from __future__ import annotations

import pytest

from makna.privacy import detect
from makna.privacy.agecues import find_said_ages


@pytest.mark.parametrize(
    "text",
    [
        "R: How many guests? They'll be twenty, I think.",
        "R: The boxes? They'll be forty, give or take.",
        "R: They will be twelve, so book a big table.",
        "R: they’ll be thirty, all the riders.",
    ],
)
def test_they_with_the_future_is_a_count(text: str) -> None:
    assert not list(find_said_ages(text))
    assert not [d for d in detect(text, language="en") if d.type == "AGE"]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("R: Grandpa Lars, he'll be eighty-one.", "eighty-one"),
        ("R: My pops Torvald will be seventy, he keeps saying so.", "seventy"),
        ("R: Mum? She'll be sixty, bless her.", "sixty"),
        ("R: The twins, they're twelve.", "twelve"),
    ],
)
def test_the_future_said_of_one_person_stays_an_age(text: str, said: str) -> None:
    assert said in [d.text for d in find_said_ages(text)]
