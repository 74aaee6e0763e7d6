"""Command groups of the analysis, privacy, agreement and exchange layers.

Each import below adds commands or a group to the root app. The ``agreement`` and ``deid`` groups
load their modules (numpy, the de-identification patterns) only when they are used.
"""

from __future__ import annotations

import typer

from ._app import app
from ._lazy import lazy_group

app.add_typer(
    typer.Typer(no_args_is_help=True, rich_markup_mode=None),
    name="agreement",
    cls=lazy_group("agreement_cmds:agreement_app"),
    help="Inter-coder agreement: kappa family, Krippendorff's alpha, unitizing alpha.",
)
app.add_typer(
    typer.Typer(no_args_is_help=True, rich_markup_mode=None),
    name="deid",
    cls=lazy_group("deid_cmds:deid_app"),
    help="De-identification: detect and review personal identifiers, replace them, keep the key apart.",
)
app.add_typer(
    typer.Typer(no_args_is_help=True, rich_markup_mode=None),
    name="server",
    cls=lazy_group("server_cmds:server_app"),
    help="A team server on PostgreSQL: accounts, per-project roles, several projects.",
)
from . import analysis_cmds  # noqa: F401
from . import exchange_cmds  # noqa: F401
from . import web_cmds  # noqa: F401
from . import media_cmds  # noqa: F401
from . import suggest_cmds  # noqa: F401
from . import sync_cmds  # noqa: F401
