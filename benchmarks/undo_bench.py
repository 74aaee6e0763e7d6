"""Undo benchmark (issue 12): what the undo journal costs the writes that record it (import, bulk
coding), beside the same writes with the journal switched off in the same run (the floor), and how
long undoing and redoing them takes.

    python benchmarks/undo_bench.py                 # 200 sources x 30,000 chars, 100,000 segments
    python benchmarks/undo_bench.py --scale 0.2
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import Spec, write_sources  # noqa: E402

import makna  # noqa: E402
from makna.coding import SegmentSpec  # noqa: E402
from makna.store import journal  # noqa: E402


@contextmanager
def journal_off() -> Iterator[None]:
    """Writes as they were before the journal: no recording is ever seen."""
    saved = journal.current
    journal.current = lambda conn: None  # type: ignore[assignment]
    try:
        yield
    finally:
        journal.current = saved  # type: ignore[assignment]


def timed(fn: Callable[[], Any]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def run(work: Path, paths: list[Path], segments: int, label: str) -> dict[str, float]:
    db = work / f"{label}.makna"
    project = makna.create_project(db, "bench", coder="bench")
    out = {"import": timed(lambda: makna.import_paths(project, paths, language="id"))}
    rng = random.Random(7)
    sources = [(s.name, s.length) for s in makna.list_sources(project)]
    specs = []
    for _ in range(segments):
        name, length = rng.choice(sources)
        a = rng.randrange(0, length - 400)
        specs.append(SegmentSpec(name, a, a + rng.randrange(20, 400), "x"))
    times = []
    for k in range(3):  # the best of three (each under its own code)
        makna.add_code(project, f"x{k}")
        these = [SegmentSpec(sp.source, sp.start, sp.end, f"x{k}") for sp in specs]
        times.append(timed(lambda these=these: makna.code_many(project, these, on_duplicate="skip")))
    out["code"] = min(times)
    if label == "journal":
        out["undo code"] = timed(lambda: makna.undo(project))
        out["redo code"] = timed(lambda: makna.redo(project))
        makna.undo(project, steps=5)  # the codings and codes
        out["undo import"] = timed(lambda: makna.undo(project, steps=len(makna.undoable(project))))
        assert makna.list_sources(project) == []
    project.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--scale", type=float, default=1.0, help="fraction of the default size")
    ap.add_argument("--dir", type=Path, default=None, help="work folder [default: a temporary one]")
    args = ap.parse_args()
    spec = Spec(sources=200, segments=100_000).scaled(args.scale)
    work = args.dir or Path(tempfile.mkdtemp(prefix="makna-undo-bench-"))
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}")
    paths = write_sources(spec, work / "texts")
    mb = sum(p.stat().st_size for p in paths) / 1e6
    print(f"size: {spec.sources} sources x {spec.length} chars ({mb:.1f} MB), {spec.segments} segments")
    with journal_off():
        floor = run(work, paths, spec.segments, "floor")
    made = run(work, paths, spec.segments, "journal")
    for what, unit, n in (("import", "MB/s", mb), ("code", "segments/s", spec.segments)):
        print(f"{what}: with the journal {n / made[what]:,.1f} {unit}, without {n / floor[what]:,.1f} {unit}: "
              f"ratio {made[what] / floor[what]:.2f} (target <= 1.15)")
    print(f"undo of the bulk coding: {made['undo code']:.2f} s, redo {made['redo code']:.2f} s; "
          f"undo of every import group: {made['undo import']:.2f} s")


if __name__ == "__main__":
    main()
