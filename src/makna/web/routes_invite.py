"""The team server's invitations on the web (:mod:`makna.server.invitations`).

- ``/members``: the chosen project's members, open invitations and the newest steps of its audit log
  (:mod:`makna.server.audit`: invitations made, accepted, revoked, members set and removed); an owner or manager (or an
  administrator) makes an invitation there for a role up to their own and sees its link once, or
  revokes one. The same as JSON under ``/api/server/invitations``.
- ``/invite/TOKEN``: reachable without a session; the invitee chooses a user name and password (the
  rules of :mod:`makna.server.passwords`) or logs in to their account, joins, and is logged in.
  Failed attempts are rate-limited as logins are (:class:`~makna.server.ratelimit.LoginLimiter`): a
  wrong password, an unknown link and a user name taken already count; the "I have an account"
  form's passwords count against the login's own limit too, so the page is no second budget of guesses.
  The page sends no referrer and is never cached, so the link does not travel further.
"""

from __future__ import annotations

from typing import Any

from anyio import to_thread
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from ..access import ROLES, Role
from ..errors import ConflictError, InputError, MaknaError, NotFoundError, PermissionDeniedError
from ..server.audit import audit_log, detail_text
from ..server.invitations import Invitation, parse_expiry
from ..server.ratelimit import LoginLimiter
from ..server.registry import Registry, ServerProject
from .deps import bare_page, client_host, lang_of, plain, require_server_project
from .errors_i18n import translate_error
from .form_csrf import is_json_request
from .i18n import translations

__all__ = ["install_invitations", "INVITE_PREFIX"]

INVITE_PREFIX = "/invite/"
#: The newest steps of the project's audit log that the Members page shows (``makna server audit`` has all).
AUDIT_SHOWN = 50


def _as_json(inv: Invitation) -> dict[str, Any]:
    return {
        "id": inv.id,
        "role": inv.role,
        "projects": list(inv.projects),
        "created_by": inv.created_by,
        "note": inv.note,
        "created_at": plain(inv.created_at),
        "expires_at": plain(inv.expires_at),
        "state": inv.state(),
        "used_by": inv.used_by,
    }


def _roles_up_to(registry: Registry, user: str, sp: ServerProject) -> list[Role]:
    """The roles ``user`` may invite to in ``sp`` (an administrator: all)."""
    if registry.user(user).admin:
        return list(ROLES)
    own = registry.role(sp.id, user)
    if own not in ("owner", "manager"):
        return []
    return list(ROLES[ROLES.index(own) :])


def _link(request: Request, token: str) -> str:
    return str(request.base_url).rstrip("/") + INVITE_PREFIX + token


def install_invitations(app: FastAPI) -> None:
    """Add the invitation routes to the team server's ``app``."""
    registry: Registry = app.state.registry
    app.state.invite_limiter = getattr(app.state, "invite_limiter", None) or LoginLimiter()

    def members_page(
        request: Request, *, made: dict[str, Any] | None = None, message: str = "", status: int = 200
    ) -> HTMLResponse:
        state = request.scope["state"]
        user: str = state["user"]
        sp = require_server_project(request)
        roles = _roles_up_to(registry, user, sp)
        if not roles:
            raise PermissionDeniedError(
                "inviting and seeing invitations needs the owner or manager role (or a server administrator)"
            )
        invitations = [i for i in registry.invitations(sp.id) if i.state() == "open"]
        log = audit_log(registry, project=sp.id, actor=user, limit=AUDIT_SHOWN)
        return bare_page(
            request,
            "members.html",
            {
                "user": user,
                "project": sp.name,
                "members": registry.members(sp.id),
                "invitations": invitations,
                "roles": roles,
                "made": made,
                "message": message,
                "audit": [(e, detail_text(e.detail)) for e in log],
                "audit_more": len(log) >= AUDIT_SHOWN,
            },
            status,
        )

    @app.get("/members", response_class=HTMLResponse, include_in_schema=False)
    def members(request: Request) -> HTMLResponse:
        return members_page(request)

    @app.post("/members/invite", include_in_schema=False)
    async def invite_form(request: Request) -> Response:
        from .server_app import check_form_csrf

        form = await request.form()
        check_form_csrf(request, form.get("csrf"))
        state = request.scope["state"]
        try:
            span = parse_expiry(str(form.get("expires") or "7d"))
            token, inv = await to_thread.run_sync(
                lambda: registry.invite(
                    [state["server_project"].id],
                    str(form.get("role") or ""),
                    actor=state["user"],
                    expires=span,
                    note=str(form.get("note") or ""),
                )
            )
        except (InputError, PermissionDeniedError) as exc:
            message = translate_error(str(exc), lang_of(request))
            return await to_thread.run_sync(lambda: members_page(request, message=message, status=400))
        raw = await to_thread.run_sync(registry.not_deidentified, inv.projects[0])
        unsafe = raw if inv.role != "owner" else []
        made = {"link": _link(request, token), "invitation": inv, "not_deidentified": unsafe}
        return await to_thread.run_sync(lambda: members_page(request, made=made))

    @app.post("/members/revoke", include_in_schema=False)
    async def revoke_form(request: Request) -> Response:
        from .server_app import check_form_csrf

        form = await request.form()
        check_form_csrf(request, form.get("csrf"))
        try:
            await to_thread.run_sync(
                lambda: registry.revoke_invitation(str(form.get("id") or ""), actor=request.scope["state"]["user"])
            )
        except (InputError, PermissionDeniedError) as exc:
            message = translate_error(str(exc), lang_of(request))
            return await to_thread.run_sync(lambda: members_page(request, message=message, status=400))
        return RedirectResponse("/members", status_code=303)

    @app.get("/api/server/invitations")
    def api_list(request: Request, project: str | None = None) -> JSONResponse:
        """The invitations the user may see (to projects where they may invite), newest first."""
        found = registry.invitations(project, actor=request.scope["state"]["user"])
        return JSONResponse([_as_json(i) for i in found])

    @app.post("/api/server/invitations")
    async def api_create(request: Request) -> JSONResponse:
        """Invite: JSON ``{"projects": [id or name...], "role": ..., "expires": "7d", "note": ...}``;
        the reply holds the link, once."""
        data = await request.json()
        if not isinstance(data, dict) or not isinstance(data.get("projects"), list):
            raise InputError('send {"projects": [...], "role": ..., "expires": "7d", "note": ...}')
        span = parse_expiry(str(data.get("expires") or "7d"))
        token, inv = await to_thread.run_sync(
            lambda: registry.invite(
                [str(p) for p in data["projects"]],
                str(data.get("role") or ""),
                actor=request.scope["state"]["user"],
                expires=span,
                note=str(data.get("note") or ""),
            )
        )
        raw = {p: await to_thread.run_sync(registry.not_deidentified, p) for p in inv.projects}
        return JSONResponse(
            {
                **_as_json(inv),
                "link": _link(request, token),
                "not_deidentified": {p: v for p, v in raw.items() if v and inv.role != "owner"},
            },
            status_code=201,
        )

    @app.post("/api/server/invitations/{ident}/revoke")
    def api_revoke(request: Request, ident: str) -> JSONResponse:
        return JSONResponse(_as_json(registry.revoke_invitation(ident, actor=request.scope["state"]["user"])))

    # ------------------------------------------------------------------ the invitee's page
    def invite_page(
        request: Request,
        token: str,
        inv: Invitation | None,
        *,
        message: str = "",
        name: str = "",
        mode: str = "new",
        status: int = 200,
    ) -> HTMLResponse:
        return bare_page(
            request,
            "invite.html",
            {"invitation": inv, "token": token, "message": message, "name": name, "mode": mode},
            status,
        )

    @app.get(INVITE_PREFIX + "{token}", response_class=HTMLResponse, include_in_schema=False)
    def invite(request: Request, token: str) -> HTMLResponse:
        tr = translations(lang_of(request))
        try:
            inv = registry.invitation(token)
        except NotFoundError as exc:
            return invite_page(request, token, None, message=tr.gettext(str(exc)), status=404)
        return invite_page(request, token, inv)

    @app.post(INVITE_PREFIX + "{token}", include_in_schema=False)
    async def accept(request: Request, token: str) -> Response:
        """Accept: a form (or JSON) with ``mode`` (``new``: make an account, ``join``: an account one
        has), ``name``, ``password`` and, for a new account, ``password_repeat``."""
        from .server_app import public_form_ok, start_session

        is_json = is_json_request(request.headers.get("content-type", ""))
        data: Any = await request.json() if is_json else dict(await request.form())
        if not isinstance(data, dict):
            raise InputError('send {"mode": "new" or "join", "name": ..., "password": ...}')
        mode = "join" if data.get("mode") == "join" else "new"
        name, password = str(data.get("name") or "").strip(), str(data.get("password") or "")
        tr = translations(lang_of(request))
        limiter: LoginLimiter = request.app.state.invite_limiter
        # a password tried here is a login: the login's limit holds as well ("join"), and hears of failures
        limiters = [limiter, request.app.state.limiter] if mode == "join" else [limiter]
        host = client_host(request)
        inv: Invitation | None = None

        def refuse(message: str, status: int) -> Response:
            if is_json:
                return JSONResponse({"error": message}, status_code=status)
            return invite_page(request, token, inv, message=message, name=name, mode=mode, status=status)

        if not public_form_ok(request, data, is_json):  # a form from elsewhere (login CSRF), or a stale page
            return refuse(tr.gettext("This page had expired: please send the form again."), 403)
        wait = max(each.retry_after(name, host) for each in limiters)
        if wait:
            message = tr.gettext("Too many failed attempts: try again in %(minutes)d minutes.") % {
                "minutes": (wait + 59) // 60
            }
            limited = refuse(message, 429)
            limited.headers["retry-after"] = str(wait)
            return limited
        try:
            inv = await to_thread.run_sync(registry.invitation, token)
            if mode == "new" and password != str(data.get("password_repeat", password)):
                raise InputError("the two passwords differ: type the same password twice")
            user, _ = await to_thread.run_sync(
                lambda: registry.accept_invitation(token, name, password, new_account=mode == "new")
            )
        except NotFoundError as exc:  # an unknown, used, revoked or expired link: counts as a failed attempt
            limiter.failed(name, host)
            return refuse(tr.gettext(str(exc)), 404)
        except PermissionDeniedError as exc:
            for each in limiters:
                each.failed(name, host)
            wrong = "wrong user name or password" in str(exc)
            return refuse(
                tr.gettext("Wrong user name or password.") if wrong else translate_error(str(exc), lang_of(request)),
                401 if wrong else 403,
            )
        except MaknaError as exc:
            if isinstance(exc, ConflictError):  # "user X exists already" tells whether an account exists
                limiter.failed(name, host)
            return refuse(translate_error(str(exc), lang_of(request)), 400)
        for each in limiters:
            each.succeeded(name)
        return await start_session(request, user, None if is_json else "/projects", {"projects": list(inv.projects)})
