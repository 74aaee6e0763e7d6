"""Keyboard review of suggestions in real headless Chromium: the queue page (a / r / s) and the
source view's panel."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect
from web_helpers import CHROMIUM, TOKEN, LiveServer, go_to, serve_workbench

import makna
from makna import suggest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "suggest"))
from synth import build  # noqa: E402

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)"),
]


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Any, LiveServer]]:
    location = str(tmp_path / "saran.makna")
    with makna.create_project(location, "Saran", coder="tester") as proj:
        build(proj)
        suggest.run(proj)
    with serve_workbench(location) as served:
        yield served


@pytest.fixture
def page(browser: Any, served: tuple[Any, LiveServer]) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.goto(f"{served[1].url}/?token={TOKEN}")
    yield pg
    context.close()
    assert not errors, errors


def _states(app: Any) -> dict[str, str]:
    proj = app.state.project
    return {s.id: s.state for st in ("pending", "accepted", "rejected") for s in suggest.pending(proj, state=st)}


def test_review_the_queue_by_keyboard(page: Any, served: tuple[Any, LiveServer]) -> None:
    app, _ = served
    queue = suggest.pending(app.state.project)
    assert len(queue) >= 3
    go_to(page, "Suggestions")
    expect(page.locator(".sitem").first).to_be_focused()
    page.keyboard.press("a")
    expect(page.locator(f".sitem[data-id='{queue[0].id}']")).to_have_class("sitem done")
    expect(page.locator(f".sitem[data-id='{queue[1].id}']")).to_be_focused()
    page.keyboard.press("s")  # skip: the next one gets the focus, nothing is decided
    expect(page.locator(f".sitem[data-id='{queue[2].id}']")).to_be_focused()
    page.keyboard.press("r")
    expect(page.locator(f".sitem[data-id='{queue[2].id}']")).to_have_class("sitem done")
    expect(page.locator("#toast")).to_contain_text("Rejected")
    states = _states(app)
    assert (states[queue[0].id], states[queue[1].id], states[queue[2].id]) == ("accepted", "pending", "rejected")
    # the accepted one is the reviewer's own coding now
    seg = suggest.pending(app.state.project, state="accepted")[0].accepted_segment_id
    assert seg and makna.coding.get_segment(app.state.project, seg).coder_id != ""
    page.reload()
    assert page.locator(".sitem").count() == len(queue) - 2


def test_source_view_panel_by_keyboard(page: Any, served: tuple[Any, LiveServer]) -> None:
    app, _ = served
    first = suggest.pending(app.state.project)[0]
    page.goto(page.url.split("/?")[0].rstrip("/") + f"/sources/{first.source_id}")
    panel = page.locator("#sg-panel li")
    expect(panel.first).to_be_visible()
    n = panel.count()
    target = page.locator(f"#sg-panel li[data-id='{first.id}']")
    target.focus()
    page.keyboard.press("a")
    expect(page.locator("#sg-panel li")).to_have_count(n - 1)
    assert _states(app)[first.id] == "accepted"
    page.locator("#sg-panel li").first.focus()
    rejected = page.locator("#sg-panel li").first.get_attribute("data-id")
    page.keyboard.press("r")
    expect(page.locator("#sg-panel li")).to_have_count(n - 2)
    assert _states(app)[str(rejected)] == "rejected"


@pytest.mark.parametrize("lang", ["en", "id"])
def test_source_view_panel_writes_the_pages_decimal_mark(
    browser: Any, served: tuple[Any, LiveServer], lang: str
) -> None:
    app, server = served
    first = suggest.pending(app.state.project)[0]
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    app.state.lang = lang  # the workbench started in one language (makna serve --lang)
    pg = context.new_page()
    try:
        pg.goto(f"{server.url}/?token={TOKEN}")
        pg.goto(f"{server.url}/sources/{first.source_id}")
        item = pg.locator(f"#sg-panel li[data-id='{first.id}']")
        expect(item).to_be_visible()
        shown = f"{first.confidence:.2f}"
        expected = shown.replace(".", ",") if lang == "id" else shown
        assert (item.text_content() or "").endswith(" · " + expected)
    finally:
        context.close()
