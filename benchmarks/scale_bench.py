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


def build(location: str, scale: float, seed: int = 17) -> None:
    """50 x ``scale`` documents of about 5 KB, 1,000 x ``scale`` codings by two coders, 30 codes."""
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
        for coder in CODERS:
            specs, seen = [], set()
            while len(specs) < n_codings // 2:
                name = rng.choice(names)
                a = rng.randrange(0, lengths[name] - 300)
                span = (name, a, a + rng.randint(20, 300), rng.choice(keys))
                if span not in seen:
                    seen.add(span)
                    specs.append(SegmentSpec(*span))
            for i in range(0, len(specs), 20_000):
                makna.code_many(p, specs[i : i + 20_000], coder=coder)


def timed_get(client: httpx.Client, timed: Timed, url: str, repeat: int) -> tuple[float, float]:
    """(client median, server median) in ms of GET ``url``."""
    client.get(url).raise_for_status()  # warm
    timed.times.clear()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        client.get(url).raise_for_status()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000, statistics.median(timed.times) * 1000


def page_all(client: httpx.Client, per_page: int = 1000) -> tuple[float, int]:
    """Every coding through /api/retrieve by cursor: (seconds, rows)."""
    t = time.perf_counter()
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
            return time.perf_counter() - t, rows


def measure(location: str, repeat: int, codings: int) -> dict[str, tuple[float, float]]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "web"))
    from web_helpers import LiveServer

    app = create_app(location, token=TOKEN, coder=CODERS[0], lang="en")
    timed = Timed(app)
    server = LiveServer(timed)
    out: dict[str, tuple[float, float]] = {}
    try:
        with httpx.Client(base_url=server.url, timeout=600) as c:
            c.get(f"/?token={TOKEN}")
            csrf = c.get("/").text.split('name="makna-csrf" content="')[1].split('"')[0]
            sources = c.get("/api/sources").json()
            doc = sources[len(sources) // 2]["id"]
            pages: dict[str, str] = {
                "home page /": "/",
                "open a document /sources/{id}": f"/sources/{doc}",
                "codings of a document /api/sources/{id}/segments": f"/api/sources/{doc}/segments",
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
            for label, url in pages.items():
                out[label] = timed_get(c, timed, url, repeat)
            rng = random.Random(5)
            length = len(c.get(f"/api/sources/{doc}").json()["text"])
            client_times = []
            for i in range(codings + 10):
                a = rng.randrange(0, length - 100)
                if i == 10:
                    timed.times.clear()
                t = time.perf_counter()
                r = c.post("/api/segments", json={"source": doc, "start": a, "end": a + rng.randint(5, 90),
                                                  "code": "t4.2"}, headers={"X-Makna-CSRF": csrf})
                if i >= 10:
                    client_times.append(time.perf_counter() - t)
                assert r.status_code in (201, 409), r.text
            out["coding one span POST /api/segments"] = (statistics.median(client_times) * 1000,
                                                          statistics.median(timed.times) * 1000)
            seconds, rows = page_all(c)
            out[f"all codings, paged 1,000 by cursor ({rows:,} rows)"] = (seconds * 1000, float("nan"))
    finally:
        server.stop()
        close_app(app)
    return out


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
    base = scales[0]
    head = " | ".join(f"{s:g}x client ms | server ms" + (f" | x vs {base:g}x" if s != base else "") for s in scales)
    lines = [f"\n### {label}\n", f"| call | {head} |", "|---|" + "---|" * (3 * len(scales) - 1)]
    for call in results[base]:
        cells = []
        for s in scales:
            key = call if call in results[s] else next((k for k in results[s] if k.split(" (")[0]
                                                        == call.split(" (")[0]), call)
            client, srv = results[s].get(key, (float("nan"), float("nan")))
            cells.append(f"{client:.1f} | {srv:.2f}")
            if s != base:
                b = results[base][call][0]
                cells.append(f"{client / b:.2f}")
        lines.append(f"| {call.split(' (')[0] if 'paged' in call else call} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scales", type=float, nargs="+", default=[1, 10])
    ap.add_argument("--no-pg", action="store_true", help="SQLite only")
    ap.add_argument("--pg", default=None, help="PostgreSQL URL (default: the one in /tmp/pgurl)")
    ap.add_argument("--repeat", type=int, default=15, help="runs of each GET (the median is shown)")
    ap.add_argument("--codings", type=int, default=100, help="codings timed through POST /api/segments")
    args = ap.parse_args()
    backends: list[str] = ["SQLite"]
    pg_url = args.pg or (Path("/tmp/pgurl").read_text().strip() if Path("/tmp/pgurl").exists() else None)
    if not args.no_pg and pg_url:
        backends.append("PostgreSQL")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores (shared with other work), Python "
          f"{platform.python_version()}; client median of {args.repeat} runs over uvicorn on 127.0.0.1")
    for backend in backends:
        results: dict[float, dict[str, tuple[float, float]]] = {}
        for scale in args.scales:
            if backend == "SQLite":
                location, drop = str(Path(tempfile.mkdtemp()) / "scale.makna"), (lambda: None)
            else:
                assert pg_url is not None
                location, drop = pg_location(pg_url)
            try:
                t = time.perf_counter()
                build(location, scale)
                print(f"{backend} {scale:g}x built in {time.perf_counter() - t:.0f} s", flush=True)
                results[scale] = measure(location, args.repeat, args.codings)
            finally:
                drop()
        print(table(backend, args.scales, results), flush=True)


if __name__ == "__main__":
    main()
