"""The precision stage's round-eleven features, measured held out (issue #11).

The stage is trained on out-of-fold CRF detections (``deid_precision_cv.py --cache``: one CRF per open split,
35 trainings). When that is too slow for a question about the stage's own features, this script measures on a
cheaper, exact proxy: the rules' own detections (the CRF and every learned stage off) of every open split, each
split scored by a stage trained on the other splits only, with and without the features named by ``--without``
prefixes. With ``--cache FILE`` (a ``deid_precision_cv.py`` cache) it uses the out-of-fold CRF detections instead.

Run: ``python benchmarks/deid_prec11_stage.py [--folds newer|all] [--cache FILE]``.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from pathlib import Path

from makna.privacy.evaluate import EvaluationReport
from makna.privacy.precision_train import stage_data
from makna.privacy.train import STAGE_DROPS, STAGE_SETTINGS, STAGE_VOTE, examples, load_splits

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from deid_learned_cv import HEAD, NEWER, _merge, _row  # noqa: E402
from deid_precision_cv import _score, cross_validate  # noqa: E402

NEW_FEATURES = ("prev2=", "next=", "line=", "coined|")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folds", choices=("newer", "all"), default="newer")
    parser.add_argument("--cache", type=Path, help="out-of-fold CRF detections of deid_precision_cv.py --cache")
    args = parser.parse_args()
    t = time.perf_counter()
    data = examples(load_splits(ROOT))
    found = pickle.loads(args.cache.read_bytes()) if args.cache else {i: list(ex.rules) for i, ex in enumerate(data)}
    sd = stage_data(data, found)
    docs = {split: [ex.doc for ex in data if ex.split == split] for split in {d.split for d in sd}}
    folds = [s for s in sorted(docs, key=[d.split for d in sd].index) if args.folds == "all" or s in NEWER]
    print(
        f"{len(data)} transcripts, {len(folds)} held-out folds, {'CRF out of fold' if args.cache else 'rules alone'}"
        f" ({time.perf_counter() - t:.0f} s)\n"
    )
    s = STAGE_SETTINGS
    cut = (s["drop"], s["retype"], tuple(sorted(STAGE_DROPS.items())), STAGE_VOTE)
    print(HEAD)
    before = EvaluationReport()
    for split in folds:
        _merge(before, _score(docs[split], [d.detections for d in sd if d.split == split]))
    print(_row("no stage", before))
    for name, without in (("stage, round-ten features", NEW_FEATURES), ("stage, with round-eleven features", ())):
        held = cross_validate(data, sd, s["c"], [cut], int(s["min_splits"]), without, folds)[cut]
        after = EvaluationReport()
        for split in folds:
            _merge(after, _score(docs[split], held[split]))
        print(_row(name, after), flush=True)


if __name__ == "__main__":
    main()
