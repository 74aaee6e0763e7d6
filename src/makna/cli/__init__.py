"""The ``makna`` command line: parse input, call the core library, format output.

Every :class:`makna.errors.MaknaError` becomes one line on stderr and a non-zero exit code.
"""

from __future__ import annotations

from ._app import app, main

__all__ = ["app", "main"]
