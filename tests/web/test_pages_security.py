"""Token on every new page and API route, CSRF on every new write, no inline script or style."""

from __future__ import annotations

import re
from typing import Any

import pytest
from pages_helpers import dangerous
from web_helpers import TOKEN, Client

from makna.web.security import CSP

PAGES = ["/search", "/search?q=kopi", "/analysis", "/analysis?view=matrix", "/analysis?view=cooccurrence",
         "/analysis?view=charts", "/analysis?view=report", "/deid", "/agreement", "/agreement?run=true", "/export"]
READS = ["/api/search?q=kopi", "/api/analysis/frequencies", "/api/analysis/matrix", "/api/analysis/cooccurrence",
         "/analysis/charts/frequency.svg", "/api/report", "/analysis/report/en/report.html", "/api/deid/status",
         "/api/deid/detections", "/api/agreement", "/api/agreement/disagreements", "/api/export", "/export/qdpx"]
WRITES: list[tuple[str, dict[str, Any]]] = [
    ("/api/search/autocode", {"query": "kopi", "code": "tempat"}),
    ("/api/report", {"lang": "en"}),
    ("/api/deid/scan", {}),
    ("/api/deid/decide", {"ids": ["1:1"], "status": "accepted"}),
    ("/api/deid/decide-all", {"status": "accepted"}),
    ("/api/deid/detections", {"source": "wawancara-ani.txt", "start": 0, "end": 9, "type": "PERSON"}),
    ("/api/deid/apply", {"key_path": "/tmp/never-written.key", "passphrase": "x"}),
    ("/api/agreement/resolve", {"unit": "characters", "rule": "union"}),
]


@pytest.mark.parametrize("path", PAGES + READS)
def test_every_new_path_needs_the_token(anon: Client, path: str) -> None:
    assert anon.get(path).status_code == 401
    assert anon.get(path, headers={"Authorization": "token wrong"}).status_code == 403


@pytest.mark.parametrize(("path", "body"), WRITES)
def test_every_new_write_needs_the_token_and_the_csrf_header(anon: Client, client: Client, app: Any,
                                                              path: str, body: dict[str, Any]) -> None:
    events = len(_events(client))
    assert anon.post(path, json=body).status_code == 401
    assert client.post(path, json=body).status_code == 403
    assert client.post(path, json=body, headers={"X-Makna-CSRF": "forged"}).status_code == 403
    assert len(_events(client)) == events  # nothing was written


def _events(c: Client) -> list[Any]:
    data: list[Any] = c.get("/api/events", params={"limit": 1000}).json()
    return data


def test_scripts_may_write_with_the_header_token(anon: Client) -> None:
    r = anon.post("/api/deid/scan", json={}, headers={"Authorization": f"token {TOKEN}"})
    assert r.status_code == 200 and r.json()["sources"] == 1


@pytest.mark.parametrize("path", PAGES)
def test_pages_have_no_inline_script_or_style(client: Client, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 200 and r.headers["content-security-policy"] == CSP
    html = r.text
    assert dangerous(html) == [], path
    assert not re.search(r"<[a-z][^>]*\son[a-z]+\s*=", html)
    for href in ("/search", "/analysis", "/deid", "/agreement", "/export"):
        assert f'<a href="{href}"' in html  # the navigation


def test_the_new_routes_are_documented(client: Client) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/search", "/api/search/autocode", "/api/analysis/matrix", "/api/analysis/cooccurrence",
                 "/api/report", "/api/deid/status", "/api/deid/apply", "/api/agreement", "/api/agreement/resolve",
                 "/api/export"):
        assert path in paths, path
