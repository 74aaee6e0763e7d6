"""Analysis: code frequencies, code x case (or x attribute value) matrices with percentages, code
co-occurrence with the c-coefficient, charts (SVG images drawn by :mod:`makna.analysis.charts`), and
the findings report written to a folder next to the project (:func:`makna.report.write_report`)."""

from __future__ import annotations

import hashlib
import warnings
from pathlib import Path
from typing import Any, Literal

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy.engine import make_url

from ..analysis import CHART_KINDS, CrossTable, code_by_attribute, code_by_case, cooccurrence, project_chart
from ..cases import list_attributes
from ..codebook import code_tree
from ..errors import InputError, MaknaError, NotFoundError
from ..project import Project
from ..queries import code_frequencies
from ..rounds import visible_coders
from .deps import js_text, lang_of, page, project_of, reply, server_user
from .i18n import translations
from .render import json_script

__all__ = ["router", "JS_MESSAGES", "REPORT_FILES", "REPORT_LANGS", "ReportRequest", "report_folder", "VIEWS"]

router = APIRouter(tags=["analysis"])

VIEWS = ("frequencies", "matrix", "cooccurrence", "charts", "report")
REPORT_LANGS = ("id", "en")  # makna.report.i18n.LANGS (not imported at start-up); each in a folder of its own
REPORT_FILES = {"report.html": "text/html", "report.md": "text/markdown",
                "report.docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
MATRIX_COLUMNS = 40
JS_MESSAGES = ("Writing the report…", "Report written", "Could not write the report")

Percent = Literal["none", "row", "column"]


class ReportRequest(BaseModel):
    """Write the findings report (HTML, Markdown, DOCX and charts) in ``lang``."""

    lang: Literal["id", "en"] = "id"
    quotes: int = 2
    coder: str | None = Field(default=None, max_length=200, description="one coder's codings only (as "
                              "'makna report --coder'); default: every coder's")


def report_folder(project: Project, user: str | None = None) -> Path:
    """Where the workbench writes the report (each language in a folder of its own below it, ``id`` and
    ``en``): ``<name>-report`` beside a SQLite project file, else
    ``makna-report/<digest>`` in the folder the server was started from (a PostgreSQL project has no
    file): one folder per database and schema, so that the projects of a team server, each in its own
    schema, never read or overwrite each other's reports (their quotes and memos); and on a team server
    one per ``user`` too: a report holds what its writer may see (during a blind round a coder's own
    codings, a manager's every coding), so nobody downloads a report written with another's sight."""
    db = project.store.path
    if db is not None:
        return db.with_name(f"{db.stem}-report")
    where = make_url(project.store.url).set(password=None).render_as_string(hide_password=False)
    if user:
        where += "\n" + user
    return Path.cwd() / "makna-report" / hashlib.sha256(where.encode()).hexdigest()[:16]


def _report_state(request: Request, project: Project, user: str | None = None) -> dict[str, Any]:
    """The report folder and, for each language written (each in its own folder below it, so that the
    second language keeps the first's files), its files: ``lang``, ``name``, ``url`` and ``label`` (the
    name with the language, in the page's language)."""
    from ..report import LANGUAGE_NAMES

    folder = report_folder(project, user)
    tr = translations(lang_of(request))
    files = [{"lang": lang, "name": n, "url": f"/analysis/report/{lang}/{n}",
              "label": f"{n} ({tr.gettext(LANGUAGE_NAMES[lang])})"}
             for lang in REPORT_LANGS for n in REPORT_FILES if (folder / lang / n).is_file()]
    # a team server's folder is on the server's disk, which its browser user cannot open (trial12 #12): not named
    return {"folder": "" if user else str(folder), "files": files}


def _matrix(proj: Project, by: str, measure: str, coder: str | None) -> CrossTable:
    if by in ("", "case"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # wide tables are paged below
            return code_by_case(proj, measure=measure, coder=coder)  # type: ignore[arg-type]
    return code_by_attribute(proj, by, measure=measure, coder=coder)  # type: ignore[arg-type]


def _shade(value: float, peak: float) -> int:
    return 0 if not value or not peak else min(4, 1 + int(3.999 * value / peak))


def _matrix_view(table: CrossTable, percent: str, col_offset: int) -> dict[str, Any]:
    shown = table.page(col_offset, MATRIX_COLUMNS)
    values: list[list[Any]] = (shown.cells if percent == "none" else shown.row_percentages() if percent == "row"
                               else shown.column_percentages())
    if percent == "row":  # of the whole row, not of the page of columns shown
        values = [[round(100.0 * v / t, 1) if t else 0.0 for v in row]
                  for row, t in zip(shown.cells, table.row_totals, strict=True)]
    peak = max((v for r in values for v in r), default=0)
    return {"columns": shown.columns, "rows": list(zip(table.rows, table.row_labels or table.rows, values,
                                                         table.row_totals, strict=True)),
            "shade": [[_shade(v, peak) for v in r] for r in values], "col_totals": shown.column_totals,
            "n_columns": len(table.columns), "col_offset": col_offset, "page_size": MATRIX_COLUMNS}


def _cooc_view(proj: Project, mode: str, distance: int, coder: str | None, min_count: int) -> dict[str, Any]:
    table = cooccurrence(proj, mode=mode, distance=distance, coder=coder)  # type: ignore[arg-type]
    names = {n.code.key: n.code.name for n in code_tree(proj)}
    pairs = table.pairs(min_count=min_count)
    return {"pairs": [(p, names.get(p.code1, p.code1), names.get(p.code2, p.code2)) for p in pairs[:500]],
            "n_pairs": len(pairs), "capped": table.capped}


@router.get("/analysis", response_class=HTMLResponse, include_in_schema=False)
def analysis_page(request: Request, view: str = "frequencies", coder: str = "", descendants: bool = True,
                  by: str = "case", measure: str = "segments", percent: str = "none", col_offset: int = 0,
                  mode: str = "overlap", distance: int = 0, min_count: int = 1) -> HTMLResponse:
    proj = project_of(request)
    view = view if view in VIEWS else "frequencies"
    ctx: dict[str, Any] = {
        "view": view, "views": VIEWS, "coders": visible_coders(proj), "attributes": list_attributes(proj),
        "q": {"coder": coder, "descendants": descendants, "by": by, "measure": measure, "percent": percent,
              "mode": mode, "distance": distance, "min_count": min_count},
        "error": "", "chart_kinds": CHART_KINDS, "report": _report_state(request, proj, server_user(request)),
        "data": json_script({"msg": js_text(request, JS_MESSAGES)}),
    }
    try:
        if view == "frequencies":
            ctx["freq"] = code_frequencies(proj, coder=coder or None, descendants=descendants)
        elif view == "matrix":
            table = _matrix(proj, by, measure, coder or None)
            ctx["m"] = _matrix_view(table, percent if percent in ("none", "row", "column") else "none",
                                    max(0, col_offset))
        elif view == "cooccurrence":
            ctx["co"] = _cooc_view(proj, mode, max(0, distance), coder or None, max(1, min_count))
    except MaknaError as exc:
        ctx["error"] = str(exc)
    return page(request, "analysis.html", ctx)


@router.get("/api/analysis/frequencies", summary="Per code: segments, sources and cases (informants)")
def api_frequencies(request: Request, coder: str | None = None, descendants: bool = True) -> JSONResponse:
    return reply(code_frequencies(project_of(request), coder=coder, descendants=descendants))


@router.get("/api/analysis/matrix", summary="Codes x cases (or x the values of a case attribute)")
def api_matrix(request: Request, by: str = "case", measure: str = "segments", percent: Percent = "none",
               coder: str | None = None) -> JSONResponse:
    table = _matrix(project_of(request), by, measure, coder)
    return reply({"rows": table.rows, "row_labels": table.row_labels, "columns": table.columns,
                  "measure": table.measure, "percent": percent, "records": table.records(percent),
                  "column_bases": table.column_bases})


@router.get("/api/analysis/cooccurrence", summary="Code pairs with n1, n2, n12 and the c-coefficient")
def api_cooccurrence(request: Request, mode: str = "overlap", distance: int = 0, coder: str | None = None,
                     min_count: int = 1) -> JSONResponse:
    table = cooccurrence(project_of(request), mode=mode, distance=max(0, distance), coder=coder)  # type: ignore[arg-type]
    return reply({"mode": table.mode, "distance": table.distance, "codes": table.codes, "capped": table.capped,
                  "pairs": table.pairs(min_count=max(1, min_count))})


@router.get("/analysis/charts/{kind}.svg", summary="A chart of the project as an SVG image")
def chart_svg(request: Request, kind: str, measure: str = "cases", mode: str = "overlap", coder: str = "") -> Response:
    """The SVG is written by makna (every label escaped) and served as an image, so nothing in it can
    run in the page."""
    if kind not in CHART_KINDS:
        raise NotFoundError(f"chart {kind!r}: use one of {', '.join(CHART_KINDS)}")
    figure = project_chart(project_of(request), kind, measure=measure, mode=mode, lang=lang_of(request),
                           coder=coder or None)
    return Response(figure.svg(), media_type="image/svg+xml")


@router.get("/api/report", summary="Where the report is written and which of its files exist")
def api_report_state(request: Request) -> JSONResponse:
    return reply(_report_state(request, project_of(request), server_user(request)))


@router.post("/api/report", summary="Write the findings report to the folder next to the project")
def api_write_report(request: Request, body: ReportRequest) -> JSONResponse:
    from ..report import write_report

    if not 0 <= body.quotes <= 20:
        raise InputError(f"quotes {body.quotes}: choose 0 to 20 quotes per theme")
    proj = project_of(request)
    user = server_user(request)
    folder = report_folder(proj, user) / body.lang  # each language its own folder: both are kept
    files = write_report(proj, folder, body.lang, quotes=body.quotes, coder=body.coder or None)
    return reply({**_report_state(request, proj, user), "charts": [p.name for p in files.charts]})


@router.get("/analysis/report/{lang}/{name}", summary="Download a file of the report written in a language")
def report_file(request: Request, lang: str, name: str) -> FileResponse:
    """Saved as ``report-<lang>.<ext>``: the two languages' downloads never take each other's name."""
    if name not in REPORT_FILES or lang not in REPORT_LANGS:
        raise NotFoundError(f"report file {lang}/{name}: use one of {', '.join(REPORT_FILES)} in "
                            f"{' or '.join(REPORT_LANGS)}")
    path = report_folder(project_of(request), server_user(request)) / lang / name
    if not path.is_file():
        raise NotFoundError(f"{name}: no report written yet (write it on the analysis page)")
    stem, _, ext = name.rpartition(".")
    return FileResponse(path, media_type=REPORT_FILES[name], filename=f"{stem}-{lang}.{ext}",
                        content_disposition_type="attachment")
