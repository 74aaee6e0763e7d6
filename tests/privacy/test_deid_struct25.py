"""Plates, round twenty-five (struct25, issue #11): a plate set apart in brackets or between commas in a sentence
about a vehicle (and outranking an organisation noun's guess), a make's model code that is no plate, other
countries' plate shapes from their specifications, a cue a sentence or a turn away, the same shape said again, a
power no road vehicle has. The open case table of ``tests/privacy/struct25cases`` (`` / `` is a turn's line break)
and one test per class, in both languages, with the look-alikes that must stay undetected.

The sealed third is scored only in aggregate, by ``benchmarks/deid_struct_cases.py --table struct25cases
--breaks --whole --sealed``.
"""

from __future__ import annotations

import pytest
from case_tables import TABLE as _TABLE
from case_tables import open_cases

from makna.privacy import detect
from makna.privacy.plate_reach import find_plates_with_reach
from makna.privacy.plate_shapes import PLATE_SHAPES, country_of
from makna.privacy.plates import find_plates_by_shape

_FOLDER = _TABLE.CASES.parent / "struct25cases"

_KNOWN: frozenset[str] = frozenset(
    {
        "Resp: Di Dili dia pakai motor, nomornya [[82-489 TL]] kalau tidak salah.",
        "Resp: Saya naik kereta {{KA 112}} ke Surabaya, lalu naik ojek.",
    }
)
"""Open cases this round leaves failing (strict expected failures, so a fix shows): a plate shape no specification
in :mod:`makna.privacy.plate_shapes` gives, and a train's number after ``kereta`` (a train in Indonesian, a car in
Malay: the word alone cannot tell them apart)."""


@open_cases("struct25cases", _KNOWN)
def test_open_case(case: _TABLE.Case) -> None:
    problems = _TABLE.check(case, rules_only=True, whole=True)
    assert problems == [], problems


def test_tables_are_disjoint() -> None:
    assert _TABLE.split_ok(_FOLDER)


def _plates(text: str, language: str = "en") -> list[str]:
    return [d.text for d in detect(text, language=language) if d.type == "PLATE"]


def _structured(text: str, language: str = "en") -> list[str]:
    kinds = {"PLATE", "NATIONAL_ID", "PHONE", "DATE", "HANDLE"}
    return [d.text for d in detect(text, language=language) if d.type in kinds]


@pytest.mark.parametrize(
    ("text", "language", "plate"),
    [
        ("We drove the van back from the bakery, KTX 4412, every morning.", "en", "KTX 4412"),
        ("He had a car from the leasing company, NRV 5521, for a year.", "en", "NRV 5521"),
        ("My brother drove the hospital van back then (LMV209), I rode with him.", "en", "LMV209"),
        ("The ambulance that came for Gran was (LMV 2093), I wrote it down later.", "en", "LMV 2093"),
        ("Mobil jemputan dari perusahaan, KTX 4412, datang jam enam.", "id", "KTX 4412"),
        ("Saya dulu bawa motor kantor itu (GHT 882) tiap hari.", "id", "GHT 882"),
    ],
)
def test_plate_set_apart(text: str, language: str, plate: str) -> None:
    assert plate in _plates(text, language)


@pytest.mark.parametrize(
    ("text", "language", "code"),
    [
        ("The car is a BMW X5, grey, a bit too big for the lane.", "en", "BMW X5"),
        ("Mobilnya Isuzu D 22, warna putih.", "id", "Isuzu D 22"),
        ("The bakery, KTX Foods, sends a van on Fridays.", "en", "KTX Foods"),
        ("The van stopped at the school (Room 12B) for the fair.", "en", "12B"),
    ],
)
def test_models_and_names_stay_no_plate(text: str, language: str, code: str) -> None:
    assert not any(code in p or p in code for p in _plates(text, language))


def test_shape_table_is_well_formed() -> None:
    assert len({country for country, _rx, _alone in PLATE_SHAPES}) == len(PLATE_SHAPES)
    assert country_of("29B1-482.61") == "VN"
    assert country_of("191-D-48213") == "IE"
    assert country_of("FG-482-KT") == "FR"
    assert country_of("QJT4B27") == "BR"
    assert country_of("4821 HJK") == "ES"
    assert country_of("hello") is None


@pytest.mark.parametrize(
    ("text", "language", "plate"),
    [
        ("The scooter I rented in Hanoi, 29B1-482.61, broke down twice.", "en", "29B1-482.61"),
        ("Xe của anh ấy 30A-482.61 đỗ ngoài.", "en", "30A-482.61"),
        ("Dia beli motor bekas, 29K1-735.20, dari Hanoi.", "id", "29K1-735.20"),
        ("Mereka lihat 29-B1 735.20 di parkiran.", "id", "29-B1 735.20"),
    ],
)
def test_shapes_alone(text: str, language: str, plate: str) -> None:
    assert plate in [d.text for d in find_plates_with_reach(text)]
    assert plate in _plates(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The price went from 29.50 to 31.75 in a week.", "en"),
        ("Part FG-482-KT is out of stock at the supplier.", "en"),
        ("Nomor pesanan 12-D4 735.20 sudah dikirim.", "id"),
        ("Skornya 21-18, lalu 21-19.", "id"),
    ],
)
def test_shapes_alone_look_alikes(text: str, language: str) -> None:
    assert [d.text for d in find_plates_with_reach(text)] == []
    assert _plates(text, language) == []


@pytest.mark.parametrize(
    ("text", "language", "plate"),
    [
        (
            "Int: What do you drive these days?\nResp: A grey one. CXJ 4418, if you need it for the form.",
            "en",
            "CXJ 4418",
        ),
        ("Resp: They took my car last spring. It was FG-482-KT, a French one.", "en", "FG-482-KT"),
        ("Int: Motornya apa, Bu?\nResp: Vario hitam. WXB 7721, plat Malaysia.", "id", "WXB 7721"),
        ("Int: Mobilnya yang mana?\nResp: Yang biru. QJT4B27, dari Brasil.", "id", "QJT4B27"),
    ],
)
def test_cue_a_sentence_or_turn_away(text: str, language: str, plate: str) -> None:
    assert plate in [d.text for d in find_plates_with_reach(text)]
    assert plate in _plates(text, language)  # and the detectors of the source's language keep it


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Int: Did you take the car?\nResp: No, I flew. Flight QF 4021, then a bus.", "en"),
        ("Int: How did you get there by car?\nResp: We parked. Room ABC 1234 was ours.", "en"),
        ("Resp: Kami naik mobil ke bandara. Penerbangan JT 6101, delay dua jam.", "id"),
        ("Int: Motornya apa?\nResp: Sudah dijual. RM 4500, murah.", "id"),
        ("Resp: We sold the van. ABC 1234 is the order number, by the way.", "en"),
    ],
)
def test_reach_look_alikes(text: str, language: str) -> None:
    assert [d.detector for d in find_plates_with_reach(text)] == []  # the reach alone (the learned model: review25.md)


@pytest.mark.parametrize(
    ("text", "language", "plates"),
    [
        (
            "Bike plate is 6301 K, no wait, that was the old bike, the new one is 4472 T now.",
            "en",
            ["6301 K", "4472 T"],
        ),
        ("Her rego is XQT 905, and her partner's is XQR 118, same street.", "en", ["XQT 905", "XQR 118"]),
        ("Platnya 4417 KL, eh salah, 4471 KL, motor bapak.", "id", ["4417 KL", "4471 KL"]),
        ("Nopol motor saya AG 3318 RT.\nResp2: Kalau saya AG 8813 TR.", "id", ["AG 3318 RT", "AG 8813 TR"]),
    ],
)
def test_same_shape_again(text: str, language: str, plates: list[str]) -> None:
    found = _plates(text, language)
    assert all(p in found for p in plates), found


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The plate is 7294 J, and the shop is about 1200 M away.", "en"),
        ("My plate is 7294 J. The field is 1200 M long.", "en"),
        ("Platnya 4417 KL, jaraknya sekitar 3000 KM dari sini.", "id"),
        ("The plate is 7294 J; room 1204 B is upstairs.", "en"),
    ],
)
def test_same_shape_look_alikes(text: str, language: str) -> None:
    found = [d.text for d in find_plates_with_reach(text) if d.detector == "plate.same_shape"]
    assert found == []
    assert not [p for p in _plates(text, language) if p[:1] in "1234567890" and p.endswith(("M", "KM", "B"))]


@pytest.mark.parametrize(
    ("text", "language", "plate"),
    [
        ("The old Corolla, 5512 HP, I sold it last year.", "en", "5512 HP"),
        ("Mobil lama saya Avanza, 7710 KW, sudah dijual.", "id", "7710 KW"),
    ],
)
def test_power_no_car_has(text: str, language: str, plate: str) -> None:
    assert plate in _plates(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("My car, 150 KW, pulls well uphill.", "en"),
        ("The truck, 4500 KG, was too heavy for the bridge.", "en"),
        ("The generator, 2500 KW, powers the whole factory.", "en"),
        ("Motor saya, 125 CC, irit sekali.", "id"),
    ],
)
def test_powers_stay_powers(text: str, language: str) -> None:
    assert _structured(text, language) == []


@pytest.mark.parametrize(
    ("text", "language", "plate"),
    [
        ("I noted the plate. 4412 KM. Then it drove off.", "en", "4412 KM"),
        ("Int: And the car's plate?\nResp: 2231 CM.", "en", "2231 CM"),
        ("Int: Nopol motornya?\nResp: Aduh. 7731 KG, motor lama.", "id", "7731 KG"),
    ],
)
def test_plate_word_before_takes_a_unit_series(text: str, language: str, plate: str) -> None:
    assert plate in [d.text for d in find_plates_with_reach(text)]
    assert plate in _plates(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Int: What car?\nResp: A Hilux. 2800 CC, diesel.", "en"),
        ("We took the car. 1200 KM, two days.", "en"),
        ("Int: And the plate?\nResp: RM 4500, I think, for the number.", "en"),
        ("Int: Pelatnya berapa harganya?\nResp: Mahal. RP 4500, katanya.", "id"),
    ],
)
def test_units_and_prices_after_a_vehicle_word(text: str, language: str) -> None:
    assert [d.text for d in find_plates_with_reach(text)] == []
    assert _plates(text, language) == []


@pytest.mark.parametrize(
    ("text", "language", "plate"),
    [
        ("[10:02] Jo: car's outside, nrt 5531", "en", "nrt 5531"),
        ("[10:04] Jo: the ute is fg-482-kt, the french one", "en", "fg-482-kt"),
        ("[19.20] Rina: mobil sewaan kemarin, wxb 7721, sudah dikembalikan", "id", "wxb 7721"),
    ],
)
def test_lower_case_plate_set_apart(text: str, language: str, plate: str) -> None:
    assert plate in [d.text for d in find_plates_with_reach(text)]
    assert plate in _plates(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("[19.20] Rina: mobilnya yg abu2, hal 1234", "id"),
        ("[10:02] Jo: the car cost me, rm 4500, cheap", "en"),
        ("[10:02] Jo: the car's at the mall, km 1200, far", "en"),
        ("[10:02] Jo: took the car to the airport, flight qf 4021, late", "en"),
    ],
)
def test_lower_case_look_alikes(text: str, language: str) -> None:
    assert [d.text for d in find_plates_with_reach(text) if d.detector == "plate.lower_apart"] == []
    assert _plates(text, language) == []


def test_flat_of_an_address_is_no_plate() -> None:
    text = "THE TRUCK IS AT THE YARD. WE LIVE AT 8814 WILCREST HOLLOW DR, APT 212, HOUSTON, TX 77072, NEAR THE PARK."
    assert [d.text for d in find_plates_with_reach(text)] == []
    assert "APT 212" not in _plates(text, "en")


@pytest.mark.parametrize(
    "text",
    ["THE UTE IS PARKED AT THE FARM, LOT 22, NEAR THE CREEK.", "Mobil kami parkir di rumah, BLK 215, dekat pasar."],
)
def test_an_address_part_set_apart_is_no_plate(text: str) -> None:
    assert [d.text for d in find_plates_by_shape(text)] == []
