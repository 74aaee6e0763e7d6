"""Writers that meet (issue 12): coding while an import runs, and the first writes of new coders.

1. A realistic mix on one SQLite project: a ``makna import`` of many transcripts runs in one
   process (each file one write transaction, then the search index) while coders in other
   processes code one segment at a time. Every coding must succeed: the figure is failures out of
   all codings (before #12: 2 of 1,000 failed with a traceback after SQLite's 5 s busy timeout),
   with the latency of a coding (p50, p99, max) under the import.
2. Eight processes whose first write creates the same new coder, at the same moment: all succeed,
   the coder exists once (before #12: 7 of 8 failed with ``UNIQUE constraint failed``).

Run: ``python benchmarks/contention_bench.py [--codings 1000] [--coders 4] [--files 400]``.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import makna

WORDS = ("aku nggak udah kalau sama dia yang itu tapi terus katanya pelanggan chat aplikasi uang kos minggu "
         "ditipu diblokir janji transfer aman razia petugas gratis cepat promosi status foto kiriman").split()

CODER = textwrap.dedent("""
    import json, sys, time
    from pathlib import Path
    import makna
    from makna.errors import MaknaError
    location, coder, n, go, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4]), int(sys.argv[5])
    out = {"ok": 0, "failed": [], "ms": []}
    with makna.open_project(location, coder=coder) as p:
        print("ready", flush=True)
        while not go.exists():
            time.sleep(0.005)
        for i in range(n):
            start = (seed * 7919 + i * 13) % 4000
            t0 = time.perf_counter()
            try:
                makna.code_span(p, "base.txt", start, start + 5 + i % 40, "k")
                out["ok"] += 1
            except MaknaError as exc:
                out["failed"].append(str(exc))
            except Exception as exc:  # what a user would have seen as a traceback
                out["failed"].append(type(exc).__name__ + ": " + str(exc).splitlines()[0])
            out["ms"].append((time.perf_counter() - t0) * 1000)
    print(json.dumps(out), flush=True)
""")


def _text(rng: random.Random, length: int) -> str:
    lines, size, turn = [], 0, 0
    while size < length:
        line = ("P: " if turn % 2 == 0 else "I: ") + " ".join(rng.choices(WORDS, k=rng.randint(10, 80))) + "."
        lines.append(line)
        size += len(line) + 1
        turn += 1
    return "\n".join(lines) + "\n"


def _start(args: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def mix(folder: Path, codings: int, coders: int, files: int) -> None:
    import json

    rng = random.Random(12)
    location = str(folder / "mix.makna")
    with makna.create_project(location, "Contention", coder="setup") as p:
        makna.import_text(p, "base.txt", _text(rng, 5000))
        makna.add_code(p, "k", "Kode")
    batch = folder / "incoming"
    batch.mkdir()
    for i in range(files):
        (batch / f"t{i:04d}.txt").write_text(_text(rng, 30_000), encoding="utf-8")
    go = folder / "go"
    workers = [_start(["-c", CODER, location, f"coder{i}", str(codings // coders), str(go), str(i)])
               for i in range(coders)]
    for w in workers:
        assert w.stdout is not None and w.stdout.readline().strip() == "ready", w.stderr.read() if w.stderr else ""
    importer = _start(["-c", "from makna.cli._app import main; main()", "import", str(batch), "-p", location])
    time.sleep(0.5)  # the import is under way
    t0 = time.perf_counter()
    go.touch()
    results = [json.loads(w.communicate(timeout=1800)[0].strip().splitlines()[-1]) for w in workers]
    coding_s = time.perf_counter() - t0
    imp_out, imp_err = importer.communicate(timeout=1800)
    import_s = time.perf_counter() - t0
    ms = sorted(m for r in results for m in r["ms"])
    failed = [f for r in results for f in r["failed"]]
    total = sum(r["ok"] for r in results) + len(failed)
    print(f"mix: {total} codings by {coders} coder processes during an import of {files} x 30,000-char files "
          f"(import exit {importer.returncode}, {import_s:.1f} s; codings done in {coding_s:.1f} s)")
    print(f"  failed codings: {len(failed)} of {total}" + (f" (first: {failed[0]})" if failed else ""))
    print(f"  coding latency under the import: p50 {statistics.median(ms):.1f} ms, "
          f"p99 {ms[int(len(ms) * 0.99) - 1]:.1f} ms, max {ms[-1]:.1f} ms")
    if importer.returncode != 0:
        print("  import said: " + (imp_err or imp_out).strip().splitlines()[-1])


def first_writes(folder: Path, n: int = 8) -> None:
    location = str(folder / "first.makna")
    with makna.create_project(location, "First writes", coder="setup") as p:
        makna.import_text(p, "base.txt", _text(random.Random(1), 5000))
        makna.add_code(p, "k", "Kode")
    go = folder / "go-first"
    procs = [_start(["-c", CODER, location, "baru", "1", str(go), str(i)]) for i in range(n)]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    go.touch()
    import json

    results = [json.loads(proc.communicate(timeout=300)[0].strip().splitlines()[-1]) for proc in procs]
    with makna.open_project(location) as p:
        coders = [c.name for c in p.coders()].count("baru")
    print(f"first writes: {sum(r['ok'] for r in results)} of {n} processes coded as the same new coder at once; "
          f"the coder exists {coders} time(s)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--codings", type=int, default=1000)
    ap.add_argument("--coders", type=int, default=4)
    ap.add_argument("--files", type=int, default=400)
    args = ap.parse_args()
    import platform
    import sqlite3

    print(f"machine: {platform.machine()}, Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}")
    with tempfile.TemporaryDirectory() as tmp:
        first_writes(Path(tmp))
        mix(Path(tmp), args.codings, args.coders, args.files)


if __name__ == "__main__":
    main()
