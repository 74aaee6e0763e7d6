"""withdraw25 (#11), in Chromium: the Cases page's "Withdraw a participant" asks, removes her turns for good and
says what it did (a coded focus group; fictional)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect
from web_helpers import CHROMIUM, workbench_page

import makna

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)"),
]
FOCUS = (
    "Diskusi kelompok, pasar pagi\n"
    "Sari: Saya mulai jualan kue lapis legit di Gang Kenari Tujuh.\n"
    "Budi: Saya jualan es dawet keliling.\n"
    "Sari: Pelanggan saya ibu arisan Melati Putih.\n"
)


def test_a_manager_withdraws_a_participant_from_the_cases_page(browser: Any, tmp_path: Path) -> None:
    location = str(tmp_path / "p.makna")
    with makna.create_project(location, "Uji", coder="tester") as p:
        makna.import_text(p, "fg1.txt", FOCUS, language="id")
        makna.add_code(p, "jual")
        makna.code_turn(p, "fg1.txt", 1, "jual")
    with workbench_page(browser, location) as (pg, url):
        pg.goto(f"{url}/cases")
        pg.wait_for_selector("body[data-ready='1']")
        pg.select_option("#withdraw select[name=speaker]", "Sari")
        pg.fill("#withdraw input[name=confirm]", "Sari")
        pg.once("dialog", lambda d: d.accept())
        pg.click("#withdraw button[type=submit]")
        expect(pg.locator("#withdraw .withdraw-status")).to_contain_text("2 turn(s), 1 coding(s) deleted")
    with makna.open_project(location, coder="tester") as p:
        assert (
            makna.get_source(p, "fg1.txt").text
            == "Diskusi kelompok, pasar pagi\nBudi: Saya jualan es dawet keliling.\n"
        )
