"""English types by what the sentence says (branch en19, #11): a name typed PERSON after a preposition of place is
a LOCATION, and a full name that restates a first name is a PERSON however the stages typed it. All values are
invented; the passes are tested on the detections given to them (the stages before them are retrained at every
merge)."""

from __future__ import annotations

import re

import pytest

from makna.privacy.en_retype import (
    bodies_are_orgs,
    first_names_of_persons,
    names_said_as_names,
    places_after_prepositions,
    places_answered_to_where,
    restated_full_names,
)
from makna.privacy.types import Detection


def _det(text: str, name: str, kind: str, nth: int = 0) -> Detection:
    m = list(re.finditer(re.escape(name), text))[nth]
    return Detection(m.start(), m.end(), kind, 0.7, "test", name)


def _types(found: list[Detection]) -> list[tuple[str, str]]:
    return [(d.text, d.type) for d in found]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The rota put me in Torvale Brook at the same time.", "Torvale Brook"),
        ("Her family in Linmore Heath are kind to me.", "Linmore Heath"),
        ("I do my runs round Dellanby mostly.", "Dellanby"),
        ("We waited outside Corran Vale for an hour.", "Corran Vale"),
        ("She moved into the Haskett Rise flats.", "Haskett Rise"),
        ("The shop is somewhere near Brindle Cross.", "Brindle Cross"),
        # a first name that is also a place of the lists, or after "in": the place
        ("We lived near Preston before the baby.", "Preston"),
        ("Then the agency put me in Jordan for a month.", "Jordan"),
    ],
)
def test_person_after_place_preposition_is_location(text: str, name: str) -> None:
    found = places_after_prepositions(text, [_det(text, name, "PERSON")], "en")
    assert _types(found) == [(name, "LOCATION")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I slept in Tariq's car that night.", "Tariq"),
        ("I sat near Mrs Okonjo at the meeting.", "Mrs Okonjo"),
        ("I always believed in Rosalind, she never lied.", "Rosalind"),
        ("In the end I confided in Kemal about the money.", "Kemal"),
        ("They brought in Delia to cover the shift.", "Delia"),
        ("I went with Marisol to the office.", "Marisol"),
        # a known first name after a preposition that takes people as freely (lead's reading of en19)
        ("I turned towards Kieran and asked him straight.", "Kieran"),
        ("I stood around Jasmine and her mates all night.", "Jasmine"),
        ("On the bus I sat near Tariq, like always.", "Tariq"),
        ("Honestly I was into Callum for a while.", "Callum"),
    ],
)
def test_persons_stay_persons(text: str, name: str) -> None:
    found = places_after_prepositions(text, [_det(text, name, "PERSON")], "en")
    assert _types(found) == [(name, "PERSON")]


def test_same_string_follows_in_the_document_unless_read_as_a_person() -> None:
    text = "I work in Pellow Down now.\nPellow Down is quiet at night.\nMy cousin Pellow Down said hi."
    dets = [_det(text, "Pellow Down", "PERSON", n) for n in range(3)]
    assert [d.type for d in places_after_prepositions(text, dets, "en")] == ["LOCATION", "LOCATION", "PERSON"]


def test_indonesian_text_is_left_alone() -> None:
    text = "Saya tinggal in Rantau Baru."
    det = _det(text, "Rantau Baru", "PERSON")
    assert _types(places_after_prepositions(text, [det], "id")) == [("Rantau Baru", "PERSON")]


@pytest.mark.parametrize(
    ("text", "first", "full"),
    [
        ("P: Aye. I'm Ailsa, Ailsa Drummondie. My pals call me Biscuit.", "Ailsa", "Ailsa Drummondie"),
        ("A: Chidera from the group, Chidera Okolie-Bassey, he helped me.", "Chidera", "Chidera Okolie-Bassey"),
        ("Ravindran helped. Ravindran Pillai Menon wrote the letter.", "Ravindran", "Ravindran Pillai Menon"),
    ],
)
def test_full_name_restating_a_first_name_is_a_person(text: str, first: str, full: str) -> None:
    dets = [_det(text, first, "PERSON"), _det(text, full, "ORG")]
    assert _types(restated_full_names(text, dets, "en")) == [(first, "PERSON"), (full, "PERSON")]


@pytest.mark.parametrize(
    ("text", "first", "org"),
    [
        ("Bisi said to meet at Bisi Cool Spot on Friday.", "Bisi", "Bisi Cool Spot"),
        ("Bisi runs it now, Bisi Foods Ltd, since March.", "Bisi", "Bisi Foods Ltd"),
        ("Marlon opened Marlon Auto Repairs last year.", "Marlon", "Marlon Auto Repairs"),
    ],
)
def test_firms_named_after_a_person_keep_org(text: str, first: str, org: str) -> None:
    dets = [_det(text, first, "PERSON"), _det(text, org, "ORG")]
    assert _types(restated_full_names(text, dets, "en")) == [(first, "PERSON"), (org, "ORG")]


def test_no_first_name_no_change() -> None:
    text = "I took it to Harlow Fresh, the depot."
    det = _det(text, "Harlow Fresh", "ORG")
    assert _types(restated_full_names(text, [det], "en")) == [("Harlow Fresh", "ORG")]


@pytest.mark.parametrize("kind", ["LOCATION", "ORG"])
def test_first_name_of_a_full_name_is_a_person(kind: str) -> None:
    text = "I spoke to Tafadzwa at the branch. Tafadzwa Mhlanga is the rep."
    dets = [_det(text, "Tafadzwa", kind), _det(text, "Tafadzwa Mhlanga", "PERSON")]
    assert _types(first_names_of_persons(text, dets, "en")) == [("Tafadzwa", "PERSON"), ("Tafadzwa Mhlanga", "PERSON")]


def test_a_title_is_no_first_name_and_places_stay() -> None:
    text = "Auntie runs the stall in Kelso. Auntie Grace lives in Kelso too. Mr Kelso Brown came."
    dets = [_det(text, "Auntie", "ORG"), _det(text, "Kelso", "LOCATION"), _det(text, "Auntie Grace", "PERSON")]
    dets.append(_det(text, "Mr Kelso Brown", "PERSON"))
    assert [d.type for d in first_names_of_persons(text, dets, "en")] == ["ORG", "LOCATION", "PERSON", "PERSON"]


def test_the_end_of_a_longer_name_is_no_first_name() -> None:
    text = "I go to Mass at Our Lady of Ximena on Sunday. Ximena Ortiz is my name."
    dets = [_det(text, "Ximena", "LOCATION"), _det(text, "Ximena Ortiz", "PERSON")]
    assert [d.type for d in first_names_of_persons(text, dets, "en")] == ["LOCATION", "PERSON"]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("She helped me write to the Harbour Labour Department.", "Harbour Labour Department", "LOCATION"),
        ("She rents the pitch from Tollgate Traders Co-operative now.", "Tollgate Traders Co-operative", "LOCATION"),
        ("I was paid by Brannock Holdings Ltd in the end.", "Brannock Holdings Ltd", "PERSON"),
    ],
)
def test_a_body_is_an_org_by_its_last_word(text: str, name: str, kind: str) -> None:
    assert _types(bodies_are_orgs(text, [_det(text, name, kind)], "en")) == [(name, "ORG")]


def test_one_word_and_other_last_words_stay() -> None:
    text = "I met Council at the Trust Lane corner, near Harbour Trust Hill."
    dets = [_det(text, "Council", "PERSON"), _det(text, "Harbour Trust Hill", "LOCATION")]
    assert [d.type for d in bodies_are_orgs(text, dets, "en")] == ["PERSON", "LOCATION"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("You can change my name, maybe just use Wren which is what my colleagues say.", "Wren"),
        ("Or Tuesday, which is what my gran called me, born on one.", "Tuesday"),
        ("Use Paloma, that's what my family calls me.", "Paloma"),
        ("Don't put Blessing, Blessing is my middle name.", "Blessing"),
        ("Her son is Marlowe Quinn. Marlowe Quinn is his full name.", "Marlowe Quinn"),
    ],
)
def test_words_said_to_be_a_name_are_a_person(text: str, name: str) -> None:
    found = names_said_as_names(text, [], "en")
    assert (name, "PERSON") in _types(found)


def test_said_name_retypes_the_same_span_and_leaves_pronouns() -> None:
    text = "Call me Harbour. Harbour is my nickname. That is my name, that's what they say."
    det = _det(text, "Harbour", "LOCATION", 1)
    found = names_said_as_names(text, [det], "en")
    assert _types(found) == [("Harbour", "PERSON")]


def test_say_or_use_needs_a_name_before() -> None:
    text = "Most riders are on Brankly, that's what everyone uses. The hub is Coldharbour, which is what they say."
    assert names_said_as_names(text, [], "en") == []


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("They send me mostly round Barbrook and Jessop Hill.", "Barbrook and Jessop", "LOCATION"),
        ("The depot is near the Quarry Mills roundabout.", "Quarry Mills", "LOCATION"),
        ("I work in Harlow Fresh Foods on nights.", "Harlow Fresh Foods", "ORG"),
        ("We queued outside Brightmart for an hour.", "Brightmart", "ORG"),
    ],
)
def test_org_after_near_or_round_is_a_place(text: str, name: str, kind: str) -> None:
    assert _types(places_after_prepositions(text, [_det(text, name, "ORG")], "en")) == [(name, kind)]


def test_a_place_the_sentence_says_stays_a_place() -> None:
    text = "I live in Kelso, which is funny. Kelso Brown is my neighbour."
    dets = [_det(text, "Kelso", "LOCATION"), _det(text, "Kelso Brown", "PERSON")]
    assert [d.type for d in first_names_of_persons(text, dets, "en")] == ["LOCATION", "PERSON"]


def test_answer_to_where_retypes_a_person() -> None:
    text = "I: And where do you stay?\nP: Kilbarran, up the top, flat 2/1.\nI: Thanks."
    found = places_answered_to_where(text, [_det(text, "Kilbarran", "PERSON")], "en")
    assert _types(found) == [("Kilbarran", "LOCATION")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Q: Where are you from?\nA: From Tessenei Bay, in the north. I came in 2019.", "Tessenei Bay"),
        (
            "Interviewer  0:31\nAnd where are you living now?\n\nAmani  0:35\nKaranja Heights, a room.",
            "Karanja Heights",
        ),
    ],
)
def test_answer_to_where_adds_a_place(text: str, name: str) -> None:
    assert (name, "LOCATION") in _types(places_answered_to_where(text, [], "en"))


@pytest.mark.parametrize(
    "text",
    [
        "Q: How old are you, and where do you live?\nA: Twenty-nine, thirty in January.",
        "Q: Where do you live?\nA: Honestly, nowhere fixed.",
        "Q: Could you say your name and where you're from?\nA: Delphine Arceneaux. I grew up here.",
        "Q: Where do you work?\nA: Brightmart, on the tills.",
    ],
)
def test_no_place_where_the_answer_or_question_says_otherwise(text: str) -> None:
    assert places_answered_to_where(text, [], "en") == []


def test_fillers_open_no_place() -> None:
    assert places_answered_to_where("Q: Where are you staying now?\nA: Okay, so it's complicated.", [], "en") == []


def test_a_piece_of_a_longer_name_is_no_first_name() -> None:
    text = "Yulia Rahmi here. My shop is Tudung Uni Yulia, on the app."
    dets = [_det(text, "Yulia Rahmi", "PERSON"), _det(text, "Tudung Uni", "ORG"), _det(text, "Yulia", "ORG", 1)]
    assert [d.type for d in first_names_of_persons(text, dets, "en")] == ["PERSON", "ORG", "ORG"]


def test_an_upper_case_answer_leaves_its_preposition_out() -> None:
    text = "Q: WHERE ARE YOU FROM?\nA: FROM KORANTA VALE, IN THE NORTH."
    assert _types(places_answered_to_where(text, [], "en")) == [("KORANTA VALE", "LOCATION")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # whom one stays with is no place (lead's reading of en19)
        ("Q: Where are you staying now?\nA: Kieran. He lets me have the sofa.", "Kieran"),
        ("Q: Where do you live?\nA: With Auntie Grace, in Kew.", "Grace"),
        ("Q: Where do you stay on weekdays?\nA: Uncle Femi, mostly.", "Femi"),
    ],
)
def test_answer_to_where_that_names_a_person_keeps_the_person(text: str, name: str) -> None:
    assert _types(places_answered_to_where(text, [_det(text, name, "PERSON")], "en")) == [(name, "PERSON")]
