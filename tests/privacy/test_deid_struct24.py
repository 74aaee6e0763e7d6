"""Structured identifiers and whole addresses, round twenty-four (struct24, issue #11): an address's parts joined
across a province's code, a district's number, an unmarked town or a place name's particle, its house number taken
back; a telephone number said in words with its calling word a line or a turn before; identity documents' numbers
by their specified shape. The open case table of ``tests/privacy/struct24cases`` (`` / `` is a turn's line break)
and one test per class, in both languages, with the look-alikes that must stay undetected.

The sealed third is scored only in aggregate, by ``benchmarks/deid_struct_cases.py --table struct24cases
--breaks --whole --sealed``.
"""

from __future__ import annotations

import pytest
from case_tables import TABLE as _TABLE
from case_tables import open_cases

from makna.privacy import detect
from makna.privacy.document_shapes import find_document_shapes
from makna.privacy.phone_reach import find_spoken_with_reach

_FOLDER = _TABLE.CASES.parent / "struct24cases"

_KNOWN: frozenset[str] = frozenset(
    {
        "Resp: Rumahnya di [[Jl. Mawar No. 12, Sukamaju, Cibinong]], dekat masjid.",
        "Resp: The shop is at [[14 Jalan Bunga Raya, Taman Melati, Kuala Lumpur]], upstairs.",
        "Resp: Alamat saya [[Jalan Teuku Umar No. 5, Kelurahan Air Tawar, Padang]].",
        "Resp: Kos saya di [[Gang Kenari No. 7, Kampung Baru, Medan]], kamar paling belakang.",
    }
)
"""Open cases this round leaves failing (strict expected failures, so a fix shows): a street, a neighbourhood and
a town the detectors typed as places. The open sets mark a town after a street apart as often as with it (137
gold places right after a gold address), so joining places into an address is left to the annotators' decision.
Since round twenty-five (loc25, :mod:`makna.privacy.address_units`) an Indonesian administrative unit after an
address and the places after it are LOCATIONs, as the corpus README and every set written since round twenty-four
mark them: the two cases that joined them are expected to fail. Round twenty-seven's retrain (924 transcripts)
read "Transfer Rp 350" as an organisation's head typed ADDRESS; round twenty-eight's (970) leaves it again."""


@open_cases("struct24cases", _KNOWN)
def test_open_case(case: _TABLE.Case) -> None:
    problems = _TABLE.check(case, rules_only=True, whole=True)
    assert problems == [], problems


def test_tables_are_disjoint() -> None:
    assert _TABLE.split_ok(_FOLDER)


def _addresses(text: str, language: str = "en") -> list[str]:
    return [d.text for d in detect(text, language=language) if d.type == "ADDRESS"]


@pytest.mark.parametrize(
    ("text", "language", "whole"),
    [
        ("I live at 47 Kestrel Bay, Winnipeg, MB R2V 3K7 with my aunt.", "en", "47 Kestrel Bay, Winnipeg, MB R2V 3K7"),
        pytest.param(
            "We rent 27 Wainui Road, Kaiti, Gisborne 4010.",
            "en",
            "27 Wainui Road, Kaiti, Gisborne 4010",
            marks=pytest.mark.xfail(strict=True, reason="round twenty-seven's retrain cuts it (the rules with round "
                                    "twenty-six's model find it whole)"),
        ),
        (
            "Apartment 6, Kilcronan Court, Dublin 22, D22 V9P3 was hers.",
            "en",
            "Apartment 6, Kilcronan Court, Dublin 22, D22 V9P3",
        ),
        ("Saya tinggal di 45 Jalan Kenanga, dekat pasar.", "id", "45 Jalan Kenanga"),
        ("Dulu kos di Jalan Melur 12, belakang sekolah.", "id", "Jalan Melur 12"),
    ],
)
def test_address_found_whole(text: str, language: str, whole: str) -> None:
    assert whole in _addresses(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("In 2019 Jalan Sudirman was flooded for a week.", "id"),
        ("He has 3 Honda motorbikes and a van.", "en"),
        ("Tahun 2020 Jalan Kenanga ditutup.", "id"),
    ],
)
def test_no_house_number_from_a_year_or_a_count(text: str, language: str) -> None:
    found = detect(text, language=language)
    assert not any(d.type == "ADDRESS" and d.text[:1].isdigit() for d in found)


def test_two_addresses_with_and_stay_two() -> None:
    text = "We moved from 12 Oak Lane, Leeds and then 4 Mill Road, Hull LS9 8QT."
    assert not any("and" in a for a in _addresses(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Int: What number can the office reach you on?\nResp: Seven seven zero, one two three, four five six "
            "seven, that's the one.",
            "Seven seven zero, one two three, four five six seven",
        ),
        (
            "P: Nomor HP Ibu yang aktif berapa?\nR: Lapan satu dua, tiga empat lima, nol nol satu dua.",
            "Lapan satu dua, tiga empat lima, nol nol satu dua",
        ),
        (
            "Resp: You can call me, it's double five two, three nine one, zero zero four seven.",
            "double five two, three nine one, zero zero four seven",
        ),
    ],
)
def test_spoken_number_with_a_cue_a_turn_before(text: str, value: str) -> None:
    assert [d.text for d in find_spoken_with_reach(text)] == [value]


@pytest.mark.parametrize(
    "text",
    [
        "Int: What's your account number?\nResp: Five five zero, one two three, four five six seven.",
        "Resp: Call me later. The order was five five zero one two three four five six seven.",
        "P: Nomor KTP-nya?\nR: Tiga satu tujuh satu, nol dua, satu dua, tiga empat lima enam.",
        "Resp: We counted one two three four five six seven eight nine ten in the game.",
    ],
)
def test_spoken_numbers_that_are_no_telephone(text: str) -> None:
    assert list(find_spoken_with_reach(text)) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Resp: The agent kept it, AB1234567, for the whole contract.", "AB1234567"),
        ("ID: X7381204", "X7381204"),
        ("Resp: Paspor saya C 4471092, masih berlaku.", "C 4471092"),
        ("Resp: They wrote P1234567A on the form.", "P1234567A"),
        ("Resp: Kartu pemilihnya ABC1234567 hilang waktu banjir.", "ABC1234567"),
    ],
)
def test_document_shapes(text: str, value: str) -> None:
    assert [d.text for d in find_document_shapes(text)] == [value]


@pytest.mark.parametrize(
    "text",
    [
        "Resp: Order number AB1234567 never arrived.",
        "Resp: Nomor resinya JP8812290041, belum sampai juga.",
        "Resp: Invoice INV-2024001 was paid on time.",
        "Resp: The flight was GA 4071234, I think.",
        "Resp: Saldo RP 1500000 di rekening.",
        "Resp: It was item #A1234567 in the catalogue.",
        "Resp: Kode vouchernya AB123456, cuma diskon.",
        "Resp: The model was XR1200000 or something.",
    ],
)
def test_codes_of_the_same_shape_stay_undetected(text: str) -> None:
    assert list(find_document_shapes(text)) == []


@pytest.mark.parametrize(
    ("text", "language", "handle"),
    [
        ("Resp: Follow aja akun @dapurmama.id ya.", "id", "@dapurmama.id"),
        ("Resp: Cari di IG, namanya @kopi.senja.id.", "id", "@kopi.senja.id"),
        ("Resp: My page is @bakery.co now.", "en", "@bakery.co"),
    ],
)
def test_a_word_then_a_dotted_handle_is_no_email(text: str, language: str, handle: str) -> None:
    found = detect(text, language=language)
    assert [(d.type, d.text) for d in found] == [("HANDLE", handle)]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Resp: Email me at rina @ gmail.com please.", "en"),
        ("Resp: Tulis ke sari @yahoo.co.id aja.", "id"),
        ("Resp: Send it to rina.w @example.com, thanks.", "en"),
    ],
)
def test_spaced_emails_stay_emails(text: str, language: str) -> None:
    assert any(d.type == "EMAIL" for d in detect(text, language=language))


def test_joined_parts_leave_the_administrative_unit_after_them_a_place() -> None:
    # round twenty-four joined the unit too; round twenty-five (loc25): a place, as the sets since round 24 mark it
    text = "Resp: Alamat saya Jalan Koto Anau Nomor 23 B, RT 01/RW 04, Kelurahan Sungai Sapih, dekat surau."
    assert "Jalan Koto Anau Nomor 23 B, RT 01/RW 04" in _addresses(text, "id")
    found = detect(text, language="id")
    assert any(d.type == "LOCATION" and d.text == "Kelurahan Sungai Sapih" for d in found)
