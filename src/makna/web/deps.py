"""What every route needs: the open project, the language, template rendering, JSON replies."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse

from .. import access
from ..access import Permission, Role
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

if TYPE_CHECKING:
    from ..server.registry import ServerProject

#: What live.js says (translated for the page).
LIVE_MESSAGES = ("Changed by", "Codebook changed by", "reload to see it")

__all__ = ["project_of", "lang_of", "page", "js_text", "reply", "paged", "plain", "error_status", "code_classes",
           "project_name_of", "actor_of", "role_of", "require", "server_user", "LIVE_MESSAGES", "NEXT_CURSOR",
           "server_project_of", "require_server_project", "client_host", "bare_page", "error_page"]

#: The reply header of a listing page that holds the cursor of the next page (absent on the last page).
NEXT_CURSOR = "X-Next-Cursor"


def _state(request: Request) -> dict[str, Any]:
    """What the guard put in the request's scope (a team server: ``user``, ``role``, ``project``...)."""
    state: dict[str, Any] = request.scope.get("state") or {}
    return state


def server_project_of(request: Request) -> ServerProject | None:
    """The team server's project the request works on (the guard's choice), or None in the local workbench."""
    sp: ServerProject | None = _state(request).get("server_project")
    return sp


def require_server_project(request: Request) -> ServerProject:
    """:func:`server_project_of` for a route that exists on a team server only: a
    :class:`~makna.errors.NotFoundError` (404) where it is reached outside one."""
    sp = server_project_of(request)
    if sp is None:
        raise NotFoundError("this workbench is not a team server")
    return sp


def client_host(request: Request) -> str:
    """The address a request came from, for rate limits ("unknown" where the server was not told)."""
    return request.client.host if request.client else "unknown"


def bare_page(request: Request, template: str, context: Mapping[str, Any], status: int = 200) -> HTMLResponse:
    """A team server's page outside a project (login, projects, an invitation): translations, language and the
    session's CSRF token only, without :func:`page`'s project navigation."""
    lang = lang_of(request)
    html = request.app.state.jinja.get_template(template).render(
        {"_": translations(lang).gettext, "lang": lang, "csrf": _state(request).get("csrf", ""), **context})
    return HTMLResponse(html, status_code=status)


def error_page(request: Request, message: str, status: int) -> HTMLResponse:
    """The error page: with the project's navigation, or on a team server before a project is chosen (a
    missing static file, a request not logged in) without it."""
    if _state(request).get("project") is None and getattr(request.app.state, "project", None) is None:
        return bare_page(request, "server_error.html", {"message": message}, status=status)
    return page(request, "error.html", {"message": message}, status=status)


def project_of(request: Request) -> Project:
    """The project the request works on, as its acting user: the one the app serves (``makna
    serve``), or on a team server the logged-in user's chosen project with that user as its actor."""
    proj: Project = _state(request).get("project") or request.app.state.project
    return proj


def project_name_of(request: Request) -> str:
    """The name of :func:`project_of`'s project."""
    return str(_state(request).get("project_name") or request.app.state.project_name)


def actor_of(request: Request) -> str:
    """Who makes the request's changes: the logged-in user on a team server, else the workbench's coder."""
    return project_of(request).actor


def role_of(request: Request) -> Role | None:
    """The acting user's role in the project (``owner`` in the local workbench)."""
    return access.role_of(project_of(request))


def require(request: Request, permission: Permission) -> None:
    """Refuse (403 through :func:`error_status`) unless the acting user holds ``permission``."""
    access.require(project_of(request), permission)


def server_user(request: Request) -> str | None:
    """The logged-in user on a team server; None in the local workbench."""
    user = _state(request).get("user")
    return str(user) if user else None


def lang_of(request: Request) -> str:
    return choose_language(setting=request.app.state.lang, cookie=request.cookies.get(LANG_COOKIE),
                           accept_language=request.headers.get("accept-language"))


_SCALARS = frozenset({str, int, float, bool, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def plain(value: Any) -> Any:
    """JSON-ready form of dataclasses, datetimes, tuples and dicts of them. A page of a listing holds
    thousands of values: plain ones go back at once, and a dataclass's field names are read once per
    class, not once per row."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    names = _FIELD_NAMES.get(kind)
    if names is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _FIELD_NAMES.setdefault(kind, tuple(f.name for f in dataclasses.fields(value)))
    if names is not None:
        return {name: plain(getattr(value, name)) for name in names}
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


def reply(data: Any, status: int = 200) -> JSONResponse:
    return JSONResponse(plain(data), status_code=status)


def paged(rows: list[Any], limit: int, cursor: Callable[[Any], str],
          shown: Callable[[list[Any]], list[Any]] | None = None) -> JSONResponse:
    """A page of a listing: ``rows`` (asked with ``limit + 1``) less the extra one, and, when it came,
    the next page's cursor (of the page's last row) in the :data:`NEXT_CURSOR` header. ``shown`` turns the
    page's rows into what the reply holds (the cursor is still taken from the row)."""
    page_rows = rows[:limit]
    response = reply(shown(page_rows) if shown is not None else page_rows)
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


def _blind_round(proj: Project) -> str:
    """The name of the open blind round that hides other coders from this coder ('' when none)."""
    from ..rounds import current_round, sight_in

    with proj.store.read() as conn:
        rnd = current_round(conn)
    return rnd.name if rnd is not None and not sight_in(proj, rnd).everything else ""


def page(request: Request, template: str, context: Mapping[str, Any], *, status: int = 200) -> HTMLResponse:
    """Render a page template with the shared context (translations, CSRF token, navigation)."""
    env: jinja2.Environment = request.app.state.jinja
    lang = lang_of(request)
    tr = translations(lang)
    from ..codebook import key_tells
    from ..live import latest_id
    from .render import coder_label, decimal, json_script, whole_number

    proj = project_of(request)
    ctx = {
        "_": tr.gettext,
        "ngettext": tr.ngettext,
        "lang": lang,
        "number": lambda n: whole_number(n, lang),
        "decimal": lambda x, places=2: decimal(x, places, lang),
        "coder_label": lambda name: coder_label(name, tr.gettext),
        "key_tells": key_tells,
        "csrf": request.scope.get("state", {}).get("csrf", ""),
        "project_name": project_name_of(request),
        "coder": proj.coder_name,
        "server_user": server_user(request),
        "may_invite": bool(server_user(request)) and role_of(request) in ("owner", "manager"),
        "path": request.url.path,
        "blind_round": _blind_round(proj),
        "live_after": latest_id(proj),
        "live_msg": json_script(js_text(request, LIVE_MESSAGES)),
        **context,
    }
    html = env.get_template(template).render(ctx)
    return HTMLResponse(html, status_code=status)
