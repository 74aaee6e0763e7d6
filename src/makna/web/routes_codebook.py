"""The codebook page (tree with drag-to-move, editing, merging, counts) and the codes API."""

from __future__ import annotations

import re

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field

from ..access import can
from ..code_translations import translate_code
from ..codebook import (
    CodeNode,
    add_code,
    code_tree,
    code_use,
    delete_code,
    get_code,
    merge_codes,
    move_code,
    update_code,
)
from ..codebook_split import SplitPart, split_code
from ..errors import InputError
from ..views import CodeUsage, code_usage, codings_with_descendants
from .deps import js_text, page, project_of, reply
from .render import json_script

__all__ = ["router", "NewCode", "CodeChanges", "CodeTranslation", "CodeMove", "CodeMerge", "SplitInto", "CodeSplit",
           "key_from_name"]

router = APIRouter(tags=["codebook"])

JS_MESSAGES = ("Saved", "Could not save", "Merge this code into the chosen one?", "Moved", "Merged", "Deleted",
               "(top level)", "Changed by", "the editor shows it", "yours", "stays", "New code %(n)s", "Split",
               "%(n)s coding(s) chosen", "Give each new code a name and choose its codings",
               "comes along with another coder's coding")


class NewCode(BaseModel):
    """A code to add; ``key`` is made from ``name`` when left out."""

    name: str = Field(min_length=1, max_length=500)
    key: str | None = Field(default=None, max_length=200)
    parent: str | None = None
    color: str | None = None
    definition: str = ""
    inclusion: str = ""
    exclusion: str = ""
    example: str = ""


class CodeChanges(BaseModel):
    version: int | None = Field(default=None, description="the version the edit was made from: a code changed "
                                                          "since is refused with 409 and its current values")
    key: str | None = Field(default=None, max_length=200)
    name: str | None = Field(default=None, max_length=500)
    color: str | None = None
    definition: str | None = None
    inclusion: str | None = None
    exclusion: str | None = None
    example: str | None = None
    translation: CodeTranslation | None = Field(default=None, description="its name and definition in another "
                                                "language, for the report in that language")


class CodeTranslation(BaseModel):
    """A code's name and definition in another language (both empty: remove it)."""

    language: str = Field(min_length=2, max_length=16)
    name: str = Field(default="", max_length=500)
    definition: str = ""


class CodeMove(BaseModel):
    parent: str | None = Field(default=None, description="new parent code id or key; null for the top level")
    position: int | None = Field(default=None, ge=0)
    version: int | None = Field(default=None, description="as for CodeChanges")


class CodeMerge(BaseModel):
    into: str = Field(min_length=1, description="the code (id or key) that receives the segments")


class SplitInto(BaseModel):
    """A new code of a split and the codings it receives (ids, and those whose text contains ``matching``)."""

    name: str = Field(min_length=1, max_length=500)
    key: str | None = Field(default=None, max_length=200, description="made from the name when left out")
    definition: str = ""
    parent: str | None = Field(default=None, description="a code id or key; left out: beside the code split")
    segments: list[str] = Field(default_factory=list, description="coding ids (of /api/retrieve) that move to it")
    matching: str | None = Field(default=None, max_length=500, description="and the codings whose text has this")


class CodeSplit(BaseModel):
    into: list[SplitInto] = Field(min_length=1, max_length=50)
    remove: bool = Field(default=False, description="delete the code split: every coding must move")
    every_coder: bool = Field(default=False, description="a coding chosen by id brings the other coders' codings "
                                                         "of its span along")
    overlapping: bool = Field(default=False, description="every_coder (implied), and also the other coders' codings "
                                                         "that overlap one chosen by id by at least half of the "
                                                         "shorter span")


def key_from_name(name: str, taken: set[str]) -> str:
    """A code key from a display name: lower case, runs of spaces and slashes as ``-``, unique."""
    base = re.sub(r"[\s/\\]+", "-", name.strip().lower()).strip("-")[:180] or "code"
    key, n = base, 2
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    return key


def _tree_json(request: Request, tree: list[CodeNode] | None = None,
               usage: dict[str, CodeUsage] | None = None) -> list[dict[str, object]]:
    proj = project_of(request)
    usage = code_usage(proj) if usage is None else usage
    return [{"id": n.code.id, "key": n.code.key, "name": n.code.name, "parent": n.code.parent_id,
             "color": n.code.color, "definition": n.code.definition, "inclusion": n.code.inclusion,
             "exclusion": n.code.exclusion, "example": n.code.example, "depth": n.depth, "path": n.path,
             "version": n.code.version, "translations": [list(t) for t in n.code.translations],
             "segments": usage[n.code.id].segments if n.code.id in usage else 0}
            for n in (code_tree(proj) if tree is None else tree)]


@router.get("/codebook", response_class=HTMLResponse, include_in_schema=False)
def codebook_page(request: Request) -> HTMLResponse:
    proj = project_of(request)
    tree, usage = code_tree(proj), code_usage(proj)
    codes = _tree_json(request, tree, usage)
    totals = codings_with_descendants(tree, usage)
    return page(request, "codebook.html", {
        "codes": codes, "totals": totals, "may_manage": can(proj, "manage"),
        "data": json_script({"codes": codes, "msg": js_text(request, JS_MESSAGES)}),
    })


@router.get("/api/codes", summary="The codebook in tree order, with segment counts")
def api_codes(request: Request) -> JSONResponse:
    return reply(_tree_json(request))


@router.post("/api/codes", status_code=201, summary="Add a code")
def api_add_code(request: Request, body: NewCode) -> JSONResponse:
    proj = project_of(request)
    key = body.key or key_from_name(body.name, {n.code.key for n in code_tree(proj)})
    code = add_code(proj, key, body.name, parent=body.parent or None, color=body.color or None,
                    definition=body.definition, inclusion=body.inclusion, exclusion=body.exclusion,
                    example=body.example)
    return reply(code, 201)


@router.get("/api/codes/{code_id}", summary="One code")
def api_code(request: Request, code_id: str) -> JSONResponse:
    return reply(get_code(project_of(request), code_id))


@router.patch("/api/codes/{code_id}", summary="Rename, recolour or redefine a code")
def api_update_code(request: Request, code_id: str, body: CodeChanges) -> JSONResponse:
    changes = body.model_dump(exclude_unset=True)
    version = changes.pop("version", None)
    new_key = changes.pop("key", None)
    if new_key is not None and not new_key.strip():
        raise InputError("a code key cannot be empty")
    changes.pop("translation", None)
    tr, project = body.translation, project_of(request)
    if tr is not None:  # first, at the version the editor read; the other fields then at the version it made
        code = translate_code(project, code_id, tr.language, tr.name, tr.definition, expected_version=version)
        version = code.version if version is not None else None
        if not changes and new_key is None:
            return reply(code)
    return reply(update_code(project, code_id, new_key=new_key, expected_version=version, **changes))


@router.post("/api/codes/{code_id}/move", summary="Move a code (with its descendants) under another")
def api_move_code(request: Request, code_id: str, body: CodeMove) -> JSONResponse:
    return reply(move_code(project_of(request), code_id, body.parent or None, position=body.position,
                           expected_version=body.version))


@router.post("/api/codes/{code_id}/merge", summary="Merge a code into another")
def api_merge_code(request: Request, code_id: str, body: CodeMerge) -> JSONResponse:
    return reply({"reassigned": merge_codes(project_of(request), code_id, body.into)})


@router.post("/api/codes/{code_id}/split", summary="Split a code into new ones, moving the codings chosen for each",
             description="Each coding moves with its coder, memos and time; those chosen for none stay. Refused "
                         "(nothing changed): 409 for a coding not of this code or a search that finds none, 400 for "
                         "a name whose key exists.")
def api_split_code(request: Request, code_id: str, body: CodeSplit) -> JSONResponse:
    parts = [SplitPart(p.key or key_from_name(p.name, set()), p.name, p.definition, p.parent or None,
                       tuple(p.segments), p.matching or None) for p in body.into]
    result = split_code(project_of(request), code_id, parts, remove=body.remove, every_coder=body.every_coder,
                         overlapping=body.overlapping)
    into = [{"id": code.id, "key": code.key, "name": code.name, "moved": n} for code, n in result.parts]
    return reply({"code": result.key, "kept": result.kept, "removed": result.removed, "into": into})


@router.get("/api/codes/{code_id}/use", summary="What deleting a code touches: codings, coders, sources, sub-codes")
def api_code_use(request: Request, code_id: str) -> JSONResponse:
    return reply(code_use(project_of(request), code_id))


@router.delete("/api/codes/{code_id}", status_code=204,
               summary="Delete a code; one with codings or sub-codes needs a choice: force (delete its codings) "
                       "or into (move them to that code)")
def api_delete_code(request: Request, code_id: str, force: bool = False, into: str | None = None) -> Response:
    delete_code(project_of(request), code_id, force=force, move_to=into or None)
    return Response(status_code=204)
