"""makna init, makna log: create a project; read its event log."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from ._app import app
from ._common import FormatOpt, OutputFormat, ProjectOpt, emit, opened


@app.command()
def init(
    path: Annotated[str, typer.Argument(help="Project file (SQLite) or postgresql:// URL.")] = "study.makna",
    name: Annotated[str | None, typer.Option("--name", "-n", help="Project title [default: file name]")] = None,
) -> None:
    """Create a new, empty project."""
    from ..project import create_project

    with create_project(path, name) as project:
        info = project.info()
    typer.echo(f"Created project {info.name!r} at {path} (id {info.id}).")


@app.command("log")
def log_cmd(
    project: ProjectOpt = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="How many entries, newest first.")] = 20,
    action: Annotated[str | None, typer.Option("--action", help="Only actions starting with this.")] = None,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Show the event log: who changed what, when."""
    from ..memos import events

    with opened(project) as proj:
        rows = [{"id": e.id, "at": e.at, "actor": e.actor, "action": e.action,
                 "payload": json.dumps(e.payload, ensure_ascii=False)[:200]} for e in events(proj, limit=limit,
                                                                                            action=action)]
    emit(rows, ["id", "at", "actor", "action", "payload"], fmt, title="Event log")
