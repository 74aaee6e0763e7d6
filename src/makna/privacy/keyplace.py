"""Where a de-identification key is kept: never beside the project it reverses.

With the key and its passphrase anyone can put the original names back, so the key belongs in a folder
of its own, away from the project and its copies. A key written into the project's folder (or a folder
below it) travels with every copy of that folder that is shared, backed up or handed in; ``makna deid
apply`` and the workbench then say so, once the key is written, and how to put it right (the project
keeps only the key's fingerprint, so the file may be moved anywhere).
"""

from __future__ import annotations

import os
from pathlib import Path

from ..project import Project

__all__ = ["key_beside_project"]


def key_beside_project(project: Project, key: str | os.PathLike[str]) -> str | None:
    """A warning when the key file ``key`` lies in the folder of the project file or below it; None
    when it lies elsewhere or the project is on a database server (it has no folder)."""
    path = project.store.path
    if path is None:
        return None
    folder = path.resolve().parent
    file = Path(key).expanduser().resolve()
    if not file.is_relative_to(folder):
        return None
    return (f"the key {file} is inside the project's folder {folder}: whoever gets a copy of that folder gets "
            "the key with it. Move the key to a folder of its own, away from the project and its copies "
            "(the project keeps only its fingerprint: give its new path to --key later)")
