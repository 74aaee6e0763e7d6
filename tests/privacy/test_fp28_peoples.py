"""fp28 (#11): a people's name that no place list knows, before a lower-case word ("a Basque family", "Tamil is
her first language", "Batak itu keras"), is an origin, not an identifier; a listed place, a listed name and a
place after a place word stay. Every sentence is invented for these tests, none from a corpus file."""

from __future__ import annotations

import pytest

from makna.privacy.ethnonyms import names_a_people
from makna.privacy.types import Detection


def _det(text: str, span: str, kind: str = "PERSON") -> Detection:
    start = text.index(span)
    return Detection(start, start + len(span), kind, 0.6, "unknown.capitalised", span)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("He is a good guy, seventy-something, Basque family, been there forever.", "Basque"),
        ("Tamil is her first language, she learned the rest at school.", "Tamil"),
        ("We joined a Gujarati group that meets on Sundays.", "Gujarati"),
        ("Batak itu keras kalau ngomong, tapi baik.", "Batak"),
        ("Di kampung kami banyak Dayak pedalaman yang kerja di kebun.", "Dayak"),
    ],
)
def test_people_before_a_lower_case_word_is_no_identifier(text: str, span: str) -> None:
    assert names_a_people(text, _det(text, span))


@pytest.mark.parametrize(
    ("text", "span", "kind"),
    [
        ("Nias itu indah, ombaknya besar.", "Nias", "LOCATION"),  # a listed place
        ("Dia tinggal di Minang sekarang.", "Minang", "LOCATION"),  # after a place word
        ("Karen said the Torres family moved.", "Torres", "PERSON"),  # a surname
        ("The one who came was Tamil.", "Tamil", "PERSON"),  # no lower-case word after it
    ],
)
def test_places_and_names_stay(text: str, span: str, kind: str) -> None:
    assert not names_a_people(text, _det(text, span, kind))
