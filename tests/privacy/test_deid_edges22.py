"""edges22 (#11): identifiers found with an edge left uncovered are closed by the structure around them."""

from __future__ import annotations

import pytest

from makna.privacy import detect
from makna.privacy.span_edges import close_edges
from makna.privacy.types import Detection


def _found(text: str, language: str, kind: str) -> list[str]:
    return [d.text for d in detect(text, language=language) if d.type == kind]


def _dets(text: str, parts: list[tuple[str, str]]) -> list[Detection]:
    out = []
    for part, kind in parts:
        start = text.index(part)
        out.append(Detection(start, start + len(part), kind, 0.9, "test", part))
    return out


@pytest.mark.parametrize(
    ("text", "language", "age"),
    [
        ("I: Umur saya tiga puluh dua, eh, tiga puluh tiga, baru ganti.", "id", "tiga puluh dua, eh, tiga puluh tiga"),
        (
            "I: Umua ambo duo puluah lapan, ndak, duo puluah sambilan.",
            "id",
            "duo puluah lapan, ndak, duo puluah sambilan",
        ),
        ("R: I'm thirty-six, no wait, thirty-seven, the party was in May.", "en", "thirty-six, no wait, thirty-seven"),
        ("R: I'm forty-four, sorry, forty-five, I forget.", "en", "forty-four, sorry, forty-five"),
        (
            "R: I am thirty-eight. No, wait, thirty-nine since March, I forget.",
            "en",
            "thirty-eight. No, wait, thirty-nine since March",
        ),
        ("I: Umur saya tiga puluh, eh bukan, tiga puluh satu, lupa.", "id", "tiga puluh, eh bukan, tiga puluh satu"),
        (
            "I: Umur saya enam puluh delapan, bulan depan enam puluh sembilan.",
            "id",
            "enam puluh delapan, bulan depan enam puluh sembilan",
        ),
        (
            "R: My dad is forty-seven, forty-eight come Thanksgiving.",
            "en",
            "forty-seven, forty-eight come Thanksgiving",
        ),
    ],
)
def test_a_self_correction_is_one_age(text: str, language: str, age: str) -> None:
    assert _found(text, language, "AGE") == [age]


@pytest.mark.parametrize(
    ("text", "language", "ages"),
    [
        ("I: Anak saya dua: Dimas sepuluh tahun, Sari tujuh tahun.", "id", ["sepuluh tahun", "tujuh tahun"]),
        ("R: I'm thirty-three, my husband's thirty-five.", "en", ["thirty-three", "thirty-five"]),
        ("R: She's 25, 26 next month, and he's 30.", "en", ["25", "26", "30"]),
        ("R: She's forty, no, 3 kids and a dog.", "en", ["forty"]),
        ("I: Umur saya tiga puluh, eh, dua anak saya sudah besar.", "id", ["tiga puluh"]),
    ],
)
def test_two_ages_or_an_age_and_a_count_stay_apart(text: str, language: str, ages: list[str]) -> None:
    assert _found(text, language, "AGE") == ages


@pytest.mark.parametrize(
    ("text", "language", "age"),
    [
        ("I: Nenek saya umurnya hampir delapan puluh tahun, masih ke pasar.", "id", "hampir delapan puluh tahun"),
        ("R: My son Callum is nearly twelve, he plays for the school.", "en", "nearly twelve"),
        ("I: Anak bungsu saya umurnya enam tahun setengah, sudah masuk TK.", "id", "enam tahun setengah"),
        (
            "I: Umur saya dua puluh tujuh tahun lewat sebulan, kerja di pabrik.",
            "id",
            "dua puluh tujuh tahun lewat sebulan",
        ),
        ("R: She is forty or so, I never asked.", "en", "forty or so"),
        ("R: He is forty six years old now.", "en", "forty six years old"),
        ("R: She turned twenty-three last week.", "en", "twenty-three last week"),
        ("R: My uncle Desmond is sixty-eight this Christmas, he still drives.", "en", "sixty-eight this Christmas"),
        ("I: Anak saya sembilan tahun, mau sepuluh, sudah SD.", "id", "sembilan tahun, mau sepuluh"),
        ("I: Umur saya dua puluh tujuh taun bulan depan.", "id", "dua puluh tujuh taun bulan depan"),
    ],
)
def test_an_age_takes_its_qualifier(text: str, language: str, age: str) -> None:
    assert _found(text, language, "AGE") == [age]


def test_an_estimate_and_an_age_to_come_keep_their_words_out() -> None:
    assert _found("I: My neighbour's about seventy, lives on her own.", "en", "AGE") == ["seventy"]
    assert _found("R: I'm fifty now, I'll be fifty-one in October.", "en", "AGE") == ["fifty", "fifty-one"]


@pytest.mark.parametrize(
    ("text", "language", "date"),
    [
        ("I: Kejadiannya hari Rabu, tanggal 12 Juni 2024, pas hujan.", "id", "hari Rabu, tanggal 12 Juni 2024"),
        ("I: Ada razia malam Sabtu, 9 November, di dekat pasar.", "id", "malam Sabtu, 9 November"),
        ("I: Saya dipecat tanggal 17 Februari 2023, tanpa surat.", "id", "tanggal 17 Februari 2023"),
        ("I: Sajak bulan Maret 2021 ambo manjua di lapau.", "id", "bulan Maret 2021"),
        ("I: Dia masuk sejak tangah Juni 2022, di sana.", "id", "tangah Juni 2022"),
        ("I: Ada razia malam tanggal dua belas April.", "id", "malam tanggal dua belas April"),
    ],
)
def test_a_date_takes_its_day_words(text: str, language: str, date: str) -> None:
    assert _found(text, language, "DATE") == [date]


def test_a_date_leaves_a_preposition_and_another_clause() -> None:
    assert _found("R: The hearing was on Thursday, 14 March 2024, in the afternoon.", "en", "DATE") == [
        "Thursday, 14 March 2024"
    ]
    text = "I: Kami ketemu hari itu, Sabtu, 2 Maret, di rumah makan."
    assert all("itu" not in d for d in _found(text, "id", "DATE"))


def test_a_weekday_taken_for_a_name_joins_its_date() -> None:
    text = "I: Pernah, hari Kamih, tanggal sapuluah Oktober."
    got = close_edges(text, _dets(text, [("Kamih", "PERSON"), ("tanggal sapuluah Oktober", "DATE")]), "id")
    assert [(d.text, d.type) for d in got] == [("hari Kamih, tanggal sapuluah Oktober", "DATE")]
