"""The de-identification audit in the workbench (audit24, issue #11): one page for an ethics board, ``/deid/audit``,
and its data, ``GET /api/deid/audit`` (:func:`makna.privacy.audit.deid_audit`): per source and in total, the
identifiers of each type found, accepted, rejected, added by hand, pending and replaced; the free-text fields
covered; the de-identification events with their actors and times; the key's id and the surrogate policy. Managers
only (a coder or a viewer gets 403, with what the page is: :mod:`makna.web.read_refusals`); never an original,
a surrogate or a key. Read only: it logs nothing."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse

from ..access import require
from ..privacy.audit import DeidAudit, deid_audit
from ..privacy.audit_render import region_label
from ..project import Project
from .deid_text import type_names
from .deps import lang_of, page, project_of, reply
from .events_text import EVENT_NAMES, OTHER_EVENT
from .read_refusals import refuse_reading

__all__ = ["router", "audit_of"]

router = APIRouter(tags=["de-identification"])


def audit_of(project: Project) -> DeidAudit:
    """The audit of ``project`` for a manager (:class:`makna.errors.PermissionDeniedError` for anyone else)."""
    require(project, "manage")
    return deid_audit(project)


@router.get("/api/deid/audit", summary="What de-identification did: counts by type, events, key id, policy (managers)")
def api_audit(request: Request) -> JSONResponse:
    refuse_reading(project_of(request), "manage", "audit")
    return reply(audit_of(project_of(request)).as_dict())


@router.get("/deid/audit", response_class=HTMLResponse, include_in_schema=False)
def audit_page(request: Request) -> HTMLResponse:
    refuse_reading(project_of(request), "manage", "audit")
    audit = audit_of(project_of(request))
    codes = {s.region for s in audit.sources} | {audit.policy.region}
    regions = {code: region_label(code) for code in codes if code}
    return page(
        request,
        "deid_audit.html",
        {"audit": audit, "type_names": type_names(lang_of(request)), "regions": regions, "event_names": EVENT_NAMES,
         "other_event": OTHER_EVENT},
    )
