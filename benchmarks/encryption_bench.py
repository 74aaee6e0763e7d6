"""Encryption at rest (issue 12): the same work on a plain and on an encrypted (SQLCipher) project, side
by side and interleaved, as ratios (target <= 1.3x): import with the search index, bulk coding,
retrieval with context, the code x case matrix; and the cost of opening a project (the key derivation).

    python benchmarks/encryption_bench.py              # 400 sources x 30,000 chars, 100,000 segments
    python benchmarks/encryption_bench.py --scale 0.25
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from core_bench import best  # noqa: E402
from synthetic import Spec, code_keys, write_sources  # noqa: E402

import makna  # noqa: E402
from makna.coding import SegmentSpec  # noqa: E402
from makna.textindex.index import ensure_index  # noqa: E402

PASS = "benchmark passphrase"
KINDS = ("plain", "encrypted")
LIB = "plain-lib"  # a plain file through SQLCipher's own SQLite build, unkeyed: what the library alone costs


def _use_sqlcipher_library_for_plain_files() -> None:
    """For the ``plain-lib`` column: plain projects opened through the sqlcipher3 driver (no key)."""
    from sqlalchemy import create_engine, event
    from sqlcipher3 import dbapi2

    from makna.store import Store, _on_sqlite_connect

    engine_of = Store._engine.__func__  # type: ignore[attr-defined]

    def engine(cls: type[Store], url: str, cipher: object = None) -> object:
        if cipher is None and "plain-lib" in url:
            e = create_engine(url, module=dbapi2, pool_size=2, max_overflow=8)
            event.listen(e, "connect", _on_sqlite_connect)
            return e
        return engine_of(cls, url, cipher)

    Store._engine = classmethod(engine)  # type: ignore[method-assign, assignment]


def _remove(db: Path) -> None:
    for f in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        f.unlink(missing_ok=True)


def _create(db: Path, kind: str) -> makna.Project:
    _remove(db)
    return makna.create_project(db, "bench", coder="bench", passphrase=PASS if kind == "encrypted" else None)


def _line(what: str, times: dict[str, list[float]], unit: str = "s", target: str = "<= 1.3") -> None:
    scale = 1000 if unit == "ms" else 1
    best = {k: min(v) for k, v in times.items()}
    lib = f"  [plain via SQLCipher's SQLite: {best[LIB] * scale:.2f} {unit}]" if LIB in best else ""
    print(f"{what:<44} plain {best['plain'] * scale:8.2f} {unit}  encrypted {best['encrypted'] * scale:8.2f} {unit}  "
          f"ratio {best['encrypted'] / best['plain']:5.2f} (target {target}){lib}")


def _build(project: makna.Project, spec: Spec) -> None:
    with project.store.batch():
        for key, parent in code_keys(spec):
            makna.add_code(project, key, parent=parent)
        names = [s.name for s in makna.list_sources(project)]
        per_case = max(1, len(names) // spec.cases)
        for c in range(spec.cases):
            makna.add_case(project, f"case-{c:04d}")
            for name in names[c * per_case : (c + 1) * per_case]:
                makna.link_source(project, f"case-{c:04d}", name)


def _segments(project: makna.Project, spec: Spec) -> list[SegmentSpec]:
    rng = random.Random(spec.seed + 1)
    keys = [k for k, _ in code_keys(spec)]
    lengths = {s.name: s.length for s in makna.list_sources(project)}
    names = sorted(lengths)
    out = []
    for _ in range(spec.segments):
        name = rng.choice(names)
        a = rng.randrange(0, lengths[name] - 200)
        out.append(SegmentSpec(name, a, a + rng.randint(20, 200), rng.choice(keys)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--scale", type=float, default=0.2, help="fraction of core_bench's full size [0.2]")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved rounds of the import [3]")
    ap.add_argument("--dir", type=Path, default=None, help="work folder [default: a temporary one]")
    ap.add_argument("--library", action="store_true",
                    help="also time plain files through SQLCipher's SQLite build (what the library alone costs)")
    args = ap.parse_args()
    kinds = (*KINDS, LIB) if args.library else KINDS
    if args.library:
        _use_sqlcipher_library_for_plain_files()
    spec = Spec().scaled(args.scale)
    work = args.dir or Path(tempfile.mkdtemp(prefix="makna-encbench-"))
    import sqlcipher3

    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, SQLite {sqlite3.sqlite_version} (plain), SQLCipher "
          f"{sqlcipher3.dbapi2.sqlite_version} (encrypted)")
    print(f"size: {spec.sources} sources x {spec.length} chars, {spec.codes} codes, {spec.segments} segments, "
          f"{spec.cases} cases")
    paths = write_sources(spec, work / "texts")
    mb = sum(p.stat().st_size for p in paths) / 1e6
    dbs = {k: work / f"{k}.makna" for k in kinds}

    # import + search index, fresh projects, alternating plain / encrypted
    imports: dict[str, list[float]] = {k: [] for k in kinds}
    for r in range(args.rounds):
        for kind in kinds if r % 2 == 0 else kinds[::-1]:
            project = _create(dbs[kind], kind)
            t = time.perf_counter()
            report = makna.import_paths(project, paths, language="id")
            ensure_index(project)
            imports[kind].append(time.perf_counter() - t)
            assert len(report.imported) == spec.sources
            project.close()
    _line(f"import .txt + search index ({mb:.1f} MB)", imports)

    projects = {k: makna.open_project(dbs[k], passphrase=PASS) for k in kinds}
    for p in projects.values():
        _build(p, spec)
    specs = _segments(projects["plain"], spec)
    coding: dict[str, list[float]] = {}
    for kind in kinds:
        t = time.perf_counter()
        makna.code_many(projects[kind], specs, on_duplicate="skip")
        coding[kind] = [time.perf_counter() - t]
    _line(f"bulk coding ({spec.segments} segments)", coding, target="-")

    code = [k for k, _ in code_keys(spec)][spec.codes // 2]
    n = len(makna.retrieve(projects["plain"], code=code, descendants=False, context=100))
    rets: dict[str, list[float]] = {k: [] for k in kinds}
    mats: dict[str, list[float]] = {k: [] for k in kinds}
    for _ in range(5):  # interleaved
        for kind in kinds:
            rets[kind].append(best(lambda k=kind: makna.retrieve(projects[k], code=code, descendants=False,
                                                                  context=100), 3))
            mats[kind].append(best(lambda k=kind: makna.code_case_matrix(projects[k]), 1))
    _line(f"retrieve one code ({n} segments, context 100)", rets, "ms")
    _line("code x case matrix", mats, "ms", target="-")
    for p in projects.values():
        p.close()

    # opening: the key derivation (PBKDF2-HMAC-SHA512, 256,000 rounds) once per process and project
    from makna.store._cipher import _derive

    opens: dict[str, list[float]] = {k: [] for k in KINDS}
    for _ in range(5):
        for kind in KINDS:
            _derive.cache_clear()  # the first opening in a process: with the key derivation
            t = time.perf_counter()
            makna.open_project(dbs[kind], passphrase=PASS).close()
            opens[kind].append(time.perf_counter() - t)
    _line("open a project (library)", opens, "ms", target="-")
    conns: dict[str, list[float]] = {k: [] for k in KINDS}
    for kind in KINDS:
        with makna.open_project(dbs[kind], passphrase=PASS) as project:

            def fresh(p: makna.Project = project) -> None:
                p.store.engine.dispose()
                p.store.meta()

            conns[kind].append(best(fresh, 10))
    _line("a new pooled connection and its first query", conns, "ms", target="-")
    cli: dict[str, list[float]] = {k: [] for k in KINDS}
    env = {**os.environ, "MAKNA_PASSPHRASE": PASS}
    for _ in range(3):
        for kind in KINDS:
            t = time.perf_counter()
            subprocess.run([sys.executable, "-c", "from makna.cli import main; main()", "stats", "-p", str(dbs[kind]),
                            "-f", "csv"], env=env, check=True, stdout=subprocess.DEVNULL)
            cli[kind].append(time.perf_counter() - t)
    _line("'makna stats' command, whole process", cli, target="-")
    sizes = {k: dbs[k].stat().st_size / 1e6 for k in KINDS}
    print(f"file size: plain {sizes['plain']:.1f} MB, encrypted {sizes['encrypted']:.1f} MB")


if __name__ == "__main__":
    main()
