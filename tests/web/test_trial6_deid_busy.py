"""A new user's trial (trial6): "Accept all pending" clicked while a scan ran was confirmed, then drawn over by
the scan's reload ("57 pending · 0 accepted"), and the acceptance showed up only at the next reload. While a
scan (or a decision on every pending detection) runs, the review's buttons now wait for it; a refusal frees
them again."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from pages_helpers import build_private
from playwright.sync_api import expect
from web_helpers import CHROMIUM, TOKEN, serve_workbench

import makna
from makna.privacy.project import review_entries, scan

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)"),
]
BUTTONS = ("#scan", "#accept-all", "#reject-all", "#apply [type=submit]")


def test_the_review_waits_while_a_scan_runs(browser: Any, tmp_path: Path) -> None:
    location = str(tmp_path / "study.makna")
    build_private(location)
    with makna.open_project(location, coder="tester") as p:
        pending = len(scan(p).entries)
    asked: list[str] = []
    with serve_workbench(location, lang="id") as (_app, server):
        pg = browser.new_context().new_page()
        pg.on("dialog", lambda d: (asked.append(d.message), d.accept()))
        held: list[Any] = []
        pg.route("**/api/deid/scan", lambda route: held.append(route))
        pg.goto(f"{server.url}/?token={TOKEN}")
        pg.goto(f"{server.url}/deid")
        pg.wait_for_selector("body[data-ready='1']")
        pg.click("#scan")
        for selector in BUTTONS:
            expect(pg.locator(selector)).to_be_disabled()
        expect(pg.locator("#detections")).to_have_attribute("aria-busy", "true")
        pg.click("#accept-all", force=True)  # a disabled button: no question, nothing sent
        while not held:
            pg.wait_for_timeout(20)
        with pg.expect_navigation():
            held[0].continue_()
        expect(pg.locator("#scan-result")).to_be_visible()
        for selector in BUTTONS:
            expect(pg.locator(selector)).to_be_enabled()
        # a refused scan frees the buttons again, and says why
        pg.unroute("**/api/deid/scan")
        pg.route(
            "**/api/deid/scan", lambda route: route.fulfill(status=409, content_type="application/json", body="{}")
        )
        pg.click("#scan")
        expect(pg.locator("#toast")).to_contain_text("Gagal menyimpan")
        for selector in BUTTONS:
            expect(pg.locator(selector)).to_be_enabled()
        pg.close()
    assert asked == []
    with makna.open_project(location, coder="tester") as p:
        assert len(review_entries(p, status={"pending"})) == pending > 0
