"""english25 (issue #11): an English organisation found in pieces or without its first words is one span."""

from __future__ import annotations

import pytest

from makna.privacy import Detection
from makna.privacy.org_spans import close_org_spans


def _det(text: str, part: str, kind: str, detector: str = "learned") -> Detection:
    at = text.index(part)
    return Detection(at, at + len(part), kind, 0.8, detector, part)


@pytest.mark.parametrize(
    ("text", "parts", "whole"),
    [
        # two parts joined by a small word of the name's own language
        (
            "A: She owns Hills of the Sun Chemist in town.",
            [("Hills", "ORG"), ("Sun Chemist", "ORG")],
            "Hills of the Sun Chemist",
        ),
        (
            "A: Nia at Canolfan ar Lannau Gwent checked my payslips.",
            [("Canolfan", "LOCATION"), ("Lannau Gwent", "ORG")],
            "Canolfan ar Lannau Gwent",
        ),
        (
            "A: She took us to Kituo cha Msaada Legal Aid on the avenue.",
            [("Kituo", "ORG"), ("Msaada Legal Aid", "ORG")],
            "Kituo cha Msaada Legal Aid",
        ),
        (
            "A: We joined Hermanas de Corazón Cleaners last year.",
            [("Hermanas", "PERSON"), ("Corazón Cleaners", "ORG")],
            "Hermanas de Corazón Cleaners",
        ),
        ("A: The camera at Dewi's Vapes caught the plate.", [("Dewi", "PERSON"), ("Vapes", "ORG")], "Dewi's Vapes"),
        # the capitalised words right before an organisation, mid-sentence
        (
            "A: The cover came from Pacific Mutual Insurance round the corner.",
            [("Mutual Insurance", "ORG")],
            "Pacific Mutual Insurance",
        ),
        (
            "A: I did deliveries for Mama Wanjiru's Kitchen on the high road.",
            [("Wanjiru's Kitchen", "ORG")],
            "Mama Wanjiru's Kitchen",
        ),
        (
            "A: the rep from Harbourside Carers United came to the hall.",
            [("Carers United", "ORG")],
            "Harbourside Carers United",
        ),
        ("A: We meet at St. Brigid Parish Hall on Sundays.", [("Brigid Parish Hall", "ORG")], "St. Brigid Parish Hall"),
        # or opening a turn when its first word is no ordinary word
        ("R: Brookvale Carers Union, that's who helped.", [("Carers Union", "ORG")], "Brookvale Carers Union"),
    ],
)
def test_an_organisation_takes_its_first_words_and_joined_parts(
    text: str, parts: list[tuple[str, str]], whole: str
) -> None:
    found = [_det(text, p, k) for p, k in parts]
    orgs = [d for d in close_org_spans(text, found, "en") if d.type == "ORG"]
    assert [d.text for d in orgs] == [whole]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        # a firm and a place after "of", a person and a place: two names
        ("A: I worked for Tallowby of Leeds then.", [("Tallowby", "ORG"), ("Leeds", "LOCATION")]),
        ("A: Ruth of Harwick Logistics rang.", [("Ruth", "PERSON"), ("Harwick Logistics", "ORG")]),
        # two firms in a list stay two
        ("A: Then Asda and Kelvora Couriers took me on.", [("Asda", "ORG"), ("Kelvora Couriers", "ORG")]),
        # a sentence's first ordinary word, a weekday, a month, the pronoun are no part of a firm
        ("A: So Kelvora Couriers rang me.", [("Kelvora Couriers", "ORG")]),
        ("A: Okay Kelvora Couriers rang me.", [("Kelvora Couriers", "ORG")]),
        ("A: on Monday Kelvora Couriers rang me.", [("Kelvora Couriers", "ORG")]),
        ("A: in March Kelvora Couriers rang me.", [("Kelvora Couriers", "ORG")]),
        ("A: then I Kelvora Couriers, no, I rang them.", [("Kelvora Couriers", "ORG")]),
        # a sentence's end between two names
        ("A: I went to Harwick. Tallowby Logistics took me on.", [("Harwick", "ORG"), ("Tallowby Logistics", "ORG")]),
        # a sentence's last word before a firm: never
        ("P2: Yes. Sahyadri Carers Bureau, the placement man.", [("Sahyadri Carers Bureau", "ORG")]),
        # a person's title, a country before a firm; "for the" after a firm's head
        ("A: I paid an agent, a Mr Harwick Recruitment man.", [("Harwick Recruitment", "ORG")]),
        ("A: I signed in Indonesia PT Cahaya Lestari Tenaga.", [("PT Cahaya Lestari Tenaga", "ORG")]),
        (
            "A: We went to Brookfield Hospital for the Scans Unit.",
            [("Brookfield Hospital", "ORG"), ("Scans Unit", "ORG")],
        ),
        # an Indonesian turn: "di" is "at", "Di"/"Bu." open no firm
        (
            "J: Dulu di Bengkel Sinar Toba di Jalan Melati.",
            [("Bengkel Sinar Toba", "ORG"), ("Jalan Melati", "LOCATION")],
        ),
        ("J: Iya, Bu. Di IGD Harapan Kita dulu.", [("IGD Harapan Kita", "ORG")]),
        ("A: I saw it on the Facebook Kelvora Jobs Group page.", [("Kelvora Jobs Group", "ORG")]),
        # a line in capitals: its case says nothing
        ("A: SO THEN KELVORA COURIERS RANG ME.", [("KELVORA COURIERS", "ORG")]),
        # words on the line before: never
        ("A: I signed with\nPacific Mutual Insurance", [("Pacific Mutual Insurance", "ORG")]),
    ],
)
def test_look_alikes_stay_as_they_were(text: str, parts: list[tuple[str, str]]) -> None:
    found = [_det(text, p, k) for p, k in parts]
    assert close_org_spans(text, found, "en") == found


def test_indonesian_text_is_left_alone() -> None:
    text = "J: Saya kerja di Mitra Sejahtera Logistik dulu."
    found = [_det(text, "Sejahtera Logistik", "ORG")]
    assert close_org_spans(text, found, "id") == found


def test_a_place_for_a_firm_stays_two_names() -> None:
    text = "A: I drive in Roath for Kelvora Couriers."
    for kind in ("LOCATION", "ORG"):
        found = [_det(text, "Roath", kind), _det(text, "Kelvora Couriers", "ORG")]
        assert close_org_spans(text, found, "en") == found
    text = "A: I was at the Awadh Centre for Labour Studies."
    found = [_det(text, "Awadh Centre", "ORG"), _det(text, "Labour Studies", "ORG")]
    assert [d.text for d in close_org_spans(text, found, "en")] == ["Awadh Centre for Labour Studies"]


@pytest.mark.parametrize(
    ("text", "parts", "whole"),
    [
        (
            "A: My uncle runs Haroon & Sons Wholesale in town.",
            [("Haroon", "PERSON"), ("Sons Wholesale", "ORG")],
            "Haroon & Sons Wholesale",
        ),
        ("A: The hall at St. Anselm Parish was full.", [("St", "ORG"), ("Anselm Parish", "ORG")], "St. Anselm Parish"),
        (
            "A: I buy rice from Lakshmi Cash and Carry by the market.",
            [("Lakshmi Cash", "ORG"), ("Carry", "ORG")],
            "Lakshmi Cash and Carry",
        ),
        (
            "A: The buyer, Pêcheries Arsenault et Fils, dropped the price.",
            [("Pêcheries Arsenault", "ORG"), ("Fils", "PERSON")],
            "Pêcheries Arsenault et Fils",
        ),
    ],
)
def test_a_firms_closing_words_after_and_or_a_joining_word_are_its_own(
    text: str, parts: list[tuple[str, str]], whole: str
) -> None:
    found = [_det(text, p, k) for p, k in parts]
    assert [d.text for d in close_org_spans(text, found, "en")] == [whole]


def test_a_firm_of_a_person_or_a_place_in_english_stays_two_names() -> None:
    text = "A: I drove for Tallowby of Mary's cousin, then Kelvora and Marisol."
    found = [
        _det(text, "Tallowby", "ORG"),
        _det(text, "Mary", "PERSON"),
        _det(text, "Kelvora", "ORG"),
        _det(text, "Marisol", "PERSON"),
    ]
    assert close_org_spans(text, found, "en") == found
