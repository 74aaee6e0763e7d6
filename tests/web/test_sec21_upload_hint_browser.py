"""sec21 (#11), in Chromium: a file skipped because its text is a source's already gets a line under it saying how
to import it anyway (the page's language), from the server's ``same_content``; a name taken gets none."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect
from web_helpers import CHROMIUM, TOKEN, LiveServer, serve_workbench

import makna

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)"),
]
SCRIPT = "P: Bisa ceritakan hari pertama Anda?\nI: Saya datang pagi, lalu menunggu.\n"
HINT = {
    "en-US": "To import it as a second source of its own, tick the box above",
    "id-ID": "Untuk mengimpornya sebagai sumber kedua tersendiri, centang kotak di atas",
}


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Any, LiveServer]]:
    location = str(tmp_path / "p.makna")
    with makna.create_project(location, "Uji", coder="tester") as p:
        makna.import_text(p, "naskah-a.txt", SCRIPT, language="id")
    with serve_workbench(location, lang=None) as served:
        yield served


@pytest.mark.parametrize("locale", ["en-US", "id-ID"])
def test_the_hint_shows_under_a_content_duplicate(
    browser: Any, served: tuple[Any, LiveServer], tmp_path: Path, locale: str
) -> None:
    twin, taken = tmp_path / "up" / "naskah-b.txt", tmp_path / "up2" / "naskah-a.txt"
    twin.parent.mkdir()
    taken.parent.mkdir()
    twin.write_text(SCRIPT, encoding="utf-8")
    taken.write_text("P: Teks lain sama sekali.\n", encoding="utf-8")
    context = browser.new_context(locale=locale)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto(f"{served[1].url}/?token={TOKEN}")
    pg.goto(f"{served[1].url}/import")
    pg.set_input_files("#upload-files", [str(twin)])
    pg.click("#upload-go")
    expect(pg.locator("#upload-result tr.bad")).to_have_count(1)
    expect(pg.locator("#upload-result tr.note")).to_contain_text(HINT[locale])
    pg.check("#upload-allow-duplicate")  # a name taken: the box would not help, so no hint
    pg.set_input_files("#upload-files", [str(taken)])
    pg.click("#upload-go")
    expect(pg.locator("#upload-result tr.bad")).to_have_count(2)
    expect(pg.locator("#upload-result tr.note")).to_have_count(1)
    context.close()
    assert not errors, errors
