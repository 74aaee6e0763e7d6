"""The detector-blind typer's cuts by detector family and by new type, and what an apposition after a span says
it is (#11, branch named21).

The typer (``_typer.py``, type20) retypes a kept span when it gives another named type at least its cut. One cut
for every detector treats a catch-all's guess (``unknown.*``: a capitalised word, no type evidence) like a cue
detector's typed finding; ``PrecisionStage.typer_cuts`` lets grouped cross-validation choose a cut per detector
family and/or per new type. A stage without them behaves as before. ``appos=``: the first words of an apposition
right after a span ("Velmora, it's a group for carers"; "Pade Rumit, itu paguyuban kami"), the typer's feature;
computed only when a stage's or its typer's weights use it. Every sentence is invented for these tests.
"""

from __future__ import annotations

import pytest

from makna.privacy.precision import (
    PrecisionStage,
    _apposed,
    _document,
    apply_stage,
    context_features,
    load_stage,
    stage_from_record,
    using_stage,
)
from makna.privacy.types import Detection


def _stage(cut: float, cuts: dict[str, float]) -> PrecisionStage:
    """The shipped stage with a one-feature typer (an artificial weight): ``lw=cousin`` says LOCATION at 0.7."""
    shipped = load_stage()
    assert shipped is not None
    # two classes, one weight: P(LOCATION) = e^w / (e^w + 1) = 0.7 for w = ln(7/3)
    typer = PrecisionStage(("LOCATION", "PERSON"), (0.0, 0.0), {"lw=cousin": (0.8472978603872037, 0.0)}, 1.01, 1.01, {})
    stage = stage_from_record(shipped.as_record())
    stage.typer, stage.typer_cut, stage.typer_cuts = typer, cut, dict(cuts)
    return stage


def _typed(stage: PrecisionStage, detector: str) -> str:
    text = "My cousin Quellby waited for me there."
    start = text.index("Quellby")
    found = [Detection(start, start + 7, "PERSON", 0.9, detector, "Quellby")]
    with using_stage(stage):
        [got] = apply_stage(text, "en", found)
    return got.type


def test_a_cut_by_family_applies_to_that_family_only() -> None:
    stage = _stage(0.8, {"unknown": 0.6})
    assert _typed(stage, "unknown.capitalised") == "LOCATION"  # 0.7 >= the family's 0.6
    assert _typed(stage, "person.gazetteer") == "PERSON"  # 0.7 < the shipped 0.8


def test_the_lookup_order_type_at_family_family_type_default() -> None:
    stage = _stage(0.8, {"LOCATION@unknown": 0.9, "unknown": 0.5, "LOCATION": 0.6})
    assert stage.cut_of_typer("LOCATION", "unknown.capitalised") == 0.9
    assert stage.cut_of_typer("ORG", "unknown.capitalised") == 0.5
    assert stage.cut_of_typer("LOCATION", "person.gazetteer") == 0.6
    assert stage.cut_of_typer("ORG", "person.gazetteer") == 0.8
    assert _typed(stage, "unknown.capitalised") == "PERSON"  # 0.7 < 0.9
    assert _typed(stage, "person.gazetteer") == "LOCATION"  # 0.7 >= 0.6


def test_no_cuts_is_the_one_cut_and_the_record_round_trips() -> None:
    plain = _stage(0.8, {})
    assert plain.cut_of_typer("LOCATION", "unknown.capitalised") == 0.8
    assert "typer_cuts" not in plain.as_record()
    assert _typed(plain, "unknown.capitalised") == "PERSON"
    again = stage_from_record(_stage(0.8, {"unknown": 0.6}).as_record())
    assert again.typer_cuts == {"unknown": 0.6}
    assert "typer_cuts" not in again.record
    assert _typed(again, "unknown.capitalised") == "LOCATION"


@pytest.mark.parametrize(
    ("text", "name", "words"),
    [
        ("She took me to Velmora, it's a group for carers.", "Velmora", ("appos=group", "appos=for")),
        ("Kami ada Pade Rumit, itu paguyuban kami.", "Pade Rumit", ("appos=paguyuban", "appos=kami")),
        ("They call it Zeltana; it is a kind of union.", "Zeltana", ("appos=union",)),
        ("Mostly for Quorra, one of the cheaper apps.", "Quorra", ("appos=cheaper", "appos=apps")),
        ("Kami bikin Sebarau Tigo, artinya tiga perahu.", "Sebarau Tigo", ("appos=tiga", "appos=perahu")),
        ("Dibawa ke Klinik Arumi (klinik kami) malam itu.", "Klinik Arumi", ("appos=klinik", "appos=kami")),
        ("Nanti sebar ke Gereja Saruni, gereja kami.", "Gereja Saruni", ("appos=gereja", "appos=kami")),
    ],
)
def test_an_apposition_says_what_the_span_is(text: str, name: str, words: tuple[str, ...]) -> None:
    assert _apposed(text, text.index(name) + len(name)) == words


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I went with Merrin to the market.", "Merrin"),  # no apposition
        ("I stayed in Kranley, with my mam.", "Kranley"),  # a preposition: no copula, no determiner
        ("Ask Dorsa, she knows.", "Dorsa"),  # a clause, not an apposition
        ("We met Jorvan, Tellis and Ama there.", "Jorvan"),  # a list: a capitalised word, no noun
        ("She stays in Harlowby. The bus is slow.", "Harlowby"),  # a full stop ends it
        ("Ask Dorsa, 2 doors down.", "Dorsa"),  # a number, no word
        ("Ask Dorsa,\nsister of mine.", "Dorsa"),  # the next line is another turn's
    ],
)
def test_no_apposition_no_feature(text: str, name: str) -> None:
    assert _apposed(text, text.index(name) + len(name)) == ()


def test_the_feature_reaches_the_typer_and_a_stage_without_it_computes_none() -> None:
    text = "She took me to Velmora, it's a group for carers."
    start = text.index("Velmora")
    found = [Detection(start, start + 7, "LOCATION", 0.9, "unknown.capitalised", "Velmora")]
    assert "appos=group" in context_features(_document(text, found), found, 0)
    shipped = load_stage()
    assert shipped is not None
    stage = stage_from_record(shipped.as_record())
    stage.typer = None
    stage.weights = {f: w for f, w in stage.weights.items() if not f.startswith("appos=")}
    assert not stage.wants("appos=")  # a stage trained before: the feature is not computed at detection time
    typer = PrecisionStage(("LOCATION", "ORG"), (0.0, 0.0), {"appos=group": (0.0, 3.0)}, 1.01, 1.01, {})
    stage.typer, stage.typer_cut = typer, 0.8
    assert stage.wants("appos=")
    with using_stage(stage):
        [got] = apply_stage(text, "en", found)
    assert got.type == "ORG"  # e^3 / (e^3 + 1) = 0.95 >= 0.8
