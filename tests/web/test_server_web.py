"""The team server over HTTP (httpx ASGI transport): log in, sessions in HttpOnly SameSite cookies,
CSRF, log out, login rate limiting, choosing a project, and every request acting as its user with
the role the core enforces (#14)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from web_helpers import Client, form_csrf

from makna.server.ratelimit import LoginLimiter
from makna.web.server_app import create_server_app

SERVER_PASSWORD = "correct horse battery"  # the team fixture's (tests/conftest.py)


@pytest.fixture
def server(team: Any, server_db: str) -> Iterator[Any]:
    app = create_server_app(server_db, lang="en", limiter=LoginLimiter(failures=3, window=600))
    yield app
    app.state.registry.close()


def _login(app: Any, name: str, project: str | None = "Studi") -> tuple[Client, str]:
    c = Client(app)
    r = c.post("/login", json={"name": name, "password": SERVER_PASSWORD})
    assert r.status_code == 200, r.text
    csrf = r.json()["csrf"]
    if project:
        assert c.post(f"/api/server/projects/{project}/open", headers={"x-makna-csrf": csrf}).status_code == 200
    return c, csrf


def test_login_sets_an_httponly_samesite_cookie_that_expires(server: Any) -> None:
    c = Client(server)
    r = c.post("/login", json={"name": "budi", "password": SERVER_PASSWORD})
    cookie = r.headers["set-cookie"]
    assert "makna_session=" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert "Max-Age=43200" in cookie and "Path=/" in cookie
    assert "Secure" not in cookie  # plain HTTP in tests; `makna server run` beyond loopback sets it
    me = c.get("/api/server/me").json()
    assert me == {"user": "budi", "admin": False, "project": None, "project_id": None, "role": None}
    c.close()


def test_without_a_session_pages_go_to_login_and_the_api_says_401(server: Any) -> None:
    c = Client(server)
    r = c.get("/codebook")
    assert r.status_code == 303 and r.headers["location"] == "/login?next=/codebook"
    assert c.get("/api/codes").status_code == 401
    assert c.get("/login").status_code == 200
    c.cookies.set("makna_session", "forged")
    assert c.get("/api/codes").status_code == 401
    c.close()


def test_form_login_redirects_only_to_local_paths(server: Any) -> None:
    c = Client(server)
    csrf = form_csrf(c, "/login")
    r = c.post("/login", data={"name": "budi", "password": SERVER_PASSWORD, "next": "https://evil.example/",
                               "csrf": csrf})
    assert r.status_code == 303 and r.headers["location"] == "/projects"
    page = c.get("/projects").text
    assert "Studi" in page and "coder" in page
    c.close()


def test_wrong_passwords_are_rate_limited(server: Any) -> None:
    c = Client(server)
    for _ in range(3):
        assert c.post("/login", json={"name": "budi", "password": "wrong password"}).status_code == 401
    r = c.post("/login", json={"name": "budi", "password": SERVER_PASSWORD})  # even the right one, for a while
    assert r.status_code == 429 and int(r.headers["retry-after"]) > 0
    assert "makna_session" not in r.headers.get("set-cookie", "")
    c.close()


def test_writes_need_the_csrf_token_and_the_same_origin(server: Any) -> None:
    c, csrf = _login(server, "budi")
    body = {"source": "wawancara", "start": 0, "end": 2, "code": "emosi"}
    assert c.post("/api/segments", json=body).status_code == 403
    assert c.post("/api/segments", json=body, headers={"x-makna-csrf": "nope"}).status_code == 403
    assert c.post("/api/segments", json=body,
                  headers={"x-makna-csrf": csrf, "origin": "https://evil.example"}).status_code == 403
    r = c.post("/api/segments", json=body, headers={"x-makna-csrf": csrf})
    assert r.status_code == 201 and r.json()["coder"] == "budi"
    c.close()


def test_logout_ends_the_session(server: Any) -> None:
    c, csrf = _login(server, "budi")
    token = c.cookies.get("makna_session")
    assert c.post("/logout", data={"csrf": "wrong"}).status_code == 403
    r = c.post("/logout", data={"csrf": csrf})
    assert r.status_code == 303 and r.headers["location"] == "/login"
    assert 'makna_session=""' in r.headers["set-cookie"] or "Max-Age=0" in r.headers["set-cookie"]
    c.cookies.set("makna_session", token)  # the old cookie is worth nothing now
    assert c.get("/api/server/me").status_code == 401
    c.close()


def test_pages_show_the_user_and_a_logout_button(server: Any) -> None:
    c, csrf = _login(server, "citra")
    html = c.get("/").text
    assert "<b>citra</b>" in html and 'action="/logout"' in html and f'value="{csrf}"' in html
    c.close()


def test_a_project_must_be_chosen_and_only_by_its_members(server: Any) -> None:
    c, csrf = _login(server, "eko", project=None)
    assert c.get("/api/codes").status_code == 409
    assert c.get("/").headers["location"] == "/projects"
    assert c.post("/api/server/projects/Studi/open", headers={"x-makna-csrf": csrf}).status_code == 404
    assert c.get("/api/codes", headers={"x-makna-project": "Studi"}).status_code == 404  # named, and not theirs (trial9)
    c.close()


@pytest.mark.parametrize(("user", "code", "add_code", "uncode_other"), [
    ("ana", 201, 201, 403), ("dewi", 201, 201, 403), ("budi", 201, 403, 403), ("citra", 403, 403, 403),
])
def test_roles_over_http(server: Any, user: str, code: int, add_code: int, uncode_other: int) -> None:
    owner, owner_csrf = _login(server, "ana")
    theirs = owner.post("/api/segments", json={"source": "wawancara", "start": 3, "end": 6, "code": "tempat"},
                        headers={"x-makna-csrf": owner_csrf}).json()["id"]
    c, csrf = _login(server, user)
    h = {"x-makna-csrf": csrf}
    assert c.get("/api/codes").status_code == 200  # every member reads
    r = c.post("/api/segments", json={"source": "wawancara", "start": 0, "end": 2, "code": "emosi"}, headers=h)
    assert r.status_code == code, r.text
    if code == 403:
        assert "viewer" in r.json()["error"]
    assert c.post("/api/codes", json={"key": f"baru_{user}", "name": "Baru"}, headers=h).status_code == add_code
    if user != "ana":  # another coder's coding stays theirs, whatever the role
        assert c.delete(f"/api/segments/{theirs}", headers=h).status_code == uncode_other
    c.close()
    owner.close()


def test_two_coders_code_the_same_span_each_under_their_own_name(server: Any) -> None:
    clients = [_login(server, name) for name in ("budi", "dewi")]
    for c, csrf in clients:
        r = c.post("/api/segments", json={"source": "wawancara", "start": 0, "end": 2, "code": "emosi"},
                   headers={"x-makna-csrf": csrf})
        assert r.status_code == 201
    c, csrf = clients[0]
    coders = {s["coder"] for s in c.get("/api/sources/wawancara/segments").json()}
    assert {"budi", "dewi"} <= coders
    undo = c.post("/api/undo", headers={"x-makna-csrf": csrf})  # budi undoes his own coding only
    assert undo.status_code == 200, undo.text
    coders = [s["coder"] for s in c.get("/api/sources/wawancara/segments").json()]
    assert "budi" not in coders and "dewi" in coders
    for c, _ in clients:
        c.close()
