"""Flat cost at scale (issue 17): the same HTTP workload at 1x, 10x and 100x.

A project of 50 / 500 / 5,000 documents of about 5 KB and 1,000 / 10,000 / 100,000 codings (30 codes
in a two-level tree, two coders) is built on SQLite and PostgreSQL; then every page and API call of
the workbench is timed over a real uvicorn on 127.0.0.1 (client median of ``--repeat`` runs, and the
server's own share measured inside the ASGI app), one table per backend with the growth factor of each
scale against 1x. "all codings, paged" lists every coding through ``/api/retrieve`` by cursor, 1,000 a
page: it should grow no faster than the number of codings.

    python benchmarks/scale_bench.py                      # 1x and 10x on SQLite and PostgreSQL (/tmp/pgurl)
    python benchmarks/scale_bench.py --scales 1 10 100    # the full run (100x takes a while)
    python benchmarks/scale_bench.py --scales 0.2 1 --no-pg --repeat 5   # a quick look
    python benchmarks/scale_bench.py --scales 1 100 --suggested 0.2   # with the suggester's codings too
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "web"))

from synthetic import transcript  # noqa: E402
from web_bench import TOKEN, Timed, add_codes  # noqa: E402

import makna  # noqa: E402
from makna.coding import SegmentSpec  # noqa: E402
from makna.web import close_app, create_app  # noqa: E402

CODERS = ("peneliti", "kedua")
MACHINE = "makna-suggest"
PAGING_PASSES = 3


def build(location: str, scale: float, seed: int = 17, suggested: float = 0.0) -> None:
    """50 x ``scale`` documents of about 5 KB, 1,000 x ``scale`` codings by two coders, 30 codes; with
    ``suggested``, that share of 1,000 x ``scale`` more codings by the suggester (machine coder
    ``makna-suggest``: counted nowhere but under its name, so the home page subtracts them)."""
    rng = random.Random(seed)
    n_docs, n_codings = max(2, round(50 * scale)), max(10, round(1000 * scale))
    with makna.create_project(location, "Scale benchmark", coder=CODERS[0]) as p:
        with p.store.batch():
            keys = add_codes(p, 6, 4)
        lengths: dict[str, int] = {}
        for start in range(0, n_docs, 500):
            with p.store.batch():
                for i in range(start, min(n_docs, start + 500)):
                    src = makna.import_text(p, f"doc-{i:05d}.txt", transcript(rng, 5000), language="id")
                    lengths[src.name] = src.length
        names = sorted(lengths)
        machine = round(n_codings * suggested)
        if machine:
            with p.store.write(p.actor, "suggest.run", {}) as conn:
                p.coder_id(conn, MACHINE, kind="suggester")
        for coder, wanted in (*((c, n_codings // 2) for c in CODERS), (MACHINE, machine)):
            specs, seen = [], set()
            while len(specs) < wanted:
                name = rng.choice(names)
                a = rng.randrange(0, lengths[name] - 300)
                span = (name, a, a + rng.randint(20, 300), rng.choice(keys))
                if span not in seen:
                    seen.add(span)
                    specs.append(SegmentSpec(*span))
            for i in range(0, len(specs), 20_000):
                makna.code_many(p, specs[i : i + 20_000], coder=coder)


def page_all(client: httpx.Client, per_page: int = 1000) -> tuple[float, float, int]:
    """Every coding through /api/retrieve by cursor: (wall seconds, CPU seconds of the process, rows)."""
    t, cpu = time.perf_counter(), time.process_time()
    rows, after = 0, None
    while True:
        params: dict[str, Any] = {"limit": per_page}
        if after:
            params["after"] = after
        r = client.get("/api/retrieve", params=params)
        r.raise_for_status()
        rows += len(r.json())
        after = r.headers.get("X-Next-Cursor")
        if not after:
            return time.perf_counter() - t, time.process_time() - cpu, rows


class Side:
    """One project served by uvicorn on 127.0.0.1, with a logged-in client."""

    def __init__(self, location: str) -> None:
        from web_helpers import LiveServer

        self.app = create_app(location, token=TOKEN, coder=CODERS[0], lang="en")
        self.timed = Timed(self.app)
        self.server = LiveServer(self.timed)
        self.client = httpx.Client(base_url=self.server.url, timeout=600)
        self.client.get(f"/?token={TOKEN}")
        self.csrf = self.client.get("/").text.split('name="makna-csrf" content="')[1].split('"')[0]
        sources = self.client.get("/api/sources").json()
        self.doc = sources[len(sources) // 2]["id"]
        self.length = len(self.client.get(f"/api/sources/{self.doc}").json()["text"])
        self.wall: dict[str, list[float]] = {}
        self.cpu: dict[str, list[float]] = {}

    def time(self, label: str, call: Callable[[], httpx.Response]) -> None:
        n = len(self.timed.cpu)
        t = time.perf_counter()
        r = call()
        self.wall.setdefault(label, []).append(time.perf_counter() - t)
        assert r.status_code in (200, 201, 409), r.text
        self.cpu.setdefault(label, []).append(sum(self.timed.cpu[n:]))

    def close(self) -> None:
        self.client.close()
        self.server.stop()
        close_app(self.app)


PAGES = {
    "home page /": "/",
    "open a document /sources/{id}": "/sources/{doc}",
    "codings of a document /api/sources/{id}/segments": "/api/sources/{doc}/segments",
    "codebook API /api/codes": "/api/codes",
    "codebook page /codebook": "/codebook",
    "project info /api/project": "/api/project",
    "sources API, first 50 /api/sources?limit=50": "/api/sources?limit=50",
    "sources API, all /api/sources": "/api/sources",
    "retrieval API, first 50 /api/retrieve?limit=50": "/api/retrieve?limit=50",
    "retrieval API, one code, first 50": "/api/retrieve?code=t3.1&limit=50",
    "retrieval page /retrieve?code=t3": "/retrieve?code=t3",
    "event log /api/events?limit=50": "/api/events?limit=50",
}


def measure(locations: dict[float, str], repeat: int, codings: int) -> dict[float, dict[str, tuple[float, float]]]:
    """Every call on every scale, the scales interleaved call by call (so that the machine's load,
    which changes by the minute, weighs on all of them alike): medians of client wall time and
    server CPU time per call and scale, in ms."""
    sides = {scale: Side(location) for scale, location in locations.items()}
    try:
        for label, url in PAGES.items():
            for i in range(repeat + 1):
                for side in sides.values():
                    side.time(label if i else "warm-up",
                              lambda side=side, url=url: side.client.get(url.format(doc=side.doc)))
        rng = random.Random(5)
        for i in range(codings + 10):
            for side in sides.values():
                a = rng.randrange(0, side.length - 100)
                side.time("coding one span POST /api/segments" if i >= 10 else "warm-up",
                          lambda side=side, a=a: side.client.post(
                              "/api/segments", headers={"X-Makna-CSRF": side.csrf},
                              json={"source": side.doc, "start": a, "end": a + rng.randint(5, 90), "code": "t4.2"}))
        out: dict[float, dict[str, tuple[float, float]]] = {}
        for scale, side in sides.items():
            out[scale] = {label: (statistics.median(side.wall[label]) * 1000, statistics.median(side.cpu[label]) * 1000)
                          for label in side.wall if label != "warm-up"}
        # paging through everything: three passes, the scales interleaved pass by pass, the median kept
        passes: dict[float, list[tuple[float, float, int]]] = {scale: [] for scale in sides}
        for _ in range(PAGING_PASSES):
            for scale, side in sides.items():
                passes[scale].append(page_all(side.client))
        for scale, done in passes.items():
            seconds, cpu = statistics.median(p[0] for p in done), statistics.median(p[1] for p in done)
            out[scale][f"all codings, paged 1,000 by cursor ({done[0][2]:,} rows)"] = (seconds * 1000, cpu * 1000)
        return out
    finally:
        for side in sides.values():
            side.close()


def pg_location(url: str) -> tuple[str, Callable[[], None]]:
    import psycopg

    schema = f"scale_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')

    def drop() -> None:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')

    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options=-csearch_path%3D{schema}", drop


def table(label: str, scales: list[float], results: dict[float, dict[str, tuple[float, float]]]) -> str:
    """Per call and scale: client wall ms, server CPU ms, and beside each scale after the first the
    growth of both against the first scale (client / server CPU)."""
    base = scales[0]
    head = " | ".join(f"{s:g}x client ms | {s:g}x server CPU ms" + (f" | x vs {base:g}x" if s != base else "")
                      for s in scales)
    lines = [f"\n### {label}\n", f"| call | {head} |", "|---|" + "---|" * (3 * len(scales) - 1)]
    for call in results[base]:
        cells = []
        stem = call.split(" (")[0]
        for s in scales:
            key = next((k for k in results[s] if k.split(" (")[0] == stem), call)
            client, srv = results[s].get(key, (float("nan"), float("nan")))
            cells.append(f"{client:.1f} | {srv:.2f}")
            if s != base:
                b_client, b_srv = results[base][call]
                cells.append(f"{client / b_client:.2f} / {srv / b_srv:.2f}")
        name = stem if "paged" in call else call
        if "paged" in call:
            name += " (" + ", ".join(f"{s:g}x: " + next(k for k in results[s] if k.startswith(stem)).split("(")[-1]
                                     .split(" rows")[0] for s in scales) + " rows)"
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scales", type=float, nargs="+", default=[1, 10])
    ap.add_argument("--no-pg", action="store_true", help="SQLite only")
    ap.add_argument("--pg", default=None, help="PostgreSQL URL (default: the one in /tmp/pgurl)")
    ap.add_argument("--repeat", type=int, default=15, help="runs of each GET (the median is shown)")
    ap.add_argument("--codings", type=int, default=100, help="codings timed through POST /api/segments")
    ap.add_argument("--suggested", type=float, default=0.0,
                    help="codings by the suggester, as a share of the persons' (0.2: 200 more per 1,000)")
    args = ap.parse_args()
    backends: list[str] = ["SQLite"]
    pg_url = args.pg or (Path("/tmp/pgurl").read_text().strip() if Path("/tmp/pgurl").exists() else None)
    if not args.no_pg and pg_url:
        backends.append("PostgreSQL")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores (shared with other work), Python "
          f"{platform.python_version()}; client median of {args.repeat} runs over uvicorn on 127.0.0.1")
    for backend in backends:
        locations: dict[float, str] = {}
        drops: list[Callable[[], None]] = []
        try:
            for scale in args.scales:
                if backend == "SQLite":
                    locations[scale] = str(Path(tempfile.mkdtemp()) / "scale.makna")
                else:
                    assert pg_url is not None
                    locations[scale], drop = pg_location(pg_url)
                    drops.append(drop)
                t = time.perf_counter()
                build(locations[scale], scale, suggested=args.suggested)
                print(f"{backend} {scale:g}x built in {time.perf_counter() - t:.0f} s", flush=True)
            results = measure(locations, args.repeat, args.codings)
        finally:
            for drop in drops:
                drop()
        print(table(backend, args.scales, results), flush=True)


if __name__ == "__main__":
    main()
