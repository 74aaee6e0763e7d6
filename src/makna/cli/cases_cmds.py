"""makna cases: informants and their attributes."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import InputError
from ..model import ATTRIBUTE_TYPES
from ._app import app
from ._common import FormatOpt, OutputFormat, ProjectOpt, emit, opened, parse_span

cases_app = typer.Typer(
    help="Cases (informants) and their attributes. Without a subcommand: list them.", invoke_without_command=True
)
app.add_typer(cases_app, name="cases")

ValueOpt = Annotated[list[str] | None, typer.Option("--value", "-v", help="NAME=VALUE (repeatable).")]


def _pairs(items: list[str] | None, what: str = "--value") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for item in items or []:
        if "=" not in item:
            raise InputError(f"{what} {item!r}: expected NAME=VALUE (for example umur=34)")
        k, v = item.split("=", 1)
        out[k.strip()] = v
    return out


@cases_app.callback()
def cases_list(ctx: typer.Context, project: ProjectOpt = None, fmt: FormatOpt = OutputFormat.table) -> None:
    """List cases with their attribute values."""
    from ..cases import list_attributes, list_cases

    if ctx.invoked_subcommand is not None:
        return
    with opened(project) as proj:
        attrs = [a.name for a in list_attributes(proj)]
        rows = [{"name": c.name, **c.values, "description": c.description} for c in list_cases(proj)]
    emit(rows, ["name", *attrs, "description"], fmt, title="Cases", empty="No cases yet: makna cases add NAME")


@cases_app.command("list", hidden=True)
def cases_list_command(ctx: typer.Context, project: ProjectOpt = None, fmt: FormatOpt = OutputFormat.table) -> None:
    """The same as 'makna cases' (the word people type first)."""
    cases_list(ctx, project, fmt)


@cases_app.command("add")
def cases_add(
    name: str,
    project: ProjectOpt = None,
    description: Annotated[str, typer.Option("--description", "-d")] = "",
    value: ValueOpt = None,
    source: Annotated[
        list[str] | None, typer.Option("--source", "-s", help="Link a whole source (repeatable).")
    ] = None,
) -> None:
    """Add a case, optionally with attribute values and linked sources."""
    from ..cases import add_case, link_source

    with opened(project) as proj, proj.store.batch():
        add_case(proj, name, description, values=_pairs(value))
        for s in source or []:
            link_source(proj, name, s)
    typer.echo(f"Added case {name}.")


@cases_app.command("attribute")
def cases_attribute(
    name: str,
    project: ProjectOpt = None,
    kind: Annotated[str, typer.Option("--type", "-t", help=f"One of: {', '.join(ATTRIBUTE_TYPES)}")] = "text",
    description: Annotated[str, typer.Option("--description", "-d")] = "",
) -> None:
    """Define a case attribute with a type."""
    from ..cases import define_attribute

    with opened(project) as proj:
        define_attribute(proj, name, kind, description)
    typer.echo(f"Attribute {name} ({kind}) defined.")


@cases_app.command("set")
def cases_set(
    case: str, values: Annotated[list[str], typer.Argument(help="NAME=VALUE pairs.")], project: ProjectOpt = None,
    if_version: Annotated[int | None, typer.Option(
        "--if-version",
        help="Only if the case is still at this version; refused when someone changed it since.")] = None,
) -> None:
    """Set attribute values of a case (an empty VALUE clears it)."""
    from ..cases import set_values

    with opened(project) as proj:
        set_values(proj, case, _pairs(values, "case value"), expected_version=if_version)
    typer.echo(f"Updated {case}.")


@cases_app.command("link")
def cases_link(
    case: str,
    source: str,
    project: ProjectOpt = None,
    span: Annotated[str | None, typer.Option("--span", help="START:END inside the source.")] = None,
    speaker: Annotated[str | None, typer.Option(
        "--speaker", help="Every turn of this speaker label (a focus group's participant, e.g. 'Participant 2').")]
    = None,
) -> None:
    """Link a case to a source, to a span of it, or to every turn of one speaker."""
    from ..cases import link_source, link_speaker

    if span and speaker:
        raise InputError("give --span or --speaker, not both")
    with opened(project) as proj:
        if speaker is not None:
            links = link_speaker(proj, case, source, speaker)
            typer.echo(f"Linked {case} to {len(links)} turn(s) of {speaker.strip()} in {source}.")
            return
        start, end = parse_span(span) if span else (None, None)
        link_source(proj, case, source, start, end)
    typer.echo(f"Linked {case} to {source}{f' [{span}]' if span else ''}.")


@cases_app.command("unlink")
def cases_unlink(case: str, source: str, project: ProjectOpt = None) -> None:
    """Unlink a case from a source: its whole link and every span of it (the codings stay)."""
    from ..cases import unlink_source

    with opened(project) as proj:
        n = unlink_source(proj, case, source, missing_ok=False)
    typer.echo(f"Unlinked {case} from {source} ({n} link(s)).")


@cases_app.command("import")
def cases_import(path: Path, project: ProjectOpt = None) -> None:
    """Add cases from a YAML or CSV file, or update those that exist in place (all or nothing, one
    event). The formats: docs/formats.md."""
    from ..cases import load_cases_file

    with opened(project) as proj:
        result = load_cases_file(proj, path)
    for line in result.changes:
        typer.echo(f"  {line}")
    typer.echo(f"Cases from {path}: {result.added} added, {result.updated} updated, {result.unchanged} unchanged.")


@cases_app.command("delete")
def cases_delete(case: str, project: ProjectOpt = None) -> None:
    """Delete a case (its codings stay: they belong to sources)."""
    from ..cases import delete_case

    with opened(project) as proj:
        delete_case(proj, case)
    typer.echo(f"Deleted case {case}.")
