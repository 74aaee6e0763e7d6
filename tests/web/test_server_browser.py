"""The team server in headless Chromium: a wrong password is refused, the right one logs in, the
user chooses a project, codes under their own name, and logs out; afterwards the pages ask for a
login again (#14)."""

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


@pytest.fixture
def served(team_served: LiveServer) -> LiveServer:
    return team_served


def test_login_choose_a_project_and_log_out(browser: Any, served: LiveServer) -> None:
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{served.url}/codebook")
    expect(page).to_have_url(f"{served.url}/login?next=/codebook")
    page.fill("#name", "budi")
    page.fill("#password", "not the password")
    page.click("button[type=submit]")
    expect(page.locator("p.error")).to_contain_text("Wrong user name or password.")
    page.fill("#name", "budi")
    page.fill("#password", SERVER_PASSWORD)
    page.click("button[type=submit]")
    expect(page).to_have_url(f"{served.url}/projects")  # /codebook, whose project is to be chosen first
    page.get_by_role("button", name="Studi").click()
    expect(page).to_have_url(f"{served.url}/")
    expect(page.locator("span.who b")).to_have_text("budi")
    cookie = next(c for c in context.cookies() if c["name"] == "makna_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    # the page's own script writes with the session's CSRF token, as budi
    status = page.evaluate("""async () => {
        const csrf = document.querySelector('meta[name="makna-csrf"]').content;
        const r = await fetch('/api/segments', {method: 'POST', headers: {'Content-Type': 'application/json',
            'X-Makna-CSRF': csrf}, body: JSON.stringify({source: 'wawancara', start: 0, end: 2, code: 'emosi'})});
        return [r.status, (await r.json()).coder];
    }""")
    assert status == [201, "budi"]
    page.get_by_role("button", name="Log out").click()
    expect(page).to_have_url(f"{served.url}/login")
    assert not [c for c in context.cookies() if c["name"] == "makna_session"]
    page.goto(f"{served.url}/")
    expect(page).to_have_url(f"{served.url}/login?next=/")
    context.close()
    assert not errors, errors
