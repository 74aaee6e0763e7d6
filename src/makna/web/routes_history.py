"""Undo and redo through the API (the workbench's Ctrl+Z and Ctrl+Shift+Z): :mod:`makna.history`."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from ..history import Step, redo, undo
from .deps import lang_of, project_of
from .events_text import describe_event
from .i18n import translations

__all__ = ["router", "StepsRequest"]

router = APIRouter(prefix="/api", tags=["history"])


class StepsRequest(BaseModel):
    steps: int = Field(default=1, ge=1, le=100)


def _label(step: Step, lang: str) -> str:
    """What the step did, in the page's language (the activity list's phrases: "coded a segment")."""
    tr = translations(lang)
    parts = list(dict.fromkeys(tr.gettext(describe_event(a)) for a in step.actions))
    return ", ".join(parts[:3]) + (" …" if len(parts) > 3 else "")


def _steps(done: list[Step], lang: str) -> JSONResponse:
    """Each step: ``description`` (English, from the core) and ``label`` (translated, for the page)."""
    return JSONResponse({"steps": [{"id": s.id, "description": s.description, "label": _label(s, lang),
                                    "at": s.at.isoformat()} for s in done]})


@router.post("/undo", summary="Undo the workbench coder's latest change(s)")
def api_undo(request: Request, body: StepsRequest | None = None) -> JSONResponse:
    return _steps(undo(project_of(request), (body or StepsRequest()).steps), lang_of(request))


@router.post("/redo", summary="Redo the workbench coder's latest undone change(s)")
def api_redo(request: Request, body: StepsRequest | None = None) -> JSONResponse:
    return _steps(redo(project_of(request), (body or StepsRequest()).steps), lang_of(request))
