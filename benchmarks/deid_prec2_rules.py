"""The rules alone (no CRF, no precision stage) on every open split, pooled, by language and newer splits (#11).

A cheap check that a change of the rule detectors costs no recall on the open data: run it with the code before
and after (``PYTHONPATH=<checkout>/src``). ``--oof FILE`` instead scores the out-of-fold detections that
``deid_precision_cv.py --cache FILE`` wrote (rules refined by a CRF that never saw the split), before and after
removing what :func:`makna.privacy.precision.never_identifier` says the conventions never count.

    python benchmarks/deid_prec2_rules.py
    python benchmarks/deid_prec2_rules.py --oof /tmp/oof.pkl
"""

from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path

from makna.privacy.detect import detect
from makna.privacy.evaluate import EvaluationReport, evaluate_documents
from makna.privacy.learned import disabled
from makna.privacy.precision import never_identifier, stage_disabled
from makna.privacy.train import load_splits
from makna.privacy.types import Detection

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from deid_learned_cv import HEAD, NEWER, _row  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--oof", type=Path, help="out-of-fold detections written by deid_precision_cv.py --cache")
    args = parser.parse_args()
    splits = load_splits(ROOT)
    docs = [(split, doc) for split, items in splits.items() for doc in items]
    if args.oof:
        oof: dict[int, list[Detection]] = pickle.loads(args.oof.read_bytes())
        runs = {"out of fold": oof, "out of fold, never_identifier removed": {
            i: [d for d in found if not never_identifier(d)] for i, found in oof.items()}}
    else:
        with disabled(), stage_disabled():
            runs = {"rules alone": {i: detect(doc.text, language=doc.language) for i, (_s, doc) in enumerate(docs)}}
    print(HEAD)
    for name, found in runs.items():
        by_text = {doc.text: found[i] for i, (_s, doc) in enumerate(docs)}
        for label, keep in ((name, None), (f"{name}, newer splits", NEWER)):
            chosen = [doc for split, doc in docs if keep is None or split in keep]
            report: EvaluationReport = evaluate_documents(chosen, lambda text, _lang, got=by_text: got[text])
            print(_row(label, report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
