"""Undo and redo through the API (both backends): CSRF, what was undone, refusals as JSON."""

from __future__ import annotations

from typing import Any

from web_helpers import TEXT, Client

import makna


def _sid(client: Client) -> str:
    return str(client.get("/api/sources").json()[0]["id"])


def test_undo_and_redo_a_coding(client: Client, csrf: str, app: Any) -> None:
    h = {"X-Makna-CSRF": csrf}
    start = TEXT.index("warung kopi")
    r = client.post("/api/segments", json={"source": _sid(client), "start": start, "end": start + 11,
                                           "code": "emosi"}, headers=h)
    assert r.status_code == 201
    assert client.post("/api/undo").status_code == 403  # a write without the CSRF token
    r = client.post("/api/undo", headers=h)
    assert r.status_code == 200 and [s["description"] for s in r.json()["steps"]] == ["code a span"]
    assert "warung kopi" not in [s.text for s in makna.retrieve(app.state.project, code="emosi", coder="tester")]
    r = client.post("/api/redo", json={"steps": 1}, headers=h)
    assert r.status_code == 200 and r.json()["steps"][0]["description"] == "code a span"
    assert "warung kopi" in [s.text for s in makna.retrieve(app.state.project, code="emosi", coder="tester")]
    r = client.post("/api/redo", headers=h)
    assert r.status_code == 409 and r.json()["error"] == "nothing to redo for coder 'tester'"
    r = client.post("/api/undo", json={"steps": 0}, headers=h)
    assert r.status_code == 422
