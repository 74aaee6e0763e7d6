"""Benchmark: export a large synthetic project to .qdpx and import it back.

    python benchmarks/exchange_bench.py                    # 500,000 segments, 2,000 sources x 30,000 chars
    python benchmarks/exchange_bench.py --segments 50000   # quicker
    python benchmarks/exchange_bench.py --pg postgresql://...   # on PostgreSQL (a fresh, empty database)

Export and import each run in a child process, so that the peak resident memory reported
belongs to that phase alone (``VmHWM`` from ``/proc/self/status`` where there is one, else
``ru_maxrss``). A large import reads its XML in a further child process (makna.exchange._scan):
its CPU time and peak memory are reported separately. Before each phase the page cache is written
out (``os.sync()``), so that one phase's disk writes are not charged to the next. Target: >= 100,000
segments/s each way.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

WORDS = ("saya kamu dia kami mereka yang dan di ke dari untuk dengan tidak sudah belum bisa mau harus "
         "pelanggan aplikasi uang teman rumah kerja malam pagi takut aman senang marah 😀 👍🏽 café naïve").split()


def _text(rng: random.Random, chars: int) -> str:
    lines, size, turn = [], 0, 0
    while size < chars:
        turn += 1
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 40)))
        line = f"{'P' if turn % 2 else 'I'}: {words}."
        lines.append(line)
        size += len(line) + 1
    return "\n".join(lines)[:chars].rstrip() + "\n"


def build(location: str, sources: int, chars: int, codes: int, segments: int, seed: int = 7) -> None:
    import makna
    from makna.codebook import CodebookDoc, import_codebook
    from makna.coding import SegmentSpec, code_many
    from makna.model import Code, new_id

    rng = random.Random(seed)
    with makna.create_project(location, "Benchmark", coder="bench") as proj:
        with proj.store.batch():
            lengths = []
            for i in range(sources):
                src = makna.import_text(proj, f"interview-{i:05d}.txt", _text(rng, chars), language="id",
                                        allow_duplicate=True)
                lengths.append((src.id, src.length))
            doc = CodebookDoc(codes=[])
            for i in range(codes):
                parent = doc.codes[rng.randrange(len(doc.codes))].id if i >= 20 else None
                doc.codes.append(Code(id=new_id(), key=f"code{i:03d}", name=f"Code {i}", parent_id=parent,
                                      definition=f"Definition {i}", position=i))
            import_codebook(proj, doc)
        per_coder = segments // 2
        for coder in ("ana", "budi"):
            specs, seen = [], set()
            while len(specs) < per_coder:
                sid, length = lengths[rng.randrange(len(lengths))]
                start = rng.randrange(length - 200)
                end = start + rng.randint(5, 200)
                code = f"code{rng.randrange(codes):03d}"
                if (sid, start, end, code) not in seen:
                    seen.add((sid, start, end, code))
                    specs.append(SegmentSpec(sid, start, end, code))
            code_many(proj, specs, coder=coder)


def _peak_rss() -> int:
    """This process's peak resident memory in KiB. On Linux ``VmHWM``: ``ru_maxrss`` survives
    ``exec``, so a spawned child would report its parent's peak (the build) instead of its own."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _export(location: str, out: str, queue: Any) -> None:
    import makna
    from makna.exchange import export_qdpx

    with makna.open_project(location) as proj:
        t, c = time.perf_counter(), time.process_time()
        summary = export_qdpx(proj, out)
        queue.put((time.perf_counter() - t, time.process_time() - c, summary.segments,
                   _peak_rss()))


def _import(path: str, location: str, queue: Any) -> None:
    from makna.exchange import import_project

    t, c = time.perf_counter(), time.process_time()
    report = import_project(path, location)
    child = resource.getrusage(resource.RUSAGE_CHILDREN)
    queue.put((time.perf_counter() - t, time.process_time() - c, report.segments,
               _peak_rss(), len(report.unmapped), child.ru_maxrss, child.ru_utime + child.ru_stime))


def _run(target: Any, *args: Any) -> Any:
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=target, args=(*args, queue))
    proc.start()
    import queue as queue_mod

    while True:
        try:
            result = queue.get(timeout=1)
            break
        except queue_mod.Empty:
            if not proc.is_alive():
                sys.exit(f"{target.__name__} failed (exit code {proc.exitcode})")
    proc.join()
    return result


def _settle() -> None:
    """Write out what the previous phase left in the page cache, so that the kernel's writeback of
    hundreds of megabytes does not run during (and get charged to) the next phase."""
    if hasattr(os, "sync"):
        os.sync()


def _fresh_pg(url: str) -> str:
    import uuid

    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    base = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--segments", type=int, default=500_000)
    ap.add_argument("--sources", type=int, default=2_000)
    ap.add_argument("--chars", type=int, default=30_000)
    ap.add_argument("--codes", type=int, default=300)
    ap.add_argument("--pg", help="PostgreSQL URL (schemas are created in it) instead of SQLite files")
    ap.add_argument("--dir", help="working folder [default: a temporary one]")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        folder = Path(tmp)
        src = _fresh_pg(args.pg) if args.pg else str(folder / "bench.makna")
        dst = _fresh_pg(args.pg) if args.pg else str(folder / "copy.makna")
        t = time.perf_counter()
        build(src, args.sources, args.chars, args.codes, args.segments)
        print(f"built: {args.sources} sources x {args.chars} chars, {args.codes} codes, {args.segments} segments "
              f"in {time.perf_counter() - t:.1f} s", flush=True)
        out = str(folder / "bench.qdpx")
        _settle()
        secs, cpu, n, rss = _run(_export, src, out)
        size = Path(out).stat().st_size
        print(f"export: {n} segments in {secs:.2f} s wall = {n / secs:,.0f} segments/s "
              f"(CPU {cpu:.2f} s = {n / cpu:,.0f}/s); file {size / 1e6:.1f} MB; peak RSS {rss / 1024:.0f} MiB",
              flush=True)
        _settle()
        secs, cpu, n2, rss, unmapped, child_rss, child_cpu = _run(_import, out, dst)
        scanner = (f"; XML scanner process: CPU {child_cpu:.2f} s, peak RSS {child_rss / 1024:.0f} MiB"
                   if child_cpu else "; XML read in-process")
        print(f"import: {n2} segments in {secs:.2f} s wall = {n2 / secs:,.0f} segments/s "
              f"(CPU {cpu:.2f} s = {n2 / cpu:,.0f}/s); unmapped {unmapped}; peak RSS {rss / 1024:.0f} MiB"
              f"{scanner}", flush=True)
        if n2 != n or unmapped:
            sys.exit("round trip lost segments")


if __name__ == "__main__":
    main()
