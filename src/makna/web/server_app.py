"""The team server's ASGI application: ``create_server_app(db_url)``.

The same workbench as ``makna serve`` (every page and API route), for many users and projects:
:class:`~makna.web.server_guard.SessionGuard` admits logged-in users only and runs each request
as its user in the project they chose; the core refuses what their role does not allow
(:mod:`makna.access`). This module adds logging in and out and choosing a project.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from ..errors import InputError, MaknaError
from ..server.ratelimit import LoginLimiter
from ..server.registry import SESSION_HOURS, Registry, ServerProject, User
from .app import install_workbench
from .deps import bare_page, client_host, lang_of, plain
from .form_csrf import form_token_matches, is_json_request
from .i18n import LANGUAGES, translations
from .server_guard import SESSION_COOKIE, SessionGuard

__all__ = ["create_server_app", "check_form_csrf", "public_form_ok", "start_session"]


def create_server_app(db_url: str, *, session_hours: float = SESSION_HOURS, secure_cookies: bool = False,
                      lang: str | None = None, limiter: LoginLimiter | None = None,
                      key_dir: str | os.PathLike[str] | None = None) -> FastAPI:
    """The team server on the registry at ``db_url`` (see ``makna server init``).

    ``session_hours``: how long a login lasts; ``secure_cookies``: mark the session cookie Secure
    (serve over HTTPS, through a reverse proxy); ``limiter``: the login rate limit (default: five
    failed logins per account or address in 15 minutes; the invitation page has a limiter of its own
    alike, and its passwords count against this one too); ``key_dir``: the folder where a web apply
    keeps each project's de-identification key (:mod:`makna.server.keys`; without it the web apply is
    refused)."""
    if lang is not None and lang not in LANGUAGES:
        raise MaknaError(f"language {lang!r}: use one of {', '.join(LANGUAGES)}")
    from ..server.keys import check_key_dir

    keys = check_key_dir(key_dir) if key_dir is not None else None
    registry = Registry.open(db_url)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        registry.close()

    app = FastAPI(title="makna team server", version="1", docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="The makna workbench's JSON API for logged-in users: log in with POST /login "
                              "(JSON {name, password}), then send the session cookie and X-Makna-CSRF.")
    app.state.registry = registry
    app.state.lang = lang
    app.state.session_hours = session_hours
    app.state.secure_cookies = secure_cookies
    app.state.limiter = limiter or LoginLimiter()
    app.state.key_dir = keys
    install_workbench(app)
    _server_routes(app)
    from .routes_invite import install_invitations

    install_invitations(app)
    from . import routes_sync  # offline coders: the endpoints of pull and push (#14)

    app.include_router(routes_sync.router)
    app.add_middleware(SessionGuard, registry=registry, secure_cookies=secure_cookies, lang=lang)
    return app


async def start_session(request: Request, user: User, target: str | None,
                        extra: dict[str, Any] | None = None) -> Response:
    """Log ``user`` in: a new session, its cookie (HttpOnly, SameSite=Strict, Secure where set) and a
    redirect to ``target``, or (``target`` None) JSON with the user, the CSRF token, the expiry and ``extra``."""
    from anyio import to_thread

    registry: Registry = request.app.state.registry
    hours: float = request.app.state.session_hours
    token, session = await to_thread.run_sync(lambda: registry.new_session(user, hours=hours))
    response: Response
    if target is None:
        response = JSONResponse({"user": user.name, "csrf": session.csrf, "expires_at": plain(session.expires_at),
                                 **(extra or {})})
    else:
        response = RedirectResponse(target, status_code=303)
    response.set_cookie(SESSION_COOKIE, token, max_age=int(hours * 3600), httponly=True, samesite="strict",
                        secure=request.app.state.secure_cookies, path="/")
    return response


def _safe_next(target: str | None) -> str:
    """A local path to go to after logging in (never another site)."""
    if not target or not target.startswith("/") or target.startswith("//") or urlsplit(target).netloc:
        return "/projects"
    return target


def check_form_csrf(request: Request, sent: Any) -> None:
    """Refuse (403) a form whose ``csrf`` field is not the request's token (the session's, or on the login and
    invitation pages the one bound to the browser's cookie)."""
    if not form_token_matches(sent, request.scope.get("state", {}).get("csrf", "")):
        raise _Forbidden("CSRF check failed")


def public_form_ok(request: Request, data: dict[str, Any], is_json: bool) -> bool:
    """Whether a write to the login or an invitation's page may go on: JSON (only a script of this server's
    pages, or a client outside a browser, can send it), or a form whose ``csrf`` field is the token bound to
    the browser's cookie (:mod:`makna.web.form_csrf`)."""
    return is_json or form_token_matches(data.get("csrf"), request.scope.get("state", {}).get("csrf", ""))


class _Forbidden(MaknaError):
    """A form without the session's CSRF token."""


def _server_routes(app: FastAPI) -> None:
    registry: Registry = app.state.registry

    @app.exception_handler(_Forbidden)
    async def forbidden(request: Request, exc: _Forbidden) -> JSONResponse:
        return JSONResponse({"error": "CSRF check failed: reload the page and try again"}, status_code=403)

    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_page(request: Request, next: str | None = None) -> HTMLResponse:  # noqa: A002 - the query name
        return bare_page(request, "login.html", {"next": _safe_next(next), "message": "", "name": ""})

    @app.post("/login")
    async def login(request: Request) -> Response:
        """Log in: a form (name, password, next) or JSON ``{"name": ..., "password": ...}``."""
        is_json = is_json_request(request.headers.get("content-type", ""))
        data: Any = await request.json() if is_json else dict(await request.form())
        if not isinstance(data, dict):
            raise InputError("send {\"name\": ..., \"password\": ...}")
        name, password = str(data.get("name") or "").strip(), str(data.get("password") or "")
        target = _safe_next(str(data.get("next") or ""))
        tr = translations(lang_of(request))
        if not public_form_ok(request, data, is_json):  # a form from elsewhere (login CSRF), or a stale page
            message = tr.gettext("This page had expired: please log in again.")
            return bare_page(request, "login.html", {"next": target, "message": message, "name": name}, 403)
        limiter: LoginLimiter = request.app.state.limiter
        wait = limiter.retry_after(name, client_host(request))
        if wait:
            message = tr.gettext("Too many failed logins: try again in %(minutes)d minutes.") % {
                "minutes": (wait + 59) // 60}
            if is_json:
                return JSONResponse({"error": message}, status_code=429, headers={"retry-after": str(wait)})
            return bare_page(request, "login.html", {"next": target, "message": message, "name": name}, 429)
        from anyio import to_thread

        user = await to_thread.run_sync(registry.authenticate, name, password) if name and password else None
        if user is None:
            limiter.failed(name, client_host(request))
            message = tr.gettext("Wrong user name or password.")
            if is_json:
                return JSONResponse({"error": message}, status_code=401)
            return bare_page(request, "login.html", {"next": target, "message": message, "name": name}, 401)
        limiter.succeeded(name)
        return await start_session(request, user, None if is_json else target)

    @app.post("/logout")
    async def logout(request: Request) -> Response:
        """End the session (a form with the CSRF field, or the ``X-Makna-CSRF`` header)."""
        sent: Any = request.headers.get("x-makna-csrf")
        if sent is None:
            sent = (await request.form()).get("csrf")
        check_form_csrf(request, sent)
        registry.end_session(request.scope["state"]["session_token"])
        response: Response = (JSONResponse({"ok": True}) if request.headers.get("x-makna-csrf")
                              else RedirectResponse("/login", status_code=303))
        response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict",
                               secure=request.app.state.secure_cookies)
        return response

    @app.get("/projects", response_class=HTMLResponse, include_in_schema=False)
    def projects_page(request: Request) -> HTMLResponse:
        user = request.scope["state"]["user"]
        return bare_page(request, "projects.html", {"user": user, "projects": registry.projects(user)})

    @app.post("/projects/{key}/open", include_in_schema=False)
    async def open_form(request: Request, key: str) -> Response:
        check_form_csrf(request, (await request.form()).get("csrf"))
        from anyio import to_thread

        await to_thread.run_sync(registry.choose_project, request.scope["state"]["session_token"], key)
        return RedirectResponse("/", status_code=303)

    @app.get("/api/server/me")
    def me(request: Request) -> JSONResponse:
        """The logged-in user, the project chosen and their role there."""
        session = request.scope["state"]["session"]
        chosen: ServerProject | None = session.project
        return JSONResponse({"user": session.user.name, "admin": session.user.admin,
                             "project": chosen.name if chosen else None, "project_id": chosen.id if chosen else None,
                             "role": chosen.role if chosen else None})

    @app.get("/api/server/projects")
    def my_projects(request: Request) -> JSONResponse:
        """The user's projects with their role in each."""
        return JSONResponse([{"id": p.id, "name": p.name, "role": p.role}
                             for p in registry.projects(request.scope["state"]["user"])])

    @app.post("/api/server/projects/{key}/open")
    def open_project(request: Request, key: str) -> JSONResponse:
        """Work in this project from now on (the user must be a member)."""
        sp = registry.choose_project(request.scope["state"]["session_token"], key)
        return JSONResponse({"id": sp.id, "name": sp.name, "role": sp.role})
