"""Time ``makna sources withdraw``'s core on a 50-source project (withdraw25, #11).

Builds a project of ``--sources`` fictional focus groups (6 speakers, ``--turns`` turns each, two speakers' turns coded,
a case linked to her turns), then withdraws one participant who speaks in every source,
and prints the seconds of the build and of the withdrawal (SQLite; ``--url`` for a PostgreSQL database).

    PYTHONPATH=src python3 benchmarks/withdraw_bench.py [--sources 50] [--turns 60] [--url URL]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

import makna
from makna.withdraw import withdraw_participant

SPEAKERS = ("Moderator", "Sari", "Budi", "Dewi", "Rahmat", "Lestari")
WORDS = ("jualan", "pasar", "pagi", "pelanggan", "arisan", "kue", "modal", "warung", "ongkos", "harga", "laris", "sepi")


def build(location: str, sources: int, turns: int) -> float:
    rng = random.Random(25)
    t0 = time.perf_counter()
    with makna.create_project(location, "Bench penarikan", coder="bench") as p:
        makna.add_code(p, "tema")
        for s in range(sources):
            lines = [f"Diskusi kelompok {s + 1}"]
            for i in range(turns):
                who = SPEAKERS[i % len(SPEAKERS)]
                lines.append(f"{who}: " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 30))) + ".")
            makna.import_text(p, f"fg{s + 1:02d}.txt", "\n".join(lines) + "\n", language="id")
            makna.autocode_speaker(p, "Lestari", "tema", sources=[f"fg{s + 1:02d}.txt"])
            makna.autocode_speaker(p, "Budi", "tema", sources=[f"fg{s + 1:02d}.txt"])
        makna.add_case(p, "P-Lestari")
        for s in range(sources):
            makna.link_speaker(p, "P-Lestari", f"fg{s + 1:02d}.txt", "Lestari")
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sources", type=int, default=50)
    ap.add_argument("--turns", type=int, default=60)
    ap.add_argument("--url")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        location = args.url or str(Path(tmp) / "bench.makna")
        built = build(location, args.sources, args.turns)
        with makna.open_project(location, coder="bench") as p:
            t0 = time.perf_counter()
            report = withdraw_participant(p, "Lestari")
            took = time.perf_counter() - t0
            left = len(makna.retrieve(p))
        print(
            f"build {built:.2f} s; withdraw {took:.2f} s: {len(report.sources)} sources, {report.turns} turns, "
            f"{report.codings_deleted} codings deleted, {report.codings_moved} moved, cases {report.cases}, "
            f"compacted {report.compacted}; codings left {left}"
        )


if __name__ == "__main__":
    main()
