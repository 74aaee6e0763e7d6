"""A name typed by its role in the sentence (makna.privacy.roletypes; issue #11, branch deidtype2).

Every sentence here is invented for the test, and no name in it occurs in the open corpus splits (checked with
``grep -rwF NAME`` over the open splits' folders and ``../shared/eval-corpus/dev/``), but for the sentences of
the deidtype2 review (fixtype2), kept word for word: common given names and words (``Budi``, ``Tendai``,
``Swift``), chosen by the reviewer, not from the corpus.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from makna.privacy import detect
from makna.privacy._text import cap_runs
from makna.privacy.catchall import detect_unknown
from makna.privacy.evaluate import evaluate, load_gold
from makna.privacy.roletypes import role_of, type_by_role
from makna.privacy.types import Detection

CASES = Path(__file__).resolve().parent / "deidtype2cases"


def _types(text: str, language: str = "en") -> list[tuple[str, str]]:
    return [(d.text, d.type) for d in detect(text, language=language)]


def _det(text: str, name: str, kind: str, detector: str = "unknown.capitalised") -> Detection:
    start = text.index(name)
    return Detection(start, start + len(name), kind, 0.5, detector, name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("P: And now?\nI: Now I have my own account on Quikly, it pays all right.", "Quikly"),
        ("I: I ride for Trundlebee mostly, sometimes Skeddle when it's dead.", "Skeddle"),
        ("I: First a warehouse, then Fastbite since 2021.", "Fastbite"),
        ("I: It was fine. Then Pellowick deactivated me without a word.", "Pellowick"),
        ("I: Now I drive for Trundlebee... no, sorry, Skeddle, the private hire one.", "Skeddle"),
    ],
)
def test_a_coined_platform_named_bare_is_an_org(text: str, name: str) -> None:
    assert (name, "ORG") in _types(text)


@pytest.mark.parametrize(
    ("text", "name", "language"),
    [
        ("I: A guy from Netherby, Tom, sold me the bike.", "Netherby", "en"),
        ("I: Grew up in Westmere, then moved down here.", "Westmere", "en"),
        ("Dani 21.04: udh di jalan, otw dr Galundi", "Galundi", "id"),
    ],
)
def test_a_place_of_origin_no_list_knows_is_a_location(text: str, name: str, language: str) -> None:
    assert (name, "LOCATION") in _types(text, language)


def test_a_venue_is_typed_by_its_role() -> None:
    stop = "I: Sopir tu acok singgah di Rumah Makan Palito Ameh, dakek simpang."
    assert ("Rumah Makan Palito Ameh", "LOCATION") in _types(stop, "id")
    setting = "Interview of 3 March 2025, upstairs at Dunmere Kitchen, recorded with consent.\nP: Thanks."
    assert ("Dunmere Kitchen", "LOCATION") in _types(setting)


@pytest.mark.xfail(strict=True, reason="round twenty-eight's retrain (970 transcripts) reads its article as an employer; the rules with round twenty-seven's model pass it")
def test_an_ordinary_word_before_of_is_no_employer() -> None:
    assert not [t for t in _types("I work for The Good of my family.") if t[1] == "ORG"]


def test_a_person_with_a_cue_keeps_the_type() -> None:
    text = "I: We stayed at my cousin Kestrelby's place."
    found = [_det(text, "Kestrelby", "PERSON", "person.en_kin_apposed")]
    assert [d.type for d in type_by_role(text, found)] == ["PERSON"]


def test_a_kind_word_outweighs_the_role() -> None:
    text = "Note: the group met at Wrenshaw College for the session."
    found = [_det(text, "Wrenshaw College", "ORG", "org.head")]
    assert [d.type for d in type_by_role(text, found)] == ["ORG"]
    assert role_of(text, found[0], "ORG") is None


def test_a_place_one_comes_from_after_a_work_word_stays_a_place() -> None:
    text = "I: Customers drive from Brantmoor sometimes."
    found = [_det(text, "Brantmoor", "LOCATION")]
    assert [d.type for d in type_by_role(text, found)] == ["LOCATION"]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["account on", "ride for", "live in", "stayed at", "worked at"]), st.text("abc ,.", max_size=12))
def test_retyping_keeps_every_span_and_its_offsets(cue: str, tail: str) -> None:
    text = f"I: My {cue} Quikly{tail} and Ashby."
    found = [_det(text, "Quikly", "PERSON"), _det(text, "Ashby", "LOCATION", "location.gazetteer")]
    out = type_by_role(text, found)
    assert [(d.start, d.end, d.text) for d in out] == [(d.start, d.end, d.text) for d in found]
    assert all(text[d.start : d.end] == d.text for d in out)
    assert {d.type for d in out} <= {"PERSON", "ORG", "LOCATION"}


def test_own_cases_tune_floor() -> None:
    report = evaluate(CASES / "tune")
    assert report.overall.recall >= 0.88, report.misses
    assert report.per_type["LOCATION"].recall >= 0.95, report.misses


def test_the_cases_are_built_from_their_sources() -> None:
    for src in sorted((CASES / "tune").glob("*.txt")):
        doc = json.loads(src.with_suffix(".json").read_text(encoding="utf-8"))
        assert doc["id"] == src.stem
    assert len(load_gold(CASES / "tune")) == 12


@pytest.mark.parametrize(
    ("text", "name", "detector"),
    [
        ("Uangnya ada di Budi. Budi bilang nanti dikembalikan.", "Budi", "person.gazetteer"),
        ("HP ketinggalan di Rina, jadi saya pinjam punya Rina.", "Rina", "person.gazetteer"),
        ("Saya duduk dekat Sinta waktu itu.", "Sinta", "person.gazetteer"),
        ("Saya titip anak di Yanti kalau kerja.", "Yanti", "person.gazetteer"),
        ("My money was in Kwabena's account.", "Kwabena", "person.en_possessive"),
        ("I was in Chidi's car when it happened.", "Chidi", "person.gazetteer"),
        ("We met at Siobhan's after work.", "Siobhan", "person.gazetteer"),
    ],
)
def test_a_person_a_person_detector_found_stays_a_person_after_a_place_word(
    text: str, name: str, detector: str
) -> None:
    found = [_det(text, name, "PERSON", detector)]
    assert [d.type for d in type_by_role(text, found)] == ["PERSON"]


def test_a_person_is_one_type_in_every_mention() -> None:
    # a type-filtered review (accept every PERSON, reject the rest) must not leave one mention in clear text
    assert _types("Uangnya ada di Budi. Budi bilang nanti dikembalikan.", "id") == [("Budi", "PERSON")] * 2


def test_a_guess_followed_by_s_stays_a_person() -> None:
    text = "I: I was in Quorvane's car that night."
    assert [d.type for d in type_by_role(text, [_det(text, "Quorvane", "PERSON")])] == ["PERSON"]
    place = "I: I was in Quorvane that night."
    assert [d.type for d in type_by_role(place, [_det(place, "Quorvane", "PERSON")])] == ["LOCATION"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("I: Usually Tendai drives me home.", ["Tendai"]),
        ("I: Mostly Themba, sometimes Kagiso, they cover my shifts.", ["Themba", "Kagiso"]),
        ("I: Then Tendai since the summer, he's a good friend.", ["Tendai"]),
    ],
)
def test_a_frame_of_names_in_turn_without_work_or_an_app_is_no_firm(text: str, names: list[str]) -> None:
    found = [_det(text, name, "PERSON") for name in names]
    assert [d.type for d in type_by_role(text, found)] == ["PERSON"] * len(names)


def test_a_name_after_a_firm_and_then_is_no_firm_when_it_starts_a_clause() -> None:
    text = "I: I worked for Trundlebee, then Tendai picked me up."
    found = [_det(text, "Trundlebee", "ORG", "org.work"), _det(text, "Tendai", "PERSON")]
    assert [d.type for d in type_by_role(text, found)] == ["ORG", "PERSON"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("I: Mostly Zapply, for the deliveries.", ["Zapply"]),
        ("I: Usually on Zapply, the app pays weekly.", ["Zapply"]),
        ("I: Then Drivo since 2021, the orders are steady.", ["Drivo"]),
    ],
)
def test_a_frame_of_apps_with_a_work_cue_is_a_firm(text: str, names: list[str]) -> None:
    found = [_det(text, name, "PERSON") for name in names]
    assert [d.type for d in type_by_role(text, found)] == ["ORG"] * len(names)


@pytest.mark.parametrize(
    ("text", "name", "language"),
    [
        ("I: I ride for Bird these days.", "Bird", "en"),
        ("I: I deliver for Fox now.", "Fox", "en"),
        ("I: Saya kerja di Swift sekarang.", "Swift", "id"),
        ("I: I work for Marsh of Ealing.", "Marsh", "en"),
    ],
)
def test_an_ordinary_word_after_a_work_phrase_goes_to_review(text: str, name: str, language: str) -> None:
    found = [(d.text, d.type, d.confidence) for d in detect_unknown(text, language, cap_runs(text))]
    assert [(t, k) for t, k, _ in found] == [(name, "ORG")]
    assert found[0][2] < 0.5  # below what "deid accept --all" takes by default: a person reviews it


def test_an_idiom_after_a_work_phrase_is_no_firm() -> None:
    text = "I: I work for The Good of my family."
    assert list(detect_unknown(text, "en", cap_runs(text))) == []
