"""De-identification inside a project: scan, accept-all and apply throughput.

Builds a project of N synthetic transcripts (the dev corpus texts, repeated with numbered names so that
no two are identical), then times the first detection of the process (what loads the word lists), ``scan``,
``decide_all`` and ``apply`` (surrogate mode, key file written, SQLite compaction included). Usage::

    python benchmarks/deid_project_bench.py [N] [--pg URL]
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

import makna
from makna.privacy import detect
from makna.privacy.project import decide_all, scan
from makna.privacy.project_apply import apply

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval-corpus" / "dev"


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 120
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(SHARED.glob("dev-*.json"))]
    t = time.perf_counter()
    detect("Mbak Tari 0813-7411-2095 di Padang")  # a fresh process: word lists, model and automata load here
    first = time.perf_counter() - t
    with tempfile.TemporaryDirectory() as tmp:
        location = sys.argv[sys.argv.index("--pg") + 1] if "--pg" in sys.argv else str(Path(tmp) / "b.makna")
        with makna.create_project(location, coder="bench") as p:
            chars = 0
            for i in range(n):
                doc = docs[i % len(docs)]
                text = f"Transkrip {i}.\n" + doc["text"]
                chars += len(text)
                makna.import_text(p, f"t{i:04d}.txt", text, language=doc["language"])
            t0 = time.perf_counter()
            report = scan(p)
            t1 = time.perf_counter()
            decide_all(p, "accepted")
            scan(p)
            decide_all(p, "accepted")
            t2 = time.perf_counter()
            result = apply(p, Path(tmp) / "b.key", "bench passphrase")
            t3 = time.perf_counter()
        print(f"backend: {'postgresql' if '--pg' in sys.argv else 'sqlite'}; {n} transcripts, {chars:,} characters, "
              f"{report.detections} detections, {result.replaced} replacements")
        print(f"first detection (word lists, model and automata loading): {first:.2f} s")
        print(f"scan: {t1 - t0:.2f} s ({chars / (t1 - t0):,.0f} chars/s)")
        print(f"accept all + rescan + accept all: {t2 - t1:.2f} s")
        print(f"apply (surrogates, key file, turns, search index, compaction): {t3 - t2:.2f} s "
              f"({chars / (t3 - t2):,.0f} chars/s)")


if __name__ == "__main__":
    main()
