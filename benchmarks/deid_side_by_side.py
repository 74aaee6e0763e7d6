"""Did detection get slower? makna at another commit, makna here and Presidio, round by round on one text (#11).

Each round times, on the same synthetic text as ``deid_bench.py``: makna's ``detect()`` from ``--base-src`` (a
``src`` folder of another commit, e.g. made with ``git archive COMMIT src | tar -x -C /tmp/base``) and from this
tree, each in a fresh process, then Presidio's pattern analyzer in this process. On a loaded machine the
speeds swing from round to round; the ratios of one round share its load, so their medians compare fairly.

Run: ``python benchmarks/deid_side_by_side.py --base-src /tmp/base/src [--mb 2] [--rounds 3] [--clock cpu]``
(``--clock cpu`` times each tool by its process's CPU time instead of the wall clock, which other work on a
shared machine stretches unevenly).
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import subprocess
import sys
import time
from pathlib import Path

import deid_bench

ROOT = Path(__file__).resolve().parent.parent
_CODE = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1]); sys.path.insert(0, sys.argv[2])
from deid_bench import corpus
from makna.privacy import detect
text = corpus(float(sys.argv[3])); detect(text[:50000])
clock = time.process_time if sys.argv[4] == "cpu" else time.perf_counter
t = clock(); n = len(detect(text)); dt = clock() - t
print(json.dumps({"cps": len(text) / dt, "n": n}))
"""


def _makna(src: Path, mb: float, clock: str) -> float:
    """Characters per second of ``detect()`` from the package under ``src``, in a fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", _CODE, str(src), str(ROOT / "benchmarks"), str(mb), clock],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"},
    )
    return float(json.loads(out.stdout.strip().splitlines()[-1])["cps"])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base-src", type=Path, required=True, help="the src folder of the commit to compare with")
    parser.add_argument("--mb", type=float, default=2.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--clock",
        choices=("wall", "cpu"),
        default="wall",
        help="wall-clock time, or the process's CPU time (fairer on a machine loaded by other work)",
    )
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    text = deid_bench.corpus(args.mb)
    analyzer = deid_bench._presidio()
    rows: list[tuple[float, float, float]] = []
    for r in range(args.rounds):
        base = _makna(args.base_src.resolve(), args.mb, args.clock)
        new = _makna(ROOT / "src", args.mb, args.clock)
        cpu = time.process_time()
        secs, _ = deid_bench._time_presidio(analyzer, text)
        if args.clock == "cpu":
            secs = time.process_time() - cpu
        pres = len(text) / secs
        rows.append((base, new, pres))
        print(
            f"round {r + 1}: base {base:,.0f} | here {new:,.0f} | presidio {pres:,.0f} chars/s | "
            f"base/presidio {base / pres:.1f}x here/presidio {new / pres:.1f}x here/base {new / base:.2f}",
            flush=True,
        )
    base_r = statistics.median(b / p for b, _, p in rows)
    here_r = statistics.median(n / p for _, n, p in rows)
    change = statistics.median(n / b for b, n, _ in rows)
    print(f"median ratios: base/presidio {base_r:.1f}x here/presidio {here_r:.1f}x here/base {change:.2f}")

if __name__ == "__main__":
    main()
