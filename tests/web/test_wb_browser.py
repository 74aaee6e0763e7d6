"""The workbench's header and instant feedback (#13), in headless Chromium: the header is one row from
800 px up in English and Indonesian, its secondary pages sit in a keyboard-usable "More" menu; a new
coding changes only the row it is on (highlight at once; margin stripes after the highlight is on
screen); the undo toast speaks the page's language. Screenshots go to test-artifacts/web/."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect
from web_helpers import ARTIFACTS, CHROMIUM, TEXT, TOKEN, LiveServer, build_sample, serve_workbench

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)"),
]

PAGES = {"en": ["Home", "Import", "Codebook", "Retrieval", "Cases", "Search", "Analysis", "De-identification",
                "Agreement", "Export", "Rounds", "Suggestions"],
         "id": ["Beranda", "Impor", "Buku kode", "Penelusuran", "Kasus", "Cari", "Analisis", "De-identifikasi",
                "Kesepakatan", "Ekspor", "Putaran", "Saran kode"]}
ONE_ROW = """() => {
  const h = document.querySelector('header.top');
  const shown = [...h.querySelectorAll(':scope > *, nav > a, nav > details')].filter((e) => e.getClientRects().length);
  const mid = (e) => { const r = e.getBoundingClientRect(); return r.top + r.height / 2; };
  const m0 = mid(h);
  return { offRow: shown.filter((e) => Math.abs(mid(e) - m0) > 6).map((e) => e.className || e.tagName),
           overflow: h.scrollWidth - h.clientWidth, page: document.documentElement.scrollWidth - innerWidth,
           wrapped: [...h.querySelectorAll('a, summary')].filter((a) => a.getClientRects().length > 1).length,
           height: h.getBoundingClientRect().height };
}"""


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Any, LiveServer]]:
    location = str(tmp_path / "study.makna")
    # a long project name must not push the header to two rows
    build_sample(location, name="Wawancara pekerja dan pelanggan di Padang, putaran kedua")
    with serve_workbench(location, lang=None) as served:
        yield served


def _open(browser: Any, server: LiveServer, width: int, lang: str, errors: list[str]) -> Any:
    context = browser.new_context(viewport={"width": width, "height": 860},
                                  locale="id-ID" if lang == "id" else "en-US")
    pg = context.new_page()
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.goto(f"{server.url}/?token={TOKEN}")
    context.add_cookies([{"name": "makna_lang", "value": lang, "url": server.url}])
    return pg


def _shot(pg: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / name), full_page=False)


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("width", [800, 1024, 1100, 1280, 1440, 1600, 1920])
def test_header_is_one_row_and_every_page_is_reachable(browser: Any, served: tuple[Any, LiveServer], width: int,
                                                       lang: str) -> None:
    errors: list[str] = []
    pg = _open(browser, served[1], width, lang, errors)
    for path in ("/", "/codebook", "/deid", "/rounds"):
        pg.goto(served[1].url + path)
        got = pg.evaluate(ONE_ROW)
        assert got["offRow"] == [] and got["overflow"] <= 0 and got["page"] <= 0 and got["wrapped"] == 0, (path, got)
        assert got["height"] < 60, (path, got)
    # every page: a link in the bar, or one in the "More" menu (then shown inside the window once opened)
    more = pg.locator("#nav-more > summary")
    for name in PAGES[lang]:
        bar = pg.locator("header nav > a", has_text=name)
        if bar.is_visible():
            box = bar.bounding_box()
            assert box and box["x"] + box["width"] <= width, name
            continue
        assert more.is_visible(), name
        more.click()
        item = pg.locator("#nav-more .more-menu a", has_text=name)
        expect(item).to_be_visible()
        box = item.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, name
        more.click()
        expect(item).to_be_hidden()
    if width >= 1600:
        assert not more.is_visible()  # room for every page in the bar
    if width in (800, 1440):
        if more.is_visible():
            more.click()
        _shot(pg, f"header-{lang}-{width}.png")
    pg.context.close()
    assert not errors, errors


@pytest.mark.parametrize("width", [390, 640])
def test_below_800_px_the_header_wraps_instead_of_running_off_screen(browser: Any, served: tuple[Any, LiveServer],
                                                                     width: int) -> None:
    """A phone or a narrow split-screen window: the one-row rule starts at 800 px; below it the header
    may take more rows, but every item of it stays inside the window."""
    errors: list[str] = []
    pg = _open(browser, served[1], width, "id", errors)
    for path in ("/", "/codebook"):
        pg.goto(served[1].url + path)
        outside = pg.evaluate("""() => [...document.querySelectorAll('header.top > *, header nav > a, header nav > details')]
            .filter((e) => e.getClientRects().length && e.getBoundingClientRect().right > innerWidth + 1)
            .map((e) => e.className || e.tagName)""")
        assert outside == [], (path, outside)
    pg.context.close()
    assert not errors, errors


def test_more_menu_by_keyboard(browser: Any, served: tuple[Any, LiveServer]) -> None:
    errors: list[str] = []
    pg = _open(browser, served[1], 800, "en", errors)
    pg.goto(served[1].url + "/agreement")
    summary = pg.locator("#nav-more > summary")
    # the page shown lives in the menu: "More" is marked as the current place
    assert summary.get_attribute("data-tier") == "2"
    assert pg.locator("#nav-more .more-menu a[aria-current=page]").text_content() == "Agreement"
    summary.focus()
    pg.keyboard.press("Enter")
    expect(pg.locator("#nav-more .more-menu")).to_be_visible()
    pg.keyboard.press("Tab")
    assert pg.evaluate("document.activeElement.textContent") == "Import"
    pg.keyboard.press("Escape")
    expect(pg.locator("#nav-more .more-menu")).to_be_hidden()
    assert pg.evaluate("document.activeElement.tagName") == "SUMMARY"
    pg.keyboard.press("Space")
    expect(pg.locator("#nav-more .more-menu")).to_be_visible()
    pg.locator("#nav-more .more-menu a", has_text="Export").click()
    pg.wait_for_url("**/export")
    assert pg.locator("#nav-more .more-menu a[aria-current=page]").text_content() == "Export"
    pg.context.close()
    assert not errors, errors


@pytest.mark.parametrize(("width", "path", "cue"), [
    (800, "/agreement", "Agreement"), (1280, "/agreement", None), (1280, "/rounds", "Rounds"), (800, "/", None)])
def test_more_says_when_it_holds_the_current_page(browser: Any, served: tuple[Any, LiveServer], width: int,
                                                  path: str, cue: str | None) -> None:
    """A screen reader hears that "More" holds the page shown (only while the page's link is in
    the menu, not in the bar), and the menu's link is marked as the current page."""
    errors: list[str] = []
    pg = _open(browser, served[1], width, "en", errors)
    pg.goto(served[1].url + path)
    summary = pg.locator("#nav-more > summary")
    if cue is None:
        expect(summary).not_to_have_accessible_name(re.compile("current page"))
    else:
        expect(summary).to_have_accessible_name(re.compile(rf"^More\W*\(current page: {cue}\)"))
        summary.click()
        current = pg.locator("#nav-more .more-menu a[aria-current=page]")
        expect(current).to_be_visible()
        expect(current).to_have_text(cue)
    pg.context.close()
    assert not errors, errors


# ----------------------------------------------------------------------------- instant feedback
WATCH = """() => {
  window.__rows = new Set(); window.__order = [];
  const text = document.getElementById('text');
  new MutationObserver((records) => {
    for (const r of records) { const row = r.target.closest && r.target.closest('.row'); if (row) window.__rows.add(row.id); }
  }).observe(text, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['class'] });
  document.addEventListener('makna:painted', (e) => window.__order.push(['painted', e.detail.provisional]));
  document.addEventListener('makna:segments', (e) => window.__order.push(['segments', e.detail.start, e.detail.end]));
}"""


def test_a_coding_changes_only_its_row(browser: Any, served: tuple[Any, LiveServer]) -> None:
    app, server = served
    errors: list[str] = []
    pg = _open(browser, server, 1440, "en", errors)
    pg.click("table.list a")
    pg.wait_for_selector("body[data-ready='1']")
    expect(pg.locator(".stripe").first).to_be_visible()  # the margin is drawn after the page is ready
    turns = pg.evaluate("[...document.querySelectorAll('#text > .row')].map((r) => r.id)")
    assert len(turns) >= 4
    # the memo panel loads after the first paint and its reply redraws every stripe; the other rows'
    # stripes are drawn in idle time: let both finish before watching what a coding touches
    pg.wait_for_load_state("networkidle")
    for _ in range(2):
        pg.evaluate("() => new Promise((r) => requestIdleCallback(() => requestAnimationFrame(() => r())))")
    pg.evaluate(WATCH)
    phrase = "toko baju"
    start = TEXT.index(phrase)
    pg.evaluate("([a, b]) => window.makna.setSelection(a, b)", [start, start + len(phrase)])
    pg.keyboard.press("1")
    expect(pg.locator("#toast")).to_contain_text("Coded")
    pg.wait_for_function("window.__order.some((x) => x[0] === 'segments')")
    pg.wait_for_timeout(300)
    row = pg.evaluate(f"document.querySelector('#text [data-s=\"{start}\"]').closest('.row').id")
    # the highlight is drawn at once and again from the reply; stripes and counts follow, once, for that span
    order = pg.evaluate("window.__order")
    assert order[:2] == [["painted", True], ["painted", False]], order
    assert order[2:] == [["segments", start, start + len(phrase)]], order
    assert pg.evaluate("[...window.__rows]") == [row]  # no other row of the transcript was touched
    expect(pg.locator(f"#{row} .stripe").first).to_be_visible()
    pg.context.close()
    assert not errors, errors


def test_undo_toast_in_the_pages_language(browser: Any, served: tuple[Any, LiveServer]) -> None:
    _, server = served
    errors: list[str] = []
    pg = _open(browser, server, 1280, "id", errors)
    pg.click("table.list a")
    pg.wait_for_selector("body[data-ready='1']")
    phrase = "toko baju"
    start = TEXT.index(phrase)
    pg.evaluate("([a, b]) => window.makna.setSelection(a, b)", [start, start + len(phrase)])
    pg.keyboard.press("Enter")  # the picker (key 1 would also pin the keys: a second undoable step)
    pg.fill("#picker-input", "Emosi")
    pg.keyboard.press("Enter")
    expect(pg.locator("#toast")).to_contain_text("Dikodekan")
    pg.evaluate("document.activeElement && document.activeElement.blur()")
    with pg.expect_navigation():
        pg.keyboard.press("Control+z")
    pg.wait_for_selector("body[data-ready='1']")
    expect(pg.locator("#toast")).to_have_text("Dibatalkan: mengodekan segmen")
    pg.context.close()
    assert not errors, errors


@pytest.mark.parametrize("width", [800, 1440])
def test_pages_fit_and_screenshots(browser: Any, served: tuple[Any, LiveServer], width: int) -> None:
    """The workbench's main pages at 800 and 1440 px: no horizontal scroll, the header one row."""
    errors: list[str] = []
    pg = _open(browser, served[1], width, "en", errors)
    pg.click("table.list a")
    pg.wait_for_selector("body[data-ready='1']")
    expect(pg.locator(".stripe").first).to_be_attached()
    expect(pg.locator("#memo-list li").first).to_be_attached()
    source = pg.url
    # the memo panel beside the transcript (in the drawer below 1100 px), with a memo written there
    if width < 1100:
        pg.click("#drawer-toggle")
    pg.fill("#memo-text", "Ani bercerita dengan terbuka tentang pekerjaannya.")
    pg.click("#memo-new button[type=submit]")
    expect(pg.locator("#memo-list li.memo")).to_have_count(1)
    pg.locator("#memo-panel").scroll_into_view_if_needed()
    _shot(pg, f"wb-memos-{width}.png")
    for name, path in (("source", source), ("codebook", "/codebook"), ("retrieval", "/retrieve?code=emosi"),
                       ("import", "/import"), ("home", "/")):
        pg.goto(path if path.startswith("http") else served[1].url + path)
        got = pg.evaluate(ONE_ROW)
        assert got["page"] <= 0 and got["offRow"] == [], (name, got)
        _shot(pg, f"wb-{name}-{width}.png")
    pg.context.close()
    assert not errors, errors
