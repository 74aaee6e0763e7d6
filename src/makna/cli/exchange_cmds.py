"""makna export / import-project / codebook import-qdc: exchange with other QDA tools."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ._app import app
from ._common import ProjectOpt, busy, opened
from .codebook_cmds import codebook_app

if TYPE_CHECKING:
    from ..exchange._report import ImportReport
    from ..privacy.seals import SealKeys


class ExportFormat(str, Enum):
    qdpx = "qdpx"
    qdc = "qdc"
    csv = "csv"
    xlsx = "xlsx"
    json = "json"
    codebook_csv = "codebook-csv"


class OffsetsChoice(str, Enum):
    auto = "auto"
    codepoint = "codepoint"
    utf16 = "utf16"


def _print_report(report: ImportReport) -> None:
    for line in report.lines():
        typer.echo(line)


@app.command("export")
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="qdpx (REFI-QDA project), qdc (REFI-QDA "
                                              "codebook), csv / xlsx (coded segments), json (whole project), "
                                              "codebook-csv.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write.")],
    project: ProjectOpt = None,
) -> None:
    """Export the project for other tools (REFI-QDA .qdpx/.qdc) or for analysis (CSV, XLSX, JSON)."""
    from ..exchange import (
        export_qdc,
        export_qdpx,
        write_codebook_csv,
        write_json,
        write_segments_csv,
        write_segments_xlsx,
    )

    with opened(project) as proj, busy(f"Exporting {fmt.value}"):
        if fmt is ExportFormat.qdpx:
            s = export_qdpx(proj, output)
            what = f"{s.sources} source(s), {s.codes} code(s), {s.segments} coding(s), {s.cases} case(s)"
        elif fmt is ExportFormat.qdc:
            what = f"{export_qdc(proj, output)} code(s)"
        elif fmt is ExportFormat.csv:
            what = f"{write_segments_csv(proj, output)} segment(s)"
        elif fmt is ExportFormat.xlsx:
            what = f"{write_segments_xlsx(proj, output)} segment(s)"
        elif fmt is ExportFormat.codebook_csv:
            what = f"{write_codebook_csv(proj, output)} code(s)"
        else:
            write_json(proj, output)
            what = "the whole project"
    typer.echo(f"Wrote {output} ({fmt.value}): {what}.")


def _seals(locations: list[str]) -> tuple[SealKeys, list[dict[str, Any]]]:
    """The seal keys of the projects ``locations`` (opened to read them; a passphrase asked where one is needed):
    each project's and its members' (:func:`makna.privacy.seals.project_seals`); and the reviews of their free-text
    field values (:func:`makna.sync.deid_copy.field_rows`), which a value imported as they reviewed it keeps."""
    from functools import partial

    from ..privacy.seals import SealKeys, project_seals
    from ..project import open_project
    from ..sync.deid_copy import field_rows
    from ._passphrase import ask_passphrase

    out = SealKeys()
    reviews: list[dict[str, Any]] = []
    for location in locations:
        with open_project(location, passphrase=partial(ask_passphrase, location)) as proj:
            out = out.merged(project_seals(proj))
            with proj.store.read() as conn:
                reviews += field_rows(proj, conn, {})
    return out, reviews


@app.command("import-project")
def import_project_cmd(
    path: Annotated[Path, typer.Argument(help="A REFI-QDA project exchange file (.qdpx) or bare .qde, a Taguette "
                                         "database (.sqlite3) or highlights export (.csv/.xlsx), or a QualCoder "
                                         "project (.qda).")],
    project: Annotated[str, typer.Option("--project", "-p", help="The NEW project to create (file or database URL).")],
    coder: Annotated[str | None, typer.Option("--coder", help="Coder for codings without a user.")] = None,
    offsets: Annotated[OffsetsChoice, typer.Option(help="How the file counts positions [default: from its origin].")]
    = OffsetsChoice.auto,
    encrypt: Annotated[bool, typer.Option("--encrypt", help="Encrypt the new project file (see makna init).")]
    = False,
    select: Annotated[str | None, typer.Option("--select", help="The project to take from a file that holds "
                                               "several (a Taguette database): its id or name.")] = None,
    verify_with: Annotated[list[str] | None, typer.Option(
        "--verify-with", help="The project that exported the .qdpx, or a full copy of it, not a coder's "
        "(repeatable): its seal key verifies the de-identification state the file claims. A claim not verified "
        "imports as not de-identified (see 'makna deid trust').")] = None,
) -> None:
    """Create a new project from a .qdpx (or bare .qde) made by makna, NVivo, ATLAS.ti, MAXQDA, ..., from a
    Taguette database or highlights export, or from a QualCoder project."""
    from functools import partial

    from ..exchange import import_project
    from ._passphrase import new_passphrase

    chosen = None if offsets is OffsetsChoice.auto else offsets.value
    seals, reviews = _seals(verify_with or [])
    passphrase = partial(new_passphrase, project) if encrypt else None  # asked once the path is known free
    with busy("Importing"):
        report = import_project(path, project, coder=coder, offsets=chosen, passphrase=passphrase, select=select,
                                seals=seals, field_reviews=reviews)
    _print_report(report)
    typer.echo(f"Created {project}.")


@codebook_app.command("import-qdc")
def codebook_import_qdc(path: Path, project: ProjectOpt = None) -> None:
    """Add (or update) codes from a REFI-QDA codebook file (.qdc)."""
    from ..exchange import import_qdc

    with opened(project) as proj:
        report = import_qdc(proj, path)
    typer.echo(f"Codebook {path}: {report.codes} code(s) added, {report.codes_updated} updated, "
               f"{report.sets} set(s) added.")
    for note in report.notes:
        typer.echo(f"Note: {note}")
