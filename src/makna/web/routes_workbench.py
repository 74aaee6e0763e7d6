"""The workbench's own API (issue 13): the coder's quick codes on keys 1 to 9, and changing a coding
in place (resize, recode) from the keyboard menu."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from ..codebook import get_code
from ..quickcodes import SLOTS, quick_codes, set_quick_codes
from ..segment_edit import change_segment
from .deps import project_of, reply

__all__ = ["router", "QuickCodesBody", "SegmentChange", "segment_reply"]

router = APIRouter(prefix="/api", tags=["coding"])


class QuickCodesBody(BaseModel):
    codes: list[str | None] = Field(max_length=SLOTS, description="code ids or keys for keys 1, 2, ...; "
                                                                  "null or empty: no code on that key")


class SegmentChange(BaseModel):
    start: int | None = Field(default=None, ge=0)
    end: int | None = Field(default=None, gt=0)
    code: str | None = Field(default=None, min_length=1, description="code id or key")


@router.get("/quick-codes", summary="The codes on the workbench coder's keys 1 to 9")
def api_quick_codes(request: Request) -> JSONResponse:
    return reply(quick_codes(project_of(request)))


@router.put("/quick-codes", summary="Pin codes to the workbench coder's keys 1 to 9")
def api_set_quick_codes(request: Request, body: QuickCodesBody) -> JSONResponse:
    return reply(set_quick_codes(project_of(request), body.codes))


def segment_reply(request: Request, segment_id: str) -> dict[str, object]:
    """A coding as the workbench draws it (the fields of POST /api/segments' reply)."""
    from ..coding import get_segment

    proj = project_of(request)
    seg = get_segment(proj, segment_id)
    code = get_code(proj, seg.code_id)
    return {"id": seg.id, "source": seg.source_id, "start": seg.start, "end": seg.end, "code": code.id,
            "code_id": code.id, "code_key": code.key, "code_name": code.name, "color": code.color,
            "coder": proj.coder_name, "memo": seg.memo}


@router.post("/segments/{segment_id}/change", summary="Resize a coding or give it another code")
def api_change_segment(request: Request, segment_id: str, body: SegmentChange) -> JSONResponse:
    change_segment(project_of(request), segment_id, start=body.start, end=body.end, code=body.code)
    return JSONResponse(segment_reply(request, segment_id))
