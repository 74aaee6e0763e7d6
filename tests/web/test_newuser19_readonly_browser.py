"""A student (coder) on the team server sees the codebook and the cases without a manager's controls:
hidden on screen, not only marked so in the HTML (#11, the nineteenth new user's trial)."""

from __future__ import annotations

import os
from typing import Any

import pytest
from web_helpers import CHROMIUM, LiveServer

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)"),
]

SERVER_PASSWORD = "correct horse battery"  # the team fixture's (tests/conftest.py)
CONTROLS = {
    "/codebook": ["#add-code", "#import-codebook", "#root-drop", "#move-form", "#merge-form", "#delete-form"],
    "/cases": ["#add-case", "#add-attribute", "#import-cases"],
}


def _visible(browser: Any, url: str, who: str) -> dict[str, bool]:
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{url}/login")
    page.fill("#name", who)
    page.fill("#password", SERVER_PASSWORD)
    page.click("button[type=submit]")
    page.get_by_role("button", name="Studi").click()
    page.wait_for_url(f"{url}/")
    seen = {}
    for path, selectors in CONTROLS.items():
        page.goto(url + path)
        page.wait_for_selector("main h1")
        if path == "/codebook":
            page.locator("#tree li.node").first.click()  # the editor, with its move, merge and delete forms
            page.wait_for_selector("#editor:not([hidden])")
        seen.update({s: page.locator(s).is_visible() for s in selectors})
    context.close()
    assert not errors, errors
    return seen


def test_a_coder_does_not_see_a_managers_controls_and_a_manager_does(browser: Any, team_served: LiveServer) -> None:
    assert not any(_visible(browser, team_served.url, "budi").values())
    assert all(_visible(browser, team_served.url, "dewi").values())
