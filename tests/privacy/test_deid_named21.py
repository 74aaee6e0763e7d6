"""The detector-blind typer's cuts by detector family and by new type (#11, branch named21).

The typer (``_typer.py``, type20) retypes a kept span when it gives another named type at least its cut. One cut
for every detector treats a catch-all's guess (``unknown.*``: a capitalised word, no type evidence) like a cue
detector's typed finding; ``PrecisionStage.typer_cuts`` lets grouped cross-validation choose a cut per detector
family and/or per new type (``train.STAGE_TYPER_CUTS``). A stage without them behaves as before. Every sentence
is invented for these tests.
"""

from __future__ import annotations

from makna.privacy.precision import PrecisionStage, apply_stage, load_stage, stage_from_record, using_stage
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
