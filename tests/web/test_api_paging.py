"""Listing APIs by cursor (issue 17): the ``X-Next-Cursor`` header chains pages that make up the
whole listing; the coding call's reply describes the new coding fully."""

from __future__ import annotations

from typing import Any

import pytest
from web_helpers import SOURCE, TEXT, Client

import makna
from makna.web.deps import NEXT_CURSOR


def _all_pages(client: Client, url: str, limit: int, **query: str) -> list[Any]:
    got: list[Any] = []
    params: dict[str, Any] = {**query, "limit": limit}
    while True:
        r = client.get(url, params=params)
        assert r.status_code == 200, r.text
        assert len(r.json()) <= limit
        got += r.json()
        if NEXT_CURSOR not in r.headers:
            return got
        assert len(r.json()) == limit
        params = {**query, "limit": limit, "after": r.headers[NEXT_CURSOR]}


@pytest.fixture
def more(app: Any, client: Client, csrf: str) -> Client:
    """The sample with more sources and codings."""
    proj = app.state.project
    for i in range(7):
        makna.import_text(proj, f"tambahan-{i}", f"P: satu dua {i}\nI: tiga empat lima enam tujuh")
        for j in range(3):
            makna.code_span(proj, f"tambahan-{i}", j, j + 5, "tempat" if j % 2 else "emosi")
    return client


@pytest.mark.parametrize("limit", [1, 2, 5])
def test_listings_page_by_cursor(more: Client, limit: int) -> None:
    assert _all_pages(more, "/api/retrieve", limit) == more.get("/api/retrieve").json()
    assert _all_pages(more, "/api/retrieve", limit, code="emosi") == more.get("/api/retrieve?code=emosi").json()
    assert _all_pages(more, "/api/sources", limit) == more.get("/api/sources").json()
    assert _all_pages(more, "/api/events", limit) == more.get("/api/events?limit=1000").json()


def test_bad_cursor_is_a_clear_400(more: Client) -> None:
    for url in ("/api/retrieve?after=zzz", "/api/sources?limit=2&after=zzz", "/api/events?after=zzz"):
        r = more.get(url)
        assert r.status_code == 400 and "cursor" in r.json()["error"], (url, r.text)


def test_retrieve_page_links_by_cursor(app: Any, more: Client) -> None:
    from makna.web import routes_retrieval

    old = routes_retrieval.PAGE_SIZE
    routes_retrieval.PAGE_SIZE = 2
    try:
        html = more.get("/retrieve?code=emosi").text
        assert "after=" in html
        link = html.split('page_no=1&amp;after=', 1)[1].split('"', 1)[0]
        second = more.get(f"/retrieve?code=emosi&page_no=1&after={link}")
        assert second.status_code == 200
        by_offset = more.get("/retrieve?code=emosi&page_no=1")
        assert second.text.split("<main", 1)[1].split("page_no=0", 1)[0] == \
            by_offset.text.split("<main", 1)[1].split("page_no=0", 1)[0]
    finally:
        routes_retrieval.PAGE_SIZE = old


def test_home_lists_a_page_of_sources(app: Any, more: Client) -> None:
    from makna.web import routes_home

    old = routes_home.HOME_SOURCES
    routes_home.HOME_SOURCES = 3
    try:
        html = more.get("/").text
        assert "8 sources" in html and "and 5 more" in html
        nxt = html.split('href="/?after=', 1)[1].split('"', 1)[0]
        assert "and 2 more" in more.get(f"/?after={nxt}").text
    finally:
        routes_home.HOME_SOURCES = old


def test_coding_reply_describes_the_coding(app: Any, client: Client, csrf: str) -> None:
    sid = client.get("/api/sources").json()[0]["id"]
    start = TEXT.index("toko baju")
    r = client.post("/api/segments", json={"source": SOURCE, "start": start, "end": start + 9, "code": "kerja",
                                           "memo": "catatan"}, headers={"X-Makna-CSRF": csrf})
    assert r.status_code == 201, r.text
    body = r.json()
    code = next(c for c in client.get("/api/codes").json() if c["key"] == "kerja")
    assert {k: body[k] for k in ("source", "start", "end", "code", "coder", "memo", "source_id", "source_name",
                                 "code_id", "code_key", "code_name", "color")} == {
        "source": SOURCE, "start": start, "end": start + 9, "code": "kerja", "coder": "tester", "memo": "catatan",
        "source_id": sid, "source_name": SOURCE, "code_id": code["id"], "code_key": "kerja",
        "code_name": "Pekerjaan", "color": "#F28E2B"}
    stored = client.get(f"/api/segments/{body['id']}").json()
    assert stored["created_at"] == body["created_at"] and stored["code_id"] == body["code_id"]
    assert code["segments"] == 1
