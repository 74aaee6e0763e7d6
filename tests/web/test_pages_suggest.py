"""The suggestion queue page and API (both backends): run, list, accept and reject by id, reliability
and why a code is not suggested; the source view's panel script; Indonesian text."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from web_helpers import TOKEN, Client

import makna
from makna import suggest
from makna.web import close_app, create_app, routes_suggest
from makna.web.i18n import LOCALE_DIR, parse_po

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "suggest"))
from synth import build  # noqa: E402


@pytest.fixture
def slocation(project_location: str) -> str:
    with makna.create_project(project_location, "Saran", coder="tester") as proj:
        build(proj, noise_code=True)
    return project_location


@pytest.fixture
def sapp(slocation: str) -> Iterator[Any]:
    application = create_app(slocation, token=TOKEN, coder="tester", lang="en")
    yield application
    close_app(application)


@pytest.fixture
def sclient(sapp: Any) -> Iterator[tuple[Client, str]]:
    c = Client(sapp)
    assert c.get(f"/?token={TOKEN}").status_code == 303
    html = c.get("/suggest").text
    csrf = html.split('name="makna-csrf" content="', 1)[1].split('"', 1)[0]
    yield c, csrf
    c.close()


def test_queue_api_and_page(sapp: Any, sclient: tuple[Client, str]) -> None:
    client, csrf = sclient
    page = client.get("/suggest")
    assert page.status_code == 200 and "No run yet" in page.text
    h = {"X-Makna-CSRF": csrf}
    assert client.post("/api/suggestions/run", json={}).status_code == 403  # no CSRF header
    r = client.post("/api/suggestions/run", json={"min_confidence": 0.5}, headers=h)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["created"] > 0 and body["withheld"]["mood"].startswith("kappa")
    queue = client.get("/api/suggestions").json()
    assert len(queue) == body["created"] and queue[0]["confidence"] >= queue[-1]["confidence"]
    html = client.get("/suggest").text
    assert html.count('class="sitem"') == len(queue) and "makna-suggest" in html
    assert "kappa" in html and 'data-code="mood"' in html and "is below 0.6" in html  # says why
    one, two = queue[0]["id"], queue[1]["id"]
    ok = client.post(f"/api/suggestions/{one}", json={"decision": "accept"}, headers=h)
    assert ok.status_code == 200 and ok.json()["state"] == "accepted" and ok.json()["decided_by"] == "tester"
    assert client.post(f"/api/suggestions/{two}", json={"decision": "reject"}, headers=h).json()["state"] == "rejected"
    again = client.post(f"/api/suggestions/{two}", json={"decision": "accept"}, headers=h)
    assert again.status_code == 400 and "rejected already" in again.json()["error"]
    assert client.post("/api/suggestions/nope", json={"decision": "accept"}, headers=h).status_code == 404
    assert client.post(f"/api/suggestions/{one}", json={"decision": "maybe"}, headers=h).status_code in (400, 422)
    assert [s["id"] for s in client.get("/api/suggestions?state=accepted").json()] == [one]
    origin = suggest.provenance(sapp.state.project, ok.json()["accepted_segment_id"])
    assert origin is not None and origin.id == one
    rel = client.get("/api/suggestions/reliability").json()
    assert {c["code"] for c in rel["reliability"]["codes"]} >= {"fraud", "mood"}
    # the source view includes the panel script; the activity list names the new events
    src = queue[0]["source_id"]
    assert "/static/suggest-source.js" in client.get(f"/sources/{src}").text
    assert "made code suggestions" in client.get("/").text


def test_transcript_text_is_escaped_in_the_queue(sapp: Any, sclient: tuple[Client, str]) -> None:
    client, csrf = sclient
    proj = sapp.state.project
    makna.import_text(proj, "xss.txt", "P: Lalu?\nI: <script>alert(1)</script> dia kirim bukti transfer palsu, "
                      "saldo nggak nambah.\n", language="id")
    client.post("/api/suggestions/run", json={"sources": ["xss.txt"]}, headers={"X-Makna-CSRF": csrf})
    html = client.get("/suggest?source=xss.txt").text
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html


def test_page_in_indonesian(slocation: str) -> None:
    application = create_app(slocation, token=TOKEN, coder="tester", lang="id")
    client = Client(application)
    try:
        assert client.get(f"/?token={TOKEN}").status_code == 303
        html = client.get("/suggest").text
        assert "Saran kode" in html and "Seberapa jauh setiap kode dapat dipercaya" in html
        msgs = client.get("/api/suggestions/messages").json()
        assert msgs["Suggestions for this source"] == "Saran kode untuk sumber ini"
    finally:
        client.close()
        close_app(application)


def test_script_messages_are_translated() -> None:
    for lang in ("en", "id"):
        catalogue = parse_po((LOCALE_DIR / lang / "LC_MESSAGES" / "makna_web.po").read_text(encoding="utf-8"))
        assert all(catalogue.get(m) for m in routes_suggest.JS_MESSAGES)


def test_a_rejected_suggestion_is_no_listed_coding(sapp: Any, sclient: tuple[Client, str]) -> None:
    """Through the web API: a rejected suggestion leaves retrieval and the source's codings; the home
    page's codings per source never count the suggester's proposals."""
    from makna.views import segments_per_source

    client, csrf = sclient
    h = {"X-Makna-CSRF": csrf}
    assert client.post("/api/suggestions/run", json={"min_confidence": 0.5}, headers=h).status_code == 200
    queue = client.get("/api/suggestions").json()
    gone = queue[0]
    machine = {"coder": suggest.MACHINE_CODER, "limit": 10000}
    before = client.get("/api/retrieve", params=machine).json()
    assert len(before) == len(queue)
    assert client.post(f"/api/suggestions/{gone['id']}", json={"decision": "reject"}, headers=h).status_code == 200
    after = client.get("/api/retrieve", params=machine).json()
    assert len(after) == len(queue) - 1
    assert (gone["source"], gone["start"], gone["code"]) not in {(r["source"], r["start"], r["code_key"]) for r in after}
    shown = client.get(f"/api/sources/{gone['source_id']}/segments").json()
    assert not [s for s in shown if s["coder"] == suggest.MACHINE_CODER and s["start"] == gone["start"]
                and s["code_key"] == gone["code"]]
    proj = sapp.state.project
    people = [r for r in client.get("/api/retrieve", params={"limit": 10000}).json()
              if r["coder"] != suggest.MACHINE_CODER]
    counts = segments_per_source(proj)
    assert sum(counts.values()) == len(people)
    assert client.get("/").status_code == 200
