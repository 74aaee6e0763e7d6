"""``/api/retrieve`` carries the memos written on each segment (``makna memo add --on segment``) beside the
coding's own memo, the two kinds told apart, as ``makna segments`` and the CSV/XLSX export do since round
nineteen; the retrieval page shows them escaped (product20, #11)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from test_segment_memos_shown import _study
from web_helpers import TOKEN, Client

import makna
from makna.web import close_app, create_app


@pytest.fixture
def study(project_location: str) -> Iterator[tuple[Client, str, str, str]]:
    """round nineteen's study (a coding memo and two segment memos on the first coding, the second bare),
    and a third coding whose two memos hold markup."""
    first, second = _study(project_location)
    with makna.open_project(project_location, coder="ana") as proj:
        third = makna.code_turn(proj, "informan-01.txt", 3, "aman", memo="kode: <i>alasan</i> keamanan")
        makna.add_memo(proj, "segment", third.id, "bandingkan <b>dengan</b> informan-02", title="Banding")
    app = create_app(project_location, token=TOKEN, coder="ana", lang="en")
    client = Client(app)
    assert client.get(f"/?token={TOKEN}").status_code == 303
    yield client, first, second, third.id
    client.close()
    close_app(app)


def _by_id(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in rows}


def test_api_retrieve_has_both_kinds(study: tuple[Client, str, str, str]) -> None:
    client, first, second, third = study
    rows = _by_id(client.get("/api/retrieve", params={"code": "aman"}).json())
    assert rows[first]["memo"] == "kode: alasan keamanan"  # the coding's own, as before
    got = [(m["coder"], m["title"], m["text"]) for m in rows[first]["segment_memos"]]
    assert got == [("ana", "Banding", "bandingkan dengan informan-02"), ("budi", "", "setuju, tapi lihat konteks")]
    assert rows[third]["memo"] == "kode: <i>alasan</i> keamanan"  # JSON carries the words as written
    assert [m["text"] for m in rows[third]["segment_memos"]] == ["bandingkan <b>dengan</b> informan-02"]
    assert all(m["kind"] == "segment" and m["id"] and m["created_at"] for m in rows[first]["segment_memos"])
    assert rows[second]["memo"] == "" and rows[second]["segment_memos"] == []
    # paging keeps them: one row a page
    page = client.get("/api/retrieve", params={"code": "aman", "limit": 1})
    assert [m["text"] for m in page.json()[0]["segment_memos"]][1] == "setuju, tapi lihat konteks"
    cursor = page.headers["X-Next-Cursor"]
    after = client.get("/api/retrieve", params={"code": "aman", "limit": 1, "after": cursor}).json()
    assert [m["text"] for m in after[0]["segment_memos"]] == ["bandingkan <b>dengan</b> informan-02"]


def test_retrieval_page_escapes_both_kinds(study: tuple[Client, str, str, str]) -> None:
    client = study[0]
    html = client.get("/retrieve", params={"code": "aman"}).text
    assert "<b>dengan</b>" not in html and "<i>alasan</i>" not in html
    assert "bandingkan &lt;b&gt;dengan&lt;/b&gt; informan-02" in html
    assert "kode: &lt;i&gt;alasan&lt;/i&gt; keamanan" in html
