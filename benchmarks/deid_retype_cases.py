"""Score the type cases of branch deidretype (``tests/privacy/deidretypecases``) with the precision stage off,
the shipped stage, and a stage fitted here on the open splits' out-of-fold detections (issue #11).

The fitted stage is what ``python -m makna.privacy.train`` would ship with the current features and
:data:`~makna.privacy.train.STAGE_SETTINGS` (the same out-of-fold detections, read from the cache that
``benchmarks/deid_precision_cv.py --cache FILE`` writes), without retraining the CRF. ``--sealed`` prints the
sealed part's aggregates only (typed and untyped recall, precision, per type, gold type x found type counts);
without it the tune part's figures and every typed miss and false positive of each run.

    python benchmarks/deid_retype_cases.py --cache /tmp/oof.pkl [--sealed] [--retype 0.5] [--without cue=]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from makna.privacy.detect import detect
from makna.privacy.evaluate import EvaluationReport, evaluate_documents, load_gold
from makna.privacy.precision import PrecisionStage, stage_disabled, using_stage
from makna.privacy.precision_train import fit_stage, stage_data
from makna.privacy.train import STAGE_DROPS, STAGE_SETTINGS, STAGE_VOTE, examples, load_splits

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "privacy" / "deidretypecases"
sys.path.insert(0, str(ROOT / "benchmarks"))
from deid_precision_cv import cached_out_of_fold  # noqa: E402


def fitted(cache: Path, retype: float, without: tuple[str, ...]) -> PrecisionStage:
    """A stage fitted on every open split's out-of-fold detections (the cache's), with the shipped settings."""
    data = examples(load_splits(ROOT))
    sd = stage_data(data, cached_out_of_fold(data, cache))
    s = STAGE_SETTINGS
    stage = fit_stage(sd, c=s["c"], drop=s["drop"], retype=retype, min_splits=int(s["min_splits"]), without=without)
    stage.drops = dict(STAGE_DROPS)
    stage.vote = STAGE_VOTE
    return stage


def score(part: str, stage: PrecisionStage | None, off: bool) -> tuple[EvaluationReport, list[str]]:
    """The report on one part of the cases, and (for the tune part) its typed misses and false positives."""
    docs = load_gold(CASES / part)
    found: dict[str, list[tuple[int, int, str, str]]] = {}

    def run(text: str, language: str) -> list:  # type: ignore[type-arg]
        if off:
            with stage_disabled():
                dets = detect(text, language=language)
        elif stage is not None:
            with using_stage(stage):
                dets = detect(text, language=language)
        else:
            dets = detect(text, language=language)
        found[text] = [(d.start, d.end, d.type, d.detector) for d in dets]
        return dets

    report = evaluate_documents(docs, run)
    notes: list[str] = []
    if part == "tune":
        for doc in docs:
            for s, e, kind, det in found[doc.text]:
                if not any(g[0] < e and s < g[1] and g[2] == kind for g in doc.pii):
                    notes.append(f"  FP {doc.id} {kind}@{det} {doc.text[s:e]!r}")
            for s, e, kind in doc.pii:
                if not any(p[0] < e and s < p[1] and p[2] == kind for p in found[doc.text]):
                    notes.append(f"  MISS {doc.id} {kind} {doc.text[s:e]!r}")
    return report, notes


def row(name: str, rep: EvaluationReport) -> str:
    """One markdown row: typed and untyped recall, precision, by type."""
    kinds = " | ".join(f"{rep.per_type[k].recall:.3f}" for k in ("PERSON", "LOCATION", "ORG") if k in rep.per_type)
    return (f"| {name} | {rep.overall.gold} | {rep.overall.recall:.3f} | {rep.untyped.recall:.3f} | "
            f"{rep.overall.precision:.3f} | {kinds} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, required=True, help="out-of-fold detections (deid_precision_cv.py)")
    parser.add_argument("--sealed", action="store_true", help="score the sealed part (aggregates only)")
    parser.add_argument("--retype", type=float, default=STAGE_SETTINGS["retype"], help="retype threshold")
    parser.add_argument("--without", action="append", default=[], help="fit without features starting so")
    args = parser.parse_args()
    part = "sealed" if args.sealed else "tune"
    stage = fitted(args.cache, args.retype, tuple(args.without))
    print(f"| {part} | gold | typed recall | untyped recall | precision (typed) | PERSON | LOCATION | ORG |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    runs = (("stage off", None, True), ("shipped stage", None, False), ("fitted stage", stage, False))
    notes: dict[str, list[str]] = {}
    for name, st, off in runs:
        rep, notes[name] = score(part, st, off)
        print(row(name, rep))
    for name, lines in notes.items():
        if lines:
            print(f"\n{name}:\n" + "\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
