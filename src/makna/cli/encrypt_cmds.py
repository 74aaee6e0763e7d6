"""makna encrypt / decrypt: encryption at rest of a project file; the global --key-file and --version options."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ._app import app
from ._common import CoderOpt, ProjectOpt
from ._passphrase import ask_passphrase, new_passphrase, start_command


def _show_version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"makna {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    key_file: Annotated[Path | None, typer.Option(
        "--key-file", help="File holding the passphrase of an encrypted project [default: $MAKNA_PASSPHRASE, "
                           "else the file named by $MAKNA_KEY_FILE, else asked]", show_default=False)] = None,
    version: Annotated[bool, typer.Option(
        "--version", callback=_show_version, is_eager=True, help="Print makna's version and exit.")] = False,
) -> None:
    start_command(key_file)


@app.command()
def encrypt(project: ProjectOpt = None, coder: CoderOpt = None) -> None:
    """Encrypt a project file (SQLCipher) with a passphrase; every command then needs the passphrase.

    The passphrase comes from --key-file, $MAKNA_PASSPHRASE or $MAKNA_KEY_FILE, else it is asked
    (twice). Close the workbench first. The project is converted into a copy next to it, checked,
    then put in its place; on any failure it stays as it was. Keep the passphrase safe: without it
    the project cannot be read.
    """
    from ..encryption import encrypt_project
    from ..project import find_project

    location = find_project(project)
    encrypt_project(location, new_passphrase(location), coder=coder)
    typer.echo(f"Encrypted {location}.")


@app.command()
def decrypt(project: ProjectOpt = None, coder: CoderOpt = None) -> None:
    """Turn an encrypted project file back into a plain one (asks for its passphrase)."""
    from ..encryption import decrypt_project
    from ..project import find_project

    location = find_project(project)
    decrypt_project(location, ask_passphrase(location), coder=coder)
    typer.echo(f"Decrypted {location}: the project file is no longer encrypted.")
