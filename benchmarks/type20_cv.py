"""type20: grouped cross-validation of the precision stage's typing settings on the 556 training transcripts
(issue 11): features (with or without ``coord=``), the weight of mistyped examples, the retype threshold. Each
fold's stage is fitted on the other folds' out-of-fold detections and decides its own (``precision.decide``: the
stage alone, not the passes after it); figures pooled over the folds. The four sets opened in round twenty are
not read.

Run: ``python benchmarks/type20_cv.py --oof CACHE --data PICKLE [--folds 6]``.
"""

from __future__ import annotations

import argparse
import pickle
import time
from pathlib import Path

from makna.privacy.evaluate import evaluate_documents
from makna.privacy.precision import decide
from makna.privacy.precision_train import fit_stage, stage_data
from makna.privacy.train import STAGE_DROPS, STAGE_SETTINGS


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--oof", type=Path, required=True)
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--folds", type=int, default=6)
    parser.add_argument("--weights", default="1,2,3")
    parser.add_argument("--retypes", default="0.5,0.4,0.3")
    parser.add_argument("--features", default="base,coord")
    args = parser.parse_args()
    data = pickle.loads(args.data.read_bytes())  # noqa: S301 (type20_loo.py's cache)
    oof = pickle.loads(args.oof.read_bytes())  # noqa: S301
    sd = stage_data(data, oof)
    order = list(dict.fromkeys(d.split for d in sd))
    fold_of = {s: k % args.folds for k, s in enumerate(order)}
    docs = [ex.doc for ex in data]
    s = STAGE_SETTINGS
    retypes = [float(x) for x in args.retypes.split(",")]
    print("| features | retype weight | retype | typed R | P | untyped R | leak | typed found / gold |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for feats in args.features.split(","):
        without = ("coord=",) if feats == "base" else ()
        for w in (float(x) for x in args.weights.split(",")):
            t = time.time()
            out: dict[float, list[list[object]]] = {r: [[] for _ in sd] for r in retypes}
            for fold in range(args.folds):
                stage = fit_stage(
                    [d for d in sd if fold_of[d.split] != fold],
                    c=s["c"],
                    drop=s["drop"],
                    min_splits=int(s["min_splits"]),
                    without=without,
                    retype_weight=w,
                )
                stage.drops = dict(STAGE_DROPS)
                for r in retypes:
                    stage.retype = r
                    for i, d in enumerate(sd):
                        if fold_of[d.split] == fold:
                            out[r][i] = decide(stage, d.detections, d.features)  # type: ignore[assignment]
            for r in retypes:
                by_text = {doc.text: found for doc, found in zip(docs, out[r], strict=True)}
                rep = evaluate_documents(docs, lambda text, _l, by_text=by_text: by_text[text])  # type: ignore[arg-type,return-value]
                o, u = rep.overall, rep.untyped
                print(
                    f"| {feats} | {w:g} | {r:g} | {o.recall:.4f} | {o.precision:.4f} | {u.recall:.4f} | "
                    f"{rep.leak_rate:.4f} | {o.found}/{o.gold} ({time.time() - t:.0f} s) |",
                    flush=True,
                )


if __name__ == "__main__":
    main()
