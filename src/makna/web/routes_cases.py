"""Cases: an editable table of attribute values, links between cases and sources."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field, SecretStr

from ..access import can
from ..cases import (
    ATTRIBUTE_TYPES,
    add_case,
    define_attribute,
    delete_case,
    link_source,
    list_attributes,
    list_cases,
    list_links,
    set_values,
    unlink_source,
)
from ..errors import InputError
from ..sources import list_sources
from ..withdraw import WithdrawReport, speaker_labels, withdraw_participant
from .deps import js_text, page, project_of, reply, server_project_of
from .render import json_script
from .routes_deid import server_key

__all__ = ["router", "NewCase", "CaseValues", "NewAttribute", "NewLink", "Withdrawal"]

router = APIRouter(tags=["cases"])

JS_MESSAGES = ("Saved", "Could not save", "Unlink this source?",
               "Remove every turn of this participant, with the codings inside them, for good? It cannot be undone.",
               "Withdrawn for good", "turn(s)", "coding(s) deleted", "case(s) removed", "texts quote her: review them",
               "its recording still holds her voice (makna edits no audio or video): cut or delete it",
               "original(s) of hers left the key file")


class NewCase(BaseModel):
    name: str = Field(min_length=1, max_length=500)
    description: str = ""
    values: dict[str, Any] = Field(default_factory=dict)


class CaseValues(BaseModel):
    values: dict[str, Any]
    version: int | None = None  # the version the edit was made from: a case changed since gets 409


class NewAttribute(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    type: str = "text"
    description: str = ""


class NewLink(BaseModel):
    source: str = Field(min_length=1, description="source id or name")
    start: int | None = Field(default=None, ge=0)
    end: int | None = Field(default=None, gt=0)


class Withdrawal(BaseModel):
    speaker: str = Field(min_length=1, max_length=200)
    sources: list[str] = Field(default_factory=list, description="source ids or names; empty: every source")
    confirm: str = Field(description="the speaker label typed again")
    passphrase: SecretStr | None = Field(default=None, description="a de-identified project on a team server that "
                                         "keeps its key (a web apply put it in the key folder): the key's "
                                         "passphrase, so that her originals leave the key too; never stored")


#: The refusal's remedy on a team server that keeps the project's key, and on one that does not.
_TYPE_PASSPHRASE = "(type the passphrase of the project's key, which this server keeps, in the form)"
_NO_KEY = ("(this server keeps no key of this project: its administrator starts it with 'makna server run --key-dir "
           "DIR' and de-identifies on the De-identify page; a project de-identified on the command line is withdrawn "
           "there: 'makna sources withdraw SPEAKER --purge --key FILE')")


def _withdraw(request: Request, body: Withdrawal) -> WithdrawReport:
    """The withdrawal, with the key the team server keeps in its key folder when the form gave its passphrase."""
    proj = project_of(request)
    secret = body.passphrase.get_secret_value() if body.passphrase is not None else ""
    if server_project_of(request) is None:  # the local workbench: the researcher's own command line holds the key
        return withdraw_participant(proj, body.speaker, body.sources or None)
    key = server_key(request)
    if key is None:
        if secret:
            raise InputError(f"a passphrase was given, but {_NO_KEY[1:-1]}")
        return withdraw_participant(proj, body.speaker, body.sources or None, key_needed=_NO_KEY)
    if not secret:
        return withdraw_participant(proj, body.speaker, body.sources or None, key_needed=_TYPE_PASSPHRASE)
    return withdraw_participant(proj, body.speaker, body.sources or None, key_path=key, passphrase=secret,
                                key_needed=_TYPE_PASSPHRASE)


def _cases_json(request: Request, sources: list[Any] | None = None) -> list[dict[str, Any]]:
    proj = project_of(request)
    names = {s.id: s.name for s in (list_sources(proj) if sources is None else sources)}
    links: dict[str, list[dict[str, Any]]] = {}
    for link in list_links(proj):
        links.setdefault(link.case_id, []).append({"source_id": link.source_id, "source": names.get(link.source_id),
                                                   "start": link.start, "end": link.end})
    return [{"id": c.id, "name": c.name, "description": c.description, "values": c.values,
             "links": links.get(c.id, []), "version": c.version} for c in list_cases(proj)]


@router.get("/cases", response_class=HTMLResponse, include_in_schema=False)
def cases_page(request: Request) -> HTMLResponse:
    proj = project_of(request)
    sources = list_sources(proj)
    return page(request, "cases.html", {
        "cases": _cases_json(request, sources), "attributes": list_attributes(proj), "sources": sources,
        "types": ATTRIBUTE_TYPES, "may_manage": can(proj, "manage"), "speakers": speaker_labels(proj),
        "key_kept": server_key(request) is not None,
        "data": json_script({"msg": js_text(request, JS_MESSAGES)}),
    })


@router.get("/api/cases", summary="Cases with their attribute values and linked sources")
def api_cases(request: Request) -> JSONResponse:
    return reply(_cases_json(request))


@router.post("/api/cases", status_code=201, summary="Add a case")
def api_add_case(request: Request, body: NewCase) -> JSONResponse:
    return reply(add_case(project_of(request), body.name, body.description, values=body.values), 201)


@router.delete("/api/cases/{case_id}", status_code=204, summary="Delete a case")
def api_delete_case(request: Request, case_id: str) -> Response:
    delete_case(project_of(request), case_id)
    return Response(status_code=204)


@router.put("/api/cases/{case_id}/values", summary="Set (or with empty values clear) attribute values")
def api_case_values(request: Request, case_id: str, body: CaseValues) -> JSONResponse:
    return reply(set_values(project_of(request), case_id, body.values, expected_version=body.version))


@router.post("/api/attributes", status_code=201, summary="Define a case attribute")
def api_attribute(request: Request, body: NewAttribute) -> JSONResponse:
    return reply(define_attribute(project_of(request), body.name, body.type, body.description), 201)


@router.post("/api/cases/{case_id}/links", status_code=201, summary="Link a source (or a span of it) to a case")
def api_link(request: Request, case_id: str, body: NewLink) -> JSONResponse:
    return reply(link_source(project_of(request), case_id, body.source, body.start, body.end), 201)


@router.delete("/api/cases/{case_id}/links/{source_id}", summary="Unlink a source from a case")
def api_unlink(request: Request, case_id: str, source_id: str) -> JSONResponse:
    return reply({"removed": unlink_source(project_of(request), case_id, source_id)})


@router.post("/api/participants/withdraw", summary="Remove every turn of one participant for good (she withdrew)")
def api_withdraw(request: Request, body: Withdrawal) -> JSONResponse:
    if body.confirm.strip().casefold() != body.speaker.strip().casefold():
        raise InputError("type the participant's speaker label again to confirm the withdrawal")
    report = _withdraw(request, body)
    return reply({"sources": report.sources, "turns": report.turns, "codings_deleted": report.codings_deleted,
                  "codings_cut": report.codings_cut, "codings_moved": report.codings_moved, "cases": report.cases,
                  "compacted": report.compacted, "recordings": report.recordings,
                  "key_originals": report.key_originals,
                  "quotes": [{"where": q.where, "label": q.label, "command": q.command} for q in report.quotes]})
