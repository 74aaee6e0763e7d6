"""A name typed by its kind word, repeats typed alike, and catch-all guesses named as platforms
(makna.privacy.kindtypes; issue #11, branch deidtype1).

Every sentence here is invented for the test; none comes from a corpus transcript.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from makna.privacy import detect
from makna.privacy.evaluate import evaluate
from makna.privacy.kindtypes import kind_of, type_by_kind_words
from makna.privacy.types import Detection

CASES = Path(__file__).resolve().parent / "deidtype1cases"


def _types(text: str, language: str) -> list[tuple[str, str]]:
    return [(d.text, d.type) for d in detect(text, language=language)]


def _det(text: str, name: str, kind: str, detector: str = "test", nth: int = 0) -> Detection:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Detection(start, start + len(name), kind, 0.7, detector, name)


@pytest.mark.parametrize(
    ("name", "kind", "rest"),
    [
        ("Kos Anggrek Saiyo", "LOCATION", "Anggrek Saiyo"),
        ("BPR Lubuk Kilangan", "ORG", "Lubuk Kilangan"),
        ("Balai Latihan Kerja Sungai Sapih", "ORG", "Kerja Sungai Sapih"),
        ("Travel Singgalang Jaya", "ORG", "Singgalang Jaya"),
        ("Bean Theory Café", "LOCATION", "Bean Theory"),
        ("Elmcroft Care Home", "ORG", "Elmcroft"),
        ("Marden Community Centre", "LOCATION", "Marden"),
        ("Braunstone Town", "LOCATION", "Braunstone"),
        ("Seven Sisters Bus Garage", "LOCATION", "Seven Sisters"),
        ("Okafor Motors Ltd", "ORG", "Okafor Motors"),
        ("hotel puti bungsu", "LOCATION", "puti bungsu"),
    ],
)
def test_a_decisive_kind_word_gives_the_type(name: str, kind: str, rest: str) -> None:
    assert kind_of(name) == (kind, rest)


@pytest.mark.parametrize("name", ["Rumah Makan Bundo", "Sanggar Mawar", "Spice Lane Kitchen", "Padang", "Kos"])
def test_an_undecided_or_missing_kind_word_gives_none(name: str) -> None:
    assert kind_of(name) is None


def test_the_kind_word_beats_a_place_list_inside_the_name() -> None:
    text = "Adiaknyo pegawai BPR Lubuk Kilangan."
    found = [_det(text, "BPR Lubuk Kilangan", "LOCATION", "location.gazetteer")]
    assert [d.type for d in type_by_kind_words(text, "id", found)] == ["ORG"]


def test_a_repeat_without_its_kind_word_takes_the_type() -> None:
    text = "Di Kos Anggrek Saiyo. Urang Anggrek Saiyo ramah."
    found = [_det(text, "Kos Anggrek Saiyo", "LOCATION"), _det(text, "Anggrek Saiyo", "ORG", nth=1)]
    assert [d.type for d in type_by_kind_words(text, "id", found)] == ["LOCATION", "LOCATION"]


def test_a_kind_word_before_the_name_types_it_and_its_repeat() -> None:
    text = "Di karaoke Bintang Bagurau. Bos Bintang Bagurau marah."
    found = [_det(text, "Bintang Bagurau", "PERSON"), _det(text, "Bintang Bagurau", "PERSON", nth=1)]
    assert [d.type for d in type_by_kind_words(text, "id", found)] == ["LOCATION", "LOCATION"]


def test_a_one_word_person_after_a_kind_word_or_inside_a_shop_stays_a_person() -> None:
    text = "Ambo di kos Rina. Toko Budi tutuik, Budi pai."
    found = [
        _det(text, "Rina", "PERSON", "person.gazetteer"),
        _det(text, "Toko Budi", "ORG"),
        _det(text, "Budi", "PERSON", "person.gazetteer", nth=1),
    ]
    assert [d.type for d in type_by_kind_words(text, "id", found)] == ["PERSON", "ORG", "PERSON"]


def test_the_place_a_clinic_is_named_after_stays_a_place() -> None:
    text = "Perawat di Puskesmas Lapai, turun di dermaga Lapai."
    found = [_det(text, "Puskesmas Lapai", "ORG"), _det(text, "Lapai", "LOCATION", "location.cue", nth=1)]
    assert [d.type for d in type_by_kind_words(text, "id", found)] == ["ORG", "LOCATION"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I: Now I ride for Scoota and, when it's dead, Dashfox. I pick the hours.", "Dashfox"),
        ("I: Mostly I ride for Scoota and sometimes Zippio, I choose.", "Zippio"),
        ("I: To Quickbyte support, yes. Nothing happens.", "Quickbyte"),
    ],
)
def test_a_guess_listed_with_a_platform_or_named_with_an_app_word_is_an_org(text: str, name: str) -> None:
    assert (name, "ORG") in _types(text, "en")


def test_a_name_after_a_clause_of_its_own_is_not_listed_with_the_org() -> None:
    text = "I ride for Scoota, she owns Palfrey Kitchen."
    found = [_det(text, "Scoota", "ORG"), _det(text, "Palfrey", "PERSON", "unknown.capitalised")]
    assert [d.type for d in type_by_kind_words(text, "en", found)] == ["ORG", "PERSON"]


def test_the_tune_cases_keep_their_floor() -> None:
    report = evaluate(CASES / "tune")
    assert report.overall.recall >= 0.86, report.misses
    assert report.untyped.recall >= 0.9, report.misses


def test_a_firm_named_after_a_person_by_its_trade_word_is_an_org() -> None:
    text = "It's at Obinna's Auto on the corner."
    found = [_det(text, "Obinna's Auto", "PERSON", "person.gazetteer")]
    assert [d.type for d in type_by_kind_words(text, "en", found)] == ["ORG"]


@pytest.mark.parametrize(
    ("name", "kind"),
    [("Yusrizal Sutan Mangkuto", "PERSON"), ("Rumah Makan Sutan Mudo", "ORG"), ("Jalan Tuanku Imam", "LOCATION")],
)
def test_a_minang_title_inside_a_name_without_a_kind_word_makes_a_person(name: str, kind: str) -> None:
    text = f"Kecek nyo {name} tu baiak."
    found = [_det(text, name, "LOCATION" if name.startswith("Jalan") else "ORG", "org.noun")]
    assert [d.type for d in type_by_kind_words(text, "id", found)] == [kind]
