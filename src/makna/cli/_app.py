"""The root Typer application and the error boundary."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from typer.core import TyperGroup

from ..errors import MaknaError


class MaknaGroup(TyperGroup):
    """Turns every MaknaError raised below into a one-line message and its exit code."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except MaknaError as exc:
            typer.echo(f"Error: {exc}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            # Ctrl-C: every change is one transaction, so the one under way was rolled back; say so in one
            # line rather than stopping without a word (newuser18)
            typer.echo("Interrupted: the change under way was not saved (changes finished before it were).",
                       err=True)
            raise typer.Exit(130) from None
        except OSError as exc:
            # a file or folder the user named that cannot be written or read (an --output in a folder
            # nobody may write in, a path through a file): one line, as for any other user mistake
            if exc.filename is None:
                raise
            where = Path(str(exc.filename))
            if where.name.startswith(".makna-"):  # a temporary file beside the output: name its folder
                where = where.parent
            typer.echo(f"Error: {where}: cannot write or read it ({exc.strerror})", err=True)
            raise typer.Exit(2) from None


app = typer.Typer(
    name="makna",
    cls=MaknaGroup,
    help="makna: qualitative analysis of interviews (Indonesian and English), private by default.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
)


def _register() -> None:
    # Each module adds its commands to ``app`` on import; the order sets the order in --help.
    from . import (  # noqa: F401
        cases_cmds,
        codebook_cmds,
        coding_cmds,
        demo_cmds,
        encrypt_cmds,
        optional_cmds,  # noqa: F401
        project_cmds,
        query_cmds,
        rounds_cmds,  # noqa: F401
        sources_cmds,
    )


_register()


def main() -> None:
    app()
