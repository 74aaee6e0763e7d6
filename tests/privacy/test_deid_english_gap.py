"""The English gap of issue #11 (branch deiden): answers typed by the question, places listed together, persons
by their role, places by a type word before them, day/month after "on". All values are invented. The rules are
tested alone (learned layer and precision stage off: they are retrained at every merge), and the tune half of
the branch's own cases keeps a floor (its sealed half is scored by aggregates only, in
benchmarks/results/deiden.md)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from makna.privacy import detect
from makna.privacy.answers import detect_answers
from makna.privacy.dates import find_more_dates
from makna.privacy.evaluate import GoldDocument, evaluate_documents
from makna.privacy.learned import disabled
from makna.privacy.neighbours import listed_places, nicknames, prefixed_places, role_persons, route_places
from makna.privacy.precision import stage_disabled
from makna.privacy.speakers import find_labels, mask_labels
from makna.privacy.types import Detection

CASES = Path(__file__).resolve().parent / "deidencases"


@pytest.fixture(autouse=True)
def _rules_only() -> Iterator[None]:
    with disabled(), stage_disabled():
        yield


def _answers(text: str) -> list[tuple[str, str]]:
    """The answer detections of ``text`` with its speaker labels masked, as the pipeline runs them."""
    return [(d.type, d.text) for d in detect_answers(mask_labels(text, find_labels(text)))]


def _found(text: str, language: str = "en") -> list[tuple[str, str]]:
    return [(d.type, d.text) for d in detect(text, language=language)]


# --- answers ---------------------------------------------------------------------------------------------------


def test_a_where_question_types_unknown_names_of_the_answer_as_places() -> None:
    text = "P: Where do you deliver?\nI: Mostly Yaba and Surulere, sometimes Ogba. My brother helps."
    found = _answers(text)
    assert ("LOCATION", "Yaba") in found
    assert ("LOCATION", "Surulere") in found
    assert ("LOCATION", "Ogba") in found


def test_a_listed_place_opens_an_answer_but_an_unlisted_first_word_is_left() -> None:
    listed = "P: Where are your orders?\nI: Handsworth, mostly."
    assert _answers(listed) == [("LOCATION", "Handsworth")]
    unlisted = "P: Sekarang tinggal di mana?\nI: Ngontrak petakan, Kak."
    assert _answers(unlisted) == []


def test_a_question_about_work_is_no_where_question() -> None:
    text = "P: Where did you work before?\nI: At Bramblecote for two years."
    assert _answers(text) == []


def test_known_first_names_in_a_where_answer_are_no_places() -> None:
    text = "P: Where do you live?\nI: Near Merrylands with my cousin Priya."
    assert ("LOCATION", "Priya") not in _answers(text)


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("P: How old are you?\nI: Twenty-three. My sister is at school.", "Twenty-three"),
        ("P: How old are you, if you don't mind?\nI: I'm 34, I think.", "34"),
        ("P: Umur berapa sekarang?\nI: Dua puluh tujuh tahun, Kak.", "Dua puluh tujuh tahun"),
        ("P: Umurnya berapa, Uda?\nI: Tigo puluah duo taun.", "Tigo puluah duo taun"),
    ],
)
def test_an_age_question_types_the_number_opening_the_answer(text: str, age: str) -> None:
    assert _answers(text) == [("AGE", age)]


def test_a_number_later_in_the_answer_or_after_another_question_is_no_age() -> None:
    assert _answers("P: How old are you?\nI: Old enough. I did 40 drops today.") == []
    assert _answers("P: How many drops a day?\nI: Forty, on a good day.") == []


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        ("P: Which app do you use?\nI: Mostly Zoomeat, sometimes Quikbite.", ["Zoomeat", "Quikbite"]),
        ("P: Pakai aplikasi apa, Kak?\nI: Biasanya pakai Antarin, kadang Kirimaja.", ["Antarin", "Kirimaja"]),
        ("P: Narik pakai aplikasi apa?\nI: Ngebut aja lah, Kak.", []),
    ],
)
def test_a_platform_question_types_unknown_names_of_the_answer_as_firms(text: str, orgs: list[str]) -> None:
    assert _answers(text) == [("ORG", org) for org in orgs]


# --- places listed together ------------------------------------------------------------------------------------


def _loc(text: str, place: str) -> Detection:
    start = text.index(place)
    return Detection(start, start + len(place), "LOCATION", 0.8, "location.gazetteer", place)


def test_unknown_names_listed_with_a_place_are_places_down_the_list() -> None:
    text = "I go to Lozells, Brinkhollow, down to Aston every night."
    found = [(d.type, d.text) for d in listed_places(text, [_loc(text, "Aston")])]
    assert found == [("LOCATION", "Brinkhollow"), ("LOCATION", "Lozells")]


def test_a_comma_that_lists_no_places_types_nothing() -> None:
    text = "My wife and kids are in Nongoma, Sbu is twelve."
    assert list(listed_places(text, [_loc(text, "Nongoma")])) == []
    apposed = "I see a physio in Aberystwyth, Sioned, she's brilliant."
    assert list(listed_places(apposed, [_loc(apposed, "Aberystwyth")])) == []


def test_a_first_name_or_a_people_is_not_listed_as_a_place() -> None:
    text = "He lives in Leyton and Tomasz chased him."
    assert list(listed_places(text, [_loc(text, "Leyton")])) == []
    peoples = "empat peserta (orang Lampung, Semendo, Jawa, dan Sunda)."
    assert list(listed_places(peoples, [_loc(peoples, "Lampung")])) == []


# --- persons by their role -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A kid nicked my phone. Winston from the garage got it back.", "Winston"),
        ("He pushed me. Lerato from the restaurant called security.", "Lerato"),
        ("Siapa yang bantu? Reno, teman satu pangkalan.", "Reno"),
        ("It was cancelled. Marites my co-rider saw it.", "Marites"),
        ("Adaeze gives water. Bayo in Ikoyi shouts.", "Bayo"),
        ("Most are fine. Norma tipped me twenty quid.", "Norma"),
    ],
)
def test_a_sentence_first_name_before_a_role_or_a_place_is_a_person(text: str, name: str) -> None:
    assert ("PERSON", name) in [(d.type, d.text) for d in role_persons(text)]


@pytest.mark.parametrize(
    "text",
    [
        "He's in Corby now.",
        "Staying in Taman Melati.",
        "Nobody from the shop came.",
        "Lagos in the rain is slow.",
        "Nanay calls me every Sunday.",
        "Someone tipped me twice.",
    ],
)
def test_ordinary_words_contractions_and_places_before_a_role_are_no_persons(text: str) -> None:
    assert list(role_persons(text)) == []


# --- routes, lists, who-answers, "he" later ------------------------------------------------------------------


def test_the_ends_of_a_route_are_places_but_not_days_or_a_message_between_people() -> None:
    found = [d.text for d in route_places("I was doing runs from Leith to Gorgie. We went from Lagos to Ibadan.")]
    assert found == ["Leith", "Gorgie", "Lagos", "Ibadan"]
    assert list(route_places("I work from Monday to Friday. A text from Dave to Sarah.")) == []


def test_a_list_with_a_listed_place_and_no_first_name_is_a_list_of_places() -> None:
    assert [d.text for d in route_places("Morley, Dianella and Malaga mostly.")] == ["Morley", "Dianella", "Malaga"]
    assert list(route_places("Tunde, Ama and Lagos.")) == []


def test_a_who_question_types_the_names_of_the_answer_as_persons() -> None:
    assert _answers("P: Who else rides with you?\nI: Thabo and Nomvula. They are fast.") == [
        ("PERSON", "Thabo"),
        ("PERSON", "Nomvula"),
    ]
    assert _answers("P: Who are the members?\nI: Half are Brazilian, from Anápolis and around Goiás.") == []


def test_an_unknown_first_word_with_he_later_is_a_person() -> None:
    assert [d.text for d in role_persons("Yes. Sizwe used to ride but he moved.")] == ["Sizwe"]
    assert list(role_persons("Yes. My son Tanvir, he is twenty four.")) == []


# --- nicknames -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Nobody calls me that, everybody say Pudding.", "Pudding"),
        ("Angelica Mae, Gelay for short.", "Gelay"),
        ("Back home the lads call me Chips.", "Chips"),
    ],
)
def test_a_nickname_after_a_naming_verb_is_a_person_even_as_an_ordinary_word(text: str, name: str) -> None:
    assert [(d.type, d.text) for d in nicknames(text)] == [("PERSON", name)]


def test_a_kin_word_before_a_nickname_and_a_pronoun_listed_with_a_name_are_no_names() -> None:
    assert [d.text for d in nicknames("The head, they call her Mammy Kadi.")] == []
    assert ("PERSON", "Me") not in _found("Me and Kwame went to the depot.")


# --- places by a type word -------------------------------------------------------------------------------------


def test_a_place_type_word_before_a_name_makes_a_place() -> None:
    text = "She was up by Lake Boudreaux, then Fort McMurray, then Cape Coast."
    assert [d.text for d in prefixed_places(text)] == ["Lake Boudreaux", "Fort McMurray", "Cape Coast"]


def test_a_firm_named_after_a_place_type_word_is_left_to_other_detectors() -> None:
    assert list(prefixed_places("She studied at Mount Kenya University.")) == []
    assert list(prefixed_places("A contractor from Bayou City Restoration came.")) == []


# --- day and month after "on" ----------------------------------------------------------------------------------


def test_a_day_and_month_after_on_is_a_date_but_not_always_or_a_fraction() -> None:
    dates = [
        d.text for d in find_more_dates("He reported me on 4/17. Tanggal 17/8 libur.") if d.detector == "date.pair"
    ]
    assert dates == ["4/17", "17/8"]
    assert not [d for d in find_more_dates("We're on 24/7 and on 1/2 pay.") if d.detector == "date.pair"]


# --- whole pipeline --------------------------------------------------------------------------------------------


def test_a_gig_rider_answer_end_to_end() -> None:
    text = (
        "P: Where do you ride?\nI: Out to Levenshulme and Burnage, sometimes Yennora.\n"
        "P: How old are you?\nI: Forty-one. Dave tipped me once."
    )
    found = _found(text)
    assert ("LOCATION", "Levenshulme") in found
    assert ("LOCATION", "Yennora") in found
    assert ("AGE", "Forty-one") in found


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "P: Where do you ride?",
                "P: How old are you?",
                "I: Mostly Yaba and Ogba.",
                "I: Twenty-three.",
                "\n",
                " Winston from the garage.",
                ", Lozells, down to Aston",
                "Lake Boudreaux",
                "on 4/17",
                "é",
                "  ",
            ]
        ),
        max_size=12,
    )
)
def test_every_new_span_is_its_text(parts: list[str]) -> None:
    text = "".join(parts)
    found = [*detect_answers(text), *role_persons(text), *prefixed_places(text)]
    found += list(listed_places(text, [d for d in found if d.type == "LOCATION"]))
    for det in found:
        assert text[det.start : det.end] == det.text
        assert 0 <= det.start < det.end <= len(text)


# --- the branch's own cases ------------------------------------------------------------------------------------


def test_the_tune_cases_keep_their_floor() -> None:
    docs = []
    for path in sorted((CASES / "tune").glob("*.json")):
        raw = json.loads(path.read_text(encoding="utf-8"))
        pii = tuple((p["start"], p["end"], p["type"]) for p in raw["pii"])
        docs.append(GoldDocument(raw["id"], raw["language"], raw["text"], pii))
    report = evaluate_documents(docs)
    assert report.overall.recall >= 0.93  # rules alone: 0.947 at the end of round eight
    assert report.overall.precision >= 0.9
