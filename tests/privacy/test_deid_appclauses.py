"""An unknown name typed by its slot in a gig-work clause, a place's span closed by its type word (issue #11,
branch deidtype3: makna.privacy.appclauses, makna.privacy.placespans).

Every sentence here is invented for the test; no name in it occurs in the open corpus splits (checked with
``grep -rwF NAME`` over the open splits' folders and ``../shared/eval-corpus/dev/``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from makna.cli import app
from makna.privacy.appclauses import app_slot, visited_venue
from makna.privacy.detect import detect
from makna.privacy.evaluate import evaluate, load_gold
from makna.privacy.placespans import STREET_CLOSERS, close_place_spans
from makna.privacy.roletypes import type_by_role
from makna.privacy.types import Detection

CASES = Path(__file__).resolve().parent / "deidtype3cases"


def _det(text: str, name: str, kind: str, detector: str = "unknown.capitalised") -> Detection:
    start = text.index(name)
    return Detection(start, start + len(name), kind, 0.45, detector, name)


def _slot(text: str, name: str) -> bool:
    start = text.index(name)
    line = text.rfind("\n", 0, start) + 1
    return app_slot(text, start, start + len(name), text[line:start])


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I: I mainly do Quindlet in the week.", "Quindlet"),
        ("I: A bit with Braskett on the side.", "Braskett"),
        ("I: Now Quindlet is my main app.", "Quindlet"),
        ("I: Last month Braskett locked my account.", "Braskett"),
        ("I: Quindlet paid me late again.", "Quindlet"),
        ("I: I switched to Braskett in the spring.", "Braskett"),
        ("I: I was at Hollaway, the big furniture store.", "Hollaway"),
        ("I: I did shifts at Hollaway, the big place by the ring road.", "Hollaway"),
    ],
)
def test_a_name_in_a_gig_work_slot_is_an_app_or_employer(text: str, name: str) -> None:
    assert _slot(text, name)
    found = [_det(text, name, "PERSON")]
    assert [d.type for d in type_by_role(text, found)] == ["ORG"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I: I do Quindlet's hair on Sundays.", "Quindlet"),
        ("I: Then Quindlet said the food was cold.", "Quindlet"),
        ("I: We went to see Hollaway, the old place where we grew up.", "Hollaway"),
        ("I: Where do Braskett and his mates wait?", "Braskett"),
    ],
)
def test_a_person_in_an_ordinary_clause_is_not_an_app(text: str, name: str) -> None:
    assert not _slot(text, name)


def test_a_person_with_a_cue_keeps_the_type_in_an_app_slot() -> None:
    text = "I: My cousin Quindlet paid me back."
    found = [_det(text, "Quindlet", "PERSON", "person.en_kin_apposed")]
    assert [d.type for d in type_by_role(text, found)] == ["PERSON"]


def test_a_guess_named_an_org_elsewhere_is_an_org() -> None:
    text = "I: I told Braskett. Then Braskett support rang me."
    found = [_det(text, "Braskett", "PERSON"), Detection(25, 33, "ORG", 0.6, "org.context", "Braskett")]
    assert [d.type for d in type_by_role(text, found)] == ["ORG", "ORG"]


@pytest.mark.parametrize(
    ("before", "venue", "visited"),
    [
        ("Friday I picked up a group from The ", "Tollard Arms", True),
        ("On Sundays we go to church at ", "Wenlow Hall", True),
        ("We meet at ", "Auntie Yewande's Kitchen", True),
        ("I worked three years at ", "Tollard Arms", False),
        ("I collect orders from ", "Tollard Arms", False),
        ("We picked up a group from ", "Tollard Station", False),
    ],
)
def test_a_venue_visited_is_told_from_a_workplace(before: str, venue: str, visited: bool) -> None:
    assert visited_venue(venue, before) is visited


def test_a_street_closes_the_span_and_is_a_location() -> None:
    text = "I: A customer on Tamsworth Wynd shouted. Then one on Velleran Close."
    found = [_det(text, "Tamsworth", "PERSON"), _det(text, "Velleran", "PERSON")]
    out = close_place_spans(text, found)
    assert [(d.text, d.type) for d in out] == [("Tamsworth Wynd", "LOCATION"), ("Velleran Close", "LOCATION")]
    assert all(text[d.start : d.end] == d.text for d in out)


def test_a_street_word_before_a_firm_word_or_a_surname_word_is_left() -> None:
    text = "I: At Velleran Close Surgery, and Ada Green said so."
    found = [_det(text, "Velleran", "PERSON"), _det(text, "Ada", "PERSON", "person.gazetteer")]
    assert close_place_spans(text, found) == found
    assert "Green" not in STREET_CLOSERS
    assert "Dr" not in STREET_CLOSERS


def test_a_person_with_evidence_is_not_closed_over_a_street_word() -> None:
    text = "I: My cousin Tamsworth Way came round."
    found = [_det(text, "Tamsworth", "PERSON", "person.en_kin_apposed")]
    assert close_place_spans(text, found) == found


def test_a_minang_direction_word_closes_a_place() -> None:
    text = "I: Dari Kabunsi sampai ka Rantaweh Ateh awak antar tamu."
    found = [_det(text, "Rantaweh", "LOCATION", "location.gazetteer")]
    assert [(d.text, d.type) for d in close_place_spans(text, found)] == [("Rantaweh Ateh", "LOCATION")]


@pytest.mark.parametrize(
    ("text", "place", "town", "kind"),
    [
        ("I: Born in Old Harbour, Quessett, came here at ten.", "Old Harbour", "Quessett", "LOCATION"),
        ("Place: The Wrenfold Tearoom, Saltwyke.\nP: Thanks.", "Wrenfold Tearoom", "Saltwyke", "LOCATION"),
        ("I: We drove round Old Harbour, Quessett and me.", "Old Harbour", "Quessett", "PERSON"),
        ("I: I was tired in Old Harbour, Quessett.", "Old Harbour", "Quessett", "PERSON"),
    ],
)
def test_a_town_after_a_birthplace_or_address_and_a_comma(text: str, place: str, town: str, kind: str) -> None:
    found = [_det(text, place, "LOCATION", "location.gazetteer"), _det(text, town, "PERSON")]
    assert [d.type for d in close_place_spans(text, found)] == ["LOCATION", kind]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(sorted(STREET_CLOSERS)), st.text("abc ,.I", max_size=10))
def test_closing_keeps_offsets_true(word: str, tail: str) -> None:
    text = f"I: A customer on Tamsworth {word}{tail} left."
    out = close_place_spans(text, [_det(text, "Tamsworth", "PERSON")])
    assert len(out) == 1
    assert text[out[0].start : out[0].end] == out[0].text
    assert out[0].start == text.index("Tamsworth")
    assert out[0].type in {"PERSON", "LOCATION"}


def test_own_cases_tune_floor() -> None:
    report = evaluate(CASES / "tune")
    assert report.overall.recall >= 0.9, report.misses
    assert report.per_type["ORG"].recall >= 0.9, report.misses


def test_the_cases_are_built_from_their_sources() -> None:
    for src in sorted((CASES / "tune").glob("*.txt")):
        doc = json.loads(src.with_suffix(".json").read_text(encoding="utf-8"))
        assert doc["id"] == src.stem
    assert len(load_gold(CASES / "tune")) == 13


# Review fixes (branch fixtype3): a person in a clause that only looks like a gig-work slot stays a PERSON, and a
# slot's retype does not spread to the name's repeats.
_PEOPLE = [
    ("I quit Olumerin after the row. Olumerin kept the flat.", "Olumerin"),
    ("Honestly Fenella locked me out of the flat. Fenella is mean.", "Fenella"),
    ("I did Fenwicke a favour once, and Fenwicke never forgot it.", "Fenwicke"),
]


@pytest.mark.parametrize(("text", "name"), _PEOPLE)
def test_a_person_after_quit_locked_or_did_stays_a_person(text: str, name: str) -> None:
    found = [(d.text, d.type) for d in detect(text, language="en") if d.text == name]
    assert found == [(name, "PERSON"), (name, "PERSON")]
    only = detect(text, language="en", types=["PERSON"])
    assert [d.text for d in only] == [name, name]


@pytest.mark.parametrize(("text", "name"), _PEOPLE)
def test_a_person_after_quit_locked_or_did_stays_in_a_type_filtered_cli_run(
    tmp_path: Path, text: str, name: str
) -> None:
    src = tmp_path / "one.txt"
    src.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["deid", "detect", str(src), "-l", "en", "--type", "PERSON", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert [row["text"] for row in json.loads(result.output)] == [name, name]


@pytest.mark.parametrize(
    ("text", "name", "slot"),
    [
        ("I: I quit Olumerin after the row.", "Olumerin", False),
        ("I: I joined Olumerin at the pub.", "Olumerin", False),
        ("I: Then I went over to Olumerin and asked.", "Olumerin", False),
        ("I: I quit Tavistrel after they cut the fees on the app.", "Tavistrel", True),
        ("I: I joined Tavistrel because the orders were steady.", "Tavistrel", True),
        ("I: Honestly Fenella locked me out of the flat.", "Fenella", False),
        ("I: Braskett locked me out of the app for a week.", "Braskett", True),
        ("I: I did Fenwicke a favour once.", "Fenwicke", False),
        ("I: I did Fenwicke wrong.", "Fenwicke", False),
        ("I: I do Quindlet a bit in the evenings.", "Quindlet", True),
        ("I: I do Boxing on Sundays.", "Boxing", False),
    ],
)
def test_quit_join_lock_and_do_need_their_cue(text: str, name: str, slot: bool) -> None:
    assert _slot(text, name) is slot


def test_a_slot_does_not_spread_to_repeats() -> None:
    text = "I: I mainly do Quindlet in the week. Quindlet was quiet on Monday."
    first = text.index("Quindlet")
    second = text.index("Quindlet", first + 1)
    found = [
        Detection(first, first + 8, "PERSON", 0.45, "unknown.capitalised", "Quindlet"),
        Detection(second, second + 8, "PERSON", 0.45, "unknown.repeat", "Quindlet"),
    ]
    assert [d.type for d in type_by_role(text, found)] == ["ORG", "PERSON"]


def test_the_town_after_a_comma_is_found_by_the_places_end_not_by_a_scan_of_every_span() -> None:
    """second reading: ``_town`` tried every detection against every guess (18k detections: 4.9 s); the place
    before ``, `` is now looked up by its end offset, whatever the spaces around the comma."""
    from makna.privacy.placespans import _place_before_comma

    text = "Born in New Sarnby ,  Corvale."
    place = Detection(8, 18, "LOCATION", 0.9, "location.cue", "New Sarnby")
    start = text.index("Corvale")
    assert _place_before_comma(text, start, {18: place}) is place
    assert _place_before_comma(text, start, {17: place}) is None
    assert _place_before_comma("Born in New Sarnby Corvale.", 19, {18: place}) is None
