"""gate27 in headless Chromium: on the team server, a coder's Cases page does not show a case linked to a source
held for de-identification (its name, its attribute value), while its manager's does; no script error (#11)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect
from test_held_sources_browser import LATE, _deidentified, _log_in
from web_helpers import CHROMIUM, LiveServer

import makna

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)"),
]


def test_a_coders_cases_page_does_not_show_a_held_case(
    browser: Any, team: Any, team_served: LiveServer, tmp_path: Path
) -> None:
    with makna.open_project(team.location(team.project("Studi")), coder="ana") as p:
        _deidentified(p, tmp_path / "k.makna-key")
        makna.define_attribute(p, "kota", "text")
        makna.add_case(p, "Lastri", values={"kota": "Ternate"})
        makna.link_source(p, "Lastri", "wawancara")
        makna.import_text(p, "late-survey.txt", LATE, language="en")
        makna.add_case(p, "Yohana Tanamal", values={"kota": "Saumlaki"})
        makna.link_source(p, "Yohana Tanamal", "late-survey.txt")
    budi, page, budi_errors = _log_in(browser, team_served.url, "budi")
    page.goto(f"{team_served.url}/cases")
    expect(page.locator("main")).to_contain_text("Lastri")
    expect(page.locator("main")).not_to_contain_text("Yohana Tanamal")
    assert "Saumlaki" not in page.content() and "Yohana" not in page.content()  # nor in a field or the page's data

    dewi, mpage, dewi_errors = _log_in(browser, team_served.url, "dewi")
    mpage.goto(f"{team_served.url}/cases")
    expect(mpage.locator("main")).to_contain_text("Yohana Tanamal")
    assert "Saumlaki" in mpage.content()
    for context in (budi, dewi):
        context.close()
    assert not budi_errors and not dewi_errors, budi_errors + dewi_errors
