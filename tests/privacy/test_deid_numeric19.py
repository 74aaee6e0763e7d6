"""Ages, dates, identity numbers and plates on unseen text (branch numeric19, #11).

Classes from the misses of the sets opened in round nineteen (tune21, seal20, spent29, spent30), each tested
on invented sentences: an age with when it turns or turned ("eighty-one in April", "sembilan belas tahun
kemarin"); an age found by the words after it (apposition to a person, a person's copula, an answer to an age
question, "going on", Indonesian "jalan"); a range and an infant's months; a day of the
month in Minang words and a month's regional form a name detector took; Jamaica's TRN, New Zealand's NHI and a
driver's licence number said in the same sentence; a plate of digits and a series apart ("5183 KJ"); and the
traps that stay no identifier (money, clock times, counts, durations, years, room numbers, distances, sizes).

Each case is a general shape written for these tests, not a string of any corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from makna.privacy.detect import detect
from makna.privacy.evaluate import evaluate

CASES = Path(__file__).resolve().parent / "num19cases"


def _found(text: str, language: str, kind: str) -> list[str]:
    return [d.text for d in detect(text, language=language) if d.type == kind]


@pytest.mark.parametrize(
    ("text", "language", "ages"),
    [
        ("R: I'm Moira Tennant, forty-four at Christmas. Born in Paisley.", "en", ["forty-four at Christmas"]),
        ("R: My patient, she's eighty-seven next month, still sharp.", "en", ["eighty-seven next month"]),
        ("P: How old are you?\nR: Forty-three last March, if you can believe it.", "en", ["Forty-three last March"]),
        ("I: Saya Tan Bee Hoon. Umur enam puluh satu tahun bulan lalu.", "id", ["enam puluh satu tahun bulan lalu"]),
        # "bulan depan" after an age said alone: in since round twenty-two (the sets since round twenty-one, 6 to 1)
        ("I: Umur saya dua puluh tujuh taun bulan depan.", "id", ["dua puluh tujuh taun bulan depan"]),
        (
            "P: How old are you, and where do you stay?\nR: Twenty-nine, thirty in January. I stay near the depot.",
            "en",
            ["Twenty-nine, thirty in January"],
        ),
    ],
)
def test_an_age_takes_when_it_turns(text: str, language: str, ages: list[str]) -> None:
    assert _found(text, language, "AGE") == ages


@pytest.mark.parametrize(
    ("text", "language", "ages"),
    [
        ("R: She's 25, 26 next month, and he's 30.", "en", ["25", "26", "30"]),
        ("R: I'm fifty now, I'll be fifty-one in October.", "en", ["fifty", "fifty-one"]),
        ("I: Umua ambo kepala tigo lah, 34 taun bulan depan.", "id", ["kepala tigo", "34 taun"]),
        ("I: Milad saya ke 32 kemarin.", "id", ["32"]),
        ("R: I'm fifty-five years old in August, then I stop.", "en", ["fifty-five years old"]),
    ],
)
def test_an_age_to_come_keeps_its_date_out(text: str, language: str, ages: list[str]) -> None:
    assert _found(text, language, "AGE") == ages


@pytest.mark.parametrize(
    ("text", "language", "age"),
    [
        (
            "R: One lady I visit, Mrs Edna Pritchard, ninety-four in the spring, lives alone.",
            "en",
            "ninety-four in the spring",
        ),
        (
            "R: There's a gentleman, Mr. Walter Brennan, ninety-two come May, I've had him years.",
            "en",
            "ninety-two come May",
        ),
        ("R: My daughter Adaeze, nine this year, stays with my mother.", "en", "nine this year"),
        (
            "P: How old are you and where do you live?\n\nTamsin Rowe\nThirty-one last month. I live in Hull.",
            "en",
            "Thirty-one last month",
        ),
        ("R: My son Kwame is six going on seven.", "en", "six going on seven"),
        ("R: Ama is going on three, she talks all day.", "en", "going on three"),
        ("I: Nama lengkapnya Sari Wulandari, dua puluh tujuh jalan, janda satu anak.", "id", "dua puluh tujuh jalan"),
        ("I: Umur saya tiga puluh... eh, tiga puluh dua jalan, anak dua.", "id", "tiga puluh... eh, tiga puluh dua jalan"),
        ("P: Umurnya berapa sekarang?\nI: 32 tahun jalan. Tinggal di Koto Baru.", "id", "32 tahun jalan"),
        (
            "I: Cucu saya, Lim Mei Ling, sembilan belas tahun kemarin, kerja di toko.",
            "id",
            "sembilan belas tahun kemarin",
        ),
    ],
)
def test_an_age_found_by_the_words_after_it(text: str, language: str, age: str) -> None:
    assert age in _found(text, language, "AGE")


@pytest.mark.parametrize(
    ("text", "language", "age"),
    [
        (
            "P: When did you come?\nI: In 2019. I was twenty-something then, twenty-four or twenty-five.",
            "en",
            "twenty-four or twenty-five",
        ),
        ("I: A three-year-old and a baby of eight months, both at home.", "en", "eight months"),
        ("I: She has an eight-month-old, so nights are short.", "en", "eight-month-old"),
    ],
)
def test_ranges_and_infants(text: str, language: str, age: str) -> None:
    assert age in _found(text, language, "AGE")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("R: I did forty last month, and fifty in April.", "en"),
        ("R: We sold forty in April, then nothing.", "en"),
        ("R: It's twenty this year, the rent went up.", "en"),
        ("R: I work 9 to 5, then the bus at 7:30.", "en"),
        ("R: Mostly 9 to 5 every day, £11.44 an hour.", "en"),
        ("R: The job is twenty hours a week, going on three years now.", "en"),
        ("R: Room 214 at the depot, 46 drops yesterday, since 1998.", "en"),
        ("I: Usaha itu, tiga tahun jalan. Modalnya lima juta.", "id"),
        ("I: Sudah tiga tahun jalan saya di pabrik, gaji dua juta.", "id"),
        ("I: Kerja dari jam 8 sampai jam 4, kamar 17 di lantai 2.", "id"),
        ("I: Pabriknya berdiri tahun 2001, ada 350 orang, potongan lima persen.", "id"),
    ],
)
def test_numbers_that_stay_no_age(text: str, language: str) -> None:
    assert _found(text, language, "AGE") == []


@pytest.mark.parametrize(
    ("text", "language", "date"),
    [
        ("I: Pernah, tanggal duo puluah duo Juli 2024. Tamu tu mangaku pegawai.", "id", "duo puluah duo Juli 2024"),
        ("I: Ambo tibo sabaleh Mei 2023, sasudah lebaran.", "id", "sabaleh Mei 2023"),
        ("I: Yang paliang barek tu ujuang Agustuih 2024. Tamu ngaku karyawan.", "id", "ujuang Agustuih 2024"),
        ("I: Pernah, di wisma, pakan patamo Oktober 2024. Satpol PP masuak.", "id", "pakan patamo Oktober 2024"),
        ("I: Itu minggu kedua Agustus 2024, hujan terus.", "id", "minggu kedua Agustus 2024"),
    ],
)
def test_a_day_or_week_in_regional_words_and_a_regional_month(text: str, language: str, date: str) -> None:
    assert date in _found(text, language, "DATE")


def test_a_name_before_a_year_stays_a_name() -> None:
    assert _found("I: Marni 2020 pindah ke Solok.", "id", "DATE") == []


@pytest.mark.parametrize(
    ("text", "ident"),
    [
        ("R: My TRN is on the contract 118-402-776 so I know is a proper contract.", "118-402-776"),
        ("R: Her NHI's on my sheet, ZZX4716, that's how I check.", "ZZX4716"),
        ("R: Her NHI is ZZA12BC now, the new kind.", "ZZA12BC"),
        (
            "R: I sent a scan of my driver's license first, and after that the office asked me to type the number, 52930718.",
            "52930718",
        ),
    ],
)
def test_identity_numbers_by_their_document_word(text: str, ident: str) -> None:
    assert ident in _found(text, "en", "NATIONAL_ID")


@pytest.mark.parametrize(
    "text",
    [
        "R: The TRN office is on Hope Road, room 12.",
        "R: The NHI team called twice, 4716 times it felt like.",
        "R: My driver's license came back, I called the number 07700 900123 after.",
    ],
)
def test_no_identity_number_without_one(text: str) -> None:
    assert _found(text, "en", "NATIONAL_ID") == []


@pytest.mark.parametrize(
    ("text", "plate"),
    [
        ("R: Two youth hold me up by the gas station and take the scooter, 5183 KJ, and the phone.", "5183 KJ"),
        ("R: Bike plate is 7294 J, the old one.", "7294 J"),
    ],
)
def test_a_plate_of_digits_and_a_series(text: str, plate: str) -> None:
    assert _found(text, "en", "PLATE") == [plate]


@pytest.mark.parametrize(
    "text",
    [
        "R: My scooter, 150 CC, is slow.",
        "R: The bus, 1200 M away, left without me.",
        "R: I paid 4500 J for the van.",
    ],
)
def test_sizes_and_distances_stay_no_plate(text: str) -> None:
    assert _found(text, "en", "PLATE") == []


def test_tune_cases_floor() -> None:
    report = evaluate(CASES / "tune")
    assert report.overall.recall >= 0.95
    assert report.per_type["AGE"].recall >= 0.9
    assert report.leak_rate <= 0.15


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("My age is 31, thirty-two.", "en"),
        ("I am thirty-one years old, thirty-two.", "en"),
        ("He is aged 40, forty-one.", "en"),
        ("Umur saya 31 tahun, tiga puluh-dua.", "id"),
    ],
)
def test_a_hyphenated_number_after_an_age_is_no_range_and_breaks_nothing(text: str, language: str) -> None:
    """``twenty-four or twenty-five`` is a range; ``thirty-two`` after an age and a comma is one number joined by a
    hyphen, which the range pattern took for two and then failed to split: ``detect`` raised ValueError, so a
    project's whole scan stopped (lead's second reading of numeric19)."""
    found = detect(text, language=language)
    assert any(d.type == "AGE" for d in found)
