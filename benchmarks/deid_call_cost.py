"""What one detection costs whatever the text's length (issue 11): CPU milliseconds of ``detect`` on short texts
(200 characters, one of each language), repeated, after a warm-up; with ``--against SRC`` also for that ``src``
folder, in fresh processes alternating with this tree's (the machine is shared: only side-by-side ratios count).

A real interview averages some 2,400 characters; ``deid_bench.py --text transcripts`` makes one call per
interview, so the part of a call that does not grow with the text is paid 260 times there.

Run: ``python benchmarks/deid_call_cost.py [--calls 500] [--procs 3] [--against /work/wt-base/src]``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXTS = (
    (
        "I: Kemarin ketemu di mana? P: Di kafe dekat pasar, sore-sore, terus kami ngobrol soal kerjaan dan rencana "
        "minggu depan. Capek juga kadang-kadang, tapi ya sudah, namanya juga cari makan, kak.",
        "id",
    ),
    (
        "I: So where did you pick up the order? P: At the usual place near the station, then the app sent me across "
        "town again, twice in one evening, and the rain did not stop. It was a long shift, honestly.",
        "en",
    ),
)


def _measure(calls: int) -> float:
    """CPU milliseconds per call, best of three rounds of ``calls`` calls over both texts."""
    from makna.privacy import detect

    for text, language in TEXTS * 20:
        detect(text, language=language)
    best = float("inf")
    for _ in range(3):
        t = time.process_time()
        for _ in range(calls):
            for text, language in TEXTS:
                detect(text, language=language)
        best = min(best, (time.process_time() - t) / (2 * calls))
    return best * 1000


def _child(src: Path, calls: int) -> float:
    env = dict(os.environ, PYTHONPATH=str(src))
    command = [sys.executable, __file__, "--child", "--calls", str(calls)]
    out = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    return float(json.loads(out.stdout)["ms"])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=500)
    parser.add_argument("--procs", type=int, default=3)
    parser.add_argument("--against", type=Path, help="a second source tree to time side by side")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps({"ms": _measure(args.calls)}))
        return
    trees = {"this": ROOT / "src"} | ({"against": args.against} if args.against else {})
    got: dict[str, list[float]] = {name: [] for name in trees}
    for _ in range(args.procs):
        for name, src in trees.items():
            got[name].append(_child(src, args.calls))
    for name, values in got.items():
        print(f"{name}: {statistics.median(values):.3f} ms per call of ~200 characters (median of {len(values)})")
    if args.against:
        print(f"ratio this/against: {statistics.median(got['this']) / statistics.median(got['against']):.2f}")


if __name__ == "__main__":
    main()
