"""From a highlight to the coding drawn from the server's reply, measured in the page with performance.now()
(trial8). Start `makna serve --no-browser > serve.log` on the trial8 study (coded after de-identification), then
python benchmarks/trial8/coding_latency.py serve.log (Playwright, Debian's /usr/bin/chromium).
"""

# ruff: noqa: E501, W291
import re
import sys

from playwright.sync_api import sync_playwright

url = re.search(r"http://\S+", open(sys.argv[1] if len(sys.argv) > 1 else "serve.log").read()).group(0)
base = url.split("/?")[0]
jobs = [
    ("informant-07-en.txt", "For the kids", "Demi anak"),
    ("informan-04.srt", "Supaya utang lunas", "Demi anak"),
    ("informan-02.txt", "Saya catat di buku", "Bunga"),
    ("wa-informan-03.txt", "Demi anak sekolah", "Demi anak"),
]
with sync_playwright() as p:
    b = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
    pg = b.new_page(locale="en-GB")
    errs = []
    pg.on("pageerror", lambda e: errs.append(str(e)))
    pg.on("console", lambda m: m.type == "error" and errs.append(m.text))
    pg.goto(url)
    pg.wait_for_load_state("networkidle")
    srcs = pg.evaluate("fetch('/api/sources').then(r=>r.json())")
    items = srcs if isinstance(srcs, list) else srcs.get("items", srcs.get("sources", []))
    ids = {s["name"]: s["id"] for s in items}
    for name, phrase, codeq in jobs:
        pg.goto(f"{base}/sources/{ids[name]}")
        pg.wait_for_load_state("networkidle")
        pg.evaluate("""() => { window.__t = {}; 
          document.addEventListener('keydown', e => { if (e.key==='Enter' && !window.__t.enter) window.__t.enter = performance.now(); }, true);
          document.addEventListener('makna:painted', e => { const k = e.detail.provisional ? 'prov' : 'final'; if (!window.__t[k]) window.__t[k] = performance.now(); });
          new MutationObserver(() => { const t=[...document.querySelectorAll('.toast, [role=status], #toast')].map(x=>x.textContent).join('|'); if (/Coded|Dikode/.test(t) && !window.__t.toast) window.__t.toast = performance.now(); }).observe(document.body, {subtree:true, childList:true, characterData:true}); }""")
        loc = pg.locator("#text").get_by_text(phrase, exact=False).first
        box = loc.bounding_box()
        # select the phrase via a DOM range on the text node
        pg.evaluate(
            """(ph) => { const w = document.createTreeWalker(document.getElementById('text'), NodeFilter.SHOW_TEXT);
            let n; while ((n = w.nextNode())) { const i = n.data.indexOf(ph); if (i >= 0) { const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + ph.length);
              const s = getSelection(); s.removeAllRanges(); s.addRange(r); n.parentElement.dispatchEvent(new MouseEvent('mouseup', {bubbles:true})); return true; } } return false; }""",
            phrase,
        )
        pg.wait_for_timeout(500)
        vis = pg.is_visible("#picker")
        if not vis:
            pg.keyboard.press("Enter")
            pg.wait_for_timeout(300)
        pg.fill("#picker-input", codeq)
        pg.wait_for_timeout(300)
        pg.press("#picker-input", "Enter")
        pg.wait_for_timeout(1500)
        t = pg.evaluate("window.__t")
        base_t = t.get("enter")
        print(
            name,
            "picker-opened-by-mouseup=",
            vis,
            {k: round(v - base_t, 1) for k, v in t.items() if base_t},
            "toast:",
            pg.evaluate(
                "[...document.querySelectorAll('.toast,#toast,[role=status]')].map(x=>x.textContent).join('|')"
            )[:100],
        )
    print("ERR", errs)
    b.close()
