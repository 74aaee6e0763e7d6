"""The ASGI application of the coding workbench: ``create_app(project_location)``.

Pages are rendered on the server with Jinja2 (autoescape on); a JSON API under ``/api`` (described
at ``/openapi.json``) does every read and write through the makna core library. Every request
passes :class:`~makna.web.security.TokenGuard`.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import MaknaError
from ..project import open_project
from ..store._cipher import Passphrase
from ..store.maintenance import flush_wal
from . import (
    routes_agreement,
    routes_analysis,
    routes_cases,
    routes_codebook,
    routes_coding,
    routes_deid,
    routes_deid_audit,
    routes_deid_copies,
    routes_deid_same,
    routes_export,
    routes_files,
    routes_history,
    routes_home,
    routes_live,
    routes_media,
    routes_memos,
    routes_retrieval,
    routes_rounds,
    routes_search,
    routes_sources,
    routes_suggest,
    routes_upload,
    routes_workbench,
)
from .deps import error_page, error_status, lang_of
from .errors_i18n import translate_error
from .i18n import LANGUAGES
from .read_refusals import ReadRefusedError, refused_reply
from .security import LOOPBACK_HOSTS, TokenGuard, new_token

__all__ = ["create_app", "install_workbench"]

HERE = Path(__file__).parent


def create_app(project_location: str | os.PathLike[str], *, token: str | None = None, lang: str | None = None,
               coder: str | None = None, allowed_hosts: frozenset[str] = LOOPBACK_HOSTS,
               passphrase: Passphrase = None) -> FastAPI:
    """The workbench for the project at ``project_location`` (path or PostgreSQL URL).

    ``token`` is the access token (a random one when None: read it from ``app.state.token``);
    ``lang`` fixes the interface language (``en`` or ``id``; default: from the browser);
    ``coder`` is the name codings are made under (default: ``$MAKNA_CODER`` or the login name);
    ``passphrase`` opens an encrypted project file (as for :func:`makna.open_project`).
    """
    if lang is not None and lang not in LANGUAGES:
        raise MaknaError(f"language {lang!r}: use one of {', '.join(LANGUAGES)}")
    project = open_project(project_location, coder=coder, passphrase=passphrase)
    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        close_app(app)

    app = FastAPI(title="makna workbench", version="1", docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="The JSON API behind the makna coding workbench. Every request needs the access "
                              "token (``Authorization: token ...``); see makna.web.security.")
    app.state.project = project
    app.state.token = token or new_token()
    app.state.lang = lang
    app.state.project_name = project.info().name
    install_workbench(app)

    @app.middleware("http")
    async def flush_after_write(request: Request, call_next: Any) -> Any:
        # the file a student copies for a second coder or a backup is the .makna alone: after each change
        # its WAL goes into it (the -wal beside it held every coding of a session until the server stopped)
        # (after the reply is sent: a coding's answer does not wait for it)
        response = await call_next(request)
        if request.method not in ("GET", "HEAD", "OPTIONS") and response.status_code < 400:
            if response.background is None:
                response.background = BackgroundTask(flush_wal, project.store.engine)
            else:
                await run_in_threadpool(flush_wal, project.store.engine)
        return response

    app.add_middleware(TokenGuard, token=app.state.token, allowed_hosts=allowed_hosts)
    return app


def install_workbench(app: FastAPI) -> None:
    """Give ``app`` the workbench's templates, static files, routes and error pages (the project
    each request works on comes from :func:`makna.web.deps.project_of`)."""
    app.state.jinja = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
    )
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    # the coding call first: the workbench makes it for every highlight, and a request is matched
    # against the routers in this order (no other router has a path under /api/segments)
    for module in (routes_coding, routes_home, routes_sources, routes_files, routes_codebook, routes_retrieval,
                   routes_cases, routes_search, routes_analysis, routes_deid, routes_deid_same, routes_deid_copies,
                   routes_deid_audit, routes_agreement,
                   routes_export, routes_history, routes_media, routes_memos, routes_upload, routes_live,
                   routes_rounds, routes_suggest, routes_workbench):
        app.include_router(module.router)

    @app.exception_handler(MaknaError)
    async def makna_error(request: Request, exc: MaknaError) -> Any:
        if isinstance(exc, ReadRefusedError):  # a page to read, refused as what it is (trial17 #10)
            return refused_reply(request, exc)
        status = error_status(exc)
        message = translate_error(str(exc), lang_of(request))
        if request.url.path.startswith("/api/"):
            detail = getattr(exc, "detail", None)  # a stale edit: the current values and who changed them
            return JSONResponse({"error": message, **(detail if isinstance(detail, dict) else {})},
                                status_code=status)
        return error_page(request, message, status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Any:
        if request.url.path.startswith("/api/") or exc.status_code not in (404, 405):
            return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code, headers=exc.headers)
        return error_page(request, f"{exc.status_code}: {request.url.path}", exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}"
                             for e in exc.errors())
        return JSONResponse({"error": f"invalid request ({problems})"}, status_code=422)

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> HTMLResponse:
        return HTMLResponse("", status_code=204)


def close_app(app: FastAPI) -> None:
    """Close the project the app holds (the lifespan does this when a server stops)."""
    app.state.project.close()
