"""The review's "Accept everywhere" / "Reject everywhere" (every detection of one text at once, trial7's
item 7) through the API and in Debian's Chromium, and the codebook upload on the Codebook page (item 2)
in the browser. Only pending detections change: the page asks for a confirmation that says how many, in
how many sources, and how many already decided ones stay as they are."""

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
from makna.privacy.project import decide, review_entries
from makna.web import close_app, create_app

ONE = (
    "P: Siapa nama Anda?\nI: Nama saya Budi Santoso, saya tinggal di Bandung.\nP: Sejak kapan?\n"
    "I: Budi Santoso pindah ke Bandung tahun 2010.\n"
)
TWO = "P: Kenal siapa?\nI: Saya kenal Budi Santoso dari pasar di Bandung.\n"


@pytest.fixture
def reviewed(tmp_path: Path) -> Iterator[Any]:
    """A project with the place 'Bandung' detected in two sources, the first detection accepted and the
    others pending, served."""
    location = str(tmp_path / "review.makna")
    with makna.create_project(location, "Tinjau", coder="tester") as p:
        makna.import_text(p, "satu", ONE, language="id")
        makna.import_text(p, "dua", TWO, language="id")
        makna.deid_scan(p)
        places = [e for e in review_entries(p) if e.text == "Bandung"]
        assert len(places) >= 3, "the detectors did not find the planted place"  # fail, never skip
        decide(p, [places[0].id], "accepted")
    app = create_app(location, token=TOKEN, coder="tester", lang="id")
    yield app
    close_app(app)


def _bandung(app: Any) -> dict[str, str]:
    return {e.id: e.status for e in review_entries(app.state.project) if e.text == "Bandung"}


def _sources(ids: list[str]) -> int:
    return len({i.split(":")[0] for i in ids})


def test_api_decides_every_detection_of_the_text(reviewed: Any) -> None:
    c = Client(reviewed)
    csrf = login(c)
    first, *pending = _bandung(reviewed)
    r = c.get("/api/deid/decide-same", params={"id": pending[0], "status": "rejected"})
    assert r.status_code == 200, r.text
    plan = r.json()
    assert (plan["changed"], plan["left"], plan["sources"]) == (len(pending), 1, _sources(pending))
    assert set(_bandung(reviewed).values()) == {"accepted", "pending"}  # asking changes nothing
    r = c.post("/api/deid/decide-same", json={"id": pending[0], "status": "rejected"}, headers={"X-Makna-CSRF": csrf})
    assert r.status_code == 200, r.text
    assert r.json() == plan
    assert _bandung(reviewed) == {first: "accepted"} | dict.fromkeys(pending, "rejected")
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
        first, *pending = _bandung(reviewed)
        assert rows.count() == len(pending) + 1 >= 3
        asked: list[str] = []
        pg.once("dialog", lambda d: (asked.append(d.message), d.dismiss()))
        rows.nth(1).locator("button.same[data-status=rejected]").click()
        expect(rows.nth(1).locator("button.same[data-status=rejected]")).to_be_enabled()
        assert asked == [
            f"Tolak {len(pending)} deteksi yang menunggu untuk teks ini di {_sources(pending)} sumber? "
            "1 yang sudah diputuskan tetap seperti semula."
        ]
        assert set(_bandung(reviewed).values()) == {"accepted", "pending"}  # dismissed: nothing changed
        pg.once("dialog", lambda d: (asked.append(d.message), d.accept()))
        rows.nth(1).locator("button.same[data-status=rejected]").click()
        expect(pg.locator("#toast")).to_contain_text("deteksi teks ini diubah")
        expect(pg.locator("#toast")).to_contain_text("1 sudah diputuskan, dibiarkan seperti semula")
        assert len(asked) == 2
        for i in range(rows.count()):
            expect(rows.nth(i)).to_have_attribute("data-status", "accepted" if i == 0 else "rejected")
        expect(rows.nth(1).locator("span.status")).to_have_text("ditolak")
        assert _bandung(reviewed) == {first: "accepted"} | dict.fromkeys(pending, "rejected")
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
