"""A name typed by its kind word, repeats typed alike, and catch-all guesses named as platforms
(makna.privacy.kindtypes; issue #11, branch deidtype1).

Every sentence here is invented for the test, and no name in it occurs in the open corpus splits (checked with
``grep -rwiF NAME tests/privacy/corpus/ ../shared/eval-corpus/dev/``, sealed splits left out).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from makna.privacy import detect
from makna.privacy.evaluate import evaluate
from makna.privacy.kindtypes import kind_of, type_by_kind_words
from makna.privacy.roletypes import type_by_role
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
        ("BPR Batang Ampalu", "ORG", "Batang Ampalu"),
        ("Balai Latihan Kerja Limau Kapeh", "ORG", "Kerja Limau Kapeh"),
        ("Travel Puncak Ambun Jaya", "ORG", "Puncak Ambun Jaya"),
        ("Bean Theory Café", "LOCATION", "Bean Theory"),
        ("Elmcroft Care Home", "ORG", "Elmcroft"),
        ("Quillmere Community Centre", "LOCATION", "Quillmere"),
        ("Harrowfield Town", "LOCATION", "Harrowfield"),
        ("Nine Oaks Bus Garage", "LOCATION", "Nine Oaks"),
        ("Adeyemo Motors Ltd", "ORG", "Adeyemo Motors"),
        ("hotel puti kambang", "LOCATION", "puti kambang"),
    ],
)
def test_a_decisive_kind_word_gives_the_type(name: str, kind: str, rest: str) -> None:
    assert kind_of(name) == (kind, rest)


@pytest.mark.parametrize("name", ["Rumah Makan Bundo", "Sanggar Kenanga Ungu", "Pepperwick Kitchen", "Padang", "Kos"])
def test_an_undecided_or_missing_kind_word_gives_none(name: str) -> None:
    assert kind_of(name) is None


def test_the_kind_word_beats_a_place_list_inside_the_name() -> None:
    text = "Adiaknyo pegawai BPR Batang Ampalu."
    found = [_det(text, "BPR Batang Ampalu", "LOCATION", "location.gazetteer")]
    assert [d.type for d in type_by_kind_words(text, "id", found)] == ["ORG"]


def test_a_repeat_without_its_kind_word_takes_the_type() -> None:
    text = "Di Kos Anggrek Saiyo. Urang Anggrek Saiyo ramah."
    found = [_det(text, "Kos Anggrek Saiyo", "LOCATION"), _det(text, "Anggrek Saiyo", "ORG", nth=1)]
    assert [d.type for d in type_by_kind_words(text, "id", found)] == ["LOCATION", "LOCATION"]


def test_a_kind_word_before_a_name_types_a_firm_or_place_but_never_a_person() -> None:
    text = "Di karaoke Bintang Bagurau. Bos di karaoke Ratna Wulandhari marah."
    found = [
        _det(text, "Bintang Bagurau", "ORG", "org.noun"),
        _det(text, "Ratna Wulandhari", "PERSON", "person.gazetteer"),
    ]
    assert [d.type for d in type_by_kind_words(text, "id", found)] == ["LOCATION", "PERSON"]


def test_a_repeat_takes_the_type_only_of_a_kind_word_inside_a_mention() -> None:
    text = "Di karaoke Bintang Bagurau. Urang Bintang Bagurau ramah."
    found = [_det(text, "Bintang Bagurau", "ORG", "org.noun"), _det(text, "Bintang Bagurau", "ORG", "org.noun", nth=1)]
    assert [d.type for d in type_by_kind_words(text, "id", found)] == ["LOCATION", "ORG"]


def test_a_one_word_person_after_a_kind_word_or_inside_a_shop_stays_a_person() -> None:
    text = "Ambo di kos Rina. Toko Budi tutuik, Budi pai."
    found = [
        _det(text, "Rina", "PERSON", "person.gazetteer"),
        _det(text, "Toko Budi", "ORG"),
        _det(text, "Budi", "PERSON", "person.gazetteer", nth=1),
    ]
    assert [d.type for d in type_by_kind_words(text, "id", found)] == ["PERSON", "ORG", "PERSON"]


def test_the_place_a_clinic_is_named_after_stays_a_place() -> None:
    text = "Perawat di Puskesmas Sirandah, turun di dermaga Sirandah."
    found = [_det(text, "Puskesmas Sirandah", "ORG"), _det(text, "Sirandah", "LOCATION", "location.cue", nth=1)]
    assert [d.type for d in type_by_kind_words(text, "id", found)] == ["ORG", "LOCATION"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I: Now I ride for Trundlr and, when it's dead, Farrowby. I pick the hours.", "Farrowby"),
        ("I: Mostly I ride for Trundlr and sometimes Velocado, I choose.", "Velocado"),
        ("I: To Quickbyte support, yes. Nothing happens.", "Quickbyte"),
    ],
)
def test_a_guess_listed_with_a_platform_or_named_with_an_app_word_is_an_org(text: str, name: str) -> None:
    assert (name, "ORG") in _types(text, "en")


def test_a_name_after_a_clause_of_its_own_is_not_listed_with_the_org() -> None:
    text = "I ride for Trundlr, she owns Palfrey Kitchen."
    found = [_det(text, "Trundlr", "ORG"), _det(text, "Palfrey", "PERSON", "unknown.capitalised")]
    assert [d.type for d in type_by_kind_words(text, "en", found)] == ["ORG", "PERSON"]


def test_the_tune_cases_keep_their_floor() -> None:
    report = evaluate(CASES / "tune")
    assert report.overall.recall >= 0.86, report.misses
    assert report.untyped.recall >= 0.9, report.misses


def test_a_firm_named_after_a_person_by_its_trade_word_is_an_org() -> None:
    text = "It's at Ekwueme's Auto on the corner."
    found = [_det(text, "Ekwueme's Auto", "PERSON", "person.gazetteer")]
    assert [d.type for d in type_by_kind_words(text, "en", found)] == ["ORG"]


@pytest.mark.parametrize(
    ("name", "kind"),
    [("Yusrizal Sutan Mangkuto", "PERSON"), ("Rumah Makan Sutan Mudo", "ORG"), ("Jalan Tuanku Imam", "LOCATION")],
)
def test_a_minang_title_inside_a_name_without_a_kind_word_makes_a_person(name: str, kind: str) -> None:
    text = f"Kecek nyo {name} tu baiak."
    found = [_det(text, name, "LOCATION" if name.startswith("Jalan") else "ORG", "org.noun")]
    assert [d.type for d in type_by_kind_words(text, "id", found)] == [kind]


PERSONS_NAMED_LIKE_FIRMS = (
    "I: Ask Daisy Fielding. She runs Daisy Fielding Salon now.\n"
    "I: My cousin Jordan Price works at Jordan Price Auto.\n"
    "I: Terus di kafe Andi Saputra datang. Andi Saputra itu teman saya."
)


def test_a_type_filtered_run_keeps_every_person() -> None:
    found = detect(PERSONS_NAMED_LIKE_FIRMS, language="en", types=["PERSON"])
    assert [d.text for d in found] == ["Daisy Fielding", "Jordan Price", "Andi Saputra", "Andi Saputra"]


@pytest.mark.parametrize(
    ("text", "language", "person", "firm"),
    [
        ("I: Saya kerja di Toko Budi Harsono. Budi Harsono orangnya baik.", "id", "Budi Harsono", "Toko Budi Harsono"),
        (
            "I: After that at the hotel Sarah Mitchell came over and Sarah Mitchell said hello.",
            "en",
            "Sarah Mitchell",
            "",
        ),
        (
            "I: I met Jordan Price at Jordan Price Auto. Jordan Price is my cousin.",
            "en",
            "Jordan Price",
            "Jordan Price Auto",
        ),
        ("I: My neighbour Grace Town helped.", "en", "Grace Town", ""),
    ],
)
def test_a_person_named_like_a_shop_or_a_place_stays_a_person(text: str, language: str, person: str, firm: str) -> None:
    types = _types(text, language)
    assert (person, "PERSON") in types and not {(person, "ORG"), (person, "LOCATION")} & set(types)
    if firm:
        assert (firm, "ORG") in types


def test_a_shop_named_after_its_owner_leaves_the_owner_a_person() -> None:
    text = "Saya tinggal di Kos Zulvandri. Zulvandri itu pemiliknya."
    found = [
        _det(text, "Kos Zulvandri", "LOCATION", "location.cue"),
        _det(text, "Zulvandri", "PERSON", "unknown.capitalised", nth=1),
    ]
    assert [d.type for d in type_by_kind_words(text, "id", found)] == ["LOCATION", "PERSON"]


def test_a_listed_place_keeps_its_type_after_a_kind_word_and_in_repeats() -> None:
    text = "I: Dulu kerja di toko Air Gelubi, rumah saya juga di Air Gelubi."
    assert _types(text, "id") == [("Air Gelubi", "LOCATION"), ("Air Gelubi", "LOCATION")]


@pytest.mark.parametrize(("kind", "detector"), [("LOCATION", "location.minang"), ("ORG", "org.noun")])
def test_a_place_with_a_title_word_inside_is_no_person(kind: str, detector: str) -> None:
    text = "Rumahnya di Koto Sutan Marapak, dakek pasa."
    found = [_det(text, "Koto Sutan Marapak", kind, detector)]
    assert [d.type for d in type_by_kind_words(text, "id", found)] == [kind]  # never a PERSON
    # after "Rumahnya di" (where someone lives) the role pass, next in the pipeline, makes it a LOCATION
    assert [d.type for d in type_by_role(text, type_by_kind_words(text, "id", found))] == ["LOCATION"]
