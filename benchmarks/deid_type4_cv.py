"""Leave-one-split-out cross-validation of the precision stage's type question (issue 11, branch deidtype4).

One load of the splits, one read of the out-of-fold detections (``deid_precision_cv.py --cache FILE`` writes
them; ``--groups K`` there trains K CRFs instead of one per split), then for each model setting a stage fitted
per held-out split on the other splits' detections: pooled typed recall, untyped recall and precision (overall
and per language), per-split rows of the chosen setting, type confusions and retypings before and after it.

Settings: ``old`` (the stage's features before this branch: no ``lw=``/``rw=``/``suffix=``/``tail-also=``),
``new`` (all features), ``new+wN`` (mistyped training spans weighed N), ``new+wN+cC`` (and C).

Run: ``PYTHONPATH=src python benchmarks/deid_type4_cv.py --cache FILE --splits a,b,... [--settings ...]``.
Sealed splits are refused (train.load_splits).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from makna.privacy.evaluate import EvaluationReport
from makna.privacy.precision_train import stage_data
from makna.privacy.train import STAGE_DROPS, STAGE_SETTINGS, STAGE_VOTE, examples, load_splits

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from deid_learned_cv import HEAD, _merge, _row, _types  # noqa: E402
from deid_precision_cv import _score, cached_out_of_fold, confusion, cross_validate, retypes  # noqa: E402

NEW: tuple[str, ...] = ("lw=", "rw=", "suffix=", "tail-also=")


def _parse(name: str) -> tuple[float, float, tuple[str, ...]]:
    """(C, retype weight, features left out) of a setting name."""
    c, weight, without = STAGE_SETTINGS["c"], 1.0, NEW if name.startswith("old") else ()
    for part in name.split("+")[1:]:
        if part.startswith("w"):
            weight = float(part[1:])
        elif part.startswith("c"):
            c = float(part[1:])
    return c, weight, without


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--splits", required=True)
    parser.add_argument("--groups", type=int, default=4)
    parser.add_argument("--settings", default="old,new,new+w3,new+w5")
    parser.add_argument("--retype", default="0.5", help="comma-separated retype thresholds (rows of each)")
    parser.add_argument("--folds", help="comma-separated splits to hold out (default: each in turn)")
    parser.add_argument("--tables", help="the setting whose per-split rows and tables to print (default: last)")
    args = parser.parse_args()
    t = time.perf_counter()
    data = examples(load_splits(ROOT, args.splits.split(",")))
    sd = stage_data(data, cached_out_of_fold(data, args.cache, args.groups))
    splits = [s for s in dict.fromkeys(d.split for d in sd) if not args.folds or s in args.folds.split(",")]
    docs = {s: [ex.doc for ex in data if ex.split == s] for s in splits}
    print(f"{len(data)} transcripts of {len(splits)} splits, features in {time.perf_counter() - t:.0f} s\n")
    before = {s: [d.detections for d in sd if d.split == s] for s in splits}
    print(HEAD)
    print(_row("no stage", _pool(docs, before)), flush=True)
    settings = args.settings.split(",")
    show = args.tables or settings[-1]
    cuts = [
        (STAGE_SETTINGS["drop"], float(r), tuple(sorted(STAGE_DROPS.items())), STAGE_VOTE)
        for r in args.retype.split(",")
    ]
    held_show = {}
    for name in settings:
        c, weight, without = _parse(name)
        t = time.perf_counter()
        res = cross_validate(data, sd, c, cuts, int(STAGE_SETTINGS["min_splits"]), without, splits, weight)
        for cut in cuts:
            print(_row(f"{name}, retype {cut[1]} ({time.perf_counter() - t:.0f} s)", _pool(docs, res[cut])), flush=True)
        if name == show:
            held_show = res[cuts[0]]
    print(f"\nPer split, before -> after ({show}, retype {cuts[0][1]}):\n\n{HEAD}")
    for s in splits:
        print(_row(f"{s} before", _score(docs[s], before[s])))
        print(_row(f"{s} after", _score(docs[s], held_show[s])))
    all_docs = [d for s in splits for d in docs[s]]
    old = [f for s in splits for f in before[s]]
    new = [f for s in splits for f in held_show[s]]
    print(
        "\nPer type:\n\n"
        + _types(_pool(docs, before), _pool(docs, held_show)).replace("rules", "before").replace("+model", "after")
    )
    print(f"\nConfusion before the stage:\n\n{confusion(all_docs, old)}")
    print(f"\nConfusion after ({show}):\n\n{confusion(all_docs, new)}")
    print(f"\nRetypings ({show}):\n\n{retypes(all_docs, old, new)}")


def _pool(docs: dict[str, list[object]], dets: dict[str, list[list[object]]]) -> EvaluationReport:
    out = EvaluationReport()
    for s, found in dets.items():
        _merge(out, _score(docs[s], found))  # type: ignore[arg-type]
    return out


if __name__ == "__main__":
    main()
