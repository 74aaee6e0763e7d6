"""Blind coding in the browser: while a blind round is open, coder budi sees none of ani's codings or
the memos on them anywhere in the workbench (the transcript, its memo panel and memo search,
retrieval, the analysis tables, the home page's counts and activity); once the round closes he sees
them all (#14). On SQLite and PostgreSQL."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from web_helpers import CHROMIUM, SOURCE, TEXT, TOKEN, serve_workbench

import makna
from makna.memos import add_memo

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)"),
]

PHRASE = "sekarang jualan daring"
SECRET = "RAHASIA"  # in ani's coding memo and in her memo on the coding


@pytest.fixture
def blind(sample_location: str) -> str:
    """A blind round on every source (opened by lead, who manages it); inside it ani codes PHRASE
    with a code no one else uses, with a coding memo, and writes a memo on that coding."""
    with makna.open_project(sample_location, coder="lead") as lead:
        makna.add_code(lead, "rahasia", "Kode rahasia")
        makna.open_round(lead, "putaran-buta")
    with makna.open_project(sample_location, coder="ani") as ani:
        at = TEXT.index(PHRASE)
        seg = makna.code_span(ani, SOURCE, at, at + len(PHRASE), "rahasia", memo=f"{SECRET} coding memo").id
        add_memo(ani, "segment", seg, f"{SECRET} memo on the coding")
    return sample_location


@pytest.fixture
def budi(blind: str, browser: Any) -> Iterator[tuple[Any, str, str]]:
    """budi's workbench and browser page: ``(page, base url, source id)``."""
    errors: list[str] = []
    with serve_workbench(blind, coder="budi") as (app, server):
        context = browser.new_context(viewport={"width": 1300, "height": 900})
        pg = context.new_page()
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.goto(f"{server.url}/?token={TOKEN}")
        yield pg, server.url, makna.get_source(app.state.project, SOURCE).id
        context.close()
    assert not errors, errors


def _marks(page: Any) -> int:
    at = TEXT.index(PHRASE)
    return int(page.evaluate("""(at) => [...document.querySelectorAll('#text .hl[data-s]')]
        .filter((l) => +l.dataset.s <= at && at < +l.dataset.s + [...l.textContent].length).length""", at))


def _what_budi_sees(page: Any, base: str, sid: str) -> dict[str, Any]:
    """Everything of ani's round work budi could find in the workbench's pages."""
    seen: dict[str, Any] = {}
    page.goto(f"{base}/sources/{sid}")
    page.wait_for_selector("body[data-ready='1'][data-live='on']")
    page.wait_for_selector("#memo-list li")  # loaded: memos, or the line saying there are none
    seen["marks"] = _marks(page)
    seen["memo panel"] = SECRET in page.locator("#memo-list").inner_text()
    seen["memo search"] = len(page.evaluate("() => window.makna.api('GET', '/api/memos?q=rahasia')"))
    seen["coding api"] = any(s["coder"] == "ani" for s in page.evaluate(
        "(sid) => window.makna.api('GET', '/api/sources/' + sid + '/segments')", sid))
    page.goto(f"{base}/retrieve?code=rahasia")
    seen["retrieval"] = PHRASE in page.locator("main").inner_text() or SECRET in page.content()
    page.goto(f"{base}/analysis?view=frequencies")
    row = page.locator("#frequencies tr", has_text="Kode rahasia")
    seen["frequencies"] = int(row.locator("td.num").first.inner_text())
    page.goto(f"{base}/")
    seen["activity"] = "ani" in page.locator("ol.events li b").all_inner_texts()  # who did what
    seen["codebook"] = int(page.evaluate("""() => window.makna.api('GET', '/api/project')
        .then((p) => p.segments)"""))
    return seen


def test_blind_round_hides_another_coders_work_everywhere_until_it_closes(budi: tuple[Any, str, str],
                                                                         blind: str) -> None:
    page, base, sid = budi
    hidden = _what_budi_sees(page, base, sid)
    assert hidden == {"marks": 0, "memo panel": False, "memo search": 0, "coding api": False, "retrieval": False,
                      "frequencies": 0, "activity": False, "codebook": 0}, hidden  # the round hides the sample's too
    assert page.locator("#blind-banner").count() == 1
    with page.expect_navigation(), makna.open_project(blind, coder="lead") as lead:
        makna.close_round(lead)  # the open page hears of it and reloads: the banner goes
    page.wait_for_selector("body[data-live='on']")
    assert page.locator("#blind-banner").count() == 0
    shown = _what_budi_sees(page, base, sid)
    assert shown == {"marks": 1, "memo panel": True, "memo search": 2, "coding api": True, "retrieval": True,
                     "frequencies": 1, "activity": True, "codebook": 4}, shown
