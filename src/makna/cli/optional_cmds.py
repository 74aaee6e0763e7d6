"""Command groups of the analysis, privacy, agreement and exchange layers.

Each import below adds one group (``makna agreement ...``, ``makna deid ...``) to the root app.
"""

from __future__ import annotations

from ._app import app
from .agreement_cmds import agreement_app

app.add_typer(agreement_app, name="agreement")
from .deid_cmds import deid_app

app.add_typer(deid_app, name="deid")
from . import analysis_cmds  # noqa: F401
from . import exchange_cmds  # noqa: F401
from . import web_cmds  # noqa: F401
