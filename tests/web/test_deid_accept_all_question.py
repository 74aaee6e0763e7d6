"""The browser's "Accept all pending" asks about what it does: with a minimum confidence set, the question names
it (a new user's trial set 0.5 and was asked to accept "every pending detection"), in English and Indonesian,
the number written as the page writes numbers (trial12 was asked "0.5" beside a table of "0,97")."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from pages_helpers import build_private
from web_helpers import CHROMIUM, TOKEN, serve_workbench

import makna
from makna.privacy.project import review_entries, scan

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)"),
]
ASKED = {
    "en": ("Accept every pending detection?", "Accept every pending detection with a confidence of at least 0.5?"),
    "id": (
        "Terima semua deteksi yang menunggu?",
        "Terima semua deteksi yang menunggu dengan keyakinan paling sedikit 0,5?",
    ),
}


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_question_names_the_minimum_confidence(browser: Any, tmp_path: Path, lang: str) -> None:
    location = str(tmp_path / "study.makna")
    build_private(location)
    asked: list[str] = []
    with makna.open_project(location, coder="tester") as p:
        pending = len(scan(p).entries)
    with serve_workbench(location, lang=lang) as (_app, server):
        pg = browser.new_context().new_page()
        pg.on("dialog", lambda d: (asked.append(d.message), d.dismiss()))
        pg.goto(f"{server.url}/?token={TOKEN}")
        pg.goto(f"{server.url}/deid")
        pg.wait_for_selector("body[data-ready='1']")
        pg.click("#accept-all")
        pg.fill("#min-confidence", "0.5")
        pg.click("#accept-all")
    assert asked == list(ASKED[lang])
    with makna.open_project(location, coder="tester") as p:  # both dismissed: nothing decided
        assert len(review_entries(p, status={"pending"})) == pending > 0
