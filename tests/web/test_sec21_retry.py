"""sec21 (#11): a coding's POST retried after its answer was lost codes once, and says so truthfully.

Before, the retry met the unique (coder, source, span, code) constraint and answered 409 "nothing was coded"
while the first request had coded it: the workbench showed a refusal, the coder tried again, and again."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.types import Receive, Scope, Send
from web_helpers import TOKEN, Client

import makna
from makna.coding import SegmentSpec, code_one
from makna.errors import DuplicateCodingError


class LoseFirstAnswer:
    """The network drops the answer of the first coding after the server has handled it."""

    def __init__(self, app: Any) -> None:
        self.app, self.lost = app, 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST" and scope["path"] == "/api/segments" and not self.lost:
            self.lost += 1

            async def nowhere(message: Any) -> None:
                return None

            await self.app(scope, receive, nowhere)
            raise ConnectionResetError("the answer was lost on the way back")
        await self.app(scope, receive, send)


def test_a_retry_after_a_lost_answer_codes_once(app: Any) -> None:
    client = Client(LoseFirstAnswer(app))
    assert client.get(f"/?token={TOKEN}").status_code == 303
    html = client.get("/").text
    marker = 'name="makna-csrf" content="'
    csrf = html[html.index(marker) + len(marker) :].split('"', 1)[0]
    h = {"X-Makna-CSRF": csrf}
    sid = client.get("/api/sources").json()[0]["id"]
    before = client.get("/api/project").json()["segments"]
    events = len(makna.events(app.state.project, limit=1000))
    body = {"source": sid, "start": 0, "end": 4, "code": "tempat", "memo": "catatan"}
    with pytest.raises(ConnectionResetError):
        client.post("/api/segments", json=body, headers=h)
    again = client.post("/api/segments", json=body, headers=h)  # the workbench's (or a script's) retry
    assert again.status_code == 200, again.text
    got = again.json()
    assert (got["created"], got["start"], got["end"], got["code_key"], got["memo"]) == (
        False,
        0,
        4,
        "tempat",
        "catatan",
    )
    assert client.get("/api/project").json()["segments"] == before + 1
    assert len(makna.events(app.state.project, limit=1000)) == events + 1  # one step to undo, not two
    client.close()


def test_code_one_returns_the_same_coding_on_each_backend(project: makna.Project) -> None:
    makna.import_text(project, "s.txt", "P: Apa kabar hari ini?\nI: Baik.\n", language="id")
    makna.add_code(project, "k", "Kode")
    spec = SegmentSpec("s.txt", 3, 6, "k", "memo")
    first = code_one(project, spec, existing_ok=True)
    again = code_one(project, spec, existing_ok=True)
    assert first.created and not again.created
    assert (again.id, again.code_key, again.source_name, again.coder, again.memo) == (
        first.id,
        "k",
        "s.txt",
        first.coder,
        "memo",
    )
    assert again.created_at == first.created_at
    with pytest.raises(DuplicateCodingError):  # the library's default: a duplicate is refused
        code_one(project, spec)
    with pytest.raises(DuplicateCodingError):  # another memo is another request, not a retry
        code_one(project, SegmentSpec("s.txt", 3, 6, "k", "lain"), existing_ok=True)
    assert len(makna.retrieve(project, code="k")) == 1
    assert [e.action for e in makna.events(project, limit=10)].count("code.span") == 1
