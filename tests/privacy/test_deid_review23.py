"""Round twenty-three's changes read again (review23, #11): what a second reading found in surr23's surrogates
for a study of two countries and ages23's lists of ages."""

from __future__ import annotations

import pytest

from makna.privacy.place_countries import context_region


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("My mother still lives in Cilongokwetan and I work in Singapore now.", "Cilongokwetan"),
        ("Ibu saya masih di Cilongokwetan dan saya kerja di Singapura.", "Cilongokwetan"),
        ("Saya lahir di Sukamanahwetan, lalu berangkat ke Hong Kong tahun 2015.", "Sukamanahwetan"),
        ("I grew up in Sukamanahwetan but then I went to Hong Kong.", "Sukamanahwetan"),
        ("Di Hong Kong kerja terus, tapi kampung saya Sukamanahwetan.", "Sukamanahwetan"),
    ],
)
def test_a_country_in_another_clause_is_not_the_places(text: str, place: str) -> None:
    """A home village no list knows, in a clause of its own, does not take the country of the next clause (it
    became a Singapore or Hong Kong neighbourhood): the source's region decides."""
    start = text.index(place)
    assert context_region(text, start, start + len(place)) is None


@pytest.mark.parametrize(
    ("text", "place", "region"),
    [
        ("Every Sunday I go to Lucky Plaza, Singapore.", "Lucky Plaza", "SG"),
        ("We meet at Causeway Bay on Sundays, in Hong Kong.", "Causeway Bay", "HK"),
        ("Tiap Minggu ke Lucky Plaza di Singapura, lalu pulang.", "Lucky Plaza", "SG"),
        ("Di Singapura saya ke Lucky Plaza.", "Lucky Plaza", "SG"),
        ("Saya ke Jurong dan Lucky Plaza di Singapura.", "Jurong", "SG"),
    ],
)
def test_a_country_in_the_places_own_clause_still_counts(text: str, place: str, region: str) -> None:
    start = text.index(place)
    assert context_region(text, start, start + len(place)) == region


@pytest.mark.parametrize("region", [None, "33", "national"])
def test_a_name_both_hokkien_and_tionghoa_is_tionghoa_in_an_indonesian_study(region: str | None) -> None:
    """The whole of Indonesia (the region ``national``) is Indonesian as a province is: a Chinese-Indonesian name
    keeps the Tionghoa tradition (it took Singapore's Hokkien)."""
    from makna.privacy.foreign_names import name_tradition

    assert name_tradition(["Tan", "Kim"], region) == "tionghoa"
    assert name_tradition(["Tan", "Kim"], "SG") == "hokkien"


@pytest.mark.parametrize(
    "text",
    [
        "Saya les Bahasa Inggris di Sukamanahwetan.",
        "Rumah zaman Belanda di Sukamanahwetan masih ada.",
        "Saya kursus bahasa Jepang di Sukamanahwetan.",
        "Di Sukamanahwetan ada orang Korea Selatan.",
        "Dulu kerja di Sukamanahwetan, jualan masakan Turki.",
    ],
)
def test_a_language_or_a_people_is_no_country(text: str) -> None:
    """``bahasa Inggris`` (English), ``zaman Belanda`` (the Dutch era), ``orang Korea`` (Koreans): a country's name
    after such a word is a language, an era or a people, and gives a village no list knows no country."""
    start = text.index("Sukamanahwetan")
    assert context_region(text, start, start + len("Sukamanahwetan")) is None


def test_a_country_after_such_a_word_as_a_place_still_counts() -> None:
    text = "Saya kerja di Lucky Plaza, Singapura, pakai bahasa Inggris."
    start = text.index("Lucky Plaza")
    assert context_region(text, start, start + len("Lucky Plaza")) == "SG"
