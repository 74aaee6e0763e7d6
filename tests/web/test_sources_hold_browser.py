"""team29 (#11) in headless Chromium, on the team server: a manager holds a source for de-identification by hand
from its page, with a reason; a refusal (no reason; held meanwhile from another tab) shows as one line under the
form, the source's name as text; the coder's source list loses it; the manager releases it and the coder sees it
again. A coder is offered no such control."""

from __future__ import annotations

import os
from typing import Any

import pytest
from playwright.sync_api import expect
from web_helpers import CHROMIUM, LiveServer

import makna

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)"),
]

SERVER_PASSWORD = "correct horse battery"  # the team fixture's (tests/conftest.py)
NAME = "<i>catatan</i> Bu Tini"


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


def test_a_manager_holds_a_source_by_hand_and_releases_it(browser: Any, team: Any, team_served: LiveServer) -> None:
    with makna.open_project(team.location(team.project("Studi")), coder="ana") as p:
        makna.import_text(p, NAME, "P: Siapa yang menemanimu?\nI: Kakak saya, dari kampung.\n", language="id")
        sid = makna.get_source(p, NAME).id
    budi, page, budi_errors = _log_in(browser, team_served.url, "budi")
    sources = page.locator("section.card.wide table.list")
    expect(sources).to_contain_text(NAME)
    page.goto(f"{team_served.url}/sources/{sid}")
    expect(page.locator("h1")).to_have_text(NAME)
    expect(page.locator("#hold-box")).to_have_count(0)

    dewi, mpage, dewi_errors = _log_in(browser, team_served.url, "dewi")
    stale = dewi.new_page()  # the same page in a second tab, read before the hold
    stale.goto(f"{team_served.url}/sources/{sid}")
    mpage.goto(f"{team_served.url}/sources/{sid}")
    mpage.click("#hold-box summary")
    mpage.fill("#hold-form input[name=reason]", "   ")
    mpage.click("#hold-form button[type=submit]")
    refusal = mpage.locator("#hold-form .error")
    expect(refusal).to_have_text("give the reason for holding it (--reason): e.g. 'it names her sister'")
    mpage.fill("#hold-form input[name=reason]", "her sister is named in the second answer")
    mpage.click("#hold-form button[type=submit]")
    expect(mpage.locator("#held-note .held-flag")).to_have_text("held: not de-identified yet")
    expect(mpage.locator("#hold-box")).to_have_count(0)

    stale.click("#hold-box summary")
    stale.fill("#hold-form input[name=reason]", "names")
    stale.click("#hold-form button[type=submit]")
    expect(stale.locator("#hold-form .error")).to_contain_text(f"source '{NAME}' is held for de-identification already")
    assert stale.locator("#hold-form .error i").count() == 0  # the name as text, never as markup

    page.goto(f"{team_served.url}/")
    expect(sources).to_contain_text("wawancara")
    expect(sources).not_to_contain_text(NAME)

    mpage.fill("#release-form input[name=reason]", "de-identified by hand: the sister's name removed")
    mpage.click("#release-form button[type=submit]")
    expect(mpage.locator("#held-note")).to_have_count(0)
    expect(mpage.locator("#hold-box summary")).to_have_text("Hold it for de-identification…")
    page.reload()
    expect(sources).to_contain_text(NAME)
    for context in (budi, dewi):
        context.close()
    assert not budi_errors and not dewi_errors, budi_errors + dewi_errors
