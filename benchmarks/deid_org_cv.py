"""ORG, AGE and LOCATION under leave-one-split-out cross-validation (issue 11, round seven).

The out-of-fold detections of ``deid_precision_cv.py`` (rules, then a CRF trained on the other splits), before
and after a precision stage trained on the other splits, scored per type: how many gold spans of the type any
detection overlaps (recall), how many a detection of the type overlaps (typed recall), and the share of the
type's detections that overlap a gold span of the type (precision); pooled over every open split and over the
newer ones (``NEWER`` of ``deid_learned_cv.py``), with the overall figures of ``deid_precision_cv.py``.

Run: ``python benchmarks/deid_org_cv.py --cache FILE`` (the cache is ``deid_precision_cv.py``'s: the same
file serves both scripts; delete it after any change of the rules).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from makna.privacy.precision_train import stage_data
from makna.privacy.train import STAGE_DROPS, STAGE_SETTINGS, STAGE_VOTE, examples, load_splits
from makna.privacy.types import Detection

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from deid_learned_cv import NEWER  # noqa: E402
from deid_precision_cv import Cut, _pooled, cached_out_of_fold, cross_validate  # noqa: E402

TYPES = ("ORG", "AGE", "LOCATION")


def per_type(docs: Sequence[object], dets: Sequence[list[Detection]], kind: str) -> tuple[int, int, int, int, int]:
    """(gold, gold any detection overlaps, gold a detection of ``kind`` overlaps, detections of ``kind``,
    those that overlap a gold span of ``kind``)."""
    gold = found = typed = predicted = right = 0
    for doc, found_here in zip(docs, dets, strict=True):
        spans = [(s, e) for s, e, k in doc.pii if k == kind]  # type: ignore[attr-defined]
        for s, e in spans:
            hits = [d for d in found_here if d.start < e and s < d.end]
            gold += 1
            found += bool(hits)
            typed += any(d.type == kind for d in hits)
        for d in found_here:
            if d.type == kind:
                predicted += 1
                right += any(s < d.end and d.start < e for s, e in spans)
    return gold, found, typed, predicted, right


def table(docs: dict[str, list[object]], dets: dict[str, list[list[Detection]]], splits: Sequence[str]) -> str:
    rows = ["| type | gold | recall | typed recall | precision |", "| --- | ---: | ---: | ---: | ---: |"]
    chosen = [s for s in splits if s in docs]
    for kind in TYPES:
        sums = [0, 0, 0, 0, 0]
        for split in chosen:
            for i, v in enumerate(per_type(docs[split], dets[split], kind)):
                sums[i] += v
        g, f, t, p, r = sums
        rows.append(f"| {kind} | {g} | {f / max(g, 1):.3f} | {t / max(g, 1):.3f} | {r / max(p, 1):.3f} |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, help="deid_precision_cv.py's out-of-fold cache (written if missing)")
    args = parser.parse_args()
    data = examples(load_splits(ROOT))
    oof = cached_out_of_fold(data, args.cache)
    sd = stage_data(data, oof)
    splits = sorted({d.split for d in sd}, key=[d.split for d in sd].index)
    docs: dict[str, list[object]] = {s: [ex.doc for ex in data if ex.split == s] for s in splits}
    before = {s: [d.detections for d in sd if d.split == s] for s in splits}
    st = STAGE_SETTINGS
    cut: Cut = (st["drop"], st["retype"], tuple(sorted(STAGE_DROPS.items())), STAGE_VOTE)
    after = cross_validate(data, sd, st["c"], [cut], int(st["min_splits"]))[cut]
    for name, dets, held in (("before the stage", before, None), ("after the stage", after, after)):
        for pool, chosen in (("every open split", splits), ("newer splits", list(NEWER))):
            rep = _pooled(docs, sd, held, chosen)  # type: ignore[arg-type]
            print(f"\n{name}, {pool}: typed R {rep.overall.recall:.3f}, untyped R {rep.untyped.recall:.3f}, "
                  f"P {rep.overall.precision:.3f}, leak {rep.leak_rate:.3f}\n")
            print(table(docs, dets, chosen))


if __name__ == "__main__":
    main()
