"""sec21 (#11): on the team server a write is authenticated, then authorised, then its body is read, within a
cap. Before, FastAPI read and parsed the whole body (a viewer's ``makna push``, a coder's upload of a codebook,
a large JSON) before the core refused the role. httpx ASGI transport, PostgreSQL; each body is a stream that
records whether the server read it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from starlette.routing import Route
from web_helpers import Client, team_login

from makna.web.server_app import create_server_app
from makna.web.write_rights import FORM_CAP, JSON_CAP, WRITE_RIGHTS, needed

PASSWORD = "correct horse battery"  # the team fixture's (tests/conftest.py)
#: Writes that need no more than membership (or check their own right: members, invitations, logging in and out).
CORE_DECIDES = {
    "POST /api/report",
    "POST /api/rounds",  # the rounds' own refusal names the task (test_trial7_server)
    "POST /api/rounds/{name}/close",
    "POST /api/rounds/{name}/consensus",
    "POST /api/rounds/{name}/join",  # the core decides who may join (rounds.join_round: a manager or owner)
    "POST /login",
    "POST /logout",
    "POST /projects/{key}/open",
    "POST /api/server/projects/{key}/open",
}
_SAFE = {"GET", "HEAD", "OPTIONS"}


@pytest.fixture
def server(team: Any, server_db: str) -> Iterator[Any]:
    app = create_server_app(server_db)
    yield app
    app.state.registry.close()


class Body:
    """A request body sent as a stream: ``read`` says whether the server took any of it."""

    def __init__(self, data: bytes = b'{"x": 1}', chunks: int = 1) -> None:
        self.data, self.chunks, self.read = data, chunks, 0

    async def stream(self) -> AsyncIterator[bytes]:
        for _ in range(self.chunks):
            self.read += 1
            yield self.data


def _routes(routes: list[Any], prefix: str = "") -> Iterator[tuple[str, Route]]:
    for route in routes:
        if isinstance(route, Route):
            yield prefix + route.path, route
        elif hasattr(route, "original_router"):
            yield from _routes(route.original_router.routes, prefix + getattr(route.include_context, "prefix", ""))


def _concrete(template: str) -> str:
    return template.replace("{id}", "x")


def test_every_write_route_is_listed_or_left_to_the_core(server: Any) -> None:
    unlisted, used = [], set()
    for path, route in _routes(server.router.routes):
        for method in sorted(set(route.methods or ()) - _SAFE):
            concrete = path.replace("{", "").replace("}", "")
            if needed(method, concrete) is None and not path.startswith(("/invite/", "/members/", "/api/server/invit")):
                unlisted.append(f"{method} {path}")
            used.update(
                (m, t)
                for ms, t, _ in WRITE_RIGHTS
                for m in ms.split()
                if m == method and needed(m, concrete) is not None and _matches(t, concrete)
            )
    assert sorted(set(unlisted) - CORE_DECIDES) == []
    stale = [(m, t) for ms, t, _ in WRITE_RIGHTS for m in ms.split() if (m, t) not in used]
    assert stale == []


def _matches(template: str, path: str) -> bool:
    import re

    return re.fullmatch(re.escape(template).replace(r"\{id\}", "[^/]+"), path) is not None


@pytest.mark.parametrize(("user", "role"), [("citra", "viewer"), ("budi", "coder")])
def test_a_refused_role_costs_no_body(server: Any, user: str, role: str) -> None:
    client, csrf = team_login(server, user, PASSWORD)
    lower = {"viewer": ("code", "manage"), "coder": ("manage",)}[role]
    refused = [(ms, t) for ms, t, need in WRITE_RIGHTS if need in lower]
    assert refused
    for methods, template in refused:
        for method in methods.split():
            body = Body()
            r = client.request(
                method,
                _concrete(template),
                content=body.stream(),
                headers={"x-makna-csrf": csrf, "content-type": "application/json"},
            )
            assert (r.status_code, body.read) == (403, 0), (method, template, r.text)
            assert "needs the" in r.json()["error"]
    client.close()


def test_the_refusal_is_in_the_users_language(server: Any) -> None:
    client, csrf = team_login(server, "citra", PASSWORD)
    r = client.post(
        "/api/sync/push",
        content=Body().stream(),
        headers={"x-makna-csrf": csrf, "content-type": "application/json", "accept-language": "id"},
    )
    assert r.status_code == 403 and "memerlukan peran pengode" in r.json()["error"]
    client.close()


def test_an_allowed_role_still_writes(server: Any) -> None:
    client, csrf = team_login(server, "budi", PASSWORD)
    body = Body(b'{"target_kind": "project", "target_id": "", "title": "catatan", "text": "ok"}')
    r = client.post(
        "/api/memos", content=body.stream(), headers={"x-makna-csrf": csrf, "content-type": "application/json"}
    )
    assert body.read == 1 and r.status_code != 403, r.text
    client.close()


def test_a_body_over_its_cap_is_refused_unread(server: Any) -> None:
    client, csrf = team_login(server, "dewi", PASSWORD)  # a manager: allowed, so only the cap refuses
    h = {"x-makna-csrf": csrf, "content-type": "application/json"}
    body = Body()
    r = client.post("/api/codes", content=body.stream(), headers={**h, "content-length": str(JSON_CAP + 1)})
    assert (r.status_code, body.read) == (413, 0), r.text
    chunk = 1024 * 1024
    body = Body(b" " * chunk, chunks=JSON_CAP // chunk + 8)  # no length said: counted as it arrives
    r = client.post("/api/codes", content=body.stream(), headers=h)
    assert r.status_code == 413 and "limit" in r.json()["error"]
    assert body.read <= JSON_CAP // chunk + 2  # the rest was never read
    anon = Client(server)
    body = Body(b" " * (FORM_CAP + 1))
    r = anon.post("/login", content=body.stream(), headers={"content-type": "application/json"})
    assert r.status_code == 413
    client.close()
    anon.close()
