"""The rounds page and API: open a blind round, the banner and hidden codings for another coder, close
it, agreement and consensus per round; English and Indonesian (#14)."""

from __future__ import annotations

from typing import Any

import pytest
from web_helpers import SOURCE, TEXT, TOKEN, Client, login

import makna
from makna.web import close_app, create_app


@pytest.fixture
def h(csrf: str) -> dict[str, str]:
    return {"X-Makna-CSRF": csrf}


def test_rounds_through_the_api_and_pages(client: Client, h: dict[str, str], sample_location: str,
                                          app: Any) -> None:
    # tester (the workbench's coder) opens a blind round on the sample source: tester manages it
    r = client.post("/api/rounds", json={"name": "putaran-1", "sources": [SOURCE]}, headers=h)
    assert r.status_code == 201, r.text
    assert r.json()["blind"] is True and r.json()["opened_by"] == "tester"
    assert client.post("/api/rounds", json={"name": "lain"}, headers=h).status_code == 409
    page = client.get("/rounds").text
    assert "putaran-1" in page and "Close round" in page
    assert "blind-banner" not in client.get("/").text  # the manager sees everything
    sid = makna.get_source(app.state.project, SOURCE).id
    at = TEXT.index("toko baju")
    assert client.post("/api/segments", json={"source": sid, "start": at, "end": at + 9, "code": "tempat"},
                       headers=h).status_code == 201
    other = create_app(sample_location, token=TOKEN, coder="budi", lang="id")
    budi = Client(other)
    try:
        login(budi)
        home = budi.get("/").text
        assert "blind-banner" in home and "Putaran buta putaran-1 sedang dibuka" in home
        assert budi.get(f"/api/sources/{sid}/segments").json() == []  # tester's and kedua's are hidden
        made = budi.post("/api/segments", json={"source": sid, "start": at, "end": at + 9, "code": "tempat"},
                         headers={"X-Makna-CSRF": _csrf(budi)})
        assert made.status_code == 201
        assert [s["coder"] for s in budi.get(f"/api/sources/{sid}/segments").json()] == ["budi"]
        assert [c["kind"] for c in budi.get("/api/changes").json()["changes"]
                if c["kind"].startswith("segments")] == ["segments.add"]  # its own only
        assert budi.get("/api/agreement").status_code == 409
        closing = budi.post("/api/rounds/putaran-1/close", headers={"X-Makna-CSRF": _csrf(budi)})
        assert closing.status_code == 403  # only the round's manager closes it
        assert "Putaran pengodean" in budi.get("/rounds").text
    finally:
        budi.close()
        close_app(other)
    assert client.get("/api/rounds/putaran-1/agreement").status_code == 200  # the manager may look
    r = client.post("/api/rounds/putaran-1/close", headers=h)
    assert r.status_code == 200 and r.json()["closed_by"] == "tester"
    listed = client.get("/api/rounds").json()
    assert [x["name"] for x in listed] == ["putaran-1"] and listed[0]["closed_at"]
    agreement = client.get("/api/rounds/putaran-1/agreement").json()
    assert agreement["coders"] == ["budi", "tester"]
    page = client.get("/rounds").text
    assert "Build consensus" in page and "/agreement?" in page
    made = client.post("/api/rounds/putaran-1/consensus", json={"rule": "agreed"}, headers=h).json()
    assert made["consensus"] == "consensus.putaran-1" and made["created"] == 1


def _csrf(client: Client) -> str:
    html = client.get("/").text
    marker = 'name="makna-csrf" content="'
    i = html.index(marker) + len(marker)
    return html[i : html.index('"', i)]


def test_stale_case_edit_through_the_api(client: Client, h: dict[str, str], app: Any) -> None:
    cases = client.get("/api/cases").json()
    version = cases[0]["version"]
    ok = client.put("/api/cases/Ani/values", json={"values": {"umur": 25}, "version": version}, headers=h)
    assert ok.status_code == 200 and ok.json()["version"] == version + 1
    stale = client.put("/api/cases/Ani/values", json={"values": {"umur": 26}, "version": version}, headers=h)
    assert stale.status_code == 409
    assert stale.json()["changed_by"] == "tester" and stale.json()["current"]["values"]["umur"] == 25


def test_the_rounds_page_links_to_the_rounds_own_agreement(client: Client, h: dict[str, str], sample_location: str,
                                                          app: Any) -> None:
    """The link compares what ``round agreement`` compares: the codings made during the round, not a coding
    made after it closed (newuser17: the link sent the coders alone, so the page counted everything)."""
    sid = makna.get_source(app.state.project, SOURCE).id
    at = TEXT.index("toko baju")
    assert client.post("/api/rounds", json={"name": "putaran-2", "sources": [SOURCE]}, headers=h).status_code == 201
    assert client.post("/api/segments", json={"source": sid, "start": at, "end": at + 9, "code": "tempat"},
                       headers=h).status_code == 201
    other = create_app(sample_location, token=TOKEN, coder="budi", lang="en")
    budi = Client(other)
    try:
        login(budi)
        assert budi.post("/api/segments", json={"source": sid, "start": at, "end": at + 9, "code": "tempat"},
                         headers={"X-Makna-CSRF": _csrf(budi)}).status_code == 201
    finally:
        budi.close()
        close_app(other)
    assert client.post("/api/rounds/putaran-2/close", headers=h).status_code == 200
    late = TEXT.index("warung kopi")  # coded by tester after the round closed: not the round's
    assert client.post("/api/segments", json={"source": sid, "start": late, "end": late + 11, "code": "tempat"},
                       headers=h).status_code == 201
    api = client.get("/api/rounds/putaran-2/agreement").json()
    rounds = client.get("/rounds").text
    start = rounds.index("/agreement?")
    link = rounds[start:rounds.index('"', start)].replace("&amp;", "&")
    assert "round=putaran-2" in link
    page = client.get(link).text
    assert 'id="agreement-round"' in page and "putaran-2" in page
    pooled = page[page.index('<tr class="pooled">'):]
    cells = [c.split("<")[0] for c in pooled.split('<td class="num">')[1:4]]
    assert cells[1:] == [str(api["pooled"]["coded"][c]) for c in api["coders"]], (cells, api["pooled"])
    plain = client.get("/agreement?unit=sentence&run=1&coders=budi&coders=tester").text  # everything they coded
    plain_pooled = plain[plain.index('<tr class="pooled">'):]
    assert [c.split("<")[0] for c in plain_pooled.split('<td class="num">')[1:4]] != cells
