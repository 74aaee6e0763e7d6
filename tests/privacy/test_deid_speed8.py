"""The speed rewrites of round ten's learned passes give exactly what the code they replace gives (issue 11).

The organisation context model scores a mention said again in the same words once per document (a memo keyed by
its context), and passes over a name said once as soon as its words before, its detection and the most the rest
could add stay below the add threshold. Against round nine's loop (every name scored in full by
:func:`makna.privacy.orgcontext.name_probability`), with random weights on every feature the texts produce and
add thresholds that make the pass both skip and score.
"""

from __future__ import annotations

import math
import random
from unittest.mock import patch

from hypothesis import example, given, settings
from hypothesis import strategies as st

from makna.privacy import orgcontext as oc
from makna.privacy._text import cap_runs
from makna.privacy.detect import detect
from makna.privacy.orgcontext import OrgContextModel
from makna.privacy.types import Detection

_PIECES = st.sampled_from(
    (
        "Sinar Laundry The I & and Oak Ember PT Maju Jaya Kalau kerja di ride for works at the dari ikut toko company "
        "Pak Budi Padang ke outskirts of near MiChat 2023 x in Leeds owner Ltd Tbk Shop Rumah Aman Zoomdrop ’s -"
    ).split()
    + ["jadi kurir", "di-PHK", "laid off from", "saya kerja di Zoomdrop", "I ride for Zoomdrop"]
)
_GLUE = st.sampled_from([" ", " ", " ", "  ", "\t", ", ", ". ", ": ", "\n", "\nI: ", " (", "! ", " & "])


@st.composite
def _texts(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(_PIECES, _GLUE), min_size=1, max_size=40))
    return "".join(p + g for p, g in parts)


def _random_model(text: str, seed: int, add: float) -> OrgContextModel:
    rng = random.Random(seed)
    feats: set[str] = set()
    for mentions in oc.group(oc.candidates(text, detect(text), cap_runs(text))).values():
        for row in oc.all_features(text, mentions):
            feats.update(row)
            feats.update("else:" + f for f in row)
    weights = {f: rng.choice([0.0, rng.uniform(-3, 3)]) for f in sorted(feats)}
    return OrgContextModel(rng.uniform(-4, 2), weights, add, max(add, 0.7))


def _round_nine_decide(model: OrgContextModel, scan: str, found: list[Detection]) -> list[Detection]:
    """Round nine's loop: every name not passed over scored in full (the bound never says stop)."""
    reaching = oc._Slots.reaching

    def full(self: oc._Slots, text: str, cand: oc.Candidate, floor: float) -> tuple[float, tuple[str, ...]] | None:
        return reaching(self, text, cand, -math.inf)

    with patch.object(oc._Slots, "reaching", full), patch.object(oc, "name_probability", _no_memo):
        return oc.decide(model, scan, found, cap_runs(scan))


_with_memo = oc.name_probability


def _no_memo(model: OrgContextModel, scan: str, mentions: list[oc.Candidate], seen: oc._Seen | None = None) -> float:
    return _with_memo(model, scan, mentions)


@settings(max_examples=200, deadline=None)
@given(_texts(), st.integers(0, 5), st.sampled_from([0.05, 0.3, 0.5, 0.8, 0.97]))
@example("I: Saya kerja di Sinar Laundry. I ride for  the Zoomdrop, Zoomdrop at\tZoomdrop.\nZoomdrop at Leeds", 0, 0.5)
def test_decide_equals_round_nine(text: str, seed: int, add: float) -> None:
    model = _random_model(text, seed, add)
    found = [d for d in detect(text) if len(d.text) % 3]  # some names found, some left to the stage
    assert oc.decide(model, text, found, cap_runs(text)) == _round_nine_decide(model, text, found)


def test_decide_equals_round_nine_with_the_shipped_model() -> None:
    model = oc.load_model()
    assert model is not None
    text = (
        "I: Dulu saya kerja di Sinar Laundry, terus pindah ke Rumah Aman. Sinar Laundry itu punya Pak Budi.\n"
        "P: I ride for Zoomdrop now, and before that I worked at Oak & Ember in Leeds. Zoomdrop pays weekly.\n"
    ) * 3
    found = detect(text)
    for kept in (found, [d for d in found if d.type != "ORG"], []):
        assert oc.decide(model, text, kept, cap_runs(text)) == _round_nine_decide(model, text, kept)


@settings(max_examples=200, deadline=None)
@given(_texts(), st.integers(0, 3))
def test_a_mention_scored_from_the_memo_equals_one_read_from_the_text(text: str, seed: int) -> None:
    model = _random_model(text, seed, 0.5)
    slots = model.slots()
    seen: oc._Seen = {}
    for mentions in oc.group(oc.candidates(text, detect(text), cap_runs(text))).values():
        for m in mentions:
            assert slots.mention(text, m, seen) == slots.mention(text, m)
