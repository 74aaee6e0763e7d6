"""makna and Taguette 1.5.2 side by side over HTTP: the same work, the same client, interleaved (issue 17).

Both programs run as their own server process on 127.0.0.1 (``makna serve`` and ``taguette
--no-browser``, each in single-user mode with its access token), and one client (httpx, keep-alive)
does the same work against both, one call to makna then the same call to Taguette, so that the
machine's load weighs on both alike:

1. a project with 10 codes (Taguette: tags),
2. 50 documents of about 5 KB imported one upload at a time (makna: a .txt; Taguette: the same text
   as .html, since its .txt import needs Calibre, which pip does not install),
3. 1,000 highlights added one at a time (a random span of a random document with a random code),
4. a document opened (makna: its page ``/sources/{id}``; Taguette's single-page app: the two API
   calls its script makes, the document's highlights and its contents),
5. the first page of the highlights of one code (makna ``/api/retrieve?code=...&limit=50``; Taguette
   ``/api/project/{id}/highlights/{tag}?page=1``, 50 a page),
6. an export of the whole project (makna ``/export/qdpx``; Taguette ``export/project.sqlite3``) and of
   every highlight as CSV;

then the same at 10x (500 documents, 10,000 highlights). Each operation's client p50 per program and
the ratio Taguette / makna are printed as a Markdown table, with each server process's CPU time per
call (from /proc, over the whole phase).

Taguette 1.5.2 needs SQLAlchemy 1.4, which conflicts with makna's SQLAlchemy 2: install it in a
virtual environment of its own and give its ``taguette`` command::

    python -m venv /tmp/tagvenv && /tmp/tagvenv/bin/pip install taguette==1.5.2
    python benchmarks/taguette_bench.py --taguette /tmp/tagvenv/bin/taguette [--scales 1 10]

Without a Taguette executable the script says so and exits (status 0: nothing to compare).
Creating a project is timed in-process for makna (the workbench serves one project, made by
``makna init``), over HTTP for Taguette; the table marks it.
"""

from __future__ import annotations

import argparse
import html
import os
import platform
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import transcript  # noqa: E402

_URL = re.compile(rb"(http://\S+[?&]token=[A-Za-z0-9_\-]+)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """A server process that prints its URL with the access token on start."""

    def __init__(self, argv: list[str], env: dict[str, str] | None = None) -> None:
        self.proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
        assert self.proc.stdout is not None
        deadline = time.monotonic() + 60
        seen = b""
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                break
            seen += line
            found = _URL.search(line)
            if found:
                self.url = found.group(1).decode().replace("localhost", "127.0.0.1")
                # keep draining the output so that the server never blocks on a full pipe
                import threading

                threading.Thread(target=self.proc.stdout.read, daemon=True).start()
                return
        self.stop()
        raise RuntimeError(f"{argv[0]} did not start:\n{seen.decode(errors='replace')}")

    def cpu(self) -> float:
        """The process's CPU seconds so far (user + system, from /proc)."""
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


class Makna:
    name = "makna"

    def __init__(self, folder: Path) -> None:
        import makna

        path = folder / "bench.makna"
        t = time.perf_counter()
        makna.create_project(path, "Taguette side by side", coder="bench").close()
        self.create_ms = (time.perf_counter() - t) * 1000
        env = {**os.environ, "MAKNA_CODER": "bench"}
        self.server = Server([sys.executable, "-c", "from makna.cli import main; main()", "serve", "-p", str(path),
                              "--port", str(free_port()), "--no-browser", "--lang", "en"], env)
        base = self.server.url.split("/?")[0]
        self.client = httpx.Client(base_url=base, timeout=600)
        self.client.get(self.server.url.replace(base, ""), follow_redirects=True).raise_for_status()
        page = self.client.get("/").text
        self.csrf = page.split('name="makna-csrf" content="')[1].split('"')[0]
        self.client.headers["X-Makna-CSRF"] = self.csrf
        self.codes: list[str] = []
        self.docs: list[tuple[str, int]] = []

    def add_code(self, i: int) -> Callable[[], httpx.Response]:
        def call() -> httpx.Response:
            r = self.client.post("/api/codes", json={"name": f"Code {i}", "key": f"c{i}"})
            self.codes.append(r.json()["id"])
            return r
        return call

    def add_document(self, name: str, text: str) -> Callable[[], httpx.Response]:
        def call() -> httpx.Response:
            r = self.client.post("/api/import", files={"files": (name, text.encode(), "text/plain")})
            got = r.json()["imported"][0]
            self.docs.append((got["id"], got["length"]))
            return r
        return call

    def highlight(self, doc: int, start: int, end: int, code: int) -> Callable[[], httpx.Response]:
        return lambda: self.client.post("/api/segments", json={"source": self.docs[doc][0], "start": start,
                                                               "end": end, "code": self.codes[code]})

    def open_document(self, doc: int) -> Callable[[], httpx.Response]:
        return lambda: self.client.get(f"/sources/{self.docs[doc][0]}")

    def tag_page(self, code: int) -> Callable[[], httpx.Response]:
        return lambda: self.client.get("/api/retrieve", params={"code": f"c{code}", "limit": 50})

    def export(self) -> Callable[[], httpx.Response]:
        return lambda: self.client.get("/export/qdpx")

    def export_csv(self) -> Callable[[], httpx.Response]:
        return lambda: self.client.get("/export/csv")


class Taguette:
    name = "Taguette"

    def __init__(self, folder: Path, executable: str) -> None:
        self.server = Server([executable, "--no-browser", "--port", str(free_port()), "--database",
                              str(folder / "taguette.sqlite3")])
        base = self.server.url.split("/?")[0]
        self.client = httpx.Client(base_url=base, timeout=600)
        self.client.get(self.server.url.replace(base, ""), follow_redirects=True).raise_for_status()
        self.client.get("/project/new").raise_for_status()  # sets the _xsrf cookie
        self.xsrf = self.client.cookies["_xsrf"]
        self.client.headers["X-XSRFToken"] = self.xsrf
        self.codes: list[tuple[int, str]] = []
        self.docs: list[int] = []
        self.project = 0

    def create_project(self) -> Callable[[], httpx.Response]:
        def call() -> httpx.Response:
            r = self.client.post("/project/new", data={"name": "Taguette side by side", "description": "",
                                                       "_xsrf": self.xsrf})
            self.project = int(r.headers["location"].rstrip("/").rsplit("/", 1)[1])
            return r
        return call

    def add_code(self, i: int) -> Callable[[], httpx.Response]:
        def call() -> httpx.Response:
            r = self.client.post(f"/api/project/{self.project}/tag/new", json={"path": f"c{i}", "description": ""})
            self.codes.append((r.json()["id"], f"c{i}"))
            return r
        return call

    def add_document(self, name: str, text: str) -> Callable[[], httpx.Response]:
        def call() -> httpx.Response:
            # Taguette converts a .txt with Calibre (not installed by pip); the same text as HTML, one
            # paragraph a line, takes its HTML path (a sanitiser, cheaper than a conversion)
            body = "".join(f"<p>{html.escape(line)}</p>\n" for line in text.splitlines())
            r = self.client.post(f"/api/project/{self.project}/document/new",
                                 data={"name": name, "description": ""},
                                 files={"file": (name.replace(".txt", ".html"), body.encode(), "text/html")})
            if "created" not in r.json():
                raise RuntimeError(f"Taguette refused the document: {r.text[:300]}")
            self.docs.append(int(r.json()["created"]))
            return r
        return call

    def highlight(self, doc: int, start: int, end: int, code: int) -> Callable[[], httpx.Response]:
        return lambda: self.client.post(f"/api/project/{self.project}/document/{self.docs[doc]}/highlight/new",
                                        json={"start_offset": start, "end_offset": end,
                                              "tags": [self.codes[code][0]]})

    def open_document(self, doc: int) -> Callable[[], httpx.Response]:
        def call() -> httpx.Response:
            self.client.get(f"/api/project/{self.project}/document/{self.docs[doc]}").raise_for_status()
            return self.client.get(f"/api/project/{self.project}/document/{self.docs[doc]}/contents")
        return call

    def tag_page(self, code: int) -> Callable[[], httpx.Response]:
        return lambda: self.client.get(f"/api/project/{self.project}/highlights/{self.codes[code][1]}",
                                       params={"page": 1})

    def export(self) -> Callable[[], httpx.Response]:
        return lambda: self.client.get(f"/project/{self.project}/export/project.sqlite3")

    def export_csv(self) -> Callable[[], httpx.Response]:
        return lambda: self.client.get(f"/project/{self.project}/export/highlights/.csv")


class Phase:
    """Client wall times of one operation on both sides, and each server's CPU over the phase."""

    def __init__(self, sides: list[Any]) -> None:
        self.sides = sides
        self.wall: dict[str, list[float]] = {s.name: [] for s in sides}
        self.cpu0 = {s.name: s.server.cpu() for s in sides}
        self.cpu: dict[str, float] = {}

    def run(self, calls: dict[str, Callable[[], httpx.Response]], rng: random.Random) -> None:
        order = list(self.sides)
        rng.shuffle(order)  # neither side always goes first
        for side in order:
            t = time.perf_counter()
            r = calls[side.name]()
            self.wall[side.name].append(time.perf_counter() - t)
            if r.status_code >= 400:
                raise RuntimeError(f"{side.name}: {r.request.method} {r.request.url} -> {r.status_code}: "
                                   f"{r.text[:300]}")

    def done(self) -> Phase:
        self.cpu = {s.name: s.server.cpu() - self.cpu0[s.name] for s in self.sides}
        return self


def run_scale(scale: int, executable: str, repeat: int, seed: int = 17) -> list[tuple[str, int, Phase]]:
    rng = random.Random(seed)
    folder = Path(tempfile.mkdtemp(prefix="taguette-bench-"))
    m, t = Makna(folder), Taguette(folder, executable)
    sides: list[Any] = [m, t]
    out: list[tuple[str, int, Phase]] = []
    try:
        ph = Phase([t])
        ph.run({"Taguette": t.create_project()}, rng)
        ph.wall["makna"] = [m.create_ms / 1000]
        out.append(("create a project (makna: in-process, `makna init`)", 1, ph.done()))
        ph = Phase(sides)
        for i in range(10):
            ph.run({"makna": m.add_code(i), "Taguette": t.add_code(i)}, rng)
        out.append(("add a code (tag)", 10, ph.done()))
        n_docs, n_hl = 50 * scale, 1000 * scale
        ph = Phase(sides)
        for i in range(n_docs):
            text = transcript(rng, 5000)
            ph.run({"makna": m.add_document(f"doc-{i:05d}.txt", text),
                    "Taguette": t.add_document(f"doc-{i:05d}.txt", text)}, rng)
        out.append(("import a document of ~5 KB", n_docs, ph.done()))
        shortest = min(length for _, length in m.docs)
        ph = Phase(sides)
        for _ in range(n_hl):
            doc, code = rng.randrange(n_docs), rng.randrange(10)
            a = rng.randrange(0, min(shortest, 4000) - 300)
            b = a + rng.randint(20, 300)
            ph.run({"makna": m.highlight(doc, a, b, code), "Taguette": t.highlight(doc, a, b, code)}, rng)
        out.append(("add a highlight", n_hl, ph.done()))
        for label, make in (("open a document", lambda: (m.open_document, t.open_document)),
                            ("first page of a code's highlights", lambda: (m.tag_page, t.tag_page))):
            ph = Phase(sides)
            fm, ft = make()
            for _ in range(repeat):
                k = rng.randrange(n_docs if label.startswith("open") else 10)
                ph.run({"makna": fm(k), "Taguette": ft(k)}, rng)
            out.append((label, repeat, ph.done()))
        for label, pair in (("export the whole project (makna .qdpx, Taguette .sqlite3)", (m.export, t.export)),
                            ("export every highlight as CSV", (m.export_csv, t.export_csv))):
            ph = Phase(sides)
            for _ in range(max(3, repeat // 4)):
                ph.run({"makna": pair[0](), "Taguette": pair[1]()}, rng)
            out.append((label, max(3, repeat // 4), ph.done()))
    finally:
        for side in sides:
            side.client.close()
            side.server.stop()
        shutil.rmtree(folder, ignore_errors=True)
    return out


def table(scale: int, rows: list[tuple[str, int, Phase]]) -> str:
    lines = [f"\n### {scale}x ({50 * scale:,} documents, {1000 * scale:,} highlights)\n",
             "| operation | calls | makna p50 ms | Taguette p50 ms | Taguette / makna | makna server CPU ms/call "
             "| Taguette server CPU ms/call |", "|---|---:|---:|---:|---:|---:|---:|"]
    for label, n, ph in rows:
        mk, tg = statistics.median(ph.wall["makna"]) * 1000, statistics.median(ph.wall["Taguette"]) * 1000
        cpu = [f"{ph.cpu[s] / n * 1000:.2f}" if s in ph.cpu and n else "" for s in ("makna", "Taguette")]
        lines.append(f"| {label} | {n:,} | {mk:.1f} | {tg:.1f} | {tg / mk:.1f}x | {cpu[0]} | {cpu[1]} |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--taguette", default=shutil.which("taguette") or "/tmp/tagvenv/bin/taguette",
                    help="the taguette command of a Taguette 1.5.2 install (default: on PATH, else "
                         "/tmp/tagvenv/bin/taguette)")
    ap.add_argument("--scales", type=int, nargs="+", default=[1, 10], help="1: 50 documents, 1,000 highlights")
    ap.add_argument("--repeat", type=int, default=30, help="runs of each read (p50 shown)")
    args = ap.parse_args()
    if not (args.taguette and Path(args.taguette).exists()):
        print(f"Taguette not found ({args.taguette or 'not on PATH'}): install it in a virtual environment of its "
              "own (python -m venv /tmp/tagvenv && /tmp/tagvenv/bin/pip install taguette==1.5.2) and pass "
              "--taguette /tmp/tagvenv/bin/taguette; nothing was measured.")
        return
    version = subprocess.run([args.taguette, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores (shared with other work), Python "
          f"{platform.python_version()}; {version or 'Taguette'}; one httpx client (keep-alive), calls interleaved")
    for scale in args.scales:
        print(table(scale, run_scale(scale, args.taguette, args.repeat)), flush=True)


if __name__ == "__main__":
    main()
