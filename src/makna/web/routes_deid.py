"""De-identification: the state of each source, the review of detections (accept, reject, accept all,
mark a missed span by selecting it), and applying the decisions with an encrypted key file
(:mod:`makna.privacy.project` and :mod:`makna.privacy.project_apply`).

The passphrase travels only in the body of ``POST /api/deid/apply``; it is never put in a URL, never
written back into a page or a reply, and never logged. Re-identification (``makna deid reveal``)
stays on the command line: the workbench never shows an original text after it was replaced.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, Field, SecretStr

from ..access import can
from ..errors import InputError
from ..privacy import PII_TYPES
from ..privacy.outside import originals_on_disk
from ..privacy.project import (
    ReviewEntry,
    add_field_detection,
    decide,
    decide_all,
    deid_status,
    field_entries,
    pending_but_confirmed,
    review_entries,
    scan,
)
from ..privacy.project_apply import apply, key_risks
from ..privacy.project_review import add_identifier, field_review, rejected_but_confirmed, revise_detection
from ..privacy.regions import PROVINCES
from ..sources import get_source, list_sources
from ..views import segments_per_source
from .deid_text import type_names
from .deps import js_text, lang_of, page, project_of, reply, server_project_of
from .errors_i18n import key_refusal, translate_error
from .render import json_script
from .routes_deid_copies import copy_rows, makes_copies

__all__ = ["router", "JS_MESSAGES", "PAGE_SIZE", "ScanRequest", "Decision", "DecideAll", "NewDetection",
           "NewFieldDetection", "ApplyRequest", "text_pieces", "DetectionEdit", "server_key"]

router = APIRouter(tags=["de-identification"])

PAGE_SIZE = 200
MAX_PAGE_SIZE = 2000
MODES = ("surrogate", "tag", "mask")
JS_MESSAGES = ("Coder's copy made",
               "Scanning…", "Scan finished", "Saved", "Could not save", "Accept every pending detection?",
               "Reject every pending detection?", "Accept every pending detection with a confidence of at least",
               "Reject every pending detection with a confidence of at least",
               "The passphrases differ", "De-identifying…", "De-identified",
               "replacements", "Could not de-identify", "Select the missed identifier in the text first",
               "pending", "accepted", "rejected", "detections", "new",
               "found again: the same name or number as an identifier found or accepted in another source. They "
               "wait for your review below: accept each one that identifies someone here too (Accept all pending "
               "takes them all), or it stays as written", "edited", "added", "Edited",
               "Select the identifier inside this detection's context first",
               "marked", "left: they overlap a detection under review", "Undone", "Nothing to undo",
               "identifiers you accepted elsewhere, found again, were left pending: accept them",
               "Use selection", "Save", "Cancel", "Start: a word to the left", "Start: a word to the right",
               "End: a word to the left", "End: a word to the right", "Type", "Edit the span or the type",
               "No more detections on this page", "Select the missed identifier in the value first",
               "Outside the project nothing changed: the files you imported, and reports, exports and copies of "
               "the project written before this apply, still hold the original text. Delete them, or keep them "
               "as safely as the key", "here", "Left out (coded, as imported)")


class ScanRequest(BaseModel):
    """Scan ``sources`` (names or ids; default: every source not yet de-identified)."""

    sources: list[str] | None = None
    types: list[str] | None = None


class Decision(BaseModel):
    ids: list[str] = Field(min_length=1, description="detection ids N:I")
    status: Literal["accepted", "rejected"]


class TrustRequest(BaseModel):
    source: str = Field(min_length=1, max_length=1000, description="the source (name or id) whose claim was checked")


class DecideAll(BaseModel):
    status: Literal["accepted", "rejected"]
    source: str | None = None
    types: list[str] | None = None
    min_confidence: float = Field(default=0.0, ge=0.0, le=1.0)


class NewDetection(BaseModel):
    """An identifier the detectors missed: ``text[start:end]`` of ``source`` (code points)."""

    source: str = Field(min_length=1)
    start: int = Field(ge=0)
    end: int = Field(gt=0)
    type: str = Field(min_length=1)
    also: Literal["none", "source", "all"] = Field(default="none", description="also mark every other "
                                                   "occurrence of the string in this source or in all sources")


class NewFieldDetection(BaseModel):
    """An identifier the detectors missed in a scanned free-text field value: ``value[start:end]`` of
    field ``fN`` (as ``GET /api/deid/fields`` and ``makna deid fields`` list them; code points)."""

    field: str = Field(pattern=r"^[fF][0-9]+$", max_length=20)
    start: int = Field(ge=0)
    end: int = Field(gt=0)
    type: str = Field(min_length=1)


class DetectionEdit(BaseModel):
    """A corrected span (``start``/``end``, or the ``text`` nearest the detection, then moved by whole
    words with ``start_by``/``end_by``) and/or ``type``; what is not given stays."""

    start: int | None = Field(default=None, ge=0)
    end: int | None = Field(default=None, gt=0)
    text: str | None = Field(default=None, min_length=1, max_length=1000)
    start_by: int = Field(default=0, ge=-20, le=20)
    end_by: int = Field(default=0, ge=-20, le=20)
    type: str | None = None


class ApplyRequest(BaseModel):
    """Replace the reviewed identifiers; the key goes, encrypted with ``passphrase``, to ``key_path``
    (an absolute path outside the project) in the local workbench, and on a team server to its key
    folder (``makna server run --key-dir``), where ``key_path`` must be left out.
    ``passphrase_repeat``, when given, must match (checked when a new key file is made)."""

    key_path: str | None = Field(default=None, max_length=4096, description="the key file's absolute path "
                                 "(the local workbench only; a team server refuses it)")
    passphrase: SecretStr
    passphrase_repeat: SecretStr | None = None
    mode: Literal["surrogate", "tag", "mask"] = "surrogate"
    include_pending: bool = False
    skip_coded: bool = Field(default=False, description="leave out the sources that people coded or linked spans "
                             "of, and de-identify the others and the free-text fields (as 'makna deid apply "
                             "--skip-coded'); the reply's left_out names them")
    surrogate_region: str | None = Field(default=None, max_length=100, description="a province (code, name) or "
                                         "'national'; default: the project's own province")
    tradition: str | None = Field(default=None, max_length=40, description="naming tradition of surrogate names "
                                  "(minang, jawa, sunda, batak, bali, bugis, makassar, buton, indonesia, english; "
                                  "auto); default: "
                                  "each name's own, else the region's")
    coarse_places: str | None = Field(default=None, max_length=20, description="provinces, countries and large "
                                      "islands: 'keep' (the default) or 'replace' (towns follow)")
    force: bool = Field(default=False, description="apply even when the key file would travel with the project or "
                        "a new key's passphrase is weak (as 'makna deid apply --force'); the reasons come back "
                        "as warnings")


def _key_path(request: Request, raw: str | None) -> Path:
    """Where the key goes: the path typed in the local workbench (the user's own machine, written as
    them); on a team server never a path from the request, but the project's file in the key folder
    its administrator set (:mod:`makna.server.keys`)."""
    server_project = server_project_of(request)
    if server_project is not None:
        if raw is not None and raw.strip():
            raise InputError("on a team server the key file goes to the key folder its administrator set, under "
                             "a name of the server's: leave the key file's path out")
        folder: Path | None = getattr(request.app.state, "key_dir", None)
        if folder is None:
            raise InputError("this team server has no key folder, so it cannot keep a key: its administrator must "
                             "start it with 'makna server run --key-dir DIR' (or apply with 'makna deid apply' "
                             "on the command line)")
        from ..server.keys import project_key_file

        return project_key_file(folder, server_project.id)
    if raw is None or not raw.strip():
        raise InputError("give the key file's path (for example /home/me/keys/study.key)")
    path = Path(raw.strip()).expanduser()
    if not path.is_absolute():
        raise InputError(f"key file {raw!r}: give an absolute path (for example /home/me/keys/study.key), "
                         "outside the project's folder if it is shared")
    return path


def server_key(request: Request) -> Path | None:
    """On a team server started with a key folder, the key file a web apply of the request's project wrote there
    (None where it has none yet); None in the local workbench or without a key folder."""
    server_project = server_project_of(request)
    folder: Path | None = getattr(request.app.state, "key_dir", None)
    if server_project is None or folder is None:
        return None
    from ..server.keys import project_key_file

    path = project_key_file(folder, server_project.id)
    return path if path.is_file() else None


def text_pieces(text: str, entries: list[ReviewEntry]) -> list[tuple[int, str, str, str]]:
    """The source text cut at detection boundaries: (start, text, status class, detection id) per
    piece; a piece outside every detection has an empty status. A rejected detection yields to a
    live one that overlaps it."""
    order = {"accepted": 0, "edited": 0, "added": 0, "pending": 1, "rejected": 2}
    spans = sorted(entries, key=lambda e: (order.get(e.status, 1), e.start))
    cuts = sorted({0, len(text), *(e.start for e in entries), *(e.end for e in entries)})
    out: list[tuple[int, str, str, str]] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a >= b:
            continue
        cover = next((e for e in spans if e.start <= a and e.end >= b), None)
        out.append((a, text[a:b], cover.status if cover else "", cover.id if cover else ""))
    return out


def _status_rows(request: Request) -> list[dict[str, Any]]:
    proj = project_of(request)
    codings = segments_per_source(proj)
    return [{**{k: getattr(s, k) for k in ("number", "source", "source_id", "pending", "accepted", "rejected",
                                            "applied", "mode", "replaced", "applied_at")},
             "codings": codings.get(s.source_id, 0)} for s in deid_status(proj)]


_BUCKET = {"pending": "pending", "accepted": "accepted", "edited": "accepted", "added": "accepted",
           "rejected": "rejected"}


def _totals(every: list[ReviewEntry], rows: list[dict[str, Any]]) -> dict[str, int]:
    """Detections pending, accepted and rejected in the transcripts and in the free-text fields (a
    case name still pending counted too: the sources' sums alone said "0 pending")."""
    totals = {k: sum(r[k] for r in rows) for k in ("pending", "accepted", "rejected")}
    for e in every:
        if e.field != "sources.text":
            totals[_BUCKET.get(e.status, "pending")] += 1
    return totals


@router.get("/deid", response_class=HTMLResponse, include_in_schema=False)
def deid_page(request: Request, source: str = "", status: str = "pending", text: str = "", field: str = "",
              page_no: int = 0, size: int = PAGE_SIZE) -> HTMLResponse:
    proj = project_of(request)
    rows = _status_rows(request)
    every = review_entries(proj)
    names = type_names(lang_of(request))
    wanted = ("pending",) if status == "pending" else None
    by_id = {r["source_id"]: r for r in rows}
    # transcripts under review and, unless one source is chosen, the reviewed free-text fields
    entries = review_entries(proj, sources=[source] if source in by_id else None, status=wanted)
    page_no, size = max(0, page_no), min(max(size, 20), MAX_PAGE_SIZE)
    shown = entries[page_no * size:(page_no + 1) * size]
    pieces: list[tuple[int, str, str, str]] = []
    text_source = by_id.get(text)
    if text_source is not None and not text_source["applied"]:
        body = get_source(proj, text).text
        if text_source["number"] is None:
            found = []
        elif text == source and wanted is None:  # the list above holds them already
            found = entries
        else:
            found = review_entries(proj, sources=[text])
        pieces = text_pieces(body, found)
    # a free-text field value, to mark a missed identifier in it
    fields = [f for f in field_entries(proj) if f.state == "scanned"]
    field_pieces: list[tuple[int, str, str, str]] = []
    shown_field = None
    if field:
        shown_field = field_review(proj, field)
        field_pieces = text_pieces(shown_field.text, list(shown_field.detections))
    return page(request, "deid.html", {
        "rows": rows, "entries": shown, "n_entries": len(entries), "page_no": page_no, "page_size": size,
        "default_size": PAGE_SIZE, "totals": _totals(every, rows), "doubtful": rejected_but_confirmed(proj, every),
        "q": {"source": source, "status": "pending" if wanted else "all", "text": text},
        "scanned": any(r["number"] is not None for r in rows),
        "coded": [r for r in rows if r["codings"] and not r["applied"]],
        "pieces": pieces, "text_source": text_source, "field_values": fields, "field_shown": shown_field,
        "field_pieces": field_pieces, "types": PII_TYPES, "type_names": names, "modes": MODES,
        "may_manage": can(proj, "manage"), "copies": copy_rows(proj) if can(proj, "manage") else [],
        "makes_copies": makes_copies(proj), "encrypted": proj.store.encrypted,
        "server_keys": server_project_of(request) is not None,
        "key_folder": getattr(request.app.state, "key_dir", None) is not None,
        "provinces": sorted(PROVINCES.items(), key=lambda kv: kv[1]),
        "data": json_script({"msg": js_text(request, JS_MESSAGES), "types": names}),
    })


@router.get("/api/deid/status", summary="Per source: detections pending, accepted, rejected; applied or not")
def api_status(request: Request) -> JSONResponse:
    return reply(_status_rows(request))


@router.get("/api/deid/detections", summary="The detections under review, with context")
def api_detections(request: Request, source: str | None = None, status: str | None = None) -> JSONResponse:
    return reply(review_entries(project_of(request), sources=[source] if source else None,
                                status=[status] if status else None))


@router.post("/api/deid/scan", summary="Detect identifiers in the sources not yet de-identified")
def api_scan(request: Request, body: ScanRequest) -> JSONResponse:
    report = scan(project_of(request), sources=body.sources or None, types=body.types or None)
    return reply({"sources": report.sources, "detections": report.detections, "new": report.new,
                  "propagated": report.propagated, "skipped_applied": report.skipped_applied})


@router.post("/api/deid/decide", summary="Accept or reject detections by id")
def api_decide(request: Request, body: Decision) -> JSONResponse:
    return reply({"changed": decide(project_of(request), body.ids, body.status)})


@router.post("/api/deid/decide-all", summary="Accept or reject every pending detection (optionally filtered)")
def api_decide_all(request: Request, body: DecideAll) -> JSONResponse:
    proj = project_of(request)
    n = decide_all(proj, body.status, sources=[body.source] if body.source else None,
                   types=body.types or None, min_confidence=body.min_confidence)
    left = len(pending_but_confirmed(proj)) if body.status == "rejected" else 0
    return reply({"changed": n, "left_confirmed": left})


@router.post("/api/deid/trust", summary="Accept a source's unverified de-identification claim after checking its text")
def api_trust(request: Request, body: TrustRequest) -> JSONResponse:
    from ..privacy.claims import trust_claim

    done = trust_claim(project_of(request), body.source)
    return reply({"source": done.source, "mode": done.mode, "surrogates": done.surrogates})


@router.post("/api/deid/detections", status_code=201, summary="Add an identifier the detectors missed")
def api_add_detection(request: Request, body: NewDetection) -> JSONResponse:
    if body.type.upper() not in PII_TYPES:
        raise InputError(f"type {body.type!r}: use one of {', '.join(PII_TYPES)}")
    added = add_identifier(project_of(request), body.source, body.start, body.end, body.type, also=body.also)
    return reply({**added.entry.as_dict(), "others": [e.as_dict() for e in added.others], "skipped": added.skipped},
                 201)


@router.get("/api/deid/fields", summary="The free-text field values (memos, cases, codebook...) and their review state")
def api_fields(request: Request) -> JSONResponse:
    return reply(field_entries(project_of(request)))


@router.post("/api/deid/field-detections", status_code=201,
             summary="Add an identifier the detectors missed in a scanned free-text field value")
def api_add_field_detection(request: Request, body: NewFieldDetection) -> JSONResponse:
    # the core checks the span and the type (one InputError, the transaction rolled back)
    entry = add_field_detection(project_of(request), body.field.lower(), body.start, body.end, body.type)
    return reply(entry.as_dict(), 201)


@router.patch("/api/deid/detections/{item_id}", summary="Correct a detection's span or type (it counts as confirmed)")
def api_edit_detection(request: Request, item_id: str, body: DetectionEdit) -> JSONResponse:
    edited = revise_detection(project_of(request), item_id, body.start, body.end, body.type, text=body.text,
                              start_by=body.start_by, end_by=body.end_by)
    start, end, kind = edited.before
    return reply({**edited.entry.as_dict(), "previous": {"start": start, "end": end, "type": kind},
                  "absorbed": list(edited.absorbed)})


@router.post("/api/deid/apply", summary="Replace the reviewed identifiers; the key goes to an encrypted file")
def api_apply(request: Request, body: ApplyRequest) -> JSONResponse:
    path = _key_path(request, body.key_path)
    secret = body.passphrase.get_secret_value()
    if not secret:
        raise InputError("the passphrase is empty")
    if (not path.exists() and body.passphrase_repeat is not None
            and body.passphrase_repeat.get_secret_value() != secret):
        raise InputError("the two passphrases differ: type the new key's passphrase twice")
    project = project_of(request)
    refuse, _warn = key_risks(project, path, secret)
    if refuse and not body.force:
        raise InputError(key_refusal(refuse, lang_of(request)))
    imported = {n for s in list_sources(project) for n in (s.name, Path(s.original_name).name)}
    report = apply(project, path, secret, mode=body.mode, include_pending=body.include_pending,
                   surrogate_region=body.surrogate_region, tradition=body.tradition,
                   coarse_places=body.coarse_places, skip_coded=body.skip_coded)
    # by their names now: a name that held an identifier is not shown again
    return reply({"sources": [report.renamed.get(n, n) for n in report.sources],
                  "replaced": report.replaced, "kept": report.kept, "by_type": report.by_type,
                  "fields": report.fields, "events": report.events, "compacted": report.compacted,
                  "region": report.region, "tradition": report.tradition, "coarse_places": report.coarse,
                  "key_path": path.name if server_project_of(request) is not None else str(path),
                  "key_id": report.key_id[:12], "mode": report.mode,
                  "unscanned": report.unscanned, "left_out": report.left_out,
                  "outside": originals_on_disk(project.location, imported),
                  "warnings": [translate_error(w, lang_of(request)) for w in report.warnings]})
