"""newuser18: after "Accept everywhere" / "Reject everywhere" on the de-identification review, the counts
of the page (each source's pending/accepted/rejected and the line "In all sources and fields") follow the
decision, as they do for a single accept; they stayed at their old values until a reload, so a student who
had just accepted a name in four places read "33 pending · 2 accepted"."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect
from web_helpers import CHROMIUM, TOKEN, LiveServer

import makna
from makna.privacy.project import deid_status, review_entries
from makna.web import close_app, create_app

ONE = (
    "P: Siapa nama Anda?\nI: Nama saya Budi Santoso, saya tinggal di Bandung.\nP: Sejak kapan?\n"
    "I: Budi Santoso pindah ke Bandung tahun 2010.\n"
)
TWO = "P: Kenal siapa?\nI: Saya kenal Budi Santoso dari pasar di Bandung.\n"


@pytest.fixture
def scanned(tmp_path: Path) -> Iterator[Any]:
    location = str(tmp_path / "counts.makna")
    with makna.create_project(location, "Hitung", coder="tester") as p:
        makna.import_text(p, "satu", ONE, language="id")
        makna.import_text(p, "dua", TWO, language="id")
        makna.deid_scan(p)
        assert len([e for e in review_entries(p) if e.text == "Bandung"]) >= 3  # fail, never skip
    app = create_app(location, token=TOKEN, coder="tester", lang="en")
    yield app
    close_app(app)


def _shown(pg: Any) -> dict[str, tuple[int, int, int]]:
    out = {}
    for row in pg.locator("#deid-status tbody tr[data-source]").all():
        out[row.get_attribute("data-source")] = tuple(
            int(row.locator(f".c-{k}").inner_text()) for k in ("pending", "accepted", "rejected")
        )
    out["all"] = tuple(
        int(pg.locator(f"#review-counts .t-{k}").inner_text()) for k in ("pending", "accepted", "rejected")
    )
    return out


def _stored(app: Any) -> dict[str, tuple[int, int, int]]:
    rows = {s.source_id: (s.pending, s.accepted, s.rejected) for s in deid_status(app.state.project)}
    rows["all"] = tuple(sum(r[i] for r in rows.values()) for i in range(3))  # no free-text field detections here
    return rows


@pytest.mark.browser
@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)")
@pytest.mark.parametrize("status", ["accepted", "rejected"])
def test_counts_follow_a_decision_everywhere(scanned: Any, browser: Any, status: str) -> None:
    server = LiveServer(scanned)
    context = browser.new_context(locale="en-GB")
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    try:
        pg.goto(f"{server.url}/?token={TOKEN}")
        pg.goto(f"{server.url}/deid")
        before = _stored(scanned)
        assert _shown(pg) == before
        rows = pg.locator("tr[data-id]", has=pg.locator("td.ctx mark", has_text=re.compile(r"^Bandung$")))
        pg.once("dialog", lambda d: d.accept())
        rows.nth(1).locator(f"button.same[data-status={status}]").click()
        expect(rows.nth(2)).to_have_attribute("data-status", status)
        after = _stored(scanned)
        assert after != before
        expect(pg.locator("#review-counts .t-pending")).to_have_text(str(after["all"][0]))
        assert _shown(pg) == after
        assert errors == []
    finally:
        context.close()
        server.stop()
