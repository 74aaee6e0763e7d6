"""Review of surr15 (#11 section 4): two organisations of one kind never share a surrogate now that the kind word is
kept ("Grace Church" and "Bethel Church" both became "Williams Church"), and only a village's type word lends the
next word a region vote ("Jalan Merdeka", "Masjid Raya", "Pasar Baru" voted for other provinces)."""

from __future__ import annotations

import random

import pytest

from makna.privacy import Detection, KeyMapping, pseudonymise
from makna.privacy.regions import source_region
from makna.privacy.source_regions import source_votes

SEEDS = [random.Random(i).randbytes(32).hex() for i in range(30)]
NAMES = ["Grace", "Hope", "Zion", "Bethel", "Emmanuel", "Trinity", "Calvary", "Elim", "Ebenezer", "Shiloh",
         "Salem", "Hillside", "Moorview", "Greenbank", "Riverside", "Oakfield", "Westgate", "Northfield"]


@pytest.mark.parametrize("head", ["Church", "Chapel", "Hospice", "Academy", "Clinic"])
def test_two_venues_of_one_kind_never_share_a_surrogate(head: str) -> None:
    for secret in SEEDS:
        key = KeyMapping(secret=secret)
        originals = [f"{n} {head}" for n in NAMES]
        key.reserve(originals)
        got = {}
        for o in originals:
            det = Detection(11, 11 + len(o), "ORG", 0.99, "t", o)
            _new, reps = pseudonymise(f"We meet at {o} now.", [det], mode="surrogate", mapping=key, language="en")
            got[o] = reps[0].replacement
        assert len(set(got.values())) == len(got), (secret[:8], got)


@pytest.mark.parametrize("text", ["Jalan Merdeka", "Lapangan Merdeka", "Masjid Raya", "Pasar Baru"])
def test_a_street_or_a_common_word_after_a_type_word_names_no_province(text: str) -> None:
    assert source_votes([("LOCATION", text)]) == {}


def test_a_padang_source_stays_in_west_sumatra() -> None:
    votes = source_votes([("LOCATION", "Masjid Raya"), ("LOCATION", "Jalan Merdeka"), ("LOCATION", "Padang")])
    assert source_region(votes, "13", "id") != "12"


def test_a_village_after_its_type_word_still_votes() -> None:
    assert source_votes([("LOCATION", "balai desa Cibiru")]) == source_votes([("LOCATION", "Cibiru")]) != {}


def test_a_denomination_is_not_kept_beside_a_replaced_town() -> None:
    """A creed beside a town ("Bukittinggi Adventist Church") narrows the town's congregations to a few."""
    o = "Bukittinggi Adventist Church"
    for secret in SEEDS[:5]:
        det = Detection(11, 11 + len(o), "ORG", 0.99, "t", o)
        _n, reps = pseudonymise(f"We meet at {o} now.", [det], mode="surrogate", mapping=KeyMapping(secret=secret),
                                language="en")
        assert "Adventist" not in reps[0].replacement and "Bukittinggi" not in reps[0].replacement
