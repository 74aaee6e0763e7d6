"""The team server's CSRF token before a session exists: the login form and an invitation's forms.

A logged-in page carries its session's CSRF token; ``/login`` and ``/invite/TOKEN`` have no session yet, so a
site could make a visitor's browser log in, or accept an invitation, as an account of that site's choosing
(login CSRF). ``Sec-Fetch-Site`` refuses such a form where the browser sends it (every current one); for those
that do not (Safari before 16.4, older Firefox, some embedded browsers) these pages also carry a token bound
to a cookie (a double submit): the guard gives a browser a random token in a cookie (HttpOnly,
``SameSite=Strict``; over HTTPS ``Secure`` and named ``__Host-...``, so that no other host of the domain can
set it) and the page puts the same token in its forms; a form posted without the cookie's token is refused.
Another site can neither read the cookie nor set it, so it cannot write the field.

A JSON request (``Content-Type: application/json``, which only a script of the server's own pages, or a client
outside a browser, can send: a browser asks another site's server first, and this server never agrees) needs
no token: ``makna pull``/``makna push`` and scripts log in with JSON.
"""

from __future__ import annotations

import re
import secrets

from starlette.types import Message, Send

from .security import cookie_value, secrets_match

__all__ = [
    "FORM_COOKIE",
    "SECURE_FORM_COOKIE",
    "form_cookie_name",
    "form_token_in",
    "new_form_token",
    "form_cookie_header",
    "with_form_cookie",
    "form_token_matches",
    "is_json_request",
]

#: The cookie over plain HTTP (a loopback server, a test) and over HTTPS.
FORM_COOKIE = "makna_form"
SECURE_FORM_COOKIE = "__Host-makna_form"
_TOKEN = re.compile(r"[A-Za-z0-9_-]{43}")  # secrets.token_urlsafe(32)


def form_cookie_name(secure: bool) -> str:
    """The cookie's name: with the ``__Host-`` prefix where the server's cookies are ``Secure``."""
    return SECURE_FORM_COOKIE if secure else FORM_COOKIE


def new_form_token() -> str:
    """A fresh token (256 bits, URL-safe)."""
    return secrets.token_urlsafe(32)


def form_token_in(headers: dict[bytes, bytes], secure: bool) -> str | None:
    """The token in a request's cookie (None when absent or not one of ours)."""
    raw = headers.get(b"cookie")
    value = None if raw is None else cookie_value(raw, form_cookie_name(secure))
    return value if value is not None and _TOKEN.fullmatch(value) else None


def form_cookie_header(token: str, secure: bool) -> tuple[bytes, bytes]:
    """The ``Set-Cookie`` header that gives a browser ``token`` (for the browser's session: no expiry)."""
    value = f"{form_cookie_name(secure)}={token}; HttpOnly; SameSite=Strict; Path=/"
    return b"set-cookie", (value + "; Secure" if secure else value).encode()


def with_form_cookie(send: Send, token: str, secure: bool) -> Send:
    """``send`` that gives the response the cookie of ``token``."""

    async def send_with_cookie(message: Message) -> None:
        if message["type"] == "http.response.start":
            message["headers"] = [*message.get("headers", []), form_cookie_header(token, secure)]
        await send(message)

    return send_with_cookie


def form_token_matches(sent: object, expected: str) -> bool:
    """Whether a form's ``sent`` token is ``expected`` (compared in constant time; an empty one never is)."""
    return secrets_match(sent, expected)


def is_json_request(content_type: str) -> bool:
    """Whether a request's body is JSON by its ``Content-Type`` (a type no cross-site form or simple request
    can send)."""
    return content_type.split(";", 1)[0].strip().lower() == "application/json"
