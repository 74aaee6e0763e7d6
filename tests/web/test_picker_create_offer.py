"""trial13: the code picker offered "Create code “debt.fees”" to a coder on the team server, who may not add
codes: choosing it (typing a code's key, as a codebook lists it, and clicking the first entry that says it)
got "Could not save: ... needs the manager role" and the selection cleared, and no coding. Now the source
page tells the picker whether its user may add codes, and a code's own key is no new name either."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from web_helpers import TEXT, team_login, workbench_page

from makna.server.ratelimit import LoginLimiter
from makna.web.server_app import create_server_app

SERVER_PASSWORD = "correct horse battery"  # the team fixture's (tests/conftest.py)


def _page_data(html: str) -> dict[str, Any]:
    m = re.search(r'<script type="application/json" id="page-data">(.*?)</script>', html, re.DOTALL)
    assert m, "no page data"
    data: dict[str, Any] = json.loads(m.group(1))
    return data


def test_the_source_page_says_who_may_create_codes(team: Any, server_db: str) -> None:
    app = create_server_app(server_db, lang="en", limiter=LoginLimiter(failures=10, window=600))
    try:
        for name, may in (("budi", False), ("dewi", True)):
            c, csrf = team_login(app, name, SERVER_PASSWORD)
            try:
                sid = c.get("/api/sources", headers={"x-makna-csrf": csrf}).json()[0]["id"]
                assert _page_data(c.get(f"/sources/{sid}").text)["may_create"] is may, name
            finally:
                c.close()
    finally:
        app.state.registry.close()


@pytest.mark.browser
def test_a_codes_key_is_not_offered_as_a_new_code(browser: Any, sample_location: str) -> None:
    with workbench_page(browser, sample_location) as (pg, _url):
        pg.click("table.list a")
        pg.wait_for_selector("body[data-ready='1']")
        start = TEXT.index("warung kopi")
        pg.evaluate("([a, b]) => window.makna.setSelection(a, b)", [start, start + len("warung")])
        pg.keyboard.press("Enter")
        pg.fill("#picker-input", "emosi.senang")
        items = pg.locator("#picker-list li").all_inner_texts()
        assert any("Senang" in t for t in items), items
        assert not any("Create code" in t for t in items), items
        pg.fill("#picker-input", "a new theme")
        assert any("Create code" in t for t in pg.locator("#picker-list li").all_inner_texts())
