"""The search page: KWIC hits with a jump to the source, stemming on and off, Boolean queries,
autocoding the hits; transcript text in the KWIC lines escaped."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

from pages_helpers import PRIVATE_SOURCE, PRIVATE_TEXT, XSS, build_private, dangerous, logged_in
from web_helpers import SOURCE, TEXT, Client

import makna


class _Kwic(HTMLParser):
    """The rows of the KWIC table: (jump href, left, keyword, right)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[dict[str, str]] = []
        self.cell: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "tr" and self.rows is not None:
            self.rows.append({"href": "", "left": "", "kw": "", "right": ""})
        if tag == "a" and a.get("class") == "jump":
            self.rows[-1]["href"] = a.get("href") or ""
        if tag == "td" and a.get("class") in ("left", "kw", "right"):
            self.cell = a["class"]

    def handle_endtag(self, tag: str) -> None:
        if tag == "td":
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell:
            self.rows[-1][self.cell] += data


def kwic_rows(html: str) -> list[dict[str, str]]:
    parser = _Kwic()
    parser.feed(html[html.index('id="kwic"'):] if 'id="kwic"' in html else "")
    return [r for r in parser.rows if r["kw"]]


def test_search_page_shows_kwic_with_jumps(client: Client) -> None:
    page = client.get("/search").text
    assert 'name="q"' in page and 'name="stem"' in page and "Type words" in page
    sid = client.get("/api/sources").json()[0]["id"]
    html = client.get("/search", params={"q": "senang"}).text
    rows = kwic_rows(html)
    start = TEXT.index("senang")
    assert len(rows) == 1 and rows[0]["kw"] == "senang"
    assert rows[0]["href"] == f"/sources/{sid}#seg={start}-{start + 6}"
    assert rows[0]["left"].endswith("saya ") and rows[0]["right"].startswith(" sekali")
    assert "\n" not in rows[0]["left"]  # context flattened to one line
    assert "passages: 1 · sources: 1" in html and 'id="autocode"' in html


def test_stemming_on_and_off(client: Client) -> None:
    # "jualan" stems to "jual": with stemming, "menjual" finds it; exact words do not
    assert [r["kw"] for r in kwic_rows(client.get("/search", params={"q": "menjual"}).text)] == ["jualan"]
    off = client.get("/search", params={"q": "menjual", "stem": "false"}).text
    assert kwic_rows(off) == [] and "Nothing found." in off


def test_boolean_queries_and_errors(client: Client) -> None:
    both = client.get("/api/search", params={"q": "kopi OR baju"}).json()
    assert sorted(h["keyword"] for h in both["hits"]) == ["baju", "kopi"]
    assert client.get("/api/search", params={"q": "kopi AND baju"}).json()["hits"] == []
    assert [h["keyword"] for h in client.get("/api/search", params={"q": '"warung kopi"'}).json()["hits"]] \
        == ["warung kopi"]
    assert [h["keyword"] for h in client.get("/api/search", params={"q": "ketem*"}).json()["hits"]] == ["ketemu"]
    bad = client.get("/search", params={"q": "NOT kopi"})
    assert bad.status_code == 200 and 'id="search-error"' in bad.text and "NOT" in bad.text
    assert client.get("/api/search", params={"q": "NOT kopi"}).status_code == 400


def test_api_search_on_both_backends(client: Client) -> None:
    r = client.get("/api/search", params={"q": "pasar", "context": 10}).json()
    assert r["passages"] == 1 and r["sources"] == 1
    [hit] = r["hits"]
    assert TEXT[hit["start"]:hit["end"]] == "pasar" and hit["source"] == SOURCE and hit["turn"] == 2
    assert hit["left"] == TEXT[hit["start"] - 10:hit["start"]] and hit["speaker"] == "I"


def test_api_search_pages_by_cursor(client: Client) -> None:
    every = client.get("/api/search", params={"q": "saya OR kopi OR baju"}).json()
    assert len(every["hits"]) >= 3 and every["next"] is None
    seen: list[Any] = []
    params: dict[str, Any] = {"q": "saya OR kopi OR baju", "limit": 1}
    while True:
        r = client.get("/api/search", params=params)
        assert r.status_code == 200 and len(r.json()["hits"]) == 1
        seen += r.json()["hits"]
        assert r.headers.get("X-Next-Cursor") == r.json()["next"]
        if r.json()["next"] is None:
            break
        params["after"] = r.json()["next"]
    assert seen == every["hits"]
    assert client.get("/api/search", params={"q": "saya", "after": "nonsense"}).status_code == 400


def test_autocode_the_hits(client: Client, csrf: str, app: Any) -> None:
    body = {"query": "senang OR baju", "code": "kerja", "scope": "match"}
    assert client.post("/api/search/autocode", json=body).status_code == 403  # no CSRF header
    r = client.post("/api/search/autocode", json=body, headers={"X-Makna-CSRF": csrf})
    assert r.status_code == 200 and r.json()["created"] == 2
    assert sorted(s.text for s in makna.retrieve(app.state.project, code="kerja")) == ["baju", "senang"]
    again = client.post("/api/search/autocode", json=body, headers={"X-Makna-CSRF": csrf}).json()
    assert again["created"] == 0 and again["skipped_duplicates"] == 2
    # the turn holds "baju", coded "kerja" already: a passage coded in part is not coded again
    turn = client.post("/api/search/autocode", json={**body, "query": "daring", "scope": "turn"},
                       headers={"X-Makna-CSRF": csrf}).json()
    assert (turn["created"], turn["skipped_duplicates"]) == (0, 1)
    makna.add_code(app.state.project, "daring")
    turn = client.post("/api/search/autocode", json={**body, "code": "daring", "query": "daring", "scope": "turn"},
                       headers={"X-Makna-CSRF": csrf}).json()
    assert turn["created"] == 1
    texts = [s.text for s in makna.retrieve(app.state.project, code="daring")]
    assert "I: Sama-sama. Dulu saya kerja di toko baju, sekarang jualan daring." in texts or any(
        t.endswith("jualan daring.") for t in texts)
    unknown = client.post("/api/search/autocode", json={**body, "code": "nope"}, headers={"X-Makna-CSRF": csrf})
    assert unknown.status_code == 404 and "nope" in unknown.json()["error"]
    assert client.post("/api/search/autocode", json={**body, "scope": "page"},
                       headers={"X-Makna-CSRF": csrf}).status_code == 422


def test_transcript_text_in_kwic_is_escaped(project_location: str) -> None:
    build_private(project_location)
    with logged_in(project_location) as (_app, c, _csrf):
        html = c.get("/search", params={"q": "nomor OR email OR terima", "stem": "false"}).text
        rows = kwic_rows(html)
        assert len(rows) == 3
        assert dangerous(html) == []
        for payload in XSS:
            assert payload not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert any(XSS[0] in r["right"] for r in rows)  # shown as text
        api = c.get("/api/search", params={"q": "email"}).json()["hits"][0]
        assert XSS[1] in api["right"] and api["source"] == PRIVATE_SOURCE
        assert PRIVATE_TEXT[api["start"]:api["end"]] == "email"
