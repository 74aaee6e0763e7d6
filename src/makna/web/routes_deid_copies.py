"""The coders' copies on the de-identification page (trustweb24, issue #11): each coder's copy the project made
(``makna copy --coder``), with its id, member, file, date and state, and a manager's control to withdraw its right
to seal de-identification claims or give it back, one copy (:func:`makna.privacy.seal_copies.revoke_copy`) or every
copy of a member (:func:`~makna.privacy.seal_copies.revoke_sealer`). Managers only: a coder or a viewer is refused
(403) and the page shows them no control. Each change is one transaction and one ``deid.revoke`` event with its
actor, made by the core."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, model_validator

from ..access import require
from ..privacy.seal_copies import WITHDRAWN, CoderCopy, coder_copies, revoke_copy, revoke_sealer
from ..project import Project
from .deps import project_of, reply

__all__ = ["router", "Withdrawal", "copy_rows"]

router = APIRouter(tags=["de-identification"])


class Withdrawal(BaseModel):
    """Withdraw (or, with ``restore``, give back) the right to seal of one copy or of every copy of a member."""

    copy_id: str | None = Field(
        default=None,
        min_length=4,
        max_length=200,
        description="the copy's id (GET /api/deid/copies) or its file's name",
    )
    member: str | None = Field(
        default=None, min_length=1, max_length=200, description="the member: every copy made so far for them"
    )
    restore: bool = Field(default=False, description="give the right back instead")

    @model_validator(mode="after")
    def _one(self) -> Withdrawal:
        if (self.copy_id is None) == (self.member is None):
            raise ValueError("give either copy_id or member")
        return self


def _row(c: CoderCopy) -> dict[str, Any]:
    return {"id": c.id, "member": c.member, "file": c.file, "made_at": c.made_at, "state": c.state, "pulled": c.pulled}


def copy_rows(project: Project) -> list[dict[str, Any]]:
    """Each coder's copy of ``project``, oldest first, as the page and the API show it (managers only)."""
    require(project, "manage")
    return [_row(c) for c in coder_copies(project)]


@router.get("/api/deid/copies", summary="Each coder's copy: id, member, file, date and its right to seal (managers)")
def api_copies(request: Request) -> JSONResponse:
    return reply(copy_rows(project_of(request)))


@router.post(
    "/api/deid/copies/withdraw",
    summary="Withdraw or give back the right to seal claims of one coder's copy or of a member's copies",
)
def api_withdraw(request: Request, body: Withdrawal) -> JSONResponse:
    proj = project_of(request)
    require(proj, "manage")
    if body.copy_id is not None:
        done = revoke_copy(proj, body.copy_id, restore=body.restore)
        return reply({"copies": [_row(done)], "withdrawn": [done.member] if done.state == WITHDRAWN else []})
    withdrawn = revoke_sealer(proj, body.member or "", restore=body.restore)
    return reply({"copies": copy_rows(proj), "withdrawn": withdrawn})
