"""Token on every request, CSRF on writes, loopback Host only, strict headers."""

from __future__ import annotations

from typing import Any

import pytest
from web_helpers import BASE, SOURCE, TOKEN, Client

import makna
from makna.errors import InputError
from makna.web.security import CSP, check_bind_host, cookie_name, csrf_token

PATHS = ["/", "/codebook", "/retrieve", "/cases", "/codes.css", "/static/source.js", "/api/project",
         "/api/codes", "/api/sources", "/api/cases", "/api/events", "/openapi.json"]


@pytest.mark.parametrize("path", PATHS)
def test_every_path_needs_the_token(anon: Client, path: str) -> None:
    r = anon.get(path)
    assert r.status_code == 401
    assert "access token required" in r.text


@pytest.mark.parametrize("path", PATHS)
def test_a_wrong_token_is_forbidden(anon: Client, path: str) -> None:
    assert anon.get(path, headers={"Authorization": "token nope"}).status_code == 403
    assert anon.get(path, params={"token": "nope"}).status_code == 403
    anon.cookies.set(cookie_name(TOKEN), "nope")
    assert anon.get(path).status_code == 403


def test_writes_without_the_token_are_refused_and_change_nothing(anon: Client, app: Any) -> None:
    r = anon.post("/api/codes", json={"name": "Intruder"})
    assert r.status_code == 401
    r = anon.delete("/api/codes/tempat?force=true", headers={"Authorization": "token wrong"})
    assert r.status_code == 403
    keys = [c.key for c in makna.list_codes(app.state.project)]
    assert "intruder" not in keys and "tempat" in keys


def test_token_in_url_sets_a_strict_httponly_cookie_and_redirects_without_it(anon: Client) -> None:
    r = anon.get(f"/codebook?token={TOKEN}&x=1")
    assert r.status_code == 303
    assert r.headers["location"] == "/codebook?x=1"
    cookie = r.headers["set-cookie"]
    assert cookie.startswith(f"{cookie_name(TOKEN)}={TOKEN}")
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert anon.get("/codebook").status_code == 200


def test_header_token_works_for_scripts_without_csrf(anon: Client) -> None:
    h = {"Authorization": f"token {TOKEN}"}
    assert anon.get("/api/project", headers=h).json()["name"] == "Uji workbench"
    r = anon.post("/api/codes", json={"name": "Dari skrip"}, headers=h)
    assert r.status_code == 201
    assert anon.get("/api/project", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200


def test_cookie_writes_need_the_csrf_header(client: Client, csrf: str, app: Any) -> None:
    body = {"source": SOURCE, "start": 0, "end": 9, "code": "tempat"}
    assert client.post("/api/segments", json=body).status_code == 403
    assert client.post("/api/segments", json=body, headers={"X-Makna-CSRF": "forged"}).status_code == 403
    for method in ("PUT", "PATCH", "DELETE"):
        assert client.request(method, "/api/codes/tempat", json={}).status_code == 403
    assert len(makna.retrieve(app.state.project, code="tempat")) == 1
    ok = client.post("/api/segments", json=body, headers={"X-Makna-CSRF": csrf})
    assert ok.status_code == 201
    assert csrf == csrf_token(TOKEN)


def test_cross_origin_writes_are_refused_even_with_the_csrf_token(client: Client, csrf: str) -> None:
    body = {"name": "Evil"}
    r = client.post("/api/codes", json=body, headers={"X-Makna-CSRF": csrf, "Origin": "http://evil.example"})
    assert r.status_code == 403
    r = client.post("/api/codes", json=body, headers={"X-Makna-CSRF": csrf, "Origin": BASE})
    assert r.status_code == 201


def test_host_header_must_be_loopback(client: Client) -> None:
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 400
    assert client.get("/", headers={"Host": "localhost:8765"}).status_code == 200
    assert client.get("/", headers={"Host": "127.0.0.1:8765"}).status_code == 200


def test_security_headers_on_pages_api_and_errors(client: Client, anon: Client) -> None:
    for r in (client.get("/"), client.get("/api/codes"), anon.get("/"), client.get("/sources/nope")):
        assert r.headers["content-security-policy"] == CSP
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"
        assert r.headers["referrer-policy"] == "no-referrer"
    assert "script-src 'self'" in CSP and "unsafe-inline" not in CSP
    assert client.get("/").headers["cache-control"] == "no-store"


def test_no_inline_scripts_or_styles_in_pages(client: Client) -> None:
    import re

    sid = client.get("/api/sources").json()[0]["id"]
    for path in ("/", f"/sources/{sid}", "/codebook", "/retrieve?code=emosi", "/cases"):
        html = client.get(path).text
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in tag or 'type="application/json"' in tag, tag
        assert " style=" not in html and "<style" not in html
        assert not re.search(r"<[a-z][^>]*\son[a-z]+\s*=", html), path


def test_no_docs_pages_that_would_load_from_a_cdn(client: Client) -> None:
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404
    assert client.get("/openapi.json").json()["info"]["title"] == "makna workbench"


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2"])
def test_loopback_hosts_are_accepted(host: str) -> None:
    assert check_bind_host(host) == host


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.5", "::", "example.org", "10.0.0.1"])
def test_other_hosts_are_refused(host: str) -> None:
    with pytest.raises(InputError, match="loopback"):
        check_bind_host(host)


def test_websockets_are_closed() -> None:
    from makna.web.security import TokenGuard

    sent: list[dict[str, Any]] = []

    async def inner(scope: Any, receive: Any, send: Any) -> None:  # pragma: no cover - never reached
        raise AssertionError("the app must not see websockets")

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    async def receive() -> dict[str, Any]:  # pragma: no cover
        return {}

    import anyio

    anyio.run(TokenGuard(inner, TOKEN), {"type": "websocket", "headers": [], "path": "/"}, receive, send)
    assert sent == [{"type": "websocket.close", "code": 1008}]


def test_cookie_value_reads_the_named_cookie() -> None:
    from makna.web.security import cookie_value

    assert cookie_value(b"a=1; makna_token_x=abc-_Z; b=2", "makna_token_x") == "abc-_Z"
    assert cookie_value(b"makna_token_xy=no; makna_token_x=yes", "makna_token_x") == "yes"
    assert cookie_value(b'makna_token_x="quoted"', "makna_token_x") == "quoted"
    assert cookie_value(b"a=1; b", "makna_token_x") is None
    assert cookie_value(b"", "makna_token_x") is None


def test_cookie_value_reads_a_duplicated_name_as_request_cookies_does() -> None:
    """A name sent twice: the guard and ``request.cookies`` (which the routes read) agree."""
    from starlette.requests import Request

    from makna.web.security import cookie_value

    header = b"makna_token_x=first; other=1; makna_token_x=second"
    request = Request({"type": "http", "headers": [(b"cookie", header)]})
    assert cookie_value(header, "makna_token_x") == request.cookies["makna_token_x"] == "second"
    assert cookie_value(b"makna_token_x=a=b; c", "makna_token_x") == "a=b"
