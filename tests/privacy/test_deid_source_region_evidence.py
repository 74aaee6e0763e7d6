"""The surrogate region of a source that names places of two countries or provinces (#11, surr24 item 2).

``source_region`` gave the project's region wherever no region held more than half of a source's votes: the
RTF that names Garut and Singapore fell back to the project's province whatever else it said. Now the weight of
evidence decides: the majority, else the region with the most votes where it has two or more and leads by a
whole place; a location header's places count twice, and a country it names votes as a place."""

from __future__ import annotations

import pytest

from makna.privacy.regions import source_region
from makna.privacy.source_regions import count_votes, header_votes


def _region(identifiers: list[tuple[str, str]], language: str = "id", text: str = "", project: str = "35") -> str:
    ballot = count_votes([*identifiers, *header_votes(text)])
    return str(source_region(ballot.votes, project, language, sure=ballot.sure))


SOURCES = [
    # (kind of source, identifiers, language, header text, expected region)
    ("one province", [("LOCATION", "Bukittinggi"), ("LOCATION", "Payakumbuh")], "id", "", "13"),
    ("one country", [("LOCATION", "Lam Tin"), ("LOCATION", "Mong Kok")], "id", "", "HK"),
    (
        "two countries, one with more places",
        [
            ("LOCATION", "Lam Tin"),
            ("LOCATION", "Mong Kok"),
            ("LOCATION", "Kowloon City"),
            ("LOCATION", "Bukittinggi"),
            ("LOCATION", "Payakumbuh"),
        ],
        "id",
        "",
        "HK",
    ),
    ("a province and a country, tied", [("LOCATION", "Garut"), ("LOCATION", "Lam Tin")], "id", "", "35"),
    (
        "a province and a country, tied, the header names the country",
        [("LOCATION", "Garut"), ("LOCATION", "Lam Tin")],
        "id",
        "Lokasi: Hong Kong\n",
        "HK",
    ),
    (
        "a province and a country, tied, the header names a town of it",
        [("LOCATION", "Garut"), ("LOCATION", "Lam Tin")],
        "en",
        "Location: Mong Kok, Hong Kong\n",
        "HK",
    ),
    (
        "two provinces, one with more places",
        [("LOCATION", "Bukittinggi"), ("LOCATION", "Payakumbuh"), ("LOCATION", "Garut"), ("LOCATION", "Lam Tin")],
        "id",
        "",
        "13",
    ),
    ("two provinces, tied", [("LOCATION", "Bukittinggi"), ("LOCATION", "Salatiga")], "id", "", "35"),
    ("an English source, one British town", [("LOCATION", "Leeds")], "en", "", "GB"),
    ("no places", [], "id", "", "35"),
]


@pytest.mark.parametrize(
    ("identifiers", "language", "text", "expected"), [s[1:] for s in SOURCES], ids=[s[0] for s in SOURCES]
)
def test_each_kind_of_source(identifiers: list[tuple[str, str]], language: str, text: str, expected: str) -> None:
    assert _region(identifiers, language, text) == expected


def test_a_lead_of_less_than_a_place_decides_nothing() -> None:
    assert source_region({"SG": 2.0, "32": 1.5, "HK": 1.0}, "35", "id") == "35"
    assert source_region({"SG": 2.0, "32": 1.0, "HK": 1.0}, "35", "id") == "SG"
    assert source_region({"SG": 1.0, "32": 0.5, "HK": 0.5}, "35", "id") == "35"  # one vote is no plurality


def test_header_votes() -> None:
    assert header_votes("Lokasi: Tsuen Wan, Hong Kong\nI: Halo") == [("HEADER", "Tsuen Wan"), ("HEADER", "Hong Kong")]
    assert count_votes(header_votes("Lokasi: Singapura\n")).votes == {"SG": 1.0}
    assert count_votes(header_votes("Lokasi: Indonesia\n")).votes == {}
    assert header_votes("I: Saya di Singapura.") == []
