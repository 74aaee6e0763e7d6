"""Codebook and cases files put into the project from the browser (a manager's upload on the codebook
and cases pages, or a script): the same readers as ``makna codebook import`` and ``makna cases
import``, through :mod:`makna.file_imports` (one transaction, one event, seen live by every page)."""

from __future__ import annotations

import base64
import binascii

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from ..errors import InputError
from ..file_imports import MAX_FILE_BYTES, FileImport, import_cases_bytes, import_codebook_bytes
from .deps import lang_of, project_of, reply
from .errors_i18n import translate_note

__all__ = ["router", "FileUpload"]

router = APIRouter(tags=["codebook", "cases"])


class FileUpload(BaseModel):
    """A file: its name (the kind is read from its ending) and its bytes in base64."""

    filename: str = Field(min_length=1, max_length=500)
    content: str = Field(max_length=(MAX_FILE_BYTES // 3 + 1) * 4, description="the file's bytes, base64")


def _bytes(body: FileUpload) -> bytes:
    try:
        return base64.b64decode(body.content, validate=True)
    except (binascii.Error, ValueError):
        raise InputError(f"{body.filename}: the content is not base64") from None


def _reply(done: FileImport, lang: str) -> JSONResponse:
    return reply(
        {
            "file": done.file,
            "added": done.added,
            "updated": done.updated,
            "other": done.other,
            "notes": [translate_note(n, lang) for n in done.notes],
        },
        201,
    )


@router.post(
    "/api/codes/import",
    status_code=201,
    summary="Add or update codes from a codebook file (makna YAML or REFI-QDA .qdc; a manager's)",
)
def api_import_codebook(request: Request, body: FileUpload) -> JSONResponse:
    return _reply(import_codebook_bytes(project_of(request), body.filename, _bytes(body)), lang_of(request))


@router.post(
    "/api/cases/import", status_code=201, summary="Add or update cases from a cases file (YAML or CSV; a manager's)"
)
def api_import_cases(request: Request, body: FileUpload) -> JSONResponse:
    return _reply(import_cases_bytes(project_of(request), body.filename, _bytes(body)), lang_of(request))
