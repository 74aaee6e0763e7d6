"""places29 (issue #11): an English organisation found as touching pieces is one span.

Round twenty-nine's four unseen sets held organisations cut in two: a place's piece right before an
organisation's, one space between them, an organisation's head, ``of`` and a place ("... Union of <place>"), two
organisation pieces with nothing but a space between them or a plural possessive ("Workers' Desk").
``close_org_spans`` now joins those; a person before an organisation, a comma, a line break, a place after a firm
that is no body's head ("Tallowby of Leeds", "Kelvora Couriers of Leeds") and Indonesian text stay as they were.
"""

from __future__ import annotations

import pytest

from makna.privacy import Detection, detect
from makna.privacy.org_spans import close_org_spans


def _det(text: str, part: str, kind: str, detector: str = "learned") -> Detection:
    at = text.index(part)
    return Detection(at, at + len(part), kind, 0.8, detector, part)


@pytest.mark.parametrize(
    ("text", "parts", "whole"),
    [
        # two organisation pieces with one space between them
        (
            "A: The rep from Lintara Carers Network Hub came by.",
            [("Lintara Carers", "ORG"), ("Network Hub", "ORG")],
            "Lintara Carers Network Hub",
        ),
        # a plural possessive inside the name
        (
            "A: I went to Tamu Rafiki Workers' Desk on Monday.",
            [("Tamu Rafiki Workers", "ORG"), ("Desk", "ORG")],
            "Tamu Rafiki Workers' Desk",
        ),
        (
            "A: I went to Tamu Rafiki Workers’ Desk on Monday.",
            [("Tamu Rafiki Workers", "ORG"), ("Desk", "ORG")],
            "Tamu Rafiki Workers’ Desk",
        ),
        # a place's piece right before the organisation's: its first word
        (
            "A: She volunteers at Ordsall Carers Forum now.",
            [("Ordsall", "LOCATION"), ("Carers Forum", "ORG")],
            "Ordsall Carers Forum",
        ),
        # an organisation's head, "of", a place
        (
            "A: The Kestrel Drivers Union of Wexford paid the lawyer.",
            [("Kestrel Drivers Union", "ORG"), ("Wexford", "LOCATION")],
            "Kestrel Drivers Union of Wexford",
        ),
        (
            "A: The Anglican Church of Kisumu paid the fees.",
            [("Anglican Church", "ORG"), ("Kisumu", "LOCATION")],
            "Anglican Church of Kisumu",
        ),
    ],
)
def test_touching_organisation_pieces_are_one_span(text: str, parts: list[tuple[str, str]], whole: str) -> None:
    found = [_det(text, p, k) for p, k in parts]
    out = close_org_spans(text, found, "en")
    assert [(d.type, d.text) for d in out] == [("ORG", whole)]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        # a firm that is no organisation head, "of", a place: a firm and a place
        ("A: I drove for Tallowby of Leeds then.", [("Tallowby", "ORG"), ("Leeds", "LOCATION")]),
        # a firm's trade or form, "of", a place: the firm and its town
        ("A: I drove for Kelvora Couriers of Leeds.", [("Kelvora Couriers", "ORG"), ("Leeds", "LOCATION")]),
        # a person right before a firm: two names
        ("A: Then Ruth Harwick Logistics rang.", [("Ruth", "PERSON"), ("Harwick Logistics", "ORG")]),
        # a firm then a place: the place is where it is
        ("A: I worked for Kelvora Couriers Leeds branch.", [("Kelvora Couriers", "ORG"), ("Leeds", "LOCATION")]),
        # a comma, a line break, two spaces: two names
        ("A: Asda, Kelvora Couriers, all of them.", [("Asda", "ORG"), ("Kelvora Couriers", "ORG")]),
        ("A: Asda\nKelvora Couriers took me on.", [("Asda", "ORG"), ("Kelvora Couriers", "ORG")]),
        ("A: Asda  Kelvora Couriers took me on.", [("Asda", "ORG"), ("Kelvora Couriers", "ORG")]),
        # a line in capitals: its case says nothing
        ("A: I WENT TO LINTARA CARERS NETWORK HUB.", [("LINTARA CARERS", "ORG"), ("NETWORK HUB", "ORG")]),
        ("A: SHE VOLUNTEERS AT ORDSALL CARERS FORUM.", [("ORDSALL", "LOCATION"), ("CARERS FORUM", "ORG")]),
        # an apostrophe after a word that is no plural
        ("A: I went to Kelvora Cab' Desk then.", [("Kelvora Cab", "ORG"), ("Desk", "ORG")]),
    ],
)
def test_other_neighbours_stay_apart(text: str, parts: list[tuple[str, str]]) -> None:
    found = [_det(text, p, k) for p, k in parts]
    out = close_org_spans(text, found, "en")
    assert [(d.type, d.text) for d in out] == [(k, p) for p, k in parts]


def test_indonesian_text_is_left_alone() -> None:
    text = "I: Saya kerja di Koperasi Sinar Tani Makmur dulu."
    parts = [("Koperasi Sinar", "ORG"), ("Tani Makmur", "ORG")]
    found = [_det(text, p, k) for p, k in parts]
    assert [(d.type, d.text) for d in close_org_spans(text, found, "id")] == [(k, p) for p, k in parts]


@pytest.mark.parametrize(
    ("text", "language", "want"),
    [
        ("A woman from Kibwezi Drivers' Forum rang me.", "en", ("ORG", "Kibwezi Drivers' Forum")),
        ("The rep from Lintara Carers Network Hub came.", "en", ("ORG", "Lintara Carers Network Hub")),
        ("I drove for Tallowby of Leeds then.", "en", ("LOCATION", "Leeds")),
        ("Saya kerja di Koperasi Sinar Tani Makmur dulu.", "id", ("ORG", "Koperasi Sinar Tani Makmur")),
        ("Saya tinggal di Ende sejak kecil.", "id", ("LOCATION", "Ende")),
    ],
)
def test_pipeline(text: str, language: str, want: tuple[str, str]) -> None:
    assert want in [(d.type, d.text) for d in detect(text, language=language)]
