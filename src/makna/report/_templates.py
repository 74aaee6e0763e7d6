"""Where report templates come from: the user's folder first (``--templates DIR``), then the
shipped ones. Only the ``render_*`` modules use this, with Jinja2."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ..errors import InputError

__all__ = ["template_dirs"]


def template_dirs(user_dir: str | Path | None) -> list[str]:
    shipped = str(resources.files("makna.report") / "templates")
    if user_dir is None:
        return [shipped]
    p = Path(user_dir)
    if not p.is_dir():
        raise InputError(f"{p}: the templates folder does not exist")
    return [str(p), shipped]
