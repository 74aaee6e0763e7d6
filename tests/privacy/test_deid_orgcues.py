"""Organisations by cues the earlier stages miss (makna.privacy.orgcues, issue #11 round nine).

Every sentence here is invented for the test; none comes from a corpus transcript.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from makna.privacy import detect
from makna.privacy._text import cap_runs
from makna.privacy.evaluate import evaluate_documents, load_gold
from makna.privacy.orgcues import apply_org_cues, cues_disabled, find_org_cues
from makna.privacy.types import Detection

CASES = Path(__file__).resolve().parent / "deidorg3cases"


def _types(text: str, language: str = "en") -> dict[str, str]:
    return {d.text: d.type for d in detect(text, language=language)}


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("I liked the job. Trellane let me go in June, no reason given.", "en", "Trellane"),
        ("Honestly, Brokwise deactivated me after one complaint.", "en", "Brokwise"),
        ("We got the van, rented it through Vantastico for a month.", "en", "Vantastico"),
        ("She does three nights a week for Quillmore and days at home.", "en", "Quillmore"),
        ("Narik ojol, Bang, buat Gerakmu tiap malam.", "id", "Gerakmu"),
        ("Dia sekarang kerja di Teguh Abadi Motor dekat pasar.", "id", "Teguh Abadi Motor"),
        ("Yang tagih itu dari ormas Barisan Pemuda Kelok, tiap minggu.", "id", "Barisan Pemuda Kelok"),
        ("Ambo ikut Arisan Sabana Saiyo tiap Kamis.", "id", "Arisan Sabana Saiyo"),
        ("Kami dijemput petugas Satpol PP Kota Sawahlunto tengah malam.", "id", "Satpol PP Kota Sawahlunto"),
        ("I did nights at the Marrowby Fulfilment depot last winter.", "en", "Marrowby Fulfilment"),
        ("Anaknya sekolah di MI Nurul Iman Kapalo Koto.", "id", "MI Nurul Iman Kapalo Koto"),
        ("Saya karajo di warung Sari Rasa Bundo tiap malam.", "id", "Sari Rasa Bundo"),
    ],
)
def test_cues_make_an_org(text: str, language: str, name: str) -> None:
    got = [d for d in detect(text, language=language) if d.type == "ORG"]
    assert any(d.start <= text.index(name) and text.index(name) + len(name) <= d.end for d in got), got


def test_a_business_place_is_the_employer_only_where_someone_works() -> None:
    worked = "Dulu ambo pindah ka Kedai Teh Anggrek Biru, jadi kasir dua tahun."
    assert _types(worked, "id").get("Kedai Teh Anggrek Biru") == "ORG"
    met = "Kami biasa duduk di Kedai Teh Anggrek Biru sore-sore."
    assert _types(met, "id").get("Kedai Teh Anggrek Biru") != "ORG"
    venue = "Dulu dia kerja di karaoke Bulan Sabit Merah, jadi pemandu lagu."
    with cues_disabled():
        before = _types(venue, "id")
    assert _types(venue, "id") == before  # a venue stays what the earlier stages made it


def test_lower_case_chat_line_after_a_work_phrase() -> None:
    text = "[01/02/24 20.11] Informan: skrg aku kerja di laundry sumber wangi kak, masuk jam 8"
    got = [d for d in detect(text, language="id") if d.type == "ORG"]
    assert [d.text for d in got] == ["sumber wangi"]
    assert got[0].confidence < 0.8  # for review
    assert not [d for d in detect("aku kerja di toko baju dekat pasar", language="id") if d.type == "ORG"]


@pytest.mark.parametrize(
    "text",
    [
        "Sarah let me go in the end, she was the manager.",
        "The council let me go after the review.",
        "Malam itu Satpol PP datang, polisi juga ada.",
        "I was waiting two months for the Jobcentre to call back.",
        "It cost RM 50 at the shop.",
        "We met at the Tottenham depot by the gate.",
        "I TOLD HIM MI MONEY GONE, MI FATHER SAY WAIT.",
        "SAYA KERJA DI TOKO PUPUK KELUARGA DI PASAR, JAGA KASIR.",
    ],
)
def test_no_org_without_a_firm(text: str) -> None:
    with cues_disabled():
        before = {(d.start, d.end, d.type) for d in detect(text, language="en")}
    after = {(d.start, d.end, d.type) for d in detect(text, language="en")}
    assert not {k for k in after - before if k[2] == "ORG"}


def test_names_by_honorific_are_not_retyped() -> None:
    text = "Dipecat sama Pak Rusdi, bosnyo."
    got = [Detection(text.index("Rusdi"), text.index("Rusdi") + 5, "PERSON", 0.9, "person.honorific", "Rusdi")]
    assert apply_org_cues(text, got, cap_runs(text)) == got


def test_other_mentions_follow_and_the_pass_can_be_switched_off() -> None:
    text = "Then Pellaway took me on. Pellaway pays weekly, Pellaway is fine."
    orgs = [d for d in detect(text, language="en") if d.text == "Pellaway"]
    assert len(orgs) == 3 and all(d.type == "ORG" for d in orgs)
    with cues_disabled():
        assert not [d for d in detect(text, language="en") if d.type == "ORG" and d.detector.startswith("org.subj")]


_PIECES = st.sampled_from(
    [
        "Trellane let me go. ",
        "rented it through Vantastico ",
        "kerja di Teguh Abadi Motor, ",
        "Arisan Sabana Saiyo ",
        "Satpol PP Kota Sawahlunto ",
        "pindah ka Kedai Anggrek, jadi kasir. ",
        "kerja di laundry sumber wangi\n",
        "RM Sedap Rasa ",
        "Bu Ani ",
        "the Marrowby depot ",
        "😊 ",
        "x",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_PIECES, max_size=8))
def test_offsets_and_no_overlaps(pieces: list[str]) -> None:
    text = "".join(pieces)
    found = apply_org_cues(text, [], cap_runs(text))
    for d in found:
        assert text[d.start : d.end] == d.text
        assert 0 < d.confidence <= 1
    for a, b in zip(found, found[1:], strict=False):
        assert a.end <= b.start
    for d in find_org_cues(text, cap_runs(text)):
        assert text[d.start : d.end] == d.text


def test_tune_cases_floor() -> None:
    """The open (tune) part of the branch's own cases (ORG recall 0.632 before this pass, 1.0 with it), less a
    margin; the sealed part is scored only by ``makna deid evaluate`` (benchmarks/results/deidorg3.md)."""
    rep = evaluate_documents(load_gold(CASES / "tune"), lambda text, lang: detect(text, language=lang))
    org = rep.per_type["ORG"]
    assert org.recall >= 0.9
    assert org.precision >= 0.95
