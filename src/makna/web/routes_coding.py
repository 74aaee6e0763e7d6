"""Coding through the API: create a segment, edit its memo, remove it."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from ..codebook import get_code
from ..coding import SegmentSpec, code_many, get_segment, set_segment_memo, uncode
from .deps import project_of, reply

__all__ = ["router", "NewSegment", "SegmentMemo"]

router = APIRouter(prefix="/api/segments", tags=["coding"])


class NewSegment(BaseModel):
    """A coding to make: ``text[start:end]`` of ``source`` (id or name), in code points."""

    source: str = Field(min_length=1)
    start: int = Field(ge=0)
    end: int = Field(gt=0)
    code: str = Field(min_length=1, description="code id or key")
    memo: str = ""


class SegmentMemo(BaseModel):
    memo: str


@router.post("", status_code=201, summary="Code a span of a source (by the workbench's coder)")
def create_segment(request: Request, body: NewSegment) -> JSONResponse:
    proj = project_of(request)
    result = code_many(proj, [SegmentSpec(body.source, body.start, body.end, body.code, body.memo)],
                       action="code.span")
    code = get_code(proj, body.code)
    return JSONResponse({"id": result.segment_ids[0], "source": body.source, "start": body.start, "end": body.end,
                         "code": body.code, "code_id": code.id, "code_key": code.key, "code_name": code.name,
                         "colour": code.color, "coder": proj.coder_name, "memo": body.memo}, status_code=201)


@router.get("/{segment_id}", summary="One coding")
def read_segment(request: Request, segment_id: str) -> JSONResponse:
    return reply(get_segment(project_of(request), segment_id))


@router.patch("/{segment_id}", summary="Replace the memo of a coding")
def edit_segment(request: Request, segment_id: str, body: SegmentMemo) -> JSONResponse:
    return reply(set_segment_memo(project_of(request), segment_id, body.memo))


@router.delete("/{segment_id}", status_code=204, summary="Remove a coding")
def delete_segment(request: Request, segment_id: str) -> Response:
    uncode(project_of(request), segment_id)
    return Response(status_code=204)
