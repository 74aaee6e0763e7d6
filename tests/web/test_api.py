"""The JSON API: coding, codebook, retrieval and cases through the core library."""

from __future__ import annotations

from typing import Any

import pytest
from web_helpers import SOURCE, TEXT, Client

import makna


@pytest.fixture
def h(csrf: str) -> dict[str, str]:
    return {"X-Makna-CSRF": csrf}


def _sid(client: Client) -> str:
    return str(client.get("/api/sources").json()[0]["id"])


def test_project_and_sources(client: Client) -> None:
    info = client.get("/api/project").json()
    assert info["name"] == "Uji workbench" and info["coder"] == "tester"
    assert info["segments"] == 3 and info["sources"] == 1 and set(info["coders"]) >= {"tester", "kedua"}
    src = client.get(f"/api/sources/{_sid(client)}").json()
    assert src["text"] == makna.text.normalize_text(TEXT) and len(src["turns"]) == 4


def test_code_a_span_with_emoji_offsets(client: Client, h: dict[str, str], app: Any) -> None:
    phrase = "Terima kasih 🙏 sudah"
    start = TEXT.index(phrase)
    end = start + len(phrase)  # code points
    r = client.post("/api/segments", json={"source": _sid(client), "start": start, "end": end, "code": "emosi"},
                    headers=h)
    assert r.status_code == 201, r.text
    seg = makna.get_segment(app.state.project, r.json()["id"])
    assert (seg.start, seg.end) == (start, end)
    got = makna.retrieve(app.state.project, code="emosi", descendants=False, coder="tester")
    assert [s.text for s in got] == [phrase]


def test_coding_errors_are_clear_and_change_nothing(client: Client, h: dict[str, str], app: Any) -> None:
    sid = _sid(client)
    r = client.post("/api/segments", json={"source": sid, "start": 5, "end": 99999, "code": "emosi"}, headers=h)
    assert r.status_code == 400 and "outside source" in r.json()["error"]
    r = client.post("/api/segments", json={"source": sid, "start": 0, "end": 4, "code": "nope"}, headers=h)
    assert r.status_code == 404 and "unknown code" in r.json()["error"]
    r = client.post("/api/segments", json={"source": sid, "start": -1, "end": 4, "code": "emosi"}, headers=h)
    assert r.status_code == 422
    body = {"source": sid, "start": 0, "end": 4, "code": "emosi"}
    first = client.post("/api/segments", json=body, headers=h)
    assert first.status_code == 201
    again = client.post("/api/segments", json=body, headers=h)  # sec21: a retry is the coding made, not a second
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"] and again.json()["created"] is False
    other_memo = client.post("/api/segments", json={**body, "memo": "lain"}, headers=h)
    assert other_memo.status_code == 409
    assert client.get("/api/project").json()["segments"] == 4


def test_memo_and_uncode(client: Client, h: dict[str, str]) -> None:
    segs = client.get(f"/api/sources/{_sid(client)}/segments", params={"coder": "tester"}).json()
    assert len(segs) == 2 and all(s["color"].startswith("#") for s in segs)
    seg_id = segs[0]["id"]
    r = client.patch(f"/api/segments/{seg_id}", json={"memo": "penting"}, headers=h)
    assert r.status_code == 200 and r.json()["memo"] == "penting"
    assert client.get(f"/api/segments/{seg_id}").json()["memo"] == "penting"
    assert client.delete(f"/api/segments/{seg_id}", headers=h).status_code == 204
    assert client.delete(f"/api/segments/{seg_id}", headers=h).status_code == 404


def test_codebook_add_edit_move_merge_delete(client: Client, h: dict[str, str], app: Any) -> None:
    r = client.post("/api/codes", json={"name": "Rasa Takut"}, headers=h)
    assert r.status_code == 201 and r.json()["key"] == "rasa-takut"
    again = client.post("/api/codes", json={"name": "Rasa takut"}, headers=h).json()
    assert again["key"] == "rasa-takut-2"
    r = client.patch("/api/codes/rasa-takut", json={"name": "Takut", "color": "#112233", "key": "takut",
                                                    "inclusion": "takut, cemas"}, headers=h)
    assert r.status_code == 200 and r.json()["key"] == "takut" and r.json()["color"] == "#112233"
    assert client.patch("/api/codes/takut", json={"color": "red"}, headers=h).status_code == 400
    r = client.post("/api/codes/takut/move", json={"parent": "emosi"}, headers=h)
    assert r.status_code == 200
    tree = {c["key"]: c for c in client.get("/api/codes").json()}
    assert tree["takut"]["parent"] == tree["emosi"]["id"] and tree["takut"]["depth"] == 1
    r = client.post("/api/codes/emosi/move", json={"parent": "takut"}, headers=h)
    assert r.status_code == 409
    assert client.post("/api/codes/takut/move", json={"parent": None}, headers=h).json()["parent_id"] is None
    r = client.post("/api/codes/tempat/merge", json={"into": "takut"}, headers=h)
    assert r.status_code == 200 and r.json()["reassigned"] == 1
    assert client.delete("/api/codes/takut", headers=h).status_code == 409
    assert client.delete("/api/codes/takut?force=true", headers=h).status_code == 204
    keys = [c.key for c in makna.list_codes(app.state.project)]
    assert "takut" not in keys and "tempat" not in keys


def test_retrieval_filters(client: Client) -> None:
    got = client.get("/api/retrieve", params={"code": "emosi", "context": 10}).json()
    assert {g["text"] for g in got} == {"saya senang sekali", "warung kopi"}
    assert all(g["before"] for g in got)
    assert [g["coder"] for g in client.get("/api/retrieve", params={"code": "emosi", "coder": "kedua"}).json()] \
        == ["kedua"]
    assert client.get("/api/retrieve", params={"code": "emosi", "descendants": "false"}).json()[0]["text"] \
        == "warung kopi"
    assert len(client.get("/api/retrieve", params={"case": "Ani"}).json()) == 3
    assert len(client.get("/api/retrieve", params={"attribute": "kota", "value": "Padang"}).json()) == 3
    assert client.get("/api/retrieve", params={"attribute": "kota", "value": "Medan"}).json() == []
    assert client.get("/api/retrieve", params={"case": "Budi"}).status_code == 404


def test_cases_values_links(client: Client, h: dict[str, str]) -> None:
    assert client.post("/api/cases", json={"name": "Budi", "values": {"umur": 31}}, headers=h).status_code == 201
    assert client.post("/api/cases", json={"name": "Budi"}, headers=h).status_code == 409
    r = client.put("/api/cases/Budi/values", json={"values": {"kota": "Bukittinggi", "umur": "32"}}, headers=h)
    assert r.status_code == 200 and r.json()["values"] == {"kota": "Bukittinggi", "umur": 32}
    r = client.put("/api/cases/Budi/values", json={"values": {"umur": "tiga puluh"}}, headers=h)
    assert r.status_code == 400 and "not a valid integer" in r.json()["error"]
    assert client.post("/api/attributes", json={"name": "menikah", "type": "boolean"}, headers=h).status_code == 201
    assert client.post("/api/attributes", json={"name": "x", "type": "colour"}, headers=h).status_code == 400
    sid = _sid(client)
    assert client.post("/api/cases/Budi/links", json={"source": sid}, headers=h).status_code == 201
    cases = {c["name"]: c for c in client.get("/api/cases").json()}
    assert cases["Budi"]["links"][0]["source"] == SOURCE
    assert client.delete(f"/api/cases/Budi/links/{sid}", headers=h).json() == {"removed": 1}
    assert client.delete("/api/cases/Budi", headers=h).status_code == 204
    assert client.get("/api/events").json()[0]["action"] == "case.delete"


def test_rows_endpoint_rerenders_the_rows_touching_a_span(client: Client) -> None:
    start = TEXT.index("warung")
    got = client.get(f"/sources/{_sid(client)}/rows", params={"start": start, "end": start + 3}).json()
    assert got["html"].count('class="row turn"') == 1 and 'id="turn-2"' in got["html"]
    assert got["start"] <= start < got["end"] and len(got["segs"]) == 3
