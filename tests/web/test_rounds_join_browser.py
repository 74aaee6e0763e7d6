"""In the browser: the manager who opened a blind round sees a coder's codings through it until she clicks "Code
blind in this round" on the Rounds page; then the transcript shows none of them and the blind banner is shown
(trial12 #5)."""

from __future__ import annotations

import os
from typing import Any

import pytest
from web_helpers import CHROMIUM, SOURCE, TEXT, workbench_page

import makna

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)"),
]

PHRASE = "sekarang jualan daring"


def _marks(page: Any) -> int:
    at = TEXT.index(PHRASE)
    return int(
        page.evaluate(
            """(at) => [...document.querySelectorAll('#text .hl[data-s]')]
        .filter((l) => +l.dataset.s <= at && at < +l.dataset.s + [...l.textContent].length).length""",
            at,
        )
    )


def _source(page: Any, base: str, sid: str) -> int:
    page.goto(f"{base}/sources/{sid}")
    page.wait_for_selector("body[data-ready='1']")
    return _marks(page)


def test_the_manager_joins_the_round_from_the_rounds_page(sample_location: str, browser: Any) -> None:
    with makna.open_project(sample_location, coder="lead") as lead:
        makna.add_code(lead, "daring", "Jualan daring")
        makna.open_round(lead, "sampel-dosen")
        sid = makna.get_source(lead, SOURCE).id
    with makna.open_project(sample_location, coder="ani") as ani:
        at = TEXT.index(PHRASE)
        makna.code_span(ani, SOURCE, at, at + len(PHRASE), "daring")
    with workbench_page(browser, sample_location, coder="lead") as (page, base):
        assert _source(page, base, sid) == 1  # she runs the round: she sees through it
        page.goto(f"{base}/rounds")
        page.click("#join-round")
        page.wait_for_selector("#round-joined")
        assert page.locator("#join-round").count() == 0
        assert _source(page, base, sid) == 0
        assert page.locator("#blind-banner").count() == 1
