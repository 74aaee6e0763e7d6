"""Names with "of" (#11, round sixteen): the head before "of" gives an organisation its kind even when a region
word ends the name ("Drivers Union of Kisumu County", deidgap16 added "County" as a place's last word), and an
article with ordinary words before "of" and a possessive is a noun phrase, not a guessed name ("The Good of my
family", which the retrained CRF guessed as an employer after "work for"). Invented text."""

from __future__ import annotations

import pytest

from makna.privacy import detect
from makna.privacy.kindtypes import kind_of
from makna.privacy.lookalikes import _article_phrase, _maker_and_model
from makna.privacy.types import Detection


@pytest.mark.parametrize(("name", "kind"), [
    ("Drivers Union of Kisumu County", "ORG"),
    ("Riders Alliance of Haldon District", "ORG"),
    ("University of Tarrakesh", "ORG"),
    ("Pelham Library of Wessex County", "LOCATION"),
    ("Haldon County", "LOCATION"),
])
def test_the_head_before_of_names_the_kind(name: str, kind: str) -> None:
    got = kind_of(name)
    assert got is not None and got[0] == kind


def test_no_of_no_change() -> None:
    assert kind_of("Kisumu County") == ("LOCATION", "Kisumu")


@pytest.mark.parametrize(("text", "span", "phrase"), [
    ("I work for The Good of my family.", "The Good", True),
    ("We did it for The Rest of our team.", "The Rest", True),
    ("I bank with The Bank of Ireland now.", "The Bank", False),  # no possessive after "of"
    ("I work for The Varnholt of my town.", "The Varnholt", False),  # no ordinary word
])
def test_an_article_phrase_before_of_a_possessive(text: str, span: str, phrase: bool) -> None:
    start = text.index(span)
    det = Detection(start, start + len(span), "ORG", 0.9, "learned", span)
    assert _article_phrase(text, det) is phrase


def test_the_union_stays_an_organisation_end_to_end() -> None:
    found = [(d.text, d.type) for d in detect("He joined the Drivers Union of Kisumu County last year.", language="en")]
    assert ("Drivers Union of Kisumu County", "ORG") in found


@pytest.mark.parametrize(("text", "span", "model"), [
    ("I drive a Kia Sorento now, before that a Corolla.", "Kia Sorento", True),
    ("Sekarang pakai Honda Vario, dulu jalan kaki.", "Honda Vario", True),
    ("My friend Kia Sorensen lent me her car.", "Kia Sorensen", False),  # no thing's cue before the maker
])
def test_a_maker_and_its_model_guessed_whole(text: str, span: str, model: bool) -> None:
    # the CRF retrained in round sixteen guessed "Kia Sorento" as one organisation
    start = text.index(span)
    det = Detection(start, start + len(span), "ORG", 0.5, "learned", span)
    assert _maker_and_model(text, det) is model
