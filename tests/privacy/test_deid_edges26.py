"""edges26 (issue #11): an address's extent made where its parts are joined, and a unit's number taken with it.

The corpus README makes an ADDRESS the street-level part (house number, flat, block, RT/RW) and an administrative
unit after it, and the town after that, each its own LOCATION. Since round twenty-six the edge pass
(:func:`makna.privacy.span_edges.close_edges`) and the house-number head of :mod:`makna.privacy.spans` no longer
join such a unit to the address (round twenty-five's last pass, :mod:`makna.privacy.address_units`, cut them off
again afterwards); they keep what the convention joins: a unit written right after RT/RW with no comma, the units
after an address that is itself a run of units, the number after a unit that opens the address. Streets, people
and firms are invented; towns and neighbourhoods are real places.
"""

from __future__ import annotations

import pytest

from makna.privacy.detect import detect
from makna.privacy.span_edges import close_edges
from makna.privacy.types import Detection


def _dets(text: str, *parts: tuple[str, str]) -> list[Detection]:
    out, at = [], 0
    for kind, piece in parts:
        start = text.index(piece, at)
        out.append(Detection(start, start + len(piece), kind, 0.9, "test", piece))
        at = start + len(piece)
    return out


def _typed(found: list[Detection]) -> list[tuple[str, str]]:
    return [(d.type, d.text) for d in found]


def test_unit_after_a_comma_is_not_joined() -> None:
    text = "Dia kos di Jl. Melati No. 4, RT 02/RW 05, Kelurahan Sukamaju, Bandung."
    found = _dets(
        text,
        ("ADDRESS", "Jl. Melati No. 4, RT 02/RW 05"),
        ("LOCATION", "Kelurahan Sukamaju"),
        ("LOCATION", "Bandung"),
    )
    assert _typed(close_edges(text, found, "id")) == _typed(found)


def test_unit_right_after_rt_is_the_address() -> None:
    text = "Rumahnya di Jalan Raya Tuapejat KM 6, RT 01 Dusun Sipora Jaya, dekat pantai."
    found = _dets(text, ("ADDRESS", "Jalan Raya Tuapejat KM 6, RT 01"), ("LOCATION", "Dusun Sipora Jaya"))
    assert _typed(close_edges(text, found, "id")) == [("ADDRESS", "Jalan Raya Tuapejat KM 6, RT 01 Dusun Sipora Jaya")]


def test_units_after_a_run_of_units_are_the_address() -> None:
    text = "Alamat: Jorong Lubuak Aua, Nagari Paninjauan Ateh, Kecamatan X Koto, Tanah Datar."
    found = _dets(
        text,
        ("ADDRESS", "Jorong Lubuak Aua, Nagari Paninjauan Ateh"),
        ("LOCATION", "Kecamatan X Koto"),
        ("LOCATION", "Tanah Datar"),
    )
    assert _typed(close_edges(text, found, "id")) == [
        ("ADDRESS", "Jorong Lubuak Aua, Nagari Paninjauan Ateh, Kecamatan X Koto"),
        ("LOCATION", "Tanah Datar"),
    ]


@pytest.mark.parametrize(("word", "number"), [("Lingkungan", "IV"), ("Dusun", "II"), ("Jorong", "3")])
def test_a_units_number_is_taken(word: str, number: str) -> None:
    text = f"Gang Sepakat No. 9, {word} {number}, Kelurahan Kwala Bingai."
    found = _dets(text, ("ADDRESS", "Gang Sepakat No. 9"), ("LOCATION", word), ("LOCATION", "Kelurahan Kwala Bingai"))
    assert ("LOCATION", f"{word} {number}") in _typed(close_edges(text, found, "id"))


@pytest.mark.parametrize(
    ("text", "word"),
    [("Dia pulang ke Kampung 3 tahun sekali.", "Kampung"), ("Dusun Indah, kata orang.", "Dusun")],
)
def test_a_count_after_a_unit_word_is_not_its_number(text: str, word: str) -> None:
    found = _dets(text, ("LOCATION", word))
    assert _typed(close_edges(text, found, "id")) == [("LOCATION", word)]


@pytest.mark.parametrize(
    ("language", "text", "address", "places"),
    [
        (
            "id",
            "Rumahnya di Gang Sepakat No. 9, Lingkungan IV, Kelurahan Kwala Bingai.",
            "Gang Sepakat No. 9",
            ["Lingkungan IV", "Kelurahan Kwala Bingai"],
        ),
        (
            "id",
            "Kontrakan kami di Jalan Sutan Soripada No. 33, Lingkungan II, Desa Pasar Kotanopan.",
            "Jalan Sutan Soripada No. 33",
            ["Lingkungan II", "Desa Pasar Kotanopan"],
        ),
        (
            "id",
            "Ibu tinggal di Jorong Koto Tuo No. 27, Nagari Atar, Kabupaten Tanah Datar.",
            "Jorong Koto Tuo No. 27",
            ["Nagari Atar"],
        ),
        (
            "en",
            "My aunt lives at Jl. Flamboyan No. 12, Kelurahan Lolong Belanti, Padang.",
            "Jl. Flamboyan No. 12",
            ["Kelurahan Lolong Belanti", "Padang"],
        ),
        ("en", "She rents a room at 27 Larkspur Road, Handsworth, Birmingham.", "27 Larkspur Road", ["Birmingham"]),
    ],
)
def test_pipeline(language: str, text: str, address: str, places: list[str]) -> None:
    found = _typed(detect(text, language=language))
    assert ("ADDRESS", address) in found
    for place in places:
        assert ("LOCATION", place) in found
