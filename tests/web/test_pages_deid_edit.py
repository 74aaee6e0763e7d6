"""Correcting the review through the API (#11, review): PATCH /api/deid/detections/ID edits a span (offsets,
text, whole words) or a type, refuses a bad one with one clear message and nothing changed; POST
/api/deid/detections marks a missed identifier's other occurrences; the page escapes every transcript
string it shows, the editor's template included."""

from __future__ import annotations

import re

from pages_helpers import PRIVATE_SOURCE, PRIVATE_TEXT, XSS, build_private, dangerous, logged_in

import makna

NAME = "Siti Rahmawati"


def test_edit_a_detection_through_the_api(project_location: str) -> None:
    build_private(project_location)
    with logged_in(project_location) as (app, c, csrf):
        h = {"X-Makna-CSRF": csrf}
        assert c.post("/api/deid/scan", json={}, headers=h).status_code == 200
        dets = c.get("/api/deid/detections").json()
        name = next(d for d in dets if d["text"] == NAME)
        url = f"/api/deid/detections/{name['id']}"
        assert c.patch(url, json={"end_by": -1}).status_code == 403  # CSRF header missing
        r = c.patch(url, json={"end_by": -1}, headers=h)
        assert r.status_code == 200, r.text
        got = r.json()
        assert got["text"] == "Siti" and got["status"] == "edited" and got["absorbed"] == []
        assert got["previous"] == {"start": name["start"], "end": name["end"], "type": "PERSON"}
        r = c.patch(url, json={"text": NAME, "type": "location"}, headers=h)
        assert (r.json()["text"], r.json()["type"]) == (NAME, "LOCATION")
        start = PRIVATE_TEXT.index("Nama")
        r = c.patch(url, json={"start": start, "end": name["end"]}, headers=h)
        assert r.json()["text"] == "Nama saya " + NAME and r.json()["type"] == "LOCATION"
        before = c.get("/api/deid/detections").json()
        phone = next(d for d in dets if d["type"] == "PHONE")
        for body, reason in [({"start": 0, "end": 999_999}, "outside"), ({"start": 4, "end": 4}, "outside"),
                             ({"text": "Budi"}, "does not occur"), ({"type": "FRUIT"}, "FRUIT"),
                             ({"start": phone["start"] + 2, "end": name["end"]}, "overlap"),
                             ({"text": "Siti", "start": 3}, "not both")]:
            r = c.patch(url, json=body, headers=h)
            assert r.status_code == 400 and reason in r.json()["error"], (body, r.text)
        assert c.patch("/api/deid/detections/99:1", json={"end_by": 1}, headers=h).status_code == 400
        assert c.get("/api/deid/detections").json() == before
        with makna.open_project(project_location, coder="tester") as p:
            [event] = makna.memos.events(p, limit=1)
        assert event.action == "deid.edit" and event.actor == "tester" and NAME not in str(event.payload)


def test_add_with_every_occurrence_and_the_page_escapes(project_location: str) -> None:
    build_private(project_location)
    with makna.open_project(project_location, coder="tester") as p:
        makna.import_text(p, "lagi.txt", "I: Siti bilang pasar ramai. Siti juga.\n", language="id")
    with logged_in(project_location) as (app, c, csrf):
        h = {"X-Makna-CSRF": csrf}
        pasar = PRIVATE_TEXT.index("pasar")
        body = {"source": PRIVATE_SOURCE, "start": pasar, "end": pasar + 5, "type": "LOCATION", "also": "all"}
        assert c.post("/api/deid/detections", json={**body, "also": "everywhere"}, headers=h).status_code == 422
        r = c.post("/api/deid/detections", json=body, headers=h)
        assert r.status_code == 201, r.text
        got = r.json()
        assert got["text"] == "pasar" and got["status"] == "added"
        assert [(o["source"], o["text"], o["status"]) for o in got["others"]] == [("lagi.txt", "pasar", "added")]
        html = c.get("/deid?status=all").text
        assert dangerous(html) == [] and all(x not in html for x in XSS)
        assert 'id="editor" hidden' in html and 'class="c-pending"' not in html  # cells are "num c-..."
        rows = re.findall(r'<tr class="(\w+)" data-id="([^"]+)" data-source="[^"]+" data-start="(\d+)" '
                          r'data-end="(\d+)" data-type="(\w+)" data-status="\1" tabindex="(-1|0)" role="row">', html)
        assert len(rows) == 2 and [r[5] for r in rows] == ["0", "-1"]  # one row in the tab order
        text_view = c.get(f"/deid?text={got['source_id']}").text
        assert dangerous(text_view) == [] and f'id="d{pasar}"' in text_view
        assert all(x not in text_view for x in XSS) and "&lt;script&gt;" in text_view
