"""Benchmark of the analysis layer on a synthetic project (defaults: 2,000 sources of ~30,000
characters, 300 codes, 500,000 segments; smaller with flags), each figure beside the naive
pure-Python pairwise way of doing the same, in the same run.

    python benchmarks/analysis_bench.py [--sources N] [--chars N] [--codes N] [--segments N]
                                        [--naive-sources N] [--dir DIR]

The naive co-occurrence (every pair of segments in a source compared, as QualCoder does) is run on
``--naive-sources`` sources and scaled to the whole project (its cost is per source, so the scaling
is linear in sources).
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

import makna
from makna.analysis import cooccurrence, ensure_index, search
from makna.analysis.cooccurrence import cooccurrence_naive
from makna.model import new_id, utcnow
from makna.report import write_report
from makna.store import tables
from makna.textindex.stemming import stem, tokens

WORDS = ("saya pernah ditipu orang dia menipu penipuan pelanggan uang kirim transfer bukti palsu blokir nomor "
         "aplikasi chat teman kos kampung harga janji pacar hadiah motor takut petugas razia malam hotel kamar "
         "minta bayar utang tunggu bulan minggu sering kadang senang sedih capek pulang kerja bilang tanya").split()


def make_text(rng: random.Random, chars: int) -> str:
    out: list[str] = []
    size = 0
    turn = 0
    while size < chars:
        who = "P" if turn % 2 == 0 else "I"
        words = [rng.choice(WORDS) for _ in range(rng.randint(8, 60))]
        if rng.random() < 0.004:  # a rare word form, to search for with another form of it
            words[rng.randrange(len(words))] = "kecopetan"
        line = f"{who}: " + " ".join(words) + "."
        out.append(line)
        size += len(line) + 1
        turn += 1
    return "\n".join(out) + "\n"


def build(folder: Path, n_sources: int, chars: int, n_codes: int, n_segments: int) -> tuple[Any, float]:
    t0 = time.perf_counter()
    rng = random.Random(7)
    project = makna.create_project(folder / "bench.makna", "bench", coder="bench")
    roots = max(1, n_codes // 30)
    keys = [f"t{r}" for r in range(roots)]
    for k in keys:
        makna.add_code(project, k)
    while len(keys) < n_codes:
        k = f"t{len(keys) % roots}.c{len(keys)}"
        makna.add_code(project, k, parent=k.split(".")[0])
        keys.append(k)
    per_source = n_segments // n_sources
    with project.store.write("bench", "bench.build", {}) as conn:
        coder = project.coder_id(conn)
        code_ids = {r.key: r.id for r in conn.execute(select(tables.codes.c.key, tables.codes.c.id))}
    leaf_ids = [code_ids[k] for k in keys if "." in k] or list(code_ids.values())
    for i in range(n_sources):
        name = f"informan-{i:05d}.txt"
        src = makna.import_text(project, name, make_text(rng, chars), language="id")
        turns = makna.get_turns(project, name)
        rows = []
        seen: set[tuple[int, int, str]] = set()
        while len(rows) < per_source:
            t = rng.choice(turns)
            a = rng.randint(t.start, max(t.start, t.end - 20))
            b = min(t.end, a + rng.randint(20, 400))
            cid = rng.choice(leaf_ids)
            if b > a and (a, b, cid) not in seen:
                seen.add((a, b, cid))
                rows.append({"id": new_id(), "source_id": src.id, "start": a, "end": b, "code_id": cid,
                             "coder_id": coder, "memo": "", "created_at": utcnow()})
        with project.store.write("bench", "bench.segments", {"n": len(rows)}) as conn:
            conn.execute(insert(tables.segments), rows)
        case = makna.add_case(project, f"Informan {i:05d}")
        makna.link_source(project, case.name, name)
    return project, time.perf_counter() - t0


def timed(fn: Any, *args: Any, **kw: Any) -> tuple[Any, float]:
    t0 = time.perf_counter()
    out = fn(*args, **kw)
    return out, time.perf_counter() - t0


def naive_cooccurrence(project: Any, n_sources: int) -> tuple[float, int]:
    """Pairwise comparison over the first ``n_sources`` sources; (seconds, sources done)."""
    seg = tables.segments.c
    with project.store.read() as conn:
        ids = [r[0] for r in conn.execute(select(tables.sources.c.id).order_by(tables.sources.c.id).limit(n_sources))]
        code_index = {r[0]: i for i, r in enumerate(conn.execute(select(tables.codes.c.id)))}
        t0 = time.perf_counter()
        rows = conn.execute(select(seg.source_id, seg.start, seg.end, seg.code_id)
                            .where(seg.source_id.in_(ids))).all()
    src_index = {s: i for i, s in enumerate(ids)}
    segs = sorted((src_index[s], a, b, code_index[c]) for s, a, b, c in rows)
    by_source: dict[int, list[tuple[int, int, int, int]]] = {}
    for s in segs:
        by_source.setdefault(s[0], []).append(s)
    for group in by_source.values():
        cooccurrence_naive(group, len(code_index), "overlap")
    return time.perf_counter() - t0, len(ids)


def naive_search(project: Any, word: str, limit: int = 100) -> tuple[int, float]:
    """Scan source texts in Python, stemming every word, until ``limit`` hits."""
    t0 = time.perf_counter()
    target = stem(word, "id")
    hits = 0
    s = tables.sources.c
    with project.store.read() as conn:
        for (text,) in conn.execute(select(s.text).order_by(s.name)):
            for _a, _b, w in tokens(text):
                if stem(w, "id") == target:
                    hits += 1
                    if hits >= limit:
                        return hits, time.perf_counter() - t0
    return hits, time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sources", type=int, default=2000)
    ap.add_argument("--chars", type=int, default=30000)
    ap.add_argument("--codes", type=int, default=300)
    ap.add_argument("--segments", type=int, default=500_000)
    ap.add_argument("--naive-sources", type=int, default=100)
    ap.add_argument("--dir", type=Path, default=None)
    args = ap.parse_args()
    folder = args.dir or Path(tempfile.mkdtemp(prefix="makna-analysis-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        project, t_build = build(folder, args.sources, args.chars, args.codes, args.segments)
        print(f"built {args.sources} sources x {args.chars} chars, {args.codes} codes, {args.segments} segments "
              f"in {t_build:.1f} s")
        co, t_co = timed(cooccurrence, project, mode="overlap")
        _, t_turn = timed(cooccurrence, project, mode="turn")
        t_naive, done = naive_cooccurrence(project, args.naive_sources)
        t_naive_all = t_naive * args.sources / max(done, 1)
        pairs = int(co.counts.sum() - co.totals.sum()) // 2
        print(f"co-occurrence (overlap, {pairs} overlapping pairs): {t_co:.2f} s; turn mode {t_turn:.2f} s; "
              f"naive pairwise {t_naive:.1f} s on {done} sources -> {t_naive_all:.0f} s for all "
              f"(ratio {t_naive_all / t_co:.0f}x)")
        n_idx, t_idx = timed(ensure_index, project)
        print(f"search index: {n_idx} sources indexed in {t_idx:.1f} s (once; at import when wired)")
        search(project, "ditipu", limit=100)
        _, t_common = timed(search, project, "ditipu", limit=100)
        hits, t_search = timed(search, project, "dicopet", limit=100)
        hits2, t_phrase = timed(search, project, '"ditipu orang" OR blokir', limit=100)
        n_naive, t_naive_search = naive_search(project, "dicopet")
        print(f"search 'ditipu' (common), KWIC of first 100 hits: {t_common * 1000:.0f} ms")
        print(f"search 'dicopet' (rare; finds kecopetan), KWIC of first {len(hits)} hits: {t_search * 1000:.0f} ms; "
              f"phrase/OR query "
              f"{t_phrase * 1000:.0f} ms; naive Python scan with stemming ({n_naive} hits) "
              f"{t_naive_search * 1000:.0f} ms (ratio {t_naive_search / t_search:.1f}x)")
        files, t_report = timed(write_report, project, folder / "report", "id")
        t_report_naive = t_report - t_co + t_naive_all
        print(f"full report (HTML, Markdown, DOCX, charts): {t_report:.1f} s; with the naive pairwise "
              f"co-occurrence instead ~{t_report_naive:.0f} s (ratio {t_report_naive / t_report:.1f}x); "
              f"report.html {files.html.stat().st_size // 1024} KiB")
        project.close()
    finally:
        if args.dir is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
