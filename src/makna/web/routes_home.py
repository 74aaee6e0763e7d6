"""The project home page, the generated code colour stylesheet, project info and the event log."""

from __future__ import annotations

import re
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from ..cases import list_cases
from ..codebook import code_tree
from ..memos import events
from ..paging import decode_cursor, encode_cursor
from ..rounds import visible_coders
from ..sources import count_sources, list_sources, source_cursor
from ..views import code_usage, codings_with_descendants, segments_per_source
from .deps import page, paged, plain, project_of, reply
from .events_text import describe_event

__all__ = ["router", "HOME_SOURCES"]

router = APIRouter()

#: Sources listed on the home page at a time (the rest page by cursor), so that it costs the same at any size.
HOME_SOURCES = 50


def _rgb(color: str) -> tuple[int, int, int]:
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


@router.get("/codes.css", include_in_schema=False)
def codes_css(request: Request) -> Response:
    """One colour class per code (``k<i>``, codebook order): highlight, stripe and chip colours.
    Colours are checked ``#RRGGBB`` by the core, so they are safe inside CSS."""
    lines = []
    for i, node in enumerate(code_tree(project_of(request))):
        r, g, b = _rgb(node.code.color)
        lines.append(f".hl.k{i}{{background-color:rgba({r},{g},{b},.28)}}"
                     f".hl.k{i}.flash,.hl.k{i}.sel{{background-color:rgba({r},{g},{b},.55)}}"
                     f".stripe.k{i},.chip.k{i}{{background-color:#{r:02X}{g:02X}{b:02X}}}")
    return Response("\n".join(lines), media_type="text/css")


_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def _event_detail(payload: dict[str, Any], names: dict[str, str]) -> str:
    """What the event was about: a name or key from its payload; a code id shows as the code's name
    and any other id is left out."""
    for key in ("name", "key", "source", "target"):
        value = payload.get(key)
        if isinstance(value, str) and value:
            if _ID.match(value):
                if value in names:
                    return names[value]
                continue
            return value
    return ""


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def home(request: Request, after: str = "") -> HTMLResponse:
    proj = project_of(request)
    usage = code_usage(proj)
    tree = code_tree(proj)
    listed = list_sources(proj, limit=HOME_SOURCES + 1, after=after or None)
    sources = listed[:HOME_SOURCES]
    n_sources = count_sources(proj)
    following = source_cursor(sources[-1]) if len(listed) > HOME_SOURCES else ""
    codings = segments_per_source(proj, [s.id for s in sources])
    names = {n.code.id: n.code.name for n in tree}
    recent = [{"at": e.at, "actor": e.actor, "what": describe_event(e.action),
               "detail": _event_detail(e.payload, names)} for e in events(proj, limit=15)]
    totals = codings_with_descendants(tree, usage)
    top = sorted(tree, key=lambda n: -totals[n.code.id])[:8]
    return page(request, "home.html", {
        "sources": sources, "n_sources": n_sources, "cases": list_cases(proj), "tree": tree, "usage": usage,
        "top": top, "totals": totals, "more_sources": count_sources(proj, after=following) if following else 0,
        "next_sources": following,
        "codings": codings, "total_segments": sum(u.segments for u in usage.values()), "recent": recent,
    })


@router.get("/api/project", summary="Project name, counts and the current coder")
def api_project(request: Request) -> JSONResponse:
    proj = project_of(request)
    info = proj.info()
    usage = code_usage(proj)
    return reply({"id": info.id, "name": info.name, "coder": proj.coder_name, "sources": count_sources(proj),
                  "cases": len(list_cases(proj)), "codes": len(code_tree(proj)),
                  "segments": sum(u.segments for u in usage.values()), "coders": visible_coders(proj)})


@router.get("/api/events", summary="The newest entries of the event log",
            description="Newest first, ``limit`` at a time; the ``X-Next-Cursor`` header of a page holds the "
                        "cursor of the next (older) one: pass it as ``after``.")
def api_events(request: Request, limit: int = 50, after: str | None = None) -> JSONResponse:
    limit = max(1, min(limit, 1000))
    before = decode_cursor("events", after, (int,))[0] if after else None
    rows = events(project_of(request), limit=limit + 1, before=before)
    return paged([plain(e) for e in rows], limit, lambda e: encode_cursor("events", [e["id"]]))
