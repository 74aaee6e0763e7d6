"""Where de-identification spends its time, stage by stage (issue 11): CPU ms per MB of ``deid_bench``'s synthetic
corpus for each call the pipeline (``privacy/_pipeline.py``) makes, optionally side by side with another tree.

Each process warms up (three detections of the corpus), then times ``--runs`` detections and keeps each stage's
best. ``--against SRC`` runs the same in fresh processes for that ``src`` folder and this tree, alternating, and
prints the per-stage ratio of their medians (the machine is shared: only side-by-side ratios count).

``--open`` profiles the open annotated transcripts instead (the shared dev corpus and every split of ``OPEN_SPLITS``,
about half a megabyte of real interview text, each in its own language; figures still per MB): the synthetic corpus
repeats a few dozen sentences, real text does not.

Run: ``python benchmarks/deid_stage_profile.py [--mb 1] [--runs 3] [--procs 3] [--against /tmp/base/src] [--open]``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _open_texts() -> list[tuple[str, str]]:
    """The texts of the open annotated transcripts with their languages (never a sealed split)."""
    import json

    from makna.privacy.train import OPEN_SPLITS

    folders = [ROOT.parent / "shared" / "eval-corpus" / "dev"]
    folders += [ROOT / "tests" / "privacy" / "corpus" / s for s in sorted(OPEN_SPLITS) if s != "dev"]
    out = []
    for folder in folders:
        for path in sorted(folder.glob("*.json")):
            doc = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(doc, dict) and isinstance(doc.get("text"), str):
                out.append((doc["text"], str(doc.get("language", "id"))))
    return out


def _stages(mb: float, runs: int, real: bool = False) -> dict[str, float]:
    """CPU ms per MB of each pipeline stage (best of ``runs``), and ``total``; ``real``: over the open
    transcripts (:func:`_open_texts`) instead of ``mb`` of the synthetic corpus."""
    from deid_bench import corpus

    from makna.privacy import _pipeline, detect

    spent: dict[str, float] = {}

    def wrap(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            t = time.process_time()
            try:
                out = fn(*args, **kwargs)
                return out if isinstance(out, (list, tuple, str, dict)) else list(out)  # generators run here
            finally:
                spent[name] = spent.get(name, 0.0) + time.process_time() - t

        return timed

    for name in dir(_pipeline):
        obj = getattr(_pipeline, name)
        if callable(obj) and not isinstance(obj, type) and name not in {"detect_chunk", "Sequence"}:
            setattr(_pipeline, name, wrap(name, obj))
    texts = _open_texts() if real else [(corpus(mb), "id")]
    if real:
        mb = sum(len(text) for text, _ in texts) / 1_000_000
    for _ in range(3):
        for text, language in texts:
            detect(text, language=language)
    best: dict[str, float] = {}
    for _ in range(runs):
        spent.clear()
        t = time.process_time()
        for text, language in texts:
            detect(text, language=language)
        spent["total"] = time.process_time() - t
        for k, v in spent.items():
            best[k] = min(best.get(k, v), v)
    return {k: v * 1000 / mb for k, v in best.items()}


def _child(src: Path, mb: float, runs: int, real: bool = False) -> dict[str, float]:
    code = (
        "import json, sys; sys.path.insert(0, sys.argv[1]); sys.path.insert(0, sys.argv[2]);"
        "import deid_stage_profile as p;"
        "print(json.dumps(p._stages(float(sys.argv[3]), int(sys.argv[4]), sys.argv[5] == '1')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(src), str(ROOT / "benchmarks"), str(mb), str(runs), str(int(real))],
        capture_output=True, text=True, check=True, env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"},
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--procs", type=int, default=3)
    parser.add_argument("--against", type=Path, help="a src folder of another commit to compare with")
    parser.add_argument("--open", action="store_true", help="profile the open annotated transcripts instead")
    args = parser.parse_args()
    trees = [("this", ROOT / "src")]
    if args.against:
        trees.insert(0, ("base", args.against.resolve()))
    got: dict[str, list[dict[str, float]]] = {name: [] for name, _ in trees}
    for _ in range(args.procs):
        for name, src in trees:
            got[name].append(_child(src, args.mb, args.runs, args.open))
    med = {name: {k: statistics.median(r[k] for r in rows) for k in rows[0]} for name, rows in got.items()}
    keys = sorted(med["this"], key=lambda k: (k != "total", -med["this"][k]))
    head = " | ".join(name for name, _ in trees)
    print(f"stage (CPU ms/MB, median of {args.procs} processes, best of {args.runs}) | {head}" +
          (" | ratio" if args.against else ""))
    for k in keys:
        vals = [med[name].get(k, float("nan")) for name, _ in trees]
        ratio = f" | {vals[0] / vals[1]:.2f}x" if args.against and vals[1] else ""
        print(f"{k} | " + " | ".join(f"{v:.1f}" for v in vals) + ratio)


if __name__ == "__main__":
    main()
