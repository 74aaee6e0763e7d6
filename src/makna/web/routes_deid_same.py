"""The de-identification review's "this text everywhere": accept or reject a detection and every other
pending detection of the same string at once (:func:`makna.privacy.project_same.decide_same_text`),
after the page asked for a confirmation with what it would change
(:func:`~makna.privacy.project_same.same_text_plan`)."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from ..privacy.project_same import SameText, decide_same_text, same_text_plan
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
    return reply(_answer(decide_same_text(project_of(request), body.id, body.status)))


@router.get(
    "/api/deid/decide-same",
    summary="What accepting or rejecting a detection's text everywhere would change (nothing is changed)",
)
def api_decide_same_plan(
    request: Request,
    id: str = Query(min_length=1, max_length=40, description="a detection id N:I (or fN:I)"),
    status: Literal["accepted", "rejected"] = Query(),
) -> JSONResponse:
    return reply(_answer(same_text_plan(project_of(request), id, status)))


def _answer(done: SameText) -> dict[str, object]:
    return {
        "ids": list(done.ids),
        "changed": done.changed,
        "sources": done.sources,
        "total": done.total,
        "kept": done.kept,
        "left": done.left,
        "accepted": done.accepted,
    }
