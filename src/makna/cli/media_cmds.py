"""makna media: link a recording (audio or video in the project folder) to a source, and set turn times."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ._app import app
from ._common import FormatOpt, OutputFormat, ProjectOpt, emit, opened

media_app = typer.Typer(help="Recordings: link an audio or video file in the project folder to a source; "
                             "set the times of its turns.", no_args_is_help=True)
app.add_typer(media_app, name="media")

FolderOpt = Annotated[Path | None, typer.Option(
    "--folder", help="The folder recordings live in (default: the project file's folder; for a PostgreSQL "
                     "project, $MAKNA_MEDIA_DIR).")]


@media_app.command("link")
def media_link(source: str, file: Path, project: ProjectOpt = None, folder: FolderOpt = None) -> None:
    """Link the recording FILE (inside the project folder) to SOURCE, replacing an earlier link."""
    from ..media import link_media

    with opened(project) as proj:
        link = link_media(proj, source, file, folder=folder)
    typer.echo(f"Linked {link.path} ({link.media_type}) to {source}")


@media_app.command("unlink")
def media_unlink(source: str, project: ProjectOpt = None) -> None:
    """Forget the recording of SOURCE (the file stays where it is)."""
    from ..media import unlink_media

    with opened(project) as proj:
        unlink_media(proj, source)
    typer.echo(f"Unlinked the recording of {source}")


@media_app.command("show")
def media_show(source: str, project: ProjectOpt = None, fmt: FormatOpt = OutputFormat.table) -> None:
    """The recording of SOURCE and the times of its turns."""
    from ..media import get_media
    from ..sources import get_turns

    with opened(project) as proj:
        link = get_media(proj, source)
        turns = get_turns(proj, source)
    if fmt is OutputFormat.table:
        typer.echo(f"Recording: {link.path} ({link.media_type})" if link else "Recording: none linked")
    rows = [{"turn": t.number, "speaker": t.speaker, "start": t.time_start or "", "end": t.time_end or ""}
            for t in turns]
    emit(rows, ["turn", "speaker", "start", "end"], fmt, title="Turns", empty="No turns in this source")


@media_app.command("time")
def media_time(
    source: str,
    turn: int,
    start: Annotated[str | None, typer.Argument(help="HH:MM:SS.mmm, MM:SS or seconds; leave out with --clear.")]
    = None,
    end: Annotated[str | None, typer.Option("--end", help="Where the turn ends.")] = None,
    clear: Annotated[bool, typer.Option("--clear", help="Remove the turn's times.")] = False,
    project: ProjectOpt = None,
) -> None:
    """Set the time in the recording where TURN of SOURCE starts (click-to-seek in the workbench)."""
    from ..errors import InputError
    from ..media import format_time, parse_time, set_turn_time

    if clear == (start is not None):
        raise InputError("give the turn's start time, or --clear to remove it")
    with opened(project) as proj:
        set_turn_time(proj, source, turn, start, end)
    typer.echo(f"Turn {turn}: " + (f"starts at {format_time(parse_time(start))}" if start else "times cleared"))
