"""The typer's whole-mention features (#11, branch typer24): what a rule could not say about a span's type.

:func:`makna.privacy._mention.mention_features` reads the whole string (its capitalisation shape, whether it is a
listed place or a listed name or neither, its own kind word) together with the place preposition before it and the
kind of phrase it ends; the typer (:func:`makna.privacy._typer.typer_view`) weighs them, a typer fitted before
weighs none (the shipped verdicts stay as they were until the lead's retrain). Every sentence is invented here.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from makna.privacy._mention import listed_as, mention_features, mention_shape
from makna.privacy._typer import blind, typer_view
from makna.privacy.precision import document_features, load_stage
from makna.privacy.precision_train import StageData, fit_typer
from makna.privacy.types import Detection


@pytest.mark.parametrize(
    ("text", "shape"),
    [
        ("Sinar Jaya Abadi", "A A A"),
        ("SMP Tunas Harapan", "U A A"),
        ("Marlow and Finch", "A a A"),
        ("SMAN 3 Padang", "U 9 A"),
        ("St Brendan's College", "A A A"),
        ("Ubuntu", "A"),
    ],
)
def test_the_whole_mention_has_one_shape(text: str, shape: str) -> None:
    assert mention_shape(text) == shape


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        ("Bukittinggi", "place"),  # a listed town (id)
        ("Kisumu", "place"),  # a listed town (en, Kenya)
        ("Rina Wulandari", "name"),  # a listed first name and surname (id)
        ("Brenda Okafor", "name"),  # (en, Nigeria)
        ("Kestrel Freight", "none"),  # a firm no list holds
        ("Koperasi Maju Bersama", "none"),
    ],
)
def test_which_lists_hold_the_whole_string(text: str, listed: str) -> None:
    assert listed_as(text) == listed


def test_the_preposition_and_the_kind_word_are_read_together() -> None:
    firm = mention_features("Koperasi Maju Bersama", ["prev=ke", "cue=work"])
    assert {"m-kind=ORG", "m-prep|kind=ORG", "m-prep|listed=none", "m-cue=work|listed=none"} <= set(firm)
    town = mention_features("Bukittinggi", ["prev=di"])
    assert "m-prep|listed=place" in town
    assert not any(f.startswith("m-kind=") for f in town)
    # no preposition of place before it ("namanya", "called"): no m-prep feature
    assert not any(f.startswith("m-prep") for f in mention_features("Open Hands Trust", ["prev=called"]))


def test_the_typer_reads_the_blind_features_and_the_mentions() -> None:
    features = ["type=LOCATION", "det=location.cue", "prev=di", "prev=di|LOCATION", "word=warung"]
    got = typer_view(features, "Warung Bu Tini")
    assert set(blind(features)) <= set(got)
    assert any(f.startswith("m-") for f in got)
    assert not any(f.startswith(("type=", "det=")) for f in got)


def _det(text: str, part: str, kind: str) -> Detection:
    start = text.index(part)
    return Detection(start, start + len(part), kind, 0.9, "unknown.capitalised", part)


def test_a_fitted_typer_learns_an_unlisted_name_after_a_preposition() -> None:
    """Spans detected as LOCATION after ``di``/``at``: unlisted ones are firms (ORG), listed towns places: the
    typer fitted on them weighs ``m-prep|listed=``; a new unlisted name after ``di`` comes out ORG, a listed town
    after it LOCATION, whatever the words of either."""
    data: list[StageData] = []
    towns = ["Bukittinggi", "Pariaman", "Larantuka", "Kisumu", "Eldoret", "Soweto"]
    firms = ["Quorvane", "Zelmatic", "Brindlewick", "Tarsolen", "Vexhollow", "Marquellon"]
    for k in range(24):
        firm = k % 2 == 0
        name = firms[k % 6] if firm else towns[k % 6]
        text = f"A: Saya kerja di {name} dulu." if k % 4 < 2 else f"A: I was at {name} then."
        found = [_det(text, name, "LOCATION")]
        found.append(_det(text, "A", "PERSON"))
        found = sorted(found, key=lambda d: d.start)
        labels: list[str | None] = ["PERSON" if d.text == "A" else ("ORG" if firm else "LOCATION") for d in found]
        data.append(StageData(f"s{k % 3}", "id", found, document_features(text, "id", found), labels))
    typer = fit_typer(data, c=1.0, cut=0.6)
    assert any(f.startswith("m-prep|listed=") for f in typer.weights)
    for text, name, kind in (
        ("A: Saya kerja di Plendoria dulu.", "Plendoria", "ORG"),
        ("A: Saya kerja di Ngawi dulu.", "Ngawi", "LOCATION"),
    ):
        found = [_det(text, "A", "PERSON"), _det(text, name, "LOCATION")]
        feats = document_features(text, "id", found)[1]
        probs = typer.probabilities(typer_view(feats, name))
        assert max(probs, key=lambda t: probs[t]) == kind


def test_a_typer_fitted_before_weighs_no_mention_feature() -> None:
    """A typer without ``m-`` weights (BASE's shipped one) gives the same probabilities with or without them."""
    stage = load_stage()
    assert stage is not None and stage.typer is not None
    old = replace(stage.typer, weights={f: w for f, w in stage.typer.weights.items() if not f.startswith("m-")})
    text = "A: Saya pinjam ke Koperasi Maju Bersama kemarin."
    found = [_det(text, "Koperasi Maju Bersama", "ORG")]
    feats = document_features(text, "id", found)[0]
    assert old.probabilities(blind(feats)) == old.probabilities(typer_view(feats, found[0].text))
