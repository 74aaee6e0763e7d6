"""Workbench benchmarks (issue 7).

1. A 300,000-character transcript with 5,000 codings (two coders, 40 codes, overlaps, emoji):
   server time to render the source page, and in headless Chromium the time from navigation until
   the page is ready (script initialised) and until a selection opens the code picker
   (target: interactive within 1 s).
   Key press to highlight (#13): with the keyboard selection on an uncoded span, the time from the
   key ``1`` (a quick code) until the new highlight is drawn from the server's reply (target: p50
   <= 50 ms), and the page interactive (target: <= 1 s).
2. Coding one segment through the HTTP API (POST /api/segments): server time (ASGI middleware timer
   around the whole app, token and CSRF checks included) and client round trip, through httpx's ASGI
   transport and through a real uvicorn on 127.0.0.1 (target: p50 server time <= 2 ms).

Run: ``python benchmarks/web_bench.py [--pg URL] [--no-browser] [--browser-only]``; figures go to stdout.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

import makna
from makna.coding import SegmentSpec
from makna.web import close_app, create_app

TOKEN = "bench-token-" + "x" * 32
WORDS = ("aku nggak udah kalau sama dia yang itu tapi terus katanya pelanggan chat aplikasi uang kos minggu "
         "ditipu diblokir janji transfer aman razia petugas gratis cepat promosi status foto pacar kiriman utang "
         "senang sedih kampung ibu bapak kerja jualan daring warung kopi pasar 😀 👍🏽 🙏").split()


def transcript(rng: random.Random, length: int) -> str:
    lines = ["Wawancara sintetis untuk pengujian workbench.", ""]
    size, turn = 0, 0
    while size < length:
        words = rng.choices(WORDS, k=rng.randint(10, 120))
        line = ("P: " if turn % 2 == 0 else "I: ") + " ".join(words).capitalize() + "."
        lines.append(line)
        size += len(line) + 1
        turn += 1
    return "\n".join(lines)[:length].rsplit("\n", 1)[0] + "\n"


def build(location: str, *, length: int = 300_000, codings: int = 5_000, seed: int = 11) -> str:
    rng = random.Random(seed)
    text = transcript(rng, length)
    with makna.create_project(location, "Web benchmark", coder="peneliti") as p:
        src = makna.import_text(p, "panjang.txt", text, language="id")
        keys = add_codes(p, 8, 4)
        turns = makna.get_turns(p, src.id)
        by_coder: dict[str, list[SegmentSpec]] = {"peneliti": [], "kedua": []}
        seen = set()
        while sum(len(v) for v in by_coder.values()) < codings:
            t = rng.choice(turns)
            a = rng.randint(t.start, t.end - 2)
            b = min(t.end, a + rng.randint(15, 400))
            coder = "peneliti" if rng.random() < 0.7 else "kedua"
            k = rng.choice(keys)
            if (a, b, k, coder) in seen:
                continue
            seen.add((a, b, k, coder))
            by_coder[coder].append(SegmentSpec(src.id, a, b, k))
        for coder, specs in by_coder.items():
            makna.code_many(p, specs, coder=coder)
        return src.id


def add_codes(p: makna.Project, roots: int, children: int) -> list[str]:
    """Themes ``t<r>`` with sub-themes ``t<r>.<c>``; their keys."""
    keys = []
    for r in range(roots):
        makna.add_code(p, f"t{r}", f"Tema {r}")
        keys.append(f"t{r}")
        for c in range(children):
            makna.add_code(p, f"t{r}.{c}", f"Subtema {r}.{c}", parent=f"t{r}")
            keys.append(f"t{r}.{c}")
    return keys


class Timed:
    """ASGI wrapper that records the server time of each request (first byte in to last byte out)."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.times: list[float] = []
        self.cpu: list[float] = []  # the process's CPU time over the same span: steadier on a loaded machine

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        t, c = time.perf_counter(), time.process_time()
        await self.app(scope, receive, send)
        self.times.append(time.perf_counter() - t)
        self.cpu.append(time.process_time() - c)

    def clear(self) -> None:
        self.times.clear()
        self.cpu.clear()


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(q * len(s)))] * 1000


def row(label: str, server: list[float], client: list[float]) -> str:
    return (f"| {label} | {pct(server, .5):.2f} | {pct(server, .95):.2f} | {pct(client, .5):.2f} | "
            f"{pct(client, .95):.2f} | {len(server)} |")


def spans(text_len: int, n: int, seed: int) -> list[tuple[int, int]]:
    rng = random.Random(seed)
    out = set()
    while len(out) < n:
        a = rng.randint(0, text_len - 50)
        out.add((a, a + rng.randint(5, 40)))
    return sorted(out)


async def asgi_coding(app: Any, timed: Timed, sid: str, n: int, text_len: int) -> tuple[list[float], list[float]]:
    h = {"Authorization": f"token {TOKEN}"}
    client_times: list[float] = []
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=timed), base_url="http://127.0.0.1") as c:
        r = await c.get(f"/?token={TOKEN}")
        csrf = (await c.get("/")).text.split('name="makna-csrf" content="')[1].split('"')[0]
        h = {"X-Makna-CSRF": csrf}  # as the browser does: cookie + CSRF header
        for a, b in spans(text_len, 30, 1):  # warm-up
            await c.post("/api/segments", json={"source": sid, "start": a, "end": b, "code": "t0"}, headers=h)
        timed.times.clear()
        for a, b in spans(text_len, n, 2):
            t = time.perf_counter()
            r = await c.post("/api/segments", json={"source": sid, "start": a, "end": b, "code": "t1.2"}, headers=h)
            client_times.append(time.perf_counter() - t)
            assert r.status_code == 201, r.text
    return list(timed.times), client_times


def uvicorn_coding(timed: Timed, sid: str, n: int, text_len: int) -> tuple[list[float], list[float], str]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "web"))
    from web_helpers import LiveServer  # a uvicorn server in a thread, on a free port

    server = LiveServer(timed)
    client_times: list[float] = []
    try:
        with httpx.Client(base_url=server.url) as c:
            c.get(f"/?token={TOKEN}")
            csrf = c.get("/").text.split('name="makna-csrf" content="')[1].split('"')[0]
            h = {"X-Makna-CSRF": csrf}
            for a, b in spans(text_len, 30, 3):
                c.post("/api/segments", json={"source": sid, "start": a, "end": b, "code": "t0"}, headers=h)
            timed.times.clear()
            for a, b in spans(text_len, n, 4):
                t = time.perf_counter()
                r = c.post("/api/segments", json={"source": sid, "start": a, "end": b, "code": "t2.1"}, headers=h)
                client_times.append(time.perf_counter() - t)
                assert r.status_code == 201, r.text
            server_times = list(timed.times)
            page_times = []
            for _ in range(5):
                t = time.perf_counter()
                body = c.get(f"/sources/{sid}").text
                page_times.append(time.perf_counter() - t)
            size = f"{len(body.encode()) / 1e6:.2f} MB, best of 5 {min(page_times) * 1000:.0f} ms"
    finally:
        server.stop()
    return server_times, client_times, size


def browser_open(app: Any, sid: str, runs: int = 3) -> list[dict[str, float]]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "web"))
    from playwright.sync_api import sync_playwright
    from web_helpers import CHROMIUM, CHROMIUM_ARGS, LiveServer

    server = LiveServer(app)
    out = []
    try:
        with sync_playwright() as pw:
            b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            ctx = b.new_context(viewport={"width": 1400, "height": 900})
            pg = ctx.new_page()
            pg.goto(f"{server.url}/?token={TOKEN}")
            for _ in range(runs):
                t = time.perf_counter()
                pg.goto(f"{server.url}/sources/{sid}")
                pg.wait_for_selector("body[data-ready='1']")
                ready = time.perf_counter() - t
                nav = pg.evaluate("() => { const n = performance.getEntriesByType('navigation')[0];"
                                  " return [n.responseEnd, n.domContentLoadedEventEnd, n.loadEventEnd]; }")
                t2 = time.perf_counter()
                pg.evaluate("""() => {
                    const leaf = document.querySelectorAll('#text .row.turn [data-s]')[400];
                    const node = leaf.firstChild; const r = document.createRange();
                    r.setStart(node, 0); r.setEnd(node, Math.min(node.length, 3));
                    getSelection().removeAllRanges(); getSelection().addRange(r);
                    document.getElementById('text').dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
                }""")
                pg.wait_for_selector("#picker:not([hidden])")
                picker = time.perf_counter() - t2
                t3 = time.perf_counter()
                pg.keyboard.press("Escape")
                pg.mouse.wheel(0, 40000)
                pg.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
                scroll = time.perf_counter() - t3
                out.append({"ready": ready, "response_end": nav[0] / 1000, "dcl": nav[1] / 1000,
                            "load": nav[2] / 1000, "picker": picker, "scroll": scroll,
                            "open_to_picker": ready + picker})
            b.close()
    finally:
        server.stop()
    return out


KEY_TO_HIGHLIGHT_JS = """(span) => { window.__keyResult = new Promise((resolve) => {
    const [a, b] = span;
    window.makna.setSelection(a, b);
    const t = {};
    document.addEventListener('keydown', (e) => { t.key = e.timeStamp; }, {capture: true, once: true});
    const give_up = setTimeout(() => resolve({error: 'no highlight within 5 s'}), 5000);
    const done = (ev) => {
        if (ev.detail.provisional) {  // drawn at once, before the server answers
            t.early = performance.now();
            requestAnimationFrame(() => setTimeout(() => { t.earlyDrawn = performance.now(); }, 0));
            return;
        }
        document.removeEventListener('makna:painted', done);
        clearTimeout(give_up);
        t.dom = performance.now();
        requestAnimationFrame(() => setTimeout(() => {
            t.drawn = performance.now();
            const leaf = document.querySelector('#text [data-s="' + a + '"]');
            resolve({dom: t.dom - t.key, drawn: t.drawn - t.key, early: (t.earlyDrawn || t.drawn) - t.key,
                     hl: !!(leaf && leaf.classList.contains('hl'))});
        }, 0));
    };
    document.addEventListener('makna:painted', done);
}); // the selection is on screen (two frames and a pause) before the key is pressed, as for a person
return new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 50)))); }"""


def uncoded_spans(app: Any, sid: str, n: int, seed: int = 5) -> list[tuple[int, int]]:
    """``n`` spans of about 20 characters inside turns, each in its own turn and not coded yet."""
    proj = app.state.project
    rng = random.Random(seed)
    coded = [(s.start, s.end) for s in makna.retrieve(proj, coder="peneliti", limit=None)]
    text = makna.get_source(proj, sid).text
    all_turns = makna.get_turns(proj, sid)
    turns = rng.sample(all_turns, min(len(all_turns), 4 * n))
    out: list[tuple[int, int]] = []
    for t in turns:
        a = t.start + 3 + rng.randint(0, max(0, t.end - t.start - 30))
        b = min(a + 20, t.end)
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a and not any(x < b and y > a for x, y in coded) and all(t.start > y or t.end < x for x, y in out):
            out.append((a, b))
        if len(out) == n:
            break
    return out


def browser_key_to_highlight(app: Any, sid: str, n: int = 40) -> tuple[list[float], ...]:
    """(key -> provisional highlight drawn, key -> reply drawn into the DOM, key -> reply's highlight
    drawn, page ready, server time of the POST, page's first byte, page ready timed in the page) in
    seconds, in headless Chromium."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "web"))
    from playwright.sync_api import sync_playwright
    from web_helpers import CHROMIUM, CHROMIUM_ARGS, LiveServer

    spans = uncoded_spans(app, sid, n + 5)
    timed = Timed(app)
    server = LiveServer(timed)
    early: list[float] = []
    posts: list[float] = []
    dom: list[float] = []
    drawn: list[float] = []
    ready: list[float] = []
    first_byte: list[float] = []  # navigation start -> the page's first byte (the server's render)
    in_page: list[float] = []  # navigation start -> script ready, timed by the page itself
    try:
        with sync_playwright() as pw:
            b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            pg = b.new_context(viewport={"width": 1400, "height": 900}).new_page()
            pg.goto(f"{server.url}/?token={TOKEN}")
            for _ in range(3):
                t = time.perf_counter()
                pg.goto(f"{server.url}/sources/{sid}")
                pg.wait_for_selector("body[data-ready='1']")
                ready.append(time.perf_counter() - t)
                nav = pg.evaluate("() => [performance.getEntriesByType('navigation')[0].responseStart,"
                                  " performance.getEntriesByName('makna:ready')[0].startTime]")
                first_byte.append(nav[0] / 1000)
                in_page.append(nav[1] / 1000)
            pg.focus("#text")
            for i, span in enumerate(spans):
                pg.evaluate(KEY_TO_HIGHLIGHT_JS, list(span))
                timed.times.clear()
                pg.keyboard.press("1")
                got = pg.evaluate("() => window.__keyResult")
                assert got.get("hl"), (span, got)
                deadline = time.perf_counter() + 2  # the server notes its time once the reply has left
                while not timed.times and time.perf_counter() < deadline:
                    time.sleep(0.005)
                if i >= 5:  # warm-up
                    early.append(got["early"] / 1000)
                    dom.append(got["dom"] / 1000)
                    drawn.append(got["drawn"] / 1000)
                    posts.append(timed.times[-1])
            b.close()
    finally:
        server.stop()
    return early, dom, drawn, ready, posts, first_byte, in_page


def print_key_to_highlight(app: Any, sid: str) -> None:
    early, dom, drawn, ready, posts, first_byte, in_page = browser_key_to_highlight(app, sid)
    print("\n| headless Chromium, large transcript | p50 ms | p90 ms | p95 ms | max ms | target | n |\n"
          "|---|---|---|---|---|---|---|")
    for label, values, target in [
        ("key 1 -> highlight drawn at once (provisional)", early, "p50 <= 50"),
        ("key 1 -> server's reply in the DOM", dom, ""),
        ("key 1 -> highlight from the server's reply drawn (next frame)", drawn, "p50 <= 50"),
        ("server time of that POST /api/segments", posts, ""),
        ("page interactive (goto -> script ready)", ready, "<= 1000"),
        ("  of which: navigation start -> first byte of the page (server render)", first_byte, ""),
        ("  navigation start -> script ready, timed in the page", in_page, ""),
    ]:
        print(f"| {label} | {pct(values, .5):.0f} | {pct(values, .9):.0f} | {pct(values, .95):.0f} | "
              f"{max(values) * 1000:.0f} | {target} | "
              f"{len(values)} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pg", help="PostgreSQL URL: also run on PostgreSQL (an empty database or schema)")
    ap.add_argument("--no-browser", action="store_true")
    ap.add_argument("--browser-only", action="store_true", help="only the Chromium figures (SQLite)")
    ap.add_argument("-n", type=int, default=500, help="codings to time per transport")
    args = ap.parse_args()
    locations = [("SQLite", str(Path(tempfile.mkdtemp()) / "bench.makna"))]
    schema = None
    if args.pg:
        import uuid

        import psycopg

        schema = f"bench_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(args.pg, autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA "{schema}"')
        sep = "&" if "?" in args.pg else "?"
        locations.append(("PostgreSQL", f"{args.pg}{sep}options=-csearch_path%3D{schema}"))
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    for label, location in locations:
        t = time.perf_counter()
        sid = build(location)
        print(f"\n## {label}: built 300,000 characters + 5,000 codings in {time.perf_counter() - t:.1f} s")
        app = create_app(location, token=TOKEN, coder="peneliti", lang="en")
        text_len = makna.get_source(app.state.project, sid).length
        if args.browser_only:
            print_key_to_highlight(app, sid)
            close_app(app)
            continue
        timed = Timed(app)
        print("\n| coding one segment (POST /api/segments) | server p50 ms | server p95 ms | client p50 ms | "
              "client p95 ms | n |\n|---|---|---|---|---|---|")
        server, client = asyncio.run(asgi_coding(app, timed, sid, args.n, text_len))
        print(row("httpx ASGI transport", server, client))
        server, client, page = uvicorn_coding(timed, sid, args.n, text_len)
        print(row("uvicorn on 127.0.0.1 (HTTP/1.1, keep-alive)", server, client))
        print(f"\nsource page over uvicorn: {page}")
        if not args.no_browser and label == "SQLite" and os.path.exists("/usr/bin/chromium"):
            runs = browser_open(app, sid)
            print("\n| headless Chromium, source page | run 1 | run 2 | run 3 |\n|---|---|---|---|")
            for key, name in [("response_end", "HTML received (responseEnd)"), ("dcl", "DOMContentLoaded"),
                              ("load", "load event"), ("ready", "script ready (wall, from goto)"),
                              ("picker", "selection -> picker shown"), ("open_to_picker", "goto -> picker shown"),
                              ("scroll", "scroll 40,000 px + 2 frames")]:
                print(f"| {name} | " + " | ".join(f"{r[key] * 1000:.0f} ms" for r in runs) + " |")
            print(f"\nmedian goto -> picker: {statistics.median(r['open_to_picker'] for r in runs) * 1000:.0f} ms")
            print_key_to_highlight(app, sid)
        close_app(app)
    if schema is not None:
        import psycopg

        with psycopg.connect(args.pg, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


if __name__ == "__main__":
    main()
