"""typing26 (issue #11): churches typed ORG by their kind word; a name listed with places is a place.

Unit tests of :func:`makna.privacy.kindtypes.kind_of` for the church words, of
:func:`makna.privacy.placelists.places_listed_with_places`, the pipeline in both languages with look-alikes, and
typing26's own cases (``tests/privacy/typing26cases``: the open table here, the sealed third scored only in
aggregate by ``benchmarks/typing26_cases.py --sealed``). Churches, firms and people are invented; towns and
neighbourhoods are real places.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from makna.privacy.detect import detect
from makna.privacy.kindtypes import kind_of
from makna.privacy.placelists import places_listed_with_places
from makna.privacy.types import Detection

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import deid_struct_cases as _TABLE  # noqa: E402  (the case table's parser, shared with the script)
import type23_cases as _SCORE  # noqa: E402

_FOLDER = _TABLE.CASES.parent / "typing26cases"
_OPEN = _TABLE.load("open", _FOLDER)
_KNOWN = {
    # An inn one stays at, typed ORG by its suffix rule: left (hotels and inns one works at are ORG).
    "We stayed two nights at the [[Harbour View Inn]] while the flat was sorted.",
    # Churches' names the learned layer cut in two are whole since retrain26's ("Gereja Injili di Tanah Jawa Pati")
    # and round twenty-eight's retrain ("Gereja Masehi Injili Timor Efata"): strict expected failures that passed.
}


def _typed(found: list[Detection]) -> list[tuple[str, str]]:
    return [(d.type, d.text) for d in found]


def _spans(text: str, *named: tuple[str, str, str]) -> list[Detection]:
    """Detections of ``text`` for each (type, name, detector) in order of their first occurrence."""
    out, at = [], 0
    for kind, name, detector in named:
        start = text.index(name, at)
        out.append(Detection(start, start + len(name), kind, 0.8, detector, name))
        at = start + len(name)
    return out


@pytest.mark.parametrize(
    "name",
    ["Holloway Road Baptist Church", "Bethel Gospel Chapel", "Gereja Kristen Sumba", "St Columba's Parish Church"],
)
def test_church_is_an_org_by_its_kind_word(name: str) -> None:
    got = kind_of(name)
    assert got is not None and got[0] == "ORG"


@pytest.mark.parametrize("name", ["Church Street", "Church Lane", "Masjid Raya Al-Falah", "Chapel Hill Road"])
def test_church_lookalikes_keep_their_place_kind(name: str) -> None:
    got = kind_of(name)
    assert got is not None and got[0] == "LOCATION"


@pytest.mark.parametrize(
    ("language", "text", "name"),
    [
        (
            "en",
            "A few of us meet upstairs at Riverside Community Church after the evening shift.",
            "Riverside Community Church",
        ),
        (
            "en",
            "Interview recorded in the side room of Greenfield Methodist Church, Saturday 3 May 2025.",
            "Greenfield Methodist Church",
        ),
        (
            "id",
            "Kami kumpul tiap Kamis di Gereja Kristen Sumba Waingapu, sesudah ibadah.",
            "Gereja Kristen Sumba Waingapu",
        ),
        (
            "id",
            "Wawancara di ruang konsistori Gereja Protestan Maluku Jemaat Bethania, Ambon.",
            "Gereja Protestan Maluku Jemaat Bethania",
        ),
    ],
)
def test_pipeline_church_met_at_is_an_org(language: str, text: str, name: str) -> None:
    assert ("ORG", name) in _typed(detect(text, language=language))


@pytest.mark.parametrize(
    ("language", "text", "name"),
    [
        ("en", "The school is on Church Street, past the chip shop.", "Church Street"),
        ("id", "Sholat Jumat di Masjid Raya Al-Falah lalu pulang.", "Masjid Raya Al-Falah"),
    ],
)
def test_pipeline_church_lookalikes_stay_places(language: str, text: str, name: str) -> None:
    assert ("LOCATION", name) in _typed(detect(text, language=language))


def test_name_between_two_places_is_a_place() -> None:
    text = "Kami muter di Kupang, Bello dan Soe."
    found = _spans(
        text,
        ("LOCATION", "Kupang", "location.gazetteer"),
        ("PERSON", "Bello", "person.gazetteer"),
        ("LOCATION", "Soe", "location.gazetteer"),
    )
    assert _typed(places_listed_with_places(text, found))[1] == ("LOCATION", "Bello")


def test_name_closing_a_list_of_two_places_is_a_place() -> None:
    text = "My runs are Hulme, Ardwick and Marbury most weeks."
    found = _spans(
        text,
        ("LOCATION", "Hulme", "learned"),
        ("LOCATION", "Ardwick", "location.list"),
        ("ORG", "Marbury", "org.context"),
    )
    assert _typed(places_listed_with_places(text, found))[2] == ("LOCATION", "Marbury")


def test_order_of_found_is_kept() -> None:
    text = "Kami muter di Kupang, Bello dan Soe."
    found = _spans(
        text,
        ("LOCATION", "Kupang", "location.gazetteer"),
        ("PERSON", "Bello", "person.gazetteer"),
        ("LOCATION", "Soe", "location.gazetteer"),
    )
    out = places_listed_with_places(text, [found[2], found[1], found[0]])
    assert _typed(out) == [("LOCATION", "Soe"), ("LOCATION", "Bello"), ("LOCATION", "Kupang")]


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # one place only before it
        ("We drove to Leeds and Jasper met us.", [("LOCATION", "Leeds"), ("PERSON", "Jasper")]),
        # a person's word after it
        (
            "Dia antar di Kupang, Soe dan Rina yang bantu.",
            [("LOCATION", "Kupang"), ("LOCATION", "Soe"), ("PERSON", "Rina")],
        ),
        (
            "I saw Leeds, Bradford and Jasper's mum.",
            [("LOCATION", "Leeds"), ("LOCATION", "Bradford"), ("PERSON", "Jasper")],
        ),
        # not a list: a verb between
        (
            "Leeds, Bradford, then Jasper drove.",
            [("LOCATION", "Leeds"), ("LOCATION", "Bradford"), ("PERSON", "Jasper")],
        ),
        # another line
        ("Kupang, Soe\nRina bilang", [("LOCATION", "Kupang"), ("LOCATION", "Soe"), ("PERSON", "Rina")]),
        # an organisation by its own kind word
        (
            "Saya antar ke Oebobo, Naikoten, Puskesmas Oesapa.",
            [("LOCATION", "Oebobo"), ("LOCATION", "Naikoten"), ("ORG", "Puskesmas Oesapa")],
        ),
        # a firm of two names after ``&``
        (
            "An accountancy firm in Hayes, Southall, Dhillon & Grewal.",
            [("LOCATION", "Hayes"), ("LOCATION", "Southall"), ("PERSON", "Dhillon"), ("PERSON", "Grewal")],
        ),
        # the list goes on with another person after it
        (
            "Leeds, Bradford, Jasper, Sam.",
            [("LOCATION", "Leeds"), ("LOCATION", "Bradford"), ("PERSON", "Jasper"), ("PERSON", "Sam")],
        ),
    ],
)
def test_lookalikes_keep_their_type(text: str, named: list[tuple[str, str]]) -> None:
    found = _spans(text, *((k, n, "person.gazetteer" if k == "PERSON" else "org.cue") for k, n in named))
    assert _typed(places_listed_with_places(text, found)) == named


def test_person_found_by_its_cue_keeps_its_type() -> None:
    text = "Kupang, Soe dan Rina."
    found = _spans(
        text,
        ("LOCATION", "Kupang", "location.gazetteer"),
        ("LOCATION", "Soe", "location.gazetteer"),
        ("PERSON", "Rina", "person.intro"),
    )
    assert _typed(places_listed_with_places(text, found))[2] == ("PERSON", "Rina")


@pytest.mark.parametrize(
    ("language", "text", "name"),
    [
        ("id", "Kami muter di Kupang, Bello dan Soe.", "Bello"),
        ("en", "I work around Leeds, Jasper and Bradford.", "Jasper"),
    ],
)
def test_pipeline_name_listed_with_places(language: str, text: str, name: str) -> None:
    assert ("LOCATION", name) in _typed(detect(text, language=language))


def test_table_split() -> None:
    assert _TABLE.split_ok(_FOLDER)
    assert (len(_OPEN), len(_TABLE.load("sealed", _FOLDER))) == (24, 12)


_LEFT = pytest.mark.xfail(strict=True, reason="known: left (benchmarks/results/typing26.md)")


@pytest.mark.parametrize(
    "case",
    [pytest.param(c, marks=[_LEFT] if c.line.split("\t")[-1] in _KNOWN else []) for c in _OPEN],
    ids=[f"{c.language}-{c.kind}-{i}" for i, c in enumerate(_OPEN)],
)
def test_open_case(case: _TABLE.Case) -> None:
    assert _SCORE.problems(case) == []
