"""Persons typed ORG or LOCATION, or missed, by kinds of speech (branch deidperson6 of round fourteen, #11):
ranks before surnames, families named by a plural surname, runs headed by a listed given name, persons and
codes of a header legend, words explained as names or as common nouns, chosen names in quotes, short forms.

Each case is a general shape written for these tests, not a string of any corpus.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from makna.privacy.detect import detect
from makna.privacy.evaluate import evaluate, load_gold
from makna.privacy.person_kinds import person_kinds
from makna.privacy.types import Detection

CASES = Path(__file__).resolve().parent / "deidperson6cases"


def persons(text: str, language: str = "en") -> list[str]:
    return [d.text for d in detect(text, language=language) if d.type == "PERSON"]


def typed(text: str, language: str = "en") -> dict[str, str]:
    return {d.text: d.type for d in detect(text, language=language)}


def test_a_rank_before_a_surname_is_outside_a_person_span() -> None:
    text = "I: An officer, DC Pemberton, rang me. Then Sgt Quarrie came round, and Insp Laidlow signed it."
    found = persons(text)
    assert {"Pemberton", "Quarrie", "Laidlow"} <= set(found)
    assert not any(f.startswith(("DC", "Sgt", "Insp")) for f in found)


def test_an_indonesian_rank_before_a_name() -> None:
    found = persons("I: Yang periksa Aipda Marbun, lalu Bripka Situmeang yang tulis laporan.", "id")
    assert {"Marbun", "Situmeang"} <= set(found)


def test_a_rank_like_abbreviation_before_a_place_or_firm_is_no_person() -> None:
    found = typed("I: Saya kuliah di DI Yogyakarta. He bought it from PC World in Washington DC.")
    assert found.get("Yogyakarta") != "PERSON"
    assert "World" not in found or found["World"] != "PERSON"


def test_the_rank_pass_retypes_an_org_span_over_rank_and_name() -> None:
    scan = "I: A detective, DC Ashcombe, took my statement."
    at = scan.index("DC")
    out = person_kinds(scan, [Detection(at, at + 11, "ORG", 0.6, "learned", "DC Ashcombe")])
    assert [(d.text, d.type) for d in out] == [("Ashcombe", "PERSON")]


def test_a_family_by_its_plural_surname() -> None:
    scan = "I: I lodged with a host family, the Thistlewoods, for a year."
    at = scan.index("the Thistle")
    out = person_kinds(scan, [Detection(at, at + 17, "LOCATION", 0.6, "learned", "the Thistlewoods")])
    assert [(d.text, d.type) for d in out] == [("Thistlewoods", "PERSON")]
    assert not [d for d in person_kinds("We went to the Netherlands and the Midlands.", []) if d.type == "PERSON"]


def test_a_location_run_headed_by_a_listed_given_name_is_a_person() -> None:
    scan = "I: My mate Kevin Bradford helped me."
    at = scan.index("Kevin")
    out = person_kinds(scan, [Detection(at, at + 14, "LOCATION", 0.6, "learned", "Kevin Bradford")])
    assert out[0].type == "PERSON"
    scan = "I: I live on Kevin Street in Bow."
    at = scan.index("Kevin")
    out = person_kinds(scan, [Detection(at, at + 12, "LOCATION", 0.6, "learned", "Kevin Street")])
    assert out[0].type == "LOCATION"


def test_a_header_legend_names_persons_and_defines_codes() -> None:
    text = (
        "Pw = pewawancara (Rahmi Yulistia), Inf = informan (Sesil).\n"
        "Pw: Sudah lama di Padang?\nInf: Sudah, Kak. Dari kecil."
    )
    found = typed(text, "id")
    assert found.get("Rahmi Yulistia") == "PERSON"
    assert found.get("Sesil") == "PERSON"
    assert "Pw" not in found and "Inf" not in found


def test_a_word_explained_as_a_name_and_one_explained_as_a_common_noun() -> None:
    text = "I: Kawanku, Cendana, nan ajak ambo. Cendana itu nama aslinyo, bukan kayu. Cendana kini di Solok."
    assert persons(text, "id").count("Cendana") == 3
    assert "Kawanku" not in persons(text, "id")
    text = "I: Datuk is what we call an old man back home. My Datuk lives in Penang."
    assert "Datuk" not in persons(text)


def test_a_chosen_name_in_quotes() -> None:
    text = 'P: What shall we call you?\nI: Call me "Sparrow" in the write-up. Sparrow is fine.'
    assert persons(text).count("Sparrow") == 2


def test_a_short_form_of_a_name_given_earlier() -> None:
    text = "I: My aunt, Wilhelmina Stroud, minds the kids. Mina picks them up and I pay Mina on Fridays."
    assert persons(text).count("Mina") == 2
    text = "I: Namonyo Yusnidar. Di rumah kami panggil Nidar. Nidar nan carikan kos."
    assert persons(text, "id").count("Nidar") >= 2


@settings(deadline=None, max_examples=10)
@given(st.sampled_from(["PC", "DS", "Sgt", "Capt", "Bripka", "Iptu", "Kompol"]), st.integers(0, 30))
def test_rank_spans_are_the_names(rank: str, pad: int) -> None:
    scan = " " * pad + f"I: Then {rank} Okonedo-Blythe came."
    out = person_kinds(scan, [])
    assert [(d.text, d.type) for d in out] == [("Okonedo-Blythe", "PERSON")]
    for d in out:
        assert scan[d.start : d.end] == d.text


def test_tune_cases_floor() -> None:
    """The open part of this branch's cases (tune/; sealed/ is scored by aggregates only)."""
    report = evaluate(CASES / "tune")
    assert len(load_gold(CASES / "tune")) == 12
    assert report.per_type["PERSON"].recall >= 0.95
    assert report.per_type["PERSON"].precision >= 0.95
    assert report.overall.recall >= 0.95
