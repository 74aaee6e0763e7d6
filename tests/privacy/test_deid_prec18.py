"""False positives and edges of round eighteen (#11, branch prec18): speaker labels that are roles or initials
(:mod:`makna.privacy.speakers`), ages closed over their unit, when they hold and the age to come
(:mod:`makna.privacy.span_edges`), and words their context shows to be no name (:mod:`makna.privacy.context_drops`,
:mod:`makna.privacy.person_kinds`).

Every sentence is invented for these tests, in both languages where the shape exists in both.
"""

from __future__ import annotations

import pytest
from test_deid_prec17 import _closed  # the same helper: spans of the parts, closed over their edges

from makna.privacy.context_drops import drop_context_things
from makna.privacy.detect import detect
from makna.privacy.span_edges import close_edges
from makna.privacy.speakers import find_labels, is_generic_label
from makna.privacy.types import Detection


def _det(text: str, part: str, kind: str, detector: str = "unknown.capitalised", after: int = 0) -> Detection:
    start = text.index(part, after)
    return Detection(start, start + len(part), kind, 0.9, detector, part)


def _found(text: str, language: str, kind: str | None = None) -> list[str]:
    return [d.text for d in detect(text, language=language) if kind is None or d.type == kind]


@pytest.mark.parametrize("label", ["Int.", "Resp.", "Inf.", "Mod."])
def test_a_role_cut_short_is_a_role(label: str) -> None:
    assert is_generic_label(label)


def test_initials_once_are_a_field_not_a_speaker() -> None:
    text = "Nama: Wulandari\nBSN: 284716390\nAlamat: Jalan Kenanga"
    assert "BSN" not in {lab.label for lab in find_labels(text)}
    text = "RK: Saya Wulandari.\nBT: Betul.\nRK: Ya.\nBT: Sudah."
    assert {"RK", "BT"} <= {lab.label for lab in find_labels(text) if lab.person is None}


@pytest.mark.parametrize("label", ["Huw", "HUW", "Sari", "Tomasz", "Dee."])
def test_a_name_label_stays_a_name(label: str) -> None:
    assert not is_generic_label(label)


def test_abbreviated_role_labels_are_no_person() -> None:
    text = "Int.: Can you hear me?\nResp.: Yes. My name is Odile Marchetti.\nInt.: Thank you.\nResp.: Sure."
    persons = _found(text, "en", "PERSON")
    assert "Int." not in persons and "Resp." not in persons
    assert "Odile Marchetti" in persons


def test_initials_labels_are_no_person_and_the_names_in_the_turns_stay() -> None:
    text = (
        "Moderator: Kita mulai perkenalan.\nRK: Saya Wulandari Sitompul, umur tiga puluh.\n"
        "BT: Saya Yohana Batubara.\nRK: Harga turun terus.\nBT: Betul, Bu."
    )
    persons = _found(text, "id", "PERSON")
    assert "RK" not in persons and "BT" not in persons
    assert "Wulandari Sitompul" in persons


@pytest.mark.parametrize(
    ("text", "first", "second", "language", "want"),
    [
        (
            "R: I'm thirty-four, going thirty-five.",
            "thirty-four",
            "thirty-five",
            "en",
            "thirty-four, going thirty-five",
        ),
        ("I: Umua ambo 36 taun, masuak 37.", "36 taun", "37", "id", "36 taun, masuak 37"),
        ("I: Umur saya dua puluh, mau dua puluh satu.", "dua puluh", "dua puluh satu", "id", None),
    ],
)
def test_an_age_and_the_age_to_come_are_one(
    text: str, first: str, second: str, language: str, want: str | None
) -> None:
    found = [_det(text, first, "AGE", "test"), _det(text, second, "AGE", "test", text.index(first) + len(first))]
    out = [d.text for d in close_edges(text, found, language)]
    assert out == [want or text[text.index(first) : text.rindex(second) + len(second)]]


def test_two_ages_without_a_linking_word_stay_two() -> None:
    text = "R: She's 25, 26 next month, and he's 30."
    found = [_det(text, "25", "AGE", "test"), _det(text, "26", "AGE", "test"), _det(text, "30", "AGE", "test")]
    assert [d.text for d in close_edges(text, found, "en")] == ["25", "26", "30"]


def test_an_age_stops_before_words_that_are_not_its_own() -> None:
    text = "R: I'm 44 in this job and tired."
    assert _closed(text, [("44", "AGE")]) == [("44", "AGE")]
    text = "I: Saya 29 tahun, jalan kaki ke pasar."  # a comma and no number after "jalan": not an age to come
    assert _closed(text, [("29 tahun", "AGE")], "id") == [("29 tahun", "AGE")]


def test_a_minang_weekday_and_pengujung_belong_to_the_date() -> None:
    text = "I: Kejadiannyo Kamih, 3 Oktober 2024."
    assert _closed(text, [("3 Oktober 2024", "DATE")], "id") == [("Kamih, 3 Oktober 2024", "DATE")]
    text = "I: Sudah tu, pengujung Juli 2023 ambo pindah."
    assert _closed(text, [("Juli 2023", "DATE")], "id") == [("pengujung Juli 2023", "DATE")]


def _kept(text: str, word: str, kind: str = "PERSON", detector: str = "unknown.capitalised") -> bool:
    found = [_det(text, word, kind, detector)]
    found += [_det(text, plate, "PLATE", "test") for plate in ("KX19 PQR", "BA 4471 QZ") if plate in text]
    return word in {d.text for d in drop_context_things(text, found)}


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        ("R: I was twenty minutes late to her.", "twenty", "AGE"),
        ("I: Saya tunggu dua puluh menit di sana.", "dua puluh", "AGE"),
        ("R: Me daughter's at the primary now.", "Me", "PERSON"),
        ("R: An old Corvane, KX19 PQR, that's mine.", "Corvane", "PERSON"),
        ("I: Motornya BA 4471 QZ, warna hitam.", "Motornya", "PERSON"),
    ],
)
def test_a_duration_a_pronoun_a_model_and_an_inflected_word_are_no_identifier(text: str, word: str, kind: str) -> None:
    assert not _kept(text, word, kind)


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        ("R: The baby was two hours old when we left.", "two", "AGE"),  # an age in hours is still an age
        ("R: I'm twenty, and the bus takes an hour.", "twenty", "AGE"),
        ("R: Meg's daughter is at the primary now.", "Meg", "PERSON"),
        ("R: I rang my old Marisol, she came at once.", "Marisol", "PERSON"),  # no plate after it
        ("I: Sonya datang jam sembilan.", "Sonya", "PERSON"),  # "-nya" on no root
    ],
)
def test_the_identifiers_that_look_like_them_stay(text: str, word: str, kind: str) -> None:
    assert _kept(text, word, kind)


def test_a_noun_before_a_name_on_an_app_is_no_name() -> None:
    text = "I: Tamu tu namonyo di aplikasi @contoh.saja, akun lah hilang. Tamu ambo suruah video call dulu."
    assert "Tamu" not in _found(text, "id", "PERSON")
    text = "I: Kawan ambo, Sondang tu namonyo asli, urang Tarutung."  # a name explained as a name stays one
    assert "Sondang" in _found(text, "id", "PERSON")


def test_an_age_to_come_found_alone_keeps_its_date_out() -> None:
    text = "R: I'm fifty now, I'll be fifty-one in October."
    assert _closed(text, [("fifty", "AGE"), ("fifty-one", "AGE")]) == [("fifty", "AGE"), ("fifty-one", "AGE")]
    text = "I: Umua ambo duo puluah anam pas bulan depan."
    assert _closed(text, [("duo puluah anam", "AGE")], "id") == [("duo puluah anam", "AGE")]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("I: Kami jumpa Nurul Ain binte Kassim di kedai.", [("Nurul Ain", "PERSON"), ("Kassim", "PERSON")]),
        ("R: The lady, Rajeswari d/o Subramaniam, helped.", [("Rajeswari", "ORG"), ("Subramaniam", "PERSON")]),
        ("R: Saravanan a/l Muniandy drove.", [("Saravanan", "LOCATION"), ("Muniandy", "PERSON")]),
        ("I: Saya Hasnah Daeng Ngai, dari pesisir.", [("Hasnah", "PERSON"), ("Ngai", "PERSON")]),
        ("R: Ask Wanjiru wa Kamau at the stage.", [("Wanjiru", "PERSON"), ("Kamau", "PERSON")]),
        ("R: A woman, Kirsty Nic a' Phì, rang.", [("Kirsty Nic", "PERSON"), ("Phì", "PERSON")]),
    ],
)
def test_a_name_with_its_particle_is_one_person(text: str, parts: list[tuple[str, str]]) -> None:
    whole = text[text.index(parts[0][0]) : text.index(parts[-1][0]) + len(parts[-1][0])]
    assert _closed(text, parts) == [(whole, "PERSON")]


def test_names_apart_stay_apart() -> None:
    text = "I: Ani di Pasar Raya tiap pagi."  # a preposition, not a particle
    assert _closed(text, [("Ani", "PERSON"), ("Pasar Raya", "LOCATION")], "id") == [
        ("Ani", "PERSON"),
        ("Pasar Raya", "LOCATION"),
    ]
    text = "R: Ask Wanjiru wa Kamau Road, the stage."  # a particle joins two of one type only
    assert _closed(text, [("Wanjiru", "PERSON"), ("Kamau Road", "LOCATION")]) == [
        ("Wanjiru", "PERSON"),
        ("Kamau Road", "LOCATION"),
    ]
    text = "R: Sam a' Jo came."  # "a'" only after "Nic" or "Mac"
    assert _closed(text, [("Sam", "PERSON"), ("Jo", "PERSON")]) == [("Sam", "PERSON"), ("Jo", "PERSON")]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("I: How many hours a week?\nR: Forty, sometimes fifty.", "Forty"),
        ("P: Berapa jam sehari kerjanya?\nI: Dua belas, kadang lebih.", "Dua belas"),
        ("T: Bara kali saminggu?\nJ: Tigo, Ni.", "Tigo"),
    ],
)
def test_a_number_answering_a_count_question_is_no_age(text: str, number: str) -> None:
    assert not _kept(text, number, "AGE", "age.after_person")


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("I: How old are you?\nR: Forty, sometimes I feel fifty.", "Forty"),  # the question is for an age
        ("P: Berapa umurnya sekarang?\nI: Dua belas, kelas enam.", "Dua belas"),
        ("I: How many years is that?\nR: Forty, since the war.", "Forty"),  # years: an age may answer it
        ("I: How many hours a week?\nR: I work a lot.\nR: Forty, she is.", "Forty"),  # not right after the question
    ],
)
def test_a_number_answering_an_age_question_stays(text: str, number: str) -> None:
    assert _kept(text, number, "AGE", "age.after_person")


def test_a_holiday_is_no_organisation() -> None:
    assert not _kept("R: Once. Bank Holiday Monday they paid us flat.", "Bank Holiday", "ORG", "org.cue")
    assert _kept("R: I worked for Bank Negara then.", "Bank Negara", "ORG", "org.cue")
