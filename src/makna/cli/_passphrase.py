"""Passphrases of encrypted projects on the command line: ``--key-file``, ``$MAKNA_PASSPHRASE``,
``$MAKNA_KEY_FILE``, else a hidden prompt on a terminal, asked at most once per command and project."""

from __future__ import annotations

import sys
from contextvars import ContextVar
from pathlib import Path
from typing import Any

import typer

from ..errors import InputError, ProjectError

# what the running command was given (--key-file) and has asked already; set by the root callback
_STATE: ContextVar[dict[str, Any] | None] = ContextVar("makna-cli-passphrases", default=None)


def start_command(key_file: Path | None) -> None:
    """Begin a command: keep its global ``--key-file``, forget passphrases asked before."""
    _STATE.set({"key_file": key_file, "asked": {}})


def _state() -> dict[str, Any]:
    state = _STATE.get()
    if state is None:
        state = {"key_file": None, "asked": {}}
        _STATE.set(state)
    return state


def _given() -> str | None:
    key_file = _state()["key_file"]
    from ..store._cipher import passphrase_from_env  # (the store loads SQLAlchemy: not at start-up)

    return passphrase_from_env(key_file=str(key_file) if key_file is not None else None)


def _interactive() -> bool:
    return sys.stdin.isatty()


def _prompt(text: str, confirm: bool) -> str:
    missing = ProjectError(f"{text[0].lower()}{text[1:]}: none given (use --key-file, or set MAKNA_PASSPHRASE or "
                           "MAKNA_KEY_FILE)")
    if not _interactive():
        raise missing
    try:
        answer = typer.prompt(text, hide_input=True, confirmation_prompt=confirm, err=True)
    except (typer.Abort, EOFError, KeyboardInterrupt):
        raise missing from None
    from ..store._cipher import check_passphrase  # (the store loads SQLAlchemy: not at start-up)

    return check_passphrase(str(answer))


def ask_passphrase(location: str) -> str:
    """The passphrase of the encrypted project at ``location`` (asked once per command)."""
    asked: dict[str, str] = _state()["asked"]
    if location not in asked:
        given = _given()
        asked[location] = given if given is not None else _prompt(f"Passphrase for {location}", False)
    return asked[location]


def new_passphrase(location: str) -> str:
    """A passphrase to encrypt ``location`` with: given, else asked twice."""
    given = _given()
    from ..store._cipher import check_passphrase  # (the store loads SQLAlchemy: not at start-up)

    return check_passphrase(given) if given is not None else _prompt(f"New passphrase for {location}", True)


def read_secret(prompt: str, *, confirm: bool = False) -> str | None:
    """A secret typed at a hidden prompt on a terminal, else read from standard input (one line, two
    when ``confirm``; Python's getpass would first print a warning that it cannot hide the input).
    None when nothing was given; an :class:`~makna.errors.InputError` when the two lines differ."""
    if _interactive():
        try:
            return str(typer.prompt(prompt, hide_input=True, confirmation_prompt=confirm, err=True))
        except (typer.Abort, EOFError, KeyboardInterrupt):
            return None
    first = sys.stdin.readline().rstrip("\r\n")
    if not first:
        return None
    if confirm and sys.stdin.readline().rstrip("\r\n") != first:
        raise InputError(f"{prompt[0].lower()}{prompt[1:]}: the two lines given differ")
    return first
