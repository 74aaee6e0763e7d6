"""Benchmark: import a large Taguette database and QualCoder project, against the same project as .qdpx.

    python benchmarks/foreign_import_bench.py                      # 200 sources x 20,000 chars, 50,000 codings
    python benchmarks/foreign_import_bench.py --codings 5000       # quicker

The same content is written three ways: a QualCoder ``data.qda`` (QualCoder's schema, through
``tests/exchange/qualcoder_builder.py``), a Taguette database (the Taguette fixture's schema, made by
Taguette 1.5.2, filled with documents as ``<p>`` paragraphs and highlights in UTF-8 byte offsets with
their snippets) and a ``.qdpx`` exported by makna from the QualCoder import. Each is imported into a
new SQLite project with ``makna.exchange.import_project``; the .qdpx import (makna's own bulk path) is
the floor. Every import must carry every coding.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORDS = ("saya kamu dia kami mereka yang dan di ke dari untuk dengan tidak sudah belum bisa mau harus "
         "pelanggan aplikasi uang teman rumah kerja malam pagi takut aman senang marah 😀 👍🏽 café").split()


def _paragraphs(rng: random.Random, chars: int) -> list[str]:
    out, size, turn = [], 0, 0
    while size < chars:
        turn += 1
        line = f"{'P' if turn % 2 else 'I'}: " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 40))) + "."
        out.append(line)
        size += len(line) + 1
    return out


def build(folder: Path, sources: int, chars: int, codings: int, seed: int = 7) -> tuple[Path, Path]:
    sys.path.insert(0, str(ROOT / "tests" / "exchange"))
    from qualcoder_builder import QcProject
    from qualcoder_builder import build as build_qc

    rng = random.Random(seed)
    texts = [_paragraphs(rng, chars) for _ in range(sources)]
    qc = QcProject(coder="ani")
    qc.sources = [(i + 1, f"wawancara-{i:04d}.txt", "\n".join(paras), "") for i, paras in enumerate(texts)]
    qc.categories = [(1, "Tema", None, "")]
    qc.codes = [(i + 1, f"kode{i:02d}", 1 if i < 10 else None, None, "", "") for i in range(40)]
    spans: set[tuple[int, int, int, int]] = set()
    while len(spans) < codings:
        fid = rng.randrange(sources)
        text = qc.sources[fid][2]
        a = rng.randrange(len(text) - 200)
        spans.add((rng.randrange(40), fid, a, a + rng.randint(5, 200)))
    for cid, fid, a, b in sorted(spans):
        qc.codings.append((cid + 1, fid + 1, a, b, rng.choice(("ani", "budi")), ""))
    qda = build_qc(folder / "studi.qda", qc)

    tag = folder / "taguette.sqlite3"
    shutil.copy(ROOT / "tests" / "exchange" / "taguette_fixtures" / "study.sqlite3", tag)
    conn = sqlite3.connect(tag)
    for table in ("highlight_tags", "highlights", "documents", "tags", "commands", "project_members"):
        conn.execute(f"DELETE FROM {table}")  # noqa: S608
    conn.execute("DELETE FROM projects WHERE id <> 1")
    conn.executemany("INSERT INTO tags (id, project_id, path, description) VALUES (?, 1, ?, '')",
                     [(i + 1, f"tema.kode{i:02d}" if i < 10 else f"kode{i:02d}") for i in range(40)])
    for fid, paras in enumerate(texts):
        contents = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paras)
        conn.execute("INSERT INTO documents (id, name, description, filename, created, project_id, text_direction, "
                     "contents) VALUES (?, ?, '', ?, '2024-01-01 00:00:00', 1, 'LEFT_TO_RIGHT', ?)",
                     (fid + 1, f"wawancara-{fid:04d}.txt", f"w{fid}.html", contents))
    hid = 0
    joined = ["\n".join(paras) for paras in texts]
    for cid, fid, a, b in sorted(spans):
        text = joined[fid]
        hid += 1
        start, end = len(text[:a].encode()), len(text[:b].encode())
        conn.execute("INSERT INTO highlights (id, document_id, start_offset, end_offset, snippet) VALUES (?,?,?,?,?)",
                     (hid, fid + 1, start, end, html.escape(text[a:b], quote=False)))
        conn.execute("INSERT INTO highlight_tags VALUES (?, ?)", (hid, cid + 1))
        conn.execute("INSERT INTO commands (date, user_login, project_id, document_id, payload) VALUES "
                     "('2024-01-01 00:00:00', 'admin', 1, ?, ?)",
                     (fid + 1, json.dumps({"type": "highlight_add", "highlight_id": hid})))
    conn.commit()
    conn.close()
    return qda, tag


def timed(path: Path, location: Path) -> tuple[float, int]:
    from makna.exchange import import_project

    started = time.perf_counter()
    report = import_project(path, location, coder="bench")
    return time.perf_counter() - started, report.segments


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", type=int, default=200)
    parser.add_argument("--chars", type=int, default=20_000)
    parser.add_argument("--codings", type=int, default=50_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="makna-foreign-") as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        qda, tag = build(folder, args.sources, args.chars, args.codings)
        print(f"built {args.sources} sources x {args.chars:,} chars, {args.codings:,} codings "
              f"in {time.perf_counter() - started:.1f} s")
        # load every module the imports use first, so that no import pays for it
        import makna.exchange.qdpx_read
        import makna.exchange.qualcoder
        import makna.exchange.taguette  # noqa: F401
        from makna.importers.language import detect_language

        detect_language("Saya tidak tahu.")
        results = {}
        results["QualCoder data.qda"] = timed(qda, folder / "qc.makna")
        results["Taguette database"] = timed(tag, folder / "tg.makna")
        import makna
        from makna.exchange import export_qdpx

        with makna.open_project(str(folder / "qc.makna")) as project:
            export_qdpx(project, folder / "same.qdpx")
        results[".qdpx (floor)"] = timed(folder / "same.qdpx", folder / "qdpx.makna")
        floor = results[".qdpx (floor)"][0]
        print("| import | seconds | codings/s | vs .qdpx |\n|---|---:|---:|---:|")
        failed = False
        for name, (seconds, segments) in results.items():
            failed |= segments != args.codings
            print(f"| {name} | {seconds:.2f} | {segments / seconds:,.0f} | {seconds / floor:.2f}x |")
    if failed:
        print("FAILED: an import did not carry every coding")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
