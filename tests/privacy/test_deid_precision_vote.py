"""The precision stage's round-seven parts (issue 11): drop thresholds by source, and the document-level vote
(one type per string, no half drops). Both are off in the shipped stage (cross-validation found no gain) and
tried by benchmarks/deid_stage_drops.py and deid_precision_cv.py --vote."""

from __future__ import annotations

from makna.privacy import Detection
from makna.privacy.precision import (
    NONE,
    PrecisionStage,
    apply_stage,
    decide,
    document_features,
    stage_from_record,
    using_stage,
)


def _stage(weights: dict[str, tuple[float, ...]], drop: float = 0.8, vote: str = "") -> PrecisionStage:
    classes = (NONE, "LOCATION", "ORG", "PERSON")
    return PrecisionStage(classes, (0.0, 0.0, 0.0, 0.0), weights, drop, 0.6, {}, {}, vote)


def _dets(text: str, word: str, kind: str, detector: str = "person.cue") -> list[Detection]:
    out, at = [], text.find(word)
    while at >= 0:
        out.append(Detection(at, at + len(word), kind, 0.6, detector, word))
        at = text.find(word, at + 1)
    return out


def test_the_vote_gives_a_string_one_type_in_a_document() -> None:
    text = "Kerja di Marlowe. Marlowe itu besar. Pokoknya Marlowe."
    found = _dets(text, "Marlowe", "PERSON")
    weights = {"prev=di|PERSON": (0.0, 0.0, 9.0, 0.0)}  # only the first mention looks like an ORG
    for vote, expected in (("", ["ORG", "PERSON", "PERSON"]), ("type", ["ORG", "ORG", "ORG"])):
        with using_stage(_stage(weights, vote=vote)):
            assert [d.type for d in apply_stage(text, "id", found)] == expected
    # with equal weights the highest summed confidence wins, whatever the order
    with using_stage(_stage({"prev=di|PERSON": (0.0, 0.0, 9.0, 0.0), "prev=.|PERSON": (0.0, 0.0, 0.0, 1.0)},
                            vote="type")):
        assert {d.type for d in apply_stage(text, "id", found)} == {"ORG"}


def test_keep_vote_revives_a_dropped_mention_of_a_kept_string() -> None:
    text = "Ketemu Ardo di pasar. Terus Ardo pulang."
    found = _dets(text, "Ardo", "PERSON")
    weights = {"prev=terus|PERSON": (9.0, 0.0, 0.0, 0.0), "prev=ketemu|PERSON": (0.0, 0.0, 0.0, 9.0)}
    for vote, kept in (("", 1), ("type", 1), ("keep", 2)):
        stage = _stage(weights, vote=vote)
        with using_stage(stage):
            out = apply_stage(text, "id", found)
        assert len(out) == kept
        assert decide(stage, found, document_features(text, "id", found)) == out  # the same from features
    # a string whose every mention is dropped stays dropped
    with using_stage(_stage({"type=PERSON": (9.0, 0.0, 0.0, 0.0)}, vote="keep")):
        assert apply_stage(text, "id", found) == []


def test_drop_thresholds_by_source_then_type() -> None:
    text = "Oke Ardo. Oke Bima."
    found = [*_dets(text, "Ardo", "PERSON", "unknown.capitalised"), *_dets(text, "Bima", "PERSON", "person.cue")]
    stage = _stage({"type=PERSON": (1.0, 0.0, 0.0, 0.0)}, drop=1.01)  # P(none) is about 0.48
    for drops, kept in (
        ({}, ["Ardo", "Bima"]),
        ({"PERSON": 0.4}, []),
        ({"unknown.capitalised": 0.4}, ["Bima"]),
        ({"PERSON@person.cue": 0.4, "PERSON": 0.9}, ["Ardo"]),
    ):
        stage.drops = drops
        with using_stage(stage):
            assert [d.text for d in apply_stage(text, "en", found)] == kept
    # thresholds and the vote survive the JSON form
    stage.vote = "keep"
    again = stage_from_record(stage.as_record())
    assert (again.drops, again.vote) == (stage.drops, "keep")
