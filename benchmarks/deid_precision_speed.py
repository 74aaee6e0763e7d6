"""What the precision stage costs (issue 11): makna's detection time on deid_bench's synthetic corpus without
and with the stage (rules and CRF layer in both), alternating in the same run (the machine is shared; only
same-run ratios count).

Run: ``python benchmarks/deid_precision_speed.py [--mb 2] [--repeat 3]``.
"""

from __future__ import annotations

import argparse
import statistics
import time

from deid_bench import corpus

from makna.privacy import detect
from makna.privacy.precision import load_stage, stage_disabled


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=2.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    text = corpus(args.mb)
    load_stage()
    detect(text[:20_000])  # warm every list, pattern and model
    off_s: list[float] = []
    on_s: list[float] = []
    for _ in range(args.repeat):
        t = time.perf_counter()
        with stage_disabled():
            before = detect(text)
        off_s.append(time.perf_counter() - t)
        t = time.perf_counter()
        after = detect(text)
        on_s.append(time.perf_counter() - t)
    off, on = statistics.median(off_s), statistics.median(on_s)
    changed = len(before) - len(after)
    retyped = sum(1 for a in after if a.type != next((b.type for b in before if b.start == a.start), a.type))
    print(f"corpus {len(text):,} characters; without the stage {off:.2f} s ({len(before):,} detections), "
          f"with it {on:.2f} s ({changed:,} dropped, {retyped:,} retyped)")
    print(f"cost of the stage: {100 * (on / off - 1):+.1f} % of makna's detection time")


if __name__ == "__main__":
    main()
