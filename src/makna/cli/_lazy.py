"""Command groups whose commands load on first use, so that ``makna --help`` stays fast.

A group's module (``makna.cli.deid_cmds``) imports the libraries its commands need (numpy, the
de-identification patterns, ...). Mounted with :func:`lazy_group`, the module is imported only when
the group is run or its own ``--help`` is shown; ``makna --help`` needs just the group's name and help.
"""

from __future__ import annotations

import importlib
from typing import Any

import typer
import typer.main
from typer.core import TyperGroup

__all__ = ["LazyGroup", "lazy_group"]


class LazyGroup(TyperGroup):
    """A group that takes its commands from the Typer app named by :attr:`target` (``"module:attr"``)."""

    target = ""
    _real: TyperGroup | None = None

    def real_group(self) -> TyperGroup:
        if self._real is None:
            module, _, attribute = self.target.partition(":")
            sub_app: typer.Typer = getattr(importlib.import_module(f"{__package__}.{module}"), attribute)
            self._real = typer.main.get_group(sub_app)
        return self._real

    def list_commands(self, ctx: Any) -> list[str]:
        return self.real_group().list_commands(ctx)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        return self.real_group().get_command(ctx, cmd_name)


def lazy_group(target: str) -> Any:
    """A :class:`LazyGroup` class for ``app.add_typer(..., cls=lazy_group("deid_cmds:deid_app"))``."""
    return type(f"LazyGroup[{target}]", (LazyGroup,), {"target": target})
