"""A place abroad stays in its own country (trial17 #3, issue #11): a town several countries share takes the
country its evidence gives (its own clause, the other places of its document, the source's region) before the
lists' first match, and its surrogate is a town of that country."""

from __future__ import annotations

import re

import pytest

from makna.privacy.place_countries import abroad_areas, evidence_country, listed_regions
from makna.privacy.pseudonymise import KeyMapping, pseudonymise
from makna.privacy.types import Detection

SECRETS = ("ab" * 16, "cd" * 16, "0f" * 16, "42" * 16)


def _surrogates(
    text: str, places: list[str], region: str | None, language: str = "en", secret: str = SECRETS[0]
) -> dict[str, str]:
    dets = [
        Detection(m.start(), m.end(), "LOCATION", 1.0, "test", name)
        for name in places
        for m in re.finditer(rf"\b{re.escape(name)}\b", text)
    ]
    key = KeyMapping(secret=secret, region=region)
    _out, reps = pseudonymise(text, dets, mode="surrogate", mapping=key, language=language)
    return {r.original: r.replacement for r in reps}


def _countries(place: str) -> set[str]:
    return {c for c, _a in abroad_areas(place)}


CASES = [
    # (text, places, region, place -> the country its surrogate must lie in)
    (
        "I clean in Woodstock and Claremont, then I go home to Gugulethu.",
        ["Woodstock", "Claremont", "Gugulethu"],
        "ZA",
        {"Woodstock": "ZA", "Claremont": "ZA", "Gugulethu": "ZA"},
    ),
    ("My sister is in Blantyre in Malawi.", ["Blantyre"], None, {"Blantyre": "MW"}),
    ("My sister is in Blantyre in Malawi.", ["Blantyre"], "ZA", {"Blantyre": "MW"}),
    ("She left Lilongwe for Blantyre when the market closed.", ["Lilongwe", "Blantyre"], None, {"Blantyre": "MW"}),
    ("He moved from Blantyre to Glasgow last year.", ["Blantyre", "Glasgow"], None, {"Blantyre": "GB"}),
    ("We lived in Kenilworth before the move.", ["Kenilworth"], "GB", {"Kenilworth": "GB"}),
    ("The depot is in Woodstock, near the interstate.", ["Woodstock"], "US", {"Woodstock": "US"}),
    ("I studied in Claremont for a year.", ["Claremont"], "US", {"Claremont": "US"}),
    ("We rented a flat in Richmond.", ["Richmond"], "AU", {"Richmond": "AU"}),
    ("My cousin drives a truck out of Perth.", ["Perth"], "AU", {"Perth": "AU"}),
    ("My brother works in Toronto now.", ["Toronto"], "ZA", {"Toronto": "CA"}),  # one country only: it stays
    ("Saya kerja di Woodstock, Afrika Selatan.", ["Woodstock"], "33", {"Woodstock": "ZA"}),
]


@pytest.mark.parametrize(("text", "places", "region", "want"), CASES)
@pytest.mark.parametrize("secret", SECRETS)
def test_a_town_abroad_stays_in_its_evidence_country(
    text: str, places: list[str], region: str | None, want: dict[str, str], secret: str
) -> None:
    language = "id" if region == "33" else "en"
    got = _surrogates(text, places, region, language, secret)
    for place, country in want.items():
        assert country in _countries(got[place]), (place, got[place], _countries(got[place]))


def test_an_indonesian_place_stays_indonesian() -> None:
    for secret in SECRETS:
        got = _surrogates("Saya pindah dari Bandung ke Woodstock.", ["Bandung", "Woodstock"], "32", "id", secret)
        assert listed_regions(got["Bandung"]), got
        assert {p for p, _lv in listed_regions(got["Bandung"])} & {"32"}, got


def test_evidence_country_order() -> None:
    text = "She moved to Blantyre in Malawi."
    start = text.index("Blantyre")
    assert evidence_country("Blantyre", text, start, start + 8, [(start, "Blantyre")], "GB") == "MW"  # own clause
    plain = "She moved to Woodstock."
    at = plain.index("Woodstock")
    assert evidence_country("Woodstock", plain, at, at + 9, [(at, "Woodstock")], "ZA") == "ZA"  # several: region's
    assert evidence_country("Toronto", "in Toronto", 3, 10, [(3, "Toronto")], "ZA") is None  # one country: lists
    assert evidence_country("Gugulethu", "in Gugulethu", 3, 12, [(3, "Gugulethu")], "ZA") is None  # no list holds it


def test_a_suburb_stays_in_its_province() -> None:
    """``Woodstock`` and ``Gugulethu`` (no list holds them in South Africa) beside Western Cape suburbs: a town of
    the Western Cape (GeoNames admin1 11)."""
    text = "I clean in Woodstock and Rondebosch, and on Fridays in Constantia. I live in Gugulethu."
    for secret in SECRETS:
        got = _surrogates(text, ["Woodstock", "Rondebosch", "Constantia", "Gugulethu"], "ZA", "en", secret)
        for place in ("Woodstock", "Gugulethu"):
            assert ("ZA", "11") in abroad_areas(got[place]), (place, got[place], abroad_areas(got[place]))
