"""What the learned layer costs (issue 11): makna's detection time on deid_bench's synthetic corpus, rules alone
against rules + model, alternating in the same run (the machine is shared; only same-run ratios count).

Run: ``python benchmarks/deid_learned_speed.py [--mb 2] [--repeat 2]``.
"""

from __future__ import annotations

import argparse
import statistics
import time

from deid_bench import corpus

from makna.privacy import detect
from makna.privacy.learned import DETECTOR, disabled, load_model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=2.0)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    text = corpus(args.mb)
    load_model()
    detect(text[:20_000])  # warm every list and pattern
    rules_s: list[float] = []
    model_s: list[float] = []
    for _ in range(args.repeat):
        t = time.perf_counter()
        with disabled():
            n_rules = len(detect(text))
        rules_s.append(time.perf_counter() - t)
        t = time.perf_counter()
        found = detect(text)
        model_s.append(time.perf_counter() - t)
    learned = sum(1 for d in found if d.detector == DETECTOR)
    r, m = statistics.median(rules_s), statistics.median(model_s)
    print(f"corpus {len(text):,} characters; rules alone {r:.2f} s ({n_rules:,} detections), "
          f"rules + model {m:.2f} s ({len(found):,} detections, {learned:,} by the model)")
    print(f"cost of the model: {100 * (m / r - 1):+.1f} % of makna's detection time")


if __name__ == "__main__":
    main()
