"""Agreement on a project's coding (issue 5, project layer): an SQLite project of 100 sources x 100,000
characters (10,000,000 in all), 300 codes, 2 coders with about 50,000 segments each (coder B moves some
boundaries and swaps some codes). Times, from an open project: ``project_agreement`` on character and
on sentence units, ``list_disagreements`` on character units, and a dry-run ``resolve_bulk``.

Run: ``python benchmarks/agreement_project_bench.py [FOLDER]`` (builds the project once in FOLDER, default
a temporary folder; building is not timed).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import numpy as np

import makna
from makna.agreement import AgreementScope, list_disagreements, project_agreement, resolve_bulk

N_SOURCES, LENGTH, N_CODES, PER_SOURCE = 100, 100_000, 300, 500


def build(folder: Path) -> Path:
    path = folder / "bench.makna"
    if path.exists():
        return path
    rng = np.random.default_rng(0)
    words = ["alpha", "beta", "gamma", "delta", "kita", "tidak", "uang", "pelanggan"]
    with makna.create_project(path, "bench", coder="bench") as proj:
        for k in range(N_CODES):
            makna.add_code(proj, f"c{k:03d}")
        specs_a: list[makna.SegmentSpec] = []
        specs_b: list[makna.SegmentSpec] = []
        for s in range(N_SOURCES):
            pieces: list[str] = []
            size = 0
            while size < LENGTH:
                w = words[int(rng.integers(len(words)))] + (". " if rng.random() < 0.1 else " ")
                pieces.append(w)
                size += len(w)
            text = "".join(pieces)[:LENGTH]
            name = f"s{s:03d}"
            makna.import_text(proj, name, text, turns=[])
            starts = np.sort(rng.integers(0, LENGTH - 400, size=PER_SOURCE))
            for a in starts.tolist():
                b = a + int(rng.integers(20, 400))
                code = f"c{int(rng.integers(N_CODES)):03d}"
                specs_a.append(makna.SegmentSpec(name, a, b, code))
                jitter = int(rng.integers(-10, 11))
                other = f"c{int(rng.integers(N_CODES)):03d}" if rng.random() < 0.1 else code
                specs_b.append(makna.SegmentSpec(name, max(0, a + jitter), b, other))
        makna.code_many(proj, specs_a, coder="A", on_duplicate="skip")
        makna.code_many(proj, specs_b, coder="B", on_duplicate="skip")
    return path


def timed(label: str, fn) -> object:  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    out = fn()
    print(f"{label}: {time.perf_counter() - t:.2f} s")
    return out


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp())
    path = build(folder)
    with makna.open_project(path, coder="bench") as proj:
        res = timed("project_agreement, characters", lambda: project_agreement(proj))
        pooled = res.pooled.results["krippendorff_alpha"].value  # type: ignore[attr-defined]
        print(f"  {len(res.per_code)} codes, pooled alpha {pooled:.4f}")  # type: ignore[attr-defined]
        timed("project_agreement, sentences", lambda: project_agreement(proj, AgreementScope(unit="sentence")))
        listing = timed("list_disagreements, characters", lambda: list_disagreements(proj))
        print(f"  {len(listing.rows)} rows")  # type: ignore[attr-defined]
        timed("resolve_bulk agreed, characters, dry run", lambda: resolve_bulk(proj, dry_run=True))


if __name__ == "__main__":
    main()
