"""Typed recall on unseen text (branch gap17, #11): a firm named by "an app called", by a platform's word after
it ("told X support") or as a maker after a work phrase ("my job at Vauxhall", "kerja di Honda"); an age said "yrs
of age" or answering an age question after the name the answer gives first, with its hedge ("Dua puluh tujuh
tahun lebih", "Twenty-nine and three quarters"); the name someone uses on an app, whatever else the word is
("Di aplikasi saya pakai Teduh"); a public unit with its town ("Satpol PP Payakumbuh"); an eatery apposed to its
kind in a work clause; and what stays as it was (a person "called", a job at a place, a meal at an eatery).

Each sentence is invented for these tests, not a string of any corpus. ``gap17cases/tune`` holds the branch's own
cases (both languages, written before any change; a third of them was kept aside and scored only at the start and
the end, by aggregates).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from makna.privacy.detect import detect
from makna.privacy.evaluate import evaluate

CASES = Path(__file__).resolve().parent / "gap17cases"


def _typed(text: str, language: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for d in detect(text, language=language):
        out.setdefault(d.text, set()).add(d.type)
    return out


@pytest.mark.parametrize(
    ("text", "language", "name", "kind"),
    [
        ("Weekends I take shifts on an app called Carevine, families post jobs.", "en", "Carevine", "ORG"),
        ("Q: And Carevine?\nA: Weekends I use an app called Carevine. Carevine is different.", "en", "Carevine", "ORG"),
        ("The bike got stolen, so I told Pedlo support twice, nothing came back.", "en", "Pedlo", "ORG"),
        ("My cousin lends his Pedlo account to a lad from the next estate.", "en", "Pedlo", "ORG"),
        ("My job at Vauxhall ended in the spring, so I went on the apps.", "en", "Vauxhall", "ORG"),
        ("I used to work for Peugeot at the dealership, now I drive nights.", "en", "Peugeot", "ORG"),
        ("Saya kerja di Honda dua tahun, bagian gudang.", "id", "Honda", "ORG"),
        ("Warungnya tutup sesudah razia Satpol PP Payakumbuh bulan lalu.", "id", "Satpol PP Payakumbuh", "ORG"),
        (
            "Dulu kerja di rumah makan Minang, Rumah Makan Salero Kito, dua tahun.",
            "id",
            "Rumah Makan Salero Kito",
            "ORG",
        ),
        ("Di aplikasi saya pakai Teduh, biar orang merasa tenang.", "id", "Teduh", "PERSON"),
        ("Namo di aplikasi Karang. Karang tu karano ambo suko lauik.", "id", "Karang", "PERSON"),
        ("Di aplikasi ambo pakai nama Melur, bungo ketek putiah.", "id", "Melur", "PERSON"),
        ("Kawan nan maajaan aplikasi tu. Namo ambo di sinan Kuntum.", "id", "Kuntum", "PERSON"),
        ("My name on the app is Harbour, because I like the sea.", "en", "Harbour", "PERSON"),
        # what stays as it was: a person "called", a job at a place
        ("There's a guy called Marcus who runs the depot.", "en", "Marcus", "PERSON"),
        ("I had a job at Heathrow for years, cleaning.", "en", "Heathrow", "LOCATION"),
        ("Saya kerja di Padang dua tahun, bagian gudang.", "id", "Padang", "LOCATION"),
    ],
)
def test_a_name_is_typed_by_its_cue(text: str, language: str, name: str, kind: str) -> None:
    assert _typed(text, language).get(name) == {kind}


def test_every_mention_of_a_cued_name_takes_its_type() -> None:
    found = [d for d in detect("Namo di aplikasi Pandan. Pandan tu daun untuak kue.", language="id")]
    assert [(d.text, d.type) for d in found if d.text == "Pandan"] == [("Pandan", "PERSON"), ("Pandan", "PERSON")]
    org = detect("I told Pedlo support twice, and what I got from Pedlo was nothing.", language="en")
    assert {d.type for d in org if d.text == "Pedlo"} == {"ORG"}


@pytest.mark.parametrize(
    ("text", "language", "age"),
    [
        # the qualifiers after the unit belong to the age (span_edges): "of age", "jalan" (going on)
        ("My nephew is 19 yrs of age and looking for work.", "en", "19 yrs of age"),
        ("Adiak ambo, Rinaldi, sambilan taun jalan, tingga jo amak.", "id", "sambilan taun jalan"),
        (
            "I: Name and age?\nR: Tamsin Orchard. Twenty-nine and three quarters. Four years on the bikes.",
            "en",
            "Twenty-nine and three quarters",
        ),
        (
            "P: Nama lengkap dan umur?\nN: Yulinda Harahap, Kak. Dua puluh sembilan tahun lebih. Asal Sibolga.",
            "id",
            "Dua puluh sembilan tahun lebih",
        ),
        (
            "P: Umua barapo kini?\nN: Tigo puluah duo taun lewat saketek. Urang Solok.",
            "id",
            "Tigo puluah duo taun lewat saketek",
        ),
    ],
)
def test_an_age_is_found_with_its_hedge(text: str, language: str, age: str) -> None:
    assert [d.text for d in detect(text, language=language) if d.type == "AGE"][:1] == [age]


def test_only_the_first_number_of_an_age_answer_is_the_age() -> None:
    text = "I: Name and age?\nR: Tamsin Orchard. Thirty-one. Four years on the bikes, six days a week."
    assert [d.text for d in detect(text, language="en") if d.type == "AGE"] == ["Thirty-one"]


def test_no_app_name_without_its_cue() -> None:
    assert "PERSON" not in {d.type for d in detect("Saya pakai motor Honda ke pasar.", language="id")}
    eatery = _typed("Kami makan di rumah makan Padang, Rumah Makan Sederhana Baru, enak sekali.", "id")
    assert eatery.get("Rumah Makan Sederhana Baru") == {"LOCATION"}


def test_the_branch_cases_are_found_and_typed() -> None:
    report = evaluate(CASES / "tune")
    assert report.overall.recall >= 0.95
    assert report.untyped.recall >= 0.95
    assert report.per_type["ORG"].recall >= 0.9
    assert report.per_type["AGE"].recall >= 0.9


def test_a_sender_line_of_a_copied_channel_is_a_handle() -> None:
    text = (
        "sam.k.rides — 04/02/2025 19:07\nanyone else waiting at the hub?\n"
        "jo_on_two — 04/02/2025 19:09\nyeah twenty mins\n"
        "sam.k.rides — 04/02/2025 19:12\nok cheers\n"
    )
    handles = [d.text for d in detect(text, language="en") if d.type == "HANDLE"]
    assert handles.count("sam.k.rides") == 2


def test_an_identity_number_after_the_question_that_offers_it() -> None:
    found = detect("KTP ambo perlu? 1399 0245 6712 0003. Atau nomor HP se?", language="id")
    assert [d.text for d in found if d.type == "NATIONAL_ID"] == ["1399 0245 6712 0003"]
    phone = detect("KTP? Belum ado. HP ambo 0812 5550 4418 se.", language="id")
    assert [d.type for d in phone if d.text == "0812 5550 4418"] == ["PHONE"]
