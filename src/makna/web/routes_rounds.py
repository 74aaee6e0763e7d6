"""Coding rounds in the workbench: the rounds page, and the API to open and close a round, see its
agreement and build its consensus layer (the core is :mod:`makna.rounds`)."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, Field

from ..access import can
from ..agreement import project_agreement
from ..errors import MaknaError
from ..rounds import Round, close_round, join_round, list_rounds, may_manage, open_round, round_consensus, round_scope
from ..sources import list_sources
from .deps import js_text, page, plain, project_of, reply
from .render import json_script

__all__ = ["router", "NewRound", "RoundConsensus"]

router = APIRouter(tags=["rounds"])

JS_MESSAGES = ("Round opened", "Round closed", "You code blind in this round", "Consensus codings recorded",
               "Could not save")


class NewRound(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    blind: bool = True
    sources: list[str] = Field(default_factory=list, description="source names or ids; none: every source")


class RoundConsensus(BaseModel):
    rule: str = "agreed"
    unit: str = "sentence"
    accept: str | None = None
    dry_run: bool = False


def _agreement_link(request: Request, rnd: Round) -> str:
    """The agreement page for the round's scope: its sources, coders and the codings made during it ('' while it
    cannot be shown)."""
    try:
        round_scope(project_of(request), rnd.id, unit="sentence")
    except MaknaError:
        return ""
    return "/agreement?" + urlencode([("unit", "sentence"), ("run", "1"), ("round", rnd.name)])


@router.get("/rounds", response_class=HTMLResponse, include_in_schema=False)
def rounds_page(request: Request) -> HTMLResponse:
    proj = project_of(request)
    rounds = list_rounds(proj)
    names = {s.id: s.name for s in list_sources(proj)}
    rows = [{"round": r, "sources": [names.get(s, s) for s in r.sources],
             "agreement": "" if r.is_open else _agreement_link(request, r)} for r in reversed(rounds)]
    current = next((r for r in rounds if r.is_open), None)
    return page(request, "rounds.html", {
        "rows": rows, "open": current, "sources": sorted(names.values()),
        "may_manage": can(proj, "manage"),
        # a manager may take part in the open blind round as a blind coder (#5); one who did is told so
        "may_join": current is not None and current.blind and proj.actor not in current.blind_coders
        and may_manage(proj, proj.actor, current),
        "joined": current is not None and current.blind and proj.actor in current.blind_coders,
        "data": json_script({"msg": js_text(request, JS_MESSAGES)}),
    })


@router.get("/api/rounds", summary="Every coding round, oldest first")
def api_rounds(request: Request) -> JSONResponse:
    return reply(list_rounds(project_of(request)))


@router.post("/api/rounds", status_code=201, summary="Open a coding round (blind: coders do not see each other)")
def api_open_round(request: Request, body: NewRound) -> JSONResponse:
    return reply(open_round(project_of(request), body.name, blind=body.blind, sources=body.sources), 201)


@router.post("/api/rounds/{name}/close", summary="Close a round: every coding is visible again")
def api_close_round(request: Request, name: str) -> JSONResponse:
    return reply(close_round(project_of(request), name))


@router.post("/api/rounds/{name}/join", summary="Take part in the open blind round as a blind coder (a manager)")
def api_join_round(request: Request, name: str) -> JSONResponse:
    return reply(join_round(project_of(request), name))


@router.get("/api/rounds/{name}/agreement", summary="Agreement of a closed round (its sources and coders)")
def api_round_agreement(request: Request, name: str, unit: str = "sentence") -> JSONResponse:
    proj = project_of(request)
    return reply(plain(project_agreement(proj, round_scope(proj, name, unit=unit))))


@router.post("/api/rounds/{name}/consensus", summary="Build a closed round's consensus layer with a rule")
def api_round_consensus(request: Request, name: str, body: RoundConsensus) -> JSONResponse:
    res = round_consensus(project_of(request), name, rule=body.rule, accept=body.accept, dry_run=body.dry_run,
                          unit=body.unit)
    return reply({"rule": res.rule, "consensus": res.consensus, "created": res.created,
                  "skipped_duplicates": res.skipped_duplicates})
