"""Core benchmark (issue 2): import throughput, bulk coding, retrieval with context and the code x case
matrix, each beside hand-written SQL through sqlite3 (the floor) in the same run.

    python benchmarks/core_bench.py            # full size: 2,000 sources x 30,000 chars, 500,000 segments
    python benchmarks/core_bench.py --scale 0.1
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import Spec, code_keys, write_sources  # noqa: E402

import makna  # noqa: E402
from makna.coding import SegmentSpec  # noqa: E402


def best(fn, repeat: int = 5) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


FLOOR_RETRIEVE = """
SELECT s.id, s.source_id, src.name, s.start, s."end", c.key, c.name, k.name,
       substr(src.text, s.start + 1, s."end" - s.start),
       (SELECT t.number FROM turns t
        WHERE t.source_id = s.source_id AND t.start <= s.start AND t."end" > s.start LIMIT 1),
       (SELECT t.speaker FROM turns t
        WHERE t.source_id = s.source_id AND t.start <= s.start AND t."end" > s.start LIMIT 1),
       s.memo, s.created_at,
       substr(src.text, (CASE WHEN s.start > ? THEN s.start - ? ELSE 0 END) + 1,
              s.start - (CASE WHEN s.start > ? THEN s.start - ? ELSE 0 END)),
       substr(src.text, s."end" + 1, ?)
FROM segments s JOIN sources src ON src.id = s.source_id JOIN codes c ON c.id = s.code_id
JOIN coders k ON k.id = s.coder_id
WHERE s.code_id IN ({ids})
ORDER BY src.name, s.start, s."end", c.key, k.name
"""

FLOOR_SHARED = """
SELECT source_id, start, "end" FROM segments GROUP BY source_id, start, "end" HAVING count(DISTINCT code_id) > 1
"""

FLOOR_MATRIX = """
SELECT s.code_id, cl.case_id, count(*) FROM segments s
JOIN case_links cl ON cl.source_id = s.source_id AND (cl.start IS NULL OR (s.start < cl."end" AND s."end" > cl.start))
GROUP BY s.code_id, cl.case_id
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--scale", type=float, default=1.0, help="fraction of the full size")
    ap.add_argument("--dir", type=Path, default=None, help="work folder [default: a temporary one]")
    args = ap.parse_args()
    spec = Spec().scaled(args.scale)
    work = args.dir or Path(tempfile.mkdtemp(prefix="makna-bench-"))
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}"
    )
    print(
        f"size: {spec.sources} sources x {spec.length} chars, {spec.codes} codes, {spec.segments} segments, "
        f"{spec.cases} cases x {spec.attributes} attributes"
    )

    paths = write_sources(spec, work / "texts")
    mb = sum(p.stat().st_size for p in paths) / 1e6
    db = work / "bench.makna"
    for f in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        f.unlink(missing_ok=True)
    project = makna.create_project(db, "bench", coder="bench")

    t = time.perf_counter()
    report = makna.import_paths(project, paths, language="id")
    t_import = time.perf_counter() - t
    assert len(report.imported) == spec.sources, report.failed[:3]
    print(f"import .txt: {mb:.1f} MB in {t_import:.2f} s = {mb / t_import:.1f} MB/s  (target >= 20 MB/s)")
    from makna.textindex.index import ensure_index

    t = time.perf_counter()
    ensure_index(project)
    t_index = time.perf_counter() - t
    print(
        f"search index build (done by 'makna import' after the import, or by the first search): "
        f"{t_index:.2f} s = {mb / t_index:.1f} MB/s; import + index {mb / (t_import + t_index):.1f} MB/s"
    )

    with project.store.batch():
        for key, parent in code_keys(spec):
            makna.add_code(project, key, parent=parent)
        for a in range(spec.attributes):
            makna.define_attribute(project, f"attr{a}", "integer" if a % 2 else "text")
        rng = random.Random(spec.seed)
        names = [s.name for s in makna.list_sources(project)]
        per_case = max(1, len(names) // spec.cases)
        for c in range(spec.cases):
            makna.add_case(
                project,
                f"case-{c:04d}",
                values={
                    f"attr{a}": (rng.randint(18, 60) if a % 2 else f"v{rng.randint(0, 4)}")
                    for a in range(spec.attributes)
                },
            )
            for name in names[c * per_case : (c + 1) * per_case]:
                makna.link_source(project, f"case-{c:04d}", name)

    rng = random.Random(spec.seed + 1)
    keys = [k for k, _ in code_keys(spec)]
    lengths = {s.name: s.length for s in makna.list_sources(project)}
    specs = []
    for _ in range(spec.segments):
        name = rng.choice(names)
        a = rng.randrange(0, lengths[name] - 200)
        specs.append(SegmentSpec(name, a, a + rng.randint(20, 200), rng.choice(keys)))
    t = time.perf_counter()
    result = makna.code_many(project, specs, on_duplicate="skip")
    t_code = time.perf_counter() - t
    print(
        f"bulk coding: {result.created} segments in {t_code:.2f} s = {result.created / t_code:,.0f} segments/s "
        f"(target >= 50,000/s)"
    )

    code = keys[len(keys) // 2]
    with project.store.read() as conn:
        ids = [project.code_id(conn, code)]
    n = len(makna.retrieve(project, code=code, descendants=False, context=100))
    t_ret = best(lambda: makna.retrieve(project, code=code, descendants=False, context=100))
    raw = sqlite3.connect(db)
    sql = FLOOR_RETRIEVE.format(ids=",".join("?" * len(ids)))
    params = [100, 100, 100, 100, 100, *ids]
    t_ret_floor = best(lambda: raw.execute(sql, [*params[:5], *ids]).fetchall())
    print(
        f"retrieve one code ({n} segments, 100 chars context): makna {t_ret * 1000:.1f} ms, "
        f"SQL floor {t_ret_floor * 1000:.1f} ms, ratio {t_ret / t_ret_floor:.2f} (target <= 1.5)"
    )

    t_mat = best(lambda: makna.code_case_matrix(project, descendants=False), repeat=3)
    t_mat_floor = best(lambda: raw.execute(FLOOR_MATRIX).fetchall(), repeat=3)
    print(
        f"code x case matrix ({spec.codes} x {spec.cases}), own segments: makna {t_mat * 1000:.0f} ms, "
        f"SQL floor {t_mat_floor * 1000:.0f} ms, ratio {t_mat / t_mat_floor:.2f} (target <= 1.5)"
    )
    t_roll = best(lambda: makna.code_case_matrix(project), repeat=3)
    t_roll_floor = t_mat_floor + best(lambda: raw.execute(FLOOR_SHARED).fetchall(), repeat=3)
    print(
        f"code x case matrix, subtrees rolled up (the default): makna {t_roll * 1000:.0f} ms, "
        f"SQL floor (matrix + spans with several codes) {t_roll_floor * 1000:.0f} ms, ratio {t_roll / t_roll_floor:.2f}"
    )
    t_freq = best(lambda: makna.code_frequencies(project), repeat=3)
    t_own = best(lambda: makna.code_frequencies(project, descendants=False), repeat=3)
    print(f"code frequency table: {t_freq * 1000:.0f} ms rolled up (the default), {t_own * 1000:.0f} ms own segments")
    raw.close()
    project.close()
    _ = statistics


if __name__ == "__main__":
    main()
