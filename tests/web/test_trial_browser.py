"""What a new user's trial found in the browser (review, #11): after **Scan the sources** the page
reloaded at once and took the "Scan finished" notice with it, so nobody saw what the scan had found;
a WhatsApp chat's source page logged a failed request for its recording."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
from pages_helpers import build_private
from playwright.sync_api import expect
from web_helpers import CHROMIUM, TOKEN, serve_workbench

import makna

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)"),
]
CHAT = ("12/03/25 19.02 - Dewi Lestari: Assalamualaikum kak, jadi wawancara besok?\n"
        "12/03/25 19.05 - Peneliti: Jadi kak. Jam 10 ya\n")


def test_the_scan_says_what_it_found_after_the_reload(browser: Any, tmp_path: Path) -> None:
    location = str(tmp_path / "study.makna")
    build_private(location)
    with makna.open_project(location, coder="tester") as p:
        makna.import_text(p, "WhatsApp Chat.txt", CHAT, language="id")
        chat = makna.get_source(p, "WhatsApp Chat.txt").id
    errors: list[str] = []
    with serve_workbench(location, lang="id") as (_app, server):
        pg = browser.new_context().new_page()
        pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        pg.goto(f"{server.url}/?token={TOKEN}")
        pg.goto(f"{server.url}/deid")
        expect(pg.locator("#scan-result")).to_be_hidden()
        with pg.expect_navigation():
            pg.click("#scan")
        line = pg.locator("#scan-result")
        expect(line).to_be_visible()
        # "found again" is said (and explained) only when the scan found some again (mends27, trial16 #9)
        assert re.fullmatch(r"Pemindaian selesai: \d+ deteksi · \d+ baru( · \d+ ditemukan lagi: .*)?", line.inner_text())
        found = int(line.inner_text().split(": ")[1].split(" ")[0])
        assert found > 0
        pg.reload()  # said once, not on every visit
        expect(pg.locator("#scan-result")).to_be_hidden()
        pg.goto(f"{server.url}/sources/{chat}")
        pg.wait_for_selector("body[data-ready='1']")
        pg.wait_for_load_state("networkidle")
        pg.close()
    assert errors == []
