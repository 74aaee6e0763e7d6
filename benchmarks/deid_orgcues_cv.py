"""The organisation cue pass (makna.privacy.orgcues) on the open splits, behind out-of-fold parts (#11, round nine).

The pass has nothing learned: it runs last in the pipeline, after the CRF, the precision stage and the
organisation context model. Here each open split is held out in turn: the context model is trained on the other
splits (as ``deid_orgctx_cv.py`` does, at the shipped thresholds) and applied to the held-out split's base
detections, and then the cue pass; figures pooled over every open split and over ``NEWER``: ORG, LOCATION and
PERSON recall, typed recall and precision, and the overall typed recall and precision, before and after the pass.

Run: ``python benchmarks/deid_orgcues_cv.py --base rules`` (the rules' detections: cheap), or ``--base oof --cache
FILE --after FILE`` (the out-of-fold CRF and stage of ``deid_precision_cv.py``'s cache, as ``deid_orgctx_cv.py``).
``--show FILE`` writes every detection the pass changed, with its context and the gold types under it (TSV).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from makna.privacy.orgcontext import decide, load_model
from makna.privacy.orgcontext_train import fit, train_model
from makna.privacy.orgcues import apply_org_cues
from makna.privacy.train import examples, load_splits
from makna.privacy.types import Detection

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from deid_learned_cv import NEWER  # noqa: E402
from deid_orgctx_cv import after_stage, report  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", choices=("oof", "rules"), default="rules", help="what the later passes read")
    parser.add_argument("--cache", type=Path, help="deid_precision_cv.py's out-of-fold cache (--base oof)")
    parser.add_argument("--after", type=Path, help="the detections after the stage (pickle; --base oof)")
    parser.add_argument("--show", type=Path, help="write the pass's changes here (TSV)")
    args = parser.parse_args()
    data = examples(load_splits(ROOT))
    if args.base == "rules":
        base: dict[int, list[Detection]] = {i: list(ex.rules) for i, ex in enumerate(data)}
    else:
        base = after_stage(data, args.cache, args.after)
    shipped = load_model()
    rows = train_model(data, {i: list(ex.rules) for i, ex in enumerate(data)})
    splits = sorted({ex.split for ex in data})
    models = {s: fit([r for r in rows if r.split != s]) for s in splits}
    before: dict[int, list[Detection]] = {}
    after: dict[int, list[Detection]] = {}
    changes: list[str] = []
    for i, ex in enumerate(data):
        model = models[ex.split]
        if shipped is not None:
            model.add, model.retype = shipped.add, shipped.retype
        before[i] = decide(model, ex.scan, list(base[i]), ex.runs)
        after[i] = apply_org_cues(ex.scan, list(before[i]), ex.runs)
        old = {(d.start, d.end, d.type) for d in before[i]}
        for d in after[i]:
            if (d.start, d.end, d.type) not in old:
                gold = ",".join(k for s, e, k in ex.doc.pii if s < d.end and d.start < e) or "-"
                context = ex.scan[max(0, d.start - 40) : d.end + 20].replace("\n", " ").replace("\t", " ")
                changes.append(f"{ex.split}\t{ex.doc.id}\t{d.type}\t{d.detector}\t{d.text}\t{gold}\t{context}")
    pools = (("every open split", splits), ("newer splits", [s for s in splits if s in NEWER]))
    for name, dets in (("before the cue pass", before), ("after the cue pass", after)):
        for pool, chosen in pools:
            print(f"{pool}, {name}: {report(data, dets, chosen)}")
    right = sum(1 for row in changes if row.split("\t")[2] in row.split("\t")[5].split(","))
    print(f"changed or added by the pass: {len(changes)}, of the gold type there: {right}")
    if args.show:
        args.show.write_text("\n".join(changes) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
