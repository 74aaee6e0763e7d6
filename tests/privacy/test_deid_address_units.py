"""loc25 (issue #11): an Indonesian administrative unit written after an address is a place of its own.

Unit tests of :func:`makna.privacy.address_units.address_units_apart` and the pipeline on loc25's own cases
(``tests/privacy/loc25cases``: the open table here, the sealed third scored only in aggregate by
``benchmarks/loc25_cases.py --sealed``). Streets, people and businesses are invented; towns and neighbourhoods are
real places.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from makna.privacy.address_units import address_units_apart
from makna.privacy.detect import detect
from makna.privacy.types import Detection

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import deid_struct_cases as _TABLE  # noqa: E402  (the case table's parser, shared with the script)
import type23_cases as _SCORE  # noqa: E402

_FOLDER = _TABLE.CASES.parent / "loc25cases"
_OPEN = _TABLE.load("open", _FOLDER)


def _address(text: str, start: int = 0) -> Detection:
    return Detection(start, start + len(text), "ADDRESS", 0.9, "address.id", text)


def _typed(found: list[Detection]) -> list[tuple[str, str]]:
    return [(d.type, d.text) for d in found]


def test_unit_after_address_is_a_place() -> None:
    text = "Jl. Cempaka Putih No. 14, Kelurahan Tlogomas"
    out = address_units_apart([_address(text, 10)])
    assert _typed(out) == [("ADDRESS", "Jl. Cempaka Putih No. 14"), ("LOCATION", "Kelurahan Tlogomas")]
    assert (out[1].start, out[1].end) == (10 + text.index("Kelurahan"), 10 + len(text))
    assert out[1].detector == "address.id+unit"


def test_every_place_after_the_unit() -> None:
    out = address_units_apart([_address("Lorong Kenari No. 8, RT 01, Kelurahan Oebobo, Kupang")])
    assert _typed(out) == [
        ("ADDRESS", "Lorong Kenari No. 8, RT 01"),
        ("LOCATION", "Kelurahan Oebobo"),
        ("LOCATION", "Kupang"),
    ]


@pytest.mark.parametrize(
    ("text", "head"),
    [
        ("RT 04 RW 02, Desa Ngali, Kecamatan Belo", "RT 04 RW 02"),
        ("Dusun Dua, RT 003/RW 001, Desa Bongo Nol", "Dusun Dua, RT 003/RW 001"),
        ("Gang Pulai No. 3, Kelurahan Koto Nan Ompek, Kec. Payakumbuh Barat", "Gang Pulai No. 3"),
        ("Jl. Bakti Gg. Rukun No. 14, Kelurahan Sukaramai II", "Jl. Bakti Gg. Rukun No. 14"),
        ("Jalan Raya Andong No. 17, Banjar Kalah", "Jalan Raya Andong No. 17"),
    ],
)
def test_unit_words_and_names(text: str, head: str) -> None:
    out = address_units_apart([_address(text)])
    assert out[0].text == head and out[0].type == "ADDRESS"
    assert all(d.type == "LOCATION" for d in out[1:]) and len(out) > 1


@pytest.mark.parametrize(
    "text",
    [
        "Dusun Krajan RT 02 RW 04",  # a unit that opens the address is its head
        "Jl. Melati No. 5, Kampung Baru No. 7",  # a piece with a number is still the address's
        "Jl. Kenanga No. 9, Kelurahan Air Tawar, 25132",  # and so is a postcode after the places
        "Flat 3, 27 Harehills Lane, Leeds LS8 4HJ",  # English addresses have no unit words
        "Desa Sukamaju, Kecamatan Cibodas",  # nothing street-level before the unit: no address to keep
    ],
)
def test_left_whole(text: str) -> None:
    det = _address(text)
    assert address_units_apart([det]) == [det]


def test_other_types_untouched() -> None:
    place = Detection(0, 31, "LOCATION", 0.9, "location.cue", "Pasar Raya, Kelurahan Kampung Jao")
    assert address_units_apart([place]) == [place]


@pytest.mark.parametrize(
    ("language", "text", "address", "places"),
    [
        (
            "id",
            "Alamat saya Gang Mawar No. 3 RT 02/RW 05, Desa Sumberejo.",
            "Gang Mawar No. 3 RT 02/RW 05",
            ["Desa Sumberejo"],
        ),
        (
            "id",
            "Tanah nenek di Jalan Lingkar No. 3, Korong Kapalo Koto, Nagari Sungai Sariak.",
            "Jalan Lingkar No. 3",
            ["Korong Kapalo Koto", "Nagari Sungai Sariak"],
        ),
        (
            "en",
            "My mother still lives at Jl. Sultan Nuku No. 5, Kelurahan Soasio, Tidore.",
            "Jl. Sultan Nuku No. 5",
            ["Kelurahan Soasio", "Tidore"],
        ),
    ],
)
def test_pipeline(language: str, text: str, address: str, places: list[str]) -> None:
    found = detect(text, language=language)
    assert ("ADDRESS", address) in _typed(found)
    for place in places:
        assert ("LOCATION", place) in _typed(found)


def test_table_split() -> None:
    assert _TABLE.split_ok(_FOLDER)
    assert (len(_OPEN), len(_TABLE.load("sealed", _FOLDER))) == (24, 12)


@pytest.mark.parametrize("case", _OPEN, ids=[f"{c.language}-{c.kind}-{i}" for i, c in enumerate(_OPEN)])
def test_open_case(case: _TABLE.Case) -> None:
    assert _SCORE.problems(case) == []
