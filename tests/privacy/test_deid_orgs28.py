"""orgs28 (issue #11): a town after an address is its own place, and orgs28's own cases.

Unit tests of :func:`makna.privacy.span_closure.close_spans` for a place that the precision stage made an ADDRESS
without a number (the town after an address and its comma: its own LOCATION, as the corpus README has it; one a
postcode follows stays joined), and orgs28's open cases (``tests/privacy/orgs28cases``; the sealed third is scored
only in aggregate by ``benchmarks/orgs28_cases.py --sealed``). Streets, firms and people are invented; towns are
real places.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from makna.privacy.detect import detect
from makna.privacy.span_closure import close_spans
from makna.privacy.types import Detection

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import deid_struct_cases as _TABLE  # noqa: E402  (the case table's parser, shared with the script)
import type23_cases as _SCORE  # noqa: E402

_FOLDER = _TABLE.CASES.parent / "orgs28cases"
_OPEN = _TABLE.load("open", _FOLDER, breaks=True)


def _at(text: str, part: str, kind: str, detector: str) -> Detection:
    start = text.index(part)
    return Detection(start, start + len(part), kind, 0.9, detector, part)


def _typed(found: list[Detection]) -> list[tuple[str, str]]:
    return [(d.type, d.text) for d in found]


@pytest.mark.parametrize(
    ("text", "street", "town", "detector"),
    [
        ("My address is 14 Marula Close, Kitwe.", "14 Marula Close", "Kitwe", "location.after_address"),
        (
            "We moved to 9 Beechwood Avenue, Dunedin, last spring.",
            "9 Beechwood Avenue",
            "Dunedin",
            "location.after_address",
        ),
        ("Alamat saya Jl. Melati No. 4, Sukamaju.", "Jl. Melati No. 4", "Sukamaju", "location.after_address"),
        (
            "Kos saya di Gang Mawar No. 7, Pontianak, dekat pasar.",
            "Gang Mawar No. 7",
            "Pontianak",
            "location.after_address",
        ),
    ],
)
def test_town_ending_an_address_is_a_place(text: str, street: str, town: str, detector: str) -> None:
    found = [_at(text, street, "ADDRESS", "address.en"), _at(text, town, "ADDRESS", detector)]
    assert _typed(close_spans(text, found)) == [("ADDRESS", street), ("LOCATION", town)]


@pytest.mark.parametrize(
    ("text", "head", "part"),
    [
        ("She lives at Flat 4B, Kestrel Court, Hulmeside Walk.", "Flat 4B, Kestrel Court", "Hulmeside Walk"),
        ("Kos saya di Gang Merak II No. 4, Jalan Raya Semat.", "Gang Merak II No. 4", "Jalan Raya Semat"),
    ],
)
def test_a_street_after_an_address_stays_a_part(text: str, head: str, part: str) -> None:
    found = [_at(text, head, "ADDRESS", "address.flat"), _at(text, part, "ADDRESS", "location.after_address")]
    assert _typed(close_spans(text, found)) == [("ADDRESS", text[text.index(head) : text.index(part) + len(part)])]


def test_town_before_a_postcode_stays_joined() -> None:
    text = "He stays at 8 Church Lane, Ballymena, BT43 5AA now."
    found = [
        _at(text, "8 Church Lane", "ADDRESS", "address.en"),
        _at(text, "Ballymena", "ADDRESS", "location.after_address"),
        _at(text, "BT43 5AA", "ADDRESS", "address.postcode"),
    ]
    assert _typed(close_spans(text, found)) == [("ADDRESS", "8 Church Lane, Ballymena, BT43 5AA")]


def test_town_a_postcode_follows_stays_in_the_address() -> None:
    text = "I live at 47 Kestrel Bay, Winnipeg, MB R2V 3K7 with my aunt."
    found = [
        _at(text, "47 Kestrel Bay", "ADDRESS", "address.before_postcode"),
        _at(text, "Winnipeg", "ADDRESS", "location.after_address"),
        _at(text, "R2V 3K7", "ADDRESS", "address.ca"),
    ]
    assert _typed(close_spans(text, found)) == [("ADDRESS", "47 Kestrel Bay, Winnipeg"), ("ADDRESS", "R2V 3K7")]
    assert _typed(close_spans(text, found[1:])) == [("ADDRESS", "Winnipeg"), ("ADDRESS", "R2V 3K7")]


def test_a_place_alone_made_an_address_is_a_place() -> None:
    text = "She comes from Kitwe, she said."
    assert _typed(close_spans(text, [_at(text, "Kitwe", "ADDRESS", "location.after_address")])) == [
        ("LOCATION", "Kitwe")
    ]


@pytest.mark.parametrize(
    ("text", "head", "part", "detector"),
    [
        # an address part with its number or a unit word, or one an address detector found: joined as before
        ("I live at 27 Harcourt Road, Flat 2.", "27 Harcourt Road", "Flat 2", "address.unit"),
        ("I live at 27 Harcourt Road, Block 4B.", "27 Harcourt Road", "Block 4B", "location.gazetteer"),
        ("Kami di Jl. Kenari No. 4, RT 02/RW 05.", "Jl. Kenari No. 4", "RT 02/RW 05", "address.rtrw"),
        ("I live at 27 Harcourt Road, Salford.", "27 Harcourt Road", "Salford", "address.en"),
        # a town another place rule found and the stage joined: the stage's call (the open gold joins some)
        ("We moved to 9 Beechwood Avenue, Dunedin.", "9 Beechwood Avenue", "Dunedin", "location.gazetteer"),
    ],
)
def test_other_address_parts_still_join(text: str, head: str, part: str, detector: str) -> None:
    found = [_at(text, head, "ADDRESS", "address.en"), _at(text, part, "ADDRESS", detector)]
    whole = text[text.index(head) : text.index(part) + len(part)]
    assert _typed(close_spans(text, found)) == [("ADDRESS", whole)]


def test_a_numberless_place_heading_address_parts_stays_joined() -> None:
    text = "Rumah kami di Kampung Sawah, RT 02/RW 05."
    found = [
        _at(text, "Kampung Sawah", "ADDRESS", "location.after_address"),
        _at(text, "RT 02/RW 05", "ADDRESS", "address.rtrw"),
    ]
    assert _typed(close_spans(text, found)) == [("ADDRESS", "Kampung Sawah, RT 02/RW 05")]


def test_a_place_typed_place_is_left_alone() -> None:
    text = "My address is 14 Marula Close, Kitwe."
    found = [
        _at(text, "14 Marula Close", "ADDRESS", "address.en"),
        _at(text, "Kitwe", "LOCATION", "location.gazetteer"),
    ]
    assert _typed(close_spans(text, found)) == [("ADDRESS", "14 Marula Close"), ("LOCATION", "Kitwe")]


@pytest.mark.parametrize(
    ("language", "text", "town"),
    [
        ("en", "My address is 14 Marula Close, Kitwe.", "Kitwe"),
        ("id", "Saya tinggal di Jalan Kenanga No. 12, Kupang.", "Kupang"),
    ],
)
def test_pipeline_town_after_address(language: str, text: str, town: str) -> None:
    found = detect(text, language=language)
    assert ("LOCATION", town) in _typed(found)
    assert all(d.type == "ADDRESS" for d in found if d.start < text.index(",") and d.end > text.index(" "))


def test_table_split() -> None:
    assert _TABLE.split_ok(_FOLDER)


_LEFT = pytest.mark.xfail(strict=True, reason="known: left (benchmarks/results/orgs28.md)")
_KNOWN = {
    # A loan app named with "namanya" after its kind noun, typed PERSON by the introduction rule: left (one open
    # span; the four sets left out hold none of this shape).
    "Pinjolnya namanya [[Uang Cepat Kita]], mereka nagih terus tiap pagi.",
    # A breakfast cereal guessed a PERSON by the catch-all: product names are english28's and leak28's field.
    "I buy {{Weetabix}} for the kids because it's cheap.",
}


@pytest.mark.parametrize(
    "case",
    [pytest.param(c, marks=_LEFT) if c.line.split("\t")[2] in _KNOWN else c for c in _OPEN],
    ids=lambda c: c.text[:40],
)
def test_open_case(case: _TABLE.Case) -> None:
    assert _SCORE.problems(case) == []
