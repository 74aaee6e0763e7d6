"""English evidence (branch deiden3, #11): a capitalised word typed by the grammar around it (the object of a
social verb, a name set off after a kin word, a thing "called" X, where someone is from, a shop by its street,
names listed together, a made-up brand's shape), the world first-name list, places listed after a place, and
durations that answer "how long". All values are invented. Rules alone (learned layer and precision stage off:
they are retrained at every merge); the tune half of the branch's own cases keeps a floor (the sealed half is
scored by aggregates only, in benchmarks/results/deiden3.md)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from makna.privacy import detect
from makna.privacy import gazetteers as gz
from makna.privacy.en_context import listed_alike
from makna.privacy.en_evidence import brand_shaped, english_evidence
from makna.privacy.evaluate import evaluate_documents, load_gold
from makna.privacy.learned import disabled
from makna.privacy.precision import stage_disabled
from makna.privacy.types import Detection

CASES = Path(__file__).resolve().parent / "deiden3cases"


@pytest.fixture(autouse=True)
def _rules_only() -> Iterator[None]:
    with disabled(), stage_disabled():
        yield


def _rule(text: str, language: str = "en") -> list[tuple[str, str]]:
    return [(d.type, d.text) for d in english_evidence(text, language)]


def _found(text: str, language: str = "en") -> list[tuple[str, str]]:
    return [(d.type, d.text) for d in detect(text, language=language)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I rang Dorota and then texted Ifeoma.", [("PERSON", "Dorota"), ("PERSON", "Ifeoma")]),
        ("Last month I dropped off for Declan on the corner.", [("PERSON", "Declan")]),
        ("I bought it off Costel for three hundred.", [("PERSON", "Costel")]),
        ("My brother-in-law, Edson, told me about the app.", [("PERSON", "Edson")]),
        ("My supervisor, Gintare, is alright actually.", [("PERSON", "Gintare")]),
        ("There was a guy called Connor on the desk.", [("PERSON", "Connor")]),
        ("I was born in a village called Mathiura.", [("LOCATION", "Mathiura")]),
        ("He drives for a firm called Parcelo.", [("ORG", "Parcelo")]),
        ("Born and raised in Brackenholt, me.", [("LOCATION", "Brackenholt")]),
        ("I grew up in Moorcaster before we moved.", [("LOCATION", "Moorcaster")]),
        ("We wait outside Bella Napoli on Fortess Road.", [("LOCATION", "Bella Napoli")]),
        (
            "We had a group chat with Kasia, Florin and Jamal.",
            [("PERSON", "Kasia"), ("PERSON", "Florin"), ("PERSON", "Jamal")],
        ),
        ("Zubair and I shared one bike.", [("PERSON", "Zubair")]),
        ("I tried Fetchly for a bit but the pay was bad.", [("ORG", "Fetchly")]),
        ("Then I moved over, Cratewave paid better.", [("ORG", "Cratewave")]),
    ],
)
def test_english_grammar_types_the_word(text: str, expected: list[tuple[str, str]]) -> None:
    assert sorted(_rule(text)) == sorted(expected)


def test_negatives_are_empty() -> None:
    for text in (
        "I told Deliveroo and messaged Support on Monday.",
        "My mum, she's the one who told me.",
        "There was a guy called by the door.",
        "I'm from the union, and born in March.",
        "Some Shona and Venda left in, the rest in English.",
        "I lived in Furzedown and I worked nights.",
        "We live in Shirley, Addiscombe and Woodside.",
        "We park at Royal Welsh Showground and go to Kirkstall Road.",
        "Hi Tharshan, thanks for this.",
        "We moved to Moorcaster after that.",
    ):
        assert _rule(text) == [], text


def test_a_pronoun_listed_with_a_name_is_no_name() -> None:
    assert _rule("Me and Kwame went to the depot.") == [("PERSON", "Kwame")]


def test_no_english_evidence_in_an_indonesian_transcript() -> None:
    assert _rule("Dulu ambo karajo di pabrik keripik UD Balado Rang Piaman.", "id") == []


def test_a_brand_shape_is_two_common_words_or_a_brand_ending() -> None:
    assert brand_shaped("Cratewave") and brand_shaped("Crateloop") and brand_shaped("Fetchly")
    assert not brand_shaped("Brackleigh")  # an English place ending
    assert not brand_shaped("Tamsin") and not brand_shaped("Zippaloo")


def test_world_first_names_fill_the_english_lists_gaps() -> None:
    names = gz.world_first_names()
    assert {"Marek", "Ewa", "Andreea"} <= names
    assert "Florin" not in names and "Florin" in gz.world_first_names(keep_words=True)  # also an English word


def test_a_place_list_word_after_a_place_and_and_is_a_place() -> None:
    text = "We ride round Peckham and Shadwell most nights."
    found = [Detection(14, 21, "LOCATION", 0.9, "test", "Peckham")]
    if "Shadwell" in gz.all_places() and "Shadwell" not in gz.first_names("en"):
        assert [(d.type, d.text) for d in listed_alike(text, found)] == [("LOCATION", "Shadwell")]


def test_a_duration_that_answers_how_long_is_no_age() -> None:
    text = "Moderator: Say where you ride and for how long.\nP2: I'm Luiz. Two years. I started in Wigston."
    assert ("AGE", "Two years") not in _found(text)
    asked_age = "Moderator: How old are you?\nP2: I'm Luiz, twenty-two years old."
    assert ("AGE", "twenty-two years old") in _found(asked_age)


@settings(max_examples=40, deadline=None)
@given(
    prefix=st.text(alphabet="abc ,.\n", max_size=20),
    name=st.sampled_from(["Wojtek", "Plumstow", "Cratewave"]),
)
def test_offsets_are_exact(prefix: str, name: str) -> None:
    text = (
        f"{prefix}I rang {name}, my boss, {name}, said a guy called {name} was born in {name}. "
        f"Outside {name} on Mill Road, me and {name} met {name}, Kasia and Jamal. I tried {name} too."
    )
    for d in english_evidence(text, "en"):
        assert text[d.start : d.end] == d.text


def test_the_tune_cases_keep_their_floor() -> None:
    report = evaluate_documents(load_gold(CASES / "tune"))
    assert report.overall.recall >= 0.94  # rules alone: 0.924 before the branch, 0.952 after
    assert report.overall.precision >= 0.95  # 0.937 before, 0.965 after


def test_an_older_how_long_question_leaves_a_later_age_an_age() -> None:
    """Found by the round's review: any "how long" in the 400 characters before an age made it a duration."""
    text = "I: How long have you been riding for the app?\nR: Two years.\nI: And you?\nR: Gurleen. Twenty-four.\n"
    assert ("AGE", "Twenty-four") in {(d.type, d.text) for d in detect(text, language="en")}
    text = "I: How long have you been riding?\nR: Luiz. Two years.\n"
    assert "AGE" not in {d.type for d in detect(text, language="en")}
