"""named21 (issue 11): the detector-blind typer's cut, chosen by grouped cross-validation over the training splits,
globally, by the detector's family (``unknown``, ``person``, ``location``, ``org``, ``learned``, ...) and by the
new type (:attr:`makna.privacy.precision.PrecisionStage.typer_cuts`).

The splits are dealt into ``--folds`` groups in order of first appearance (each group holds writers of every
round); each group's stage and typer are fitted (``train.STAGE_SETTINGS``, ``STAGE_WITHOUT``) on the other groups'
out-of-fold detections (``--oof``: the cache the shipped stage was fitted from) and decide the group's own (the stage
alone, not the passes after it). Each held-out detection's class probabilities are computed once; every cut setting
is then applied to them (``precision._decision``, the code path of detection). Figures pooled over the groups.
The sets left out of training (``--four``) are not read: ``--data`` holds the training transcripts only.

Run: ``python benchmarks/named21_cv.py --oof CACHE --data PICKLE [--folds 3]``.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from makna.privacy.evaluate import EvaluationReport, evaluate_documents
from makna.privacy.precision import PrecisionStage, _consistent, _decision, never_identifier
from makna.privacy.precision_train import StageData, fit_stage, fit_typer, stage_data
from makna.privacy.train import STAGE_DROPS, STAGE_RETYPES, STAGE_SETTINGS, STAGE_VOTE, STAGE_WITHOUT

FAMILIES = ("unknown", "person", "location", "org", "learned")
NEW = ("PERSON", "LOCATION", "ORG", "ADDRESS")


def fitted(sd: Sequence[StageData], typer_without: str = "") -> PrecisionStage:
    """The stage and its typer as ``train.train_stage`` fits them (the typer without ``typer_without``'s
    features when given: a baseline)."""
    s = STAGE_SETTINGS
    stage = fit_stage(
        sd, c=s["c"], drop=s["drop"], retype=s["retype"], min_splits=int(s["min_splits"]), without=STAGE_WITHOUT
    )
    stage.drops, stage.vote, stage.retypes = dict(STAGE_DROPS), STAGE_VOTE, dict(STAGE_RETYPES)
    if typer_without:
        sd = [
            StageData(
                d.split,
                d.language,
                d.detections,
                [[f for f in fs if not f.startswith(typer_without)] for fs in d.features],
                d.labels,
            )
            for d in sd
        ]
    stage.typer = fit_typer(sd, c=s["typer_c"], cut=s["typer_cut"])
    return stage


def decided(stage: PrecisionStage, doc: StageData, probs: list[dict[str, float] | None]) -> list[Any]:
    pairs = []
    for det, feats, p in zip(doc.detections, doc.features, probs, strict=True):
        if feats and never_identifier(det):
            continue
        pairs.append((det, _decision(stage, det, p, feats) if feats and p is not None else det))
    return _consistent(pairs, stage.vote)


def report(docs: Sequence[Any], outs: Sequence[list[Any]]) -> EvaluationReport:
    by_text = {doc.text: found for doc, found in zip(docs, outs, strict=True)}
    return evaluate_documents(docs, lambda text, _lang: by_text[text])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--oof", type=Path, required=True)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--cuts", default="1.01,0.9,0.8,0.7,0.6,0.5,0.4")
    ap.add_argument("--keys", default=",".join((*FAMILIES, *NEW)), help="typer_cuts keys tried one at a time")
    ap.add_argument("--typer-without", default="", help="fit the typer without the features of this prefix")
    args = ap.parse_args()
    data = pickle.loads(args.data.read_bytes())  # noqa: S301 (this benchmark's own cache)
    oof = pickle.loads(args.oof.read_bytes())  # noqa: S301
    if len(oof) != len(data):
        raise SystemExit(f"{args.oof}: {len(oof)} transcripts, not {len(data)}")
    sd = stage_data(data, oof)
    docs = [ex.doc for ex in data]
    order = list(dict.fromkeys(d.split for d in sd))
    fold_of = {s: k % args.folds for k, s in enumerate(order)}
    stages: list[PrecisionStage] = []
    probs: list[list[dict[str, float] | None]] = [[] for _ in sd]
    for fold in range(args.folds):
        t = time.time()
        stage = fitted([d for d in sd if fold_of[d.split] != fold], args.typer_without)
        stages.append(stage)
        for i, d in enumerate(sd):
            if fold_of[d.split] == fold:
                probs[i] = [stage.probabilities(f) if f else None for f in d.features]
        print(f"fold {fold}: fitted and scored ({time.time() - t:.0f} s)", file=sys.stderr, flush=True)

    def run(cut: float, cuts: dict[str, float]) -> EvaluationReport:
        outs = []
        for i, d in enumerate(sd):
            stage = stages[fold_of[d.split]]
            stage.typer_cut, stage.typer_cuts = cut, cuts
            outs.append(decided(stage, d, probs[i]))
        return report(docs, outs)

    def line(name: str, rep: EvaluationReport) -> str:
        o = rep.overall
        en = rep.by_language["en"].overall.recall
        org = rep.per_type["ORG"].recall
        return f"| {name} | {o.recall:.4f} | {o.precision:.4f} | {en:.4f} | {org:.4f} | {o.found}/{o.gold} |"

    print("| typer cut | typed R | P | en R | ORG R | found |")
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    results: dict[str, Any] = {}
    for cut in (float(x) for x in args.cuts.split(",")):
        rep = run(cut, {})
        results[f"{cut:g}"] = rep.overall.found
        print(line(f"all {cut:g}", rep), flush=True)
    shipped = STAGE_SETTINGS["typer_cut"]
    # one key at a time, the others at the shipped cut: by family, by new type
    for key in (k for k in args.keys.split(",") if k):
        for cut in (0.4, 0.5, 0.6, 0.7, 0.9, 1.01):
            rep = run(shipped, {key: cut})
            results[f"{key}={cut:g}"] = rep.overall.found
            print(line(f"{key} {cut:g} (others {shipped:g})", rep), flush=True)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
