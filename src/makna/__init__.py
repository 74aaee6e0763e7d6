"""makna: qualitative data analysis of interviews."""

from __future__ import annotations

from .errors import MaknaError

__version__ = "0.1.0"

__all__ = ["MaknaError", "__version__"]
