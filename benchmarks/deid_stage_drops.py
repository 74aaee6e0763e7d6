"""Drop thresholds of the precision stage by type and source, chosen by nested cross-validation (issue 11).

The stage gives every scored detection a probability of being no identifier, P(O). Dropping a detection when
P(O) reaches a threshold removes false alarms and, below some point, real identifiers too. This script takes
the stage's held-out probabilities (for each open split, a stage trained on the other splits' out-of-fold
detections, as in ``deid_precision_cv.py``) and, for each held-out split in turn, chooses on the *other*
splits one threshold per key (``TYPE@detector`` with enough detections, else ``TYPE``): the lowest threshold
in GRID above which at most a share ``alpha`` of the detections of that key are identifiers (of any type:
dropping a mistyped identifier loses it too). The chosen thresholds are applied to the held-out split; the
figures are pooled over all splits and over the newer ones. The last table is what the same rule chooses on
all splits together (what would ship: ``train.STAGE_DROPS``).

Run: ``python benchmarks/deid_stage_drops.py --cache FILE [--alpha 0.1,0.2] [--vote keep] [--min-count 20]``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from makna.privacy.evaluate import EvaluationReport
from makna.privacy.precision import NONE, PrecisionStage, decide
from makna.privacy.precision_train import StageData, fit_stage, stage_data
from makna.privacy.train import STAGE_DROPS, STAGE_SETTINGS, examples, load_splits

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from deid_learned_cv import HEAD, NEWER, _merge, _row  # noqa: E402
from deid_precision_cv import _score, above, cached_out_of_fold  # noqa: E402

GRID = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
Row = tuple[str, str, float, bool]
"""(type, detector, P(O), is an identifier) of one scored held-out detection."""


def held_out_probabilities(sd: Sequence[StageData], stages: dict[str, PrecisionStage]) -> dict[str, list[Row]]:
    """Per split: the scored detections with the P(O) of its stage (trained on the other splits)."""
    out: dict[str, list[Row]] = {}
    for split, stage in stages.items():
        rows = out.setdefault(split, [])
        for doc in (d for d in sd if d.split == split):
            for det, feats, label in zip(doc.detections, doc.features, doc.labels, strict=True):
                if label is not None:
                    rows.append((det.type, det.detector, stage.probabilities(feats).get(NONE, 0.0), label != NONE))
    return out


def choose(rows: Sequence[Row], alpha: float, min_count: int) -> dict[str, float]:
    """One drop threshold per key (``TYPE@detector`` with ``min_count`` detections at P(O) >= 0.5, else the
    type): the lowest of GRID above which at most ``alpha`` of the key's detections are identifiers."""
    groups: dict[str, list[tuple[float, bool]]] = {}
    for kind, det, p, real in rows:
        groups.setdefault(kind, []).append((p, real))
        groups.setdefault(f"{kind}@{det}", []).append((p, real))
    out: dict[str, float] = {}
    for key in sorted(groups, key=lambda k: ("@" not in k, k)):
        if "@" in key and sum(p >= GRID[0] for p, _ in groups[key]) < min_count:
            continue
        for t in GRID:
            hit = [real for p, real in groups[key] if p >= t]
            if len(hit) >= 3 and sum(hit) <= alpha * len(hit):
                out[key] = t
                break
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, required=True, help="out-of-fold detections (deid_precision_cv.py)")
    parser.add_argument("--alpha", default="0.1,0.2,0.3", help="comma-separated identifier shares allowed")
    parser.add_argument("--min-count", type=int, default=20)
    parser.add_argument("--without", action="append", default=[], help="leave out features starting so")
    parser.add_argument("--vote", default="", help="document-level votes to try, comma-separated ('', type, keep)")
    parser.add_argument("--splits", help="comma-separated open splits (default: all of train.OPEN_SPLITS)")
    args = parser.parse_args()
    data = examples(load_splits(ROOT, *([args.splits.split(',')] if args.splits else [])))
    sd = stage_data(data, cached_out_of_fold(data, args.cache))
    splits = list(dict.fromkeys(d.split for d in sd))
    stages = {s: fit_stage([d for d in sd if d.split != s], c=STAGE_SETTINGS["c"], retype=STAGE_SETTINGS["retype"],
                           drop=1.01, without=tuple(args.without)) for s in splits}
    probs = held_out_probabilities(sd, stages)
    docs = {s: [ex.doc for ex in data if ex.split == s] for s in splits}
    print(HEAD)
    alphas = [0.0, *(float(x) for x in args.alpha.split(","))]  # 0: the shipped drops (train.STAGE_DROPS)
    for alpha, vote in ((a, v) for a in alphas for v in args.vote.split(",")):
        pooled, newer = EvaluationReport(), EvaluationReport()
        held: dict[str, list[list]] = {}  # type: ignore[type-arg]
        for s in splits:
            stage = stages[s]
            stage.vote = vote
            others = [r for o in splits if o != s for r in probs[o]]
            stage.drops = choose(others, alpha, args.min_count) if alpha else dict(STAGE_DROPS)
            held[s] = [decide(stage, d.detections, d.features) for d in sd if d.split == s]
            rep = _score(docs[s], held[s])
            _merge(pooled, rep)
            if s in NEWER:
                _merge(newer, rep)
        print(_row(f"alpha {alpha}, vote {vote!r}, pooled", pooled))
        print(_row(f"alpha {alpha}, vote {vote!r}, newer splits", newer), flush=True)
        all_docs = [d for s in splits for d in docs[s]]
        newer_docs = [d for s in splits if s in NEWER for d in docs[s]]
        print(f"\npooled:\n{above(all_docs, [f for s in splits for f in held[s]])}")
        print(f"\nnewer splits:\n{above(newer_docs, [f for s in splits if s in NEWER for f in held[s]])}\n")
        chosen = choose([r for s in splits for r in probs[s]], alpha, args.min_count)
        print(f"chosen on all splits (alpha {alpha}): {chosen}\n")


if __name__ == "__main__":
    main()
