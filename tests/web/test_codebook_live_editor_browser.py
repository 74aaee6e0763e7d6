"""A second manager's open code editor follows another's change to the code (product20, #11): through the live
channel the workbench already has (``/api/events/stream``), an editor with no edits of its own takes the other's
version and says so; one with edits shows what the other changed and lets the manager keep theirs or take the
other's. A save refused with 409 (the change missed, the live channel down) does the same."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect
from web_helpers import CHROMIUM, workbench_page

import makna

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)"),
]

WAIT_MS = 10_000


@pytest.fixture
def editor(sample_location: str, browser: Any) -> Iterator[tuple[Any, str]]:
    """tester's codebook page with the code 'emosi' open in the editor."""
    with workbench_page(browser, sample_location) as opened:
        yield opened


def _open(pg: Any, url: str, *, live: bool = True) -> None:
    """The codebook with 'emosi' in the editor (``live``: once the page hears the live channel)."""
    pg.goto(f"{url}/codebook")
    pg.wait_for_selector("body[data-ready='1'][data-live='on']" if live else "body[data-ready='1']")
    pg.locator("#tree li.node[data-key='emosi']").click()
    expect(pg.locator("#editor")).to_be_visible()


def _other_renames(location: str) -> None:
    with makna.open_project(location, coder="ani") as ani:
        makna.update_code(ani, "emosi", name="Perasaan", definition="Perasaan yang diceritakan")


def test_an_untouched_editor_takes_the_change_live(editor: tuple[Any, str], sample_location: str) -> None:
    pg, url = editor
    _open(pg, url)
    _other_renames(sample_location)
    expect(pg.locator("#edit-form input[name=name]")).to_have_value("Perasaan", timeout=WAIT_MS)
    expect(pg.locator("#edit-form textarea[name=definition]")).to_have_value("Perasaan yang diceritakan")
    expect(pg.locator("#ed-changed")).to_contain_text("ani")
    expect(pg.locator("#tree li.node", has_text="Perasaan")).to_have_count(1)
    pg.fill("#edit-form textarea[name=example]", "contoh")
    with pg.expect_navigation():  # saved, the page reloads
        pg.click("#edit-form button[type=submit]")
    with makna.open_project(sample_location) as proj:
        code = makna.get_code(proj, "emosi")
    assert (code.name, code.example) == ("Perasaan", "contoh")


def test_an_edited_editor_shows_the_change_and_keeps_mine(editor: tuple[Any, str], sample_location: str) -> None:
    pg, url = editor
    _open(pg, url)
    pg.fill("#edit-form input[name=name]", "Rasa hati")
    _other_renames(sample_location)
    conflict = pg.locator("#ed-conflict")
    expect(conflict).to_be_visible(timeout=WAIT_MS)
    expect(conflict).to_contain_text("ani")
    expect(conflict).to_contain_text("Perasaan")  # what the other wrote, field by field
    expect(pg.locator("#edit-form input[name=name]")).to_have_value("Rasa hati")  # mine is not lost
    pg.click("#ed-keep-mine")
    expect(conflict).to_be_hidden()
    with pg.expect_navigation():  # saved, the page reloads
        pg.click("#edit-form button[type=submit]")
    with makna.open_project(sample_location) as proj:
        code = makna.get_code(proj, "emosi")
    assert code.name == "Rasa hati"  # mine saved over theirs, as chosen
    assert code.definition == "Perasaan yang diceritakan"  # a field not edited here took theirs


def test_a_refused_save_shows_the_change_and_takes_theirs(editor: tuple[Any, str], sample_location: str) -> None:
    pg, url = editor
    pg.route("**/api/events/stream**", lambda route: route.abort())  # no live channel: the save meets the 409
    _open(pg, url, live=False)
    pg.fill("#edit-form input[name=name]", "Rasa hati")
    _other_renames(sample_location)
    pg.click("#edit-form button[type=submit]")
    conflict = pg.locator("#ed-conflict")
    expect(conflict).to_be_visible(timeout=WAIT_MS)
    expect(conflict).to_contain_text("Perasaan")
    pg.click("#ed-take-theirs")
    expect(pg.locator("#edit-form input[name=name]")).to_have_value("Perasaan")
    expect(pg.locator("#edit-form textarea[name=definition]")).to_have_value("Perasaan yang diceritakan")
    with makna.open_project(sample_location) as proj:
        assert makna.get_code(proj, "emosi").name == "Perasaan"


def test_the_same_change_heard_twice_keeps_the_clash(editor: tuple[Any, str], sample_location: str) -> None:
    """A save sent while the live change is on its way is refused (409), and the editor reads the code again: the
    second hearing of the same change emptied the clash that the first had shown, hid the choice and let the next
    save overwrite the other's rename (CI, test_live_browser's stale edit, under load)."""
    pg, url = editor
    _open(pg, url)
    pg.fill("#edit-form input[name=name]", "Rasa hati")
    _other_renames(sample_location)
    conflict = pg.locator("#ed-conflict")
    expect(conflict).to_be_visible(timeout=WAIT_MS)  # heard live
    code = pg.evaluate("() => fetch('/api/codes/emosi').then((r) => r.json())")
    pg.evaluate("(code) => window.makna.updateCode(code, '')", code)  # the same change again (the 409's read)
    expect(conflict).to_be_visible()
    expect(conflict).to_contain_text("Perasaan")
    expect(pg.locator("#edit-form button[type=submit]")).to_be_disabled()  # the choice comes first
    expect(pg.locator("#edit-form input[name=name]")).to_have_value("Rasa hati")
