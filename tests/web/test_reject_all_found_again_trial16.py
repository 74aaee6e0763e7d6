"""'Reject all pending' on the de-identification page leaves what the second scan found again of an identifier the
researcher accepted (trial16: a name accepted in one transcript, found again in another's file name, was rejected
with the rest and stayed as written after apply); the reply says how many, for the page to say so."""

from __future__ import annotations

from pages_helpers import logged_in

import makna
from makna.privacy.project import decide_all, pending_but_confirmed, review_entries


def test_reject_all_leaves_found_again_identifiers_pending(project_location: str) -> None:
    with makna.create_project(project_location, "Uji", coder="tester") as p:
        makna.import_text(p, "a.txt", "P: Siapa namamu?\nI: Nama saya Zulkarnain, dari Pariaman.\n", language="id")
        makna.add_case(p, "Zulkarnain")
    with logged_in(project_location) as (app, c, csrf):
        h = {"X-Makna-CSRF": csrf}
        assert c.post("/api/deid/scan", json={}, headers=h).status_code == 200
        decide_all(app.state.project, "accepted", sources=["a.txt"])
        assert c.post("/api/deid/scan", json={}, headers=h).status_code == 200
        r = c.post("/api/deid/decide-all", json={"status": "rejected"}, headers=h)
        assert r.status_code == 200 and r.json()["left_confirmed"] == 1, r.text
        (kept,) = pending_but_confirmed(app.state.project)
        assert kept.text == "Zulkarnain" and kept.status == "pending"
        assert not [e for e in review_entries(app.state.project) if e.status == "rejected" and e.text == "Zulkarnain"]
        accepted = c.post("/api/deid/decide-all", json={"status": "accepted"}, headers=h)
        assert accepted.json()["left_confirmed"] == 0 and not pending_but_confirmed(app.state.project)
        assert "identifiers you accepted elsewhere, found again, were left pending" in c.get("/deid").text
    with logged_in(project_location, lang="id") as (_app, c, _csrf):
        assert "ditemukan lagi, dibiarkan menunggu" in c.get("/deid").text  # the page's own language
