"""type22's check over the open splits (issue #11): what :func:`~makna.privacy.groupnames.said_to_be_orgs` changes.

Runs ``detect`` on every transcript of the given splits (default: every open split but the four left out of
BASE's model) with the pass and without it (the pass replaced by the identity), and counts, by language, the gold
spans found with their type in each run and every detection whose type the pass changed: right (a gold span of
the new type overlaps it), wrong (one of the old type does), or neither. ``--show`` prints the changed spans (open
splits only: never run it on a sealed or left-out set).

    PYTHONPATH=src python3 benchmarks/type22_open.py [--split NAME ...] [--show]
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import makna.privacy._pipeline as P
from makna.privacy.detect import detect
from makna.privacy.evaluate import load_gold
from makna.privacy.train import OPEN_SPLITS, split_dir

ROOT = Path(__file__).resolve().parents[1]
FOUR = frozenset({"tune24", "seal23", "spent35", "spent36"})


def _typed(pii: Sequence[tuple[int, int, str]], dets: Sequence[Any]) -> int:
    return sum(any(d.type == k and d.start < e and s < d.end for d in dets) for s, e, k in pii)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", action="append", default=[])
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    splits = args.split or [s for s in OPEN_SPLITS if s not in FOUR]
    real = getattr(P, "said_to_be_orgs")  # noqa: B009 (not exported: the pipeline's own name for the pass)
    c: Counter[str] = Counter()
    for split in splits:
        for doc in load_gold(split_dir(ROOT, split)):
            setattr(P, "said_to_be_orgs", lambda scan, found: list(found))  # noqa: B010
            before = detect(doc.text, language=doc.language)
            setattr(P, "said_to_be_orgs", real)  # noqa: B010
            after = detect(doc.text, language=doc.language)
            c[f"{doc.language} gold"] += len(doc.pii)
            c[f"{doc.language} typed before"] += _typed(doc.pii, before)
            c[f"{doc.language} typed after"] += _typed(doc.pii, after)
            old = {(d.start, d.end): d.type for d in before}
            for d in after:
                was = old.get((d.start, d.end))
                if was is None or was == d.type:
                    continue
                gold = {k for s, e, k in doc.pii if s < d.end and d.start < e}
                verdict = "right" if d.type in gold else ("wrong" if was in gold else "neither")
                c[f"{doc.language} changed {was}->{d.type} {verdict}"] += 1
                if args.show:
                    line = doc.text.rfind("\n", 0, d.start) + 1
                    shown = doc.text[max(line, d.start - 60) : d.end + 30]
                    print(f"{split}/{doc.id} {verdict} {was}->{d.type}: {shown!r}")
    for key in sorted(c):
        print(f"{key}: {c[key]}")


if __name__ == "__main__":
    main()
