"""Quality of code suggestions (#15) on corpus folders in the dev corpus's format.

    python benchmarks/suggest_quality.py                       # dev corpus, leave one transcript out
    python benchmarks/suggest_quality.py --test DIR [--train DIR]   # train on dev (or DIR), score DIR

Leave-one-transcript-out pools every held-out segment before scoring (micro-F1 over all of them),
beside the keyword baseline of ``makna suggest evaluate``. Scores only: no text is printed, so it can
run on sealed folders."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from makna.suggest.corpus import evaluate  # noqa: E402

DEV = Path(__file__).resolve().parents[2] / "shared" / "eval-corpus" / "dev"


def loso(folder: Path) -> dict[str, object]:
    """Each transcript scored by a model trained on the others; counts pooled."""
    tp = fp = fn = btp = bfp = bfn = 0
    per_doc = {}
    per_code: dict[str, list[int]] = {}
    files = sorted(p for p in folder.glob("*.json") if p.name != "codebook.json")
    for held in files:
        with tempfile.TemporaryDirectory() as tmp:
            train, test = Path(tmp) / "train", Path(tmp) / "test"
            train.mkdir()
            test.mkdir()
            for p in files:
                shutil.copy(p, (test if p == held else train) / p.name)
            shutil.copy(folder / "codebook.json", test / "codebook.json")
            r = evaluate(train, test)
        per_doc[held.stem] = round(float(r["micro_f1"]), 3)
        c, bc = r["counts"], r["baseline"]["counts"]
        tp, fp, fn = tp + c["tp"], fp + c["fp"], fn + c["fn"]
        btp, bfp, bfn = btp + bc["tp"], bfp + bc["fp"], bfn + bc["fn"]
        for code, v in r["per_code"].items():
            pc = per_code.setdefault(code, [0, 0, 0])
            pc[0], pc[1], pc[2] = pc[0] + int(v["tp"]), pc[1] + int(v["fp"]), pc[2] + int(v["fn"])
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
    bf1 = 2 * btp / (2 * btp + bfp + bfn) if btp + bfp + bfn else 0.0
    return {"pooled_micro_f1": round(f1, 3), "precision": round(tp / (tp + fp), 3) if tp + fp else 0.0,
            "recall": round(tp / (tp + fn), 3) if tp + fn else 0.0, "baseline_micro_f1": round(bf1, 3),
            "per_transcript_micro_f1": per_doc,
            "per_code": {c: {"f1": round(2 * t / (2 * t + p + n), 3) if t + p + n else 0.0, "tp": t, "fp": p, "fn": n}
                         for c, (t, p, n) in sorted(per_code.items())}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--train", type=Path, default=DEV)
    ap.add_argument("--test", type=Path, default=None)
    args = ap.parse_args()
    if args.test is None:
        print(json.dumps({"leave_one_transcript_out": str(args.train), **loso(args.train)}, indent=1))
        return
    r = evaluate(args.train, args.test)
    keep = ("micro_f1", "macro_f1", "precision", "recall", "baseline", "units", "min_confidence")
    out = {k: r[k] for k in keep}
    out["per_code"] = {c: {"f1": round(v["f1"], 3), "support": v["support"], "fp": v["fp"]}
                       for c, v in r["per_code"].items()}
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
