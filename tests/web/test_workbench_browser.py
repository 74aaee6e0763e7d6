"""The workbench for a full day of coding (#13), in headless Chromium: pinned quick codes that stay on
their keys, keyboard-only coding, a coding drawn from the server's reply without re-reading the source,
the layout from 800 px, and the defects of the issue (retrieval without sub-codes, error forms that keep
their input, the codebook key pattern, the charts' coder filter, search context inside a turn, CSV
exports, translated activity, coefficients and unit labels). Screenshots at 800 and 1440 px go to
test-artifacts/web/."""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect
from web_helpers import ARTIFACTS, CHROMIUM, SOURCE, TEXT, TOKEN, LiveServer, build_sample, serve_workbench

import makna

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)"),
]


def _serve(location: str, lang: str | None = "en") -> Iterator[tuple[Any, LiveServer]]:
    with serve_workbench(location, lang=lang) as served:
        yield served


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Any, LiveServer]]:
    location = str(tmp_path / "study.makna")
    build_sample(location)
    yield from _serve(location)


@pytest.fixture
def errors() -> list[str]:
    return []


def _context(browser: Any, server: LiveServer, errors: list[str], width: int = 1280, lang: str = "en") -> Any:
    context = browser.new_context(viewport={"width": width, "height": 860}, accept_downloads=True,
                                  locale="id-ID" if lang == "id" else "en-US")
    pg = context.new_page()
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.goto(f"{server.url}/?token={TOKEN}")
    return context, pg


@pytest.fixture
def page(browser: Any, served: tuple[Any, LiveServer], errors: list[str]) -> Iterator[Any]:
    context, pg = _context(browser, served[1], errors)
    yield pg
    context.close()
    assert not errors, errors


def shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


def _source(page: Any, query: str = "") -> None:
    page.click("table.list a")
    page.wait_for_selector("body[data-ready='1']")
    if query:
        page.goto(page.url + query)
        page.wait_for_selector("body[data-ready='1']")


def _select(page: Any, phrase: str) -> None:
    """Select ``phrase`` in the transcript as a mouse would (a DOM Range over text nodes)."""
    page.evaluate(
        """(phrase) => {
            const root = document.getElementById('text');
            const walker = document.createTreeWalker(root.querySelector('.cell') ? root : root, NodeFilter.SHOW_TEXT);
            const nodes = []; let all = '';
            while (walker.nextNode()) { nodes.push([walker.currentNode, all.length]); all += walker.currentNode.data; }
            const at = all.indexOf(phrase);
            if (at < 0) throw new Error('phrase not found');
            const locate = (pos) => { for (const [n, off] of nodes) if (pos <= off + n.data.length) return [n, pos - off]; };
            const [sn, so] = locate(at); const [en, eo] = locate(at + phrase.length);
            const r = document.createRange(); r.setStart(sn, so); r.setEnd(en, eo);
            const sel = getSelection(); sel.removeAllRanges(); sel.addRange(r);
            root.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
        }""",
        phrase,
    )


def _until(check: Any, seconds: float = 5) -> None:
    import time

    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def _codings(app: Any, coder: str = "tester") -> list[tuple[str, str]]:
    return sorted((s.code_key, s.text) for s in makna.retrieve(app.state.project, coder=coder))


# ----------------------------------------------------------------------------- pinned quick codes
def test_quick_codes_stay_on_their_keys_after_coding_and_reload(page: Any, served: tuple[Any, LiveServer]) -> None:
    app, _ = served
    _source(page)
    page.click("#keys-edit")
    page.select_option("select[name=k5]", label="Tempat")
    page.select_option("select[name=k1]", label="Pekerjaan")
    page.click("#keys-save")
    expect(page.locator("#codelist li:has-text('Tempat') kbd")).to_have_text("5")
    _select(page, "toko baju")
    page.keyboard.press("5")
    expect(page.locator("#toast")).to_contain_text("Coded: Tempat")
    # usage changes (another code used twice), the page is loaded again: 5 is still Tempat
    for phrase in ("jualan daring", "Sama-sama"):
        _select(page, phrase)
        page.keyboard.press("1")
        expect(page.locator("#toast")).to_contain_text("Coded: Pekerjaan")
        page.wait_for_selector("#picker[hidden]", state="attached")
    page.reload()
    page.wait_for_selector("body[data-ready='1']")
    expect(page.locator("#codelist li:has-text('Tempat') kbd")).to_have_text("5")
    _select(page, "Alhamdulillah")
    page.keyboard.press("5")
    expect(page.locator("#toast")).to_contain_text("Coded: Tempat")
    assert ("tempat", "Alhamdulillah") in _codings(app)
    # the choice is kept in the project, per coder
    qc = makna.quick_codes(app.state.project)
    assert qc.chosen and qc.codes[4] == makna.get_code(app.state.project, "tempat").id


def test_default_keys_are_fixed_by_the_first_use(page: Any, served: tuple[Any, LiveServer]) -> None:
    app, _ = served
    _source(page)
    assert not makna.quick_codes(app.state.project).chosen
    _select(page, "toko baju")
    page.keyboard.press("3")
    expect(page.locator("#toast")).to_contain_text("Coded: Tempat")
    # the page saves the layout beside the coding (its own request): wait for it, then it is fixed
    for _ in range(50):
        if makna.quick_codes(app.state.project).chosen:
            break
        page.wait_for_timeout(100)
    assert makna.quick_codes(app.state.project).chosen  # a new code or more usage cannot move them now
    makna.add_code(app.state.project, "aaa", "Aaa", root=True)
    page.reload()
    page.wait_for_selector("body[data-ready='1']")
    expect(page.locator("#codelist li:has-text('Tempat') kbd")).to_have_text("3")


# ----------------------------------------------------------------------------- instant feedback
def test_a_coding_is_drawn_from_the_reply_without_reading_the_source_again(page: Any) -> None:
    _source(page)
    page.wait_for_load_state("networkidle")  # the side panels (memos, recording) load once on opening
    requests: list[str] = []
    page.on("request", lambda r: requests.append(f"{r.method} {r.url.split('/', 3)[3]}"))
    _select(page, "toko baju")
    page.fill("#picker-input", "Pekerjaan")
    page.keyboard.press("Enter")
    expect(page.locator("#toast")).to_contain_text("Coded: Pekerjaan")
    start = TEXT.index("toko baju")
    leaf = page.locator(f"#text [data-s='{start}']")
    expect(leaf).to_have_class(re.compile(r"\bhl\b"))
    assert leaf.inner_text() == "toko baju"
    assert requests == ["POST api/segments"], requests
    # the margin stripe of the new code is drawn too, and removing redraws without a fetch
    expect(page.locator(f"#text .row:has([data-s='{start}']) .stripe[aria-label='Pekerjaan']")).to_have_count(1)
    leaf.click()
    page.click("#popover button:has-text('Remove')")
    expect(page.locator("#toast")).to_contain_text("Removed")
    expect(page.locator(f"#text [data-s='{start}']")).to_have_count(0)
    assert [r for r in requests if "rows" in r or r.startswith("GET api/sources")] == []


# ----------------------------------------------------------------------------- keyboard-only coding
def test_keyboard_only_coding(page: Any, served: tuple[Any, LiveServer]) -> None:
    app, _ = served
    _source(page)
    text = page.locator("#text")
    assert text.get_attribute("tabindex") == "0" and "Transcript" in (text.get_attribute("aria-label") or "")
    text.focus()
    i = TEXT.index("Dulu saya")
    page.evaluate(f"() => window.makna.setSelection({i}, {i})")
    # a word at a time with Ctrl+Shift+Right; the first Shift+Arrow does not open the picker
    page.keyboard.press("Shift+ArrowRight")
    assert page.locator("#picker").is_hidden()
    page.keyboard.press("Shift+ArrowLeft")
    for _ in range(2):
        page.keyboard.press("Control+Shift+ArrowRight")
    assert page.locator("#picker").is_hidden()
    assert page.evaluate("() => getSelection().toString()") == "Dulu saya"
    caret_outline = page.evaluate("() => getComputedStyle(document.getElementById('text')).outlineStyle")
    assert caret_outline != "none"  # visible focus
    page.keyboard.press("Enter")
    page.wait_for_selector("#picker:not([hidden])")
    assert page.evaluate("() => document.activeElement.id") == "picker-input"
    page.keyboard.type("Pekerja")
    page.keyboard.press("Enter")
    expect(page.locator("#toast")).to_contain_text("Coded: Pekerjaan")
    assert page.evaluate("() => document.activeElement.id") == "text"  # back in the transcript
    assert ("kerja", "Dulu saya") in _codings(app)
    # sentence by sentence (Shift+Down) and a digit key
    j = TEXT.index("Kami ngobrol")
    page.evaluate(f"() => window.makna.setSelection({j}, {j})")
    page.keyboard.press("Shift+ArrowDown")
    assert page.evaluate("() => getSelection().toString()") == "Kami ngobrol di warung kopi dekat pasar."
    page.keyboard.press("3")
    expect(page.locator("#toast")).to_contain_text("Coded: Tempat")
    # a whole turn: Ctrl+Shift+Down from the start of its words
    k = TEXT.index("Terima kasih")
    page.evaluate(f"() => window.makna.setSelection({k}, {k})")
    page.keyboard.press("Control+Shift+ArrowDown")
    assert page.evaluate("() => getSelection().toString()") == "Terima kasih 🙏 sudah mau cerita."
    page.keyboard.press("Escape")
    shot(page, "source-keyboard")


def test_keyboard_menu_recodes_resizes_memos_and_removes(page: Any, served: tuple[Any, LiveServer]) -> None:
    app, _ = served
    _source(page)
    page.locator("#text").focus()
    page.evaluate("() => window.makna.setSelection(0, 0)")
    page.keyboard.press("n")  # the first coding: "saya senang sekali" (Senang)
    assert page.evaluate("() => getSelection().toString()") == "saya senang sekali"
    page.keyboard.press("m")
    page.wait_for_selector("#popover:not([hidden])")
    assert page.locator("#popover").get_attribute("role") == "dialog"
    focused = page.evaluate("() => document.activeElement.closest('#popover') !== null")
    assert focused
    # recode through the picker
    page.locator("#popover button.recode").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#picker:not([hidden])")
    page.keyboard.type("Tempat")
    page.keyboard.press("Enter")
    expect(page.locator("#toast")).to_contain_text("Saved")
    assert ("tempat", "saya senang sekali") in _codings(app)
    # resize: the end moves by words, Enter saves
    page.evaluate("() => window.makna.setSelection(0, 0)")
    page.keyboard.press("n")
    page.keyboard.press("m")
    page.locator("#popover button.resize").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Control+Shift+ArrowRight")
    page.keyboard.press("Enter")
    expect(page.locator("#toast")).to_contain_text("Saved")
    assert ("tempat", "saya senang sekali ketemu") in _codings(app)
    # memo and remove, without the mouse
    page.keyboard.press("m")
    page.wait_for_selector("#popover:not([hidden])")
    page.locator("#popover textarea").focus()
    page.keyboard.type("ketemu lagi")
    page.locator("#popover button:has-text('Save memo')").focus()
    page.keyboard.press("Enter")
    _until(lambda: "ketemu lagi" in [s.memo for s in makna.retrieve(app.state.project, coder="tester")])
    page.locator("#popover button:has-text('Remove')").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#toast")).to_contain_text("Removed")
    assert _codings(app) == [("tempat", "warung kopi dekat pasar")]


# ----------------------------------------------------------------------------- layout
@pytest.mark.parametrize("width", [800, 1280, 1440])
def test_layout_has_no_horizontal_scroll(browser: Any, served: tuple[Any, LiveServer], errors: list[str],
                                         width: int) -> None:
    context, pg = _context(browser, served[1], errors, width=width)
    for path in ("/", "/codebook", "/retrieve?code=emosi", "/cases", "/search?q=kopi", "/analysis", "/deid",
                 "/agreement?run=true&unit=sentence", "/export"):
        pg.goto(served[1].url + path)
        over = pg.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert over <= 0, (path, over)
        for name in ("Agreement", "Export"):  # in the bar, or in its "More" menu below 1100 px
            link = pg.locator(f"header nav > a:has-text('{name}')")
            if width < 1100:
                assert link.is_hidden() and pg.locator(f"#nav-more .more-menu a:has-text('{name}')").count() == 1
                continue
            box = link.bounding_box()
            assert box and box["x"] + box["width"] <= width
        heights = pg.evaluate("() => [...document.querySelectorAll('header nav a')].filter(a => a.getClientRects().length)"
                              ".map(a => a.getClientRects().length)")
        assert set(heights) == {1}  # no menu item wraps
    pg.click("header nav a:has-text('Home')")
    pg.click("table.list a")
    pg.wait_for_selector("body[data-ready='1']")
    assert pg.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") <= 0
    side = pg.locator("#side")
    if width < 1100:
        assert side.is_hidden()  # a drawer: the transcript has the width
        text_box = pg.locator("#text").bounding_box()
        assert text_box and text_box["width"] > width * 0.8
        pg.click("#drawer-toggle")
        expect(side).to_be_visible()
        assert pg.locator("#drawer-toggle").get_attribute("aria-expanded") == "true"
        shot(pg, f"source-{width}-drawer")
        pg.keyboard.press("Escape")
        expect(side).to_be_hidden()
    else:
        assert side.is_visible()
    shot(pg, f"source-{width}")
    pg.goto(served[1].url + "/")
    shot(pg, f"home-{width}")
    context.close()
    assert not errors, errors


# ----------------------------------------------------------------------------- colours
def test_many_codes_get_distinct_colours(page: Any, served: tuple[Any, LiveServer]) -> None:
    app, _ = served
    proj = app.state.project
    makna.add_code(proj, "pilihan", "Pilihan", color="#17BECF")  # a colour the user set
    for n in range(36):
        makna.add_code(proj, f"tema{n}", f"Tema {n}")
    colours = [c.color for c in makna.list_codes(proj)]
    assert len(set(colours)) == len(colours)
    _source(page)
    chips = page.evaluate("() => [...document.querySelectorAll('#codelist .chip')].map(c => getComputedStyle(c).backgroundColor)")
    assert len(chips) == len(colours) and len(set(chips)) == len(chips)


# ----------------------------------------------------------------------------- defects
def test_retrieval_with_sub_codes_can_be_switched_off(page: Any) -> None:
    page.click("nav >> text=Retrieval")
    page.select_option("select[name=code]", "emosi")
    page.click("button:has-text('Retrieve')")
    expect(page.locator("li.result")).to_have_count(2)  # Emosi and its sub-code Senang
    page.uncheck("input[type=checkbox][name=descendants]")
    page.click("button:has-text('Retrieve')")
    expect(page.locator("li.result")).to_have_count(1)
    assert not page.is_checked("input[type=checkbox][name=descendants]")
    page.check("input[type=checkbox][name=descendants]")
    page.click("button:has-text('Retrieve')")
    expect(page.locator("li.result")).to_have_count(2)


def test_error_forms_keep_their_input(page: Any) -> None:
    page.click("nav >> text=Retrieval")
    page.select_option("select[name=code]", "tempat")
    page.select_option("select[name=attribute]", "umur")
    page.click("button:has-text('Retrieve')")
    expect(page.locator("#retrieve-error")).to_contain_text("umur")
    assert page.input_value("select[name=attribute]") == "umur"
    assert page.input_value("select[name=code]") == "tempat"
    page.fill("input[name=value]", "24")
    page.click("button:has-text('Retrieve')")
    expect(page.locator("li.result")).to_have_count(1)
    # side by side without a first coder: the source page stays, with the reason
    page.click("nav >> text=Home")
    _source(page)
    page.select_option("#f-compare", "kedua")
    page.click(".filters button[type=submit]")
    page.wait_for_selector("body[data-ready='1']")
    expect(page.locator("#filter-error")).to_contain_text("first coder")
    assert page.input_value("#f-compare") == "kedua"
    assert page.locator("#text .row").count() > 0


def test_codebook_key_pattern_works_in_chromium(page: Any) -> None:
    page.click("nav >> text=Codebook")
    page.wait_for_selector("body[data-ready='1']")
    page.click("li.node[data-key='tempat']")
    key = page.locator("input[name=key]")
    verdicts = {}
    for value in ("a/b", "a b", "a\\b", "tempat.baru"):
        key.fill(value)
        verdicts[value] = page.evaluate("() => document.querySelector('input[name=key]').validity.patternMismatch")
    assert verdicts == {"a/b": True, "a b": True, "a\\b": True, "tempat.baru": False}


def test_charts_filter_by_coder(page: Any, served: tuple[Any, LiveServer]) -> None:
    page.goto(served[1].url + "/analysis?view=charts")
    page.select_option("#chart-coder", "kedua")
    page.click("button:has-text('Show')")
    img = page.locator("img.chart").first
    assert "coder=kedua" in (img.get_attribute("src") or "")
    by_kedua = page.request.get(served[1].url + "/analysis/charts/frequency.svg?measure=segments&coder=kedua").text()
    everyone = page.request.get(served[1].url + "/analysis/charts/frequency.svg?measure=segments").text()
    assert "Emosi" in by_kedua and "Tempat" not in by_kedua and "Tempat" in everyone


def test_search_context_stays_in_the_turn(page: Any) -> None:
    page.goto(page.url.rstrip("/") + "/search?q=Sama")
    row = page.locator("#kwic tbody tr").first
    assert "cerita" not in row.locator("td.left").inner_text()
    assert "Sama" in row.locator("td.kw").inner_text()
    assert "toko" in row.locator("td.right").inner_text()


def test_csv_export_cannot_run_a_formula(page: Any, served: tuple[Any, LiveServer]) -> None:
    app, _ = served
    seg = makna.retrieve(app.state.project, code="tempat")[0]
    makna.set_segment_memo(app.state.project, seg.id, '=HYPERLINK("http://x","klik")')
    page.click("nav >> text=Export")
    with page.expect_download() as info:
        page.click("a[href='/export/csv']")
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8-sig"))))
    memos = [r["memo"] for r in rows if r["memo"]]
    assert memos == ["'=HYPERLINK(\"http://x\",\"klik\")"]


def test_indonesian_activity_coefficients_units_and_errors(browser: Any, tmp_path: Path, errors: list[str]) -> None:
    location = str(tmp_path / "id.makna")
    build_sample(location)
    with makna.open_project(location, coder="kedua") as p:  # a second coder on the same turn units
        start = TEXT.index("saya senang sekali")
        makna.code_span(p, SOURCE, start, start + 5, "emosi.senang")
    with makna.open_project(location, coder="tester") as p:
        makna.move_code(p, makna.get_code(p, "kerja").id, makna.get_code(p, "tempat").id)
        makna.undo(p)
        makna.redo(p)
    for _app, server in _serve(location, lang=None):
        context, pg = _context(browser, server, errors, lang="id")
        pg.goto(server.url + "/")
        activity = pg.locator("ol.events").inner_text()
        assert "membatalkan" in activity and "memindahkan kode" in activity
        assert not re.search(r"[0-9a-f]{8}-[0-9a-f]{4}-", activity), activity
        assert not re.search(r"\b(undo|redo|code\.move)\b", activity), activity
        pg.goto(server.url + "/agreement?run=true&unit=turn&coders=tester&coders=kedua")
        head = pg.locator("#coefficients thead").inner_text()
        assert "alfa Krippendorff" in head and "krippendorff_alpha" not in head
        assert re.search(r"giliran \d+ \(I\)", pg.locator("main").inner_text())
        shot(pg, "agreement-id")
        pg.goto(server.url + "/retrieve?code=tidak-ada")
        assert "kode tidak dikenal 'tidak-ada'" in pg.locator("main").inner_text()
        context.close()
    assert not errors, errors
