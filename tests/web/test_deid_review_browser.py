"""The de-identification review without the mouse, in headless Chromium, in English and Indonesian
(#11, review): the first key focuses a row, j/k move, a/r decide (the counts change at once, no reload), e opens the span editor
(arrows move the start, Shift+arrows the end, by a word; a selection in the context is used), Enter
saves, u undoes; a missed identifier selected in the transcript is added with its other occurrences."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from pages_helpers import PRIVATE_SOURCE, PRIVATE_TEXT, build_private
from playwright.sync_api import expect
from web_helpers import CHROMIUM, TOKEN, serve_workbench

import makna
from makna.privacy.project import review_entries, scan

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)"),
]
OTHER = "I: Kemarin Siti ke pasar lagi.\n"
WORDS = {"en": ("accepted", "rejected", "edited"), "id": ("diterima", "ditolak", "dikoreksi")}


def _count(page: Any, which: str) -> int:
    return int(page.locator(f"#review-counts .t-{which}").inner_text())


def _select(page: Any, selector: str, start: int, end: int) -> None:
    """Select code points start:end of the text of the element ``selector`` (as a mouse drag would)."""
    page.evaluate("""([sel, a, b]) => {
        const root = document.querySelector(sel);
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        const r = document.createRange(); let pos = 0, node, started = false;
        while ((node = walker.nextNode())) {
            const n = node.data.length;
            if (!started && a <= pos + n) { r.setStart(node, a - pos); started = true; }
            if (b <= pos + n) { r.setEnd(node, b - pos); break; }
            pos += n;
        }
        getSelection().removeAllRanges(); getSelection().addRange(r);
    }""", [selector, start, end])


def _open(browser: Any, server: Any, url: str, errors: list[str]) -> Any:
    """A page logged in at ``url``, its script ready, whose console errors go to ``errors``."""
    pg = browser.new_context().new_page()
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.goto(f"{server.url}/?token={TOKEN}")
    pg.goto(url)
    pg.wait_for_selector("body[data-ready='1']")
    return pg


@pytest.mark.parametrize("lang", ["en", "id"])
def test_review_by_keyboard(browser: Any, tmp_path: Path, lang: str) -> None:
    location = str(tmp_path / "study.makna")
    build_private(location)
    with makna.open_project(location, coder="tester") as p:
        scan(p)
        entries = review_entries(p)
    accepted, rejected, edited = WORDS[lang]
    errors: list[str] = []
    with serve_workbench(location, lang=lang) as (_app, server):
        pg = _open(browser, server, f"{server.url}/deid?status=all", errors)
        rows = pg.locator("#detections tr[data-id]")
        assert rows.count() == len(entries)
        pending = _count(pg, "pending")
        assert pending == len(entries)
        line = pg.locator(f"#deid-status tr[data-source='{entries[0].source_id}'] td.c-pending")
        pg.keyboard.press("a")  # nothing focused yet: the first key shows where the keys act, and decides nothing
        expect(rows.nth(0)).to_be_focused()
        expect(rows.nth(0).locator(".status")).not_to_have_text(accepted)
        assert rows.nth(0).evaluate("el => el.matches(':focus-visible')")  # the focus is drawn
        pg.keyboard.press("a")
        expect(rows.nth(1)).to_be_focused()
        expect(rows.nth(0).locator(".status")).to_have_text(accepted)
        assert (_count(pg, "pending"), _count(pg, "accepted")) == (pending - 1, 1)
        expect(line).to_have_text(str(pending - 1))
        pg.keyboard.press("r")
        expect(rows.nth(1).locator(".status")).to_have_text(rejected)
        pg.keyboard.press("k")
        pg.keyboard.press("k")
        expect(rows.nth(0)).to_be_focused()
        assert _count(pg, "rejected") == 1
        # the name: e opens the editor, Shift+Left drops the surname, Enter saves
        name = next(i for i, e in enumerate(entries) if e.text == "Siti Rahmawati")
        for _ in range(name):
            pg.keyboard.press("ArrowDown")
        expect(rows.nth(name)).to_be_focused()
        pg.keyboard.press("e")
        preview = pg.locator(".span-editor .preview mark")
        expect(preview).to_have_text("Siti Rahmawati")
        pg.keyboard.press("Shift+ArrowLeft")
        expect(preview).to_have_text("Siti")
        pg.keyboard.press("ArrowLeft")  # the start takes in the word before
        expect(preview).to_have_text("saya Siti")
        pg.keyboard.press("ArrowRight")
        pg.keyboard.press("Enter")
        expect(rows.nth(name).locator("mark")).to_have_text("Siti")
        expect(rows.nth(name).locator(".status")).to_have_text(edited)
        expect(pg.locator("#editor")).to_be_hidden()
        expect(rows.nth(name)).to_be_focused()
        # a selection in the context is taken as the new span; Escape leaves everything as it was
        ctx = rows.nth(name).locator("td.ctx")
        full = ctx.inner_text()
        a = full.index("Siti")
        _select(pg, f"#detections tr[data-id='{entries[name].id}'] td.ctx", a, a + len("Siti Rahmawati"))
        pg.keyboard.press("e")
        expect(preview).to_have_text("Siti Rahmawati")
        pg.keyboard.press("Escape")
        expect(rows.nth(name).locator("mark")).to_have_text("Siti")
        # saved (the queue has emptied: the stored review says so), then undone with u
        with makna.open_project(location, coder="tester") as p:
            for _ in range(50):
                stored = {e.id: e for e in review_entries(p)}
                if stored[entries[name].id].status == "edited":
                    break
                pg.wait_for_timeout(100)
        assert stored[entries[0].id].status == "accepted" and stored[entries[1].id].status == "rejected"
        assert stored[entries[name].id].text == "Siti"
        with pg.expect_navigation():
            pg.keyboard.press("u")
        pg.wait_for_selector("body[data-ready='1']")
        expect(pg.locator(f"#detections tr[data-id='{entries[name].id}'] mark")).to_have_text("Siti Rahmawati")
        pg.close()
    assert errors == []


def test_add_a_missed_identifier_with_its_other_occurrences(browser: Any, tmp_path: Path) -> None:
    location = str(tmp_path / "study.makna")
    build_private(location)
    with makna.open_project(location, coder="tester") as p:
        makna.import_text(p, "lagi.txt", OTHER, language="id")
        scan(p)
        sid = makna.get_source(p, PRIVATE_SOURCE).id
    errors: list[str] = []
    with serve_workbench(location, lang="id") as (_app, server):
        pg = _open(browser, server, f"{server.url}/deid?text={sid}#text", errors)
        at = PRIVATE_TEXT.index("pasar")
        _select(pg, "#deid-text", at, at + 5)
        expect(pg.locator("#selection-info")).to_contain_text("pasar")
        pg.select_option("#add-detection select[name=type]", "LOCATION")
        pg.select_option("#add-detection select[name=also]", "all")
        with pg.expect_navigation():
            pg.click("#add-detection button[type=submit]")
        pg.wait_for_selector("body[data-ready='1']")
        expect(pg.locator("#toast")).to_contain_text("2 ditandai")
        expect(pg.locator(f"#d{at}")).to_have_class("det added")
        pg.close()
    with makna.open_project(location, coder="tester") as p:
        marked = [(e.source, e.text, e.status) for e in review_entries(p) if e.text == "pasar"]
    assert sorted(marked) == [("lagi.txt", "pasar", "added"), (PRIVATE_SOURCE, "pasar", "added")]
    assert errors == []
