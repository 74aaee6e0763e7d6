"""Access control of the team server (``makna server run``): login sessions instead of a token.

A request carries the ``makna_session`` cookie (HttpOnly, SameSite=Strict, Secure behind TLS, expiring with
the session); the registry says whose session it is, which project it has chosen and the user's role there.
Without a live session, pages redirect to ``/login`` and the API answers 401. The login and invitation pages
(no session yet) get a token bound to a cookie of their own (:mod:`makna.web.form_csrf`) that their forms must
send back. Writes must carry the session's CSRF token (``X-Makna-CSRF``, from the page's ``<meta
name="makna-csrf">``; the plain forms, log out, choose a project and the Members page's, send it as a field
that their routes check) and, when the browser sends one, a same-origin ``Origin``; a write a browser marks
``Sec-Fetch-Site: cross-site`` (or ``same-site``) is refused, public pages' included. The request then runs as
the user: ``scope["state"]`` holds ``user``, ``role``, ``project`` (the project opened with the user as its
actor), ``project_name`` and ``csrf``. An API client may name the project per request with an
``X-Makna-Project`` header (id or name) instead of choosing one.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any
from urllib.parse import quote

from anyio import to_thread
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..access import Access, Permission, Role, allows
from ..errors import MaknaError, PermissionDeniedError
from ..server.registry import Registry, ServerProject, Session
from .errors_i18n import translate_error
from .form_csrf import form_token_in, new_form_token, with_form_cookie
from .i18n import LANG_COOKIE, choose_language
from .security import CSRF_HEADER, SECURITY_HEADERS, cookie_value, secrets_match, with_security_headers
from .write_rights import body_cap, needed

__all__ = ["SESSION_COOKIE", "PROJECT_HEADER", "SessionGuard", "FORM_PATHS", "PUBLIC_FORMS", "PUBLIC_PATHS",
           "PUBLIC_PREFIXES"]

SESSION_COOKIE = "makna_session"
PROJECT_HEADER = "x-makna-project"
#: Reachable without a session.
PUBLIC_PATHS = frozenset({"/login", "/favicon.ico"})
#: Reachable without a session too: the static files and an invitation's page (its token is its key).
PUBLIC_PREFIXES = ("/static/", "/invite/")
#: Public pages with forms that write (logging in, accepting an invitation): their token is bound to a cookie
#: (:mod:`makna.web.form_csrf`), which their routes check.
PUBLIC_FORMS = ("/login", "/invite/")
#: Plain HTML forms: their routes check the CSRF field themselves.
FORM_PATHS = ("/logout", "/projects/", "/members/")
#: Paths of the server itself, not of a project.
SERVER_PATHS = ("/login", "/logout", "/projects", "/api/server/")
_SAFE = frozenset({"GET", "HEAD", "OPTIONS"})
_OTHER_SITE = frozenset({b"cross-site", b"same-site"})


def session_token(headers: dict[bytes, bytes]) -> str | None:
    """The session cookie's value in a request's headers."""
    raw = headers.get(b"cookie")
    return None if raw is None else cookie_value(raw, SESSION_COOKIE)


class _BodyTooLarge(Exception):
    """A write's body went over its cap while it was read."""


class SessionGuard:
    """Pure ASGI middleware: sessions, CSRF, the acting user and project, the security headers."""

    def __init__(self, app: ASGIApp, registry: Registry, *, secure_cookies: bool = False,
                 lang: str | None = None) -> None:
        self.app = app
        self.registry = registry
        self.secure = secure_cookies
        self.lang = lang

    async def _reply(self, send: Send, status: int, body: dict[str, Any],
                     extra: tuple[tuple[bytes, bytes], ...] = ()) -> None:
        data = json.dumps(body).encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode()),
                                (b"cache-control", b"no-store"), *SECURITY_HEADERS, *extra]})
        await send({"type": "http.response.body", "body": data})

    async def _redirect(self, send: Send, location: str) -> None:
        await self._reply(send, 303, {"redirect": location}, ((b"location", location.encode()),))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self.app(scope, receive, send)
            return
        if scope["type"] != "http":
            if scope["type"] == "websocket":
                await send({"type": "websocket.close", "code": 1008})
            return
        headers: dict[bytes, bytes] = {}
        for k, v in scope["headers"]:
            headers.setdefault(k, v)
        path: str = scope["path"]
        method: str = scope["method"]
        api = path.startswith("/api/")
        state = scope.setdefault("state", {})
        origin = headers.get(b"origin", b"").decode("latin-1")
        host = headers.get(b"host", b"").decode("latin-1")
        # (a form posted from a page served with Referrer-Policy: no-referrer says "Origin: null"; such
        # writes still need the session's CSRF token, in the form or the header)
        if method not in _SAFE and origin not in ("", "null") and origin != f"{scope.get('scheme', 'http')}://{host}":
            forwarded = headers.get(b"x-forwarded-proto", b"").decode("latin-1")
            if origin != f"{forwarded}://{host}":
                await self._reply(send, 403, {"error": "cross-origin request refused"})
                return
        # a browser names where a request comes from in Sec-Fetch-Site, after redirects too, where Origin may
        # say "null": a write from another site is refused before anything, the login and the invitation
        # page included (which have no session's CSRF token to check: login CSRF)
        if method not in _SAFE and headers.get(b"sec-fetch-site", b"") in _OTHER_SITE:
            await self._reply(send, 403, {"error": "cross-site request refused"})
            return
        if path in PUBLIC_PATHS or path.startswith(PUBLIC_PREFIXES):
            state["csrf"] = ""
            if path.startswith(PUBLIC_FORMS):
                # no session yet: the forms' token is the browser's cookie's (given here when it has none)
                form_token = form_token_in(headers, self.secure)
                if form_token is None:
                    form_token = new_form_token()
                    send = with_form_cookie(send, form_token, self.secure)
                state["csrf"] = form_token
            if method not in _SAFE:
                await self._capped(scope, receive, send, headers, body_cap(path, public=True))
                return
            await self.app(scope, receive, with_security_headers(send, path))
            return
        token = session_token(headers)
        # a busy session's requests find it (and their project, below) remembered: no thread hop
        session = (self.registry.cached_session(token) or await to_thread.run_sync(self.registry.session, token)
                   if token else None)
        if session is None:
            if api:
                await self._reply(send, 401, {"error": "log in first (POST /login)"},
                                  ((b"www-authenticate", b'Cookie realm="makna"'),))
            else:
                await self._redirect(send, "/login?next=" + quote(path, safe="/"))
            return
        if method not in _SAFE and not path.startswith(FORM_PATHS):
            sent = headers.get(CSRF_HEADER.encode(), b"").decode("latin-1")
            if not secrets_match(sent, session.csrf):
                await self._reply(send, 403, {"error": "CSRF check failed: reload the page and try again"})
                return
        state.update(csrf=session.csrf, user=session.user.name, session=session, session_token=token)
        if not (path == "/projects" or path.startswith(SERVER_PATHS)):
            chosen = await self._project(session, headers)
            if chosen is None:
                named = headers.get(PROJECT_HEADER.encode())
                if api and named is not None:  # it was sent: say it names none of this user's projects
                    mine = await to_thread.run_sync(self.registry.projects, session.user.name)
                    await self._reply(send, 404, {"error": f"{session.user.name!r} is a member of no project "
                                                           f"{named.decode('utf-8', 'replace')!r} on this server "
                                                           f"(theirs: {', '.join(p.name for p in mine) or 'none'})"})
                elif api:
                    await self._reply(send, 409, {"error": "choose a project first (POST /api/server/projects/ID/"
                                                           "open, or send an X-Makna-Project header)"})
                else:
                    await self._redirect(send, "/projects")
                return
            try:
                opened = self.registry.opened(chosen)
                if opened is None:
                    opened = await to_thread.run_sync(self.registry.open_project, chosen)
            except MaknaError as exc:
                await self._reply(send, 503, {"error": str(exc)})
                return
            state.update(project=dataclasses.replace(opened, coder_name=session.user.name), role=chosen.role,
                         project_name=chosen.name, server_project=chosen)
            # authorised before the body is read: a role without the route's permission costs nothing more
            need = needed(method, path) if method not in _SAFE else None
            if need is not None and not allows(chosen.role, need):
                await self._refuse(send, headers, session.user.name, chosen.role, need)
                return
        if method not in _SAFE:
            await self._capped(scope, receive, send, headers, body_cap(path))
            return
        await self.app(scope, receive, with_security_headers(send, path))

    async def _refuse(self, send: Send, headers: dict[bytes, bytes], user: str, role: Role | None,
                      need: Permission) -> None:
        try:
            Access(lambda _name: role).require(user, need)  # the core's own words for the refusal
        except PermissionDeniedError as exc:
            await self._reply(send, 403, {"error": translate_error(str(exc), self._lang(headers))})

    def _lang(self, headers: dict[bytes, bytes]) -> str:
        raw = headers.get(b"cookie")
        return choose_language(setting=self.lang, cookie=None if raw is None else cookie_value(raw, LANG_COOKIE),
                               accept_language=headers.get(b"accept-language", b"").decode("latin-1"))

    async def _capped(self, scope: Scope, receive: Receive, send: Send, headers: dict[bytes, bytes],
                      cap: int | None) -> None:
        """Run a write with its body held to ``cap`` bytes (None: the route's own limit): a declared length over
        it is refused before anything is read, a longer body as it arrives (413, the rest unread)."""
        path: str = scope["path"]
        if cap is None:
            await self.app(scope, receive, with_security_headers(send, path))
            return
        declared = headers.get(b"content-length", b"")
        message = {"error": translate_error(f"the request's body is over the {cap:,}-byte limit of {path}",
                                            self._lang(headers))}
        if declared.isdigit() and int(declared) > cap:
            await self._reply(send, 413, message)
            return
        seen = 0
        refused = False
        started = False

        async def counted() -> Message:
            nonlocal seen, refused
            got = await receive()
            if got["type"] == "http.request":
                seen += len(got.get("body", b""))
                if seen > cap:
                    if not started:
                        refused = True
                        await self._reply(send, 413, message)
                    raise _BodyTooLarge
            return got

        secured = with_security_headers(send, path)

        async def answer(reply: Message) -> None:
            nonlocal started
            if refused:  # the 413 has gone: whatever the route makes of the cut body is dropped
                return
            started = True
            await secured(reply)

        try:
            await self.app(scope, counted, answer)
        except _BodyTooLarge:
            if not refused:
                raise

    async def _project(self, session: Session, headers: dict[bytes, bytes]) -> ServerProject | None:
        named = headers.get(PROJECT_HEADER.encode())
        if named is None:
            return session.project
        try:
            found = await to_thread.run_sync(self.registry.project, named.decode("utf-8", "replace"),
                                             session.user.name)
        except MaknaError:
            return None
        return found if allows(found.role, "read") else None
