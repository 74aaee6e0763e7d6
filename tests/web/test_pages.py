"""Server-rendered pages: content, and every user string escaped (XSS payloads in each field)."""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import pytest
from web_helpers import TOKEN, Client

import makna
from makna.web import close_app, create_app

PAYLOADS = ['<script>alert(1)</script>', '<img src=x onerror="alert(2)">', '"><svg onload=alert(3)>',
            "javascript:alert(4)", "'><iframe src=javascript:alert(5)>"]


def test_pages_render(client: Client) -> None:
    sid = client.get("/api/sources").json()[0]["id"]
    home = client.get("/").text
    assert "wawancara-ani.txt" in home and "Recent activity" in home and "coded a segment" in home
    src = client.get(f"/sources/{sid}").text
    # the margin's stripes are drawn in the page (stripes.js) when a row comes on screen (#13)
    assert 'id="turn-2"' in src and "😀" in src and 'class="bars"' in src and "/static/stripes.js" in src
    assert client.get(f"/sources/{sid}", params={"coder": "kedua"}).text.count('class="hl ') == 1
    both = client.get(f"/sources/{sid}", params={"coder": "tester", "compare": "kedua"}).text
    assert 'data-coder="kedua"' in both and "compare" in both
    alone = client.get(f"/sources/{sid}", params={"compare": "kedua"})  # the page stays, with the reason (#13)
    assert alone.status_code == 200 and 'id="filter-error"' in alone.text and "first coder" in alone.text
    assert "Senang" in client.get("/codebook").text
    assert "saya senang sekali" in client.get("/retrieve", params={"code": "emosi"}).text
    assert "Padang" in client.get("/cases").text
    r = client.get("/sources/does-not-exist")
    assert r.status_code == 404 and "unknown source" in r.text
    css = client.get("/codes.css")
    assert css.headers["content-type"].startswith("text/css") and ".hl.k0{" in css.text


@pytest.fixture
def hostile(project_location: str) -> Iterator[tuple[Any, Client]]:
    """A project whose every user-controlled string is an XSS payload."""
    p0, p1, p2, p3, p4 = PAYLOADS
    with makna.create_project(project_location, p0, coder=p1) as p:
        text = "Judul " + p2 + "\n\n" + f"{p3}: " + " ".join(PAYLOADS) + "\nI: selesai\n"
        makna.import_text(p, p2 + ".txt", text, language="id")
        makna.add_code(p, "x0", p0, definition=p1, inclusion=p2, exclusion=p3, example=p4)
        makna.add_code(p, "x1", p2, parent="x0")
        start = text.index(p1)
        seg = makna.code_span(p, p2 + ".txt", start, start + len(p1), "x1", memo=p3)
        makna.code_span(p, p2 + ".txt", start, start + 5, "x0", memo=p4)
        makna.define_attribute(p, p3, "text", description=p2)
        makna.add_case(p, p2, p0, values={p3: p1})
        makna.link_source(p, p2, p2 + ".txt")
        makna.set_segment_memo(p, seg.id, p0)
    app = create_app(project_location, token=TOKEN, coder=p4, lang="en")
    c = Client(app)
    c.get(f"/?token={TOKEN}")
    yield app, c
    c.close()
    close_app(app)


def test_xss_payloads_are_escaped_everywhere(hostile: tuple[Any, Client]) -> None:
    app, c = hostile
    sid = makna.list_sources(app.state.project)[0].id
    paths = ["/", f"/sources/{sid}", f"/sources/{sid}?coder={PAYLOADS[1]}", "/codebook", "/retrieve?code=x0",
             f"/retrieve?code=x0&case={PAYLOADS[2]}", "/cases"]
    for path in paths:
        r = c.get(path)
        assert r.status_code == 200, (path, r.text[:300])
        page = r.text
        for payload in PAYLOADS[:3] + PAYLOADS[4:]:
            assert payload not in page, (path, payload)
        assert _dangerous(page) == [], path
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in c.get("/").text
    rows = c.get(f"/sources/{sid}/rows", params={"start": 0, "end": 500}).json()["html"]
    assert _dangerous(rows) == [] and "onerror=&#34;alert(2)&#34;&gt;" in rows
    # the JSON API returns the strings as data, unchanged
    codes = {k["key"]: k for k in c.get("/api/codes").json()}
    assert codes["x0"]["name"] == PAYLOADS[0] and codes["x0"]["definition"] == PAYLOADS[1]


class _Audit(HTMLParser):
    """Collects every element or attribute through which a page could run script."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {k for k, _ in attrs}
        if tag in ("img", "svg", "iframe", "object", "embed", "base"):
            self.found.append(tag)
        if tag == "script" and not ("src" in names or ("type", "application/json") in attrs):
            self.found.append("inline script")
        for k, v in attrs:
            if k.startswith("on"):
                self.found.append(f"{tag}[{k}]")
            if k in ("href", "src", "action", "formaction") and (v or "").strip().lower().startswith("javascript:"):
                self.found.append(f"{tag}[{k}={v}]")


def _dangerous(page: str) -> list[str]:
    audit = _Audit()
    audit.feed(page)
    return audit.found


def test_error_messages_are_escaped(client: Client) -> None:
    r = client.get("/sources/<img src=x onerror=alert(1)>")
    assert r.status_code == 404 and "<img" not in r.text and "&lt;img src=x onerror=alert(1)&gt;" in r.text
    r = client.get("/no/such/<u>page</u>")
    assert r.status_code == 404 and "<u>" not in r.text and "text/html" in r.headers["content-type"]
    r = client.get("/api/nothing")
    assert r.status_code == 404 and r.json() == {"error": "Not Found"}
