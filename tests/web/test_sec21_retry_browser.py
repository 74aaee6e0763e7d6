"""sec21 (#11), in Chromium: the answer to a coding is lost after the server saved it; the page says the change
may not have been saved, the coder codes the words again, and the page shows one coding, counted once."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect
from test_browser import _select
from web_helpers import CHROMIUM, TOKEN, LiveServer, build_sample, serve_workbench

import makna

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)"),
]
PHRASE = "saya senang"


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Any, LiveServer]]:
    location = str(tmp_path / "study.makna")
    build_sample(location)
    with serve_workbench(location) as served:
        yield served


def _code(pg: Any) -> None:
    _select(pg, PHRASE)
    pg.wait_for_selector("#picker:not([hidden])")
    pg.fill("#picker-input", "Pekerjaan")
    pg.keyboard.press("Enter")


def test_a_lost_answer_then_a_retry_codes_once(browser: Any, served: tuple[Any, LiveServer]) -> None:
    app, server = served
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    lost: list[int] = []

    def lose_the_first_answer(route: Any) -> None:
        if route.request.method == "POST" and not lost:
            lost.append(route.fetch().status)  # the server codes it...
            route.abort("connectionreset")  # ...and its answer never comes back
        else:
            route.continue_()

    pg.route("**/api/segments", lose_the_first_answer)
    pg.goto(f"{server.url}/?token={TOKEN}")
    pg.click("table.list a")
    pg.wait_for_selector("body[data-ready='1']")
    before = makna.retrieve(app.state.project, code="kerja")
    side = pg.locator(f"li[data-code='{before[0].code_id if before else _code_id(app)}'] .count")
    start_count = int(side.inner_text() or 0)
    _code(pg)
    expect(pg.locator("#toast")).to_contain_text("may not have been saved")
    assert lost == [201]
    _code(pg)  # the coder tries again: the server answers with the coding it made
    # (the page keeps the refusal readable a while: the side's count says the coding is there)
    got = [s for s in makna.retrieve(app.state.project, code="kerja", coder="tester") if s.text == PHRASE]
    assert len(got) == 1
    expect(side).to_have_text(str(start_count + 1))
    context.close()
    assert not errors, errors


def _code_id(app: Any) -> str:
    return str(next(c.id for c in makna.list_codes(app.state.project) if c.key == "kerja"))
