"""The workbench's De-identify, as a person uses it in Indonesian (#11): a key file typed into the
project's own folder is refused, in the page's language, with the way out named; ticking *Tetap
terapkan* (Apply anyway) applies and says why it was unsafe. Before, it applied at once and said so
afterwards, in English."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from pages_helpers import build_private
from playwright.sync_api import expect
from web_helpers import CHROMIUM, TOKEN, serve_workbench

import makna
from makna.privacy.project import decide_all, scan

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)"),
]
PASS = "kata sandi rahasia 123"


def test_apply_refuses_a_key_beside_the_project_until_apply_anyway(browser: Any, tmp_path: Path) -> None:
    location = str(tmp_path / "study.makna")
    build_private(location)
    with makna.open_project(location, coder="tester") as p:
        scan(p)
        decide_all(p, "accepted")
    key = tmp_path / "study.key"
    with serve_workbench(location, lang="id") as (_app, server):
        pg = browser.new_context().new_page()
        pg.goto(f"{server.url}/?token={TOKEN}")
        pg.goto(f"{server.url}/deid")
        pg.wait_for_selector("body[data-ready='1']")
        pg.fill("#apply input[name=key_path]", str(key))
        pg.fill("#apply input[name=passphrase]", PASS)
        pg.fill("#apply input[name=passphrase_repeat]", PASS)
        pg.click("#apply button[type=submit]")
        out = pg.locator("#apply-result.failed")
        expect(out).to_contain_text("ada di dalam folder proyek")
        expect(out).to_contain_text("Tetap terapkan")
        assert not key.exists() and "project's folder" not in out.inner_text()
        assert pg.input_value("#apply input[name=passphrase]") == ""  # cleared after the attempt
        pg.fill("#apply input[name=passphrase]", PASS)
        pg.fill("#apply input[name=passphrase_repeat]", PASS)
        pg.check("#apply input[name=force]")
        with pg.expect_navigation():
            pg.click("#apply button[type=submit]")
        done = pg.locator("#apply-result.done")
        expect(done).to_contain_text("ada di dalam folder proyek")
        assert key.is_file()
        pg.close()


def test_the_import_page_groups_character_counts_as_the_page_language_writes_them(browser: Any,
                                                                                   tmp_path: Path) -> None:
    """An Indonesian page in an English browser listed an imported transcript of 1.650 characters as
    1,650 (the browser's way, not the page's)."""
    location = str(tmp_path / "study.makna")
    build_private(location)
    transcript = tmp_path / "panjang.txt"
    text = "P: Apa kabar?\nI: " + "baik " * 330 + "\n"
    transcript.write_text(text, encoding="utf-8")
    n = len(text)
    assert 1000 < n < 10_000
    with serve_workbench(location, lang="id") as (_app, server):
        pg = browser.new_context(locale="en-US").new_page()
        pg.goto(f"{server.url}/?token={TOKEN}")
        pg.goto(f"{server.url}/import")
        pg.set_input_files("input[type=file]", [str(transcript)])
        pg.locator("#upload-form button[type=submit]").click()
        row = pg.locator("tr", has_text="panjang.txt")
        expect(row).to_contain_text(f"{n // 1000}.{n % 1000:03d}")
        assert f"{n:,}" not in row.inner_text()
        pg.close()
