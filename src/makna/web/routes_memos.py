"""Memos through the API: the memo panel beside a transcript (project, source, code and segment
memos, and the memos of codings), searching every memo, writing, editing and deleting one."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from ..errors import InputError
from ..memo_views import memos_for_source, search_memos
from ..memos import add_memo, delete_memo, update_memo
from .deps import project_of, reply

__all__ = ["router", "NewMemo", "MemoEdit"]

router = APIRouter(prefix="/api/memos", tags=["memos"])


class NewMemo(BaseModel):
    """A memo on the project (no ``target``), a source (id or name), a code (id or key) or a segment (id)."""

    kind: Literal["project", "source", "code", "segment", "case"]
    target: str | None = Field(default=None, max_length=500)
    text: str = Field(min_length=1, max_length=200_000)
    title: str = Field(default="", max_length=500)


class MemoEdit(BaseModel):
    text: str = Field(min_length=1, max_length=200_000)
    title: str | None = Field(default=None, max_length=500)


@router.get("", summary="Memos beside a source (source=ID), or every memo holding words (q=...)")
def api_memos(request: Request, source: str | None = None, q: str = "") -> JSONResponse:
    proj = project_of(request)
    if source:
        found = memos_for_source(proj, source)
        words = [w.casefold() for w in q.split()]
        return reply([m for m in found if all(w in f"{m.title}\n{m.text}".casefold() for w in words)])
    return reply(search_memos(proj, q))


@router.post("", status_code=201, summary="Write a memo")
def api_add_memo(request: Request, body: NewMemo) -> JSONResponse:
    if body.kind != "project" and not body.target:
        raise InputError(f"a memo on a {body.kind} needs the {body.kind} it belongs to")
    memo = add_memo(project_of(request), body.kind, body.target if body.kind != "project" else None, body.text,
                    title=body.title)
    return reply(memo, 201)


@router.patch("/{memo_id}", summary="Replace a memo's text (and title)")
def api_edit_memo(request: Request, memo_id: str, body: MemoEdit) -> Response:
    update_memo(project_of(request), memo_id, body.text, title=body.title)
    return Response(status_code=204)


@router.delete("/{memo_id}", status_code=204, summary="Delete a memo")
def api_delete_memo(request: Request, memo_id: str) -> Response:
    delete_memo(project_of(request), memo_id)
    return Response(status_code=204)
