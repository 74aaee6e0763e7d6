"""End to end in real headless Chromium: code a selection with emoji, move a code, retrieve and jump,
XSS payloads stay text; deleting a code asks what happens to its codings, and another
coder's codings are read-only (#12). Screenshots of the main pages go to test-artifacts/web/."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect
from web_helpers import ARTIFACTS, CHROMIUM, SOURCE, TEXT, TOKEN, LiveServer, build_sample, go_to, serve_workbench

import makna
from makna.web import close_app, create_app

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)"),
]

XSS = ['<script>alert(1)</script>', '<img src=x onerror="alert(2)">', '"><svg onload=alert(3)>', "javascript:alert(4)"]


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Any, LiveServer]]:
    """The sample project (SQLite: the browser flow is backend-independent; the API tests cover
    both backends) served on a free port."""
    location = str(tmp_path / "study.makna")
    build_sample(location)
    with serve_workbench(location) as served:
        yield served


@pytest.fixture
def page(browser: Any, served: tuple[Any, LiveServer]) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("dialog", lambda d: d.accept())
    pg.goto(f"{served[1].url}/?token={TOKEN}")
    yield pg
    context.close()
    assert not errors, errors


def shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


def _select(page: Any, phrase: str) -> None:
    """Select ``phrase`` in the transcript as a user's mouse would (a DOM Range over text nodes)."""
    page.evaluate(
        """(phrase) => {
            const root = document.getElementById('text');
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
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


def test_home_page(page: Any) -> None:
    assert page.locator("h1").inner_text() == "Uji workbench"
    assert page.locator("table.list a").inner_text() == SOURCE
    shot(page, "home")


def test_code_a_selection_with_emoji_and_indonesian_words(page: Any, served: tuple[Any, LiveServer]) -> None:
    app, server = served
    page.click("table.list a")
    page.wait_for_selector("body[data-ready='1']")
    phrase = "baik 👍🏽, saya senang"  # an emoji with a skin-tone modifier: 2 code points, 4 UTF-16 units
    _select(page, phrase)
    page.wait_for_selector("#picker:not([hidden])")
    shot(page, "source-picker")
    page.fill("#picker-input", "Tempat")
    page.keyboard.press("Enter")
    page.wait_for_selector("#picker[hidden]", state="attached")
    expect(page.locator("#toast")).to_have_class("show")
    start = TEXT.index(phrase)
    segs = makna.retrieve(app.state.project, code="tempat", coder="tester")
    assert [(s.start, s.end, s.text) for s in segs if s.text == phrase] == [(start, start + len(phrase), phrase)]
    # the new highlight is drawn, and clicking it shows the coding with its memo field
    leaf = page.locator(f"#text [data-s='{start}']")
    assert "hl" in (leaf.get_attribute("class") or "")
    leaf.click()
    page.wait_for_selector("#popover:not([hidden])")
    page.fill("#popover textarea >> nth=0", "memo <b>tebal</b>")
    page.click("#popover button:has-text('Save memo') >> nth=0")
    expect(page.locator("#toast")).to_contain_text("Saved")
    shot(page, "source-popover")


def test_new_code_from_the_picker_and_keyboard_shortcut(page: Any, served: tuple[Any, LiveServer]) -> None:
    app, _ = served
    page.click("table.list a")
    page.wait_for_selector("body[data-ready='1']")
    _select(page, "jualan daring")
    page.fill("#picker-input", "Usaha daring")
    page.keyboard.press("Enter")
    expect(page.locator("#toast")).to_contain_text("Usaha daring")
    assert [s.text for s in makna.retrieve(app.state.project, code="usaha-daring")] == ["jualan daring"]
    # key 1 applies the code on key 1 (the first code of the codebook until the coder pins others)
    _select(page, "toko baju")
    page.keyboard.press("1")
    expect(page.locator("#toast")).to_contain_text("Coded: Emosi")
    texts = [s.text for s in makna.retrieve(app.state.project, coder="tester")]
    assert "toko baju" in texts


def test_move_a_code_in_the_tree(page: Any, served: tuple[Any, LiveServer]) -> None:
    app, _ = served
    page.click("nav >> text=Codebook")
    page.wait_for_selector("body[data-ready='1']")
    shot(page, "codebook")
    page.drag_and_drop("li.node[data-key='kerja']", "li.node[data-key='tempat']")
    page.wait_for_load_state("load")
    page.wait_for_selector("li.node[data-key='kerja'].d1")
    code = makna.get_code(app.state.project, "kerja")
    assert code.parent_id == makna.get_code(app.state.project, "tempat").id
    # and back to the top level through the drop zone
    page.drag_and_drop("li.node[data-key='kerja']", "#root-drop")
    page.wait_for_selector("li.node[data-key='kerja'].d0")
    assert makna.get_code(app.state.project, "kerja").parent_id is None
    page.click("li.node[data-key='emosi']")
    page.wait_for_selector("#editor:not([hidden])")
    shot(page, "codebook-editor")


def test_retrieval_and_jump_to_the_source(page: Any) -> None:
    page.click("nav >> text=Retrieval")
    page.select_option("select[name=code]", "emosi")
    page.click("button:has-text('Retrieve')")
    page.wait_for_selector("li.result")
    assert page.locator("li.result").count() == 2
    shot(page, "retrieval")
    page.click("li.result >> nth=1 >> a.jump")
    page.wait_for_selector("#text .flash")
    start = TEXT.index("warung kopi")
    assert page.locator(f"#text [data-s='{start}']").first.evaluate("e => e.classList.contains('flash')")
    assert page.locator(f"#text [data-s='{start}']").first.is_visible()


def test_cases_page_edits_a_value(page: Any, served: tuple[Any, LiveServer]) -> None:
    app, _ = served
    go_to(page, "Cases")
    page.wait_for_selector("body[data-ready='1']")
    field = page.locator("input.val[data-attr='kota']")
    field.fill("Bukittinggi")
    field.press("Tab")
    expect(page.locator("#toast")).to_contain_text("Saved")
    assert makna.list_cases(app.state.project)[0].values["kota"] == "Bukittinggi"
    shot(page, "cases")


def test_compare_two_coders_side_by_side(page: Any) -> None:
    page.click("table.list a")
    page.select_option("#f-coder", "tester")
    page.select_option("#f-compare", "kedua")
    page.click("button:has-text('Apply')")
    page.wait_for_selector(".workbench.compare")
    assert page.locator("#turn-2 .cell").count() == 2
    shot(page, "source-compare")


def test_xss_payloads_stay_text(browser: Any, tmp_path: Path) -> None:
    location = str(tmp_path / "xss.makna")
    with makna.create_project(location, XSS[0], coder=XSS[1]) as p:
        text = "I: " + " ".join(XSS) + " selesai.\n"
        makna.import_text(p, XSS[2] + ".txt", text, language="id")
        for i, payload in enumerate(XSS):
            makna.add_code(p, f"x{i}", payload)
        start = text.index(XSS[1])
        seg = makna.code_span(p, XSS[2] + ".txt", start, start + len(XSS[1]), "x0", memo=XSS[2])
        makna.set_segment_memo(p, seg.id, XSS[3])
        makna.define_attribute(p, XSS[3], "text")
        makna.add_case(p, XSS[2], XSS[0], values={XSS[3]: XSS[1]})
        makna.link_source(p, XSS[2], XSS[2] + ".txt")
    app = create_app(location, token=TOKEN, lang="en")
    server = LiveServer(app)
    context = browser.new_context()
    pg = context.new_page()
    alerts: list[str] = []
    pg.on("dialog", lambda d: (alerts.append(d.message), d.dismiss()))
    try:
        pg.goto(f"{server.url}/?token={TOKEN}")
        src = makna.list_sources(app.state.project)[0].id
        for path in ("/", f"/sources/{src}", "/codebook", "/retrieve?code=x0", "/cases"):
            pg.goto(server.url + path)
            pg.wait_for_load_state("load")
            assert pg.locator("script:not([src]):not([type='application/json'])").count() == 0
            assert pg.locator("img, svg").count() == 0, path
            body = pg.inner_text("body")
            assert XSS[0] in body or path in ("/cases",), path
        pg.goto(f"{server.url}/sources/{src}")
        pg.locator("#text .hl").first.click()
        pg.wait_for_selector("#popover:not([hidden])")
        assert pg.input_value("#popover textarea") == XSS[3]
        shot(pg, "xss")
    finally:
        context.close()
        server.stop()
        close_app(app)
    assert alerts == []


# ---------------------------------------------------------------- no silent destruction (#12)
def _open_delete_dialog(page: Any, served: tuple[Any, LiveServer], key: str) -> None:
    """On the codebook page, choose code ``key`` and press Delete code."""
    app, server = served
    makna.code_span(app.state.project, SOURCE, 0, 9, "emosi")  # emosi: one coding by tester, one by kedua
    page.goto(server.url + "/codebook")
    page.wait_for_selector("body[data-ready='1']")
    page.click(f"li.node[data-key='{key}']")
    page.click("#delete-form button")
    expect(page.locator("#delete-dialog")).to_be_visible()


def test_delete_dialog_shows_counts_and_moving_keeps_the_codings(page: Any, served: tuple[Any, LiveServer]) -> None:
    app, _ = served
    _open_delete_dialog(page, served, "emosi")
    dialog = page.locator("#delete-dialog")
    assert [page.inner_text(f"#dd-{n}") for n in ("codings", "coders", "sources", "children")] == ["2", "2", "1", "1"]
    expect(page.locator("#dd-children-note")).to_be_visible()
    expect(page.locator("#dd-confirm")).to_be_disabled()  # no choice made yet
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "codebook-delete-dialog.png"))
    # cancel changes nothing
    page.click("#dd-cancel")
    expect(dialog).to_be_hidden()
    assert len(makna.retrieve(app.state.project, code="emosi", descendants=False)) == 2
    # choose to move the codings to "Pekerjaan"
    page.click("#delete-form button")
    page.select_option("#dd-into", makna.get_code(app.state.project, "kerja").id)
    expect(page.locator("input[name=fate][value=move]")).to_be_checked()
    expect(page.locator("#dd-confirm")).to_be_enabled()
    page.click("#dd-confirm")
    page.wait_for_selector("li.node[data-key='kerja']")
    page.wait_for_selector("li.node[data-key='emosi']", state="detached")
    moved = makna.retrieve(app.state.project, code="kerja")
    assert sorted((s.coder, s.text) for s in moved) == [("kedua", "warung kopi"), ("tester", TEXT[0:9])]
    assert makna.get_code(app.state.project, "emosi.senang").parent_id is None


def test_delete_dialog_delete_choice_removes_the_codings(page: Any, served: tuple[Any, LiveServer]) -> None:
    app, _ = served
    _open_delete_dialog(page, served, "tempat")
    expect(page.locator("#dd-codings")).to_have_text("1")
    expect(page.locator("#dd-children-note")).to_be_hidden()
    page.check("input[name=fate][value=delete]")
    page.click("#dd-confirm")
    page.wait_for_selector("li.node[data-key='tempat']", state="detached")
    assert "tempat" not in [c.key for c in makna.list_codes(app.state.project)]


def test_popover_shows_another_coders_coding_read_only(page: Any, served: tuple[Any, LiveServer]) -> None:
    app, _ = served
    makna.code_span(app.state.project, SOURCE, 0, 9, "emosi")
    page.click("table.list a")
    page.wait_for_selector("body[data-ready='1']")
    start = TEXT.index("warung kopi")  # tempat by tester, emosi by kedua
    page.locator(f"#text [data-s='{start}']").first.click()
    page.wait_for_selector("#popover:not([hidden])")
    boxes = page.locator("#popover .seg")
    assert boxes.count() == 2
    others = page.locator("#popover .seg.others")
    assert others.count() == 1
    expect(others).to_contain_text("by kedua")
    expect(others).to_contain_text("Only its coder can change this coding.")
    assert others.locator("button").count() == 0
    own = page.locator("#popover .seg:not(.others)")
    expect(own).to_contain_text("by tester")
    assert own.locator("button:has-text('Remove')").count() == 1
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "source-popover-others.png"))
    own.locator("button:has-text('Remove')").click()
    expect(page.locator("#toast")).to_contain_text("Removed")
    emosi = makna.retrieve(app.state.project, code="emosi", descendants=False)
    assert sorted(s.coder for s in emosi) == ["kedua", "tester"]  # kedua's coding is untouched
    assert makna.retrieve(app.state.project, code="tempat") == []
def _highlighted(page: Any, start: int, end: int) -> bool:
    """Whether a highlighted leaf of the transcript covers any of ``start:end``."""
    return bool(page.evaluate(
        """([a, b]) => [...document.querySelectorAll('#text .hl[data-s]')].some((el) => {
            const s = +el.dataset.s; const e = s + [...el.textContent].length; return s < b && e > a; })""",
        [start, end]))


def test_ctrl_z_undoes_a_coding_and_ctrl_shift_z_redoes_it(page: Any, served: tuple[Any, LiveServer]) -> None:
    app, _ = served
    page.click("table.list a")
    page.wait_for_selector("body[data-ready='1']")
    phrase = "toko baju"
    start, end = TEXT.index(phrase), TEXT.index(phrase) + len(phrase)
    _select(page, phrase)
    page.fill("#picker-input", "Emosi")
    page.keyboard.press("Enter")
    expect(page.locator("#toast")).to_contain_text("Coded")
    assert _highlighted(page, start, end)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    with page.expect_navigation():  # the page is drawn again after the undo
        page.keyboard.press("Control+z")
    page.wait_for_selector("body[data-ready='1']")
    expect(page.locator("#toast")).to_contain_text("Undone: coded a segment")
    assert not _highlighted(page, start, end)
    assert phrase not in [s.text for s in makna.retrieve(app.state.project, coder="tester")]
    with page.expect_navigation():
        page.keyboard.press("Control+Shift+Z")
    page.wait_for_selector("body[data-ready='1']")
    expect(page.locator("#toast")).to_contain_text("Redone: coded a segment")
    assert _highlighted(page, start, end)
    assert phrase in [s.text for s in makna.retrieve(app.state.project, coder="tester")]
