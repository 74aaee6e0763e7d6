"""Identity numbers and flight numbers, round twenty-six (struct26, issue #11): an identity number whose document
word is a clause, a sentence or a turn before it (the nearest cue decides, ``id_reach``), an amount in an identity
number's shape that stays an amount, and a flight number (an airline's designator and digits, cued by flying)
that the plate check and the handle rule leave. The open case table of ``tests/privacy/struct26cases`` (`` / ``
is a turn's line break) and one test per class, in both languages, with the look-alikes that must stay undetected.

The sealed third is scored only in aggregate, by ``benchmarks/deid_struct_cases.py --table struct26cases
--breaks --whole --sealed``.
"""

from __future__ import annotations

import pytest
from case_tables import TABLE as _TABLE
from case_tables import open_cases

from makna.privacy import detect
from makna.privacy.flight_numbers import is_flight_number
from makna.privacy.id_reach import find_ids_with_reach
from makna.privacy.learned_checks import validated

_FOLDER = _TABLE.CASES.parent / "struct26cases"

_KNOWN: frozenset[str] = frozenset(
    {
        "Int: Your NIN for the bank account form?\nResp: Yes, I have it in my phone notes, one second, "
        "[[41827735102]].",
    }
)
"""Open cases this round leaves failing (strict expected failures, so a fix shows): a number whose nearest cue
is a telephone's word (``in my phone notes``): the nearest cue decides, and here it names where the number is
kept, not what it is."""


@open_cases("struct26cases", _KNOWN)
def test_open_case(case: _TABLE.Case) -> None:
    problems = _TABLE.check(case, rules_only=True, whole=True)
    assert problems == [], problems


def test_tables_are_disjoint() -> None:
    assert _TABLE.split_ok(_FOLDER)


def _ids(text: str, language: str = "en") -> list[str]:
    return [d.text for d in detect(text, language=language) if d.type == "NATIONAL_ID"]


def _reach(text: str) -> list[str]:
    return [d.text for d in find_ids_with_reach(text)]


@pytest.mark.parametrize(
    ("text", "language", "number"),
    [
        (
            "They asked for my SIN at the clinic, and I had to dig out the old card from the drawer before I "
            "could read it off, 472-913-608.",
            "en",
            "472-913-608",
        ),
        ("It wanted my social insurance number. 058 713 264. I wrote it on the form.", "en", "058 713 264"),
        ("Q: And the TFN?\nA: Hang on, it's on a letter. Here, 382 716 504.", "en", "382 716 504"),
        ("My PPS number is on the medical card. The receptionist read it back to me, 8812473TA.", "en", "8812473TA"),
        (
            "Petugas minta NIK saya, terus saya baca pelan-pelan dari fotokopi yang sudah lecek itu, "
            "3273 0412 8805 0007.",
            "id",
            "3273 0412 8805 0007",
        ),
        (
            "P: NIK-nya, Bu?\nI: Sebentar saya cari dulu di lemari. Ini, 7371 0462 0891 0003.",
            "id",
            "7371 0462 0891 0003",
        ),
    ],
)
def test_an_identity_number_its_word_a_clause_sentence_or_turn_before(text: str, language: str, number: str) -> None:
    assert number in _reach(text)
    assert number in _ids(text, language)


@pytest.mark.parametrize(
    "text",
    [
        "My SIN card is in the drawer. Then I rang the office on 0345 600 0643 and waited.",
        "KTP saya hilang. Lalu saya transfer 1.250.000 ke koperasi.",
        "The NI letter came. Then the order came through, order number 482 115 307, for the printer.",
        "NIK saya sudah dicatat, lalu nomor HP saya 0812 4417 2290 untuk dihubungi.",
        "My SSN was on the form, and then the fee, 2147580 dollars, came as a shock.",
        "Paspor saya sudah jadi tanggal 12-03-2024, tinggal diambil.",
        "The passport office is open. We flew QF 81 to Singapore, it took 7 hours 45 minutes.",
        "KTP sudah difotokopi. Kamar saya nomor 3127, lantai tiga.",
        "PASPOR SAYA DIPEGANG AGEN.\nTANGGAL: KAM, 9 OKT 2025 08.30",
        "My passport was in the drawer. If the pump breaks he rings me on 0412 880 319 and I go.",
        "The SIN form was done. My case worker, Ms Tran, 604-555-0182, was kind.",
        "Soal KTP nanti saja. Tanya Bu Ratna (paralegal, 0361 555 714) dulu.",
        "The NIN slip is at home. His old line was 0772 555 318, now he has another.",
    ],
)
def test_numbers_of_other_things_after_an_identity_word_stay(text: str) -> None:
    assert _reach(text) == []


def test_an_amount_in_an_identity_numbers_shape_stays_an_amount() -> None:
    text = "I gave them my SSN and then they told me the fee, 214-75-8000 dollars in total."
    assert _ids(text) == []
    assert _ids("I gave them my SSN, 214-75-8000, and then they told me the fee.") == ["214-75-8000"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("We took flight GA 402 from Jakarta, it was delayed two hours.", "GA 402"),
        ("Mum always flies EK 433 because the seats are wider.", "EK 433"),
        ("Our connecting flight, SQ 232, left at midnight.", "SQ 232"),
        ("Kami naik pesawat GA 404 ke Makassar, transit dulu di Surabaya.", "GA 404"),
        ("Penerbangannya JT 610, berangkat pagi sekali.", "JT 610"),
        ("Waktu pulang kampung saya terbang pakai QZ 7510, murah tapi sering telat.", "QZ 7510"),
        ("The budget airline, U2 8121, was the cheapest way home.", "U2 8121"),
        ("Kami berangkat dengan SJ 182 jam 07.30, pesawatnya kecil.", "SJ 182"),
    ],
)
def test_a_flight_number_is_no_plate(text: str, code: str) -> None:
    start = text.index(code)
    assert is_flight_number(text, start, start + len(code))
    assert not validated(text, start, start + len(code), "PLATE")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("We flew back on a Tuesday, and my cousin picked us up in his van, KTX 4412, right outside.", "KTX 4412"),
        ("Motor saya plat AB 4417, saya parkir di bandara waktu terbang ke Batam.", "AB 4417"),
        ("The plate was KT 4412, the car from the airport.", "KT 4412"),
        ("Mobilnya B 2871 TOK, dari bandara langsung ke rumah.", "B 2871 TOK"),
        ("We flew home, and my cousin picked us up in his van, KT 4412, outside.", "KT 4412"),
        ("Mobilnya B 2871 dengan AB 4417 di bandara, dua-duanya sewaan.", "AB 4417"),
    ],
)
def test_a_plate_near_flying_stays_a_plate(text: str, code: str) -> None:
    start = text.index(code)
    assert not is_flight_number(text, start, start + len(code))


def test_a_flight_number_is_no_user_id() -> None:
    text = "Nomor penerbangan saya ID 6570, tapi akhirnya dibatalkan karena cuaca."
    assert [d.text for d in detect(text, language="id") if d.type == "HANDLE"] == []
    assert [d.text for d in detect("ID LINE saya kiki_88 ya.", language="id") if d.type == "HANDLE"] == ["kiki_88"]
