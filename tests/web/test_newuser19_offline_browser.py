"""A coding made while the connection to the server is lost (a student's Wi-Fi drops, the team server
restarts): the page said only "Could not save: Failed to fetch" and dropped the selection, so the
student had to find and select the passage again (#11, the nineteenth new user's trial)."""

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

SOURCE = "ojek-pekanbaru.txt"
TEXT = (
    "Pewawancara: Bagaimana rasanya dengan rating di aplikasi?\n"
    "Narasumber: Rating itu bikin cemas. Satu bintang saja, akun bisa kena suspend.\n"
)
PHRASE = "Satu bintang saja, akun bisa kena suspend"


def test_a_coding_refused_for_want_of_a_connection_keeps_the_selection_and_says_why(
    project_location: str, browser: Any
) -> None:
    with makna.create_project(project_location, "Uji koneksi", coder="tester") as p:
        makna.import_text(p, SOURCE, TEXT, language="id")
        makna.add_code(p, "cemas", "Cemas dinilai", color="#F28E2B")
    errors: list[str] = []
    with serve_workbench(project_location, coder="dewi") as (app, server):
        sid = makna.get_source(app.state.project, SOURCE).id
        context = browser.new_context(viewport={"width": 1200, "height": 800})
        pg = context.new_page()
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.goto(f"{server.url}/?token={TOKEN}")
        pg.goto(f"{server.url}/sources/{sid}")
        pg.wait_for_selector("body[data-ready='1']")
        at = TEXT.index(PHRASE)
        pg.evaluate("([s, e]) => window.makna.setSelection(s, e)", [at, at + len(PHRASE)])

        context.set_offline(True)
        pg.keyboard.press("1")
        toast = pg.locator("#toast.bad")
        toast.wait_for(state="visible")
        # sec21: a request that got no answer may have been saved (a lost reply), so the message says "may not" and
        # that a coding sent again is not made twice
        assert "no answer from the server" in toast.inner_text() and "try again" in toast.inner_text()
        assert "Failed to fetch" not in toast.inner_text()
        held = pg.evaluate("() => window.makna.heldSelection()")
        assert held == {"start": at, "end": at + len(PHRASE)}, held
        assert pg.locator(".stripe[data-seg]").count() == 0

        context.set_offline(False)  # back: the same key codes the same words, nothing selected again
        pg.keyboard.press("1")
        pg.wait_for_selector(".stripe[data-seg]")
        context.close()
        with makna.open_project(project_location, coder="tester") as p:
            got = [(s.start, s.end, s.coder) for s in makna.retrieve(p, code="cemas")]
    assert got == [(at, at + len(PHRASE), "dewi")]
    assert not errors, errors
