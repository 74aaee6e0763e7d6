"""The de-identification page: per-source state, the review of detections (context escaped),
accept / reject / accept all, a missed span added, and apply with a key file and passphrase (never
echoed, never in a URL); coded sources are applied, their codings moved."""

from __future__ import annotations

import re
from typing import Any

import pytest
from pages_helpers import PRIVATE_SOURCE, PRIVATE_TEXT, XSS, build_private, dangerous, logged_in
from web_helpers import Client

import makna
from makna.privacy.project import review_entries

PASS = "kata sandi rahasia 123"


def _scan(c: Client, csrf: str) -> dict[str, Any]:
    r = c.post("/api/deid/scan", json={}, headers={"X-Makna-CSRF": csrf})
    assert r.status_code == 200, r.text
    result: dict[str, Any] = r.json()
    return result


def test_status_scan_and_review_table(project_location: str) -> None:
    build_private(project_location)
    with logged_in(project_location) as (_app, c, csrf):
        html = c.get("/deid").text
        assert "not scanned" in html and "Scan the sources to find identifiers." in html and dangerous(html) == []
        assert c.post("/api/deid/scan", json={}).status_code == 403  # CSRF header missing
        report = _scan(c, csrf)
        assert report["sources"] == 1 and report["detections"] >= 3
        html = c.get("/deid").text
        assert dangerous(html) == []
        for payload in XSS:
            assert payload not in html
        rows = re.findall(r'<tr class="pending" data-id="([^"]+)"[^>]*>(.*?)</tr>', html, re.S)
        found = {re.search(r"<mark>(.*?)</mark>", body).group(1) for _, body in rows}  # type: ignore[union-attr]
        assert {"0812-3456-7890", "siti.rahma@contoh.id", "Siti Rahmawati"} <= found
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # the context, escaped
        status = c.get("/api/deid/status").json()
        assert status[0]["source"] == PRIVATE_SOURCE and status[0]["pending"] == len(rows)
        assert status[0]["codings"] == 0 and status[0]["applied"] is False
        dets = c.get("/api/deid/detections").json()
        email = next(d for d in dets if d["type"] == "EMAIL")
        assert XSS[1] in email["after"] and PRIVATE_TEXT[email["start"]:email["end"]] == email["text"]


def test_accept_reject_accept_all_and_add(project_location: str) -> None:
    build_private(project_location)
    with logged_in(project_location) as (app, c, csrf):
        h = {"X-Makna-CSRF": csrf}
        _scan(c, csrf)
        dets = {d["type"]: d for d in c.get("/api/deid/detections").json()}
        assert c.post("/api/deid/decide", json={"ids": [dets["PHONE"]["id"]], "status": "rejected"}).status_code == 403
        r = c.post("/api/deid/decide", json={"ids": [dets["PHONE"]["id"]], "status": "rejected"}, headers=h)
        assert r.json() == {"changed": 1}
        assert c.post("/api/deid/decide", json={"ids": ["99:1"], "status": "accepted"}, headers=h).status_code == 400
        assert c.post("/api/deid/decide", json={"ids": [], "status": "accepted"}, headers=h).status_code == 422
        pending = c.get("/deid").text
        assert "0812-3456-7890" not in pending  # only pending rows by default
        assert "0812-3456-7890" in c.get("/deid", params={"status": "all"}).text
        n = c.post("/api/deid/decide-all", json={"status": "accepted", "min_confidence": 0.5}, headers=h).json()
        assert n["changed"] >= 2
        statuses = {e.type: e.status for e in review_entries(app.state.project)}
        assert statuses["PHONE"] == "rejected" and statuses["EMAIL"] == "accepted"
        start = PRIVATE_TEXT.index("pasar")
        missed = {"source": PRIVATE_SOURCE, "start": start, "end": start + 5, "type": "location"}
        assert c.post("/api/deid/detections", json=missed).status_code == 403
        r = c.post("/api/deid/detections", json=missed, headers=h)
        assert r.status_code == 201 and r.json()["text"] == "pasar" and r.json()["status"] == "added"
        bad = c.post("/api/deid/detections", json={**missed, "type": "COLOUR"}, headers=h)
        assert bad.status_code == 400 and "COLOUR" in bad.json()["error"]
        # the text view for marking a missed span shows the pieces with their offsets
        sid = c.get("/api/sources").json()[0]["id"]
        text_view = c.get("/deid", params={"text": sid}).text
        assert f'<span data-s="{start}" class="det added"' in text_view and dangerous(text_view) == []
        pieces = re.findall(r'<span data-s="(\d+)"[^>]*>(.*?)</span>', text_view[text_view.index('id="deid-text"'):],
                            re.S)
        assert int(pieces[0][0]) == 0 and "".join(p for _, p in pieces).count("&lt;script&gt;") == 1


def test_apply_with_a_key_and_passphrase(project_location: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    build_private(project_location)
    key = tmp_path_factory.mktemp("keys") / "study.key"  # apart from the project's folder
    with logged_in(project_location) as (app, c, csrf):
        h = {"X-Makna-CSRF": csrf}
        _scan(c, csrf)
        body = {"key_path": str(key), "passphrase": PASS, "passphrase_repeat": PASS, "mode": "tag"}
        assert c.post("/api/deid/apply", json=body).status_code == 403  # no CSRF header: nothing happens
        refused = c.post("/api/deid/apply", json=body, headers=h)
        assert refused.status_code == 400 and "pending" in refused.json()["error"] and not key.exists()
        c.post("/api/deid/decide-all", json={"status": "accepted"}, headers=h)
        differ = c.post("/api/deid/apply", json={**body, "passphrase_repeat": "other"}, headers=h)
        assert differ.status_code == 400 and "differ" in differ.json()["error"] and not key.exists()
        relative = c.post("/api/deid/apply", json={**body, "key_path": "study.key"}, headers=h)
        assert relative.status_code == 400 and "absolute" in relative.json()["error"]
        unnamed = c.post("/api/deid/apply", json={k: v for k, v in body.items() if k != "key_path"}, headers=h)
        assert unnamed.status_code == 400 and "key file's path" in unnamed.json()["error"]  # invite18: optional
        assert 'name="key_path"' in c.get("/deid").text  # the local workbench still asks for the path
        r = c.post("/api/deid/apply", json=body, headers=h)
        assert r.status_code == 200, r.text
        out = r.json()
        assert out["sources"] == [PRIVATE_SOURCE] and out["replaced"] >= 3 and key.is_file()
        assert PASS not in r.text
        text = makna.get_source(app.state.project, PRIVATE_SOURCE).text
        assert "0812-3456-7890" not in text and "[PHONE-1]" in text and XSS[0] in text
        html = c.get("/deid").text
        assert "de-identified (typed tags)" in html and PASS not in html
        # a wrong passphrase on the existing key: a clear error, no echo
        again = c.post("/api/deid/apply", json={**body, "passphrase": "salah"}, headers=h)
        assert again.status_code == 400 and "salah" not in again.text


def test_coded_sources_are_applied_with_their_codings(client: Client, csrf: str, app: Any,
                                                       tmp_path_factory: pytest.TempPathFactory) -> None:
    tmp_path = tmp_path_factory.mktemp("keys")
    h = {"X-Makna-CSRF": csrf}
    _scan(client, csrf)
    html = client.get("/deid").text
    assert "have codings" in html and 'class="status blocked"' in html
    body = {"key_path": str(tmp_path / "k.key"), "passphrase": PASS}
    client.post("/api/deid/decide-all", json={"status": "accepted"}, headers=h)
    r = client.post("/api/deid/apply", json=body, headers=h)
    if r.status_code == 400 and "pending review now" in r.json()["error"]:  # a case value names the same place
        client.post("/api/deid/decide-all", json={"status": "accepted"}, headers=h)
        r = client.post("/api/deid/apply", json=body, headers=h)
    assert r.status_code == 200 and r.json()["left_out"] == {}, r.text  # #11: codings move with the text
    assert len(makna.retrieve(app.state.project)) == 3
    assert PASS not in r.text and (tmp_path / "k.key").exists()


def test_the_passphrase_field_is_a_password_posted_by_script(client: Client) -> None:
    html = client.get("/deid").text
    form = html[html.index('<form id="apply"'):]
    form = form[:form.index("</form>")]
    assert 'name="passphrase" type="password"' in form and "method=" not in form and "action=" not in form
    assert 'name="passphrase_repeat" type="password"' in form


def test_scan_types_are_checked_by_the_core(project_location: str) -> None:
    """Types in any case are accepted; an unknown one is a 400 with the core's message (it was a 500)."""
    build_private(project_location)
    with logged_in(project_location) as (_app, c, csrf):
        h = {"X-Makna-CSRF": csrf}
        r = c.post("/api/deid/scan", json={"types": ["FOO"]}, headers=h)
        assert r.status_code == 400 and "unknown identifier type(s): FOO" in r.text
        assert c.get("/api/deid/detections").json() == []  # nothing scanned
        r = c.post("/api/deid/scan", json={"types": ["email"]}, headers=h)
        assert r.status_code == 200, r.text
        assert {d["type"] for d in c.get("/api/deid/detections").json()} == {"EMAIL"}


def test_field_detections_are_listed_with_their_place_and_applied_with_a_region(
        project_location: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    tmp_path = tmp_path_factory.mktemp("keys")
    build_private(project_location)
    with makna.open_project(project_location, coder="tester") as p:
        makna.add_case(p, "Informan 1", description="Siti Rahmawati, 0812-3456-7890")
    with logged_in(project_location) as (_app, c, csrf):
        h = {"X-Makna-CSRF": csrf}
        _scan(c, csrf)
        html = c.get("/deid").text
        assert 'data-field="cases.description"' in html and "case Informan 1" in html
        assert 'name="surrogate_region"' in html and '<option value="13">Sumatera Barat</option>' in html
        fields = [d for d in c.get("/api/deid/detections").json() if d["field"] == "cases.description"]
        assert fields and all(d["id"].startswith("f") for d in fields)
        assert c.post("/api/deid/decide-all", json={"status": "accepted"}, headers=h).status_code == 200
        body = {"key_path": str(tmp_path / "web.key"), "passphrase": PASS, "surrogate_region": "national"}
        r = c.post("/api/deid/apply", json=body, headers=h)
        assert r.status_code == 200, r.text
        result = r.json()
        assert result["region"] == "national" and result["fields"] and result["compacted"] is True
    with makna.open_project(project_location) as p:
        [case] = makna.list_cases(p)
        assert "Siti" not in case.description and "0812-3456-7890" not in case.description


def test_a_coding_from_a_page_loaded_before_the_apply_is_refused(project_location: str,
                                                                 tmp_path_factory: pytest.TempPathFactory) -> None:
    """A coder's page still shows the text as it was before a manager's apply (its live stream was cut):
    the offsets it sends now point at other words. With the text the page shows (``quote``) the coding is
    refused and nothing is written; the current text's quote is taken, rows joined by a space too."""
    build_private(project_location)
    key = tmp_path_factory.mktemp("keys") / "study.key"
    with logged_in(project_location) as (app, c, csrf):
        h = {"X-Makna-CSRF": csrf}
        sid = c.get("/api/sources").json()[0]["id"]
        start = PRIVATE_TEXT.index("Terima kasih")
        end = start + len("Terima kasih")
        _scan(c, csrf)
        c.post("/api/deid/decide-all", json={"status": "accepted"}, headers=h)
        applied = c.post("/api/deid/apply", json={"key_path": str(key), "passphrase": PASS, "mode": "tag"}, headers=h)
        assert applied.status_code == 200, applied.text
        text = makna.get_source(app.state.project, PRIVATE_SOURCE).text
        assert text[start:end] != PRIVATE_TEXT[start:end]  # the identifiers before it changed length
        stale = {"source": sid, "start": start, "end": end, "code": "kontak", "quote": PRIVATE_TEXT[start:end]}
        refused = c.post("/api/segments", json=stale, headers=h)
        assert refused.status_code == 409 and "reload" in refused.json()["error"], refused.text
        assert makna.retrieve(app.state.project) == []
        now = text.index("Terima kasih")
        fresh = {**stale, "start": now, "end": now + len("Terima kasih"), "quote": "Terima kasih"}
        assert c.post("/api/segments", json=fresh, headers=h).status_code == 201
        across = {**stale, "start": now, "end": text.index("tinggal"),
                  "quote": text[now:text.index("tinggal")].replace("\n", " ")}
        assert c.post("/api/segments", json=across, headers=h).status_code == 201
        assert len(makna.retrieve(app.state.project)) == 2
