"""The coders' copies on the de-identification page (trustweb24, issue #11): each coder's copy the project made
(``makna copy --coder``), with its id, member, file, date and state, and a manager's control to withdraw its right
to seal de-identification claims or give it back, one copy (:func:`makna.privacy.seal_copies.revoke_copy`) or every
copy of a member (:func:`~makna.privacy.seal_copies.revoke_sealer`). Managers only: a coder or a viewer is refused
(403) and the page shows them no control. Each change is one transaction and one ``deid.revoke`` event with its
actor, made by the core.

A manager of a project file also makes a coder's copy for a member here (teamtrust25: ``POST
/api/deid/copies/make``), as ``makna copy NEW --coder NAME`` does, through the same core and its checks
(:func:`makna.copying.copy_for_coder`): the new file goes into the folder ``copies`` beside the project (a folder
holding two projects makes a command there without ``-p`` ambiguous), never over a file; a team server's
project is refused there as on the command line (its members pull their own copies, ``makna pull``)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, model_validator

from ..access import require
from ..errors import InputError
from ..privacy.seal_copies import WITHDRAWN, CoderCopy, coder_copies, revoke_copy, revoke_sealer
from ..project import Project
from ..store import resolve_location, sqlite_path
from .deps import project_of, reply
from .read_refusals import refuse_reading

__all__ = ["router", "Withdrawal", "CopyRequest", "copy_rows", "makes_copies"]

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
    refuse_reading(project_of(request), "manage", "copies")
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


class CopyRequest(BaseModel):
    """Make a coder's copy of the project file for ``member`` (``makna copy NEW --coder NAME``)."""

    member: str = Field(min_length=1, max_length=200, description="the member the copy is for (its coder)")
    file: str | None = Field(
        default=None,
        max_length=200,
        description="the new file's name, in the folder 'copies' beside the project (default: the project's name "
        "and the member's)",
    )
    blind: bool | None = Field(default=None, description="a blind copy (default: while a blind round is open)")
    passphrase: str | None = Field(
        default=None, max_length=1024, description="an encrypted project's passphrase (the copy keeps it)"
    )


def makes_copies(project: Project) -> bool:
    """Whether the workbench makes coder's copies of ``project``: a project file (a server project's members pull)."""
    return sqlite_path(resolve_location(project.location)) is not None


def _file_name(project: Project, body: CopyRequest) -> str:
    """The copy's file name, a plain name (no folder) ending in ``.makna``."""
    stem = sqlite_path(resolve_location(project.location))
    member = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in body.member.strip()).strip("-") or "coder"
    name = (body.file or "").strip() or f"{stem.stem if stem else 'project'}-{member}.makna"
    if "/" in name or "\\" in name or name.startswith(".") or "\x00" in name:
        raise InputError(f"file {name!r}: give a plain file name; the copy goes into the folder 'copies' beside the "
                         "project")
    return name if name.endswith(".makna") else f"{name}.makna"


@router.post("/api/deid/copies/make", summary="Make a coder's copy of the project file for a member (managers)")
def api_make_copy(request: Request, body: CopyRequest) -> JSONResponse:
    from ..copying import copy_for_coder

    proj = project_of(request)
    require(proj, "manage")
    location = sqlite_path(resolve_location(proj.location))
    if location is None:
        raise InputError("a server project: each member makes their own copy with 'makna pull'")
    folder = location.parent / "copies"  # not beside the project: a folder with two projects is ambiguous
    folder.mkdir(exist_ok=True)
    target = folder / _file_name(proj, body)
    made, blind = copy_for_coder(location, target, body.member, passphrase=body.passphrase, blind=body.blind,
                                 actor=proj.actor)
    copy = next(c for c in reversed(coder_copies(proj)) if c.file == made.name)
    return reply({"path": str(made), "blind": blind, "copy": _row(copy)})
