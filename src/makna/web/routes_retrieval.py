"""Retrieval: every segment of a code (with its descendants), filtered by case, attribute and
coder, with context and a link to its place in the source."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse

from ..cases import list_attributes, list_cases
from ..codebook import code_tree
from ..errors import MaknaError
from ..memo_views import MemoView, memos_on_codes, memos_on_segments
from ..project import Project
from ..queries import retrieval_cursor, retrieve
from ..rounds import visible_coders
from .deps import lang_of, page, paged, plain, project_of
from .errors_i18n import translate_error

__all__ = ["router", "PAGE_SIZE"]

router = APIRouter(tags=["retrieval"])

PAGE_SIZE = 200


def _clip(before: str, after: str) -> tuple[str, str]:
    """Context on the segment's own lines only, with an ellipsis where it was cut."""
    if "\n" in before:
        before = before.rsplit("\n", 1)[1]
    elif before:
        before = "…" + before
    if "\n" in after:
        after = after.split("\n", 1)[0]
    elif after:
        after = after + "…"
    return before, after


def _attribute(attribute: str | None, value: str | None) -> tuple[str, str] | None:
    return (attribute, value or "") if attribute else None


@router.get("/retrieve", response_class=HTMLResponse, include_in_schema=False)
def retrieve_page(request: Request, code: str = "", case: str = "", attribute: str = "", value: str = "",
                  coder: str = "", descendants: bool = True, context: int = 80, page_no: int = 0,
                  after: str = "") -> HTMLResponse:
    """``after`` (the cursor the previous page's "next" link carries) pages by keyset; ``page_no``
    alone (the "previous" link) by offset."""
    proj = project_of(request)
    results = []
    error = ""
    context = max(0, min(context, 2000))
    page_no = max(0, page_no)
    if attribute and not value:
        error = translate_error(f"attribute {attribute!r}: choose a value to compare with", lang_of(request))
    elif code or case or attribute or coder:
        try:
            results = retrieve(proj, code=code or None, descendants=descendants, case=case or None,
                               attribute=_attribute(attribute, value), coder=coder or None, context=context,
                               limit=PAGE_SIZE + 1, offset=0 if after else page_no * PAGE_SIZE, after=after or None)
        except MaknaError as exc:  # the form stays as filled in, the reason beside it
            error = translate_error(str(exc), lang_of(request))
    more = len(results) > PAGE_SIZE
    tree = code_tree(proj)
    keys = {n.code.key: n.code.id for n in tree} | {n.code.id: n.code.id for n in tree}
    code_ids = {keys[k] for k in [code, *(r.code_key for r in results[:PAGE_SIZE])] if k in keys}
    return page(request, "retrieve.html", {
        "tree": tree, "index": {n.code.key: i for i, n in enumerate(tree)}, "cases": list_cases(proj),
        "attributes": list_attributes(proj), "coders": visible_coders(proj),
        "results": [(r, *_clip(r.before, r.after)) for r in results[:PAGE_SIZE]], "more": more,
        "page_no": page_no, "next": retrieval_cursor(results[PAGE_SIZE - 1]) if more else "",
        "asked": bool(code or case or attribute or coder) and not error, "error": error,
        "seg_memos": memos_on_segments(proj, [r.id for r in results[:PAGE_SIZE]]) if results else {},
        "code_memos": memos_on_codes(proj, sorted(code_ids)) if code_ids else [],
        "q": {"code": code, "case": case, "attribute": attribute, "value": value, "coder": coder,
              "descendants": descendants, "context": context},
    })


@router.get("/api/retrieve", summary="Coded segments with context, filtered by code, case, attribute, coder",
            description="In source order, ``limit`` at a time. Each carries the coding's own memo (``memo``) "
                        "and the memos written on its segment (``segment_memos``: ``kind`` \"segment\", "
                        "``coder``, ``title``, ``text``). When more follow, the reply's ``X-Next-Cursor`` "
                        "header holds an opaque cursor: pass it as ``after`` for the next page (each page then "
                        "costs the same). ``offset`` is a convenience whose cost grows with it.")
def api_retrieve(request: Request, code: str | None = None, descendants: bool = True, case: str | None = None,
                 attribute: str | None = None, value: str | None = None, coder: str | None = None,
                 context: int = 0, limit: int = 1000, offset: int = 0, after: str | None = None) -> JSONResponse:
    limit = max(1, min(limit, 10000))
    proj = project_of(request)
    rows = retrieve(proj, code=code, descendants=descendants, case=case,
                    attribute=_attribute(attribute, value), coder=coder, context=max(0, min(context, 5000)),
                    limit=limit + 1, offset=max(0, offset), after=after or None)
    return paged(rows, limit, retrieval_cursor, lambda page: _with_segment_memos(proj, page))


def _with_segment_memos(proj: Project, rows: list[Any]) -> list[dict[str, Any]]:
    """Each row with the memos written on its segment beside the coding's own (``memo``), in one query."""
    on_segments = memos_on_segments(proj, [r.id for r in rows]) if rows else {}
    return [{**plain(r), "segment_memos": [_segment_memo(m) for m in on_segments.get(r.id, [])]} for r in rows]


def _segment_memo(memo: MemoView) -> dict[str, Any]:
    """A memo on a segment, for ``/api/retrieve``: ``kind`` "segment" (the coding's own memo is the row's
    ``memo``)."""
    return {"id": memo.id, "kind": "segment", "coder": memo.coder, "title": memo.title, "text": memo.text,
            "created_at": plain(memo.created_at)}
