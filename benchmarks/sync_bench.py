"""Offline coders benchmark (issue 14): ``makna pull`` and ``makna push`` against ``makna server run``
on PostgreSQL over HTTP (loopback).

    python benchmarks/sync_bench.py --db postgresql://makna@127.0.0.1:55432/postgres
    python benchmarks/sync_bench.py --db ... --sources 20 --codings 5000 --offline 500   # a short run

A project of ``--sources`` interviews (~6,000 characters each) and ``--codings`` codings by five coders
is made on a new database (dropped afterwards). One coder pulls it, makes ``--offline`` codings in the
copy and pushes them; then pushes again (nothing to send), sends the same push again by hand (every
change found on the server already: a no-op) and refreshes the copy. Reports the time of each step
and checks that every pushed coding is on the server under its id, as its coder.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from team_bench import PASSWORD, TEXT, _database, _free_port

import makna
from makna.coding import SegmentSpec
from makna.server.registry import Registry
from makna.sync import client
from makna.sync.local import pending, push_message

CODES = ("emosi", "tempat", "kerja", "uang", "aman")


def _setup(url: str, sources: int, codings: int) -> None:
    rnd = random.Random(14)
    with Registry.init(url, "owner", PASSWORD) as reg:
        reg.add_project("Bench", owner="owner")
        for i in range(5):
            reg.add_user(f"coder{i}", PASSWORD)
            reg.set_role("Bench", f"coder{i}", "coder")
        with makna.open_project(reg.location(reg.project("Bench")), coder="owner") as p:
            for s in range(sources):
                makna.import_text(p, f"wawancara{s}", f"Wawancara {s}.\n" + TEXT * 4, language="id")
            for key in CODES:
                makna.add_code(p, key, key.title())
            length = len("Wawancara 0.\n" + TEXT * 4) - 40
            for i in range(5):
                specs = {SegmentSpec(f"wawancara{rnd.randrange(sources)}", (a := rnd.randrange(length)),
                                     a + rnd.randrange(5, 40), rnd.choice(CODES)) for _ in range(codings // 5)}
                makna.code_many(p, specs, coder=f"coder{i}", on_duplicate="skip")


def _timed(what: str, fn: object, *args: object, **kw: object) -> object:
    t0 = time.perf_counter()
    out = fn(*args, **kw)  # type: ignore[operator]
    print(f"{what}: {time.perf_counter() - t0:.2f} s")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default=os.environ.get("MAKNA_TEST_PG_URL", ""),
                    help="a PostgreSQL URL whose user may create databases [default: $MAKNA_TEST_PG_URL]")
    ap.add_argument("--sources", type=int, default=50)
    ap.add_argument("--codings", type=int, default=20_000)
    ap.add_argument("--offline", type=int, default=1_000)
    args = ap.parse_args()
    if not args.db:
        sys.exit("give --db postgresql://... (a server where the user may create databases)")
    import psycopg

    admin = args.db.replace("postgresql+psycopg://", "postgresql://")
    name, url = _database(admin)
    server: subprocess.Popen[bytes] | None = None
    try:
        t0 = time.perf_counter()
        _setup(url, args.sources, args.codings)
        print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
              f"setup {time.perf_counter() - t0:.1f} s ({args.sources} sources, {args.codings} codings)")
        port = _free_port()
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
        server = subprocess.Popen([sys.executable, "-c", "from makna.cli import main; main()", "server", "run",
                                   "--db", url, "--port", str(port)], env=env, stdout=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                if httpx.get(f"{base}/login", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            sys.exit("the server did not start")
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "copy.makna"
            report = _timed("pull (login, copy, write the file)", client.pull, base, "Bench", path, user="coder0",
                            password=PASSWORD)
            print(f"  copy: {report.counts['segments']} codings, {path.stat().st_size / 1e6:.1f} MB")  # type: ignore[attr-defined]
            rnd = random.Random(7)
            with makna.open_project(path) as local:
                specs = {SegmentSpec(f"wawancara{rnd.randrange(args.sources)}", (a := rnd.randrange(4000)),
                                     a + rnd.randrange(5, 40), rnd.choice(CODES)) for _ in range(args.offline)}
                made = makna.code_many(local, specs, on_duplicate="skip")
                message = push_message(local, pending(local))
            pushed = _timed(f"push of {len(message['changes'])} new codings", client.push, path)
            print(f"  added {pushed.added}, conflicts {len(pushed.conflicts)}")  # type: ignore[attr-defined]
            again = _timed("push again (nothing to send)", client.push, path)
            assert again.sent == 0  # type: ignore[attr-defined]
            http = httpx.Client(base_url=base)
            r = http.post("/login", json={"name": "coder0", "password": PASSWORD})
            headers = {"x-makna-csrf": r.json()["csrf"], "x-makna-project": "Bench"}
            message["project_id"] = Registry.open(url).project("Bench").id
            t1 = time.perf_counter()
            answer = http.post("/api/sync/push", json=message, headers=headers, timeout=300).json()
            print(f"the same push sent again (all no-ops): {time.perf_counter() - t1:.2f} s, "
                  f"unchanged {answer['unchanged']}, added {answer['added']}")
            _timed("pull again (refresh in place)", client.refresh, path)
            reg = Registry.open(url)
            with makna.open_project(reg.location(reg.project("Bench"))) as p:
                on_server = {(s.id, s.coder) for s in makna.retrieve(p)}
            reg.close()
            ids = set(made.segment_ids)
            missing = [i for i in ids if (i, "coder0") not in on_server]
            print(f"pushed codings on the server under their ids, as coder0: {len(ids) - len(missing)} of {len(ids)}")
    finally:
        if server is not None and server.poll() is None:
            server.terminate()
            server.wait(timeout=30)
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
