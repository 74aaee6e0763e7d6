"""False detections of ordinary words, round twenty-two (prec22, issue #11): a number that its own sentence
labels as another kind of number after an identity document was asked for (:mod:`makna.privacy.asked`), a
folder's or a module's name in talk about code (:mod:`makna.privacy.handles`), a role noun as a speaker or a
chat sender (:func:`makna.privacy.speakers.is_role_noun`), regional kinship words and Javanese, Sundanese and
Sasak answer words (``data/address_terms.tsv``, ``data/stop_caps.txt``). The open case table of
``tests/privacy/prec22cases`` (`` / `` is a turn's line break) and one test per class, in both languages, with
the look-alikes that must still be found.

The sealed third is scored only in aggregate, by ``benchmarks/prec22_cases.py --sealed``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from makna.privacy import detect
from makna.privacy.asked import find_asked
from makna.privacy.speakers import is_role_noun
from makna.privacy.types import PII_TYPES

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import deid_struct_cases as _TABLE  # noqa: E402  (the case table's parser and checker, shared with the script)

_FOLDER = _TABLE.CASES.parent / "prec22cases"
_OPEN = _TABLE.load("open", _FOLDER, breaks=True)


def test_table_split() -> None:
    assert _TABLE.split_ok(_FOLDER)


@pytest.mark.parametrize("case", _OPEN, ids=[f"{c.kind}-{i}" for i, c in enumerate(_OPEN)])
def test_open_case(case: _TABLE.Case) -> None:
    problems = _TABLE.check(case, rules_only=True, alarms=frozenset(PII_TYPES))
    assert problems == [], problems


def _found(text: str, language: str) -> list[tuple[str, str]]:
    return [(d.text, d.type) for d in detect(text, language=language)]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("P: Nomor KTP-nya, Bu?\nI: Ada. Kode pos rumah 40275.", "40275"),
        ("P: NIK-nya ada, Pak?\nI: Ada. Nomor antrian saya 555318.", "555318"),
        ("P: Nomor KK-nya?\nI: Belum punya. No. transaksi 5551234567.", "5551234567"),
        ("Q: Your SSN?\nA: Sure. Room 55512, if that helps.", "55512"),
        ("Q: Do you have your TFN?\nA: Yeah. Postcode 2770.", "2770"),
    ],
)
def test_number_labelled_as_another_kind_is_no_asked_id(text: str, number: str) -> None:
    assert [d for d in find_asked(text) if d.text == number] == []
    assert (number, "NATIONAL_ID") not in _found(text, "en" if text.startswith("Q") else "id")


@pytest.mark.parametrize(
    ("text", "number", "language"),
    [
        ("P: Nomor KTP-nya berapa?\nI: Ada, kak. 5550 9921 4403.", "5550 9921 4403", "id"),
        ("P: Nomor paspornya, Kak?\nI: Ada, kak. C 5552107.", "C 5552107", "id"),
        ("Q: What's your SIN?\nA: It's 555 214 903.", "555 214 903", "en"),
    ],
)
def test_asked_id_still_found(text: str, number: str, language: str) -> None:
    assert (number, "NATIONAL_ID") in _found(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("I deleted the node_modules folder and ran npm install again.", "en"),
        ("The build_output directory was empty after the compile.", "en"),
        ("Saya hapus folder file_lama, terus upload ulang ke repo kelompok.", "id"),
    ],
)
def test_folder_and_module_names_in_code_talk(text: str, language: str) -> None:
    assert [t for t in _found(text, language) if t[1] == "HANDLE"] == []


@pytest.mark.parametrize(
    ("text", "handle", "language"),
    [
        ("Her Instagram is sunny_side_bakes, she sells cakes.", "sunny_side_bakes", "en"),
        ("Akun IG-nya dapur_bu_sumi77, dia jualan kue.", "dapur_bu_sumi77", "id"),
        ("Kalau mau cari, usernamenya kabut_agam di folder foto.", "kabut_agam", "id"),
    ],
)
def test_user_names_with_underscores_still_found(text: str, handle: str, language: str) -> None:
    assert (handle, "HANDLE") in _found(text, language)


@pytest.mark.parametrize("word", ["Pelapor", "Terlapor", "Tergugat", "Penggugat", "Tersangka", "Terdakwa"])
def test_pe_and_ter_nouns_are_roles(word: str) -> None:
    assert is_role_noun(word)


@pytest.mark.parametrize("word", ["Teresa", "Pertiwi", "Permata", "Terang", "Yohana"])
def test_names_and_plain_words_are_no_role_nouns(word: str) -> None:
    assert not is_role_noun(word)


@pytest.mark.parametrize(("role", "language"), [("Terlapor", "id"), ("Pelapor", "id"), ("Tergugat", "en")])
def test_role_noun_chat_sender_is_no_name(role: str, language: str) -> None:
    text = "".join(
        f"12/03/2024 09:1{i} {who}: Selamat pagi, ini soal kemarin.\n"
        for i, who in enumerate([role, "Peneliti", role, "Peneliti"])
    )
    assert [t for t in _found(text, language) if t[1] == "PERSON"] == []


def test_name_chat_sender_still_found() -> None:
    text = "14/02/2024 07:30 Yohana: Pagi, Kak.\n14/02/2024 07:31 Peneliti: Pagi.\n14/02/2024 07:32 Yohana: Iya.\n"
    assert ("Yohana", "PERSON") in _found(text, "id")


@pytest.mark.parametrize(
    "text",
    [
        "Nggih, Bu. Sampun, saya sudah kirim.",
        "Inggih, Pak. Matur nuwun sudah mampir.",
        "Sumuhun, Teh. Muhun, kitu pisan.",
        "Tampiasih, Bu. Tiang sampun datang.",
        "Enggeh, Mas. Mboten nopo-nopo.",
        "Ambo tinggal jo Amai, Abak alah pai marantau.",
        "Uwo ambo nan maaja ambo manjaik.",
        "Saya dititipkan ke Budhe waktu Bapak merantau.",
        "Waktu kecil saya sering main ke Acil di seberang.",
        "Ambo pulang ka Amai sabulan sakali.",
        "Terima kasih, Adek, nanti kita sambung lagi.",
    ],
)
def test_answer_and_kinship_words_are_no_names(text: str) -> None:
    assert _found(text, "id") == []


@pytest.mark.parametrize(
    ("text", "name", "language"),
    [
        ("Nggih, Bu. Saya sudah kirim ke Bu Wulandari.", "Wulandari", "id"),
        ("Abak ambo namonyo Syamsuir, inyo manggaleh.", "Syamsuir", "id"),
        ("My Atuk Rahman taught me to fish off the jetty.", "Rahman", "en"),
    ],
)
def test_names_beside_those_words_still_found(text: str, name: str, language: str) -> None:
    assert (name, "PERSON") in _found(text, language)
