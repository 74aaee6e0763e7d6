"""Indonesian country names from CLDR (#11, surr24 item 4): ``coarse._COUNTRY_FORMS`` held a hand-typed list of
Indonesian country names; CLDR's Indonesian names (through Babel) replace it, with only colloquial forms CLDR
lacks left by hand. Every form of the old hand list is still a coarse country with the same code."""

from __future__ import annotations

import pytest

from makna.privacy import coarse
from makna.privacy.coarse import coarse_place

# round twenty-three's hand-typed Indonesian forms (coarse._COUNTRY_FORMS at 49673237), as Indonesians write them
OLD_HAND_LIST = {
    "singapura": "SG",
    "hongkong": "HK",
    "hong kong sar": "HK",
    "arab saudi": "SA",
    "saudi": "SA",
    "uni emirat arab": "AE",
    "emirat arab": "AE",
    "korea selatan": "KR",
    "jepang": "JP",
    "tiongkok": "CN",
    "inggris": "GB",
    "amerika": "US",
    "amerika serikat": "US",
    "belanda": "NL",
    "jerman": "DE",
    "mesir": "EG",
    "yordania": "JO",
    "turki": "TR",
    "selandia baru": "NZ",
    "filipina": "PH",
    "brunei darussalam": "BN",
}


@pytest.mark.parametrize(("form", "code"), sorted(OLD_HAND_LIST.items()))
def test_old_hand_list_still_coarse(form: str, code: str) -> None:
    for written in (form, form.title(), form.upper()):
        assert coarse_place(written) == ("country", code)


def test_the_hand_list_keeps_only_what_cldr_lacks() -> None:
    hand = {k for k, v in coarse._COUNTRY_FORMS.items() if k in OLD_HAND_LIST}
    assert hand <= {"hongkong", "hong kong sar", "saudi", "emirat arab", "inggris", "amerika"}
    assert not hand & set(coarse._cldr_names())


@pytest.mark.parametrize(
    ("form", "code"),
    [
        ("Prancis", "FR"),
        ("Spanyol", "ES"),
        ("Rusia", "RU"),
        ("Swiss", "CH"),
        ("Korea Utara", "KP"),
        ("Afrika Selatan", "ZA"),
        ("Myanmar", "MM"),
        ("Hong Kong", "HK"),
        ("Malaysia", "MY"),
        ("Taiwan", "TW"),
    ],
)
def test_cldr_names_beyond_the_old_list(form: str, code: str) -> None:
    assert coarse_place(form) == ("country", code)


def test_small_territories_stay_identifiers() -> None:
    # the same floor as GeoNames' English names: a territory of few towns points at people (Macao, Pitcairn)
    assert coarse_place("Makau") is None
    assert coarse_place("Kepulauan Pitcairn") is None
