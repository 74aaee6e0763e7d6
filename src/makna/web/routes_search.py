"""Full-text search as KWIC lines with a jump to each hit's place in the source, and autocoding of
the hits (``makna.analysis.search``: phrases, AND/OR/NOT, ``prefix*``, stemming on or off)."""

from __future__ import annotations

import re
from typing import Any, Literal

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, Field

from ..analysis import Hit, autocode_search, count_passages, search, search_cursor
from ..codebook import code_tree
from ..errors import MaknaError
from .deps import NEXT_CURSOR, js_text, page, project_of, reply
from .render import json_script

__all__ = ["router", "JS_MESSAGES", "PAGE_SIZE", "AutocodeRequest", "kwic_parts"]

router = APIRouter(tags=["search"])

PAGE_SIZE = 100
CONTEXT = 60
JS_MESSAGES = ("Choose a code", "Coded", "codings made", "already coded, skipped", "Could not save")


class AutocodeRequest(BaseModel):
    """Code every hit of ``query`` with ``code``: the matched words, their sentence or their turn."""

    query: str = Field(min_length=1, max_length=2000)
    code: str = Field(min_length=1, description="code id or key")
    scope: Literal["match", "sentence", "turn"] = "match"
    stem: bool = True


def _flat(text: str) -> str:
    """Runs of white space (line breaks included) as one space, kept at the ends."""
    return re.sub(r"\s+", " ", text)


def kwic_parts(hit: Hit, context: int = CONTEXT) -> tuple[str, str, str]:
    """(left, keyword, right), each on one line, with an ellipsis where the context was cut. The
    context stays inside the hit's own speaker turn (line): it stops at a line break."""
    before, after = hit.left, hit.right
    cut_before, cut_after = "\n" in before, "\n" in after
    before = before.rsplit("\n", 1)[-1]
    after = after.split("\n", 1)[0]
    left, right = _flat(before), _flat(after)
    if left and not cut_before and hit.start - len(hit.left) > 0:
        left = "…" + left
    if right and not cut_after and len(hit.right) >= context:
        right = right + "…"
    return left, _flat(hit.keyword).strip(), right


def _hit_json(hit: Hit, context: int) -> dict[str, Any]:
    left, keyword, right = kwic_parts(hit, context)
    return {"source": hit.source, "source_id": hit.source_id, "start": hit.start, "end": hit.end,
            "keyword": hit.keyword, "left": hit.left, "right": hit.right, "kwic": f"{left}[{keyword}]{right}".strip(),
            "turn": hit.turn, "speaker": hit.speaker}


@router.get("/search", response_class=HTMLResponse, include_in_schema=False)
def search_page(request: Request, q: str = "", stem: bool = True, page_no: int = 0) -> HTMLResponse:
    proj = project_of(request)
    page_no = max(0, page_no)
    hits: list[Hit] = []
    error = ""
    passages = sources = 0
    if q.strip():
        try:
            hits = search(proj, q, stem=stem, context=CONTEXT, limit=PAGE_SIZE + 1, offset=page_no * PAGE_SIZE)
            passages, sources = count_passages(proj, q, stem=stem)
        except MaknaError as exc:
            error = str(exc)
    more = len(hits) > PAGE_SIZE
    return page(request, "search.html", {
        "q": q, "stem": stem, "page_no": page_no, "more": more, "error": error,
        "hits": [(h, *kwic_parts(h)) for h in hits[:PAGE_SIZE]], "passages": passages, "n_sources": sources,
        "first": page_no * PAGE_SIZE, "tree": code_tree(proj),
        "data": json_script({"msg": js_text(request, JS_MESSAGES)}),
    })


@router.get("/api/search", summary="Search the sources: KWIC hits, passages and sources matched",
            description="``limit`` hits at a time, in index order. When more follow, the reply's ``next`` (and "
                        "its ``X-Next-Cursor`` header) holds an opaque cursor: pass it as ``after`` for the next "
                        "page (each page then costs the same). ``offset`` is a convenience whose cost grows with it.")
def api_search(request: Request, q: str, stem: bool = True, context: int = CONTEXT, limit: int = PAGE_SIZE,
               offset: int = 0, after: str | None = None) -> JSONResponse:
    proj = project_of(request)
    context = max(0, min(context, 1000))
    limit = max(1, min(limit, 5000))
    hits = search(proj, q, stem=stem, context=context, limit=limit + 1, offset=max(0, offset), after=after or None)
    passages, sources = count_passages(proj, q, stem=stem)
    cursor = search_cursor(hits[limit - 1]) if len(hits) > limit else None
    response = reply({"query": q, "stem": stem, "passages": passages, "sources": sources,
                      "hits": [_hit_json(h, context) for h in hits[:limit]], "next": cursor})
    if cursor is not None:
        response.headers[NEXT_CURSOR] = cursor
    return response


@router.post("/api/search/autocode", summary="Code every hit of a search (match, sentence or turn) in one step")
def api_autocode(request: Request, body: AutocodeRequest) -> JSONResponse:
    result = autocode_search(project_of(request), body.query, body.code, scope=body.scope, stem=body.stem)
    return reply({"created": result.created, "skipped_duplicates": result.skipped_duplicates,
                  "segment_ids": result.segment_ids})
