"""Ages said in passing and dates said loosely (branch deidage5, #11): an age to come, an age as a noun, an age
reckoned from a birth year, a kin noun's age with "'s", an age after a description with a particle and a hedge,
a child's order word without a unit, "kepala"/"kapalo" with a pronoun, Javanese teens and twenties in one word,
an age answering an age question after a greeting, an age standing alone when the question also asked how long;
misspelt months and seasons with a year as dates; their surrogates (a decade of "kepala" kept in band, a season
and a misspelt month never left as written); and what stays no age or date (durations, counts, money, clock
times, bare years, percentages, a thing's age).

Each case is a general shape written for these tests, not a string of any corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from makna.privacy.ages import shift_age_text
from makna.privacy.agetalk import find_talk_ages
from makna.privacy.date_forms import find_said_dates, near_month
from makna.privacy.date_surrogates import respell_month, shift_season
from makna.privacy.detect import detect
from makna.privacy.evaluate import evaluate
from makna.privacy.numwords import parse_number
from makna.privacy.surrogates import SurrogateGenerator

CASES = Path(__file__).resolve().parent / "deidage5cases"


def _found(text: str, language: str, kind: str) -> list[str]:
    return [d.text for d in detect(text, language=language) if d.type == kind]


@pytest.mark.parametrize(
    ("text", "language", "ages"),
    [
        ("I: I'm fifty now, I'll be fifty-one in October.", "en", ["fifty", "fifty-one"]),
        ("I: My wife will be 44 next month, so we're planning something.", "en", ["44"]),
        ("I: She's turning nine on Saturday, party at the flat.", "en", ["nine"]),
        ("I: I drop my eight-year-old at the gate first.", "en", ["eight-year-old"]),
        ("I: We took on a thirty-two-year-old from the agency.", "en", ["thirty-two-year-old"]),
        ("I: My neighbour's about seventy, lives on her own.", "en", ["seventy"]),
        ("I: Saya lahir tahun 1987, jadi sekarang tiga puluh delapan.", "id", ["tiga puluh delapan"]),
        ("I: Born in '92, so I'm thirty-three.", "en", ["thirty-three"]),
        ("I: Pelanggan tu mudo bana, duo puluah duo taun kiro-kiro.", "id", ["duo puluah duo taun"]),
        (
            "P: Anaknya berapa?\nI: Tiga. Yang besar sebelas tahun, yang bungsu baru dua.",
            "id",
            ["sebelas tahun", "dua"],
        ),
        ("I: Aku kapalo duo lah, duo puluah anam pas bulan depan.", "id", ["kapalo duo", "duo puluah anam"]),
        ("I: Kulo niki rolikur, adik kulo pitulas taun.", "id", ["rolikur", "pitulas taun"]),
        ("P: Umurnya berapa, Mbak?\nI: Assalamualaikum. 27 tahun, Mas.", "id", ["27 tahun"]),
        ("I: I came over at fourteen and a half, on my own.", "en", ["fourteen and a half"]),
        ("I: She's 12 and a half now, taller than me.", "en", ["12 and a half"]),
        ("I: Two girls, Amara who's ten and a half, and Jo.", "en", ["ten and a half"]),
        ("I: My daughter Noor is twelve and a half, she reads a lot.", "en", ["twelve and a half"]),
        ("I: Anak saya dua, yang besar 12, yang kecil 8.", "id", ["12", "8"]),
        ("I: Born in 1991, so now 34, still on the bike.", "en", ["34"]),
        ("P: How old are you?\nI: Twenty-six and a bit. From Leeds originally.", "en", ["Twenty-six and a bit"]),
        ("I: Ibu saya lahir 1958, sudah enam puluh tujuh, masih jualan.", "id", ["enam puluh tujuh"]),
        (
            "P: Name and how long you've been on the app?\nI: I'm Dele. 44 yrs. Three years on the app.",
            "en",
            ["44 yrs"],
        ),
    ],
)
def test_ages_said_in_passing(text: str, language: str, ages: list[str]) -> None:
    assert sorted(_found(text, language, "AGE")) == sorted(ages)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("I: I'll be 20 minutes, the order's not ready.", "en"),
        ("I: I'll be there at nine, then home by eleven.", "en"),
        ("I: It's a ten-year-old car, the brakes go.", "en"),
        ("I: My landlord's 850 a month, bills on top.", "en"),
        ("I: The customer's 30 quid short every time.", "en"),
        ("I: Bapaknyo alah duo puluah taun karajo di pabrik.", "id"),
        ("I: Kotaknya yang besar tiga, yang kecil lima.", "id"),
        ("I: Aku lahir di Solok, tinggal di Padang 20 tahun.", "id"),
        ("I: Dia kepala tiga bagian gudang, bukan umur.", "id"),
        ("I: I did twelve and a half hours on Sunday.", "en"),
        ("I: Lahir 1961, sudah 20 tahun di Padang.", "id"),
        # money and counts after "will be", a fraction or a birth year (review of deidage5)
        ("I: My rent will be 50 next month, they said.", "en"),
        ("I: His total will be 45.", "en"),
        ("I: My bill will be 60 this month.", "en"),
        ("I: They will be 12 tomorrow, so book a big table.", "en"),
        ("I: We will be 10 on Sunday, all the riders.", "en"),
        ("I: The rent is 45 and a half.", "en"),
        ("I: The shoe was 10 and a half, too tight.", "en"),
        ("I: It's 15 and a half.", "en"),
        ("I: Came over at 10 and a half, the shift.", "en"),
        ("I: I was born in 1983, so I paid 40.", "en"),
        ("I: Lahir 1988, jadi harganya 50.", "id"),
        ("I: Anak saya beli kardus: yang besar 12, yang kecil 20.", "id"),
        ("I: Anak saya jualan, yang besar 15 ribu, yang kecil 10.", "id"),
        ("I: Gajinya sudah kepala lima juta.", "id"),
    ],
)
def test_what_stays_no_age(text: str, language: str) -> None:
    assert _found(text, language, "AGE") == []


def test_talk_ages_alone() -> None:
    found = [d.text for d in find_talk_ages("I'll be forty in June. Born in 1990, so now thirty-five.")]
    assert found == ["forty", "thirty-five"]


@pytest.mark.parametrize(
    ("text", "language", "dates"),
    [
        ("I: Sejak Pebuari 2023 aku di kos itu.", "id", ["Pebuari 2023"]),
        ("I: Got my account back in Feburary 2024, after a month.", "en", ["Feburary 2024"]),
        ("I: Tanggal 9 Agusuts kami pindah.", "id", ["Tanggal 9 Agusuts"]),  # "tanggal" in since round 19
        ("I: I've been riding since autumn 2021.", "en", ["autumn 2021"]),
        ("I: Late spring 2023 the rates dropped.", "en", ["Late spring 2023"]),
        ("I: We moved in fall 2018, then the app came.", "en", ["fall 2018"]),
        ("I: Fall 2016 was my first winter here.", "en", ["Fall 2016"]),
    ],
)
def test_dates_said_loosely(text: str, language: str, dates: list[str]) -> None:
    assert _found(text, language, "DATE") == dates


@pytest.mark.parametrize(
    "text",
    [
        "I: The market 2024 edition was cancelled.",
        "I: Augusta 2019 was a good trip.",
        "I: Summer is busy, 30 drops a day.",
        "I: Spring rolls, 12 of them, £6.50.",
        "I: It was the winter of 2019, snow on the bike.",
        "I: Summer of 2022 I did nights.",
        "I: Di tahun 2022 aku mulai, 20 persen potongan.",
        "I: Prices fall 2020 onwards, the app said.",
        "I: Rates fall 2019 to now, every year less.",
    ],
)
def test_what_stays_no_date(text: str) -> None:
    assert [d.text for d in find_said_dates(text)] == []


def test_near_month_cache_is_bounded() -> None:
    assert near_month.cache_info().maxsize == 4096


def test_near_month() -> None:
    assert near_month("Febuari") == "februari"
    assert near_month("Nopembr") == "nopember"
    assert near_month("Februari") is None  # a month itself
    assert near_month("Maret") is None  # too short to read one edit away
    assert near_month("Octopus") is None


def test_javanese_numbers() -> None:
    assert [parse_number(w) for w in ("selikur", "nembelas", "sèket kalih", "sangalikur", "rolas")] == [
        21,
        16,
        52,
        29,
        12,
    ]
    assert shift_age_text("selikur", 2) == "dua puluh tiga"


def test_kepala_surrogate_stays_as_written() -> None:
    assert shift_age_text("kapalo tigo", 1) == "kapalo tigo"
    assert shift_age_text("kepala tiga", -2) == "kepala tiga"
    assert shift_age_text("Kepala 3", 2) == "Kepala 3"
    assert shift_age_text("kepala sapuluah", 1) is None  # no decade of an age


def test_kepala_surrogate_agrees_with_the_exact_age() -> None:
    """The band and the exact age beside it stay one story: only the exact age moves."""
    gen = SurrogateGenerator(b"k" * 32, age_offset=1)
    text = "I: Ambo kapalo duo lah, duo puluah ampek bulan depan."
    ages = [d for d in detect(text, language="id") if d.type == "AGE"]
    assert [d.text for d in ages] == ["kapalo duo", "duo puluah ampek"]
    assert [gen.generate("AGE", d.text, language="id") for d in ages] == ["kapalo duo", "duo puluah limo"]
    assert shift_age_text("thirteen and a quarter", 2) == "fifteen and a quarter"


def test_date_surrogates() -> None:
    gen = SurrogateGenerator(b"k" * 32, date_offset=40)
    assert gen.generate("DATE", "Nopembr 2021", language="id") == "Desember 2021"
    moved = gen.generate("DATE", "spring 2017", language="en")
    assert moved != "spring 2017"
    assert moved.endswith("2017")
    assert respell_month("12 Pebuari") == "12 Februari"


@given(
    season=st.sampled_from(["spring", "summer", "autumn", "winter", "Fall"]),
    year=st.integers(1990, 2030),
    offset=st.integers(-365, 365).filter(lambda d: abs(d) >= 7),
)
def test_a_season_never_stays(season: str, year: int, offset: int) -> None:
    original = f"late {season} {year}"
    moved = shift_season(original, offset)
    assert moved is not None and moved != original
    word, new_year = moved.split()[1:]
    assert word.lower() in {"spring", "summer", "autumn", "winter", "fall"}
    assert abs(int(new_year) - year) <= 2


def test_tune_cases_floor() -> None:
    report = evaluate(CASES / "tune")
    assert report.per_type["AGE"].recall >= 0.95
    assert report.per_type["DATE"].recall >= 0.95
    assert report.overall.precision >= 0.95


def test_a_kepala_kept_as_written_leaves_the_age_offset_free() -> None:
    """A "kepala tiga" stays as written by rule: it shows no other age, so the offset is still chosen to move no age
    onto another (four years for 23, 24, 26 and 31 tahun) and the band stays."""
    from makna.privacy import KeyMapping

    ages = ["24 tahun", "23 tahun", "31 tahun", "26 tahun", "kepala tiga"]
    for seed in range(5):
        mapping = KeyMapping(secret=f"{seed + 70:064x}")
        mapping.settle_offsets([("AGE", a) for a in ages])
        assert abs(mapping.age_offset or 0) == 4
        assert mapping.surrogate("AGE", "kepala tiga") == "kepala tiga"
