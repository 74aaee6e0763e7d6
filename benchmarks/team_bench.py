"""Team server benchmark (issue 14): simulated coders over HTTP against ``makna server run`` on
PostgreSQL. Each coder logs in, opens the project and codes spans through the JSON API (the
workbench's own calls), one write every ``--think`` seconds; afterwards every acknowledged coding
must be in the database.

    python benchmarks/team_bench.py --db postgresql://makna@127.0.0.1:55432/postgres   # 30 coders, 120 s
    python benchmarks/team_bench.py --db ... --coders 10 --seconds 20                  # a short run

Reports errors (any answer but 201, or no answer), lost writes (acknowledged but absent), and the
write latency (p50, p95, p99, max) seen by the clients. A new database is made for the run and
dropped afterwards. Targets: 0 errors, 0 lost writes, write p95 <= 50 ms.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import httpx
import psycopg

import makna
from makna.server.registry import Registry

PASSWORD = "benchmark password"
TEXT = "\n".join(f"{'P' if i % 2 else 'I'}: " + " ".join(random.Random(i).choice(
    ["saya", "kerja", "di", "warung", "kopi", "pasar", "senang", "uang", "pelanggan", "aman", "ditipu", "blokir"])
    for _ in range(14)) for i in range(60)) + "\n"
CODES = ("emosi", "tempat", "kerja", "uang", "aman")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _database(admin_url: str) -> tuple[str, str]:
    name = f"bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    head, _, tail = admin_url.partition("?")
    return name, head.rsplit("/", 1)[0] + "/" + name + (f"?{tail}" if tail else "")


def _setup(url: str, coders: int, sources: int) -> None:
    with Registry.init(url, "owner", PASSWORD) as reg:
        reg.add_project("Bench", owner="owner")
        for i in range(coders):
            reg.add_user(f"coder{i:02d}", PASSWORD)
            reg.set_role("Bench", f"coder{i:02d}", "coder")
        with makna.open_project(reg.location(reg.project("Bench")), coder="owner") as p:
            for s in range(sources):
                makna.import_text(p, f"wawancara{s}", f"Wawancara {s}.\n" + TEXT, language="id")
            for key in CODES:
                makna.add_code(p, key, key.title())


class Coder(threading.Thread):
    """One coder: logs in (before the clock starts), then codes until the deadline."""

    def __init__(self, index: int, base: str, think: float, sources: int) -> None:
        super().__init__(daemon=True)
        self.index, self.base, self.think, self.sources = index, base, think, sources
        self.client = httpx.Client(base_url=base, timeout=60)
        self.headers: dict[str, str] = {}
        self.deadline = 0.0
        self.login_s = float("nan")
        self.latencies: list[float] = []
        self.acknowledged: list[str] = []
        self.errors: list[str] = []

    def login(self) -> None:
        t = time.perf_counter()
        try:
            r = self.client.post("/login", json={"name": f"coder{self.index:02d}", "password": PASSWORD})
            if r.status_code != 200:
                self.errors.append(f"login {r.status_code}")
                return
            self.headers = {"x-makna-csrf": r.json()["csrf"]}
            if self.client.post("/api/server/projects/Bench/open", headers=self.headers).status_code != 200:
                self.errors.append("open")
        except httpx.HTTPError as exc:
            self.errors.append(f"login {type(exc).__name__}")
        self.login_s = time.perf_counter() - t

    def run(self) -> None:
        if not self.headers:
            return
        rng = random.Random(self.index)
        time.sleep(rng.uniform(0, self.think))  # coders do not start in step
        k = 0
        while time.monotonic() < self.deadline:
            start = (k * 7) % (len(TEXT) - 40)
            body = {"source": f"wawancara{(self.index + k) % self.sources}", "start": start,
                    "end": start + 5 + k % 30, "code": CODES[k % len(CODES)]}
            k += 1
            t = time.perf_counter()
            try:
                r = self.client.post("/api/segments", json=body, headers=self.headers)
            except httpx.HTTPError as exc:
                self.errors.append(type(exc).__name__)
                continue
            self.latencies.append(time.perf_counter() - t)
            if r.status_code == 201:
                self.acknowledged.append(r.json()["id"])
            else:
                self.errors.append(f"{r.status_code} {r.text[:80]}")
            time.sleep(max(0.0, rng.uniform(0.5, 1.5) * self.think))
        self.client.close()


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default=os.environ.get("MAKNA_TEST_PG_URL", ""),
                    help="a PostgreSQL URL whose user may create databases [default: $MAKNA_TEST_PG_URL]")
    ap.add_argument("--coders", type=int, default=30)
    ap.add_argument("--seconds", type=float, default=120.0)
    ap.add_argument("--think", type=float, default=1.0, help="mean seconds between one coder's writes")
    ap.add_argument("--sources", type=int, default=3)
    args = ap.parse_args()
    if not args.db:
        sys.exit("give --db postgresql://... (a server where the user may create databases)")
    admin = args.db.replace("postgresql+psycopg://", "postgresql://")
    name, url = _database(admin)
    server: subprocess.Popen[bytes] | None = None
    try:
        t0 = time.perf_counter()
        _setup(url, args.coders, args.sources)
        setup_s = time.perf_counter() - t0
        port = _free_port()
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
        command = [sys.executable, "-c", "from makna.cli import main; main()", "server", "run", "--db", url,
                   "--port", str(port)]
        server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                if httpx.get(f"{base}/login", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            sys.exit("the server did not start")
        coders = [Coder(i, base, args.think, args.sources) for i in range(args.coders)]
        t1 = time.perf_counter()
        logins = [threading.Thread(target=c.login) for c in coders]
        for t in logins:
            t.start()
        for t in logins:
            t.join()
        login_s = time.perf_counter() - t1
        deadline = time.monotonic() + args.seconds
        for c in coders:
            c.deadline = deadline
            c.start()
        for c in coders:
            c.join()
        server.terminate()
        server.wait(timeout=30)
        latencies = [x for c in coders for x in c.latencies]
        acknowledged = {i for c in coders for i in c.acknowledged}
        errors = [e for c in coders for e in c.errors]
        reg = Registry.open(url)
        try:
            with makna.open_project(reg.location(reg.project("Bench"))) as p:
                present = {s.id for s in makna.retrieve(p)}
        finally:
            reg.close()
        lost = acknowledged - present
        ms = [x * 1000 for x in latencies]
        print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
              f"setup {setup_s:.1f} s")
        slowest = max((c.login_s for c in coders), default=float("nan"))
        print(f"{args.coders} logins at once (Argon2id, two verified at a time): all done in {login_s:.1f} s "
              f"(slowest {slowest:.1f} s)")
        print(f"{args.coders} coders x {args.seconds:.0f} s, one write per ~{args.think:g} s each: "
              f"{len(latencies)} writes ({len(latencies) / args.seconds:.1f}/s)")
        print(f"errors: {len(errors)}" + (f" (first: {errors[:3]})" if errors else ""))
        print(f"lost writes: {len(lost)} of {len(acknowledged)} acknowledged")
        if ms:
            print(f"write latency ms: p50 {statistics.median(ms):.1f}, p95 {_pct(ms, 0.95):.1f}, "
                  f"p99 {_pct(ms, 0.99):.1f}, max {max(ms):.1f}")
        ok = not errors and not lost and ms and _pct(ms, 0.95) <= 50
        print("targets (0 errors, 0 lost, p95 <= 50 ms):", "met" if ok else "NOT met")
    finally:
        if server is not None and server.poll() is None:
            server.kill()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
