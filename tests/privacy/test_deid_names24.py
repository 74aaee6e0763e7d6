"""Accented given names, a place joined to a firm by ``for``, postcodes abroad (names24, issue #11; trial13 #7).

The open case table of ``tests/privacy/names24cases`` (every ``[[...]]`` span found whole as its type, every
``{{...}}`` span left alone by every type) and one test per class, in both languages where it applies: a given
name that the name lists spell without its diacritics (``Seán``, ``João``, ``Tiến``) is found by the list, while
an ordinary word with diacritics (``café``) is not; a tone mark after a letter that has no composed form stays in
the span; a firm's span never crosses ``for`` after a named place, while ``Centre for ...`` stays one name; an
address ending in a UK, Canadian, US or Australian postcode is found whole and its surrogate keeps the postcode's
shape (a town, then the code renumbered), never one invented Indonesian village word.

The sealed third is scored only in aggregate, by ``benchmarks/deid_struct_cases.py --table names24cases
--any-type --whole --sealed``.
"""

from __future__ import annotations

import re

import pytest
from case_tables import TABLE as _TABLE
from case_tables import open_cases

from makna.privacy import detect
from makna.privacy.name_lists import fold_name, listed_name
from makna.privacy.pseudonymise import KeyMapping, pseudonymise
from makna.privacy.types import PII_TYPES

_FOLDER = _TABLE.CASES.parent / "names24cases"

_KNOWN: frozenset[str] = frozenset(
    {
        "I trained with [[Inês]] for about a month.",
    }
)
"""Open cases outside this round's classes (a name after "trained with" typed ORG with its accent): strict expected
failures, so a fix shows. The cause-named body found in two pieces (``Centre for Migrant Workers``) is whole since
places29's joins. ``a room with [[Dóra]]`` passes
since round twenty-five's merges. Since round twenty-six's retrain the learned layer cuts a Canadian address before
its city and postcode (``7 Elm Street`` / ``Ottawa`` / ``K2P 1L4``); round twenty-seven's retrain (on places27's
address rules) finds it whole again."""


@open_cases("names24cases", _KNOWN)
def test_open_case(case: _TABLE.Case) -> None:
    problems = _TABLE.check(case, rules_only=True, alarms=frozenset(PII_TYPES), whole=True)
    assert problems == [], problems


def test_tables_are_disjoint() -> None:
    assert _TABLE.split_ok(_FOLDER)


@pytest.mark.parametrize(
    ("word", "bare"),
    [("Ciarán", "Ciaran"), ("Gülşen", "Gulsen"), ("Tiến", "Tien"), ("Łukasz", "Lukasz"), ("Işıl", "Isil"),
     ("Søren", "Soren"), ("Adébáyọ̀", "Adebayo"), ("Niamh", "Niamh")],
)  # fmt: skip
def test_fold_name(word: str, bare: str) -> None:
    assert fold_name(word) == bare


def test_listed_name_folds_names_not_ordinary_words() -> None:
    names = {"Sean", "Jose", "Cafe"}
    assert listed_name("Seán", names) and listed_name("José", names, {"cafe"})
    assert not listed_name("Café", names, {"cafe"})  # an ordinary word with its accent is never read as a name
    assert not listed_name("Sean", set())


def _persons(text: str, language: str) -> list[tuple[str, str]]:
    return [(d.text, d.detector) for d in detect(text, language=language) if d.type == "PERSON"]


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [("Last week Ciarán and I walked the dogs.", "en", "Ciarán"),
     ("Every morning João opens the shop.", "en", "João"),
     ("Kemarin Seán datang ke pelabuhan.", "id", "Seán"),
     ("Lalu José bilang jadwalnya berubah.", "id", "José")],
)  # fmt: skip
def test_accented_name_found_by_its_list(text: str, language: str, name: str) -> None:
    assert (name, "person.gazetteer") in _persons(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [("We had a coffee at the café near the station.", "en"),
     ("Kami minum kopi di kafé dekat pasar.", "id"),
     ("The menu had a crème brûlée that nobody ordered.", "en")],
)  # fmt: skip
def test_ordinary_accented_words_stay(text: str, language: str) -> None:
    assert _persons(text, language) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [("We visited Doña Petra Alcántara at her house.", "Petra Alcántara"),
     ("Then Chị Lan called me about the rent.", "Lan")],
)  # fmt: skip
def test_title_of_address_is_not_folded_into_a_name(text: str, name: str) -> None:
    assert not listed_name(text.split()[2], {"Dona", "Chi"})
    found = [d for d in detect(text, language="en") if d.type == "PERSON"]
    assert [d.text for d in found] == [name]


def test_span_keeps_a_trailing_tone_mark() -> None:
    text = "My aunt Adébáyọ̀ sends money home each month."
    (span,) = [d for d in detect(text, language="en") if d.type == "PERSON"]
    assert span.text == "Adébáyọ̀" and span.end == text.index(" sends")


@pytest.mark.parametrize(
    ("text", "firm"),
    [("I ride out of Roath for Kelvora Couriers most evenings.", "Kelvora Couriers"),
     ("She cleans offices in Hulme for Brixa Cleaning on weekdays.", "Brixa Cleaning")],
)  # fmt: skip
def test_firm_span_stops_at_for(text: str, firm: str) -> None:
    found = detect(text, language="en")
    assert firm in {d.text for d in found if d.type == "ORG"}
    assert not any(" for " in d.text for d in found)


def test_cause_named_firm_stays_whole() -> None:
    text = "He works at the Society for Care Homes Ltd now."
    assert any(d.text.startswith("Society for Care") for d in detect(text, language="en") if d.type == "ORG")


@pytest.mark.parametrize(
    ("text", "address", "code"),
    [("We lived at 12 Birch Ave, Toronto M5V 2T6 for two years.", "12 Birch Ave, Toronto M5V 2T6",
      r"[A-Z]\d[A-Z] \d[A-Z]\d"),
     ("Send it to 14 Maple Road, Cardiff CF24 2HG please.", "14 Maple Road, Cardiff CF24 2HG",
      r"[A-Z]{2}\d{2} \d[A-Z]{2}"),
     ("Home was 5 King St, Fitzroy VIC 3065 then.", "5 King St, Fitzroy VIC 3065", r"VIC \d{4}"),
     ("Dulu saya tinggal di 3 Mill Lane, Belfast BT12 6AB waktu kuliah.", "3 Mill Lane, Belfast BT12 6AB",
      r"BT\d{2} \d[A-Z]{2}")],
)  # fmt: skip
@pytest.mark.parametrize("region", [None, "GB"])
def test_address_abroad_keeps_its_postcode_shape(text: str, address: str, code: str, region: str | None) -> None:
    language = "id" if "tinggal" in text else "en"
    found = detect(text, language=language)
    assert address in {d.text for d in found if d.type == "ADDRESS"}
    out, reps = pseudonymise(text, found, mode="surrogate", mapping=KeyMapping(region=region), language=language)
    (rep,) = [r for r in reps if r.original == address]
    assert re.search(rf", [A-Z][\w' .\-]+ {code}\Z", rep.replacement), rep.replacement
    assert rep.replacement.split(",")[0].split()[-1] in {"Ave", "Road", "St", "Lane"}
