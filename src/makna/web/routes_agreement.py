"""Inter-coder agreement on the project's coding: per-code and pooled coefficients on the unit the
researcher chooses, the listing of units where coders differ (with links to the place in the
source), and the bulk resolution that records agreed codings under a consensus coder
(:mod:`makna.agreement`)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, Field

from ..agreement import (
    CONSENSUS,
    RULES,
    UNIT_KINDS,
    AgreementScope,
    list_disagreements,
    project_agreement,
    resolve_bulk,
)
from ..codebook import code_tree
from ..errors import MaknaError
from ..rounds import round_scope
from ..sources import list_sources
from .deps import js_text, lang_of, page, project_of, reply
from .errors_i18n import translate_error, unit_label
from .render import json_script

__all__ = ["router", "JS_MESSAGES", "ResolveRequest", "SHOWN_DISAGREEMENTS", "coefficient_class"]

router = APIRouter(tags=["agreement"])

Names = Annotated[list[str] | None, Query()]
SHOWN_DISAGREEMENTS = 300
TEXT_CLIP = 400
JS_MESSAGES = ("Resolving…", "Consensus codings recorded", "would be recorded", "already there, skipped",
               "Could not resolve")


class ResolveRequest(BaseModel):
    """Apply a rule to every unit of the scope and record the result under the consensus coder."""

    unit: str = "sentence"
    coders: list[str] | None = None
    codes: list[str] | None = None
    descendants: bool = False
    threshold: float | None = Field(default=None, gt=0, le=1)
    rule: str = "agreed"
    accept: str | None = None
    consensus: str = Field(default=CONSENSUS, min_length=1, max_length=200)
    dry_run: bool = False


def coefficient_class(value: float | None) -> str:
    """A rough reading of a coefficient for colouring (Krippendorff's 0.800 and 0.667 marks)."""
    if value is None:
        return "undefined"
    return "good" if value >= 0.8 else "fair" if value >= 0.667 else "poor"


def _split(names: list[str] | None) -> list[str] | None:
    """Repeated parameters (``coders=ana&coders=budi``) or one list as the command line takes it
    (``coders=ana,budi``), or both: coders, codes and coefficients alike."""
    out = [n.strip() for v in names or () for n in v.split(",") if n.strip()]
    return out or None


def _scope(unit: str, coders: list[str] | None, codes: list[str] | None, descendants: bool,
           threshold: float | None) -> AgreementScope:
    return AgreementScope(unit=unit, coders=_split(coders), codes=_split(codes), descendants=descendants,
                          threshold=threshold)


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TEXT_CLIP else text[:TEXT_CLIP - 1] + "…"


@router.get("/agreement", response_class=HTMLResponse, include_in_schema=False)
def agreement_page(request: Request, unit: str = "sentence", coders: Names = None,
                   codes: Names = None, descendants: bool = False, threshold: str = "",
                   run: bool = False, round_name: str = Query("", alias="round", max_length=200)) -> HTMLResponse:
    """The agreement page; ``round``: a closed round's scope (its sources, its coders and the codings made during
    it, as ``makna round agreement`` and ``/api/rounds/NAME/agreement`` compare them), the coders not chosen."""
    proj = project_of(request)
    tree = code_tree(proj)
    all_coders = [c.name for c in proj.coders()]
    ctx: dict[str, Any] = {
        "units": UNIT_KINDS, "rules": RULES, "all_coders": all_coders, "tree": tree, "consensus": CONSENSUS,
        "q": {"unit": unit, "coders": _split(coders) or [c for c in all_coders if c != CONSENSUS],
              "codes": _split(codes) or [],
              "descendants": descendants, "threshold": threshold},
        "asked": run, "error": "", "result": None, "listing": None, "klass": coefficient_class, "round": round_name,
        "unit_label": lambda label: unit_label(label, lang_of(request)),
        "why": lambda reason: translate_error(reason, lang_of(request)),
        "data": json_script({"msg": js_text(request, JS_MESSAGES)}),
    }
    if run:
        try:
            limit = float(threshold) if threshold.strip() else None
            scope = _scope(unit, coders, codes, descendants, limit)
            if round_name:
                scope = round_scope(proj, round_name, unit=unit, codes=scope.codes, descendants=descendants,
                                    threshold=limit)
                ctx["q"]["coders"] = scope.coders or []
            result = project_agreement(proj, scope)
            listing = list_disagreements(proj, scope)
            names = {n.code.key: n.code.name for n in tree}
            ids = {s.name: s.id for s in list_sources(proj)}
            ctx.update(result=result, listing=listing, names=names, source_ids=ids,
                       rows=[(r, _clip(r.text)) for r in listing.rows[:SHOWN_DISAGREEMENTS]])
        except (MaknaError, ValueError) as exc:
            ctx["error"] = translate_error(str(exc) if isinstance(exc, MaknaError)
                                           else f"threshold {threshold!r}: not a number", lang_of(request))
    return page(request, "agreement.html", ctx)


@router.get("/api/agreement", summary="Agreement per code and pooled, on the chosen units")
def api_agreement(request: Request, unit: str = "characters", coders: Names = None,
                  codes: Names = None, descendants: bool = False, threshold: float | None = None,
                  coefficients: Names = None) -> JSONResponse:
    result = project_agreement(project_of(request), _scope(unit, coders, codes, descendants, threshold),
                               coefficients=_split(coefficients))
    return reply({**result.to_dict(), "rows": result.rows()})


@router.get("/api/agreement/disagreements", summary="Every unit where the coders differ")
def api_disagreements(request: Request, unit: str = "characters", coders: Names = None,
                      codes: Names = None, descendants: bool = False,
                      threshold: float | None = None) -> JSONResponse:
    listing = list_disagreements(project_of(request), _scope(unit, coders, codes, descendants, threshold))
    return reply({"unit": listing.unit, "coders": listing.coders, "codes": listing.codes,
                  "sources": listing.sources, "rows": listing.rows})


@router.post("/api/agreement/resolve", summary="Record agreed codings under the consensus coder (bulk rule)")
def api_resolve(request: Request, body: ResolveRequest) -> JSONResponse:
    res = resolve_bulk(project_of(request), _scope(body.unit, body.coders, body.codes, body.descendants,
                                                  body.threshold),
                       rule=body.rule, accept=body.accept or None, consensus=body.consensus, dry_run=body.dry_run)
    return reply({"rule": res.rule, "consensus": res.consensus, "created": res.created,
                  "skipped_duplicates": res.skipped_duplicates, "segments": len(res.segments),
                  "dry_run": body.dry_run})
