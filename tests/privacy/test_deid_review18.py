"""Review of round eighteen's late drops (#11, branch review18): the drops of
:mod:`makna.privacy.context_drops` that leaked a real identifier on invented sentences, and the look-alikes that
must still go.

Every sentence is invented for these tests, in both languages where the shape exists in both.
"""

from __future__ import annotations

import pytest

from makna.privacy.context_drops import drop_context_things
from makna.privacy.detect import detect
from makna.privacy.types import Detection


def _det(text: str, part: str, kind: str, detector: str) -> Detection:
    start = text.index(part)
    return Detection(start, start + len(part), kind, 0.9, detector, part)


def _kept(text: str, part: str, kind: str, detector: str) -> bool:
    return part in {d.text for d in drop_context_things(text, [_det(text, part, kind, detector)])}


def _covered(text: str, part: str, language: str) -> bool:
    """Whether every mention of ``part`` in ``text`` lies inside a detection."""
    found = detect(text, language=language)
    starts = [i for i in range(len(text)) if text.startswith(part, i)]
    return all(any(d.start <= s and s + len(part) <= d.end for d in found) for s in starts)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("R: My friend Mine works nights at the karaoke. I told Mine to hide.", "en"),
        ("I: Kawan saya Mine kerja malam di karaoke. Mine takut polisi.", "id"),
    ],
)
def test_a_name_that_is_an_english_pronoun_stays_when_a_cue_says_person(text: str, language: str) -> None:
    # "Mine" is a Turkish given name; a cue of its own ("my friend", "kawan saya") typed it
    assert _covered(text, "Mine", language)


def test_a_pronoun_only_a_capital_letter_made_still_goes() -> None:
    assert not _kept("R: Me daughter's at the primary now.", "Me", "PERSON", "unknown.capitalised")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("R: I drove for Sumbar Holiday for two years, tourists mostly.", "en"),
        ("I: Saya kerja di Sumbar Holiday sebagai sopir.", "id"),
        ("I: Ambo karajo di Ranah Minang Holiday, bawa tamu ka Bukittinggi.", "id"),
    ],
)
def test_a_firm_named_holiday_is_no_bank_holiday(text: str, language: str) -> None:
    part = "Ranah Minang Holiday" if "Ranah" in text else "Sumbar Holiday"
    assert _covered(text, part, language)


@pytest.mark.parametrize(
    "text",
    ["R: Once. Bank Holiday Monday they paid us flat.", "R: We shut over the Public Holiday weekend."],
)
def test_a_holiday_of_ordinary_words_is_still_no_organisation(text: str) -> None:
    part = "Bank Holiday" if "Bank" in text else "Public Holiday"
    assert not _kept(text, part, "ORG", "org.cue")


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("I: Umur saya 23 jam 9 malam saya sudah di jalan.", "23"),
        ("J: Umua ambo 25 jam 8 malam ambo baru pulang.", "25"),
    ],
)
def test_an_age_said_as_an_age_is_no_duration(text: str, age: str) -> None:
    # "jam 9" is a time of day, and "umur"/"aged" says the number is an age
    assert _kept(text, age, "AGE", "age.particle")


@pytest.mark.parametrize(
    ("text", "number"),
    [("R: I was twenty minutes late to her.", "twenty"), ("I: Saya tunggu dua puluh menit di sana.", "dua puluh")],
)
def test_a_duration_still_goes(text: str, number: str) -> None:
    assert not _kept(text, number, "AGE", "age.particle")


@pytest.mark.parametrize(
    ("text", "name", "language"),
    [
        ("R: In the 2022 Kasmiati case the court never called us. Later Kasmiati told me.", "Kasmiati", "en"),
        ("R: I met a 2019 Sembiring graduate at the office.", "Sembiring", "en"),
    ],
)
def test_a_name_after_a_year_that_names_an_event_or_a_cohort_stays(text: str, name: str, language: str) -> None:
    # a year and a name before a noun it qualifies: a case, a cohort, not a vehicle's model
    assert _kept(text, name, "PERSON", "unknown.capitalised")
    assert _covered(text, name, language)


@pytest.mark.parametrize(
    "text",
    [
        "R: I drive a 2012 Corvane, it eats petrol.",
        "R: My car's a 2009 Corvane and the clutch is going.",
        "R: I drive a 2013 Corvane for the app.",
        "R: He had a 2015 Corvane.",
    ],
)
def test_a_model_after_its_year_still_goes(text: str) -> None:
    assert not _kept(text, "Corvane", "PERSON", "unknown.capitalised")


@pytest.mark.parametrize(
    ("text", "age", "language"),
    [
        ("I: How old are you?\nR: Thirty-two come Eid.", "Thirty-two", "en"),
        ("I: How old are you?\nR: Forty-four next Diwali.", "Forty-four", "en"),
        ("P: Umur berapa?\nI: Tigo puluah duo pas Lebaran.", "Tigo puluah duo", "id"),
        ("P: Umurnya berapa, Bu?\nI: Empat puluh satu waktu Imlek.", "Empat puluh satu", "id"),
    ],
)
def test_an_age_answer_that_turns_at_any_feast_is_an_age(text: str, age: str, language: str) -> None:
    # gap18 read "come Friday", "at Christmas" from a closed list of months, weekdays and four feasts; any day a
    # list of calendar words knows is the same answer, and the age must not be lost whole
    assert _covered(text, age, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [("I: How old are you?\nR: Thirty-two in Padang.", "en"), ("P: Umur berapa?\nI: Tigo puluah duo di Padang.", "id")],
)
def test_an_age_answer_does_not_swallow_a_place(text: str, language: str) -> None:
    found = detect(text, language=language)
    assert any(d.text == "Padang" and d.type == "LOCATION" for d in found)


@pytest.mark.parametrize(
    "text",
    [
        "R: I rang Wrenfield Cleaning number 0812 5550 1234 and they took me on.",
        "R: I called Harbour Lights Care number 07700 900123 about the job.",
    ],
)
def test_a_firm_before_its_telephone_number_is_no_document(text: str) -> None:
    # the document rule reads English words only ("number", "permit", "visa", "ID"): no Indonesian case
    firm = "Wrenfield Cleaning" if "Wrenfield" in text else "Harbour Lights Care"
    assert _covered(text, firm, "en")


def test_a_document_before_its_number_still_goes() -> None:
    text = "R: It was my Civic Registry number, 4471-2290-1834."
    assert not _kept(text, "Civic Registry", "ORG", "org.suffix")


@pytest.mark.parametrize(
    ("text", "whole", "language"),
    [
        ("R: I'm thirty-four, going on thirty-five.", "thirty-four, going on thirty-five", "en"),
        ("R: I'm thirty-four, going thirty-five.", "thirty-four, going thirty-five", "en"),
        ("R: I'm thirty-four, going thirty-five at Easter.", "thirty-four, going thirty-five at Easter", "en"),
        ("I: Umua ambo tigo puluah duo, jalan tigo puluah tigo.", "tigo puluah duo, jalan tigo puluah tigo", "id"),
    ],
)
def test_the_age_to_come_after_a_linking_word_is_part_of_the_age(text: str, whole: str, language: str) -> None:
    # prec18 joins two ages over "going"/"jalan" only when a detector found the second; a spelt-out second one
    # that none found stayed out, and it tells the age as well as the first
    assert _covered(text, whole, language)


def test_a_pronoun_a_weak_detector_read_still_goes() -> None:
    text = "R: Me and him, we go back years. Me mam said so."
    assert "Me" not in {d.text for d in detect(text, language="en")}
