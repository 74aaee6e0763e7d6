"""The learned layer's own ages, dates, identity numbers and plates pass the rules' validation of their type
(crfnum20, round twenty). Invented sentences: look-alikes of the kinds the model read as identifiers (span19) and
true identifiers said without the cue words the rules read."""

from __future__ import annotations

import pytest

from makna.privacy import detect
from makna.privacy.learned import DETECTOR, LEARNED_TYPES, disabled
from makna.privacy.learned_checks import CHECKED_TYPES, validated


def _check(text: str, target: str, kind: str) -> bool:
    start = text.index(target)
    return validated(text, start, start + len(target), kind)


REFUSED = [
    # a price or a fee with its fraction, said of no person
    ("P: The deposit came to 38 and a half, cash.", "38 and a half", "AGE"),
    ("Narasumber: Sewanyo tigo puluah jo satangah sabulan.", "tigo puluah", "AGE"),
    # a year of birth, a postcode
    ("Narasumber: Kakak saya lahir 1967 di kampung.", "1967", "AGE"),
    ("P: It's 4 Tern Row, Kelsby, 3187.", "3187", "AGE"),
    # how long, not how old
    ("Narasumber: Alah anam baleh taun manjaik di pasa.", "anam baleh taun", "AGE"),
    ("Narasumber: Suami saya sudah dua puluh tahun kerja di sana.", "dua puluh tahun", "AGE"),
    ("P: Berapa lama di Padang?\nI: Saya dari Bukittinggi. Tujuh. Eh, tujuh tahun.", "tujuh tahun", "AGE"),
    # said of no one: a thing's years, a list of numbers, a marriage's years
    ("Narasumber: Warungnya, lima tahun jalan bulan depan.", "lima tahun jalan", "AGE"),
    ("P: They bought 14, 27 and 33 of them.", "27", "AGE"),
    ("Narasumber: Kawinnya sekarang 9 tahun, anaknya satu.", "9 tahun", "AGE"),
    # a sum, a count or a unit after the number
    ("P: The lads were 19 quid each.", "19", "AGE"),
    ("Narasumber: Yang datang 35 orang.", "35", "AGE"),
    # a thing's age
    ("P: It's an eight-year-old fridge, it hums.", "eight-year-old", "AGE"),
    # clock hours, a fraction, an impossible day or month, a number of hours, a reference number
    ("Narasumber: Biasanya pulang jam 6/7 malam.", "6/7", "DATE"),
    ("P: Add 1/4 of the flour.", "1/4", "DATE"),
    ("P: The crime reference was 231/14/2023.", "231/14/2023", "DATE"),
    ("P: I did Monday 14 hours straight.", "Monday 14", "DATE"),
    ("P: The letter said 418-227-906, no idea.", "418-227-906", "DATE"),
    # a day and a month alone, with no date cue before it or time after it (the rules' own condition)
    ("P: Shift starts at 7.30, 24/7 support, they take half the tips.", "24/7", "DATE"),
    ("Narasumber: Kerjanya 9-5, libur Minggu.", "9-5", "DATE"),
    # a payment card, a bare run of digits, a number a sentence after a document word
    ("P: I paid with 5555 5555 5555 4444, the firm's card.", "5555 5555 5555 4444", "NATIONAL_ID"),
    ("P: Tracking said 73015526, still nothing.", "73015526", "NATIONAL_ID"),
    ("Narasumber: KTP saya hilang. Nomor resinya 3301 8899 1190 5567.", "3301 8899 1190 5567", "NATIONAL_ID"),
    # a plate's look-alikes: capitals where the line has no lower case, a size, a distance
    ("P: WE MOVED TO HARLOW IN MAY", "HARLOW IN", "PLATE"),
    ("P: The engine is 1200 CC, a decent bike.", "1200 CC", "PLATE"),
    ("P: The shop is 1500 M away from us.", "1500 M", "PLATE"),
]

ACCEPTED = [
    ("Narasumber: Adik saya, Wulansari, sembilan belas tahun jalan.", "sembilan belas tahun jalan", "AGE"),
    ("Narasumber: Ambo kini tigo puluah anam taun, Uni.", "tigo puluah anam taun", "AGE"),
    ("P: My nan's ninety-three come March.", "ninety-three come March", "AGE"),
    ("P: My son's 6 and a half now, he's at school.", "6 and a half", "AGE"),
    ("Narasumber: Kami pindah 14/8/2019 ke kota.", "14/8/2019", "DATE"),
    ("Narasumber: Dia datang tanggal 25/6 ke kos.", "25/6", "DATE"),
    ("P: He rang on 12/3 at 9 and never again.", "12/3", "DATE"),
    ("P: We left on Tuesday the 3rd.", "Tuesday the 3rd", "DATE"),
    ("Narasumber: Nomornya 1397 0541 0362 0002, di KTP.", "1397 0541 0362 0002", "NATIONAL_ID"),
    ("P: Put down 118-374-909 on the form.", "118-374-909", "NATIONAL_ID"),  # a check digit of a published scheme
    ("P: My ID, 226-581-930, was on it.", "226-581-930", "NATIONAL_ID"),  # a document word in its sentence
    ("P: He drove off in 6624 KT, a blue one.", "6624 KT", "PLATE"),
    ("Narasumber: Motornya BA 4471 QX, hitam.", "BA 4471 QX", "PLATE"),
]


def test_the_checked_types_are_learned_types() -> None:
    assert CHECKED_TYPES <= LEARNED_TYPES


@pytest.mark.parametrize(("text", "target", "kind"), REFUSED)
def test_a_look_alike_fails_the_rules_validation(text: str, target: str, kind: str) -> None:
    assert not _check(text, target, kind)


@pytest.mark.parametrize(("text", "target", "kind"), ACCEPTED)
def test_a_true_identifier_passes_the_rules_validation(text: str, target: str, kind: str) -> None:
    assert _check(text, target, kind)


def test_named_types_pass_unchecked() -> None:
    assert _check("P: I met 1967 there.", "1967", "PERSON")


@pytest.mark.parametrize(
    ("text", "language"), [(t, "id" if t.startswith("Narasumber") else "en") for t, _, _ in REFUSED]
)
def test_no_learned_structured_span_on_a_look_alike(text: str, language: str) -> None:
    found = detect(text, language=language)
    assert not [d for d in found if d.detector == DETECTOR and d.type in CHECKED_TYPES]


# Ages said with a qualifier and no age word, which the rules leave alone and the model finds (invented)
FOUND = [
    (
        "Narasumber: Ayah saya tukang ojek. Dia sendiri lima puluh tujuh tahun jalan sekarang, masih sehat.",
        "id",
        "lima puluh tujuh tahun jalan",
    ),
    (
        "Narasumber: Umur ambo? Duo puluah sambilan taun, Uni. Urang rumah ambo lahia 1990.",
        "id",
        "Duo puluah sambilan taun",
    ),
]


@pytest.mark.parametrize(("text", "language", "target"), FOUND)
def test_the_model_adds_an_age_the_rules_miss(text: str, language: str, target: str) -> None:
    start = text.index(target)
    with disabled():
        rules = detect(text, language=language)
    found = detect(text, language=language)
    over = [d for d in found if d.start < start + len(target) and start < d.end]
    assert not [d for d in rules if d.start < start + len(target) and start < d.end and d.type == "AGE"]
    assert [d.type for d in over] == ["AGE"]


@pytest.mark.parametrize(
    ("text", "target", "kind"),
    [
        ("p: the bike, bk 62 tx 7718, was outside.", "62 tx 7718", "AGE"),  # a lower-cased plate's digits
        ("p: it's flat 3/2, 48 dunmore street.", "3/2, 48", "DATE"),  # an address's numbers
        ("p: glasgow g41 7pq, near the park.", "g41 7pq", "DATE"),  # a lower-cased postcode
    ],
)
def test_lower_cased_codes_are_no_ages_or_dates(text: str, target: str, kind: str) -> None:
    assert not _check(text, target, kind)


# checks21 (round twenty-one): the checks as strict as the rules they cite. Invented look-alikes of four kinds the
# crfnum20 checks let through, and the true identifiers of each kind that must still pass.
TIGHTER_REFUSED = [
    # four digits with no year cue: a door code, a price, a bare year (the open annotations leave a bare year out)
    ("P: The gate code was 4417, she said.", "4417", "DATE"),
    ("P: They built the flats in 1993, all of them.", "1993", "DATE"),
    ("Narasumber: Tahun 2011 saya masih di kampung.", "2011", "DATE"),
    # a lone number word: a clock hour, a count
    ("P: The shift ends at eleven, most nights.", "eleven", "DATE"),
    ("Narasumber: Tokonya tutup jam sembilan malam.", "sembilan", "DATE"),
    ("P: I waited fifteen minutes for her.", "fifteen", "DATE"),
    # a number after a pronoun and a verb: a sum or a count, not the person's age
    ("P: She handed me 60 and left.", "60", "AGE"),
    ("Narasumber: Dia minta 35, saya kasih saja.", "35", "AGE"),
    ("P: My brother sold 24 on the Sunday.", "24", "AGE"),
    # a number in a sentence with a document word: a fee, a count
    ("P: The visa and passport came to 2300 in the end.", "2300", "NATIONAL_ID"),
    ("Narasumber: Ongkos bikin KTP baru 150 ribu.", "150", "NATIONAL_ID"),
]

TIGHTER_ACCEPTED = [
    ("P: We came over in late 2016, in the rain.", "late 2016", "DATE"),
    ("P: She left in March 2021, I think.", "2021", "DATE"),
    ("Narasumber: Dia pindah pertengahan 2014 ke kota.", "pertengahan 2014", "DATE"),
    ("Narasumber: Dia datang tanggal sembilan, sore.", "sembilan", "DATE"),
    ("P: We met on the ninth of June.", "ninth", "DATE"),
    ("P: My sister, she's 44 this year.", "44", "AGE"),
    ("Narasumber: Adik saya, dia 16, masih sekolah.", "16", "AGE"),
    ("Narasumber: Kakak ambo kini 31, Uni.", "31", "AGE"),
    ("P: My passport number's 55120934, I think.", "55120934", "NATIONAL_ID"),
]


@pytest.mark.parametrize(("text", "target", "kind"), TIGHTER_REFUSED)
def test_a_look_alike_the_loose_checks_passed_is_refused(text: str, target: str, kind: str) -> None:
    assert not _check(text, target, kind)


@pytest.mark.parametrize(("text", "target", "kind"), TIGHTER_ACCEPTED)
def test_a_true_identifier_still_passes_the_tighter_checks(text: str, target: str, kind: str) -> None:
    assert _check(text, target, kind)


def test_a_bare_number_after_a_person_or_an_age_is_in_age_position() -> None:
    text = "Narasumber: Anaknya Wulan 12, adiknya baru 9. Umurnya dua lima, mau dua enam."
    wulan = text.index("Wulan")
    twelve = text.index("12")
    assert validated(text, twelve, twelve + 2, "AGE", [wulan], [wulan + len("Wulan")])
    assert not validated(text, twelve, twelve + 2, "AGE", [wulan], [])  # no person ends there: "Wulan" unknown
    first = text.index("dua lima")
    second = text.index("dua enam")
    assert validated(text, second, second + len("dua enam"), "AGE", [], [], [first + len("dua lima")])
    assert not validated(text, second, second + len("dua enam"), "AGE", [], [], [])
