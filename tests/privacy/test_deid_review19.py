"""Review of round nineteen's retypes and ages (#11, branch review19): en19's English retypes
(:mod:`makna.privacy.en_retype`) and numeric19's ages told by when they turn (:mod:`makna.privacy.agewhen`), on
invented sentences: a retype that leaks a person's name or misleads, and an ordinary number read as an age.

Every name, place and number here is invented.
"""

from __future__ import annotations

import re

import pytest

from makna.privacy.detect import detect
from makna.privacy.en_retype import places_after_prepositions, places_answered_to_where
from makna.privacy.pseudonymise import pseudonymise
from makna.privacy.types import Detection


def _det(text: str, name: str, kind: str, nth: int = 0) -> Detection:
    m = list(re.finditer(re.escape(name), text))[nth]
    return Detection(m.start(), m.end(), kind, 0.7, "test", name)


def _types(found: list[Detection]) -> list[tuple[str, str]]:
    return [(d.text, d.type) for d in found]


# -- a person retyped a place whose name is a country's: the coarse place is kept as it is, so the name leaked --


@pytest.mark.parametrize(
    "text",
    [
        "R: My daughter India is nine. I sat round India and her friends at the party.",
        "R: My cousin America drives me. I always sit near America in the van.",
    ],
)
def test_a_person_named_like_a_country_is_not_kept_after_a_preposition(text: str) -> None:
    name = "India" if "India" in text else "America"
    out, _ = pseudonymise(text, detect(text, language="en"), mode="surrogate", language="en")
    assert name not in out


def test_a_person_named_like_a_country_is_no_place_in_the_pass() -> None:
    text = "I sat round India and her friends at the party."
    found = places_after_prepositions(text, [_det(text, "India", "PERSON")], "en")
    assert _types(found) == [("India", "PERSON")]


def test_a_country_after_in_still_becomes_a_place_when_typed_person_elsewhere() -> None:
    # the pass is unchanged for ordinary places: "Jordan" is no coarse place kept as it is (a first name too)
    text = "Then the agency put me in Jordan for a month."
    found = places_after_prepositions(text, [_det(text, "Jordan", "PERSON")], "en")
    assert _types(found) == [("Jordan", "LOCATION")]


def test_an_answer_to_where_that_is_a_person_named_like_a_country_stays_a_person() -> None:
    text = "Q: Where do you stay?\nA: India, my cousin, lets me use her room."
    found = places_answered_to_where(text, [_det(text, "India", "PERSON")], "en")
    assert _types(found) == [("India", "PERSON")]


# -- a possessive inside the span: the person's name, not a place --


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I'm in Kavya Raman's group chat, she adds everyone.", "Kavya Raman's"),
        ("We were all in Tobiah Wrenn’s car that night.", "Tobiah Wrenn’s"),
    ],
)
def test_a_possessive_inside_the_name_keeps_the_person(text: str, name: str) -> None:
    found = places_after_prepositions(text, [_det(text, name, "PERSON")], "en")
    assert _types(found) == [(name, "PERSON")]


def test_a_possessive_inside_the_name_keeps_the_person_in_detect() -> None:
    text = "R: I'm in Kavya Raman's group chat, she adds everyone."
    assert ("Kavya Raman's", "LOCATION") not in _types(detect(text, language="en"))


# -- an answer to "where" that names whose home, or asks back --


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Q: And where are you living at the moment?\nA: Adaeze's, on her sofa.", "Adaeze"),
        ("Q: Where do you stay now?\nA: Esther, can I skip this one?", "Esther"),
        ("Q: Where are you staying?\nA: Marguerite, do I have to say?", "Marguerite"),
    ],
)
def test_an_answer_naming_a_person_stays_a_person(text: str, name: str) -> None:
    found = places_answered_to_where(text, [_det(text, name, "PERSON")], "en")
    assert _types(found) == [(name, "PERSON")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Q: Where do you stay?\nA: Kilbarran, up the top, flat 2/1.", "Kilbarran"),
        ("Q: Where are you from?\nA: Dunmore Vale. Then Leeds.", "Dunmore Vale"),
    ],
)
def test_an_answer_naming_a_place_is_still_a_place(text: str, name: str) -> None:
    found = places_answered_to_where(text, [_det(text, name, "PERSON")], "en")
    assert _types(found) == [(name, "LOCATION")]


# -- agewhen: a thing's number with "is"/"was" and a date is no age --


@pytest.mark.parametrize(
    "text",
    [
        "R: The rent was ninety in May, then a hundred.",
        "R: The price is 45 this year, it went up.",
        "R: My score was eighty last month.",
        "R: The fare was thirty in March and forty now.",
    ],
)
def test_a_things_number_with_a_date_is_no_age(text: str) -> None:
    assert [d.text for d in detect(text, language="en") if d.type == "AGE"] == []


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("R: Tajay is ninety-one in the spring.", "ninety-one"),
        ("R: My son is nine this year.", "nine"),
        ("R: Kofi's six going on seven.", "six going on seven"),
        ("R: She's forty-four at Christmas.", "forty-four"),
    ],
)
def test_a_persons_age_with_a_date_is_still_found(text: str, age: str) -> None:
    ages = [d.text for d in detect(text, language="en") if d.type == "AGE"]
    assert any(age in a for a in ages), ages


# -- agewhen: when an age turns by a feast no hand-typed list had (only Christmas and Easter were known) --


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("R: Mr Quillan, eighty-eight at Diwali, still walks to the shop.", "eighty-eight"),
        ("R: My gran, Mrs Adeyemi, ninety-one at Eid this year.", "ninety-one"),
        ("R: Tajay is forty come Thanksgiving.", "forty"),
    ],
)
def test_an_age_turning_at_any_feast_is_found(text: str, age: str) -> None:
    ages = [d.text for d in detect(text, language="en") if d.type == "AGE"]
    assert any(age in a for a in ages), ages


@pytest.mark.parametrize(
    "text",
    [
        "R: Mr Quillan, eighty-eight at Padang Market, still walks there.",
        "R: The fare was forty at Diwali, then fifty.",
    ],
)
def test_a_number_at_a_place_or_a_things_price_at_a_feast_is_no_age(text: str) -> None:
    ages = [d.text for d in detect(text, language="en") if d.type == "AGE"]
    # "Mr Quillan, eighty-eight" may be read as his age by the model (an age after a name and a comma, as the
    # rules read "Salsabila, sebelas"; round twenty-two's model takes "eighty-eight at", as the conventions take
    # "forty-one in May"); what must not be read is the place as a feast ("eighty-eight at Padang Market")
    assert not any("Padang" in a for a in ages), ages
    if "fare" in text:
        assert ages == []


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("I: Tamu saya Pak Budi, lima puluh pas Lebaran.", "lima puluh"),
        ("I: Uda Rizal, tigo puluah limo waktu Imlek.", "tigo puluah limo"),
    ],
)
def test_an_indonesian_age_turning_at_a_feast_is_found(text: str, age: str) -> None:
    ages = [d.text for d in detect(text, language="id") if d.type == "AGE"]
    assert any(age in a for a in ages), ages


def test_an_indonesian_price_at_a_feast_is_no_age() -> None:
    text = "I: Harga tiketnya naik, lima puluh pas Lebaran."
    assert [d.text for d in detect(text, language="id") if d.type == "AGE"] == []


# -- a known English first name that only an Indonesian village list also holds is still a first name --


@pytest.mark.parametrize("name", ["Daniel", "Olivia", "Maya"])
def test_a_first_name_after_towards_stays_a_person_though_a_village_bears_it(name: str) -> None:
    text = f"Then I turned towards {name} and asked for the money."
    found = places_after_prepositions(text, [_det(text, name, "PERSON")], "en")
    assert _types(found) == [(name, "PERSON")]


def test_an_answer_naming_whom_one_stays_with_stays_a_person_though_a_village_bears_it() -> None:
    text = "Q: Where are you staying?\nA: Daniel. He lets me have the sofa."
    found = places_answered_to_where(text, [_det(text, "Daniel", "PERSON")], "en")
    assert _types(found) == [("Daniel", "PERSON")]


def test_a_place_kept_as_it_is_that_the_text_names_as_a_person_is_that_person() -> None:
    # an older stage types the second "India" a place; a coarse place is kept as it is, so it printed her name
    text = "R: My best friend India works the same shift. I sat near India on the coach home."
    out, _ = pseudonymise(text, detect(text, language="en"), mode="surrogate", language="en")
    assert "India" not in out


def test_a_country_is_still_kept_where_no_person_bears_its_name() -> None:
    text = "I sat near Jasmine on the bus, she grew up in India."
    found = places_after_prepositions(text, [_det(text, "Jasmine", "PERSON"), _det(text, "India", "LOCATION")], "en")
    assert ("India", "LOCATION") in _types(found)


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("r: mi son kwame is six going on seven, and abena is going on three.", "going on three"),
        ("r: mi son kwame is ninety in may, bless him.", "ninety"),
    ],
)
def test_a_lower_cased_persons_age_is_still_found(text: str, age: str) -> None:
    ages = [d.text for d in detect(text, language="en") if d.type == "AGE"]
    assert any(age in a for a in ages), ages
