"""The precision stage over every detector (issue 11): shipped as plain weights with its training record, never
touches structured identifiers or speaker labels, decides by its thresholds, calibrates confidences, and trains
deterministically from open splits only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from makna.privacy import Detection, detect
from makna.privacy.learned import load_model
from makna.privacy.precision import (
    NONE,
    STAGE_TYPES,
    PrecisionStage,
    apply_stage,
    decide,
    document_features,
    load_stage,
    stage_disabled,
    stage_from_record,
    using_stage,
)
from makna.privacy.precision_train import fit_stage, label_of, stage_data
from makna.privacy.train import OPEN_SPLITS, STAGE_SETTINGS, examples, load_splits, main, split_dir

ROOT = Path(__file__).resolve().parents[2]


def test_stage_loads_from_package_data_with_its_training_record() -> None:
    stage = load_stage()
    assert stage is not None and load_stage() is stage  # once per process
    rec = stage.record
    assert rec["splits"] and set(rec["splits"]) <= set(OPEN_SPLITS)
    assert not any(s.startswith("seal") and s not in OPEN_SPLITS for s in rec["splits"])
    assert rec["command"].startswith("python -m makna.privacy.train") and len(rec["data_sha256"]) == 64
    model = load_model()
    assert model is not None
    # trained on the shipped CRF's out-of-fold output, from the same data
    assert rec["crf_sha256"] == model.record["model_sha256"] and rec["data_sha256"] == model.record["data_sha256"]
    assert (stage.drop, stage.retype, rec["c"]) == (STAGE_SETTINGS["drop"], STAGE_SETTINGS["retype"], STAGE_SETTINGS["c"])
    assert NONE in stage.classes and {"PERSON", "LOCATION", "ORG"} <= set(stage.classes)


def _stage(weights: dict[str, tuple[float, ...]], drop: float = 0.8, retype: float = 0.6) -> PrecisionStage:
    classes = (NONE, "LOCATION", "ORG", "PERSON")
    return PrecisionStage(classes, (0.0, 0.0, 0.0, 0.0), weights, drop, retype, {})


def _det(text: str, word: str, kind: str, conf: float = 0.6, detector: str = "person.cue") -> Detection:
    start = text.index(word)
    return Detection(start, start + len(word), kind, conf, detector, word)


def test_decisions_follow_the_thresholds() -> None:
    text = "Aku kerja di Zorblat sama Qwerin dan Plinth."
    found = [_det(text, "Zorblat", "PERSON"), _det(text, "Qwerin", "PERSON"), _det(text, "Plinth", "PERSON")]
    stage = _stage(
        {
            "prev=di|PERSON": (0.0, 0.0, 9.0, 0.0),  # Zorblat: an ORG, surely
            "prev=sama|PERSON": (0.0, 0.0, 0.0, 9.0),  # Qwerin: a person, surely
            "prev=dan|PERSON": (9.0, 0.0, 0.0, 0.0),  # Plinth: no identifier
        }
    )
    with using_stage(stage):
        out = apply_stage(text, "id", found)
    assert [(d.text, d.type) for d in out] == [("Zorblat", "ORG"), ("Qwerin", "PERSON")]
    assert all(d.confidence == 0.99 for d in out)  # the stage's probability, capped
    assert out[0].detector == "person.cue"  # who found it stays on record
    # the same decisions from precomputed features (cross-validation's path)
    assert decide(stage, found, document_features(text, "id", found)) == out
    # a retype below its threshold keeps the type and says how unsure it is
    stage.retype = 1.01
    with using_stage(stage):
        kept = apply_stage(text, "id", found)
    assert kept[0].type == "PERSON" and kept[0].confidence == 0.05
    # the catch-all's guesses go to review however sure the stage is
    guess = [_det(text, "Qwerin", "PERSON", detector="unknown.capitalised")]
    with using_stage(stage):
        assert [d.confidence for d in apply_stage(text, "id", guess)] == [0.79]


def test_structured_identifiers_are_never_scored() -> None:
    text = "I: Nomor saya 0812-7788-1234, email rina@example.com, plat BA 1234 QZ, lahir 12 Maret 1990."
    with stage_disabled():
        before = detect(text, language="id")
    after = detect(text, language="id")
    structured = [d for d in before if d.type not in STAGE_TYPES]
    assert {d.type for d in structured} >= {"PHONE", "EMAIL", "PLATE", "DATE"}
    assert [d for d in after if d.type not in STAGE_TYPES] == structured
    features = document_features(text, "id", before)
    assert all(f == [] for d, f in zip(before, features, strict=True) if d.type not in STAGE_TYPES)
    # even a stage that would drop everything leaves them alone
    with using_stage(_stage({}, drop=0.0)):
        assert detect(text, language="id") == structured


@pytest.mark.parametrize(("first", "second"), [("P", "I"), ("Pewawancara", "Informan"), ("Interviewer", "Respondent")])
def test_generic_speaker_labels_stay_undetected(first: str, second: str) -> None:
    text = f"{first}: Sejak kapan?\n{second}: Sejak kecil, Kak.\n{first}: Karena apa?\n{second}: Karena ramai."
    assert detect(text, language="id") == []


def test_confidences_are_probabilities() -> None:
    text = "P: Siapa namanya?\nI: Nama saya Rini Handayani, tinggal di Kelurahan Sukamaju, Padang."
    stage = load_stage()
    assert stage is not None
    with stage_disabled():
        before = detect(text, language="id")
    after = detect(text, language="id")
    scored = [d for d in after if d.type in STAGE_TYPES]
    assert scored and all(0.05 <= d.confidence <= 0.99 for d in scored)
    feats = document_features(text, "id", before)
    for det, f in zip(before, feats, strict=True):
        if f:
            probs = stage.probabilities(f)
            match = next(d for d in after if d.start == det.start)
            assert match.confidence == round(min(0.99, max(0.05, probs[match.type])), 2)


def test_record_round_trip_gives_the_same_probabilities() -> None:
    stage = load_stage()
    assert stage is not None
    again = stage_from_record(json.loads(json.dumps(stage.as_record())))
    feats = ["type=PERSON", "det=unknown.capitalised|PERSON", "sentence-start|PERSON", "no-such-feature"]
    assert again.probabilities(feats) == pytest.approx(stage.probabilities(feats), abs=1e-5)


def test_label_is_the_most_overlapped_gold_type() -> None:
    det = Detection(10, 20, "PERSON", 0.5, "x", "a" * 10)
    assert label_of(det, [(0, 12, "LOCATION"), (12, 30, "ORG")]) == "ORG"
    assert label_of(det, [(0, 10, "LOCATION"), (20, 30, "ORG")]) == NONE


def test_fitting_is_deterministic() -> None:
    data = examples(load_splits(ROOT, ("tune", "tune2")))
    folds = stage_data(data, {i: list(ex.rules) for i, ex in enumerate(data)})
    first = json.dumps(fit_stage(folds).as_record(), sort_keys=True)
    assert json.dumps(fit_stage(folds).as_record(), sort_keys=True) == first


def test_training_refuses_sealed_splits(tmp_path: Path) -> None:
    for name in ("seal31", "sealed-deid", "heldout31"):
        with pytest.raises(ValueError):
            split_dir(ROOT, name)
        with pytest.raises(ValueError):
            load_splits(ROOT, (name,))
    # a repository whose open split folders sit under a sealed folder's name is refused, not read
    fake = tmp_path / "sealed-deid-copy" / "repo"
    (fake / "tests/privacy/corpus/tune").mkdir(parents=True)
    with pytest.raises(ValueError):
        main(["--root", str(fake), "--out", str(tmp_path / "out")])
    assert not (tmp_path / "out").exists()
