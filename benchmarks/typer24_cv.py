"""typer24 (issue 11): the typer with and without the whole-mention features (:mod:`makna.privacy._mention`),
by grouped cross-validation over the training splits, as ``named21_cv.py`` does it.

The splits are dealt into ``--folds`` groups in order of first appearance; each group's stage (``train_stage``'s
settings) is fitted once on the other groups' out-of-fold detections, with two typers: one without ``m-``
features (``_typer.mention_features`` emptied: the typer before this branch) and one with them; each decides the
group's own detections at every cut (``precision._decision``: detection's code path). Figures pooled. The four sets
left out are not in ``--data`` (made with them removed from ``OPEN_SPLITS``).

Run: ``PYTHONPATH=src python3 benchmarks/typer24_cv.py --oof CACHE --data PICKLE [--folds 3]``.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from named21_cv import decided, report  # noqa: E402

from makna.privacy import _typer  # noqa: E402
from makna.privacy.evaluate import EvaluationReport  # noqa: E402
from makna.privacy.precision import PrecisionStage  # noqa: E402
from makna.privacy.precision_train import fit_stage, fit_typer, stage_data  # noqa: E402
from makna.privacy.train import STAGE_DROPS, STAGE_RETYPES, STAGE_SETTINGS, STAGE_VOTE, STAGE_WITHOUT  # noqa: E402

FOUR = frozenset({"tune26", "seal25", "spent39", "spent40"})


@contextmanager
def without_mentions(on: bool) -> Iterator[None]:
    """The typer's view without the ``m-`` features while ``on``."""
    kept = _typer.mention_features
    if on:
        _typer.mention_features = lambda _text, _features: []
    try:
        yield
    finally:
        _typer.mention_features = kept


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--oof", type=Path, required=True)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--cuts", default="1.01,0.9,0.8,0.7,0.6,0.5")
    ap.add_argument("--typer-c", default="0.5")
    args = ap.parse_args()
    data = pickle.loads(args.data.read_bytes())  # noqa: S301 (this benchmark's own cache)
    oof = pickle.loads(args.oof.read_bytes())  # noqa: S301
    if len(oof) != len(data) or FOUR & {ex.split for ex in data}:
        raise SystemExit("the out-of-fold cache and the data differ, or the data holds a set left out")
    sd = stage_data(data, oof)
    docs = [ex.doc for ex in data]
    order = list(dict.fromkeys(d.split for d in sd))
    fold_of = {s: k % args.folds for k, s in enumerate(order)}
    s = STAGE_SETTINGS
    variants = [(mentions, float(c)) for mentions in (False, True) for c in args.typer_c.split(",")]
    stages: dict[tuple[bool, float], list[PrecisionStage]] = {v: [] for v in variants}
    probs: list[list[dict[str, float] | None]] = [[] for _ in sd]
    for fold in range(args.folds):
        t = time.time()
        train = [d for d in sd if fold_of[d.split] != fold]
        stage = fit_stage(
            train, c=s["c"], drop=s["drop"], retype=s["retype"], min_splits=int(s["min_splits"]), without=STAGE_WITHOUT
        )
        stage.drops, stage.vote, stage.retypes = dict(STAGE_DROPS), STAGE_VOTE, dict(STAGE_RETYPES)
        for i, d in enumerate(sd):
            if fold_of[d.split] == fold:
                probs[i] = [stage.probabilities(f) if f else None for f in d.features]
        for mentions, c in variants:
            with without_mentions(not mentions):
                typed = PrecisionStage(**{**stage.__dict__, "_cache": {}, "_uses": {}, "_verdicts": {}})
                typed.typer = fit_typer(train, c=c, cut=s["typer_cut"])
            stages[(mentions, c)].append(typed)
        print(f"fold {fold}: fitted ({time.time() - t:.0f} s)", file=sys.stderr, flush=True)

    def run(variant: tuple[bool, float], cut: float) -> EvaluationReport:
        outs = []
        with without_mentions(not variant[0]):
            for i, d in enumerate(sd):
                stage = stages[variant][fold_of[d.split]]
                stage.typer_cut = cut
                outs.append(decided(stage, d, probs[i]))
        return report(docs, outs)

    print("| typer | cut | typed R | P | en R | id R | ORG R | LOC R | PER R | found / gold |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for variant in variants:
        for cut in (float(x) for x in args.cuts.split(",")):
            rep = run(variant, cut)
            o = rep.overall
            per = rep.per_type
            name = f"{'with' if variant[0] else 'without'} m- (C {variant[1]:g})"
            print(
                f"| {name} | {cut:g} | {o.recall:.4f} | {o.precision:.4f} | {rep.by_language['en'].overall.recall:.4f}"
                f" | {rep.by_language['id'].overall.recall:.4f} | {per['ORG'].recall:.4f}"
                f" | {per['LOCATION'].recall:.4f} | {per['PERSON'].recall:.4f} | {o.found}/{o.gold} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
