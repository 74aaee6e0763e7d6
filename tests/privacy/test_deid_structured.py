"""Structured identifiers by shape, check digit and cue (issue #11): the open case table and unit cases.

The table lives in ``tests/privacy/structcases/open.tsv`` (one case a line, see its header); the benchmark
``benchmarks/deid_struct_cases.py`` scores it per type and, once at the end of a round, the sealed table.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from makna.privacy import detect
from makna.privacy.agecues import find_said_ages
from makna.privacy.contacts import find_local_phones, find_obfuscated_emails, find_spoken_after_cue
from makna.privacy.dates import find_more_dates
from makna.privacy.handles import find_handles_near_platforms
from makna.privacy.ids import find_checked_ids, nric_valid
from makna.privacy.plates import find_plates_by_shape, sg_plate_valid
from makna.privacy.postcodes import find_postcodes

_SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "deid_struct_cases.py"


def _cases_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("deid_struct_cases", _SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


_TABLE = _cases_module()
_OPEN = _TABLE.load("open")


@pytest.mark.parametrize("case", _OPEN, ids=[f"{c.kind}-{i}" for i, c in enumerate(_OPEN)])
def test_open_case(case: object) -> None:
    problems = _TABLE.check(case, rules_only=True)
    assert problems == [], problems


def test_table_parses_markers() -> None:
    case = _TABLE.parse("PLATE\ten\tplate [[AB12 CDE]] not {{2019}}")
    assert case.text == "plate AB12 CDE not 2019"
    assert [case.text[s:e] for s, e in case.positive] == ["AB12 CDE"]
    assert [case.text[s:e] for s, e in case.negative] == ["2019"]


def test_every_type_has_open_and_sealed_cases() -> None:
    sealed = _TABLE.load("sealed")
    kinds = {"NATIONAL_ID", "PLATE", "HANDLE", "DATE", "AGE", "PHONE", "EMAIL", "NONE"}
    assert kinds <= {c.kind for c in _OPEN}
    assert kinds <= {c.kind for c in sealed}
    assert not {c.line for c in _OPEN} & {c.line for c in sealed}


@pytest.mark.parametrize(
    ("code", "valid"),
    [("S6937293G", True), ("T0682651I", True), ("F2330805M", True), ("G1697846P", True), ("S6937293A", False),
     ("X1234567D", False)],
)
def test_nric_check_letter(code: str, valid: bool) -> None:
    assert nric_valid(code) is valid


@pytest.mark.parametrize(("plate", "valid"), [("SBS 3229 P", True), ("SBS3229P", True), ("SBS 3229 A", False)])
def test_singapore_plate_check_letter(plate: str, valid: bool) -> None:
    assert sg_plate_valid(plate) is valid


def _ids(text: str) -> list[tuple[str, str]]:
    return [(d.text, d.detector) for d in find_checked_ids(text)]


def test_identity_numbers_by_shape_and_check_digit() -> None:
    assert _ids("The number S6937293G was on it.") == [("S6937293G", "id.nric_sg")]
    assert _ids("Then 900412-14-5523 came up.") == [("900412-14-5523", "id.mykad")]
    assert _ids("Hers was 35202-4417821-3.") == [("35202-4417821-3", "id.cnic")]
    assert ("4936657L", "id.pps") in _ids("Mine is 4936657L.")
    # a check digit that fails, without a cue, is no identity number: 13 digits, 3-3-3 groups, PPS shape
    assert _ids("Order 8804125756516 shipped, ref 594-821-994, code 4936657M.") == []


def test_document_word_after_the_number() -> None:
    found = _ids("She read out 594-821-993, her social insurance number.")
    assert ("594-821-993", "id.cue_after") in found
    assert _ids("It cost 1234567, her tax bill.") == []


def test_more_document_words_make_any_number_sure() -> None:
    assert _ids("CCCD 079188004417 from Ho Chi Minh City.") == [("079188004417", "id.cue_more")]
    assert _ids("His IRD was 109 619 239 I think.") == [("109 619 239", "id.cue_more")]
    assert _ids("my IC is 900412-14-5524, Selangor.")[-1][0] == "900412-14-5524"  # a typo: still sure after the cue
    assert _ids("IRD sent a letter on 12/05/2023, phone 0800 227 774.") == []


def _plates(text: str) -> list[str]:
    return [d.text for d in find_plates_by_shape(text)]


@pytest.mark.parametrize(
    ("text", "plate"),
    [("A van KDA 442T drove off.", "KDA 442T"), ("platnya bm 3318 ab, huruf kecil", "bm 3318 ab"),
     ("a used Civic, Y27-LKT, New Jersey plate", "Y27-LKT"), ("the white Camry, 1VB 7QX.", "1VB 7QX"),
     ("a Toyota Hiace, QZR-8812, outside", "QZR-8812"), ("Car SBS 3229 P outside.", "SBS 3229 P"),
     ("a taxi, the white Tiida, HCB 2046. He", "HCB 2046")],
)
def test_plates_by_shape_and_vehicle_words(text: str, plate: str) -> None:
    assert plate in _plates(text)


@pytest.mark.parametrize(
    "text",
    ["a 4WD with a V8 and 12V", "the bus 2019 route", "Toyota Avanza 2019, nice", "my bike, a Honda CB150R,",
     "in 2021 the plate", "He drove WXY 4417 home.", "platnya xx 3318 ab", "room B12 plate",
     "the red Bus, 2019 model. the black Dog, AB12."],
)
def test_no_plate(text: str) -> None:
    assert _plates(text) == []


def test_spelt_emails_and_local_numbers() -> None:
    spelt = [d.text for d in find_obfuscated_emails("emailnya rina at gmail dot com, atau budi[at]yahoo[dot]co[dot]id.")]
    assert spelt == ["rina at gmail dot com", "budi[at]yahoo[dot]co[dot]id"]
    assert [d.text for d in find_obfuscated_emails("look at this dot on the map; meet at the office dot com")] == []
    assert [d.text for d in find_obfuscated_emails("write to a.b@example.com")] == []  # the plain rule's
    assert [d.text for d in find_local_phones("555-0147, call after nine.")] == ["555-0147"]
    assert [d.text for d in find_local_phones("Room 555-0147 is on the left.")] == []
    spoken = "call me: seven seven zero zero, nine double zero, one two three. I have one two three four five six apples."
    assert [d.text for d in find_spoken_after_cue(spoken)] == ["seven seven zero zero, nine double zero, one two three"]


def _handles(text: str) -> list[str]:
    return [d.text for d in find_handles_near_platforms(text)]


@pytest.mark.parametrize(
    ("text", "handle"),
    [("follow me, jess_moore on insta.", "jess_moore"), ('TikTok-nya "dapur.mama.ani" lumayan', "dapur.mama.ani"),
     ("DM me at kofi.m on Snapchat.", "kofi.m"), ("nama FB-nya 'Mawar Berduri', pake foto", "Mawar Berduri"),
     ("Her username was xXdarkangelXx back then.", "xXdarkangelXx"), ("he goes by BigMike254 online.", "BigMike254"),
     ("cari aja di IG, namanya rinaayu, banyak", "rinaayu"), ("Our page is deosfamousdoublespenal, and", "deosfamousdoublespenal"),
     ("Itu Fitriyani nang meulah, acil.ilah.lokbaintan. Ada", "acil.ilah.lokbaintan")],
)
def test_handles_near_platforms(text: str, handle: str) -> None:
    assert handle in _handles(text)


@pytest.mark.parametrize(
    "text",
    ["I posted it on IG at 10am, 3rd time, with my iPhone 12 and 4G, see example.com or foto.jpg v2.1 MP3",
     'on WhatsApp she said "okay then" and left.', 'grup WhatsApp "Arisan Ibu Ibu" ramai', "my username got hacked",
     "on TikTok, namanya bagus sekali", "the file report.final.docx, see www.a.b.com, e.g. a.m. in the U.S.A.",
     "My account is blocked. The page was fantastic."],
)
def test_no_handle(text: str) -> None:
    assert _handles(text) == []


@pytest.mark.parametrize(
    ("text", "age"),
    [("she has a son, Migoy, he's only four.", "four"), ("Our daughter Jasleen is 15, she is", "15"),
     ("I came over when I was eight, January 1975.", "eight"), ("Abin Joseph, 19, paid cash.", "19"),
     ("Ferdinandus, masih delapan belas, baru lulus", "delapan belas"),
     ("I'm Shazia, rep for this depot. 40, from Sparkbrook.", "40"), ("He was 30 when he died", "30"),
     ("R1: Morning. Kamla Boodram-Seepersad, sixty-three, I sell", "sixty-three"),
     ("Sa Nelson Wandikbo, dua puluh tiga. Sa kuliah", "dua puluh tiga"),
     ("Umur saya, kata KTP, empat puluh satu. Ini", "empat puluh satu"),
     ("Teu Bolot, kakek saya, sudah tujuh puluhan, tidak", "tujuh puluhan"),
     ("I'm Ciara, I work the fada. Fifty-one, from a farm", "Fifty-one"), ("my daughter Nila is nine, she", "nine")],
)
def test_ages_said_about_someone(text: str, age: str) -> None:
    assert [d.text for d in find_said_ages(text)] == [age]


@pytest.mark.parametrize(
    "text",
    ["I was one of them.", "It is 5.", "she is 5 minutes away", "Everything is 20, fine", "Jalan Sudirman, 12, belok",
     "I was 5 minutes late", "The total is 40%.", "Di Padang, baru 3 tahun.", "Budi, dua anak, tinggal di sini.",
     "Pak Budi sudah dua puluh tahun kerja.", "umur segitu, 5 orang anaknya."],
)
def test_no_age(text: str) -> None:
    assert list(find_said_ages(text)) == []


@pytest.mark.parametrize(
    ("text", "dates"),
    [("March the 5th, and the 21st of last month.", ["March the 5th", "the 21st"]),
     ("tanggal 05-Jan-2023 kami lapor, on 5/jan/23 too", ["05-Jan-2023", "5/jan/23"]),
     ("dated 14.VIII.2019, surat 3/IV/2021", ["14.VIII.2019", "3/IV/2021"]),
     ("tgl 5 bln 6 thn 2021 dia datang", ["tgl 5 bln 6 thn 2021"]),
     ("from 3/6 to 10/6 I was away", ["3/6", "10/6"])],
)
def test_more_dates(text: str, dates: list[str]) -> None:
    assert [d.text for d in find_more_dates(text)] == dates


@pytest.mark.parametrize(
    "text",
    ["the 21st century, the 3rd time", "score 3/6 then 10/6", "from 1/2 to 3/4 of the cake is 3/4", "file v1-Jan-x",
     "ratio 1.I.5", "bulan 5 tahun lalu"],
)
def test_no_more_dates(text: str) -> None:
    assert [d.text for d in find_more_dates(text)] == []


def test_postcodes() -> None:
    text = "4 Abbeycartron Court, N39 X7P4; D6W Y4K2; Toronto, ON M5V 2T6. Room N39 1234, B12 3456, the K9 unit."
    # a numbered street right before its postcode is the address (round seven: no town needed between)
    assert [d.text for d in find_postcodes(text)] == ["N39 X7P4", "D6W Y4K2", "M5V 2T6", "4 Abbeycartron Court"]
    found = [d.text for d in find_postcodes("It's 17 Skerry Brae, Boddam, AB42 7QJ. Or 9 Elm Row, Katy, TX 77494.")]
    assert found == ["17 Skerry Brae", "9 Elm Row", "TX 77494"]
    assert list(find_postcodes("In 2019, Jakarta, 12345 people came; 3 of them, Budi, 40 years.")) == []


def test_hooked_into_detect() -> None:
    found = {(d.type, d.text) for d in detect("My NRIC is on file: S6937293G. Plate KDA 442T.", language="en")}
    assert {("NATIONAL_ID", "S6937293G"), ("PLATE", "KDA 442T")} <= found
    # an Indonesian plate whose letters look like a company's legal form: the region shape finds it
    assert ("PLATE", "B 9128 CV") in {(d.type, d.text) for d in detect("mobil box B 9128 CV yang antar")}
