"""named21 (issue 11): where a gold identifier of the training splits is lost before the precision stage, on
out-of-fold detections (the rules, refined by a CRF that did not see the transcript's split: the cache the shipped
stage was fitted from). Classes as ``named21_measure.py``'s, at the stage's input: never proposed, proposed with
another type (which), proposed with its type but cut short (a character uncovered). By language and gold type.

Run: ``python benchmarks/named21_oof_classes.py --oof CACHE --data PICKLE`` (type20_loo.py's ``--data`` cache).
"""

from __future__ import annotations

import argparse
import pickle
from collections import Counter
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--oof", type=Path, required=True)
    ap.add_argument("--data", type=Path, required=True)
    args = ap.parse_args()
    data = pickle.loads(args.data.read_bytes())  # noqa: S301 (this benchmark's own cache)
    oof = pickle.loads(args.oof.read_bytes())  # noqa: S301
    counts: Counter[tuple[str, str, str]] = Counter()
    for i, ex in enumerate(data):
        found = oof[i]
        for s, e, kind in ex.doc.pii:
            over = [d for d in found if d.start < e and s < d.end]
            if not over:
                cls = "never-proposed"
            elif any(d.type == kind for d in over):
                cover = {p for d in over for p in range(max(s, d.start), min(e, d.end))}
                cls = "proposed" if len(cover) == e - s else "proposed-edge"
            else:
                cls = f"mistyped:{kind}->{max(over, key=lambda d: min(e, d.end) - max(s, d.start)).type}"
            counts[(ex.doc.language, kind, cls)] += 1
    total = Counter()
    for (lang, kind, cls), n in counts.items():
        total[("all", cls.split(":")[0])] += n
        total[(lang, cls.split(":")[0])] += n
        if kind == "ORG":
            total[("ORG", cls)] += n
    for k, n in sorted(total.items()):
        print(k, n)
    print("lost (not proposed with its type), by (language, gold type, class), top 25:")
    for k, n in Counter({k: n for k, n in counts.items() if not k[2].startswith("proposed")}).most_common(25):
        print(f"  {n:4d} {k}")


if __name__ == "__main__":
    main()
