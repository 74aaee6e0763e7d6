"""Code suggestions in the workbench (:mod:`makna.suggest`): the review queue page (accept / reject by
keyboard), the reliability of each code and why a code is not suggested, and the JSON API the queue and
the source view's suggestion panel (``static/suggest-source.js``) use."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, Field

from ..suggest import DEFAULT_CONFIDENCE, DEFAULT_KAPPA, decide, last_run, pending, run
from .deps import js_text, page, project_of, reply
from .render import json_script

__all__ = ["router", "JS_MESSAGES", "RunRequest", "DecisionRequest", "QUEUE_SIZE"]

router = APIRouter(tags=["suggestions"])

QUEUE_SIZE = 200
JS_MESSAGES = ("Accepted", "Rejected", "Skipped", "Could not save", "Suggesting…", "suggestions made",
               "No pending suggestions.", "Suggestions for this source", "a accept · r reject · s skip")


class RunRequest(BaseModel):
    unit: Literal["turn", "sentence", "paragraph"] = "turn"
    sources: list[str] | None = None
    codes: list[str] | None = None
    min_confidence: float = Field(default=DEFAULT_CONFIDENCE, ge=0.0, le=1.0)
    kappa: float = Field(default=DEFAULT_KAPPA, ge=-1.0, le=1.0)
    allow_unmeasured: bool = False


class DecisionRequest(BaseModel):
    decision: Literal["accept", "reject"]


def _reliability_rows(record: dict[str, Any] | None) -> list[dict[str, Any]]:
    if not record:
        return []
    rows: list[dict[str, Any]] = list(record.get("reliability", {}).get("codes", []))
    return sorted(rows, key=lambda r: (not r.get("suggested"), str(r.get("code"))))


@router.get("/suggest", response_class=HTMLResponse, include_in_schema=False)
def suggest_page(request: Request, source: str = "", code: str = "") -> HTMLResponse:
    proj = project_of(request)
    queue = pending(proj, source=source or None, code=code or None, limit=QUEUE_SIZE)
    record = last_run(proj)
    return page(request, "suggest.html", {
        "queue": queue, "record": record, "rows": _reliability_rows(record), "q": {"source": source, "code": code},
        "data": json_script({"msg": js_text(request, JS_MESSAGES)}),
    })


@router.get("/api/suggestions", summary="Suggestions (default: pending), most confident first")
def api_list(request: Request, source: str | None = None, code: str | None = None,
             state: Literal["pending", "accepted", "rejected"] = "pending") -> JSONResponse:
    return reply([s.as_dict() for s in pending(project_of(request), source=source, code=code, state=state)])


@router.post("/api/suggestions/run", summary="Train on the project and suggest codes for uncoded units")
def api_run(request: Request, body: RunRequest) -> JSONResponse:
    result = run(project_of(request), unit=body.unit, sources=body.sources or None, codes=body.codes or None,
                 min_confidence=body.min_confidence, kappa=body.kappa, allow_unmeasured=body.allow_unmeasured)
    return reply({"model": result.model, "created": result.created, "candidates": result.candidates,
                  "trained_on": result.trained_on, "withheld": result.withheld})


@router.post("/api/suggestions/{suggestion_id}", summary="Accept or reject a pending suggestion")
def api_decide(request: Request, suggestion_id: str, body: DecisionRequest) -> JSONResponse:
    return reply(decide(project_of(request), suggestion_id, body.decision).as_dict())


@router.get("/api/suggestions/messages", summary="The suggestion panel's messages in the workbench language")
def api_messages(request: Request) -> JSONResponse:
    return reply(js_text(request, JS_MESSAGES))


@router.get("/api/suggestions/reliability", summary="The latest run's per-code reliability and withheld codes")
def api_reliability(request: Request) -> JSONResponse:
    return reply(last_run(project_of(request)) or {})
