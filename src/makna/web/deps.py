"""What every route needs: the open project, the language, template rendering, JSON replies."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse

from ..errors import (
    ConflictError,
    DuplicateCodingError,
    MaknaError,
    NotFoundError,
    PermissionDeniedError,
    ProjectBusyError,
)
from ..history import NothingToUndoError
from ..model import Code
from ..project import Project
from .i18n import LANG_COOKIE, choose_language, translations

__all__ = ["project_of", "lang_of", "page", "js_text", "reply", "paged", "plain", "error_status", "code_classes",
           "NEXT_CURSOR"]

#: The reply header of a listing page that holds the cursor of the next page (absent on the last page).
NEXT_CURSOR = "X-Next-Cursor"


def project_of(request: Request) -> Project:
    """The project the app serves."""
    proj: Project = request.app.state.project
    return proj


def lang_of(request: Request) -> str:
    return choose_language(setting=request.app.state.lang, cookie=request.cookies.get(LANG_COOKIE),
                           accept_language=request.headers.get("accept-language"))


def plain(value: Any) -> Any:
    """JSON-ready form of dataclasses, datetimes, tuples and dicts of them."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


def reply(data: Any, status: int = 200) -> JSONResponse:
    return JSONResponse(plain(data), status_code=status)


def paged(rows: list[Any], limit: int, cursor: Callable[[Any], str]) -> JSONResponse:
    """A page of a listing: ``rows`` (asked with ``limit + 1``) less the extra one, and, when it came,
    the next page's cursor (of the page's last row) in the :data:`NEXT_CURSOR` header."""
    response = reply(rows[:limit])
    if len(rows) > limit:
        response.headers[NEXT_CURSOR] = cursor(rows[limit - 1])
    return response


def error_status(exc: MaknaError) -> int:
    if isinstance(exc, NotFoundError):
        return 404
    if isinstance(exc, PermissionDeniedError):
        return 403
    if isinstance(exc, ProjectBusyError):
        return 503
    if isinstance(exc, ConflictError | DuplicateCodingError | NothingToUndoError):
        return 409
    return 400


def code_classes(codes: list[Code]) -> dict[str, int]:
    """Code id -> the index of its colour class ``k<i>`` in ``/codes.css`` (codebook order)."""
    return {c.id: i for i, c in enumerate(codes)}


def js_text(request: Request, messages: tuple[str, ...]) -> dict[str, str]:
    """Translations of the messages the page's script shows."""
    tr = translations(lang_of(request))
    return {m: tr.gettext(m) for m in messages}


def page(request: Request, template: str, context: Mapping[str, Any], *, status: int = 200) -> HTMLResponse:
    """Render a page template with the shared context (translations, CSRF token, navigation)."""
    env: jinja2.Environment = request.app.state.jinja
    lang = lang_of(request)
    tr = translations(lang)
    proj = project_of(request)
    ctx = {
        "_": tr.gettext,
        "ngettext": tr.ngettext,
        "lang": lang,
        "csrf": request.scope.get("state", {}).get("csrf", ""),
        "project_name": request.app.state.project_name,
        "coder": proj.coder_name,
        "path": request.url.path,
        **context,
    }
    html = env.get_template(template).render(ctx)
    return HTMLResponse(html, status_code=status)
