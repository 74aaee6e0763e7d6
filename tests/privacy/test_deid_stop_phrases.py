"""A stop list line may hold a phrase (#11): a given name that is also half of a holiday or a product ("Fitri" of
"Idul Fitri", "Sienna" of "Toyota Sienna", "Hari" and "Raya" of "Hari Raya") is a name again on its own, and
never one inside the phrase. Every sentence is invented for these tests."""

from __future__ import annotations

import pytest

from makna.privacy import gazetteers as gz
from makna.privacy.detect import detect


def _persons(text: str, language: str) -> set[str]:
    return {d.text for d in detect(text, language=language) if d.type == "PERSON"}


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("Saya Fitri, dari Koto Tangah.", "id", "Fitri"),
        ("Kemarin Fitri datang ke kos, bawa nasi.", "id", "Fitri"),
        ("My colleague Fitri drove me home.", "en", "Fitri"),
        ("My friend Sienna picked me up at eight.", "en", "Sienna"),
        ("We had tea with Sienna and Dorota.", "en", "Sienna"),
    ],
)
def test_name_that_is_half_of_a_phrase_is_found(text: str, language: str, name: str) -> None:
    assert name in _persons(text, language)


@pytest.mark.parametrize(
    ("text", "language", "word"),
    [
        ("Waktu Idul Fitri kemarin saya pulang kampung.", "id", "Fitri"),
        ("Hari Raya Idul Fitri saya di rumah saja.", "id", "Fitri"),
        ("We met after Idul Fitri, in Padang.", "en", "Fitri"),
        ("I drive a Toyota Sienna for work.", "en", "Sienna"),
        ("Hari Raya kami ke kampung.", "id", "Hari"),
    ],
)
def test_word_inside_a_listed_phrase_is_no_identifier(text: str, language: str, word: str) -> None:
    assert not [d for d in detect(text, language=language) if word in d.text]


def test_phrase_in_the_same_text_as_the_name() -> None:
    found = {(d.text, d.start) for d in detect("Idul Fitri kemarin Fitri pulang ke Solok.", language="id")}
    assert ("Fitri", 19) in found
    assert ("Fitri", 5) not in found


def test_phrase_words_are_not_stop_words_alone() -> None:
    stop = gz.stop_caps()
    assert "Idul Fitri" in stop
    assert "Fitri" not in stop
    assert "Fitri" in gz.first_names("id")


def test_a_phrase_drops_its_own_mention_only() -> None:
    # "Idul Fitri" says nothing about the guessed "Fitri" who visits later in the same text
    from makna.privacy.lookalikes import drop_lookalikes
    from makna.privacy.types import Detection

    text = "Waktu Idul Fitri kemarin rame. Fitri datang ke rumah."
    holiday, visitor = text.index("Fitri"), text.rindex("Fitri")
    found = [Detection(holiday, holiday + 5, "PERSON", 0.6, "learned", "Fitri"),
             Detection(visitor, visitor + 5, "PERSON", 0.6, "learned", "Fitri")]
    assert [d.start for d in drop_lookalikes(text, "id", found)] == [visitor]
