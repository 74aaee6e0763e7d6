"""Ctrl+Z and Ctrl+Shift+Z on the source page, in real headless Chromium."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect
from web_helpers import CHROMIUM, TEXT, TOKEN, LiveServer, build_sample

import makna
from makna.web import close_app, create_app

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)"),
]


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Any, LiveServer]]:
    location = str(tmp_path / "study.makna")
    build_sample(location)
    app = create_app(location, token=TOKEN, coder="tester", lang="en")
    server = LiveServer(app)
    yield app, server
    server.stop()
    close_app(app)


def test_ctrl_z_undoes_a_coding_and_ctrl_shift_z_redoes_it(browser: Any, served: tuple[Any, LiveServer]) -> None:
    app, server = served
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{server.url}/?token={TOKEN}")
    page.click("table.list a")
    page.wait_for_selector("body[data-ready='1']")
    phrase = "toko baju"
    start = TEXT.index(phrase)
    page.evaluate(
        """([phrase]) => {
            const root = document.getElementById('text');
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            const nodes = []; let all = '';
            while (walker.nextNode()) { nodes.push([walker.currentNode, all.length]); all += walker.currentNode.data; }
            const at = all.indexOf(phrase);
            const locate = (pos) => { for (const [n, off] of nodes) if (pos <= off + n.data.length) return [n, pos - off]; };
            const [sn, so] = locate(at); const [en, eo] = locate(at + phrase.length);
            const r = document.createRange(); r.setStart(sn, so); r.setEnd(en, eo);
            const sel = getSelection(); sel.removeAllRanges(); sel.addRange(r);
            root.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
        }""",
        [phrase],
    )
    page.wait_for_selector("#picker:not([hidden])")
    page.fill("#picker-input", "Emosi")
    page.keyboard.press("Enter")
    expect(page.locator("#toast")).to_contain_text("Coded")
    leaf = page.locator(f"#text [data-s='{start}']")
    expect(leaf).to_have_class(lambda_has("hl"))
    assert highlighted(page, start, start + len(phrase))
    page.evaluate("document.activeElement && document.activeElement.blur()")
    with page.expect_navigation():
        page.keyboard.press("Control+z")
    page.wait_for_selector("body[data-ready='1']")
    expect(page.locator("#toast")).to_contain_text("Undone: code a span")
    assert not highlighted(page, start, start + len(phrase))
    assert phrase not in [s.text for s in makna.retrieve(app.state.project, coder="tester")]
    with page.expect_navigation():
        page.keyboard.press("Control+Shift+Z")
    page.wait_for_selector("body[data-ready='1']")
    expect(page.locator("#toast")).to_contain_text("Redone: code a span")
    assert highlighted(page, start, start + len(phrase))
    assert phrase in [s.text for s in makna.retrieve(app.state.project, coder="tester")]
    # nothing more to redo: said in the toast, the page stays
    page.keyboard.press("Control+Shift+Z")
    expect(page.locator("#toast")).to_contain_text("nothing to redo")
    context.close()
    assert not errors, errors


def lambda_has(cls: str) -> Any:
    import re

    return re.compile(rf"(^|\s){cls}(\s|$)")


def highlighted(page: Any, start: int, end: int) -> bool:
    """Whether a highlighted leaf of the transcript covers any of ``start:end``."""
    return bool(page.evaluate(
        """([a, b]) => [...document.querySelectorAll('#text .hl[data-s]')].some((el) => {
            const s = +el.dataset.s; const e = s + [...el.textContent].length; return s < b && e > a; })""",
        [start, end]))
