"""English context (branch deiden2, #11): persons by what is theirs and by their role, places after words of moving
and before English type words, ages "of age", flats by number, the app someone works on, names listed with an ORG
or on a route. All values are invented. Rules alone (learned layer and precision stage off: they are retrained at
every merge); the tune half of the branch's own cases keeps a floor (the sealed half is scored by aggregates only,
in benchmarks/results/deiden2.md)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from makna.privacy import detect
from makna.privacy.en_context import context_ages, context_orgs, context_persons, context_places, listed_alike
from makna.privacy.evaluate import evaluate_documents, load_gold
from makna.privacy.learned import disabled
from makna.privacy.precision import stage_disabled
from makna.privacy.types import Detection

CASES = Path(__file__).resolve().parent / "deiden2cases"


@pytest.fixture(autouse=True)
def _rules_only() -> Iterator[None]:
    with disabled(), stage_disabled():
        yield


def _pairs(found: Iterator[Detection]) -> list[tuple[str, str]]:
    return [(d.type, d.text) for d in found]


def _found(text: str, language: str = "en") -> list[tuple[str, str]]:
    return [(d.type, d.text) for d in detect(text, language=language)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I drove it back to Wojtek's flat on the corner.", "Wojtek"),
        ("Then Zanele's husband came down.", "Zanele"),
        ("Somebody nicked Ifeoluwa's bike last week.", "Ifeoluwa"),
    ],
)
def test_a_name_before_s_and_a_kin_word_or_thing_is_a_person(text: str, name: str) -> None:
    assert ("PERSON", name) in _pairs(context_persons(text))


@pytest.mark.parametrize("text", ["I went to Mum's house.", "The Council's car park.", "We met at London's edge."])
def test_ordinary_words_stop_words_and_places_before_s_are_no_persons(text: str) -> None:
    assert _pairs(context_persons(text)) == []


def test_a_name_after_a_role_and_a_comma_is_a_person() -> None:
    assert _pairs(context_persons("A passenger, Radoslaw, left his phone.")) == [("PERSON", "Radoslaw")]
    assert _pairs(context_persons("The owner, Haroon, lets us wait inside.")) == [("PERSON", "Haroon")]
    assert _pairs(context_persons("A customer, Monday, was late.")) == []  # a weekday is no name


def test_a_name_before_from_the_and_a_workplace_is_a_person_mid_sentence() -> None:
    assert ("PERSON", "Oyelaran") in _pairs(context_persons("Then Oyelaran from the depot rang me."))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("I live down in Plumstow with my cousin.", "Plumstow"),
        ("Mostly over Quarrendon way, sometimes further.", "Quarrendon"),
        ("After that I went out to Brackleigh Vale for a drop.", "Brackleigh Vale"),
        ("I was coming back from Nunsford when it happened.", "Nunsford"),
    ],
)
def test_a_name_after_a_word_of_moving_is_a_place(text: str, place: str) -> None:
    assert ("LOCATION", place) in _pairs(context_places(text))


@pytest.mark.parametrize(
    "text",
    [
        "I drove back to Aisha after work.",  # a first name that no place list knows
        "We waited outside Monday and Tuesday.",  # weekdays
        "I went out to Help the others.",  # an ordinary word
    ],
)
def test_first_names_ordinary_words_and_weekdays_after_moving_are_no_places(text: str) -> None:
    assert _pairs(context_places(text)) == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("I pick up on Tillbury Grove most nights.", "Tillbury Grove"),
        ("The shops of the Golden Mile close late.", "Golden Mile"),
        ("He lives on the Ravensholt estate.", "Ravensholt estate"),
        ("Meet me at Quenby station.", "Quenby station"),
        ("Down Marlow High Street then left.", "Marlow High Street"),
    ],
)
def test_a_name_before_an_english_type_word_is_a_place(text: str, place: str) -> None:
    assert ("LOCATION", place) in _pairs(context_places(text))


def test_ordinary_words_before_station_or_estate_are_no_places() -> None:
    assert _pairs(context_places("I left it at the Police station. A Council estate.")) == []


def test_an_age_said_of_age_is_the_number_and_its_unit() -> None:
    assert _pairs(context_ages("I'm Rukayat, nineteen years of age.")) == [("AGE", "nineteen years")]
    assert _pairs(context_ages("He is 67 years of age now.")) == [("AGE", "67 years")]


def test_a_flat_after_a_preposition_is_an_address_but_an_amount_is_not() -> None:
    assert _pairs(context_ages("I left it outside flat 12 again.")) == [("ADDRESS", "flat 12")]
    assert _pairs(context_ages("She lives up in flat 3B.")) == [("ADDRESS", "flat 3B")]
    assert _pairs(context_ages("They pay a flat 20 quid, or in flat 5 pounds.")) == []


def test_the_app_someone_works_on_is_an_org_but_a_first_name_is_not() -> None:
    assert _pairs(context_orgs("I'm on Zippaloo mostly.")) == [("ORG", "Zippaloo")]
    assert _pairs(context_orgs("She rides for Trundlo now.")) == [("ORG", "Trundlo")]
    assert _pairs(context_orgs("I was with Kemi and I'm on Mondays.")) == []


def test_an_unknown_name_listed_with_an_org_or_on_a_route_takes_its_type() -> None:
    text = "Two apps, Grabbio and Dashvee."
    org = Detection(text.index("Dashvee"), text.index("Dashvee") + 7, "ORG", 0.8, "test", "Dashvee")
    assert _pairs(listed_alike(text, [org])) == [("ORG", "Grabbio")]
    text = "Airport runs, Quillingham to Southall."
    place = Detection(text.index("Southall"), text.index("Southall") + 8, "LOCATION", 0.8, "test", "Southall")
    assert _pairs(listed_alike(text, [place])) == [("LOCATION", "Quillingham")]


def test_the_pipeline_types_a_possessed_name_as_a_person_over_a_place_guess() -> None:
    found = _found("Driver: A passenger, Marcinek, left his phone. I took it to Marcinek's flat.")
    assert found.count(("PERSON", "Marcinek")) == 2


@settings(max_examples=40, deadline=None)
@given(
    prefix=st.text(alphabet="abc ,.\n", max_size=20),
    name=st.sampled_from(["Wojtek", "Plumstow", "Zippaloo"]),
)
def test_offsets_are_exact(prefix: str, name: str) -> None:
    text = f"{prefix}I'm on {name} and live down in {name}, at {name}'s flat, flat 4, twenty years of age."
    for rule in (context_persons, context_places, context_ages, context_orgs):
        for d in rule(text):
            assert text[d.start : d.end] == d.text


def test_the_tune_cases_keep_their_floor() -> None:
    report = evaluate_documents(load_gold(CASES / "tune"))
    assert report.overall.recall >= 0.94  # rules alone: 0.906 before the branch, 0.957 after
    assert report.overall.precision >= 0.95
