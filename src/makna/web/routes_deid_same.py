"""The de-identification review's "this text everywhere": accept or reject a detection and every other
detection of the same string at once (:func:`makna.privacy.project_same.decide_same_text`)."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from ..privacy.project_same import decide_same_text
from .deps import project_of, reply

__all__ = ["router", "SameTextDecision"]

router = APIRouter(tags=["de-identification"])


class SameTextDecision(BaseModel):
    id: str = Field(min_length=1, max_length=40, description="a detection id N:I (or fN:I)")
    status: Literal["accepted", "rejected"]


@router.post(
    "/api/deid/decide-same",
    summary="Accept or reject a detection and every other detection of the same text in the project",
)
def api_decide_same(request: Request, body: SameTextDecision) -> JSONResponse:
    done = decide_same_text(project_of(request), body.id, body.status)
    return reply({"ids": list(done.ids), "changed": done.changed, "total": done.total, "kept": done.kept})
