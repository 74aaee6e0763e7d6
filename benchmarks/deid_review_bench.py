"""The de-identification review in the browser with 2,000 detections (#11, review).

A project of 20 synthetic transcripts holding about 2,000 detections (names, phone numbers, places);
in headless Chromium, the /deid page with every detection listed (200 a page, and all 2,000 on one
page), then the keys of a review timed from the key's event to:

- ``j`` -> the next row focused, and drawn (the next frame);
- ``a`` / ``r`` -> the counts changed (the row's source line and the page's totals), drawn; -> the
  next row focused; -> the server's answer (the decision saved);
- ``e`` -> the span editor drawn; ``Shift+ArrowRight`` (the end a word on) -> its preview drawn;
  ``Enter`` -> the corrected span saved and drawn in the row.

Run: ``python benchmarks/deid_review_bench.py [--presses 60]``; prints Markdown tables (p50, p95).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import makna
from makna.privacy.project import scan
from makna.web import close_app, create_app

TOKEN = "bench-token-" + "x" * 32
FIRST = ("Siti Rahmawati", "Rina Kartika", "Dewi Lestari", "Yudi Pratama", "Rosa Amelia", "Bayu Saputra",
         "Nur Aisyah", "Hendra Gunawan", "Fitri Handayani", "Andi Wijaya")
PLACES = ("Padang", "Bukittinggi", "Payakumbuh", "Solok", "Pariaman", "Sawahlunto")
FILLER = ("jadi waktu itu aku cerita sama kawan", "katanya nanti kita ketemu di sana", "aku nggak tahu juga",
          "terus dia bilang jangan khawatir", "ya begitulah kak, susah juga")


def transcript(rng: random.Random, lines: int) -> str:
    out = ["P: Boleh cerita sedikit?"]
    for _ in range(lines):
        phone = f"08{rng.randint(11, 59)}-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}"
        out.append(f"I: {rng.choice(FILLER).capitalize()}, kata Bu {rng.choice(FIRST)} dari {rng.choice(PLACES)}. "
                   f"Nomornya {phone}, {rng.choice(FILLER)}.")
        out.append(f"P: {rng.choice(FILLER).capitalize()}?")
    return "\n".join(out) + "\n"


def build(location: str, target: int = 2000, sources: int = 20) -> int:
    rng = random.Random(7)
    with makna.create_project(location, "Review benchmark", coder="peneliti") as p:
        for i in range(sources):
            makna.import_text(p, f"wawancara-{i + 1:02}.txt", transcript(rng, target // sources // 3 + 1),
                              language="id")
        return scan(p).detections


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[round(q * 100) - 1] if len(values) > 1 else values[0]


WATCH_JS = """(names) => { window.__t = new Promise((resolve) => {
    const t = {}; const want = new Set(names);
    document.addEventListener('keydown', (e) => { t.key = e.timeStamp; }, {capture: true, once: true});
    const give_up = setTimeout(() => resolve({error: 'timed out', t}), 8000);
    const note = (name) => (ev) => {
        t[name] = performance.now();
        requestAnimationFrame(() => setTimeout(() => {
            t[name + '_drawn'] = performance.now();
            want.delete(name);
            if (!want.size) { clearTimeout(give_up); const out = {};
                for (const k of Object.keys(t)) if (k !== 'key') out[k] = t[k] - t.key; resolve(out); }
        }, 0));
    };
    for (const n of names) document.addEventListener('makna:deid-' + n, note(n), {once: true});
}); return new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 30)))); }"""

EDITOR_JS = """(what) => { window.__t = new Promise((resolve) => {
    const t = {};
    const mark = () => document.querySelector('.span-editor .preview mark').textContent;
    const finish = () => requestAnimationFrame(() => setTimeout(() => resolve({drawn: performance.now() - t.key}), 0));
    document.addEventListener('keydown', (e) => { t.key = e.timeStamp; }, {capture: true, once: true});
    const give_up = setTimeout(() => resolve({error: 'timed out'}), 5000);
    const check = () => {
        const ok = t.key === undefined ? false
                 : what === 'open' ? !document.getElementById('editor').hidden
                 : what === 'moved' ? window.__before !== mark()
                 : false;
        if (ok) { finish(); return; }
        setTimeout(check, 0);
    };
    if (what === 'saved') document.addEventListener('makna:deid-saved', finish, {once: true});
    else setTimeout(check, 0);
}); const m = document.querySelector('.span-editor .preview mark'); window.__before = m ? m.textContent : null;
return new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 30)))); }"""


def run(app: Any, presses: int, size: int) -> dict[str, list[float]]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "web"))
    from playwright.sync_api import sync_playwright
    from web_helpers import CHROMIUM, CHROMIUM_ARGS, LiveServer

    out: dict[str, list[float]] = {}
    server = LiveServer(app)
    try:
        with sync_playwright() as pw:
            b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            pg = b.new_context(viewport={"width": 1400, "height": 900}).new_page()
            pg.goto(f"{server.url}/?token={TOKEN}")
            for _ in range(3):
                t = time.perf_counter()
                pg.goto(f"{server.url}/deid?status=all&size={size}")
                pg.wait_for_selector("body[data-ready='1']")
                out.setdefault("page ready (goto -> script ready)", []).append(time.perf_counter() - t)
            out["rows on the page"] = [pg.locator("#detections tr[data-id]").count() / 1000]
            pg.keyboard.press("j")
            for i in range(presses):
                key = "ar"[i % 2] if i % 3 else "j"
                names = ["moved"] if key == "j" else ["counted", "moved", "saved"]
                pg.evaluate(WATCH_JS, names)
                pg.keyboard.press(key)
                got = pg.evaluate("() => window.__t")
                assert "error" not in got, got
                if i < 5:
                    continue
                if key == "j":
                    out.setdefault("j -> next row focused, drawn", []).append(got["moved_drawn"] / 1000)
                else:
                    out.setdefault("a/r -> counts changed, drawn", []).append(got["counted_drawn"] / 1000)
                    out.setdefault("a/r -> next row focused, drawn", []).append(got["moved_drawn"] / 1000)
                    out.setdefault("a/r -> decision saved (server's answer)", []).append(got["saved"] / 1000)
            for i in range(max(6, presses // 4)):
                pg.keyboard.press("j")
                for key, what, label in [("e", "open", "e -> span editor drawn"),
                                         ("Shift+ArrowRight", "moved", "Shift+→ -> preview drawn"),
                                         ("Enter", "saved", "Enter -> corrected span saved, drawn")]:
                    pg.evaluate(EDITOR_JS, what)
                    pg.keyboard.press(key)
                    got = pg.evaluate("() => window.__t")
                    if "error" in got:
                        out.setdefault("editor steps that failed", []).append(1.0)
                        pg.keyboard.press("Escape")
                        break
                    if i >= 2:
                        out.setdefault(label, []).append(got["drawn"] / 1000)
            b.close()
    finally:
        server.stop()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--presses", type=int, default=60)
    ap.add_argument("--sizes", default="200,2000", help="detections a page, comma-separated")
    args = ap.parse_args()
    for size in map(int, args.sizes.split(",")):  # each on a fresh project: every detection pending
        location = str(Path(tempfile.mkdtemp()) / "review.makna")
        t = time.perf_counter()
        n = build(location)
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}; "
              f"{n} detections in 20 sources, built and scanned in {time.perf_counter() - t:.1f} s")
        app = create_app(location, token=TOKEN, coder="peneliti", lang="en")
        try:
            figures = run(app, args.presses, size)
        finally:
            close_app(app)
        rows = figures.pop("rows on the page")[0] * 1000
        print(f"\n### {rows:.0f} detections on the page (size={size}); load {os.getloadavg()[0]:.1f}\n\n"
              "| headless Chromium | p50 ms | p95 ms | max ms | n |\n|---|---|---|---|---|")
        for label, values in figures.items():
            print(f"| {label} | {pct(values, .5) * 1000:.0f} | {pct(values, .95) * 1000:.0f} | "
                  f"{max(values) * 1000:.0f} | {len(values)} |")


if __name__ == "__main__":
    main()
