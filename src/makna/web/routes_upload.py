"""Importing transcripts in the browser: upload files (multipart, with a cap on the request's size),
read by the same importers and limits as ``makna import``, then scan them for identifiers and go on
to the review of detections (``/deid``) before coding. Nothing of an upload is written to disk
beyond the spooled parts of the request; a file is read from its bytes (:func:`makna.import_upload`)."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser

from ..access import can
from ..errors import DuplicateSourceError, InputError, MaknaError
from ..import_hints import new_sources_warning
from ..importers import MAX_FILE_BYTES, supported_suffixes
from ..importers.survey import SURVEY_SUFFIXES, is_survey
from ..project import Project
from ..sources import import_upload, upload_name
from ..survey_sources import answer_list, import_survey_bytes, survey_columns
from .deps import lang_of, page, project_of, reply, server_project_of
from .errors_i18n import translate_error

__all__ = ["router", "UPLOAD_LIMIT", "MAX_FILES", "upload_limit"]

router = APIRouter(tags=["import"])

UPLOAD_LIMIT = MAX_FILE_BYTES + 1024 * 1024
"""The largest upload request (bytes): one file at the importers' limit, and the form around it.
``app.state.upload_limit`` overrides it."""
MAX_FILES = 100


class _TooLarge(Exception):
    pass


def upload_limit(request: Request) -> int:
    limit: int = getattr(request.app.state, "upload_limit", UPLOAD_LIMIT)
    return limit


@router.get("/import", response_class=HTMLResponse, include_in_schema=False)
def import_page(request: Request) -> HTMLResponse:
    suffixes = sorted([*supported_suffixes(), *SURVEY_SUFFIXES])
    limit = upload_limit(request)
    return page(request, "import.html", {
        "suffixes": suffixes, "accept": ",".join(suffixes), "limit": limit,
        "limit_mb": min(limit, MAX_FILE_BYTES) // (1024 * 1024), "may_manage": can(project_of(request), "manage"),
        "on_server": server_project_of(request) is not None,
    })


def _too_large(limit: int, lang: str) -> JSONResponse:
    message = (f"the upload is over the {limit:,}-byte limit: import fewer or smaller files at a time, or use "
               "'makna import' on the command line")
    return JSONResponse({"error": translate_error(message, lang)}, status_code=413)


@router.post("/api/import", summary="Import uploaded transcript files (multipart field 'files', optional "
                                    "'language'; 'allow_duplicate' = 1 imports a file whose text is a source's "
                                    "already as a source of its own; 'survey_id' and 'survey_answers', separated "
                                    "by commas, choose a survey's columns)")
async def api_import(request: Request) -> JSONResponse:
    limit = upload_limit(request)
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        raise InputError("send the files as multipart/form-data (field 'files')")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        return _too_large(limit, lang_of(request))

    async def capped() -> AsyncGenerator[bytes, None]:
        seen = 0
        async for chunk in request.stream():
            seen += len(chunk)
            if seen > limit:
                raise _TooLarge
            yield chunk

    parser = MultiPartParser(request.headers, capped(), max_files=MAX_FILES, max_fields=10, max_part_size=4096)
    try:
        form = await parser.parse()
    except _TooLarge:
        return _too_large(limit, lang_of(request))
    except MultiPartException as exc:
        raise InputError(f"the upload could not be read: {exc.message}") from None
    try:
        files = [f for f in form.getlist("files") if isinstance(f, UploadFile)]
        if not files:
            raise InputError("no files in the upload (field 'files')")
        language = form.get("language")
        lang = language if isinstance(language, str) and language else None
        allow_duplicate = form.get("allow_duplicate") in ("1", "true", "on")
        columns = _survey_columns(form, [f.filename or "" for f in files])
        proj = project_of(request)
        ui = lang_of(request)
        report: dict[str, list[Any]] = {"imported": [], "duplicates": [], "failed": [], "surveys": []}
        for f in files:
            name = f.filename or ""
            data = await f.read()
            notes: list[str] = []
            if is_survey(name):  # a questionnaire: a source and a case per respondent
                await _import_survey(proj, name, data, lang, ui, report, *columns)
                continue
            try:
                src = await run_in_threadpool(import_upload, proj, name, data, language=lang, on_note=notes.append,
                                              allow_duplicate=allow_duplicate)
            except DuplicateSourceError as exc:
                # same_content: the page says that the box imports it as a second source (a name taken: no)
                report["duplicates"].append({"file": name, "error": translate_error(str(exc), ui),
                                             "same_content": exc.same_content})
            except MaknaError as exc:
                report["failed"].append({"file": name, "error": translate_error(str(exc), ui)})
            else:
                report["imported"].append({"id": src.id, "name": src.name, "length": src.length,
                                           "language": src.language,
                                           "notes": [translate_error(n, ui) for n in notes]})
        late = await run_in_threadpool(new_sources_warning, proj, len(report["imported"]))
        if late:  # trial15: a coder read a survey imported after the apply as written
            first = report["imported"][0]
            first["notes"] = [translate_error(late, ui), *first["notes"]]
        return reply(report)
    finally:
        await form.close()


def _survey_columns(form: Any, names: list[str]) -> tuple[str | None, list[str] | None]:
    """The survey's id column and open answers' columns the person chose (form fields ``survey_id`` and
    ``survey_answers``, separated by commas: the CLI's ``--survey-id``/``--survey-answers``; None: the import chooses),
    refused as on the command line unless the upload holds exactly one survey file."""
    raw_id, raw_answers = form.get("survey_id"), form.get("survey_answers")
    given_id = raw_id.strip() if isinstance(raw_id, str) and raw_id.strip() else None
    given = raw_answers if isinstance(raw_answers, str) and raw_answers.strip() else None
    if given_id is None and given is None:
        return None, None
    if sum(1 for n in names if is_survey(n)) != 1:
        raise InputError("the survey's id and answer columns need exactly one survey file (.csv or .xlsx) in the "
                         "upload")
    return given_id, answer_list(given, "the open answers' columns")


async def _import_survey(proj: Project, name: str, data: bytes, lang: str | None, ui: str,
                         report: dict[str, list[Any]], id_column: str | None = None,
                         answer_columns: list[str] | None = None) -> None:
    """A survey upload: its respondents' sources go to ``imported``, the first with the notes saying which
    column the import took for what (the id, the open answers, the attributes; ``id_column`` and
    ``answer_columns``: the person's choice), and the survey to ``surveys``."""
    try:
        done = await run_in_threadpool(import_survey_bytes, proj, Path(upload_name(name)), data, language=lang,
                                       id_column=id_column, answer_columns=answer_columns)
    except MaknaError as exc:
        report["failed"].append({"file": name, "error": translate_error(str(exc), ui)})
        return
    survey = done.survey
    lines = [translate_error(n, ui) for n in [*survey_columns(survey), *survey.notes]]
    report["surveys"].append({"file": name, "respondents": len(done.sources), "id_column": survey.id_column,
                              "answer_columns": survey.answer_columns,
                              "attribute_columns": survey.attribute_columns, "cases_added": done.cases.added,
                              "notes": lines})
    for i, src in enumerate(done.sources):
        report["imported"].append({"id": src.id, "name": src.name, "length": src.length, "language": src.language,
                                   "notes": lines if i == 0 else []})
