"""Structured identifiers, round seven (issue #11): the open case table of ``tests/privacy/structcases7`` and one
unit test per class of detection added this round, in both languages.

The table's sealed half is scored once, at the end of the round, by ``benchmarks/deid_struct_cases.py --table
structcases7 --sealed``; AGE false alarms are left out here (ages belong to ``agecues.py``, another branch).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from makna.privacy import detect
from makna.privacy.addresses import find_addresses
from makna.privacy.contacts import find_grouped_phones
from makna.privacy.dates import find_more_dates
from makna.privacy.handles import find_handles_near_platforms
from makna.privacy.ids import find_checked_ids
from makna.privacy.patterns import find_dates, find_national_ids
from makna.privacy.plates import find_plates_by_shape
from makna.privacy.postcodes import find_postcodes
from makna.privacy.types import Detection

_SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "deid_struct_cases.py"


def _cases_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("deid_struct_cases", _SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


_TABLE = _cases_module()
_FOLDER = _TABLE.CASES.parent / "structcases7"
_OPEN = _TABLE.load("open", _FOLDER)
_ALARMS = _TABLE.STRUCTURED - {"AGE"}


@pytest.mark.parametrize("case", _OPEN, ids=[f"{c.kind}-{i}" for i, c in enumerate(_OPEN)])
def test_open_case(case: object) -> None:
    problems = _TABLE.check(case, rules_only=True, alarms=_ALARMS)
    assert problems == [], problems


def test_tables_are_disjoint_and_cover_every_type() -> None:
    sealed = _TABLE.load("sealed", _FOLDER)
    kinds = {"NATIONAL_ID", "PLATE", "HANDLE", "DATE", "PHONE", "EMAIL", "URL", "ADDRESS", "NONE"}
    assert kinds <= {c.kind for c in _OPEN}
    assert kinds <= {c.kind for c in sealed}
    assert not {c.line for c in _OPEN} & {c.line for c in sealed}
    assert {c.language for c in _OPEN} == {"en", "id"}


def _texts(found: object, kind: str) -> list[str]:
    return [d.text for d in found if d.type == kind]  # type: ignore[attr-defined]


def _typed(text: str, language: str) -> dict[str, str]:
    return {d.text: d.type for d in detect(text, language=language)}


# --- NATIONAL_ID -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("My NIN from Nigeria if she needs for the form is 00012345678 ok", "00012345678"),
        ("IRD number you said for the koha? 049-182-733. Date of birth", "049-182-733"),
        ("my patient number from when I registered with the GP was 999 214 7736, if you", "999 214 7736"),
        ("Centrelink CRN you said? 218 405 937K. Then", "218 405 937K"),
        ("and my Bulgarian personal number, 8306144417, for some form.", "8306144417"),
        ("S I N 501 759 898 was flagged.", "501 759 898"),
        ("My PSN is 1234 5678 9012 3456.", "1234 5678 9012 3456"),
    ],
)
def test_document_words_with_a_gap_or_a_question_find_the_number(text: str, value: str) -> None:
    assert value in _texts(find_checked_ids(text), "NATIONAL_ID")
    assert _typed(text, "en").get(value) == "NATIONAL_ID"  # and it wins over a telephone pattern


def test_a_pan_after_its_word_counts_even_when_its_holder_letter_fails() -> None:
    assert "BKWZS4471L" in _texts(find_checked_ids("they wanted my PAN, BKWZS4471L, and more"), "NATIONAL_ID")
    assert _texts(find_checked_ids("the code BKWZS4471L on the box"), "NATIONAL_ID") == []


@pytest.mark.parametrize(
    "text",
    ["I put the pan on for 10 minutes", "she was patient number 4 in line", "my personal number is low, 3 or 4"],
)
def test_document_words_without_a_code_find_nothing(text: str) -> None:
    assert _texts(find_checked_ids(text), "NATIONAL_ID") == []


def test_a_date_written_on_the_card_is_a_date_not_the_card_number() -> None:
    text = "Tapi ternyata di KTP tanggal lahir salah, tertulis 05-07-1971, padahal beta lahir 5 Juli 1972."
    assert _texts(find_national_ids(text), "NATIONAL_ID") == []
    assert _typed(text, "id").get("05-07-1971") == "DATE"


# --- PHONE -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [("order number 1048 2271 was late.", "en"), ("tracking no. 5550 1234 was lost", "en"),
     ("nomor rekening 1234 5678 90 BCA", "id"), ("nomor resi 5550 1234 8871", "id")],
)
def test_order_account_and_parcel_numbers_are_not_telephones(text: str, language: str) -> None:
    assert _texts(find_grouped_phones(text), "PHONE") == []


def test_a_number_after_a_calling_word_is_still_a_telephone() -> None:
    assert _texts(find_grouped_phones("office number 5550 1234 after nine"), "PHONE") == ["5550 1234"]


# --- DATE ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("APR 11, 2024, 9:05 PM", "APR 11, 2024"),
        ("x\nJUL 4, 7:52 PM\ny", "JUL 4"),
        ("on Tuesday the 4th we met.", "Tuesday the 4th"),
        ("paid on Thu the 2nd, late", "Thu the 2nd"),
        ("Rent was due Mon 21st again", "Mon 21st"),
        ("it was June of 2016", "June of 2016"),
        ("Sekitar Juni tahun 2016 ada penyuluh", "Juni tahun 2016"),
        ("hari Senin tanggal 4 dia datang", "Senin tanggal 4"),
        ("tidak keluar dari Januari sampai Juni 2024.", "Januari"),
        ("from March to June 2024 we waited", "March"),
    ],
)
def test_more_date_forms(text: str, value: str) -> None:
    assert value in _texts(find_more_dates(text), "DATE")


@pytest.mark.parametrize("text", ["I sat the 4th exam twice.", "The sun the 5th time round", "Wed 21 hours a week"])
def test_a_weekday_abbreviation_needs_its_capital_and_an_ordinal(text: str) -> None:
    assert _texts(find_more_dates(text), "DATE") == []


@pytest.mark.parametrize("text", ["MAY 5 people came", "I SAID NO 5 TIMES", "dari Januari dia sakit"])
def test_capital_words_and_months_alone_are_not_dates(text: str) -> None:
    assert _texts(find_more_dates(text), "DATE") == []


def test_a_chat_stamps_clock_time_is_not_a_date() -> None:
    found = _texts(find_dates("[04/03/24 07.05.19] Kariadi: Maaf mbak\n[12.02.25 07.15.33] x"), "DATE")
    assert found == ["04/03/24", "12.02.25"]
    assert _texts(find_dates("lahir 12.02.85 di Padang"), "DATE") == ["12.02.85"]


# --- PLATE -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Ice on the road. Truck was CHK4127, totaled it.", "CHK4127"),
        ("the boda man, his bike is UFB 281K, he waits", "UFB 281K"),
        ("If you see the white troopy with the logo, that's ours, 1HKW 508. We", "1HKW 508"),
        ("motornya nomor DK 3321 FG itu", "DK 3321 FG"),
    ],
)
def test_plates_after_a_vehicle_and_a_verb_or_apart_at_a_sentence_end(text: str, value: str) -> None:
    assert value in _texts(find_plates_by_shape(text), "PLATE") or _typed(text, "en").get(value) == "PLATE"


@pytest.mark.parametrize("text", ["my Honda CB150R is fast", "The car was 2019 model", "the truck was 4WD"])
def test_model_codes_and_years_after_a_vehicle_are_not_plates(text: str) -> None:
    assert _texts(find_plates_by_shape(text), "PLATE") == []


# --- HANDLE ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("on Facebook the page name is Kofi Cuts Tamale. Some buyers", "Kofi Cuts Tamale"),
        ("halaman Facebook ambo namonyo Asep Bengkel Cibiru. Peneliti", "Asep Bengkel Cibiru"),
        ("grup Facebook kanggo urut, namina \"Eneng Cibeureum Ngahiji\", anggotana", "Eneng Cibeureum Ngahiji"),
        ("the fishermens group online is gaspecoastlobstermen on facebook if you want", "gaspecoastlobstermen"),
    ],
)
def test_display_names_and_run_together_names_by_a_platform(text: str, value: str) -> None:
    assert value in _texts(find_handles_near_platforms(text), "HANDLE")


@pytest.mark.parametrize(
    "text",
    [
        "My line lead was a man named Dewayne Hollins, everybody",
        "Kanal itu dibuat perusahaan, lalu ditutup",
        "the page is called out loud",
        'akun peneliti (tampil sebagai "Anda") dan akun lapak',
        'Format: "Sender name, [dd.mm.yyyy hh:mm]" then the message',
    ],
)
def test_words_placeholders_and_names_near_everyday_platform_words_are_not_handles(text: str) -> None:
    assert _texts(find_handles_near_platforms(text), "HANDLE") == []


# --- ADDRESS ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Postal is PO Box 2291, Parap NT 0804.", "PO Box 2291"),
        ("Postal is PO Box 2291, Parap NT 0804.", "NT 0804"),
        ("Hazard, KY 41701 is home", "KY 41701"),
        ("kirim ke Kotak Pos 123 saja", "Kotak Pos 123"),
        ("Di rumah susun, Blok C Lantai 3 No. 12, Rusunawa.", "Blok C Lantai 3 No. 12"),
        ("Kios kulo nomer Blok B Los 14, pas ngarep", "Blok B Los 14"),
        ("alamatnya di BTN Minasa Upa Blok K3 No. 7, pas kurir", "BTN Minasa Upa Blok K3 No. 7"),
        ("Blk 123 Ang Mo Kio Ave 3 #05-67", "Blk 123 Ang Mo Kio Ave 3 #05-67"),
        ("Alamat di KTP RT 007 RW 003, Desa Kaliuda.", "RT 007 RW 003"),
        ("tinggal di Jaga III RT 01 dekat gereja", "Jaga III RT 01"),
        ("My home address is Flat 302, Sai Residency, Road No. 6", "Flat 302, Sai Residency"),
        ("at 1187 Road 3 East. One bathroom", "1187 Road 3 East"),
        ("88 Kingsway, Manchester.", "88 Kingsway"),
        ("Jl. T. Nyak Arief No. 210, Jeulingke", "Jl. T. Nyak Arief No. 210"),
        ("Jalan R.A. Kartini Gg. Melati No. 4", "Jalan R.A. Kartini Gg. Melati No. 4"),
        ("No. 27, Jalan Teratai 5, Taman Ungku Tun Aminah, 81300. Born", "81300"),
        ("14/2 Kamaraj Nagar 3rd Street, Veerapandi, Tiruppur 641605. My", "641605"),
    ],
)
def test_address_forms(text: str, value: str) -> None:
    assert value in _texts(find_addresses(text), "ADDRESS")


@pytest.mark.parametrize(
    "text",
    [
        "RT 5 itu ramai", "we moved in 2019 to Texas, TX 2019", "she is 5 Midway through", "SA 2019 was good",
        "I paid 25000 dollars in 2019", "harganya Rp 25000, di Jalan Sudirman", "Blok M ramai sekali",
        "Flat 3, top floor", "walked 3 Highway miles",
    ],
)
def test_address_forms_leave_other_numbers_alone(text: str) -> None:
    assert _texts(find_addresses(text), "ADDRESS") == []


def test_a_numbered_street_right_before_its_postcode() -> None:
    found = [d for d in find_postcodes("The address is 5 Crowlista, HS2 9LQ. Landline") if isinstance(d, Detection)]
    assert "5 Crowlista" in _texts(found, "ADDRESS")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("driving licence no. MORGA753116SM9IJ", "MORGA753116SM9IJ"),
        ("licence MORGA 753116 SM9IJ", "MORGA 753116 SM9IJ"),
        ("her social is 524 71 3386", "524 71 3386"),
        ("GHA 721503948 6 is her card", "GHA 721503948 6"),
    ],
)
def test_licence_social_and_ghana_card_numbers(text: str, value: str) -> None:
    assert value in _texts(find_checked_ids(text), "NATIONAL_ID")


@pytest.mark.parametrize("text", ["SMITH912345AB9CD", "social media 2019 was", "my social worker, 12345 is"])
def test_licence_shapes_with_no_birth_date_and_social_talk_are_not_ids(text: str) -> None:
    assert _texts(find_checked_ids(text), "NATIONAL_ID") == []


@pytest.mark.parametrize(
    ("text", "hit"), [("tel. 555-0147", True), ("Ph 555-0147", True), ("Tel: 555-0147", True),
                      ("it costs 555-0147", False), ("graph 555-0147", False)],
)
def test_a_local_number_after_an_abbreviated_telephone_word(text: str, hit: bool) -> None:
    from makna.privacy.contacts import find_local_phones  # noqa: PLC0415

    assert _texts(find_local_phones(text), "PHONE") == (["555-0147"] if hit else [])


@pytest.mark.parametrize(
    ("text", "found"),
    [("Perum Griya Asri Blok A-12 itu", ["Perum Griya Asri Blok A-12"]), ("Blok B/7 ya", ["Blok B/7"]),
     ("di blok 5 sawah", []), ("Block 5 of the estate", [])],
)
def test_a_block_code_with_a_letter_and_a_number_is_a_house(text: str, found: list[str]) -> None:
    assert _texts(find_addresses(text), "ADDRESS") == found


@pytest.mark.parametrize(
    "text",
    [
        "[12/03/24 10.15.33] rina.kue22: halo kak\n[12/03/24 10.16.01] Peneliti: halo\n[12/03/24 10.17.12] rina.kue22: iya",
        "12/03/24 10.15 - ~ rina.kue22: halo\n12/03/24 10.16 - Peneliti: halo\n12/03/24 10.19 - ~ rina.kue22: ok",
        "[10:14] rina.kue22: ok sis\n[10:15] Me: ok\n[10:16] rina.kue22: ok",
        "rina.kue22, [12.02.25 19:53]\nhalo kak\nPeneliti, [12.02.25 19:54]\niya\nrina.kue22, [12.02.25 19:55]\nok",
        "rina.kue22 10:14\nhalo\nYou 10:15\nok\nrina.kue22 10:16\nok",
    ],
)
def test_user_names_as_chat_senders_after_or_before_the_stamp(text: str) -> None:
    from makna.privacy.handles import find_label_handles  # noqa: PLC0415

    assert _texts(find_label_handles(text), "HANDLE") == ["rina.kue22", "rina.kue22"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("June 27th and 28th, 2021 we", "June 27th and 28th, 2021"),
        ("2024/02/14(Rab)", "2024/02/14(Rab)"),
        ("14/02/24 (Rabu) pagi", "14/02/24 (Rabu)"),
        ("— Sel, 5 Nov 2024 —", "Sel, 5 Nov 2024"),
        ("Tanggal lahir ibu 3 Syawal 1369 H, di KTP", "3 Syawal 1369 H"),
        ("nikah 12 Sapar 1955 Jawa", "12 Sapar 1955 Jawa"),
    ],
)
def test_whole_dates_with_their_weekday_era_or_second_day(text: str, value: str) -> None:
    assert value in _texts(find_more_dates(text), "DATE")


@pytest.mark.parametrize("text", ["Min, 3 orang", "ada 3 Besar 2019", "pas Ramadan kemarin", "bulan Sura 3 kali"])
def test_words_that_share_a_weekday_or_month_name_are_not_dates(text: str) -> None:
    assert _texts(find_more_dates(text), "DATE") == []


def test_an_rt_rw_unit_takes_the_quarter_written_right_after_it() -> None:
    found = _texts(find_addresses("RT 003 RW 002 Kelurahan Kodingareng, dekat"), "ADDRESS")
    assert found == ["RT 003 RW 002 Kelurahan Kodingareng"]


def test_a_four_letter_prefix_stays_with_its_health_card_number() -> None:
    assert "MACL 6807 1411" in _texts(find_checked_ids("card number MACL 6807 1411 ok"), "NATIONAL_ID")


@pytest.mark.parametrize(
    "address",
    ["Flat 302, Sai Residency, Road No. 6, Banjara Hills", "Flat 304, B Wing, Shubham Heights, Datta Mandir Road",
     "Flat C, 9/F, 221 Reclamation Street", "Flat 9, Bramcote House, 61 Commercial Way, SE15 6DU"],
)
def test_a_flat_takes_the_parts_of_its_address_between_commas(address: str) -> None:
    assert address in _texts(find_addresses(f"my address is {address}, near the market"), "ADDRESS")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I live at Plot 12, Block 5, Lekki Phase 1", "Plot 12, Block 5"),
        ("Lot 5 Blk 3 Phase 2, Bacoor", "Lot 5 Blk 3 Phase 2"),
        ("House 14, Road 7, Dhanmondi", "House 14, Road 7"),
        ("H.No. 4-12/3, Ameerpet", "H.No. 4-12/3"),
        ("Apt 5B, 1200 Grand Concourse", "Apt 5B, 1200 Grand Concourse"),
        ("P.O. Box 1234-00100, Nairobi", "P.O. Box 1234-00100"),
        ("Purok 3, Brgy. San Roque", "Purok 3"),
        ("Kampung Baru, 50300 Kuala Lumpur", "50300"),
    ],
)
def test_units_in_a_row_house_numbers_and_boxes_of_more_countries(text: str, value: str) -> None:
    assert value in _texts(find_addresses(text), "ADDRESS")


@pytest.mark.parametrize(
    "text", ["the parking Lot 5 was full", "Road 7 was closed", "Phase 2 of the project, Zone 3", "House 2 and Road 5"]
)
def test_one_numbered_unit_alone_is_not_an_address(text: str) -> None:
    assert _texts(find_addresses(text), "ADDRESS") == []


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("NIK saya tiga satu tujuh empat nol lima empat dua nol tiga delapan lima nol nol nol tujuh", "id",
         "tiga satu tujuh empat nol lima empat dua nol tiga delapan lima nol nol nol tujuh"),
        ("my SSN is five two four, seven one, three three eight six", "en",
         "five two four, seven one, three three eight six"),
    ],
)
def test_an_identity_number_said_in_words_after_its_document(text: str, language: str, value: str) -> None:
    assert value in _texts(find_checked_ids(text), "NATIONAL_ID")


def test_a_telephone_said_in_words_after_an_identity_word_is_not_an_id() -> None:
    assert _texts(find_checked_ids("KTP hilang, HP saya nol delapan satu dua lima lima lima"), "NATIONAL_ID") == []


def test_a_plate_word_right_before_the_code_makes_it_a_plate_whatever_else_it_looks_like() -> None:
    assert _typed("the white Silverado, plate LKP 472. Thanks.", "en").get("LKP 472") == "PLATE"


@pytest.mark.parametrize(
    ("text", "language", "kind", "value"),
    [
        ("| 12 OKT 2024 PUKUL 19.42 | Anda:", "id", "DATE", "12 OKT 2024"),
        ("Sure. 4417 Highway 665, Montegut, LA 70377. House", "en", "ADDRESS", "4417 Highway 665"),
        ("His TFN, for the tax letter you asked about, is 459 118 027. His", "en", "NATIONAL_ID", "459 118 027"),
        ("NIN SL-NIN 4417 2093 5586. Phone", "en", "NATIONAL_ID", "SL-NIN 4417 2093 5586"),
    ],
)
def test_more_forms_of_round_seven(text: str, language: str, kind: str, value: str) -> None:
    assert _typed(text, language).get(value) == kind


@pytest.mark.parametrize(
    "text",
    ["The NHS spent 150000 pounds", "CRN 12345 is a course code", "the hospital number 12000 beds",
     "Phase 1, Phase 2", "Road 7, Sector 3"],
)
def test_amounts_counts_course_codes_and_plan_parts_are_neither_ids_nor_addresses(text: str) -> None:
    found = [*find_checked_ids(text), *find_addresses(text)]
    assert found == []
