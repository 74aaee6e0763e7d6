"""invite18 in headless Chromium: a manager makes an invitation link on the members page; a newcomer
opens it in another browser, makes an account, lands on their projects logged in, and works in the
project as a coder; the used link then says it is not valid."""

from __future__ import annotations

import os
from typing import Any

import pytest
from playwright.sync_api import expect
from web_helpers import CHROMIUM, LiveServer

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)"),
]

SERVER_PASSWORD = "correct horse battery"  # the team fixture's (tests/conftest.py)
NEW_PASSWORD = "sebuah kata sandi baru"


def test_a_newcomer_accepts_an_invitation(browser: Any, team_served: LiveServer) -> None:
    served = team_served
    errors: list[str] = []
    manager = browser.new_context()
    page = manager.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{served.url}/login")
    page.fill("#name", "dewi")
    page.fill("#password", SERVER_PASSWORD)
    page.click("button[type=submit]")
    page.get_by_role("button", name="Studi").click()
    expect(page).to_have_url(f"{served.url}/")
    page.click("a[href='/members']")
    expect(page.locator("#role option")).to_have_count(3)  # manager, coder, viewer: never owner
    page.select_option("#role", "coder")
    page.fill("#note", "for Fajar")
    page.get_by_role("button", name="Make an invitation link").click()
    link = page.locator("#invite-link").input_value()
    assert link.startswith(f"{served.url}/invite/")
    expect(page.locator("#invitations")).to_contain_text("for Fajar")
    manager.close()

    newcomer = browser.new_context()
    page = newcomer.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(link)
    expect(page.locator("#invite-what")).to_contain_text("dewi invites you as coder to: Studi.")
    page.fill("#new-name", "fajar")
    page.fill("#new-password", NEW_PASSWORD)
    page.fill("#new-password2", NEW_PASSWORD)
    page.get_by_role("button", name="Make the account and join").click()
    expect(page).to_have_url(f"{served.url}/projects")
    page.get_by_role("button", name="Studi").click()
    expect(page).to_have_url(f"{served.url}/")
    expect(page.locator("span.who b")).to_have_text("fajar")
    assert page.locator("a[href='/members']").count() == 0  # a coder does not invite
    cookie = next(c for c in newcomer.cookies() if c["name"] == "makna_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    newcomer.close()

    late = browser.new_context()
    page = late.new_page()
    response = page.goto(link)
    assert response is not None and response.status == 404
    expect(page.locator("p.error")).to_contain_text("this invitation link is not valid")
    late.close()
    assert not errors, errors
