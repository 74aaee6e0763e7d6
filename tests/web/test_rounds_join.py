"""A manager takes part in a blind round as a blind coder (trial12 #5): until then she sees through the round;
after ``POST /api/rounds/NAME/join`` (recorded with a ``round.join`` event) she sees what a coder sees on the
pages, the API and the live stream, the round's agreement is refused to her while it is open, and she still
closes it, after which she sees everything again. English and Indonesian; SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sync_helpers import server_login
from web_helpers import SOURCE, TEXT, TOKEN, Client, login

import makna
from makna.web import close_app, create_app
from makna.web.server_app import create_server_app


def _coders(client: Client, sid: str) -> set[str]:
    return {s["coder"] for s in client.get(f"/api/sources/{sid}/segments").json()}


def _coded_by_others(client: Client, me: str) -> list[str]:
    return [
        c["actor"]
        for c in client.get("/api/changes").json()["changes"]
        if c["kind"].startswith("segments") and c["actor"] != me
    ]


def test_a_manager_codes_blind_in_a_round(client: Client, csrf: str, sample_location: str, app: Any) -> None:
    h = {"X-Makna-CSRF": csrf}
    assert client.post("/api/rounds", json={"name": "sampel-1", "sources": [SOURCE]}, headers=h).status_code == 201
    sid = makna.get_source(app.state.project, SOURCE).id
    at = TEXT.index("warung kopi")
    other = create_app(sample_location, token=TOKEN, coder="budi", lang="id")
    budi = Client(other)
    try:
        budi_h = {"X-Makna-CSRF": login(budi)}
        assert (
            budi.post(
                "/api/segments", json={"source": sid, "start": at, "end": at + 11, "code": "tempat"}, headers=budi_h
            ).status_code
            == 201
        )
        assert "budi" in _coders(client, sid)  # the round's manager sees through it ...
        assert "join-round" in client.get("/rounds").text  # ... and is offered to code blind
        joined = client.post("/api/rounds/sampel-1/join", headers=h)
        assert joined.status_code == 200, joined.text
        assert joined.json()["blind_coders"] == ["tester"]
        assert client.post("/api/rounds/sampel-1/join", headers=h).status_code == 409  # once
        assert budi.post("/api/rounds/sampel-1/join", headers=budi_h).status_code == 409  # a coder is blind already
        # now she sees what a coder sees: pages, the API, the live stream, the round's agreement
        assert _coders(client, sid) <= {"tester"}
        assert "blind-banner" in client.get("/").text
        assert "budi" not in client.get(f"/sources/{sid}").text
        assert (
            budi.post(
                "/api/segments", json={"source": sid, "start": 0, "end": 9, "code": "tempat"}, headers=budi_h
            ).status_code
            == 201
        )
        assert _coded_by_others(client, "tester") == []
        joins = [
            (c["actor"], c["kind"]) for c in client.get("/api/changes").json()["changes"] if c["action"] == "round.join"
        ]
        assert joins == [("tester", "round")]  # her pages reload: what she may see changed
        assert not [c for c in budi.get("/api/changes").json()["changes"] if c["action"] == "round.join"]  # his do not
        assert client.get("/api/agreement").status_code == 409
        assert client.get("/api/rounds/sampel-1/agreement").status_code == 409
        page = client.get("/rounds").text
        assert "round-joined" in page and "You code blind in round sampel-1" in page and "join-round" not in page
        assert "close-round" in page  # she still closes it
    finally:
        budi.close()
        close_app(other)
    assert client.post("/api/rounds/sampel-1/close", headers=h).status_code == 200
    assert "budi" in _coders(client, sid)  # the round closed: she sees everything again
    assert "blind-banner" not in client.get("/").text
    assert [(e.actor, e.payload["name"]) for e in makna.events(app.state.project, action="round.join")] == [
        ("tester", "sampel-1")
    ]


def test_the_choice_in_indonesian(id_client: tuple[Client, dict[str, str]]) -> None:
    client, h = id_client
    assert client.post("/api/rounds", json={"name": "sampel-2"}, headers=h).status_code == 201
    assert "Ikut mengode buta dalam putaran ini" in client.get("/rounds").text
    assert client.post("/api/rounds/sampel-2/join", headers=h).status_code == 200
    page = client.get("/rounds").text
    assert "Anda mengode buta dalam putaran sampel-2" in page
    assert "Putaran buta sampel-2 sedang dibuka" in client.get("/").text
    assert client.post("/api/rounds/lain/join", headers=h).status_code == 409


def test_no_blind_round_to_join(client: Client, csrf: str) -> None:
    h = {"X-Makna-CSRF": csrf}
    assert client.post("/api/rounds/x/join", headers=h).status_code == 409
    assert client.post("/api/rounds", json={"name": "terbuka", "blind": False}, headers=h).status_code == 201
    assert client.post("/api/rounds/terbuka/join", headers=h).status_code == 409


@pytest.fixture
def server(team: Any, server_db: str) -> Iterator[Any]:
    application = create_server_app(server_db, lang="id")
    yield application
    application.state.registry.close()


def test_on_the_team_server(server: Any) -> None:
    """trial12's walk: manager dewi opens a blind round, coder budi codes, dewi sees it until she joins; the owner
    ana, who did not join, still sees through the round (PostgreSQL: the team server's database)."""
    dewi, hd = server_login(server, "dewi")
    budi, hb = server_login(server, "budi")
    ana, ha = server_login(server, "ana")
    try:
        assert dewi.post("/api/rounds", json={"name": "sampel-dosen"}, headers=hd).status_code == 201
        sid = dewi.get("/api/sources", headers=hd).json()[0]["id"]
        made = budi.post("/api/segments", json={"source": sid, "start": 0, "end": 2, "code": "emosi"}, headers=hb)
        assert made.status_code == 201, made.text
        assert "budi" in {s["coder"] for s in dewi.get(f"/api/sources/{sid}/segments", headers=hd).json()}
        assert dewi.post("/api/rounds/sampel-dosen/join", headers=hd).status_code == 200
        assert budi.post("/api/rounds/sampel-dosen/join", headers=hb).status_code == 403  # a manager's choice
        assert dewi.get(f"/api/sources/{sid}/segments", headers=hd).json() == []
        assert "Putaran buta sampel-dosen sedang dibuka" in dewi.get("/", headers=hd).text
        assert "budi" in {s["coder"] for s in ana.get(f"/api/sources/{sid}/segments", headers=ha).json()}
        assert dewi.post("/api/rounds/sampel-dosen/close", headers=hd).status_code == 200
        assert "budi" in {s["coder"] for s in dewi.get(f"/api/sources/{sid}/segments", headers=hd).json()}
    finally:
        for c in (dewi, budi, ana):
            c.close()
