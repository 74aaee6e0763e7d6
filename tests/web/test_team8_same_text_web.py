"""The review's "Accept everywhere" / "Reject everywhere" (every detection of one text at once, trial7's
item 7) through the API and in Debian's Chromium, and the codebook upload on the Codebook page (item 2)
in the browser."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect
from web_helpers import CHROMIUM, TOKEN, Client, LiveServer, login

import makna
from makna.privacy.project import decide_all, review_entries
from makna.web import close_app, create_app

ONE = (
    "P: Siapa nama Anda?\nI: Nama saya Budi Santoso, saya tinggal di Bandung.\nP: Sejak kapan?\n"
    "I: Budi Santoso pindah ke Bandung tahun 2010.\n"
)
TWO = "P: Kenal siapa?\nI: Saya kenal Budi Santoso dari pasar di Bandung.\n"


@pytest.fixture
def reviewed(tmp_path: Path) -> Iterator[Any]:
    """A project with the place 'Bandung' detected in two sources, every detection accepted, served."""
    location = str(tmp_path / "review.makna")
    with makna.create_project(location, "Tinjau", coder="tester") as p:
        makna.import_text(p, "satu", ONE, language="id")
        makna.import_text(p, "dua", TWO, language="id")
        makna.deid_scan(p)
        if not any(e.text == "Bandung" for e in review_entries(p)):
            pytest.skip("the detectors did not find the planted place")
        decide_all(p, "accepted")
    app = create_app(location, token=TOKEN, coder="tester", lang="id")
    yield app
    close_app(app)


def _bandung(app: Any) -> dict[str, str]:
    return {e.id: e.status for e in review_entries(app.state.project) if e.text == "Bandung"}


def test_api_decides_every_detection_of_the_text(reviewed: Any) -> None:
    c = Client(reviewed)
    csrf = login(c)
    one = next(iter(_bandung(reviewed)))
    r = c.post("/api/deid/decide-same", json={"id": one, "status": "rejected"}, headers={"X-Makna-CSRF": csrf})
    assert r.status_code == 200, r.text
    assert set(r.json()["ids"]) == set(_bandung(reviewed)) and set(_bandung(reviewed).values()) == {"rejected"}
    r = c.post("/api/deid/decide-same", json={"id": "99:1", "status": "rejected"}, headers={"X-Makna-CSRF": csrf})
    assert r.status_code in (400, 404) and "99" in r.json()["error"]
    c.close()


@pytest.mark.browser
@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)")
def test_reject_everywhere_and_codebook_upload_in_the_browser(reviewed: Any, browser: Any, tmp_path: Path) -> None:
    server = LiveServer(reviewed)
    context = browser.new_context(locale="id-ID")
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    try:
        pg.goto(f"{server.url}/?token={TOKEN}")
        pg.goto(f"{server.url}/deid?status=")
        rows = pg.locator("tr[data-id]", has=pg.locator("td.ctx mark", has_text=re.compile(r"^Bandung$")))
        assert rows.count() == len(_bandung(reviewed)) >= 2
        rows.first.locator("button.same[data-status=rejected]").click()
        expect(pg.locator("#toast")).to_contain_text("deteksi teks ini diubah")
        for i in range(rows.count()):
            expect(rows.nth(i)).to_have_attribute("data-status", "rejected")
            expect(rows.nth(i).locator("span.status")).to_have_text("ditolak")
        assert set(_bandung(reviewed).values()) == {"rejected"}
        assert "Tolak di mana pun" in pg.inner_text("body")
        book = tmp_path / "codebook.yaml"
        book.write_text("format: makna-codebook/1\ncodes:\n  - key: harapan\n    name: Harapan\n", encoding="utf-8")
        pg.goto(f"{server.url}/codebook")
        pg.locator("#import-codebook input[type=file]").set_input_files(str(book))
        pg.locator("#import-codebook button").click()
        expect(pg.locator("#import-codebook .import-status")).to_contain_text("codebook.yaml: 1 ditambahkan")
        pg.wait_for_load_state("load")
        expect(pg.locator("body")).to_contain_text("Harapan")
        assert errors == []
    finally:
        context.close()
        server.stop()
