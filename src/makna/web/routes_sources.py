"""The source view (transcript, highlights, margin stripes, coder filter and comparison) and the
read side of the sources API."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, Field

from ..access import can
from ..codebook import CodeNode, code_tree
from ..errors import InputError
from ..holds import hold_source, is_held, release_source
from ..project import Project
from ..quickcodes import quick_codes
from ..rounds import sight
from ..sources import get_source, get_turns, has_deidentified, list_sources, source_cursor
from ..views import CodeUsage, SegmentView, code_usage, recent_codes, source_segments
from .deps import js_text, page, paged, project_of, reply
from .render import Row, json_script, render_rows, rows_of

__all__ = ["router", "JS_MESSAGES", "Release", "Hold"]

router = APIRouter()

JS_MESSAGES = ("Type to find or create a code", "Create code", "No codes match", "Remove", "Save memo", "Memo",
               "Saved", "Removed", "Coded", "Could not save", "by", "Only its coder can change this coding.",
               "Undone", "Redone", "Recode", "Resize", "Resize: Shift+arrows move the end, Enter saves, Escape cancels")


class Release(BaseModel):
    reason: str = Field(min_length=1, max_length=2000, description="why it needs no de-identification")


class Hold(BaseModel):
    reason: str = Field(min_length=1, max_length=2000, description="why it must be de-identified first")


def _held(proj: Project, source_id: str) -> bool:
    """Whether the source is held for de-identification (:mod:`makna.holds`): only its managers reach it then."""
    with proj.store.read() as conn:
        return is_held(conn, source_id)


def _columns(proj: Project, source: str, coder: str | None, compare: str | None
             ) -> tuple[list[list[SegmentView]], list[str]]:
    if compare:
        if not coder:
            raise InputError("choose the first coder before comparing with a second one")
        return [source_segments(proj, source, coders=[coder]), source_segments(proj, source, coders=[compare])], \
            [coder, compare]
    if coder:
        return [source_segments(proj, source, coders=[coder])], [coder]
    return [source_segments(proj, source)], []


def _seg_rows(columns: list[list[SegmentView]]) -> list[list[Any]]:
    seen: dict[str, list[Any]] = {}
    for col in columns:
        for s in col:
            seen.setdefault(s.id, [s.id, s.start, s.end, s.code_id, s.coder, s.memo])
    return list(seen.values())


def _side_codes(usage: dict[str, CodeUsage], tree: list[CodeNode], shortcuts: list[str | None]
                ) -> list[dict[str, Any]]:
    keys = {cid: n for n, cid in enumerate(shortcuts, start=1) if cid}
    return [{"id": n.code.id, "i": i, "name": n.code.name, "path": n.path, "depth": n.depth,
             "key_no": keys.get(n.code.id), "count": usage[n.code.id].segments if n.code.id in usage else 0}
            for i, n in enumerate(tree)]


@router.get("/sources/{source_id}", response_class=HTMLResponse, include_in_schema=False)
def source_page(request: Request, source_id: str, coder: str | None = None,
                compare: str | None = None) -> HTMLResponse:
    proj = project_of(request)
    src = get_source(proj, source_id)
    rows = rows_of(src.text, get_turns(proj, src.id))
    tree = code_tree(proj)
    index = {n.code.id: i for i, n in enumerate(tree)}
    coder = coder or None
    compare = asked = compare or None
    error = ""
    try:
        columns, names = _columns(proj, src.id, coder, compare)
    except InputError as exc:  # the page stays, with the filters as chosen and the reason beside them
        error, compare = str(exc), None
        columns, names = _columns(proj, src.id, coder, None)
    usage = code_usage(proj)
    quick = quick_codes(proj)
    shortcuts = list(quick.codes)
    codes = [{"id": n.code.id, "key": n.code.key, "name": n.code.name, "path": n.path, "i": i, "depth": n.depth}
             for i, n in enumerate(tree)]
    data = {
        "source": {"id": src.id, "name": src.name}, "coder": proj.coder_name, "codes": codes,
        "shortcuts": shortcuts, "pinned": quick.chosen, "recent": recent_codes(proj),
        "segs": _seg_rows(columns), "filter": {"coder": coder, "compare": compare},
        "msg": js_text(request, JS_MESSAGES),
        "may_create": can(proj, "manage"),  # a coder is not offered "Create code", which the server refuses
    }
    return page(request, "source.html", {
        "source": src, "rows": render_rows(src.text, rows, columns, index, column_names=names),
        "n_rows": len(rows), "n_turns": sum(r.number is not None for r in rows),
        "coders": _visible_coders(proj, src.id), "filter_coder": coder or "",
        "compare": asked or "", "columns": names, "data": json_script(data), "error": error,
        "side_codes": _side_codes(usage, tree, shortcuts), "deid_applied": has_deidentified(proj),
        "held": _held(proj, src.id), "may_release": can(proj, "manage"),
    })


def _visible_coders(proj: Project, source_id: str) -> list[str]:
    """The coders the menus offer: during a blind round, only those whose codings of this source the
    acting coder may see (naming the others would say who else coded it)."""
    with proj.store.read() as conn:
        seen = sight(proj, conn)
    return [c.name for c in proj.coders() if seen.sees(c.name, source_id)]


@router.get("/sources/{source_id}/rows", include_in_schema=False)
def source_rows(request: Request, source_id: str, start: int, end: int, coder: str | None = None,
                compare: str | None = None) -> JSONResponse:
    """The re-rendered rows that touch ``start:end`` and the codings on them (after a change)."""
    proj = project_of(request)
    src = get_source(proj, source_id)
    rows: list[Row] = [r for r in rows_of(src.text, get_turns(proj, src.id)) if r.start < end and r.end > start]
    if not rows:
        return reply({"html": "", "start": start, "end": end, "segs": []})
    lo, hi = rows[0].start, rows[-1].end
    columns, names = _columns(proj, src.id, coder or None, compare or None)
    index = {n.code.id: i for i, n in enumerate(code_tree(proj))}
    html = render_rows(src.text, rows, columns, index, column_names=names)
    segs = [s for s in _seg_rows(columns) if s[1] < hi and s[2] > lo]
    return reply({"html": str(html), "start": lo, "end": hi, "segs": segs})


@router.get("/api/sources", summary="The sources by name (without their texts)",
            description="All of them, or ``limit`` at a time: then the ``X-Next-Cursor`` header of a page holds "
                        "the cursor of the next one (pass it as ``after``).")
def api_sources(request: Request, limit: int | None = None, after: str | None = None) -> JSONResponse:
    proj = project_of(request)
    if limit is None and after is None:
        return reply(list_sources(proj))
    limit = max(1, min(limit or 1000, 10000))
    return paged(list_sources(proj, limit=limit + 1, after=after), limit, source_cursor)


@router.get("/api/sources/{source_id}", summary="One source with its text and speaker turns")
def api_source(request: Request, source_id: str) -> JSONResponse:
    proj = project_of(request)
    src = get_source(proj, source_id)
    return reply({"id": src.id, "name": src.name, "language": src.language, "length": src.length,
                  "text": src.text, "turns": get_turns(proj, src.id), "held": _held(proj, src.id)})


@router.post("/api/sources/{source_id}/release", summary="Release a source held for de-identification (managers)",
             description="A source imported into a de-identified project is held from coders and viewers until its "
                         "de-identification is applied; a manager may release one that names no one, with a reason "
                         "(kept in the event log).")
def api_release(request: Request, source_id: str, body: Release) -> JSONResponse:
    return reply({"released": release_source(project_of(request), source_id, body.reason)})


@router.post("/api/sources/{source_id}/hold", summary="Hold a source for de-identification by hand (managers)",
             description="From then on coders and viewers do not see it, and reports, exports and coders' copies "
                         "are refused, until its de-identification is applied or a manager releases it; the reason "
                         "is kept in the event log with the actor.")
def api_hold(request: Request, source_id: str, body: Hold) -> JSONResponse:
    return reply({"held": hold_source(project_of(request), source_id, body.reason)})


@router.get("/api/sources/{source_id}/segments", summary="The codings of one source, for display")
def api_source_segments(request: Request, source_id: str, coder: str | None = None) -> JSONResponse:
    return reply(source_segments(project_of(request), source_id, coders=[coder] if coder else None))
