"""Organisations by who works there, by a business name's shape in lower case, and by the same name elsewhere
(makna.privacy.orgshapes, issue #11 round ten).

Every sentence here is invented for the test; none comes from a corpus transcript.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from makna.privacy import detect
from makna.privacy.evaluate import evaluate_documents, load_gold
from makna.privacy.orgshapes import BUSINESS_WORDS, find_shaped_orgs, same_name_orgs
from makna.privacy.types import Detection

CASES = Path(__file__).resolve().parent / "deidorg4cases"


def _types(text: str, language: str = "en") -> dict[str, str]:
    return {d.text: d.type for d in detect(text, language=language)}


@pytest.mark.parametrize(
    ("text", "language", "name", "kind"),
    [
        (
            "I was a cashier at Brindlewood Fresh Market in the town for six years.",
            "en",
            "Brindlewood Fresh Market",
            "ORG",
        ),
        ("Before that? Barista at Copperleaf Roasters, near the station.", "en", "Copperleaf Roasters", "ORG"),
        ("Motorcycle rider for Zoomvo, food and parcels.", "en", "Zoomvo", "ORG"),
        ("My sister does accounts for Tallis & Pryce now.", "en", "Tallis & Pryce", "ORG"),
        ("He does parcels for Quirrel from the depot.", "en", "Quirrel", "ORG"),
        ("My mum does nights at a care home, Rowanlea, up the hill.", "en", "Rowanlea", "ORG"),
        ("Mostly Zipko. I used to do Grabbly as well.", "en", "Grabbly", "ORG"),
        ("Suami sopir travel di Sago Ekspres Mandiri, tiap hari ke kota.", "id", "Sago Ekspres Mandiri", "ORG"),
        ("Adiknya kasir di Apotek Sehat Sentosa dekat simpang.", "id", "Apotek Sehat Sentosa", "ORG"),
    ],
)
def test_work_cues_find_employers(text: str, language: str, name: str, kind: str) -> None:
    assert _types(text, language).get(name) == kind


@pytest.mark.parametrize(
    ("text", "language", "name", "kind"),
    [
        ("[02/06/24 19.40] Informan: td aku antar baju ke laundry wangi bersih kak", "id", "wangi bersih", "ORG"),
        ("[02/06/24 19.41] Informan: kawan aku tinggal di wisma anggrek biru", "id", "anggrek biru", "LOCATION"),
        ("aku jaga toko sumber rezeki tiap pagi", "id", "sumber rezeki", "ORG"),
    ],
)
def test_lower_case_business_names(text: str, language: str, name: str, kind: str) -> None:
    assert _types(text, language).get(name) == kind


@pytest.mark.parametrize(
    ("text", "language", "absent"),
    [
        ("I: Nginap di hotel bintang lima, mahal sekali.", "id", "bintang lima"),
        ("aku kerja di toko baju murah dekat pasar", "id", "baju murah"),
        ("kami tinggal di kos putri dekat kampus", "id", "putri"),
        ("email koperasi sarigading.koperasi@example.net", "id", "sarigading"),
        ("The manager at the Crestvale Hotel was fair.", "en", "Crestvale Hotel"),
        ("I was mostly on WhatsApp with her.", "en", "WhatsApp"),
    ],
)
def test_not_an_employer(text: str, language: str, absent: str) -> None:
    assert _types(text, language).get(absent) != "ORG"


def test_a_person_cared_for_is_no_employer() -> None:
    assert find_shaped_orgs("I'm a carer for Margaret Okonkwo three days a week.") == []


def test_a_lower_case_name_needs_a_lower_case_line() -> None:
    assert not [d for d in find_shaped_orgs("I: Ketemu di wisma melati indah.") if d.type == "LOCATION"]
    assert [d.text for d in find_shaped_orgs("td ketemu di wisma melati")] == ["melati"]
    assert [d.text for d in find_shaped_orgs("Sudah.\nkos ngekos di kos anggrek putih dkt kampus")] == ["anggrek putih"]


def test_business_words_are_lower_case_words() -> None:
    assert all(w.isalpha() and w == w.lower() for w in BUSINESS_WORDS)


def test_same_name_without_its_kind_word() -> None:
    text = "Dulu kerja di Toko Sinar Makmur Jaya. Di Sinar Makmur Jaya itu tigo tahun."
    found = [
        Detection(14, 36, "ORG", 0.9, "org.cue", "Toko Sinar Makmur Jaya"),
        Detection(41, 58, "LOCATION", 0.5, "location.gazetteer", "Sinar Makmur Jaya"),
    ]
    out = same_name_orgs(text, found)
    assert [(d.text, d.type) for d in out] == [("Toko Sinar Makmur Jaya", "ORG"), ("Sinar Makmur Jaya", "ORG")]


def test_same_name_replaces_a_partial_guess_and_keeps_a_sure_one() -> None:
    text = "She cleans for Sparkwell Bright. It's fine. Sparkwell Bright pay weekly. Ask Sparkwell Bright."
    found = [
        Detection(15, 31, "ORG", 0.9, "org.work", "Sparkwell Bright"),
        Detection(54, 60, "PERSON", 0.15, "unknown.capitalised", "Bright"),
        Detection(77, 93, "PERSON", 0.95, "person.intro", "Sparkwell Bright"),
    ]
    out = same_name_orgs(text, found)
    assert [(d.start, d.type) for d in out] == [(15, "ORG"), (44, "ORG"), (77, "PERSON")]


def test_same_name_leaves_a_place_and_a_first_name() -> None:
    text = "Kerja di Apotek Siteba, tinggal di Siteba juga."
    found = [
        Detection(9, 22, "ORG", 0.9, "org.cue", "Apotek Siteba"),
        Detection(35, 41, "LOCATION", 0.6, "location.gazetteer", "Siteba"),
    ]
    assert same_name_orgs(text, found) == found


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet="abcdeghijklmnoprstuwy kosmelatijayawisma,.\nPT", max_size=120))
def test_spans_are_exact(text: str) -> None:
    for d in find_shaped_orgs(text):
        assert 0 <= d.start < d.end <= len(text)
        assert text[d.start : d.end] == d.text


def test_tune_cases_floor() -> None:
    rep = evaluate_documents(load_gold(CASES / "tune"), lambda text, lang: detect(text, language=lang))
    # 0.94 when written; 0.939 after round twelve's retraining (one case); 0.918 since round eighteen, where a hotel
    # named as a workplace ("Housekeeping at the X Hotel") is an ORG (gap18: the newer open splits mark it so; these
    # cases, older, mark it LOCATION)
    assert rep.overall.recall >= 0.91
    assert rep.per_type["ORG"].recall >= 0.96
    assert rep.per_type["ORG"].precision >= 0.84  # 0.844 since round eighteen: the same two hotel mentions


def test_cases_are_built() -> None:
    for part in ("tune", "sealed"):
        for path in sorted((CASES / part).glob("*.json")):
            doc = json.loads(path.read_text(encoding="utf-8"))
            assert doc["text"] and doc["pii"]
