"""Per-language, per-type figures of leave-one-split-out cross-validation over the newer splits (issue 11).

Each newer split (``deid_learned_cv.NEWER``, one writer each) is held out, a model is trained on every other
open split, and the held-out transcripts are scored (rules + model) by language and type. ``--misses LANG``
lists that language's misses with the text around them (open data only: these are tuned on). ``--rules``
scores the rules alone (no training: seconds instead of minutes).

    python benchmarks/deid_language_cv.py [--rules] [--misses en]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from makna.privacy.evaluate import EvaluationReport
from makna.privacy.train import examples, load_splits, train_in_memory

sys.path.insert(0, str(Path(__file__).resolve().parent))
from deid_learned_cv import BASE, NEWER, ROOT, _merge, _scores  # noqa: E402


def by_type(report: EvaluationReport) -> list[str]:
    """Markdown rows: one per language and type (gold, typed recall, precision)."""
    rows = ["| language | type | gold | recall | precision |", "| --- | --- | ---: | ---: | ---: |"]
    for lang, sub in sorted(report.by_language.items()):
        for kind, sc in sorted(sub.per_type.items()):
            if sc.gold:
                rows.append(f"| {lang} | {kind} | {sc.gold} | {sc.recall:.3f} | {sc.precision:.3f} |")
        s = sub.language_summary()
        rows.append(f"| {lang} | **all** | {s['gold']} | {s['recall']:.3f} | {s['precision']:.3f} |")
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rules", action="store_true", help="rules alone (no model)")
    parser.add_argument("--misses", help="list the misses of this language (open data)")
    args = parser.parse_args()
    data = examples(load_splits(ROOT))
    pooled = EvaluationReport()
    missed: list[str] = []
    for split in NEWER:
        held = [ex for ex in data if ex.split == split]
        if not held:
            continue
        model = None if args.rules else train_in_memory([ex for ex in data if ex.split != split], BASE)
        rep = _scores(held, model)
        _merge(pooled, rep)
        if args.misses:
            langs = {ex.doc.id: ex.doc.language for ex in held}
            missed += [f"{m['doc']}\t{m['type']}\t{m['text']!r}" for m in rep.misses if langs[m["doc"]] == args.misses]
            missed += [
                f"{m['doc']}\tFP {m['type']}\t{m['text']!r}"
                for m in rep.false_positives
                if langs[m["doc"]] == args.misses
            ]
        print(f"{split} done", file=sys.stderr, flush=True)
    print("\n".join(by_type(pooled)))
    if missed:
        print("\n" + "\n".join(missed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
