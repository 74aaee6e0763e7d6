"""Structured identifiers, round nine (deidstruct4, issue #11): the open case table of ``tests/privacy/
structcases9``, the tune part of ``tests/privacy/deidstruct4cases`` (every structured identifier found with its
type and found whole) and one unit test per class of detection added this round, in both languages.

The sealed halves are scored only in aggregate, by ``benchmarks/deid_struct_cases.py --table structcases9
--sealed`` and ``benchmarks/deid_struct_whole.py tests/privacy/deidstruct4cases/sealed``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from makna.privacy import detect
from makna.privacy.evaluate import evaluate

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import deid_struct_cases as _TABLE  # noqa: E402  (the case table's parser and checker, shared with the script)

_STRUCTURED = ("PHONE", "EMAIL", "URL", "HANDLE", "NATIONAL_ID", "PLATE", "DATE")
_FOLDER = _TABLE.CASES.parent / "structcases9"
_OPEN = _TABLE.load("open", _FOLDER)
_TUNE = Path(__file__).resolve().parent / "deidstruct4cases" / "tune"


@pytest.mark.parametrize("case", _OPEN, ids=[f"{c.kind}-{i}" for i, c in enumerate(_OPEN)])
def test_open_case(case: object) -> None:
    problems = _TABLE.check(case, rules_only=True)
    assert problems == [], problems


def test_tables_are_disjoint() -> None:
    assert _TABLE.split_ok(_FOLDER)


def _found(text: str, language: str = "en") -> set[tuple[str, str]]:
    """(type, text) of every detection in ``text``."""
    return {(d.type, d.text) for d in detect(text, language=language)}


def test_tune_transcripts_find_every_structured_identifier_whole() -> None:
    """Every structured identifier of the tune transcripts is found with its type, and no letter or digit of it
    is left outside a detection (a span cut short leaks the rest)."""
    for path in sorted(_TUNE.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        text = doc["text"]
        found = detect(text, language=doc["language"])
        for gold in doc["pii"]:
            if gold["type"] not in _STRUCTURED:
                continue
            start, end = gold["start"], gold["end"]
            assert any(d.type == gold["type"] and d.start < end and start < d.end for d in found), (doc["id"], gold)
            loose = [i for i in range(start, end) if text[i].isalnum() and not any(d.start <= i < d.end for d in found)]
            assert not loose, (doc["id"], gold, "".join(text[i] for i in loose))


def test_tune_transcripts_floor() -> None:
    report = evaluate(_TUNE)
    assert report.overall.recall >= 0.97
    assert report.untyped.recall >= 0.99
    for kind in _STRUCTURED:
        assert report.per_type[kind].recall == 1.0, kind
        assert report.per_type[kind].precision == 1.0, kind


def test_a_letter_o_for_a_zero() -> None:
    assert ("PHONE", "O857 5550 3326") in _found("nggak kebaca, O857 5550 3326.", "id")
    assert ("PHONE", "0812 555o 4471") in _found("nomor dia 0812 555o 4471 ya", "id")
    assert ("PHONE", "O7700 900 245") in _found("I'd typed his as O7700 900 245, with a letter O")
    assert not any(t == "PHONE" for t, _ in _found("The score was 3-0, O2 shop, room 101, Model O2 1000"))


def test_a_number_after_a_slash() -> None:
    assert ("PHONE", "0852 5550 1930") in _found("WA 0812 5550 7781/0852 5550 1930 ya", "id")
    assert not any(
        t == "PHONE" for t, _ in _found("tickets 2024/2025 season, 0812 5550 7781/2 hours") if _ != "0812 5550 7781"
    )


def test_a_number_cut_by_a_line_break() -> None:
    wrapped = "I: the kitchen wrote 07700 900\n319 over two lines."
    assert ("PHONE", "07700 900\n319") in _found(wrapped)
    chat = "I: dia kirim:\ntamu: nomor aku 0813 5550\ntamu: 6672 ya kak\nI: gitu."
    found = _found(chat, "id")
    assert ("PHONE", "6672") in found
    assert any(t == "PHONE" and "0813 5550" in v for t, v in found)
    assert not any(t == "PHONE" for t, _ in _found("I: nomor kamar 0812\nP: 2024 ya?", "id"))
    assert ("PHONE", "0812 5550") in _found("P: hubungi 0812 5550\n10 menit lagi ya", "id")  # not "\n10"


def test_a_bare_number_after_a_telephone_word() -> None:
    assert ("PHONE", "02079460321") in _found("the landline 02079460321 rang")
    assert not any(t == "PHONE" for t, _ in _found("my account number is 0123456789"))
    assert not any(t == "PHONE" for t, _ in _found("Order 0123456789 total £18"))


def test_minang_digit_words_are_read_to_the_end() -> None:
    said = "kosong lapan satu tigo, limo limo limo kosong, satu satu duo tigo"
    assert ("PHONE", said) in _found(f"I: Nomor ambo {said}.", "id")


def test_day_ranges_and_spoken_years_are_one_date() -> None:
    assert ("DATE", "12-15 Agustus 2024") in _found("mulai lagi 12-15 Agustus 2024 itu", "id")
    assert ("DATE", "1 sampai 5 Januari") in _found("dari 1 sampai 5 Januari", "id")
    assert ("DATE", "12th-14th July") in _found("12th-14th July I was off")
    assert ("DATE", "the fourth of July nineteen ninety-six") in _found(
        "born on the fourth of July nineteen ninety-six"
    )
    text = "tanggal tujuh belas Agustus sembilan lima"  # "tanggal" is the date's since round twenty-two
    assert ("DATE", text) in _found(text, "id")
    assert ("DATE", "17081995") in _found("tgl lahir 17081995", "id")
    assert not any(t == "DATE" for t, _ in _found("tahun 2019 sampai 2024, dari jam 9 sampai 5 sore", "id"))
    assert not any(t == "DATE" for t, _ in _found("kode 17081995 di struk", "id"))


def test_user_names_in_more_forms() -> None:
    assert ("HANDLE", "samdelivers_") in _found("My @ is samdelivers_. Add me.")
    assert ("HANDLE", "raj#4471") in _found("his Discord is raj#4471")
    assert ("HANDLE", "ldnriderlife") in _found("the account was called ldnriderlife")
    assert ("HANDLE", "rinakece") in _found("Username dia rinakece, di Snap juga", "id")
    assert not any(t == "HANDLE" for t, _ in _found("order#4471 came late"))
    assert not any(t == "HANDLE" for t, _ in _found("username dia lupa", "id"))


def test_e_mail_addresses_with_a_word_or_a_spaced_at() -> None:
    assert ("EMAIL", "kez.b(at)example.org") in _found("it's kez.b(at)example.org")
    assert ("EMAIL", "tom.r at example.co.uk") in _found("mail tom.r at example.co.uk about it")
    assert ("EMAIL", "jay_m @ example . com") in _found("jay_m @ example . com he wrote")
    assert not any(t == "EMAIL" for t, _ in _found("I was at example.com for an hour, look at booking.com"))


def test_links_with_an_at_in_the_path_and_short_link_hosts() -> None:
    assert ("URL", "tiktok.com/@kez.rides") in _found("see tiktok.com/@kez.rides")
    assert ("URL", "forms.gle/Ab3dEf9GhQ") in _found("see forms.gle/Ab3dEf9GhQ")


def test_identity_numbers_in_lower_case_and_utr() -> None:
    assert ("NATIONAL_ID", "qq 12 34 56 c") in _found("national insurance: qq 12 34 56 c")
    assert ("NATIONAL_ID", "12345 67890") in _found("my UTR 12345 67890 for the tax return")


def test_lower_case_plates_without_a_plate_word() -> None:
    assert ("PLATE", "ba 3318 gn") in _found("ada ba 3318 gn lewat depan", "id")
    assert ("PLATE", "ba 1742 qk") in _found("mobilnya avanza ba 1742 qk", "id")
    assert not any(t == "PLATE" for t, _ in _found("harga 50 rb, b 2000 an, ada tamu bawa ba 12 orang", "id"))


def test_a_parcel_number_with_an_enclitic_is_no_telephone() -> None:
    assert not any(t == "PHONE" for t, _ in _found("Resi JNE-nya 0123 4567 8901, order 48213.", "id"))


_DIGIT = st.sampled_from("0123456789")


@settings(max_examples=60, deadline=None)
@given(st.lists(_DIGIT, min_size=8, max_size=8), st.sampled_from([" ", "-", "."]))
def test_an_indonesian_mobile_in_any_grouping_is_found_whole(digits: list[str], sep: str) -> None:
    tail = "".join(digits)
    number = f"0812{sep}{tail[:4]}{sep}{tail[4:]}"
    text = f"I: nomor WA-nya {number} ya kak"
    found = detect(text, language="id")
    start = text.index(number)
    assert any(d.type == "PHONE" and d.start <= start and start + len(number) <= d.end for d in found), found


def test_a_two_part_dotted_user_name_alone() -> None:
    assert ("HANDLE", "zamrud.btm27") in _found("Terus aku bikin baru, zamrud.btm27. Fotonya bunga", "id")
    assert ("HANDLE", "faisal.wayhalim") in _found("ada yang namanya faisal.wayhalim. Dia tulis", "id")
    assert not any(t == "HANDLE" for t, _ in _found("pulang.terus aku tidur, foto.jpg, (jam.menit.detik)", "id"))


def test_a_user_name_is_not_cut_at_the_window_of_its_platform_word() -> None:
    text = "SA line +27 71 555 0392. Facebook page for my orders ChipsBorderDeals. Email me."
    assert ("HANDLE", "ChipsBorderDeals") in _found(text)


def test_an_indonesian_mobile_after_an_identity_word_stays_a_telephone() -> None:
    assert ("PHONE", "0857-8955-5120") in _found('bawa KTP, nomorku 0857-8955-5120". Terus', "id")
    assert ("NATIONAL_ID", "1371045607910002") in _found("KTP saya 1371045607910002", "id")


def test_a_four_letter_prefix_belongs_to_the_code() -> None:
    assert ("NATIONAL_ID", "MACL 6807 1411") in _found("Health card since you asked for ID MACL 6807 1411. Born")
    assert ("NATIONAL_ID", "1371045607910002") in _found("NIK SAYA 1371045607910002", "id")


def test_a_compact_plate_standing_apart_in_a_sentence_about_a_car() -> None:
    assert ("PLATE", "NWK418") in _found("The other guy's car's still in the yard, NWK418, they never came.")
    assert not any(t == "PLATE" for t, _ in _found("The car ran on COVID19 rules, A380 flights."))


def test_a_bare_uk_landline_and_a_calling_verb() -> None:
    assert ("PHONE", "01614961067") in _found("He rang from 01614961067 at night.")
    assert not any(t == "PHONE" for t, _ in _found("order 01234567890 came, invoice 01614961067"))


def test_an_identity_word_right_before_a_mobile_shaped_number_keeps_it_an_id() -> None:
    assert ("NATIONAL_ID", "08839 12378") in _found("UTR: 08839 12378.")
    assert ("PHONE", "07700 900123") in _found("neutral 07700 900123")


def test_numeric_date_ranges_spaced_dates_and_lower_case_months_first() -> None:
    found = _found("cuti 01/01/2024-05/01/2024 kemarin", "id")
    assert {("DATE", "01/01/2024"), ("DATE", "05/01/2024")} <= found
    assert ("DATE", "tgl 14 - 9 - 2024") in _found("tgl 14 - 9 - 2024", "id")
    assert ("DATE", "sept 14th") in _found("it was sept 14th")
    assert not any(t == "DATE" for t, _ in _found("jam 10 - 12 - 2024 orang, jan 5 orang, 10.30-12.30", "id"))


def test_an_address_before_a_full_stop_is_not_stretched() -> None:
    assert ("EMAIL", "bukky.ogunleye@example.com") in _found("email bukky.ogunleye@example.com. My bike")
    assert ("EMAIL", "rina.putri22@example .com") in _found("email rina.putri22@example .com")
