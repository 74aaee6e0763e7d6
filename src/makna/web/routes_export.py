"""Export: the project as a REFI-QDA .qdpx, the codebook as .qdc, coded segments as CSV or XLSX, the
codebook as CSV and the whole project as JSON, each written by :mod:`makna.exchange` into a fresh
temporary folder and streamed as a download (the folder is removed after the response)."""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from starlette.background import BackgroundTask

from .. import exchange
from ..access import can
from ..errors import NotFoundError
from ..project import Project
from .deps import page, project_name_of, project_of, reply
from .read_refusals import refuse_reading

__all__ = ["router", "ExportFormat", "FORMATS", "download_name"]

router = APIRouter(tags=["export"])


@dataclass(frozen=True)
class ExportFormat:
    """A download: ``key`` in the URL, the file's suffix and type, and what it holds (English; the
    page translates it)."""

    key: str
    suffix: str
    media_type: str
    label: str
    description: str
    function: str  # the name of the writer in makna.exchange
    whole: bool = False  # the whole project: a manager's, as 'makna server project export' (access "export")


_CANDIDATES = (
    ExportFormat("qdpx", ".qdpx", "application/zip", "REFI-QDA project (.qdpx)",
                 "The whole project for ATLAS.ti, MAXQDA, NVivo, QualCoder and others: sources, codebook, "
                 "codings, cases, memos and sets.", "export_qdpx", whole=True),
    ExportFormat("qdc", ".qdc", "application/xml", "REFI-QDA codebook (.qdc)",
                 "The codebook alone, with colours and descriptions, for another QDA program.", "export_qdc"),
    ExportFormat("csv", ".csv", "text/csv", "Coded segments (CSV)",
                 "One row per coded segment: code, source, case and attributes, coder and the coded text.",
                 "write_segments_csv"),
    ExportFormat("xlsx", ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                 "Coded segments (Excel)", "The same table as an Excel workbook.", "write_segments_xlsx"),
    ExportFormat("codebook-csv", "-codebook.csv", "text/csv", "Codebook (CSV)",
                 "One row per code with its definition, inclusion and exclusion criteria.", "write_codebook_csv"),
    ExportFormat("json", ".json", "application/json", "Whole project (JSON)",
                 "Everything in the project as one JSON document, for scripts and archives.", "write_json",
                 whole=True),
)

#: The formats whose writer exists in :mod:`makna.exchange` (only those are offered).
FORMATS: dict[str, ExportFormat] = {f.key: f for f in _CANDIDATES if callable(getattr(exchange, f.function, None))}


def download_name(project_name: str, fmt: ExportFormat) -> str:
    """A safe file name for the download: the project's name reduced to letters, digits, ``-`` and ``_``."""
    stem = re.sub(r"[^\w-]+", "-", project_name, flags=re.ASCII).strip("-_")[:80] or "project"
    return stem + fmt.suffix


def _writer(fmt: ExportFormat) -> Callable[[Project, Path], Any]:
    fn: Callable[[Project, Path], Any] = getattr(exchange, fmt.function)
    return fn


def _offered(proj: Project) -> list[ExportFormat]:
    """The formats the acting user may download: the whole project only with the ``export`` permission
    (a manager's on a team server, as 'makna server project export' refuses it to a coder)."""
    whole = can(proj, "export")
    return [f for f in FORMATS.values() if whole or not f.whole]


@router.get("/export", response_class=HTMLResponse, include_in_schema=False)
def export_page(request: Request) -> HTMLResponse:
    return page(request, "export.html", {"formats": _offered(project_of(request))})


@router.get("/api/export", summary="The export formats on offer to the user")
def api_formats(request: Request) -> JSONResponse:
    return reply([{"key": f.key, "label": f.label, "media_type": f.media_type, "url": f"/export/{f.key}"}
                  for f in _offered(project_of(request))])


@router.get("/export/{key}", summary="Download the project (or its codebook or segments) in a format")
def export_file(request: Request, key: str) -> FileResponse:
    fmt = FORMATS.get(key)
    if fmt is None:
        raise NotFoundError(f"export format {key!r}: use one of {', '.join(FORMATS)}")
    proj = project_of(request)
    if fmt.whole:
        refuse_reading(proj, "export", "export")
    name = download_name(project_name_of(request), fmt)
    folder = Path(tempfile.mkdtemp(prefix="makna-export-"))
    try:
        path = folder / name
        _writer(fmt)(proj, path)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return FileResponse(path, media_type=fmt.media_type, filename=name, content_disposition_type="attachment",
                        background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True))
