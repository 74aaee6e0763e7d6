"""makna init, makna copy, makna log, makna undo, makna redo: create or copy a project; read its event log;
undo and redo."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ._app import app
from ._common import CoderOpt, FormatOpt, OutputFormat, ProjectOpt, busy, emit, opened

if TYPE_CHECKING:
    from ..history import Step

StepsOpt = Annotated[int, typer.Option("--steps", "-n", min=1, help="How many steps.")]


@app.command()
def init(
    path: Annotated[str, typer.Argument(help="Project file (SQLite) or postgresql:// URL.")] = "study.makna",
    name: Annotated[str | None, typer.Option("--name", "-n", help="Project title [default: file name]")] = None,
    encrypt: Annotated[bool, typer.Option("--encrypt", help="Encrypt the project file (SQLCipher) with a passphrase "
                                          "from --key-file, $MAKNA_PASSPHRASE or $MAKNA_KEY_FILE, else asked.")]
    = False,
) -> None:
    """Create a new, empty project."""
    from functools import partial

    from ..project import create_project
    from ._passphrase import new_passphrase

    # asked only once the path is known to be free (a taken path is refused before the prompt)
    with create_project(path, name, passphrase=partial(new_passphrase, path) if encrypt else None) as project:
        info = project.info()
    typer.echo(f"Created {'encrypted ' if encrypt else ''}project {info.name!r} at {path} (id {info.id}).")


@app.command("copy")
def copy_cmd(
    target: Annotated[str, typer.Argument(help="The new file (never overwritten).")],
    project: ProjectOpt = None,
    coder: Annotated[str | None, typer.Option(
        "--coder", help="Make it this second coder's copy: they code in it, and 'makna push NEW' brings their "
                        "codings and memos back into this project.")] = None,
    blind: Annotated[bool | None, typer.Option(
        "--blind/--no-blind", help="With --coder: a blind copy, without the other coders' codings (nor memos on "
                                   "them, nor the project's log), so that agreement compares independent codings; "
                                   "it stays blind when refreshed [default: blind while a blind round is open, "
                                   "else not].", show_default=False)] = None,
) -> None:
    """Copy the project file at one moment, safe while the workbench runs (for a second coder, a backup)."""
    from ..copying import copy_for_coder, copy_project
    from ..project import find_project
    from ._passphrase import ask_passphrase

    location = find_project(project)
    with busy("Copying"):
        secret = partial(ask_passphrase, location)
        if coder is None:
            dest, blind = copy_project(location, target, passphrase=secret, blind=blind), False
        else:
            dest, blind = copy_for_coder(location, target, coder, passphrase=secret, blind=blind)
    typer.echo(f"Copied {location} to {dest}: every change committed before the copy began is in it.")
    from ._deid_hint import warn_unscanned_fields

    with opened(location) as copied:  # the project as copied (its passphrase is asked once per command)
        warn_unscanned_fields(copied, "the copy")
    if coder is not None and blind:
        typer.echo(f"It is {coder.strip()}'s blind copy: it holds none of the other coders' codings (nor their log), "
                   f"they code in it (not the codebook), 'makna push {dest}' brings their work back into {location} "
                   f"(adding theirs, never changing the others'), and 'makna pull {dest}' refreshes it from there, "
                   "still blind. Once both have coded: 'makna agreement project --coders A,B'.")
    elif coder is not None:
        typer.echo(f"It is {coder.strip()}'s copy: they code in it (not the codebook), 'makna push {dest}' "
                   f"brings their work back into {location}, and 'makna pull {dest}' refreshes it from there (the "
                   "codebook and the others' codings as they are then, their work not pushed yet kept). It shows "
                   "them the others' codings: for agreement between independent codings, make a --blind copy.")
    if _makes_two_here(location, dest):
        typer.echo("Note: this folder now holds two projects, so a command here without -p (or $MAKNA_PROJECT) "
                   "is refused as ambiguous: hand the copy over and remove it here, or make it in another folder.")


def _makes_two_here(location: str, dest: object) -> bool:
    """Whether the copy sits in the current folder beside the project found there as its only one."""
    here = Path.cwd().resolve()
    new, old = Path(str(dest)).resolve(), Path(location).resolve() if "://" not in location else None
    return new.suffix == ".makna" and new.parent == here and old is not None and old.parent == here


@app.command("log")
def log_cmd(
    project: ProjectOpt = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="How many entries, newest first.")] = 20,
    action: Annotated[str | None, typer.Option("--action", help="Only actions starting with this.")] = None,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Show the event log: who changed what, when, and whether it can be undone ('makna undo')."""
    from ..history import step_states
    from ..memos import events

    with opened(project) as proj:
        found = events(proj, limit=limit, action=action)
        states = step_states(proj, [e.id for e in found])
        rows = [{"id": e.id, "at": e.at, "actor": e.actor, "action": e.action, "undo": states.get(e.id, ""),
                 "payload": json.dumps(e.payload, ensure_ascii=False)[:200]} for e in found]
    emit(rows, ["id", "at", "actor", "action", "undo", "payload"], fmt, title="Event log")


def _said(verb: str, step: Step) -> str:
    return f"{verb}: {step.description} (event {step.id}, {step.at:%Y-%m-%d %H:%M} UTC)"


@app.command("undo")
def undo_cmd(steps: StepsOpt = 1, coder: CoderOpt = None, project: ProjectOpt = None) -> None:
    """Undo your latest change (or --steps N of them): coding, memos, codebook, cases, imports.

    Each coder undoes only their own changes; a change someone else built on is refused. De-identification
    and whole-project imports cannot be undone."""
    from ..history import undo

    with opened(project, coder) as proj:
        for step in undo(proj, steps):
            typer.echo(_said("Undone", step))


@app.command("redo")
def redo_cmd(steps: StepsOpt = 1, coder: CoderOpt = None, project: ProjectOpt = None) -> None:
    """Redo the change you undid last (or --steps N of them); a new change empties what can be redone."""
    from ..history import redo

    with opened(project, coder) as proj:
        for step in redo(proj, steps):
            typer.echo(_said("Redone", step))
