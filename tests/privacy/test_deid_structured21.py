"""Structured identifiers, round twenty-one (struct21, issue #11): identity numbers and user names asked for a
turn or a sentence before they are given (:mod:`makna.privacy.asked`), and variable names in code talk that only
look like user names. The open case table of ``tests/privacy/structcases21`` (`` / `` is a turn's line break) and
one test per class, in both languages.

The sealed third is scored only in aggregate, by ``benchmarks/deid_struct_cases.py --table structcases21
--breaks --sealed``.
"""

from __future__ import annotations

import pytest
from case_tables import TABLE as _TABLE
from case_tables import open_cases

from makna.privacy import detect
from makna.privacy.asked import find_asked

_FOLDER = _TABLE.CASES.parent / "structcases21"


_KNOWN: frozenset[str] = frozenset({"The receipt no. was {{000482193}}, I kept it."})
"""Open cases another detector fails (a nine-digit receipt number read as a telephone number by
``phone.pattern``, outside this round's modules): strict expected failures, so a fix shows."""


@open_cases("structcases21", _KNOWN)
def test_open_case(case: _TABLE.Case) -> None:
    problems = _TABLE.check(case, rules_only=True)
    assert problems == [], problems


def test_tables_are_disjoint() -> None:
    assert _TABLE.split_ok(_FOLDER)


def _asked(text: str) -> set[tuple[str, str]]:
    return {(d.type, d.text) for d in find_asked(text)}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("P: Nomor KTP-nya berapa, Bu?\nI: 1399 0457 0891 0003, itu yang di fotokopi.", "1399 0457 0891 0003"),
        ("P: Punya NPWP?\nI: Punya, kak. 09.555.294.3-407.000 kalau nggak salah.", "09.555.294.3-407.000"),
        ("Interviewer: Your SIN?\nRespondent: 361 287 758.", "361 287 758"),
        ("Interviewer: What's on your NI card?\nRespondent: JT 55 21 94 B, I know it by heart.", "JT 55 21 94 B"),
        ("I gave the agency my TFN. 173 107 341. Then they vanished.", "173 107 341"),
        (
            "Interviewer: What did the form ask?\nRespondent: Passport number.\nInterviewer: And you gave it?\n"
            "Respondent: 553019284, yes.",
            "553019284",
        ),
    ],
)
def test_number_asked_for_is_an_identity_number(text: str, value: str) -> None:
    assert ("NATIONAL_ID", value) in _asked(text)


def test_number_said_in_words_after_the_question() -> None:
    text = "Interviewer: Is that your social?\nRespondent: Mm. Five two six, four four, three five five nine."
    assert ("NATIONAL_ID", "Five two six, four four, three five five nine") in _asked(text)


@pytest.mark.parametrize(
    "text",
    [
        "P: Nomor KTP-nya?\nI: Lupa. Nomor HP saya 0812 5550 9021 aja.",  # a telephone's word and opening
        "Interviewer: Your passport?\nRespondent: It cost 145 548 701 rupiah, can you believe it.",  # an amount
        "Interviewer: Your ID number?\nRespondent: Order number 112-5550192-3345821 came instead.",  # another code
        "Interviewer: Do you have a SIM card?\nRespondent: 55501928374, that one.",  # a phone's SIM card
        "Interviewer: Did you bring your passport?\nRespondent: Yes. We stayed there from 2019 to 2021.",  # years
        "Interviewer: Your NHS number?\nRespondent: I went to the clinic and they said the wait was long, "
        "and then after that 552019384 people were ahead.",  # far from the answer's opening
    ],
)
def test_look_alikes_after_a_document_word_stay_unflagged(text: str) -> None:
    assert not {t for t, _ in _asked(text) if t == "NATIONAL_ID"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("P: Username aplikasinya?\nI: sayang.manis21.", "sayang.manis21"),
        ("Interviewer: Is there a username on the app?\nRespondent: Yeah, sunny.days94.", "sunny.days94"),
        ("Di aplikasi kencan itu dia pakai nama rahmat.s09, fotonya bukan dia.", "rahmat.s09"),
        ("His name on the app was dave.kt77 and there was no photo.", "dave.kt77"),
    ],
)
def test_user_name_asked_for_or_named_on_an_app(text: str, value: str) -> None:
    assert ("HANDLE", value) in _asked(text)


@pytest.mark.parametrize(
    "text",
    [
        "Interviewer: Are you on Instagram?\nRespondent: Not really, I just look at dog videos.",
        "Interviewer: What's your TikTok?\nRespondent: I don't post, sorry.",
        "Her name on the app is Sarah, she said.",
    ],
)
def test_ordinary_answers_are_no_user_names(text: str) -> None:
    assert not _asked(text)


@pytest.mark.parametrize(
    ("text", "word", "language"),
    [
        ("Set max_retries to five in the config and it stopped timing out.", "max_retries", "en"),
        ("I renamed the column to date_of_visit in the spreadsheet.", "date_of_visit", "en"),
        ("Kolom tanggal_lahir di Excel-nya kosong semua.", "tanggal_lahir", "id"),
    ],
)
def test_variable_names_are_no_user_names(text: str, word: str, language: str) -> None:
    assert not [d for d in detect(text, language=language) if d.type == "HANDLE" and d.text == word]


def test_made_up_underscore_names_stay_user_names() -> None:
    text = "Dia kirim pesan dari bunga_senja88 tengah malam."
    assert [d for d in detect(text, language="id") if d.type == "HANDLE" and d.text == "bunga_senja88"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The last four digits of my NIN are 5012.", "5012"),
        ("My SSN? Only the last four, 7034.", "7034"),
        ("Empat angka terakhir NIK-nya 0003.", "0003"),
        ("Dia minta 4 angka terakhir KTP saya, 0003, buat verifikasi.", "0003"),
    ],
)
def test_part_of_an_identity_number(text: str, value: str) -> None:
    assert ("NATIONAL_ID", value) in _asked(text)


@pytest.mark.parametrize(
    "text",
    [
        "I passed my driving licence. The first three lessons cost 150 each.",  # a count of something else
        "The last four of my bank account are 9921.",  # no identity document
        "The last four of my passport were 12345.",  # more digits than said
        "Paspor dia masih di kantor agen.\n\nSalomina, [05.03.24 08:03]\nBeta su lapor.",  # a chat export's stamp
    ],
)
def test_counts_stamps_and_accounts_are_no_identity_numbers(text: str) -> None:
    assert not {t for t, _ in _asked(text) if t == "NATIONAL_ID"}


def test_words_joined_by_underscores_outside_code_talk_stay_user_names() -> None:
    text = "Yang kirim pesan tengah malam itu kabut_pagi, saya tidak kenal."
    assert [d for d in detect(text, language="id") if d.type == "HANDLE" and d.text == "kabut_pagi"]


@pytest.mark.parametrize(
    "text",
    [
        "P: Nomor KTP?\nI: Belum punya. Kode pos 25111.",  # review21: a postcode after "no ID yet"
        "P: Nomor KTP?\nI: Belum punya, kak. Nomor antrian 555123.",
        "Interviewer: Your passport number?\nRespondent: I don't have one. The ticket number is 55512345.",
        "Interviewer: Your SSN?\nRespondent: Don't know. My zip is 90210.",
        "P: KTP?\nI: Belum. Harganya 150000.",
    ],
)
def test_a_number_after_the_document_is_denied_is_no_identity_number(text: str) -> None:
    assert not {t for t, _ in _asked(text) if t == "NATIONAL_ID"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("P: Nomor KTP-nya?\nI: Ada. No. 1399 0457 0891 0003.", "1399 0457 0891 0003"),  # "No." abbreviates
        ("Interviewer: Your SIN?\nRespondent: I don't have it on me. But I know it. 361 287 758.", "361 287 758"),
        (
            "Interviewer: Your SIN?\nRespondent: Sorry, I don't remember.\nInterviewer: Try?\nRespondent: 361 287 758.",
            "361 287 758",
        ),
    ],
)
def test_a_denial_taken_back_still_gives_the_number(text: str, value: str) -> None:
    assert ("NATIONAL_ID", value) in _asked(text)


@pytest.mark.parametrize(
    "text",
    [
        "What is on your ID card?\n120000 members, the union has.",
        "Nomor KTP-nya berapa?\n137104 beds in that hospital.",
        "Nomor KTP-nya berapa?\n1371045 ribu, eh bukan.",
    ],
)
def test_an_amount_after_the_number_is_no_identity_number_asked_for(text: str) -> None:
    """One list of the units and counts that make a number an amount, in ``ids`` (the identity rules', the asked
    numbers' and the learned checks'): ``asked`` kept a shorter copy and took "120000 members" for an ID."""
    assert list(find_asked(text)) == []


@pytest.mark.parametrize("text", ["licence no. 12345678 NSW.", "KTP no. 1371045607 ya", "passport no.A1234567"])
def test_a_document_word_and_its_number_in_one_sentence_do_not_crash(text: str) -> None:
    """``_denied`` read the sentences after the document's word; with none (the word's "no." ends no sentence before
    the number) it zipped an empty list against one end and raised (CI on b4fbe2b3, test_deid_structured7)."""
    assert isinstance(list(find_asked(text)), list)
    detect(text, language="en")
