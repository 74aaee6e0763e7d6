"""Access control for the local workbench: a per-run token, CSRF protection, loopback only.

As in Jupyter, ``makna serve`` makes a random token and prints a URL that carries it. The first
request with ``?token=...`` stores it in an HttpOnly, SameSite=Strict cookie and redirects to the
same URL without it; every later request must carry the cookie (browsers) or an
``Authorization: token ...`` header (scripts). Writes authenticated by the cookie alone must also
carry the CSRF token (``X-Makna-CSRF`` header, read from the page's ``<meta name="makna-csrf">``)
and, when the browser sends one, a same-origin ``Origin``. The ``Host`` header must name a loopback
host (a guard against DNS rebinding). Every response gets a strict Content-Security-Policy.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import secrets
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import parse_qsl, urlencode

from starlette.requests import cookie_parser
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import InputError
from ..secret_match import secrets_match

__all__ = [
    "CSP",
    "CSRF_HEADER",
    "SECURITY_HEADERS",
    "with_security_headers",
    "LOOPBACK_HOSTS",
    "TokenGuard",
    "check_bind_host",
    "cookie_name",
    "cookie_value",
    "csrf_token",
    "new_token",
    "secrets_match",
]

CSRF_HEADER = "x-makna-csrf"
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self'; "
       "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_HEADERS: list[tuple[bytes, bytes]] = [  # also SECURITY_HEADERS, for the team server's guard
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


def new_token() -> str:
    """A fresh random access token (256 bits, URL-safe)."""
    return secrets.token_urlsafe(32)


def cookie_name(token: str) -> str:
    """The cookie that holds ``token``: named after a hash of it, so that two workbenches on
    different ports of one machine do not overwrite each other's cookie."""
    return "makna_token_" + hashlib.sha256(token.encode()).hexdigest()[:10]


def csrf_token(token: str) -> str:
    """The CSRF token that pages embed and writes echo back (derived from the access token)."""
    return hmac.new(token.encode(), b"makna-csrf", hashlib.sha256).hexdigest()[:40]


def check_bind_host(host: str) -> str:
    """``host`` when it is a loopback address or ``localhost``; otherwise an :class:`InputError`
    (the workbench has no accounts, so it never listens on a network address)."""
    h = host.strip().strip("[]")
    if h == "localhost":
        return host
    try:
        loopback = ipaddress.ip_address(h).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise InputError(
            f"--host {host!r}: refused; the workbench has no user accounts, so it only listens on a loopback "
            "address (127.0.0.1, ::1 or localhost). Use an SSH tunnel to reach it from another machine."
        )
    return host


def cookie_value(header: bytes, name: str) -> str | None:
    """The value of cookie ``name`` in a ``Cookie`` header (None when absent), parsed as
    Starlette's ``request.cookies`` parses it (:func:`starlette.requests.cookie_parser`): a quoted
    value is unquoted, and when a name comes twice the last one counts, as everywhere else in
    the web interface."""
    return cookie_parser(header.decode("latin-1")).get(name)


def _hostname(host_header: str) -> str:
    if host_header.startswith("["):
        return host_header[: host_header.find("]") + 1] if "]" in host_header else host_header
    return host_header.rsplit(":", 1)[0] if host_header.count(":") == 1 else host_header


class TokenGuard:
    """Pure ASGI middleware that enforces the token, the CSRF rule, the Host rule and the headers."""

    def __init__(self, app: ASGIApp, token: str, *, allowed_hosts: Iterable[str] = LOOPBACK_HOSTS) -> None:
        self.app = app
        self.token = token
        self.csrf = csrf_token(token)
        self.cookie = cookie_name(token)
        self.allowed_hosts = frozenset(allowed_hosts)

    # ------------------------------------------------------------------ helpers
    def _valid(self, candidate: str | None) -> bool:
        return secrets_match(candidate, self.token)

    async def _reply(self, send: Send, status: int, body: dict[str, Any],
                     extra: Sequence[tuple[bytes, bytes]] = ()) -> None:
        data = json.dumps(body).encode()
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode()),
                   (b"cache-control", b"no-store"), *_HEADERS, *extra]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": data})

    async def _page(self, send: Send, status: int, text: str) -> None:
        data = ("<!doctype html><meta charset=utf-8><title>makna</title>"
                f"<p>{text}</p>").encode()
        headers = [(b"content-type", b"text/html; charset=utf-8"), (b"content-length", str(len(data)).encode()),
                   (b"cache-control", b"no-store"), *_HEADERS]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": data})

    # ------------------------------------------------------------------ the gate
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self.app(scope, receive, send)
            return
        if scope["type"] != "http":  # no websockets
            if scope["type"] == "websocket":
                await send({"type": "websocket.close", "code": 1008})
            return
        headers: dict[bytes, bytes] = {}
        for k, v in scope["headers"]:
            headers.setdefault(k, v)
        host = headers.get(b"host", b"").decode("latin-1")
        if _hostname(host).lower() not in self.allowed_hosts:
            await self._reply(send, 400, {"error": f"host {host!r} is not allowed (use 127.0.0.1)"})
            return
        path: str = scope["path"]
        method: str = scope["method"]
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        q_token = next((v for k, v in query if k == "token"), None)
        h_token = None
        auth = headers.get(b"authorization", b"").decode("latin-1")
        if auth[:6].lower() == "token " or auth[:7].lower() == "bearer ":
            h_token = auth.split(" ", 1)[1].strip()
        c_token = None
        if b"cookie" in headers:
            c_token = cookie_value(headers[b"cookie"], self.cookie)
        given = [t for t in (h_token, q_token, c_token) if t is not None]
        if self._valid(h_token) or self._valid(q_token):
            via = "explicit"
        elif self._valid(c_token):
            via = "cookie"
        elif given:
            await self._deny(send, path, 403, "invalid access token")
            return
        else:
            await self._deny(send, path, 401, "access token required")
            return
        if method not in _SAFE_METHODS and via == "cookie":
            sent = headers.get(CSRF_HEADER.encode(), b"").decode("latin-1")
            origin = headers.get(b"origin", b"").decode("latin-1")
            same_origin = origin in ("", f"{scope.get('scheme', 'http')}://{host}")
            if not (secrets_match(sent, self.csrf) and same_origin):
                await self._reply(send, 403, {"error": "CSRF check failed: reload the page and try again"})
                return
        if q_token is not None and method == "GET" and not path.startswith("/api/"):
            rest = urlencode([(k, v) for k, v in query if k != "token"])
            location = path + (f"?{rest}" if rest else "")
            cookie = f"{self.cookie}={self.token}; HttpOnly; SameSite=Strict; Path=/"
            await self._reply(send, 303, {"redirect": location},
                              [(b"location", location.encode()), (b"set-cookie", cookie.encode())])
            return
        scope.setdefault("state", {})["csrf"] = self.csrf
        await self.app(scope, receive, with_security_headers(send, path))

    async def _deny(self, send: Send, path: str, status: int, reason: str) -> None:
        if path.startswith("/api/") or path.endswith(".json"):
            extra = [(b"www-authenticate", b'Token realm="makna"')] if status == 401 else []
            await self._reply(send, status, {"error": f"{reason}: open the URL that 'makna serve' printed"}, extra)
        else:
            await self._page(send, status, f"makna: {reason}. Open the address that <code>makna serve</code> "
                             "printed in the terminal (it carries the access token).")


#: The headers every response gets (the team server's guard adds them too).
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = tuple(_HEADERS)


def with_security_headers(send: Send, path: str) -> Send:
    """``send`` that adds :data:`SECURITY_HEADERS` to the response, and a ``Cache-Control`` where
    the app set none (static files: cached privately for ten minutes; everything else: no-store)."""
    static = path.startswith("/static/")

    async def send_with_headers(message: Message) -> None:
        if message["type"] == "http.response.start":
            extra = list(_HEADERS)
            names = {k.lower() for k, _ in message.get("headers", [])}
            if b"cache-control" not in names:
                extra.append((b"cache-control", b"private, max-age=600" if static else b"no-store"))
            message["headers"] = [*message.get("headers", []), *extra]
        await send(message)

    return send_with_headers
