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
