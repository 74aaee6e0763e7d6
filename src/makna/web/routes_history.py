"""Undo and redo through the API (the workbench's Ctrl+Z and Ctrl+Shift+Z): :mod:`makna.history`."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from ..history import Step, redo, undo
from .deps import project_of

__all__ = ["router", "StepsRequest"]

router = APIRouter(prefix="/api", tags=["history"])


class StepsRequest(BaseModel):
    steps: int = Field(default=1, ge=1, le=100)


def _steps(done: list[Step]) -> JSONResponse:
    return JSONResponse({"steps": [{"id": s.id, "description": s.description, "at": s.at.isoformat()}
                                   for s in done]})


@router.post("/undo", summary="Undo the workbench coder's latest change(s)")
def api_undo(request: Request, body: StepsRequest | None = None) -> JSONResponse:
    return _steps(undo(project_of(request), (body or StepsRequest()).steps))


@router.post("/redo", summary="Redo the workbench coder's latest undone change(s)")
def api_redo(request: Request, body: StepsRequest | None = None) -> JSONResponse:
    return _steps(redo(project_of(request), (body or StepsRequest()).steps))
