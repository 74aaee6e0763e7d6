"""What surr24 left (issue #11, round twenty-five): a tie between two regions in a turn goes to the region named
nearest the place; a name that only heads towns of one country abroad (``Jurong``) votes for it; Taiwanese given
names of unknown gender are no longer spent at the fourth. Fictional names and places (``Zor...``, ``Graha ...``)."""

from __future__ import annotations

import pytest

from makna.privacy import Detection, KeyMapping, pseudonymise
from makna.privacy.foreign_names import abroad_gender, name_tradition
from makna.privacy.place_countries import abroad_towns, document_region, place_votes
from makna.privacy.regions import country_places


def _apply(text: str, items: list[tuple[str, str]], language: str, region: str = "35") -> list[str]:
    dets, pos = [], 0
    for kind, value in items:
        start = text.index(value, pos)
        dets.append(Detection(start, start + len(value), kind, 0.9, "t", value))
        pos = start + len(value)
    _new, reps = pseudonymise(
        text, dets, mode="surrogate", mapping=KeyMapping(secret="c3" * 32, region=region), language=language
    )
    return [r.replacement for r in reps]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("R: Saya dari Garut, kerja di Singapura. Majikan saya tinggal dekat Graha Melur.", "SG"),
        ("R: I'm from Garut but I work in Singapore. My employer lives near Graha Melur.", "SG"),
        ("R: Saya kerja di Singapura, tapi keluarga di Garut, dekat Graha Melur.", "32"),
        ("R: I work in Singapore, but my family lives in Garut, near Graha Melur.", "32"),
    ],
)
def test_a_tie_in_a_turn_goes_to_the_nearest_named_region(text: str, expected: str) -> None:
    places = [(text.index("Garut"), "Garut")]
    assert document_region(text, places, text.index("Graha")) == expected


@pytest.mark.parametrize("language", ["id", "en"])
def test_a_tie_places_the_surrogate(language: str) -> None:
    text = (
        "R: Saya dari Garut, kerja di Singapura. Majikan saya tinggal dekat Graha Melur."
        if language == "id"
        else "R: I'm from Garut but I work in Singapore. My employer lives near Graha Melur."
    )
    _garut, new = _apply(text, [("LOCATION", "Garut"), ("LOCATION", "Graha Melur")], language)
    assert "SG" in {c for c, _a in country_places(new)} or new in abroad_towns("SG"), new  # not of Jawa Timur


@pytest.mark.parametrize("head", ["Jurong", "jurong", "Yuen", "Tuen"])
def test_a_name_heading_towns_of_one_country_votes_for_it(head: str) -> None:
    assert len(place_votes(head)) == 1
    assert next(iter(place_votes(head))) in {"SG", "HK"}


@pytest.mark.parametrize("word", ["North", "Bukit", "Kampung", "Garden", "New"])
def test_a_head_of_several_countries_or_a_word_votes_for_none(word: str) -> None:
    assert len(place_votes(word)) != 1 or next(iter(place_votes(word))) not in {"SG", "HK"}


@pytest.mark.parametrize("language", ["id", "en"])
def test_jurong_alone_places_a_place_no_list_knows(language: str) -> None:
    text = (
        "R: Dulu saya kerja di Jurong. Sekarang dekat Graha Melur."
        if language == "id"
        else "R: I used to work in Jurong. Now I am near Graha Melur."
    )
    assert document_region(text, [(text.index("Jurong"), "Jurong")], text.index("Graha")) == "SG"


def test_taiwanese_names_of_unknown_gender_are_not_spent_at_the_fourth() -> None:
    from makna.privacy.foreign_names import _lists

    neutral = _lists()[("taiwanese", "given", "u")]
    assert len(neutral) >= 30
    # a neutral name is no listed name of one gender, and shows none
    assert all(abroad_gender(n, "taiwanese") is None for n in neutral)
    names = ["Chen Yu-Ting", "Lin Chia-Jung", "Wang Yu-Chen", "Tsai Yu-Ting"]
    text = " ".join(f"Saya kenal {n}." for n in names)
    reps = _apply(text, [("PERSON", n) for n in names], "id", region="TW")
    for rep in reps:
        family, given = rep.split()
        assert name_tradition([family, given], "TW") == "taiwanese", rep  # no compound, no invented name
        assert abroad_gender(given, "taiwanese") is None, rep
