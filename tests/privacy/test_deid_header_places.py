"""The places of a transcript's location header line are identifiers, whatever the precision stage makes
of their context (a new user's trial: ``Rantepao`` and ``Atambua`` after ``Lokasi:`` at 0.35, ``Harehills``
typed a person, ``Padang`` not found)."""

from __future__ import annotations

import pytest

from makna.privacy import detect
from makna.privacy.header_places import SURE

TURNS = "\n\nPewawancara: Halo.\nNarasumber: Halo juga.\nPewawancara: Oke.\n"


def _places(text: str, language: str = "id") -> dict[str, tuple[str, float]]:
    return {d.text: (d.type, d.confidence) for d in detect(text, language=language)}


@pytest.mark.parametrize(
    "header",
    [
        "Lokasi: Rantepao, Toraja Utara",
        "Lokasi: Atambua, Kabupaten Belu",
        "Tempat wawancara: Wonosari, Gunungkidul",
        "Lokasi: Padang, Sumatera Barat",
    ],
)
def test_each_place_of_a_header_line_is_sure(header: str) -> None:
    found = _places(f"Judul: Wawancara\nTanggal: 3 September 2025\n{header}{TURNS}")
    first = header.split(":")[1].split(",")[0].strip()
    assert found[first][0] == "LOCATION" and found[first][1] >= SURE, found


def test_a_suburb_no_list_knows_is_a_place_on_a_location_line() -> None:
    found = _places(
        "Location: participant's allotment, Harehills, Leeds\n\nInterviewer: Hi.\nRespondent: Hello.\n"
        "Interviewer: Thanks.\n",
        "en",
    )
    assert found["Harehills"][0] == "LOCATION" and found["Leeds"][0] == "LOCATION"


@pytest.mark.parametrize(
    "header", ["Lokasi: Rumah narasumber", "Location: Zoom call", "Tempat: Kantor, lantai dua", "Lokasi: daring"]
)
def test_no_place_is_invented_on_a_header_line(header: str) -> None:
    assert [d for d in detect(f"{header}{TURNS}", language="id") if d.detector == "location.header"] == []


def test_the_same_place_in_a_turn_is_left_to_the_detectors() -> None:
    text = f"Judul: Wawancara{TURNS}Narasumber: Lokasi: Padang, kata orang.\n"
    assert [d for d in detect(text, language="id") if d.detector == "location.header"] == []
