"""docs/cli.md, generated from the commands' own --help texts (kept honest by a test)."""

from __future__ import annotations

from typing import Any

import typer
import typer.main
from typer.testing import CliRunner

from ._app import app


def _paths(cmd: Any, path: list[str]) -> list[list[str]]:
    out = [path]
    if hasattr(cmd, "list_commands"):  # a group (a lazy one loads its commands here)
        ctx = typer.Context(cmd)
        for name in sorted(cmd.list_commands(ctx)):
            out += _paths(cmd.get_command(ctx, name), [*path, name])
    return out


def render() -> str:
    runner = CliRunner()
    parts = ["# makna command reference", "",
             "Generated from `makna --help` and each command's `--help` by `python -m makna.cli._docs > docs/cli.md`;",
             "a test fails when this file and the commands disagree.", ""]
    for path in _paths(typer.main.get_command(app), []):
        result = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "100", "TERM": "dumb"}, prog_name="makna")
        parts += [f"## `{' '.join(['makna', *path])}`", "", "```text", result.output.rstrip(), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    print(render(), end="")
