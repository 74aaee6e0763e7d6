"""Writing the report again (the Indonesian one after the English one): the page kept the previous
report's download links while the new one was written, so a click in those seconds downloaded the
report in the other language (#11, the nineteenth new user's trial)."""

from __future__ import annotations

import os
from typing import Any

import pytest
from web_helpers import CHROMIUM, TOKEN, serve_workbench

import makna

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)"),
]


def test_the_previous_reports_links_go_while_the_next_is_written(
    project_location: str, browser: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # a PostgreSQL project's reports go to the server's working folder: not the checkout
    with makna.create_project(project_location, "Uji laporan", coder="tester") as p:
        makna.import_text(p, "ojek.txt", "P: Kenapa memilih ojek?\nI: Karena jam kerjanya bebas.\n", language="id")
        makna.add_code(p, "bebas", "Waktu bebas")
        makna.code_turn(p, "ojek.txt", 2, "bebas")
    errors: list[str] = []
    with serve_workbench(project_location, coder="ani") as (_app, server):
        context = browser.new_context()
        pg = context.new_page()
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.goto(f"{server.url}/?token={TOKEN}")
        pg.goto(f"{server.url}/analysis?view=report")
        pg.wait_for_selector("body[data-ready='1']")
        links = pg.locator("#report-files a")
        pg.select_option("#write-report select[name=lang]", "en")
        pg.click("#write-report button[type=submit]")
        links.first.wait_for()
        held: list[Any] = []  # the second write waits in the browser until the links are looked at
        pg.route("**/api/report", lambda route: held.append(route))
        pg.select_option("#write-report select[name=lang]", "id")
        pg.click("#write-report button[type=submit]")
        pg.wait_for_function("() => document.querySelector('#write-report button').disabled")
        assert links.count() == 0
        held[0].continue_()
        links.first.wait_for()
        assert links.count() == 6  # both languages kept, each download saying which (product20)
        texts = links.all_inner_texts()
        assert sum("(English)" in t for t in texts) == 3 and sum("(Indonesian)" in t for t in texts) == 3
        assert "/analysis/report/id/report.html" in [links.nth(i).get_attribute("href") for i in range(6)]
        context.close()
    assert not errors, errors
