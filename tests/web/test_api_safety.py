"""No silent destruction, clean failure under load (#12): concurrent first writes, others' codings
read-only, deleting a code only with an explicit choice for its codings."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path
from typing import Any

import httpx
import pytest
from web_helpers import BASE, SOURCE, TEXT, TOKEN, Client, build_sample, login

import makna
from makna.web import close_app, create_app


@pytest.fixture
def h(csrf: str) -> dict[str, str]:
    return {"X-Makna-CSRF": csrf}


def test_eight_concurrent_first_writes_all_succeed(sample_location: str) -> None:
    """A coder new to the project makes eight codings at once (the first writes create the coder):
    every request succeeds and the coder exists once."""
    application: Any = create_app(sample_location, token=TOKEN, coder="baru", lang="en")
    client = Client(application)
    try:
        csrf = login(client)
        sid = client.get("/api/sources").json()[0]["id"]

        async def burst() -> list[httpx.Response]:
            async with httpx.AsyncClient(transport=httpx.ASGITransport(app=application), base_url=BASE,
                                         cookies=client.cookies) as ac:
                return await asyncio.gather(*(
                    ac.post("/api/segments", json={"source": sid, "start": i, "end": i + 3, "code": "tempat"},
                            headers={"X-Makna-CSRF": csrf}) for i in range(8)))

        responses = asyncio.run(burst())
        assert [r.status_code for r in responses] == [201] * 8, [r.text for r in responses]
        project = application.state.project
        assert [c.name for c in project.coders()].count("baru") == 1
        assert len(makna.retrieve(project, coder="baru")) == 8
    finally:
        client.close()
        close_app(application)


def test_another_coders_coding_cannot_be_changed(client: Client, h: dict[str, str], app: Any) -> None:
    project = app.state.project
    [theirs] = makna.retrieve(project, coder="kedua")
    r = client.delete(f"/api/segments/{theirs.id}", headers=h)
    assert r.status_code == 403 and "coded by 'kedua'" in r.json()["error"]
    r = client.patch(f"/api/segments/{theirs.id}", json={"memo": "ditimpa"}, headers=h)
    assert r.status_code == 403
    assert makna.retrieve(project, coder="kedua") == [theirs]
    mine = makna.retrieve(project, coder="tester")[0]
    assert client.patch(f"/api/segments/{mine.id}", json={"memo": "milik saya"}, headers=h).status_code == 200


def test_deleting_a_code_needs_a_choice_for_its_codings(client: Client, h: dict[str, str], app: Any) -> None:
    project = app.state.project
    makna.code_span(project, SOURCE, 0, 9, "emosi")  # emosi: tester's and kedua's codings
    use = client.get("/api/codes/emosi/use").json()
    assert (use["codings"], use["coders"], use["sources"], use["children"], use["subtree_codings"]) == (2, 2, 1, 1, 1)
    r = client.delete("/api/codes/emosi", headers=h)
    assert r.status_code == 409 and "2 coding(s) by 2 coder(s) in 1 source(s)" in r.json()["error"]
    assert client.delete("/api/codes/emosi?force=true&into=kerja", headers=h).status_code == 400
    assert len(makna.retrieve(project, code="emosi", descendants=False)) == 2
    assert client.delete("/api/codes/emosi?into=kerja", headers=h).status_code == 204
    moved = makna.retrieve(project, code="kerja")
    assert sorted((s.coder, s.text) for s in moved) == [("kedua", "warung kopi"), ("tester", TEXT[0:9])]
    assert makna.get_code(project, "emosi.senang").parent_id is None  # the sub-code moved up


def test_a_busy_project_is_503(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another program holds the write lock of the (SQLite) project past makna's patience."""
    location = str(tmp_path / "study.makna")
    build_sample(location)
    monkeypatch.setenv("MAKNA_BUSY_TIMEOUT", "0.2")
    application: Any = create_app(location, token=TOKEN, coder="tester", lang="en")
    client = Client(application)
    try:
        csrf = login(client)
        sid = client.get("/api/sources").json()[0]["id"]
        other = sqlite3.connect(location, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            r = client.post("/api/segments", json={"source": sid, "start": 0, "end": 4, "code": "kerja"},
                            headers={"X-Makna-CSRF": csrf})
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert r.status_code == 503 and "the project is busy" in r.json()["error"]
        assert makna.retrieve(application.state.project, code="kerja") == []
    finally:
        client.close()
        close_app(application)
