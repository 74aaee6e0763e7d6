"""A span of time is no age, an affixed word is no user name (durations23, issue #11; trial12 row 8).

The open case table of ``tests/privacy/durations23cases`` (`` / `` is a turn's line break) and one test per class,
in both languages: a number of years said as how long (``sudah tiga tahun narik``, ``for three years``, ``twenty
years in the mines``) is no AGE, while an age said with the same words (``umurnya sudah tiga tahun``, ``he's been
three since May``) stays one; a verb with an Indonesian affix on an Indonesian or English stem (``disuspend``,
``ngeblock``, ``diblokirin``) is no HANDLE, while a handle's shape after the same cue stays one.

The sealed third is scored only in aggregate, by ``benchmarks/deid_struct_cases.py --table durations23cases
--breaks --sealed``.
"""

from __future__ import annotations

import pytest
from case_tables import TABLE as _TABLE
from case_tables import open_cases

from makna.privacy import detect
from makna.privacy.handles import affixed_word

_FOLDER = _TABLE.CASES.parent / "durations23cases"

_KNOWN: frozenset[str] = frozenset(
    {"I: My son, she's... sorry, he's been [[three]] since May and he won't stop talking."}
)
"""Open cases outside this round's classes (an age after a self-correction that no age detector proposes): strict
expected failures, so a fix shows."""


@open_cases("durations23cases", _KNOWN)
def test_open_case(case: _TABLE.Case) -> None:
    problems = _TABLE.check(case, rules_only=True)
    assert problems == [], problems


def test_tables_are_disjoint() -> None:
    assert _TABLE.split_ok(_FOLDER)


def _handles(text: str, language: str) -> set[str]:
    return {d.text for d in detect(text, language=language) if d.type == "HANDLE"}


@pytest.mark.parametrize(
    "word",
    ["disuspend", "dibanned", "ngeblock", "diblokirin", "kesuspendan", "dilock", "kawannya", "dibekukan"],
)
def test_affixed_words_split(word: str) -> None:
    assert affixed_word(word)


@pytest.mark.parametrize("word", ["budiganteng", "rinaayu", "kezrides", "shearwithgwenno"])
def test_made_up_names_do_not_split(word: str) -> None:
    assert not affixed_word(word)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Aplikasinya error, jadi akun saya disuspend, uang saya di situ semua.", "id"),
        ("Terus akun saya ngeblock orang itu.", "id"),
        ("Akun gue dibanned tiga hari gara-gara rating.", "id"),
        ("Akun saya diblokirin sama aplikasi, padahal saya nggak salah.", "id"),
        ("Satu dari mereka dipanggil kawannya Ucok.", "id"),
        ("My account got suspended for a week after one complaint.", "en"),
    ],
)
def test_affixed_verb_after_account_is_no_handle(text: str, language: str) -> None:
    assert _handles(text, language) == set()


@pytest.mark.parametrize(
    ("text", "language", "handle"),
    [
        ("Akun IG saya namanya bungarampai_88, cari aja.", "id", "bungarampai_88"),
        ("Akun saya namanya budiganteng, cari aja.", "id", "budiganteng"),
        ("My handle on TikTok is bakedbymarisol22.", "en", "bakedbymarisol22"),
    ],
)
def test_handles_after_the_same_cue_stay(text: str, language: str, handle: str) -> None:
    assert handle in _handles(text, language)


def _ages(text: str, language: str) -> set[str]:
    return {d.text for d in detect(text, language=language) if d.type == "AGE"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("I: I'm fifteen years on the buses in Dublin, and it's changed a lot.", "en"),
        ("I: Orang Bugis dari Sengkang, kerja sama saya sudah dua puluh tahun.", "id"),
        ("I: Pak Rahman ini, jualan bareng saya sudah lima belas tahun.", "id"),
        ("I: Saya Wayan, dua puluh tahun kerja di hotel Kuta.", "id"),
        ("I: I've been driving for three years now, mostly nights.", "en"),
    ],
)
def test_span_of_time_is_no_age(text: str, language: str) -> None:
    assert _ages(text, language) == set()


@pytest.mark.parametrize(
    ("text", "language", "age"),
    [
        ("I: I'm thirty-five years on this earth, born in Kingston.", "en", "thirty-five years"),
        ("I: Fished since I was twelve years with my uncle.", "en", "twelve years"),
        ("I: Nyokap gue udah lima puluh tujuh tahun, kerja di warung.", "id", "lima puluh tujuh tahun"),
        ("I: Saya Siti, 31 tahun, jualan es kelapa.", "id", "31 tahun"),
        ("I: Umurnya sudah tiga tahun, sudah bisa lari.", "id", "tiga tahun"),
        ("I: He's three years in May.", "en", "three years"),
    ],
)
def test_age_in_the_same_words_stays(text: str, language: str, age: str) -> None:
    assert age in _ages(text, language)
