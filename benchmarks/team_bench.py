"""Team server benchmark (issue 14): simulated coders over HTTP against ``makna server run`` on
PostgreSQL. Each coder logs in, opens the project, holds the live stream an open workbench page
holds (``GET /api/events/stream``, the whole project, as live.js subscribes) and codes spans through
the JSON API (the workbench's own calls), one write every ``--think`` seconds; afterwards every
acknowledged coding must be in the database and on every other coder's stream.

    python benchmarks/team_bench.py --db postgresql://makna@127.0.0.1:55432/postgres   # 30 coders, 120 s
    python benchmarks/team_bench.py --db ... --coders 10 --seconds 20                  # a short run

Reports errors (any answer but 201, or no answer), lost writes (acknowledged but absent), the
write latency (p50, p95, p99, max) seen by the clients and the live-update delivery: for every
acknowledged coding and every other coder, the time from sending the write to the change arriving
on that coder's stream (p50, p95, max), and lost deliveries (an acknowledged coding some other
coder's stream never brought). Every ``--reconnect-every``-th coder drops its stream mid-run, stays
away ``--away`` seconds (a laptop that slept) and reconnects with ``Last-Event-ID``, as a browser
does: what was written meanwhile must be replayed; those replayed deliveries are counted apart (their
wait is the time away, not the server's). A new database is made for the run and dropped afterwards.
Targets: 0 errors, 0 lost writes, write p95 <= 50 ms, 0 lost deliveries, delivery p95 <= 500 ms.
The streams run in a process of their own (the pages are other people's browsers; held in the
writers' process, their parsing of ~850 events/s would compete for one interpreter lock with the
writers' timing: ``--streams-in-process`` does that, as the first version did). Also printed: the
server's and the writers' CPU while coding. ``--src`` runs the server from another
source tree (to compare versions); ``TEAM_BENCH_PROFILE=FILE`` profiles the server (cProfile).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import random
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass
from multiprocessing.connection import Connection
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


class Stream(threading.Thread):
    """A coder's open page: holds ``/api/events/stream`` with the coder's session cookie, notes when
    each coding arrives; optionally drops the connection once and resumes with ``Last-Event-ID``."""

    def __init__(self, base: str, cookies: httpx.Cookies, drop_at: float | None, away: float) -> None:
        super().__init__(daemon=True)
        self.base, self.cookies, self.drop_at, self.away = base, cookies, drop_at, away
        self.received: dict[str, float] = {}
        self.last_id = ""
        self.after: int | None = None
        self.hello = threading.Event()
        self.stop = threading.Event()
        self.away_from = self.away_until = float("nan")  # perf_counter times of the gap
        self.replayed = 0
        self.errors: list[str] = []

    def run(self) -> None:
        with httpx.Client(base_url=self.base, cookies=self.cookies, timeout=httpx.Timeout(10, read=None)) as client:
            while not self.stop.is_set():
                headers = {"accept": "text/event-stream"}
                if self.last_id:
                    headers["last-event-id"] = self.last_id
                try:
                    if self._listen(client, headers):
                        self.away_from = time.perf_counter()
                        time.sleep(self.away)
                        self.away_until = time.perf_counter()
                        continue
                except httpx.HTTPError as exc:
                    if not self.stop.is_set():
                        self.errors.append(f"stream {type(exc).__name__}")
                        time.sleep(0.5)
                        continue
                return

    def _listen(self, client: httpx.Client, headers: dict[str, str]) -> bool:
        """Read the stream; True when it was dropped on purpose (to reconnect later)."""
        with client.stream("GET", "/api/events/stream", headers=headers) as resp:
            if resp.status_code != 200:
                self.errors.append(f"stream {resp.status_code}")
                return False
            event, data, ident = "", "", ""
            for line in resp.iter_lines():
                if line.startswith("event:"):
                    event = line[6:].strip()
                elif line.startswith("data:"):
                    data = line[5:].strip()
                elif line.startswith("id:"):
                    ident = line[3:].strip()
                elif not line and event:
                    now = time.perf_counter()
                    if event == "hello":
                        if self.after is None:
                            self.after = int(json.loads(data)["after"])
                        self.hello.set()
                    elif event == "change":
                        change = json.loads(data)
                        for seg in change.get("data", {}).get("segments", []) if change["kind"] == "segments.add" \
                                else []:
                            self.received.setdefault(seg["id"], now)
                        self.last_id = ident
                    event, data, ident = "", "", ""
                if self.stop.is_set():
                    return False
                if self.drop_at is not None and time.monotonic() >= self.drop_at:
                    self.drop_at = None
                    return True
        return False


@dataclass
class Heard:
    """What one stream heard, sent back from the listeners' process."""

    received: dict[str, float]
    away_from: float
    away_until: float
    errors: list[str]


def _listeners(base: str, jars: list[dict[str, str]], away: float, pipe: Connection) -> None:
    """The coders' open pages, in a process of their own (as browsers are): one :class:`Stream` per
    cookie jar. Says ``ready`` once every stream is subscribed, takes the drop times, then the ids to
    wait for (up to 15 s), and answers what each stream heard. ``perf_counter`` and ``monotonic`` are
    the machine's monotonic clock on Linux, so the times compare with the writers' process."""
    streams = [Stream(base, httpx.Cookies(jar), None, away) for jar in jars]
    for st in streams:
        st.start()
    missing = sum(1 for st in streams if not st.hello.wait(60))
    pipe.send(("ready", missing))
    drops: list[float | None] = pipe.recv()
    for st, drop in zip(streams, drops, strict=True):
        st.drop_at = drop
    expected: set[str] = pipe.recv()
    drain = time.monotonic() + 15  # the last deliveries
    while time.monotonic() < drain and any(len(expected & st.received.keys()) < len(expected) for st in streams):
        time.sleep(0.2)
    for st in streams:
        st.stop.set()
    pipe.send([Heard(dict(st.received), st.away_from, st.away_until, list(st.errors)) for st in streams])


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
        self.sent: dict[str, float] = {}  # coding id -> when its write was sent (perf_counter)
        self.replied: dict[str, float] = {}  # coding id -> when its reply came
        self.errors: list[str] = []
        self.stream: Stream | Heard | None = None

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
                self.sent[r.json()["id"]] = t
                self.replied[r.json()["id"]] = t + self.latencies[-1]
            else:
                self.errors.append(f"{r.status_code} {r.text[:80]}")
            time.sleep(max(0.0, rng.uniform(0.5, 1.5) * self.think))
        self.client.close()


def _cpu_seconds(pid: int) -> float:
    """CPU seconds (user + system) used so far by process ``pid`` (Linux: /proc)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def _deliveries(coders: list[Coder]) -> tuple[list[float], list[float], list[float], int]:
    """Live deliveries (seconds from sending a write to another coder's stream bringing it), the
    same counted from the write's reply (0 when the change came first: what the live path adds to
    the write), the replayed ones (written while that stream was away), and the lost ones."""
    live: list[float] = []
    after_reply: list[float] = []
    replayed: list[float] = []
    lost = 0
    for writer in coders:
        for other in coders:
            if other is writer or other.stream is None:
                continue
            st = other.stream
            for sid, t in writer.sent.items():
                got = st.received.get(sid)
                if got is None:
                    lost += 1
                elif st.away_from == st.away_from and t <= st.away_until and got >= st.away_from:
                    replayed.append(got - t)
                else:
                    live.append(got - t)
                    after_reply.append(max(0.0, got - writer.replied[sid]))
    return live, after_reply, replayed, lost


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default=os.environ.get("MAKNA_TEST_PG_URL", ""),
                    help="a PostgreSQL URL whose user may create databases [default: $MAKNA_TEST_PG_URL]")
    ap.add_argument("--coders", type=int, default=30)
    ap.add_argument("--seconds", type=float, default=120.0)
    ap.add_argument("--think", type=float, default=1.0, help="mean seconds between one coder's writes")
    ap.add_argument("--sources", type=int, default=3)
    ap.add_argument("--reconnect-every", type=int, default=5,
                    help="every N-th coder's stream drops mid-run and resumes with Last-Event-ID (0: none)")
    ap.add_argument("--away", type=float, default=3.0, help="seconds a dropped stream stays away")
    ap.add_argument("--no-streams", action="store_true", help="coders write only (no live streams)")
    ap.add_argument("--streams-in-process", action="store_true",
                    help="hold the streams in the writers' process, as before (their parsing then competes with "
                         "the writers' timing for one interpreter lock)")
    ap.add_argument("--src", default="", help="the makna source tree the server runs (default: this checkout's src; "
                                              "another to compare versions)")
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
        env = {**os.environ, "PYTHONPATH": args.src or str(Path(__file__).resolve().parents[1] / "src")}
        command = [sys.executable, "-c", "from makna.cli import main; main()", "server", "run", "--db", url,
                   "--port", str(port)]
        if os.environ.get("TEAM_BENCH_PROFILE"):  # the server's event loop profiled (cProfile, to that file)
            script = Path(os.environ["TEAM_BENCH_PROFILE"] + ".py")
            script.write_text("from makna.cli import main\nmain()\n")
            command[1:3] = ["-m", "cProfile", "-o", os.environ["TEAM_BENCH_PROFILE"], str(script)]
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
        listeners: multiprocessing.process.BaseProcess | None = None
        here, there = multiprocessing.get_context("spawn").Pipe()
        if not args.no_streams and args.streams_in_process:
            for c in coders:
                c.stream = Stream(base, c.client.cookies, None, args.away)
                c.stream.start()
            for c in coders:
                if isinstance(c.stream, Stream) and not c.stream.hello.wait(60):
                    c.errors.append("stream: no hello")
        elif not args.no_streams:
            jars = [dict(c.client.cookies) for c in coders]
            listeners = multiprocessing.get_context("spawn").Process(
                target=_listeners, args=(base, jars, args.away, there), daemon=True)
            listeners.start()
            _, missing = here.recv()
            if missing:
                coders[0].errors.append(f"{missing} streams: no hello")
        cpu0 = (_cpu_seconds(server.pid), time.process_time(), time.perf_counter())
        deadline = time.monotonic() + args.seconds
        drops: list[float | None] = [
            deadline - args.seconds * (0.7 - 0.4 * i / len(coders))  # 30-70% into the run
            if not args.no_streams and args.reconnect_every and i % args.reconnect_every == 0 else None
            for i in range(len(coders))]
        if listeners is not None:
            here.send(drops)
        for c, drop in zip(coders, drops, strict=True):
            if isinstance(c.stream, Stream):
                c.stream.drop_at = drop
        for c in coders:
            c.deadline = deadline
            c.start()
        for c in coders:
            c.join()
        cpu1 = (_cpu_seconds(server.pid), time.process_time(), time.perf_counter())
        expected = {i for c in coders for i in c.acknowledged}
        if listeners is not None:
            here.send(expected)
            for c, heard in zip(coders, here.recv(), strict=True):
                c.stream = heard
            listeners.join(timeout=30)
        else:
            held = [c.stream for c in coders if isinstance(c.stream, Stream)]
            drain = time.monotonic() + 15  # the last deliveries
            while time.monotonic() < drain and any(len(expected & st.received.keys()) < len(expected) for st in held):
                time.sleep(0.2)
            for st in held:
                st.stop.set()
        streams = [c.stream for c in coders if c.stream is not None]
        server.send_signal(signal.SIGINT)  # a clean stop (the profile, when asked, is written then)
        server.wait(timeout=60)
        latencies = [x for c in coders for x in c.latencies]
        acknowledged = {i for c in coders for i in c.acknowledged}
        errors = [e for c in coders for e in c.errors] + [e for st in streams for e in st.errors]
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
        wall = cpu1[2] - cpu0[2]
        print(f"CPU while coding ({wall:.0f} s): server {cpu1[0] - cpu0[0]:.1f} s "
              f"({(cpu1[0] - cpu0[0]) / wall:.2f} cores), the writers' process {cpu1[1] - cpu0[1]:.1f} s "
              f"({(cpu1[1] - cpu0[1]) / wall:.2f} cores); load average {os.getloadavg()[0]:.1f}")
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
        ok = bool(not errors and not lost and ms and _pct(ms, 0.95) <= 50)
        print("write targets (0 errors, 0 lost, p95 <= 50 ms):", "met" if ok else "NOT met")
        if streams:
            live, after_reply, replayed, lost_deliveries = _deliveries(coders)
            dms = [x * 1000 for x in live]
            resumed = sum(1 for st in streams if st.away_from == st.away_from)
            where = "in the writers' process" if args.streams_in_process else "in a process of their own"
            print(f"live streams: {len(streams)} (one per coder, the whole project, {where}); "
                  f"{resumed} dropped mid-run for {args.away:g} s and resumed with Last-Event-ID")
            print(f"deliveries to other coders: {len(live)} live + {len(replayed)} replayed after a reconnect; "
                  f"lost {lost_deliveries}")
            if dms:
                print(f"delivery latency ms (from sending the write): p50 {statistics.median(dms):.1f}, "
                      f"p95 {_pct(dms, 0.95):.1f}, p99 {_pct(dms, 0.99):.1f}, max {max(dms):.1f}; counted from "
                      f"the write's reply: p50 {1000 * statistics.median(after_reply):.1f}, "
                      f"p95 {1000 * _pct(after_reply, 0.95):.1f}")
            if replayed:
                print(f"replayed after reconnect ms: max {max(replayed) * 1000:.1f} (includes {args.away:g} s away)")
            good = not lost_deliveries and dms and _pct(dms, 0.95) <= 500
            print("delivery targets (0 lost, p95 <= 500 ms):", "met" if good else "NOT met")
    finally:
        if server is not None and server.poll() is None:
            server.kill()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
