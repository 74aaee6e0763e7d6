"""Drops of round seventeen that leaked a real identifier (#11, branch review17).

Each sentence is invented. ``context_drops`` dropped a one-word name or place by the shape of the words around it
(a model year, a plate, a plural noun of people, a document's noun, a bracket at a line's start); these are the
same shapes around a word that is a person's name or a town's, and the identifier must survive detection.
"""

from __future__ import annotations

import pytest

from makna.privacy import detect


def _covered(text: str, word: str, language: str = "en") -> bool:
    start = text.index(word)
    end = start + len(word)
    return any(d.start <= start and end <= d.end for d in detect(text, language=language))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("R: We met at the 2019 Padang night market, she never came back.", "Padang"),  # a year, then a listed town
        ("[Reading, 12 March 2024, recorded by the second interviewer]", "Reading"),  # a town opening a note
        ("R: The agency sends Dewi clients every week.", "Dewi"),  # a listed name before a plural noun of people
        ("R: I showed Tiurma customers where to wait.", "Tiurma"),
        ("R: I rode with my Rahmat, plate BA 5555 XY, every night.", "Rahmat"),  # a listed name before a plate
        ("R: I gave Rosmawati number 0812 5550 1234 before she left.", "Rosmawati"),  # a person handed a number
        ("R: Her friend Yusnidar ID card was 1384 0000 5555 0001.", "Yusnidar"),  # a person's document
    ],
)
def test_a_name_in_a_things_shape_is_still_found(text: str, word: str) -> None:
    assert _covered(text, word)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("R: I drive a 2012 Corvane, it eats petrol.", "Corvane"),
        ("R: Mostly elderly Tamil ladies on my round.", "Tamil"),
        ("[Recorded at the community hall, evening]", "Recorded"),
        ("R: They asked for my Kestrel Card number, 4471-2290-1183, twice.", "Kestrel Card"),
    ],
)
def test_the_things_are_still_dropped(text: str, word: str) -> None:
    assert not _covered(text, word)


def test_a_possessive_after_a_verb_of_speaking_is_a_person() -> None:
    assert _covered("R: I speak Tiurma's language now, we are that close.", "Tiurma")
    assert not _covered("R: Most of the ladies speak Kadazan at home.", "Kadazan")


@pytest.mark.parametrize(
    ("text", "want", "language"),
    [
        ("I: Saya pindah akhir bulan Mei 2023 ke kota.", "akhir bulan Mei 2023", "id"),  # "bulan" between
        ("I: Ambo pindah di ujuang bulan Juni 2022.", "ujuang bulan Juni 2022", "id"),
        ("R: We moved at the end of May 2023, just before the rent went up.", "the end of May 2023", "en"),
        ("R: It started at the beginning of June 2022.", "the beginning of June 2022", "en"),
        ("R: I'm twenty-nine and three-quarters, near enough.", "twenty-nine and three-quarters", "en"),
    ],
)
def test_a_dates_or_an_ages_qualifier_in_its_other_spellings(text: str, want: str, language: str) -> None:
    start = text.index(want)
    assert any(d.start <= start and start + len(want) <= d.end for d in detect(text, language=language))


def test_a_part_of_the_month_needs_the_month_right_after() -> None:
    text = "R: At the end of the day, May 2023 was the worst."  # "of the day": not the month's
    assert not any(d.text.startswith(("the end", "end")) for d in detect(text, language="en"))


@pytest.mark.parametrize(
    ("text", "word", "language"),
    [
        ("I: Username ambo di aplikasi tu Kuntum, Kak.", "Kuntum", "id"),
        ("R: My username on the app was Harbour, I picked it myself.", "Harbour", "en"),
    ],
)
def test_a_username_on_an_app_is_a_person(text: str, word: str, language: str) -> None:
    start = text.index(word)
    hits = [d for d in detect(text, language=language) if d.start <= start and start + len(word) <= d.end]
    assert [d.type for d in hits] == ["PERSON"]


def test_a_name_after_a_verb_before_a_plural_noun_of_people_is_a_person() -> None:
    assert _covered("R: I showed Rosmawati customers where to wait.", "Rosmawati")  # a verb before: an object
    assert not _covered("R: Mostly elderly Asian ladies on my round.", "Asian")  # a describing word before
    assert not _covered("R: The Pahari girls share one flat.", "Pahari")  # an article before
