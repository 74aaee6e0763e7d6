"""Marking an identifier the detectors missed inside a free-text FIELD value (a memo, a case's description,
an attribute value, a code's definition) from the browser, as a transcript's missed identifier is marked
(#11, deidui): GET /api/deid/fields lists the values, POST /api/deid/field-detections adds one (one
transaction, a ``deid.add`` event with the actor and no identifier string), the de-identification page
shows the chosen value for a selection, and apply replaces the marked text."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from pages_helpers import build_private, logged_in
from playwright.sync_api import expect
from web_helpers import CHROMIUM, TOKEN, serve_workbench

import makna
from makna.cases import add_case
from makna.memos import add_memo
from makna.privacy.project import review_entries, scan
from makna.privacy.project_apply import apply

MEMO = "Catatan lapangan: ketemu lagi dengan Wulandari Kusumo di terminal."
MISSED = "Wulandari Kusumo"  # what the detectors found over it is rejected first: the test marks it by hand
DESCRIPTION = "Informan kedua; kakaknya bernama Ranti."


def _build(location: str) -> None:
    build_private(location)
    with makna.open_project(location, coder="tester") as p:
        add_memo(p, "project", None, MEMO, title="Lapangan 1")
        add_case(p, "Informan B", DESCRIPTION)
        scan(p)


def _field_id(fields: list[dict[str, Any]], field: str, value: str) -> str:
    return next(f["id"] for f in fields if f["field"] == field and f["value"] == value)


def _drop_detections_on(location: str, value: str, text: str) -> None:
    """Reject whatever the detectors found over ``text`` in the field value, so the test marks it itself."""
    from makna.privacy.project import decide

    with makna.open_project(location, coder="tester") as p:
        at = value.index(text)
        ids = [
            e.id
            for e in review_entries(p)
            if e.field != "sources.text"
            and e.start < at + len(text)
            and at < e.end
            and value[e.start : e.end] == e.text
        ]
        if ids:
            decide(p, ids, "rejected")


def test_mark_a_missed_identifier_in_a_field_through_the_api(project_location: str, tmp_path: Path) -> None:
    _build(project_location)
    _drop_detections_on(project_location, MEMO, MISSED)
    with logged_in(project_location) as (app, c, csrf):
        h = {"X-Makna-CSRF": csrf}
        fields = c.get("/api/deid/fields").json()
        fid = _field_id(fields, "memos.text", MEMO)
        assert fid.startswith("f") and all(f["state"] == "scanned" for f in fields if f["id"])
        at = MEMO.index(MISSED)
        body = {"field": fid, "start": at, "end": at + len(MISSED), "type": "person"}
        assert c.post("/api/deid/field-detections", json=body).status_code == 403  # CSRF header missing
        r = c.post("/api/deid/field-detections", json=body, headers=h)
        assert r.status_code == 201, r.text
        got = r.json()
        assert (got["text"], got["type"], got["status"], got["field"]) == (MISSED, "PERSON", "added", "memos.text")
        assert got["id"].startswith(fid + ":")
        before = c.get("/api/deid/detections").json()
        for bad, status, reason in [
            ({**body, "type": "FRUIT"}, 400, "FRUIT"),
            ({**body, "start": 0, "end": 10_000}, 400, "outside"),
            ({**body, "field": "f9999"}, 400, "no scanned field value"),
            ({**body, "field": "memo"}, 422, "field"),
            ({**body, "start": at + 2}, 400, "overlap"),
        ]:
            r = c.post("/api/deid/field-detections", json=bad, headers=h)
            assert r.status_code == status and reason in r.json()["error"], (bad, r.text)
        assert c.get("/api/deid/detections").json() == before  # nothing changed by a refused call
        # the page shows the value with the mark, and links to it from the review
        html = c.get(f"/deid?field={fid}&status=all").text
        assert 'id="field-text"' in html and f'data-field="{fid}"' in html and 'class="det added"' in html
        assert f'href="/deid?field={fid}&amp;' in html
        assert c.get("/deid?field=f9999").status_code == 400
    with makna.open_project(project_location, coder="tester") as p:
        [event] = makna.memos.events(p, limit=1)
        assert event.action == "deid.add" and event.actor == "tester"
        assert MISSED not in str(event.payload) and "Wulandari" not in str(event.payload)
        assert event.payload["field_name"] == "memos.text"
        makna.undo(p)  # one step, undone whole
        assert not [e for e in review_entries(p) if e.text == MISSED and e.status == "added"]
        makna.redo(p)
        assert [e for e in review_entries(p) if e.text == MISSED and e.status == "added"]
        apply(p, tmp_path / "k.key", "field marking test passphrase", include_pending=True)
        memo = next(m for m in makna.memos.list_memos(p) if m.title == "Lapangan 1")
        assert MISSED not in memo.text and "Wulandari" not in memo.text and "di terminal" in memo.text


def test_a_field_edited_since_the_scan_is_not_markable(project_location: str) -> None:
    _build(project_location)
    with logged_in(project_location) as (app, c, csrf):
        fid = _field_id(c.get("/api/deid/fields").json(), "memos.text", MEMO)
        memo = next(m for m in makna.memos.list_memos(app.state.project) if m.title == "Lapangan 1")
        makna.memos.update_memo(app.state.project, memo.id, text=MEMO + " Lalu pulang.")
        html = c.get(f"/deid?field={fid}").text
        assert 'id="field-text"' not in html and "scan again" in html
        at = MEMO.index(MISSED)
        r = c.post(
            "/api/deid/field-detections",
            json={"field": fid, "start": at, "end": at + 9, "type": "PERSON"},
            headers={"X-Makna-CSRF": csrf},
        )
        assert r.status_code == 400 and "scan" in r.json()["error"]


@pytest.mark.browser
@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)")
@pytest.mark.parametrize("lang", ["en", "id"])
def test_mark_a_missed_identifier_in_a_field_in_the_browser(browser: Any, tmp_path: Path, lang: str) -> None:
    from test_deid_review_browser import _open, _select

    location = str(tmp_path / "study.makna")
    _build(location)
    _drop_detections_on(location, MEMO, MISSED)
    errors: list[str] = []
    with serve_workbench(location, lang=lang) as (_app, server):
        pg = _open(browser, server, f"{server.url}/deid", errors)
        memo = next(
            o
            for o in pg.locator("#field-choice option").all()
            if "Lapangan 1" in o.inner_text() and MEMO[:20] in o.inner_text()
        )
        pg.select_option("#field-choice", memo.get_attribute("value"))
        with pg.expect_navigation():
            pg.click("#fields form.toolbar button[type=submit]")
        pg.wait_for_selector("body[data-ready='1']")
        at = MEMO.index(MISSED)
        _select(pg, "#field-text", at, at + len(MISSED))
        expect(pg.locator("#field-selection-info")).to_contain_text(MISSED)
        pg.select_option("#add-field-detection select[name=type]", "PERSON")
        with pg.expect_navigation():
            pg.click("#add-field-detection button[type=submit]")
        pg.wait_for_selector("body[data-ready='1']")
        expect(pg.locator("#toast")).to_contain_text("1 " + ("marked" if lang == "en" else "ditandai"))
        expect(pg.locator("#field-text span.det.added")).to_have_text(MISSED)
        # without a selection, the form says what to do
        pg.click("#add-field-detection button[type=submit]")
        expect(pg.locator("#toast")).to_contain_text("value" if lang == "en" else "nilai")
        pg.close()
    with makna.open_project(location, coder="tester") as p:
        marked = [
            (e.field, e.text, e.type, e.status)
            for e in review_entries(p)
            if e.text == MISSED and e.status != "rejected"
        ]
    assert marked == [("memos.text", MISSED, "PERSON", "added")]
    assert errors == []
    assert TOKEN
