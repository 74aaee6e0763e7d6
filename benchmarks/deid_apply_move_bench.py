"""The codings' move in a de-identification apply (coded24's step 2, timed by teamtrust25, #11).

Builds a project of N fictional interview sources, each with C codings by two coders at drawn offsets (some over
a name or a number, some inside one), scans and accepts every detection, then applies (surrogate mode) with
:func:`makna.privacy.coded.move_spans` timed inside the apply. Prints the apply's time, the move's time and share
(split into the mapping of offsets in Python and the rest: read, delete, bulk insert), and a floor by hand-written
SQL: one ``UPDATE segments SET start, end WHERE id`` per coding (executemany) in one transaction, on a copy of the
codings made before the apply (the least a move must write; SQLite only). Usage::

    python benchmarks/deid_apply_move_bench.py [N] [C] [--pg URL]
"""

from __future__ import annotations

import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

import makna
import makna.privacy.coded as coded
import makna.privacy.project_apply as project_apply
from makna.coding import SegmentSpec, code_many
from makna.privacy.project import decide_all, scan
from makna.privacy.project_apply import apply
from makna.store import tables

FIRST = ("Ratna", "Sari", "Darmawel", "Yusniar", "Abena", "Tamsin", "Marisol", "Hendra", "Wulan", "Oskar")
LAST = ("Kusumawardani", "Siregar", "Owusu", "Hollis", "Okafor", "Pratama", "Nasution", "Brightwater")


def _text(rng: random.Random, i: int) -> str:
    lines = [f"Transkrip {i}.", "P: Boleh cerita sedikit?"]
    for k in range(12):
        who = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        phone = f"0813-{rng.randrange(1000, 9999)}-{rng.randrange(1000, 9999)}"
        lines.append(
            f"I: Waktu itu saya bertemu Bu {who} di pasar, nomor HP-nya {phone}, dan kami bicara soal "
            f"panen ke-{k} dan harga pupuk yang naik lagi."
        )
        lines.append("P: Lalu bagaimana?")
    return "\n".join(lines) + "\n"


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(args[0]) if args else 100
    per = int(args[1]) if len(args) > 1 else 100
    pg = sys.argv[sys.argv.index("--pg") + 1] if "--pg" in sys.argv else None
    rng = random.Random(20261207)
    moved_s = [0.0]
    mapped_s = [0.0]
    real_move, real_moved = coded.move_spans, coded._moved

    def timed_moved(*a: Any) -> tuple[int, int]:
        t = time.perf_counter()
        try:
            return real_moved(*a)
        finally:
            mapped_s[0] += time.perf_counter() - t

    def timed_move(*a: Any, **k: Any) -> int:
        t = time.perf_counter()
        try:
            return real_move(*a, **k)
        finally:
            moved_s[0] += time.perf_counter() - t

    with tempfile.TemporaryDirectory() as tmp:
        location = pg or str(Path(tmp) / "b.makna")
        with makna.create_project(location, coder="ana") as p:
            texts = {f"s{i:04d}.txt": _text(rng, i) for i in range(n)}
            for name, text in texts.items():
                makna.import_text(p, name, text, language="id")
            makna.add_code(p, "pasar", "Pasar")
            makna.add_code(p, "panen", "Panen")
            for coder in ("ana", "budi"):
                specs = []
                for name, text in texts.items():
                    for _ in range(per // 2):
                        start = rng.randrange(0, len(text) - 40)
                        specs.append(
                            SegmentSpec(name, start, start + rng.randrange(5, 40), rng.choice(["pasar", "panen"]))
                        )
                code_many(p, specs, coder=coder, on_duplicate="skip")
            t0 = time.perf_counter()
            scan(p)
            decide_all(p, "accepted")
            t1 = time.perf_counter()
            floor = None
            if pg is None:
                floor = _floor(Path(location), Path(tmp) / "floor.makna")
            coded.move_spans, coded._moved = timed_move, timed_moved
            project_apply.move_spans = timed_move
            try:
                t2 = time.perf_counter()
                report = apply(p, Path(tmp) / "b.key", "bench passphrase for the move")
                t3 = time.perf_counter()
            finally:
                coded.move_spans, coded._moved = real_move, real_moved
                project_apply.move_spans = real_move
            with p.store.read() as conn:
                codings = conn.execute(select(func.count()).select_from(tables.segments)).scalar()
        total = t3 - t2
        print(
            f"backend: {'postgresql' if pg else 'sqlite'}; {n} sources, ~{per} codings each "
            f"({codings} after the apply), {report.replaced} replacements"
        )
        print(f"scan + accept all (setup): {t1 - t0:.2f} s")
        print(
            f"apply: {total:.2f} s; codings' move: {moved_s[0]:.2f} s ({moved_s[0] / total:.1%} of the apply), "
            f"of which mapping offsets in Python: {mapped_s[0]:.2f} s"
        )
        if floor is not None:
            print(f"floor (hand-written SQL, one UPDATE per coding by id, one transaction): {floor:.2f} s")


def _floor(project: Path, copy: Path) -> float:
    """Seconds to write every coding's offsets by id in one transaction, on a copy of the project file."""
    src = sqlite3.connect(project)
    src.execute("VACUUM INTO ?", (str(copy),))
    src.close()
    conn = sqlite3.connect(copy, isolation_level=None)
    rows = conn.execute('SELECT id, start, "end" FROM segments').fetchall()
    t = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany('UPDATE segments SET start = ?, "end" = ? WHERE id = ?', [(s + 0, e, i) for i, s, e in rows])
    conn.execute("COMMIT")
    took = time.perf_counter() - t
    conn.close()
    return took


if __name__ == "__main__":
    main()
