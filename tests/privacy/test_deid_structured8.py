"""Structured identifiers, round eight (deidstruct3, issue #11): the open case table of ``tests/privacy/
structcases8``, the tune part of ``tests/privacy/deidstruct3cases`` and one unit test per class of detection
added this round, in both languages.

The sealed halves are scored only in aggregate, by ``benchmarks/deid_struct_cases.py --table structcases8
--sealed`` and ``python -m makna.cli deid evaluate tests/privacy/deidstruct3cases/sealed``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from makna.privacy import detect
from makna.privacy.evaluate import evaluate

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import deid_struct_cases as _TABLE  # noqa: E402  (the case table's parser and checker, shared with the script)

_STRUCTURED = ("PHONE", "EMAIL", "URL", "HANDLE", "NATIONAL_ID", "PLATE", "DATE", "ADDRESS")
_FOLDER = _TABLE.CASES.parent / "structcases8"
_OPEN = _TABLE.load("open", _FOLDER)
_TUNE = Path(__file__).resolve().parent / "deidstruct3cases" / "tune"


@pytest.mark.parametrize("case", _OPEN, ids=[f"{c.kind}-{i}" for i, c in enumerate(_OPEN)])
def test_open_case(case: object) -> None:
    problems = _TABLE.check(case, rules_only=True)
    assert problems == [], problems


def test_tables_are_disjoint() -> None:
    sealed = _TABLE.load("sealed", _FOLDER)
    assert not {c.line for c in _OPEN} & {c.line for c in sealed}
    assert {c.language for c in _OPEN} == {"en", "id"}


def _found(text: str, language: str = "en") -> set[tuple[str, str]]:
    return {(d.type, d.text) for d in detect(text, language=language)}


def test_tune_transcripts_find_every_structured_identifier() -> None:
    """Every structured identifier of the tune transcripts is found with its type (overlap)."""
    for path in sorted(_TUNE.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        found = detect(doc["text"], language=doc["language"])
        for gold in doc["pii"]:
            if gold["type"] in _STRUCTURED:
                hits = [d for d in found if d.start < gold["end"] and gold["start"] < d.end and d.type == gold["type"]]
                assert hits, (doc["id"], gold)


def test_tune_transcripts_floor() -> None:
    report = evaluate(_TUNE)
    assert report.overall.recall >= 0.97
    assert report.untyped.recall >= 0.99


def test_bpjs_card_number_is_an_id_not_a_telephone() -> None:
    assert ("NATIONAL_ID", "0001442178839") in _found("Kartu BPJS ada?\nI: Ada, nomornya 0001442178839.", "id")
    assert ("NATIONAL_ID", "0002 2177 4588 1") in _found("nomornya 0002 2177 4588 1 ya", "id")
    assert not any(t == "NATIONAL_ID" for t, _ in _found("call 0001 555 0147 now"))


def test_a_second_cue_word_is_not_part_of_the_number() -> None:
    assert ("NATIONAL_ID", "9105 2233 000187") in _found("SIM C, nomor SIM 9105 2233 000187. Bayarnya", "id")


def test_a_pronoun_or_platform_word_is_not_part_of_a_display_name() -> None:
    assert ("HANDLE", "RiderRaj99") in _found("Twitter, I'm RiderRaj99. Follow me.")
    assert ("HANDLE", "Rina Kue Padang") in _found("nama akun FB-nya Rina Kue Padang", "id")


def test_an_invitation_names_a_plain_user_name() -> None:
    assert ("HANDLE", "kezrides") in _found("add me on Snap, kezrides")
    assert ("HANDLE", "rinaayu") in _found("follow aku di ig rinaayu", "id")
    assert not any(t == "HANDLE" for t, _ in _found("add me on Snap, please"))
    assert ("HANDLE", "peneliti") not in _found('"Peneliti" adalah akun peneliti.', "id")  # (no invitation)


def test_plates_nigerian_indian_and_model_codes() -> None:
    assert ("PLATE", "KJA-445AB") in _found("The keke was KJA-445AB, Lagos plate.")
    assert ("PLATE", "DL 3C AB 1234") in _found("my scooter DL 3C AB 1234")
    assert not any(t == "PLATE" for t, _ in _found("I rode a Yamaha NMAX 155 then."))
    assert ("PLATE", "LX 5173") in _found("he drive a green taxi LX 5173, everyone know him")


def test_dates_with_two_digit_years_and_weekday_ordinals() -> None:
    assert ("DATE", "4 Mar 24") in _found("4 Mar 24 was payday")
    assert ("DATE", "4 Maret '24") in _found("dia pindah 4 Maret '24", "id")
    assert ("DATE", "Sabtu, 12 Okt 24") in _found("Sabtu, 12 Okt 24, kami datang", "id")
    assert ("DATE", "Thursday 14th") in _found("Thursday 14th we moved")
    assert not any(t == "DATE" and "10" in s for t, s in _found("rapat 12 Des 10.30", "id"))
    assert not any(t == "DATE" for t, _ in _found("I worked Friday 12 hours"))


def test_addresses_with_abbreviated_titles_and_estates() -> None:
    assert ("ADDRESS", "Jl. Dr. Moh. Hatta No. 7") in _found("rumahnya di Jl. Dr. Moh. Hatta No. 7", "id")
    assert ("ADDRESS", "Komplek Cendana Blok B2 No. 7") in _found("Di Komplek Cendana Blok B2 No. 7, sewanya", "id")
    assert not any(t == "ADDRESS" for t, _ in _found("room 214, PIN code 4471 for the door"))
    assert ("ADDRESS", "560034") in _found("PIN code 560034, Bangalore")


def test_heights_are_not_ages() -> None:
    assert not any(t == "AGE" for t, _ in _found("I am 5 foot 6."))


def test_plain_user_names_named_by_the_speaker_and_not_verbs() -> None:
    assert ("HANDLE", "kezrides") in _found("I'm kezrides on snap")
    assert ("HANDLE", "mamanyaalif") in _found("akun tiktoknya mamanyaalif", "id")
    for text in ("IG-nya diblokir kemarin", "cari pelanggan di IG", "akun FB-nya di-suspend minggu lalu"):
        assert not any(t == "HANDLE" for t, _ in _found(text, "id")), text


def test_more_document_words_and_order_numbers() -> None:
    assert ("NATIONAL_ID", "ZX3018476") in _found("My BRP from before I got citizenship was ZX3018476 if you need it")
    assert ("NATIONAL_ID", "19012345678") in _found("BPJS TK 19012345678 punya suami", "id")
    assert not any(t == "NATIONAL_ID" for t, _ in _found("order number 4471-2290-1183"))


def test_parcel_numbers_versions_and_chat_typed_dates() -> None:
    assert not any(t == "PHONE" for t, _ in _found("resi JNE 0123 4567 8901, ongkir 18.000", "id"))
    assert ("PHONE", "020 7946 0018") in _found("call the ticket office on 020 7946 0018")
    assert ("PHONE", "0812 5550 4471") in _found("order 0812 5550 4471 ya kak", "id")
    assert not any(t == "DATE" for t, _ in _found("version 2.3.14 of the app"))
    assert ("DATE", "tanggal 12 10 2024") in _found("tanggal 12 10 2024 saya datang", "id")  # "tanggal" in: edges22
    assert ("DATE", "12 okt") in _found("12 okt kami datang", "id")
    assert ("DATE", "14/10") in _found("14/10 at 9")
    assert not any(t == "DATE" for t, _ in _found("1/2 at 9 dollars each, 3 apr loans"))


def test_a_nik_in_any_grouping_and_a_bare_social() -> None:
    assert ("NATIONAL_ID", "1371 045607 910002") in _found("NIK-nya berapa?\nI: 1371 045607 910002", "id")
    assert ("NATIONAL_ID", "987 65 4320") in _found("social 987 65 4320, for the form")
    assert not any(t == "NATIONAL_ID" for t, _ in _found("card 4111 1111 1111 1111"))
