"""type20: the precision stage's typing, measured leaving the four sets opened in round twenty out (issue 11).

The shipped CRF and precision stage at BASE (39a565eb) were trained on 556 transcripts, without ``tune22``,
``seal21``, ``spent31``, ``spent32``; the stage was fitted on the out-of-fold detections of those 556 (the cache
``--oof``, pickled by ``benchmarks/deid_precision_cv.py --cache`` / ``python -m makna.privacy.train --stage-only``).
This script refits stage variants on the same out-of-fold detections (the four sets never seen), scores each on
the four sets through the whole pipeline (``detect`` with the variant swapped in, ``precision.using_stage``), in one
run, next to the shipped stage and to a refit of it (which must give the shipped figures), and on type20's own
open cases (``benchmarks/type20_cases/open``). Aggregates only are printed.

Run: ``python benchmarks/type20_loo.py --oof CACHE [--variants base,coord,...] [--data PICKLE]``.

named21 (round twenty-one): ``--four`` names the left-out sets (default: round twenty's four; round twenty-one's are
``tune23,seal22,spent33,spent34``, the shipped stage at ``edb4026f`` and ``--oof /tmp/oof20b.pkl`` left them out),
``--cases`` may be given more than once, and a variant ``cuts=0.8;unknown=0.6;ORG=0.7`` is the shipped stage as it
is with the typer's cuts set (``PrecisionStage.typer_cut`` and ``typer_cuts``): no refit, so neither ``--oof`` nor
``--data`` is read when every variant is of that kind.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from makna.privacy.detect import detect
from makna.privacy.evaluate import EvaluationReport, GoldDocument, evaluate_documents, load_gold
from makna.privacy.precision import PrecisionStage, load_stage, stage_from_record, using_stage
from makna.privacy.precision_train import StageData, fit_stage, fit_typer, stage_data
from makna.privacy.train import OPEN_SPLITS, STAGE_DROPS, STAGE_SETTINGS, examples, load_splits

ROOT = Path(__file__).resolve().parent.parent
FOUR = ("tune22", "seal21", "spent31", "spent32")


def _fit(
    sd: Sequence[StageData],
    without: tuple[str, ...] = (),
    retype: float | None = None,
    retypes: dict[str, float] | None = None,
    retype_weight: float = 1.0,
    c: float | None = None,
    vote: str = "",
) -> PrecisionStage:
    s = STAGE_SETTINGS
    stage = fit_stage(
        sd,
        c=c if c is not None else s["c"],
        drop=s["drop"],
        retype=retype if retype is not None else s["retype"],
        min_splits=int(s["min_splits"]),
        without=without,
        retype_weight=retype_weight,
    )
    stage.drops = dict(STAGE_DROPS)
    stage.retypes = dict(retypes or {})
    stage.vote = vote
    return stage


VARIANTS: dict[str, Callable[[Sequence[StageData]], PrecisionStage]] = {
    "refit": lambda sd: _fit(sd, without=("coord=",)),
    "coord": lambda sd: _fit(sd),
    "rw2": lambda sd: _fit(sd, without=("coord=",), retype_weight=2.0),
    "coord+rw2": lambda sd: _fit(sd, retype_weight=2.0),
    "coord+rw3": lambda sd: _fit(sd, retype_weight=3.0),
    "r0.4": lambda sd: _fit(sd, without=("coord=",), retype=0.4),
    "coord+r0.4": lambda sd: _fit(sd, retype=0.4),
    "vote": lambda sd: _fit(sd, without=("coord=",), vote="type"),
    "coord+vote": lambda sd: _fit(sd, vote="type"),
}


def _without(doc: StageData, prefix: str) -> StageData:
    """``doc`` with the features starting with ``prefix`` taken out."""
    feats = [[f for f in fs if not f.startswith(prefix)] for fs in doc.features]
    return StageData(doc.split, doc.language, doc.detections, feats, doc.labels)


def score(docs: Sequence[GoldDocument], stage: PrecisionStage | None) -> EvaluationReport:
    def run(text: str, language: str) -> list[Any]:
        if stage is None:
            return detect(text, language=language)
        with using_stage(stage):
            return detect(text, language=language)

    return evaluate_documents(docs, run)


def row(name: str, rep: EvaluationReport) -> str:
    o, u = rep.overall, rep.untyped
    langs = " ".join(f"{k} {v.overall.recall:.3f}/{v.leak_rate:.3f}" for k, v in sorted(rep.by_language.items()))
    types = " ".join(
        f"{k} {v.recall:.2f}" for k, v in sorted(rep.per_type.items()) if k in {"PERSON", "LOCATION", "ORG"}
    )
    return (
        f"| {name} | {o.recall:.4f} | {o.precision:.4f} | {u.recall:.4f} | {rep.leak_rate:.4f} | {langs} | "
        f"{types} | {o.found}/{o.gold} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--oof", type=Path)
    parser.add_argument("--four", default=",".join(FOUR), help="the sets left out of training, scored")
    parser.add_argument("--data", type=Path, help="pickled train.examples of the 556 (made now when absent)")
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--typer-c", default="0.5")
    parser.add_argument("--cases", type=Path, action="append")
    args = parser.parse_args()
    t = time.time()
    four_sets = tuple(args.four.split(","))
    if all(v.startswith("cuts=") for v in args.variants.split(",")):
        sd: list[StageData] = []
    elif args.data and args.data.exists():
        data = pickle.loads(args.data.read_bytes())  # noqa: S301 (this script's own cache)
    else:
        data = examples(load_splits(ROOT, [s for s in OPEN_SPLITS if s not in four_sets]))
        if args.data:
            args.data.write_bytes(pickle.dumps(data))
    if not all(v.startswith("cuts=") for v in args.variants.split(",")):
        if args.oof is None:
            raise SystemExit("--oof is needed for a variant that refits the stage")
        oof = pickle.loads(args.oof.read_bytes())  # noqa: S301
        if len(oof) != len(data):
            raise SystemExit(f"{args.oof}: {len(oof)} transcripts, not {len(data)}")
        sd = stage_data(data, oof)
        print(f"stage data: {sum(len(d.detections) for d in sd)} detections ({time.time() - t:.0f} s)", file=sys.stderr)
    four = [doc for split in four_sets for doc in load_gold(ROOT / "tests/privacy/corpus" / split)]
    cases = [doc for folder in (args.cases or [ROOT / "benchmarks/type20_cases/open"]) for doc in load_gold(folder)]
    shipped = load_stage()
    print("| stage | typed R | P | untyped R | leak | by language R/leak | PERSON LOCATION ORG | found |")
    print("| --- | ---: | ---: | ---: | ---: | --- | --- | ---: |")
    print(row("shipped (BASE)", score(four, None)), flush=True)
    print(row("shipped (BASE), own open cases", score(cases, None)), flush=True)
    typers: dict[tuple[float, str], PrecisionStage] = {}
    for name in args.variants.split(","):
        t = time.time()
        if name.startswith("cuts="):  # the shipped stage, the typer's cuts set: "cuts=0.8;unknown=0.6"
            assert shipped is not None
            stage = stage_from_record(shipped.as_record())
            parts = name.removeprefix("cuts=").split(";")
            stage.typer_cut = float(parts[0])
            stage.typer_cuts = {k: float(v) for k, v in (p.split("=") for p in parts[1:])}
        elif name.startswith("typer"):  # the shipped stage (= its refit) and a detector-blind typer: "typer0.6"
            # "typer0.8-appos=": the typer fitted without the features starting "appos=" (named21's baseline)
            spec, _, strip = name.removeprefix("typer").partition("-")
            cut = float(spec)
            c = float(args.typer_c)
            if (c, strip) not in typers:
                data_ = sd if not strip else [_without(d, strip) for d in sd]
                typers[(c, strip)] = fit_typer(data_, c=c)
            assert shipped is not None
            stage = stage_from_record(shipped.as_record())
            stage.typer, stage.typer_cut = typers[(c, strip)], cut
        else:
            stage = VARIANTS[name](sd)
        if name == "refit" and shipped is not None:
            diff = max(
                abs(a - b)
                for f, row_ in stage.weights.items()
                for a, b in zip(row_, shipped.weights.get(f, (0.0,) * len(row_)), strict=True)
            )
            print(
                f"refit vs shipped: {len(stage.weights)} / {len(shipped.weights)} weights, max |diff| {diff:.2e}",
                file=sys.stderr,
            )
        print(row(name, score(four, stage)), flush=True)
        print(row(f"{name}, own open cases", score(cases, stage)), f"({time.time() - t:.0f} s)", flush=True)


if __name__ == "__main__":
    main()
