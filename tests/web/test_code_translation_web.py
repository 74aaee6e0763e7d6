"""A code's name in another language, edited in the codebook editor (API and page): the report in that language
shows it (product21)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect
from web_helpers import CHROMIUM, Client, workbench_page

import makna


def test_the_api_sets_and_removes_a_translation_at_the_version_read(client: Client, csrf: str) -> None:
    h = {"X-Makna-CSRF": csrf}
    code = client.get("/api/codes/emosi").json()
    body = {
        "version": code["version"],
        "translation": {"language": "en", "name": "Emotions", "definition": "Feelings told."},
    }
    r = client.patch("/api/codes/emosi", json=body, headers=h)
    assert r.status_code == 200, r.text
    assert r.json()["translations"] == [["en", "Emotions", "Feelings told."]]
    stale = client.patch("/api/codes/emosi", json=body, headers=h)  # the version read is old now
    assert stale.status_code == 409
    both = {"version": r.json()["version"], "name": "Emosi!", "translation": {"language": "en", "name": ""}}
    r = client.patch("/api/codes/emosi", json=both, headers=h)
    assert r.status_code == 200 and r.json()["name"] == "Emosi!" and r.json()["translations"] == []
    bad = client.patch("/api/codes/emosi", json={"translation": {"language": "English!", "name": "x"}}, headers=h)
    assert bad.status_code == 400


@pytest.fixture
def page(sample_location: str, browser: Any) -> Iterator[tuple[Any, str]]:
    with workbench_page(browser, sample_location) as opened:
        yield opened


@pytest.mark.browser
@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)")
def test_the_codebook_editor_edits_a_codes_name_in_another_language(
    page: tuple[Any, str], sample_location: str
) -> None:
    pg, url = page
    pg.goto(f"{url}/codebook")
    pg.wait_for_selector("body[data-ready='1']")
    pg.locator("#tree li.node[data-key='emosi']").click()
    expect(pg.locator("#ed-translation")).to_be_visible()
    expect(pg.locator("#edit-form input[name=tr_language]")).to_have_value("id")  # the other language of the UI
    pg.fill("#edit-form input[name=tr_language]", "en")
    pg.locator("#edit-form input[name=tr_language]").dispatch_event("change")
    pg.fill("#edit-form input[name=tr_name]", "Emotions")
    pg.fill("#edit-form textarea[name=tr_definition]", "Feelings the informant tells of.")
    with pg.expect_navigation():
        pg.click("#edit-form button[type=submit]")
    with makna.open_project(sample_location) as proj:
        code = makna.get_code(proj, "emosi")
    assert (code.name_in("en"), code.definition_in("en")) == ("Emotions", "Feelings the informant tells of.")
    pg.wait_for_selector("body[data-ready='1']")
    pg.locator("#tree li.node[data-key='emosi']").click()
    expect(pg.locator("#edit-form input[name=tr_language]")).to_have_value("en")  # the one it has
    expect(pg.locator("#edit-form input[name=tr_name]")).to_have_value("Emotions")
