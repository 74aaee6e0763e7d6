"""Which type each found identifier gets, against the gold type (issue #11, branch deidtype1).

For the open splits named (default: round eleven's four measured sets), prints a confusion table (gold type x
predicted type of the overlapping prediction covering most of it, ``missed`` when none) and, with ``--list``,
every mistyped span with the detector that typed it. ``--rules`` runs the rules alone (learned layer, precision
stage and the learned ORG stages off): which rule gives which type, out of sample for the learned layers.
Sealed sets are never read (``train.split_dir`` refuses them).

Run: ``python benchmarks/deid_type_confusion.py [--rules] [--list] [SPLIT ...]`` or ``--dir FOLDER`` (a cases
folder: aggregates only for a sealed part, so never ``--list`` there).
"""

from __future__ import annotations

import argparse
import contextlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from makna.privacy import detect
from makna.privacy.evaluate import GoldDocument, load_gold
from makna.privacy.learned import disabled
from makna.privacy.precision import stage_disabled
from makna.privacy.train import load_splits

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ("tune14", "seal13", "spent15", "spent16")


@contextlib.contextmanager
def _rules_only(on: bool) -> Iterator[None]:
    with contextlib.ExitStack() as stack:
        if on:
            stack.enter_context(disabled())
            stack.enter_context(stage_disabled())
        yield


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("splits", nargs="*", default=list(DEFAULT))
    parser.add_argument("--dir", type=Path, default=None)
    parser.add_argument("--rules", action="store_true")
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()
    docs: list[GoldDocument] = (
        load_gold(args.dir) if args.dir else [d for ds in load_splits(ROOT, args.splits).values() for d in ds]
    )
    table: Counter[tuple[str, str]] = Counter()
    wrong: list[str] = []
    fps: Counter[str] = Counter()
    with _rules_only(args.rules):
        for doc in docs:
            pred = detect(doc.text, language=doc.language)
            for s, e, kind in doc.pii:
                over = [p for p in pred if s < p.end and p.start < e]
                if not over:
                    table[kind, "missed"] += 1
                    continue
                if any(p.type == kind for p in over):
                    table[kind, kind] += 1
                    continue
                best = max(over, key=lambda p: min(p.end, e) - max(p.start, s))
                table[kind, best.type] += 1
                wrong.append(f"{doc.id}\t{kind}->{best.type}\t{doc.text[s:e]!r}\tpred {best.text!r} by {best.detector}")
            for p in pred:
                if not any(p.start < e and s < p.end and k == p.type for s, e, k in doc.pii):
                    mis = any(p.start < e and s < p.end for s, e, _ in doc.pii)
                    fps["mistyped" if mis else "spurious"] += 1
    kinds = sorted({g for g, _ in table})
    total = sum(table.values())
    right = sum(n for (g, p), n in table.items() if g == p)
    other = sum(n for (g, p), n in table.items() if g != p and p != "missed")
    print(f"gold spans {total}: right type {right}, other type {other}, missed {table_missed(table)}")
    print(f"false positives: {dict(fps)}")
    for g in kinds:
        row = {p: n for (gg, p), n in table.items() if gg == g and p != g}
        print(f"  {g:12s} right {table[g, g]:4d}  " + ", ".join(f"{p} {n}" for p, n in sorted(row.items())))
    if args.list:
        print("\n".join(sorted(wrong)))


def table_missed(table: Counter[tuple[str, str]]) -> int:
    return sum(n for (_, p), n in table.items() if p == "missed")


if __name__ == "__main__":
    main()
