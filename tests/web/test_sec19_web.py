"""sec19, the team server's forms before a session (httpx ASGI transport): a browser that sends no
``Sec-Fetch-Site`` (Safari before 16.4, older Firefox, some embedded browsers) could still be made to log in,
or to accept an invitation, as an account of another site's choosing (login CSRF). The login and invitation
pages now carry a token bound to a cookie (:mod:`makna.web.form_csrf`); JSON stays open to scripts, and every
write route of a session needs the session's token."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.routing import Route
from web_helpers import Client, team_login

from makna.server.ratelimit import LoginLimiter
from makna.web.form_csrf import FORM_COOKIE, SECURE_FORM_COOKIE
from makna.web.server_app import create_server_app
from makna.web.server_guard import PUBLIC_FORMS

SERVER_PASSWORD = "correct horse battery"  # the team fixture's (tests/conftest.py)
NEW_PASSWORD = "sebuah kata sandi baru"
# what an old browser sends for a form posted from another site through a redirect or a sandboxed frame:
# Origin null (as the server's own no-referrer pages send), and no Sec-Fetch-Site at all
OLD_BROWSER = {"origin": "null"}


@pytest.fixture
def server(team: Any, server_db: str) -> Iterator[Any]:
    app = create_server_app(server_db, limiter=LoginLimiter(failures=50, window=600))  # the browser's language
    yield app
    app.state.registry.close()


def _token(html: str) -> str:
    found = re.findall(r'name="csrf" value="([^"]*)"', html)
    assert found and len(set(found)) == 1, found
    return found[0]


def _new(name: str, csrf: str | None = None) -> dict[str, str]:
    form = {"mode": "new", "name": name, "password": NEW_PASSWORD, "password_repeat": NEW_PASSWORD}
    return form if csrf is None else {**form, "csrf": csrf}


def _logged_in(r: Any) -> bool:
    return "makna_session=" in r.headers.get("set-cookie", "")


def test_a_form_from_another_site_cannot_log_in_an_old_browser(server: Any) -> None:
    """The attacker's site posts its own account's name and password to /login from the visitor's browser;
    before, the server logged the visitor in as the attacker (303 and a session cookie)."""
    victim = Client(server)
    victim.get("/login")  # the visitor has been here before: their browser holds a token of its own
    r = victim.post("/login", data={"name": "dewi", "password": SERVER_PASSWORD, "next": "/"}, headers=OLD_BROWSER)
    assert r.status_code == 403 and not _logged_in(r)
    attacker = Client(server)  # a token the attacker got from their own visit is no good in another browser
    theirs = _token(attacker.get("/login").text)
    r = victim.post("/login", data={"name": "dewi", "password": SERVER_PASSWORD, "csrf": theirs}, headers=OLD_BROWSER)
    assert r.status_code == 403 and not _logged_in(r)
    fresh = Client(server)  # a browser that never came: no cookie at all
    r = fresh.post("/login", data={"name": "dewi", "password": SERVER_PASSWORD, "csrf": theirs}, headers=OLD_BROWSER)
    assert r.status_code == 403 and not _logged_in(r)
    for c in (victim, attacker, fresh):
        c.close()


def test_a_form_from_another_site_cannot_accept_an_invitation_in_an_old_browser(server: Any) -> None:
    token, _ = server.state.registry.invite(["Studi"], "coder", actor="dewi")
    victim = Client(server)
    victim.get(f"/invite/{token}")
    theirs = _token(Client(server).get(f"/invite/{token}").text)
    for form in (_new("fajar"), _new("fajar", theirs), _new("fajar", "")):
        r = victim.post(f"/invite/{token}", data=form, headers=OLD_BROWSER)
        assert r.status_code == 403 and not _logged_in(r)
        assert "This page had expired" in r.text
    join = {"mode": "join", "name": "eko", "password": SERVER_PASSWORD, "csrf": theirs}
    assert victim.post(f"/invite/{token}", data=join, headers=OLD_BROWSER).status_code == 403
    assert server.state.registry.invitation(token).state() == "open"
    victim.close()


def test_the_pages_own_forms_still_work(server: Any) -> None:
    c = Client(server)
    page = c.get("/login")
    mine = _token(page.text)
    cookie = page.headers["set-cookie"]
    assert cookie.startswith(f"{FORM_COOKIE}={mine};") and "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert "Secure" not in cookie  # plain HTTP here (a loopback server): a Secure cookie would never come back
    assert c.get("/login").headers.get("set-cookie") is None  # the browser's token stays: other tabs keep working
    r = c.post(
        "/login", data={"name": "dewi", "password": SERVER_PASSWORD, "next": "/", "csrf": mine}, headers=OLD_BROWSER
    )
    assert r.status_code == 303 and _logged_in(r)
    token, _ = server.state.registry.invite(["Studi"], "coder", actor="dewi")
    other = Client(server)
    r = other.post(f"/invite/{token}", data=_new("fajar", _token(other.get(f"/invite/{token}").text)))
    assert r.status_code == 303 and _logged_in(r)
    for each in (c, other):
        each.close()


def test_a_refused_form_gives_a_page_that_works_in_the_visitors_language(server: Any) -> None:
    """A browser whose cookie went (cleared, or a page left open across a browser's restart) gets one line in
    its language and a new form that works."""
    c = Client(server)
    stale = _token(c.get("/login").text)
    c.cookies.clear()
    r = c.post(
        "/login", data={"name": "dewi", "password": SERVER_PASSWORD, "csrf": stale}, headers={"accept-language": "id"}
    )
    assert r.status_code == 403 and "Halaman ini sudah kedaluwarsa: silakan masuk lagi." in r.text
    again = _token(r.text)
    assert again != stale and r.headers["set-cookie"].startswith(f"{FORM_COOKIE}={again};")
    r = c.post("/login", data={"name": "dewi", "password": SERVER_PASSWORD, "csrf": again})
    assert r.status_code == 303 and _logged_in(r)
    c.close()


def test_json_needs_no_token_and_a_text_body_is_no_json(server: Any) -> None:
    """Scripts and ``makna sync`` log in with JSON, which no other site's page can send without the server's
    consent (a CORS preflight it never grants); a cross-site form can send a JSON-looking body only as
    text/plain, which is a form without a token."""
    c = Client(server)
    assert c.post("/login", json={"name": "dewi", "password": SERVER_PASSWORD}).status_code == 200
    c.close()
    c = Client(server)
    body = '{"name": "dewi", "password": "correct horse battery", "x": "="}'
    for kind in ("text/plain", "application/x-www-form-urlencoded", "application/jsonp"):
        r = c.post("/login", content=body, headers={"content-type": kind, **OLD_BROWSER})
        assert r.status_code == 403 and not _logged_in(r), kind
    c.close()


def test_over_https_the_cookie_is_secure_and_host_only(team: Any, server_db: str) -> None:
    """Behind TLS the cookie is ``Secure`` and named ``__Host-``, which a browser accepts only from this very
    host: a sibling host of the domain (or a plain-HTTP answer) cannot plant a token of its choosing."""
    app = create_server_app(server_db, lang="en", secure_cookies=True)
    c = Client(app)
    page = c.get("/login", headers={"x-forwarded-proto": "https"})
    mine = _token(page.text)
    cookie = page.headers["set-cookie"]
    assert cookie.startswith(f"{SECURE_FORM_COOKIE}={mine};") and "; Secure" in cookie and "Domain" not in cookie
    planted = "p" * 43  # a cookie without the prefix, set by someone else: not the token
    r = c.post(
        "/login",
        data={"name": "dewi", "password": SERVER_PASSWORD, "csrf": planted},
        headers={"cookie": f"{FORM_COOKIE}={planted}"},
    )
    assert r.status_code == 403 and not _logged_in(r)
    r = c.post(
        "/login",
        data={"name": "dewi", "password": SERVER_PASSWORD, "csrf": mine},
        headers={"cookie": f"{SECURE_FORM_COOKIE}={mine}"},
    )
    assert r.status_code == 303 and _logged_in(r)
    c.close()
    app.state.registry.close()


def test_sec_fetch_site_is_still_the_first_check(server: Any) -> None:
    """A cross-site form is refused by the guard before the form is read, even with a good token."""
    c = Client(server)
    mine = _token(c.get("/login").text)
    r = c.post(
        "/login",
        data={"name": "dewi", "password": SERVER_PASSWORD, "csrf": mine},
        headers={"sec-fetch-site": "cross-site", **OLD_BROWSER},
    )
    assert r.status_code == 403 and r.json() == {"error": "cross-site request refused"}
    c.close()


_WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def _routes(routes: list[Any], prefix: str = "") -> Iterator[Route]:
    """The routes of an app, those of included routers too (FastAPI keeps a router it includes as one entry)."""
    for route in routes:
        if isinstance(route, Route):
            yield route if not prefix else Route(prefix + route.path, route.endpoint, methods=list(route.methods or []))
        elif hasattr(route, "original_router"):
            yield from _routes(route.original_router.routes, prefix + getattr(route.include_context, "prefix", ""))


BODIES: tuple[dict[str, Any], ...] = (
    {"data": {"csrf": "wrong"}},
    {"json": {}},
    {"content": "{}", "headers": {"content-type": "text/plain"}},
)


def test_every_write_route_needs_the_sessions_token(server: Any) -> None:
    """Each route that writes, by the app's own route table (a route added later is checked too): a logged-in
    browser's request without the session's token (header or field) is refused, whatever its body (the login
    and an invitation's page take JSON without one: see above)."""
    c, csrf = team_login(server, "ana", SERVER_PASSWORD)
    checked = 0
    for route in _routes(server.routes):
        if not (route.methods or set()) & _WRITES:
            continue
        path = re.sub(r"\{[^}]+\}", "x", route.path)
        for method in sorted((route.methods or set()) & _WRITES):
            for body in BODIES if not route.path.startswith(PUBLIC_FORMS) else BODIES[::2]:
                r = c.request(method, path, **body)
                assert r.status_code == 403, (method, route.path, body, r.status_code, r.text[:200])
                checked += 1
    assert checked > 100  # the workbench's API, the server's forms, the invitations, sync
    c.close()


@pytest.mark.parametrize("who", ["budi", "citra"])
def test_the_controls_a_read_only_page_hides_are_refused_by_the_server(server: Any, who: str) -> None:
    """newuser19 took a manager's controls off the Codebook, Cases, Import and Rounds pages of a coder or viewer;
    a request made by hand (the session's token in the header, a valid body) is refused all the same, and
    changes nothing."""
    c, csrf = team_login(server, who, SERVER_PASSWORD)
    h = {"x-makna-csrf": csrf}
    codes = c.get("/api/codes").json()
    code_id = (codes[0] if isinstance(codes, list) else codes["codes"][0])["id"]
    writes = [
        ("POST", "/api/codes", {"name": "Rahasia"}),
        ("PATCH", f"/api/codes/{code_id}", {"name": "Diganti"}),
        ("DELETE", f"/api/codes/{code_id}", None),
        ("POST", "/api/cases", {"name": "Kasus baru"}),
        ("POST", "/api/attributes", {"name": "kota2", "type": "text"}),
        ("POST", "/api/rounds", {"name": "putaran", "blind": True}),
    ]
    for method, path, body in writes:
        r = c.request(method, path, headers=h, **({"json": body} if body is not None else {}))
        assert r.status_code == 403, (who, method, path, r.status_code, r.text[:200])
    files = {"files": ("baru.txt", b"P: Halo.\nI: Halo juga.\n", "text/plain")}
    r = c.post("/api/import", headers=h, files=files)  # (sec21: refused whole, before the upload is read)
    assert r.status_code == 403 and "manager" in r.json()["error"], r.text
    assert c.get("/api/codes").json() == codes and c.get("/api/rounds").json() == []
    c.close()
