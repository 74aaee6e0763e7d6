"""The words around an age that english28 reads (round twenty-eight: ``agewords``, ``agecues``, ``agelists``).

* between a person found and an aspect word, a demonstrative or discourse particle (``Rina kan masih tujuh
  tahun``, ``Mbak Wulan tuh sudah tiga puluh``), as ``itu`` alone was read before;
* between an English verb of being and an age, words of degree (kept in the span, as the gold conventions keep
  them: ``she's well over ninety and``, ``he's past forty``) or of stance (``she's exactly sixty``), and the
  verb's future (``he'll be eighty-one``, ``Lars will be seventy``); never a rating (``I was under 4.7``);
* a name no detector found right before an age in brackets (``Wanjiru (nine) walks``, ``Putu (sebelas) suka``):
  the name a PERSON and the number an AGE.

Invented sentences, both languages, with look-alikes that must stay undetected.
"""

from __future__ import annotations

import pytest

from makna.privacy.agecontext import ages_after_persons
from makna.privacy.agecues import find_said_ages
from makna.privacy.agelists import listed_ages
from makna.privacy.types import Detection


def _person(text: str, name: str) -> Detection:
    start = text.index(name)
    return Detection(start, start + len(name), "PERSON", 0.9, "test", name)


@pytest.mark.parametrize(
    ("text", "name", "said"),
    [
        ("P: Anak saya Rina kan masih tujuh tahun.", "Rina", "tujuh tahun"),
        ("P: Adiknya Sari kok lah sembilan tahun.", "Sari", "sembilan tahun"),
        ("P: Mbak Wulan tuh sudah tiga puluh, belum menikah.", "Wulan", "tiga puluh"),
        ("P: Si Ucok juga sudah lima belas, sudah SMA.", "Ucok", "lima belas"),
        ("P: Teh Euis mah parantos opat puluh.", "Euis", "opat puluh"),
    ],
)
def test_a_particle_between_a_person_and_an_aspect_word(text: str, name: str, said: str) -> None:
    found = [_person(text, name)]
    assert said in [d.text for d in ages_after_persons(text, found) if d.type == "AGE"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("P: Pak Darto kan sudah lima tahun kerja di pabrik.", "Darto"),
        ("P: Bu Sari juga sudah tiga kali ke Batam.", "Sari"),
        ("P: Rina kan tujuh tahun di Malaysia.", "Rina"),
    ],
)
def test_no_age_after_a_particle_where_the_number_goes_on_or_no_aspect_word(text: str, name: str) -> None:
    found = [_person(text, name)]
    assert not [d for d in ages_after_persons(text, found) if d.type == "AGE"]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("R: Me gran in Leeds, she's well over ninety and still does the crossword.", "well over ninety"),
        ("R: Our Siobhan's past forty now.", "past forty"),
        ("R: Aunt Ruby down in Macon, she's like eighty-seven and drives to church.", "eighty-seven"),
        ("R: Mrs Tremblay, she's exactly sixty and just retired.", "sixty"),
        ("R: Grandpa Lars, he'll be eighty-one.", "eighty-one"),
        ("R: My pops Torvald will be seventy, he keeps saying so.", "seventy"),
        ("R: Uncle Bazza is over seventy and still fishing.", "over seventy"),
        ("R: My landlord's well over eighty, bless him.", "well over eighty"),
    ],
)
def test_words_of_degree_and_the_future_after_a_verb_of_being(text: str, said: str) -> None:
    assert said in [d.text for d in find_said_ages(text)]


@pytest.mark.parametrize(
    "text",
    [
        "R: They're over twenty in the group chat now.",
        "R: She's like ten minutes away from the clinic.",
        "R: He'll be two hours late, the bus broke down.",
        "R: It was well over fifty dollars for the taxi.",
        "R: They're well over forty and growing.",
        "R: After that I was under 4.7 and the app sent me warnings.",
        "R: She was 4.5 on the app, then 4.9.",
    ],
)
def test_no_age_from_a_count_a_duration_or_a_sum(text: str) -> None:
    assert not list(find_said_ages(text))


@pytest.mark.parametrize(
    ("text", "name", "said"),
    [
        ("R: Wanjiru (nine) walks to school with her cousin.", "Wanjiru", "nine"),
        ("R: Obinna (11) plays football on Saturdays.", "Obinna", "11"),
        ("R: Kofi (7) and Ama (5) both go to the school.", "Ama", "5"),
        ("P: Putu (sebelas) suka menari di banjar.", "Putu", "sebelas"),
        ("P: Dewi (sembilan) sekolah di SD dekat rumah.", "Dewi", "sembilan"),
    ],
)
def test_a_name_before_an_age_in_brackets(text: str, name: str, said: str) -> None:
    found = listed_ages(text, [])
    assert (name, "PERSON") in [(d.text, d.type) for d in found]
    assert (said, "AGE") in [(d.text, d.type) for d in found]


@pytest.mark.parametrize(
    "text",
    [
        "R: Room (12) is where the nurses sit.",
        "R: Chapter (9) is the boring bit.",
        "R: Call Home (03) 5550 4821 after six.",
        "R: Phone (647) 555-0123 any time.",
        "R: Order from Indomie (5) boxes at a time.",
        "P: Bus (12) lewat jam tujuh.",
        "R: Lagos (3) and Accra (2) had the most stalls.",
    ],
)
def test_no_name_and_age_from_a_word_in_brackets_that_is_no_name(text: str) -> None:
    assert listed_ages(text, []) == []


def test_a_name_found_already_keeps_its_detection_and_gets_the_age_once() -> None:
    text = "R: Wanjiru (nine) walks to school."
    found = listed_ages(text, [_person(text, "Wanjiru")])
    assert [(d.text, d.type) for d in found] == [("Wanjiru", "PERSON"), ("nine", "AGE")]
