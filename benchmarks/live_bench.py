"""Live-update delivery: N simulated coders write codings over HTTP while M listeners hold SSE streams.

    python benchmarks/live_bench.py [--writers 10] [--listeners 10] [--seconds 20] [--backend sqlite|postgresql|both]

One workbench (uvicorn, in a process of its own) serves a project; each writer POSTs codings to
``/api/segments`` as fast as the server answers (no pause), and each listener holds
``/api/events/stream``. For every acknowledged coding and every listener the delivery latency is the
time from sending the write to receiving its change on the stream. Reported: writes, write p50/p95,
delivery p50/p95/max (target p95 <= 500 ms) and p95 counted from the write's reply (the part
the live path adds: a change often arrives before its reply, counted 0), lost deliveries
(acknowledged codings a listener never got: must be 0). The floor is the write itself: the delivery
can come no earlier than its commit.
PostgreSQL needs a server URL in ``--pg-url`` (default: the contents of /tmp/pgurl).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import httpx

import makna

TOKEN = "bench-token-0123456789abcdef0123"
AUTH = {"Authorization": f"token {TOKEN}"}
TEXT = ("P: Bagaimana pekerjaan Uni sekarang?\nI: Saya jualan daring, kadang ramai kadang sepi. " * 200) + "\n"


def _server(location: str) -> tuple[Any, str]:
    """The workbench in a process of its own (as ``makna serve`` runs it), on a free port."""
    import socket
    import subprocess
    import sys

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    code = ("import sys, uvicorn; from makna.web import create_app; "
            "uvicorn.run(create_app(sys.argv[1], token=sys.argv[2], coder='bench', lang='en'), host='127.0.0.1', "
            "port=int(sys.argv[3]), log_level='warning')")
    proc = subprocess.Popen([sys.executable, "-c", code, location, TOKEN, str(port)])
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"{url}/api/sources", headers=AUTH, timeout=2).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline or proc.poll() is not None:
            proc.kill()
            raise RuntimeError("the workbench did not start")
        time.sleep(0.2)


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def run(location: str, writers: int, listeners: int, seconds: float) -> dict[str, Any]:
    with makna.create_project(location, "live bench", coder="bench") as p:
        makna.import_text(p, "s.txt", TEXT, language="id")
        makna.add_code(p, "kerja", "Pekerjaan")
    server, url = _server(location)
    source = httpx.get(f"{url}/api/sources", headers=AUTH).json()[0]["id"]
    code = httpx.get(f"{url}/api/codes", headers=AUTH).json()[0]["id"]
    start_after = max([0] + [e["id"] for e in httpx.get(f"{url}/api/changes", headers=AUTH).json()["changes"]])
    sent: dict[str, float] = {}
    acked: dict[str, float] = {}
    received: list[dict[str, float]] = [{} for _ in range(listeners)]
    write_times: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop = threading.Event()
    counter = iter(range(10**9))

    def listen(i: int) -> None:
        with httpx.Client(timeout=httpx.Timeout(5, read=None)) as client, \
                client.stream("GET", f"{url}/api/events/stream?after={start_after}", headers=AUTH) as resp:
            data = None
            for line in resp.iter_lines():
                if line.startswith("data:"):
                    data = line[5:].strip()
                elif not line and data:
                    now = time.perf_counter()
                    change = json.loads(data)
                    for seg in change.get("data", {}).get("segments", []) if "data" in change else []:
                        received[i][seg["id"]] = now
                    data = None
                if stop.is_set() and done_listening.is_set():
                    return

    def write() -> None:
        length = len(TEXT)
        with httpx.Client(timeout=10) as client:
            while not stop.is_set():
                n = next(counter)
                start = (n * 7) % (length - 40)
                body = {"source": source, "start": start, "end": start + 5 + n // (length - 40), "code": code}
                t0 = time.perf_counter()
                try:
                    r = client.post(f"{url}/api/segments", json=body, headers=AUTH)
                except httpx.HTTPError as exc:
                    errors.append(str(exc))
                    continue
                t1 = time.perf_counter()
                if r.status_code != 201:
                    errors.append(f"{r.status_code} {r.text[:80]}")
                    continue
                with lock:
                    sid = r.json()["id"]
                    sent[sid] = t0
                    acked[sid] = t1
                    write_times.append(t1 - t0)

    done_listening = threading.Event()
    threads = [threading.Thread(target=listen, args=(i,), daemon=True) for i in range(listeners)]
    for t in threads:
        t.start()
    time.sleep(1.0)  # the streams are open
    workers = [threading.Thread(target=write, daemon=True) for _ in range(writers)]
    for t in workers:
        t.start()
    time.sleep(seconds)
    stop.set()
    for t in workers:
        t.join()
    deadline = time.monotonic() + 10  # let the last deliveries arrive
    while time.monotonic() < deadline and any(len(r) < len(sent) for r in received):
        time.sleep(0.1)
    done_listening.set()
    latencies = [r[sid] - t0 for r in received for sid, t0 in sent.items() if sid in r]
    after_ack = [max(0.0, r[sid] - t1) for r in received for sid, t1 in acked.items() if sid in r]
    lost = sum(1 for r in received for sid in sent if sid not in r)
    server.terminate()
    server.wait(timeout=20)
    return {"writes": len(sent), "errors": len(errors), "lost": lost, "write_p50_ms": 1000 * _pct(write_times, .5),
            "write_p95_ms": 1000 * _pct(write_times, .95), "deliveries": len(latencies),
            "delivery_p50_ms": 1000 * _pct(latencies, .5), "delivery_p95_ms": 1000 * _pct(latencies, .95),
            "delivery_max_ms": 1000 * max(latencies, default=float("nan")),
            "after_ack_p95_ms": 1000 * _pct(after_ack, .95),
            "mean_ms": 1000 * statistics.fmean(latencies) if latencies else float("nan")}


def _pg_location(pg_url: str) -> tuple[str, Any]:
    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:12]}"
    base = pg_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')

    def drop() -> None:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')

    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}", drop


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--writers", type=int, default=10)
    ap.add_argument("--listeners", type=int, default=10)
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    ap.add_argument("--pg-url", default=Path("/tmp/pgurl").read_text().strip() if Path("/tmp/pgurl").exists() else "")
    args = ap.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"{args.writers} writers, {args.listeners} SSE listeners, {args.seconds:.0f} s per backend")
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    for backend in backends:
        if backend == "sqlite":
            with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as tmp:
                res = run(str(Path(tmp) / "live.makna"), args.writers, args.listeners, args.seconds)
        else:
            if not args.pg_url:
                print("postgresql: skipped (no --pg-url)")
                continue
            location, drop = _pg_location(args.pg_url)
            try:
                res = run(location, args.writers, args.listeners, args.seconds)
            finally:
                drop()
        print(f"{backend}: {res['writes']} writes ({res['errors']} errors), write p50 {res['write_p50_ms']:.1f} ms "
              f"p95 {res['write_p95_ms']:.1f} ms; {res['deliveries']} deliveries, lost {res['lost']}; delivery "
              f"p50 {res['delivery_p50_ms']:.1f} ms p95 {res['delivery_p95_ms']:.1f} ms max "
              f"{res['delivery_max_ms']:.1f} ms (target p95 <= 500 ms); after the write's reply p95 "
              f"{res['after_ack_p95_ms']:.1f} ms")


if __name__ == "__main__":
    main()
