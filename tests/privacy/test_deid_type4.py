"""Learned typing that transfers (issue 11, branch deidtype4): the precision stage's clause-window, suffix and
last-word features, mistyped spans weighed up in training, a stage-only refit from cached out-of-fold
detections, and the cross-validation's refusal of sealed splits."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from makna.privacy.precision import (
    NONE,
    RETYPES,
    PrecisionStage,
    apply_stage,
    context_features,
    decide,
    document_features,
    load_stage,
    using_stage,
)
from makna.privacy.precision_train import StageData, fit_stage
from makna.privacy.train import load_splits
from makna.privacy.types import Detection

ROOT = Path(__file__).resolve().parents[2]


def _det(text: str, name: str, kind: str, detector: str = "gazetteer") -> Detection:
    start = text.index(name)
    return Detection(start, start + len(name), kind, 0.9, detector, name)


def test_the_clause_window_stays_on_the_line_and_takes_lower_case_words() -> None:
    from makna.privacy.precision import _document

    text = "Q: Where?\nA: I was driving nights for Whitcombe Haulage until they sold it.\nQ: And then?"
    found = [_det(text, "Whitcombe Haulage", "LOCATION")]
    feats = context_features(_document(text, found), found, 0)
    assert {"lw=driving", "lw=nights", "lw=for", "rw=until", "rw=they", "rw=sold"} <= set(feats)
    assert not any(f in feats for f in ("lw=where", "rw=and", "lw=i", "lw=a"))


def test_the_last_word_detected_under_another_type_is_a_feature() -> None:
    text = "Kendal Morris showed me round. Later Morris said the rate would fall."
    found = [_det(text, "Kendal Morris", "LOCATION"), _det(text, "Morris", "PERSON")]
    found[1] = Detection(text.rindex("Morris"), text.rindex("Morris") + 6, "PERSON", 0.9, "gazetteer", "Morris")
    feats = document_features(text, "en", found)
    assert "tail-also=PERSON|LOCATION" in feats[0]
    assert not any(f.startswith("tail-also=") for f in feats[1])  # one word: its head is its tail (head-also=)


def _synthetic(weight: float) -> PrecisionStage:
    """A stage fitted on spans detected as LOCATION: after a work verb their gold type is ORG, after a stay verb
    LOCATION (three to one, so that without weighing up the mistyped ones the detector's type would win)."""
    data: list[StageData] = []
    for k in range(24):
        work = k % 4 == 0
        verb = "worked shifts for" if work else "stayed a week in"
        name = f"Name{chr(97 + k % 26)}ton"
        text = f"A: I {verb} {name} last year."
        found = [_det(text, name, "LOCATION")]
        data.append(
            StageData(f"s{k % 3}", "en", found, document_features(text, "en", found), ["ORG" if work else "LOCATION"])
        )
    return fit_stage(data, c=1.0, min_count=2, drop=1.01, retype=0.5, retype_weight=weight)


def test_a_span_in_a_clear_work_clause_is_retyped_when_mistyped_spans_weigh_more() -> None:
    text = "A: I worked shifts for Brantleigh Freight last year."
    found = [_det(text, "Brantleigh Freight", "LOCATION")]
    feats = document_features(text, "en", found)
    assert [d.type for d in decide(_synthetic(5.0), found, feats)] == ["ORG"]
    heavy, plain = _synthetic(5.0).probabilities(feats[0]), _synthetic(1.0).probabilities(feats[0])
    assert heavy["ORG"] > plain["ORG"]  # weighed up, the mistyped spans pull harder
    stay = "A: I stayed a week in Brantleigh Freight last year."
    found = [_det(stay, "Brantleigh Freight", "LOCATION")]
    assert [d.type for d in decide(_synthetic(5.0), found, document_features(stay, "en", found))] == ["LOCATION"]


def test_structured_identifiers_pass_a_stage_that_retypes_everything() -> None:
    stage = PrecisionStage((NONE, *sorted(RETYPES)), (0.0, 0.0, 0.0, 9.0, 0.0), {}, 1.01, 0.1, {})
    text = "A: call 0812 5550 1234 or write to rider@example.org, Tomasz said."
    found = [
        _det(text, "0812 5550 1234", "PHONE", "phone"),
        _det(text, "rider@example.org", "EMAIL", "email"),
        _det(text, "Tomasz", "PERSON"),
    ]
    with using_stage(stage):
        got = apply_stage(text, "en", found)
    assert [d.type for d in got] == ["PHONE", "EMAIL", "ORG"]
    assert got[:2] == found[:2]


def test_the_shipped_weights_load_and_fit_their_classes() -> None:
    stage = load_stage()
    assert stage is not None
    assert NONE in stage.classes and RETYPES <= set(stage.classes)
    assert len(stage.intercepts) == len(stage.classes)
    assert all(len(row) == len(stage.classes) for row in stage.weights.values())
    assert 0.0 < stage.retype <= 1.01


def test_a_stage_without_the_new_features_skips_computing_them() -> None:
    stage = PrecisionStage((NONE, "PERSON"), (0.0, 0.0), {"type=PERSON": (0.0, 1.0)}, 1.01, 0.5, {})
    assert not stage.uses("lw=") and not stage.uses("rw=")


@pytest.mark.parametrize("split", ["seal31", "heldout31", "sealed-x"])
def test_the_cross_validation_refuses_sealed_splits(split: str) -> None:
    with pytest.raises(ValueError, match="not an open split|refusing"):
        load_splits(ROOT, (split,))
    run = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "deid_precision_cv.py"), "--splits", split, "--no-stage"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
        check=False,
        timeout=300,
    )
    assert run.returncode != 0
    assert "not an open split" in run.stderr or "refusing" in run.stderr
