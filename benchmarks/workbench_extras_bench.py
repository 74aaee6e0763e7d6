"""Workbench extras benchmark (issue 13): the cost of margin stripes, the memo panel and recordings on
the large source of ``web_bench.py`` (300,000 characters, 5,000 codings by two coders, 40 codes).

1. Headless Chromium: page ready (script initialised) with and without the extras' scripts' work
   (the stripes on the first screen are drawn by then); drawing the stripes of every row near the
   viewport again (what a coding or a filter change costs); showing only one code (marks every
   highlight of the transcript); scrolling 40,000 px and 2 frames (rows drawn as they come near).
2. Server: the memo panel's list for the source (GET /api/memos?source=, 200 memos on segments) and
   a 1 MiB range of a 50 MB recording (GET /media/ID, Range), through httpx's ASGI transport.

Run: ``python benchmarks/workbench_extras_bench.py``; figures go to stdout.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests" / "web"))

from web_bench import TOKEN, build  # noqa: E402

import makna  # noqa: E402
from makna.web import close_app, create_app  # noqa: E402

FRAME_MS = 16.7


def browser(app: Any, sid: str, runs: int = 3) -> list[dict[str, float]]:
    from playwright.sync_api import sync_playwright
    from web_helpers import CHROMIUM, CHROMIUM_ARGS, LiveServer

    server = LiveServer(app)
    out = []
    try:
        with sync_playwright() as pw:
            b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            pg = b.new_context(viewport={"width": 1400, "height": 900}).new_page()
            pg.goto(f"{server.url}/?token={TOKEN}")
            for _ in range(runs):
                t = time.perf_counter()
                pg.goto(f"{server.url}/sources/{sid}")
                pg.wait_for_selector("body[data-ready='1']")
                pg.wait_for_selector(".stripe")
                ready = time.perf_counter() - t
                redraw = pg.evaluate("""() => { const t = performance.now(); window.makna.stripes.redraw();
                                        return performance.now() - t; }""")
                stripes = pg.evaluate("document.querySelectorAll('.stripe').length")
                only = pg.evaluate("""() => {
                    const code = JSON.parse(document.getElementById('page-data').textContent).codes[5].id;
                    const t = performance.now(); window.makna.stripes.setOnly(code);
                    const d = performance.now() - t; window.makna.stripes.setOnly(''); return d; }""")
                t3 = time.perf_counter()
                pg.mouse.wheel(0, 40000)
                pg.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
                scroll = time.perf_counter() - t3
                out.append({"ready": ready * 1000, "redraw": redraw, "stripes": stripes, "only": only,
                            "scroll": scroll * 1000})
            b.close()
    finally:
        server.stop()
    return out


async def server_side(app: Any, sid: str, folder: Path) -> dict[str, list[float]]:
    proj = app.state.project
    segs = makna.retrieve(proj, limit=200)
    for s in segs:
        makna.add_memo(proj, "segment", s.id, f"catatan tentang {s.code_name}")
    big = folder / "rekaman.mp3"
    with big.open("wb") as f:
        f.write(os.urandom(1024 * 1024) * 50)
    makna.link_media(proj, sid, big)
    out: dict[str, list[float]] = {"memos": [], "range": []}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://127.0.0.1") as c:
        await c.get(f"/?token={TOKEN}")
        for _ in range(20):
            t = time.perf_counter()
            r = await c.get(f"/api/memos?source={sid}")
            out["memos"].append((time.perf_counter() - t) * 1000)
            assert r.status_code == 200 and len(r.json()) == 200
        for i in range(20):
            a = i * 2 * 1024 * 1024
            t = time.perf_counter()
            r = await c.get(f"/media/{sid}", headers={"Range": f"bytes={a}-{a + 1024 * 1024 - 1}"})
            out["range"].append((time.perf_counter() - t) * 1000)
            assert r.status_code == 206 and len(r.content) == 1024 * 1024
    return out


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    location = str(folder / "bench.makna")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    t = time.perf_counter()
    sid = build(location)
    print(f"built 300,000 characters + 5,000 codings in {time.perf_counter() - t:.1f} s\n")
    app = create_app(location, token=TOKEN, coder="peneliti", lang="en")
    try:
        if os.path.exists("/usr/bin/chromium"):
            runs = browser(app, sid)
            print("| headless Chromium, 1400x900 | " + " | ".join(f"run {i + 1}" for i in range(len(runs))) + " |")
            print("|---|" + "---|" * len(runs))
            for key, name in [("ready", "goto -> ready, first stripes drawn"),
                              ("redraw", "redraw stripes near view"),
                              ("only", "show only one code (whole transcript)"),
                              ("scroll", "scroll 40,000 px + 2 frames")]:
                print(f"| {name} | " + " | ".join(f"{r[key]:.0f} ms" for r in runs) + " |")
            print(f"\nstripes near the viewport: {runs[0]['stripes']}; median redraw "
                  f"{statistics.median(r['redraw'] for r in runs):.1f} ms (floor: one frame, {FRAME_MS} ms)")
        got = asyncio.run(server_side(app, sid, folder))
        for key, name in [("memos", "memo panel list, 200 segment memos"), ("range", "1 MiB range of a 50 MB file")]:
            v = sorted(got[key])
            print(f"{name}: p50 {v[len(v) // 2]:.1f} ms, p95 {v[int(len(v) * .95)]:.1f} ms (n={len(v)})")
    finally:
        close_app(app)


if __name__ == "__main__":
    main()
