"""trial17 #11: on the Codebook page a manager splits a code: the dialog lists its codings (every coder's), a
search chooses some for a new code, a select another, and the split moves them with their coders."""

from __future__ import annotations

import os
from typing import Any

import pytest
from playwright.sync_api import expect
from web_helpers import CHROMIUM, SOURCE, TEXT, workbench_page

import makna

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)"),
]


def test_split_in_the_dialog(sample_location: str, browser: Any) -> None:
    with makna.open_project(sample_location) as proj:
        start = TEXT.index("warung kopi")
        makna.code_span(proj, SOURCE, start, start + len("warung kopi"), "tempat", coder="kedua")
    with workbench_page(browser, sample_location) as (pg, url):
        pg.goto(f"{url}/codebook")
        pg.wait_for_selector("body[data-ready='1']")
        pg.locator("#tree li.node[data-key='tempat']").click()
        pg.click("#split-form button[type=submit]")
        dialog = pg.locator("#split-dialog")
        expect(dialog).to_be_visible()
        expect(dialog.locator("#sd-rows tr")).to_have_count(2)
        names = dialog.locator("input[name=sd_name]")
        names.nth(0).fill("Pasar")
        names.nth(1).fill("Warung")
        pg.fill("#sd-search", "PASAR")
        pg.select_option("#sd-search-into", label="Pasar")
        pg.click("#sd-choose")
        kedua = dialog.locator("#sd-rows tr", has_text="kedua").locator("select")
        kedua.select_option(label="Warung")
        expect(dialog.locator("#sd-count")).to_contain_text("2")
        with pg.expect_navigation():
            pg.click("#sd-confirm")
    with makna.open_project(sample_location) as proj:
        assert [s.coder for s in makna.retrieve(proj, code="pasar")] == ["tester"]
        assert [s.coder for s in makna.retrieve(proj, code="warung")] == ["kedua"]
        assert not makna.retrieve(proj, code="tempat", descendants=False)


def test_the_dialog_brings_other_coders_codings_of_the_passage(sample_location: str, browser: Any) -> None:
    """team29: with "and those that overlap it" ticked, choosing a coding marks the other coders' codings of the
    same or an overlapping span (by at least half of the shorter) as coming along; the server moves the same."""
    with makna.open_project(sample_location) as proj:
        for coder, words in (("kedua", "warung kopi dekat pasar"), ("ketiga", "kopi dekat pasar."),
                             ("keempat", "pasar.\nP: Terima kasih")):
            start = TEXT.index(words)
            makna.code_span(proj, SOURCE, start, start + len(words), "tempat", coder=coder)
    with workbench_page(browser, sample_location) as (pg, url):
        pg.goto(f"{url}/codebook")
        pg.wait_for_selector("body[data-ready='1']")
        pg.locator("#tree li.node[data-key='tempat']").click()
        pg.click("#split-form button[type=submit]")
        dialog = pg.locator("#split-dialog")
        expect(dialog.locator("#sd-rows tr")).to_have_count(4)
        dialog.locator("input[name=sd_name]").nth(0).fill("Warung")
        pg.check("#sd-overlap")
        expect(pg.locator("#sd-every")).to_be_checked()
        row = dialog.locator("#sd-rows tr", has_text="tester")
        row.locator("select").select_option(label="Warung")
        for coder in ("kedua", "ketiga"):
            along = dialog.locator("#sd-rows tr", has_text=coder)
            expect(along).to_have_class("sd-along")
            expect(along.locator("select")).to_have_value("0")
        expect(dialog.locator("#sd-rows tr", has_text="keempat").locator("select")).to_have_value("")
        expect(dialog.locator("#sd-count")).to_contain_text("3")
        pg.uncheck("#sd-every")  # and back: the rows brought go back to "stays"
        expect(pg.locator("#sd-overlap")).not_to_be_checked()
        expect(dialog.locator("#sd-count")).to_contain_text("1")
        pg.check("#sd-overlap")
        expect(dialog.locator("#sd-count")).to_contain_text("3")
        with pg.expect_navigation():
            pg.click("#sd-confirm")
    with makna.open_project(sample_location) as proj:
        assert sorted(s.coder for s in makna.retrieve(proj, code="warung")) == ["kedua", "ketiga", "tester"]
        assert [s.coder for s in makna.retrieve(proj, code="tempat", descendants=False)] == ["keempat"]
