"""The names drawn for a handle or an e-mail address are no other person's surrogate (trial14 #9: a respondent's
handle surrogate ``@irdawati.yusnimar`` shared the surname of the withdrawn informant's surrogate ``Darnelis
Irdawati``, so a reader links two people) (#11). Names, handles and secrets invented."""

from __future__ import annotations

import re

import pytest

from makna.privacy.pseudonymise import KeyMapping

FIRST = [
    "Ami",
    "Rizal",
    "Fajri",
    "Yusnidar",
    "Darnelis",
    "Rosmaini",
    "Hendri",
    "Yulia",
    "Nofrianti",
    "Zulkifli",
    "Erni",
    "Masril",
    "Desmawati",
    "Afrizal",
    "Yenni",
    "Irwan",
    "Wirda",
    "Jufri",
    "Asnimar",
    "Syafrizal",
]
LAST = ["Putra", "Chaniago", "Piliang"]
PEOPLE = [f"{f} {last}" for f in FIRST for last in LAST]
HANDLES = ["@kedai.sumbar", "@toko_amanah_pdg", "@jualbeli.minang", "@olshop.bundo", "@grosir.koto", "dapur.uni"]
EMAILS = ["kedai.sumbar@mail.example", "bundo.jualan@mail.example"]
ROLE = {"toko", "olshop"}


def _words(value: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[^\W\d_]{3,}", value.split("@mail")[0].split("@example")[0])} - ROLE


def _accounts(mapping: KeyMapping) -> list[set[str]]:
    out = [_words(mapping.surrogate("HANDLE", h, language="id")) for h in HANDLES]
    return out + [_words(mapping.surrogate("EMAIL", e, language="id")) for e in EMAILS]


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("region", ["13", "national"])  # West Sumatra's names, and the whole country's
def test_user_names_share_no_name_with_other_people(seed: int, region: str) -> None:
    mapping = KeyMapping(secret=f"{seed:02x}" * 32, region=region)
    mapping.reserve(PEOPLE + HANDLES + EMAILS)
    accounts = _accounts(mapping)  # drawn first: the people's surrogates after them must avoid their names
    people = {w.casefold() for p in PEOPLE for w in mapping.surrogate("PERSON", p, language="id").split()}
    drawn = set().union(*accounts)
    assert not drawn & people, drawn & people
    assert sum(map(len, accounts)) == len(drawn), accounts  # nor with one another


@pytest.mark.parametrize("seed", range(4))
def test_a_later_apply_avoids_the_user_names_of_an_earlier_one(seed: int) -> None:
    first = KeyMapping(secret=f"{seed + 7:02x}" * 32, region="13")
    first.reserve(HANDLES + EMAILS)
    drawn = set().union(*_accounts(first))
    later = KeyMapping.from_dict(first.to_dict())  # the key file read again by the next apply
    later.reserve(PEOPLE)
    people = {w.casefold() for p in PEOPLE for w in later.surrogate("PERSON", p, language="id").split()}
    assert not drawn & people, drawn & people


def test_a_handle_keeps_its_own_persons_surrogate() -> None:
    mapping = KeyMapping(secret="5a" * 32, region="13")
    mapping.reserve(["Yusnidar Chaniago", "@yusnidar.chaniago"])
    person = mapping.surrogate("PERSON", "Yusnidar Chaniago", language="id")
    handle = mapping.surrogate("HANDLE", "@yusnidar.chaniago", language="id")
    assert _words(handle) == {w.casefold() for w in person.split()}
