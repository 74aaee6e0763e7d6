"""Files outside the project that still hold what de-identification replaced inside it.

``apply`` changes the project only: the transcripts as they were imported, and the reports, exports and
copies of the project written before it, keep the original names. A new user's trial (trial6) applied in
the workbench and was told only what was replaced, with ``transcripts/`` and a copy for a second coder
beside the project. :func:`originals_on_disk` finds the ones that can be found by name, for the command
line and the workbench to name after an apply.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from ..store import resolve_location, sqlite_path

__all__ = ["originals_on_disk"]

_SKIP = {"node_modules", "__pycache__", ".git", ".venv", "venv"}


def originals_on_disk(location: str, names: Iterable[str], *, depth: int = 2, limit: int = 20) -> list[str]:
    """Paths, relative to the folder of the project file at ``location``, of the files in it or in its
    subfolders (down to ``depth`` levels, hidden folders left out) named like one of ``names`` (the file
    names the transcripts were imported from), and of the other project files (``*.makna``) beside it:
    sorted, at most ``limit``. Nothing for a database URL."""
    path = sqlite_path(resolve_location(location))
    if path is None:  # a server project: no folder of its own
        return []
    project = path.resolve()
    folder = project.parent
    wanted = {n for n in names if n}
    found: list[str] = []
    for here, dirs, files in os.walk(folder):
        level = len(Path(here).relative_to(folder).parts)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIP) if level < depth else []
        for name in sorted(files):
            path = Path(here) / name
            other_project = level == 0 and name.endswith(".makna") and path != project
            if name in wanted or other_project:
                found.append(path.relative_to(folder).as_posix())
    return sorted(found)[:limit]
