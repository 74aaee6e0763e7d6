"""Offline coders on the team server (#14): ``GET /api/sync/pull`` gives the logged-in user a copy of
the project they name (``X-Makna-Project``) as their role and blind rounds allow, and ``POST
/api/sync/push`` applies the work they did offline as them, listing conflicts (the core is
:mod:`makna.sync.server`; ``makna pull`` and ``makna push`` are the clients). ``POST /api/sync/seal`` gives a copy
just pulled a seal key of its own, recorded in the project (:func:`makna.privacy.seal_copies.issue_pulled_key`).
Registered by the team server only (:func:`makna.web.server_app.create_server_app`): the local workbench has
no accounts.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Body, Request
from fastapi.responses import JSONResponse

from ..errors import SyncError
from .deps import plain, project_of, require_server_project

__all__ = ["router"]

router = APIRouter(tags=["sync"])


@router.get("/api/sync/pull")
def sync_pull(request: Request) -> JSONResponse:
    """A copy of the project for working offline: sources, codebook, cases, the codings and memos
    the user may see, and the id of the last event it includes."""
    from ..sync.server import snapshot

    sp = require_server_project(request)
    snap = snapshot(project_of(request))
    snap["project"] = {"id": sp.id, "name": sp.name}
    return JSONResponse(snap, headers={"cache-control": "no-store"})


@router.post("/api/sync/push")
def sync_push(request: Request, body: dict[str, Any] = Body(...)) -> JSONResponse:  # noqa: B008 - FastAPI's way
    """Apply the user's offline changes to their codings and memos; conflicts are listed, not applied."""
    from ..sync.server import apply_push

    sp = require_server_project(request)
    if body.get("project_id") != sp.id:
        raise SyncError(f"this copy is of another project ({body.get('project_id')!r}), not {sp.name!r}")
    result = apply_push(project_of(request), body)
    return JSONResponse(plain({"added": result.added, "changed": result.changed, "deleted": result.deleted,
                               "unchanged": result.unchanged, "moved": result.moved,
                               "conflicts": result.conflicts, "replaced": result.replaced,
                               "retargeted": result.retargeted, "sealed": result.sealed}))


@router.post("/api/sync/seal")
def sync_seal(request: Request) -> JSONResponse:
    """A seal key of its own for the copy the user just pulled (derived from the project's, which never leaves the
    server; the copy is recorded and can be withdrawn): ``{"seal": {project, member, copy, key}}``, or
    ``{"seal": null}`` when the user may not code or the project needs no key yet."""
    from ..privacy.seal_copies import issue_pulled_key

    require_server_project(request)
    return JSONResponse({"seal": issue_pulled_key(project_of(request))}, headers={"cache-control": "no-store"})
