"""gate26 in headless Chromium: on the team server, a coder's source list (the home page) does not show a source
imported after the project's de-identification; its manager sees it flagged "held: not de-identified yet", opens
it, and releases it with a reason; then the coder sees it (trial15 problem 2)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect
from web_helpers import CHROMIUM, LiveServer

import makna
from makna.privacy.project import decide_all, scan

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)"),
]

SERVER_PASSWORD = "correct horse battery"  # the team fixture's (tests/conftest.py)
LATE = "Q: What was hardest?\nA: Standing for hours. Dr Margaret Fitzgerald told me to rest more.\n"


def _deidentified(p: Any, key: Path) -> None:
    """``p`` scanned, every detection accepted and applied: a late import is held from here on."""
    scan(p)
    decide_all(p, "accepted")
    makna.deid_apply(p, key, "tiga ekor kucing melompat pagar")


def _log_in(browser: Any, url: str, name: str) -> tuple[Any, Any, list[str]]:
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{url}/login")
    page.fill("#name", name)
    page.fill("#password", SERVER_PASSWORD)
    page.click("button[type=submit]")
    page.get_by_role("button", name="Studi").click()
    expect(page).to_have_url(f"{url}/")
    return context, page, errors


def test_a_coders_source_list_does_not_show_a_held_source(
    browser: Any, team: Any, team_served: LiveServer, tmp_path: Path
) -> None:
    with makna.open_project(team.location(team.project("Studi")), coder="ana") as p:
        _deidentified(p, tmp_path / "k.makna-key")
        makna.import_text(p, "late-survey.txt", LATE, language="en")
    budi, page, budi_errors = _log_in(browser, team_served.url, "budi")
    sources = page.locator("section.card.wide table.list")
    expect(sources).to_contain_text("wawancara")
    expect(sources).not_to_contain_text("late-survey.txt")
    expect(page.locator("main")).not_to_contain_text("held: not de-identified yet")

    dewi, mpage, dewi_errors = _log_in(browser, team_served.url, "dewi")
    row = mpage.locator("section.card.wide table.list tr", has_text="late-survey.txt")
    expect(row.locator(".held-flag")).to_have_text("held: not de-identified yet")
    row.get_by_role("link", name="late-survey.txt").click()
    expect(mpage.locator("#held-note")).to_contain_text("coders and viewers do not see it")
    mpage.fill("#release-form input[name=reason]", "a test answer that names no one")
    mpage.click("#release-form button[type=submit]")
    expect(mpage.locator("#held-note")).to_have_count(0)

    page.reload()
    expect(sources).to_contain_text("late-survey.txt")
    for context in (budi, dewi):
        context.close()
    assert not budi_errors and not dewi_errors, budi_errors + dewi_errors
