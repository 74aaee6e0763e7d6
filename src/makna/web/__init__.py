"""The makna coding workbench: a local web app to read, code and review transcripts.

``create_app(project_location)`` gives the ASGI application; ``makna serve`` runs it on 127.0.0.1.
"""

from __future__ import annotations

from .app import close_app, create_app

__all__ = ["create_app", "close_app"]
