"""trial17 #11: the Codebook page offers a split beside the merge (a manager's); ``POST /api/codes/{id}/split`` moves
the codings chosen for each new code with their coders, and refuses in one line (in the page's language), nothing
changed. Through httpx's ASGI transport, on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest
from web_helpers import SOURCE, TEXT, Client

import makna


@pytest.fixture
def h(csrf: str) -> dict[str, str]:
    return {"X-Makna-CSRF": csrf}


def _codings(client: Client, code: str) -> list[dict[str, Any]]:
    return list(client.get("/api/retrieve", params={"code": code, "descendants": "false"}).json())


def test_the_page_offers_a_split(client: Client) -> None:
    html = client.get("/codebook").text
    assert 'id="split-form"' in html and 'id="split-dialog"' in html and "Split into new codes" in html


def test_split_through_the_api(client: Client, h: dict[str, str], app: Any) -> None:
    project = app.state.project
    start = TEXT.index("warung kopi")
    makna.code_span(project, SOURCE, start, start + len("warung kopi"), "tempat", coder="kedua")
    kedua = next(s["id"] for s in _codings(client, "tempat") if s["coder"] == "kedua")
    tempat = next(c["id"] for c in client.get("/api/codes").json() if c["key"] == "tempat")
    body = {
        "into": [
            {"name": "Warung", "definition": "a stall", "segments": [kedua]},
            {"name": "Pasar", "matching": "PASAR", "parent": tempat},
        ]
    }
    r = client.post(f"/api/codes/{tempat}/split", json=body, headers=h)
    assert r.status_code == 200, r.text
    assert r.json()["kept"] == 0 and [(c["key"], c["moved"]) for c in r.json()["into"]] == [("warung", 1), ("pasar", 1)]
    assert [s["coder"] for s in _codings(client, "warung")] == ["kedua"]
    assert [s["coder"] for s in _codings(client, "pasar")] == ["tester"]
    codes = {c["key"]: c for c in client.get("/api/codes").json()}
    assert codes["pasar"]["parent"] == tempat and codes["warung"]["parent"] is None
    assert makna.events(project, limit=1)[0].action == "code.split"


def test_refusals_change_nothing(client: Client, h: dict[str, str]) -> None:
    before = client.get("/api/codes").json(), client.get("/api/retrieve").json()
    senang = _codings(client, "emosi.senang")[0]["id"]
    for body, status, words in (
        ({"into": [{"name": "Warung", "segments": [senang]}]}, 409, "is not coded with 'tempat'"),
        ({"into": [{"name": "Kerja", "matching": "kopi"}]}, 400, "code 'kerja' exists already"),
        ({"into": [{"name": "Warung", "matching": "hujan"}]}, 409, "search 'hujan' finds none"),
        ({"into": []}, 422, ""),
    ):
        r = client.post("/api/codes/tempat/split", json=body, headers=h)
        assert r.status_code == status, r.text
        assert words in str(r.json().get("error", "")) and "\n" not in str(r.json().get("error", ""))
    assert (
        client.post("/api/codes/nope/split", json={"into": [{"name": "x", "matching": "kopi"}]}, headers=h).status_code
        == 404
    )
    assert (client.get("/api/codes").json(), client.get("/api/retrieve").json()) == before


def test_in_indonesian(id_client: tuple[Client, dict[str, str]]) -> None:
    client, h = id_client
    assert "Pecah menjadi kode baru" in client.get("/codebook").text
    senang = _codings(client, "emosi.senang")[0]["id"]
    r = client.post("/api/codes/tempat/split", json={"into": [{"name": "Warung", "segments": [senang]}]}, headers=h)
    assert r.status_code == 409 and r.json()["error"] == (
        f"segmen {senang} tidak dikodekan dengan 'tempat': tidak ada yang dipecah"
    )


def test_other_coders_codings_of_the_same_or_an_overlapping_span(client: Client, h: dict[str, str], app: Any) -> None:
    """team29: ``every_coder`` brings the other coders' codings of the span chosen; ``overlapping`` also those that
    overlap it by at least half of the shorter span. The dialog offers both (checkboxes)."""
    html = client.get("/codebook").text
    assert 'id="sd-every"' in html and 'id="sd-overlap"' in html and "at least half of the shorter span" in html
    project = app.state.project
    for coder, words in (("kedua", "warung kopi dekat pasar"), ("ketiga", "kopi dekat pasar."),
                         ("keempat", "pasar.\nP: Terima kasih")):
        start = TEXT.index(words)
        makna.code_span(project, SOURCE, start, start + len(words), "tempat", coder=coder)
    tester = next(s["id"] for s in _codings(client, "tempat") if s["coder"] == "tester")
    r = client.post("/api/codes/tempat/split", headers=h,
                    json={"into": [{"name": "Warung", "segments": [tester]}], "every_coder": True})
    assert r.status_code == 200 and r.json()["kept"] == 2 and r.json()["into"][0]["moved"] == 2, r.text
    assert sorted(s["coder"] for s in _codings(client, "warung")) == ["kedua", "tester"]
    r = client.post("/api/undo", headers=h)
    assert r.status_code == 200, r.text
    r = client.post("/api/codes/tempat/split", headers=h,
                    json={"into": [{"name": "Warung", "segments": [tester]}], "overlapping": True})
    assert r.status_code == 200 and r.json()["kept"] == 1 and r.json()["into"][0]["moved"] == 3, r.text
    assert sorted(s["coder"] for s in _codings(client, "warung")) == ["kedua", "ketiga", "tester"]
    assert [s["coder"] for s in _codings(client, "tempat")] == ["keempat"]
    event = makna.events(project, limit=1)[0]
    assert event.action == "code.split" and event.payload["overlapping"] is True


def test_the_dialog_s_checkboxes_in_indonesian(id_client: tuple[Client, dict[str, str]]) -> None:
    client, _h = id_client
    html = client.get("/codebook").text
    assert "dan yang bertumpang tindih dengannya setidaknya separuh dari rentang yang lebih pendek" in html
    assert "Pengodean pengode lain" in html
