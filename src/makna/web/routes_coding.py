"""Coding through the API: create a segment, edit its memo, remove it."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from ..coding import SegmentSpec, code_one, get_segment, set_segment_memo, uncode
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
    quote: str | None = Field(default=None, description="the text the page shows at start:end (runs of white space "
                              "compare equal); when the source holds other text there now (de-identified since the "
                              "page was loaded) the coding is refused with 409")


class SegmentMemo(BaseModel):
    memo: str


@router.post("", status_code=201, summary="Code a span of a source (by the workbench's coder)",
             description="The reply describes the new coding fully, so that a viewer can draw it without reading "
                         "anything back: ``id``, ``source`` and ``code`` (as given), ``source_id``, "
                         "``source_name``, ``start``, ``end``, ``code_id``, ``code_key``, ``code_name``, "
                         "``color`` (#RRGGBB), ``coder``, ``memo``, ``created_at``, ``created``. A retry (the same "
                         "coder, source, span, code and memo, after an answer lost on the way back) codes once: "
                         "it answers 200 with the coding made already and ``created`` false.")
def create_segment(request: Request, body: NewSegment) -> JSONResponse:
    proj = project_of(request)
    s = code_one(proj, SegmentSpec(body.source, body.start, body.end, body.code, body.memo, body.quote),
                 existing_ok=True)
    return JSONResponse({"id": s.id, "source": body.source, "start": s.start, "end": s.end, "code": body.code,
                         "coder": s.coder, "memo": s.memo, "source_id": s.source_id, "source_name": s.source_name,
                         "code_id": s.code_id, "code_key": s.code_key, "code_name": s.code_name, "color": s.color,
                         "created_at": s.created_at.isoformat(), "created": s.created},
                        status_code=201 if s.created else 200)


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
