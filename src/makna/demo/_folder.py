"""Which files ``makna demo`` may replace: only those of a demo it built itself.

The demo writes a marker (``.makna-demo``, holding the id of the project it made) next to the files
it writes. A later run replaces those files only when the marker is there and the project file (and
the key file) still belong to that same project; anything else in their place is refused, untouched.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import MaknaError, ProjectExistsError

__all__ = ["EXAMPLE_FILES", "MARKER", "claim_folder", "mark_folder", "owned_files"]

MARKER = ".makna-demo"
_FORMAT = "makna-demo/1"


EXAMPLE_FILES = ("codebook.yaml", "cases.yaml", "coding.yaml")
"""The demo's input files written beside its project, as examples to start a study from
(their formats: docs/formats.md)."""


def owned_files(folder: Path) -> tuple[Path, ...]:
    """The files and folders a demo run writes in ``folder`` (the marker aside)."""
    project = folder / "study.makna"
    return (project, Path(f"{project}-wal"), Path(f"{project}-shm"), folder / "study.makna.key",
            folder / "findings.md", folder / "report", *(folder / name for name in EXAMPLE_FILES))


def _marked_project(folder: Path) -> str | None:
    try:
        data = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != _FORMAT or not isinstance(data.get("project_id"), str):
        return None
    return str(data["project_id"])


def _project_id(path: Path) -> str | None:
    from ..project import open_project

    try:
        with open_project(path) as project:
            return project.info().id
    except (MaknaError, KeyError):
        return None


def _key_project(path: Path) -> str | None:
    from ..privacy.keyfile import read_header

    try:
        return str(read_header(path).get("project"))
    except (MaknaError, OSError, ValueError):
        return None


def claim_folder(folder: Path) -> None:
    """Remove an earlier demo's files from ``folder`` so a new demo can be written there; refuse
    (:class:`ProjectExistsError`, nothing touched) when any file the demo writes exists there and
    is not the demo's own."""
    present = [p for p in owned_files(folder) if p.exists() or p.is_symlink()]
    if not present:
        return
    marked = _marked_project(folder)
    project, key = folder / "study.makna", folder / "study.makna.key"
    foreign: Path | None = None
    if marked is None:
        foreign = present[0]
    elif project.exists() and _project_id(project) != marked:
        foreign = project
    elif key.exists():
        from ..privacy.keyfile import project_fingerprint

        if _key_project(key) != project_fingerprint(marked):
            foreign = key
    if foreign is not None:
        raise ProjectExistsError(
            f"{foreign}: exists and was not made by 'makna demo'; nothing was changed "
            "(choose another --dir, e.g. a new folder)"
        )
    import shutil

    for p in present:
        if p.is_dir() and not p.is_symlink():
            shutil.rmtree(p)
        else:
            p.unlink(missing_ok=True)


def mark_folder(folder: Path, project_id: str) -> None:
    """Record that ``folder``'s demo files belong to the demo project ``project_id``."""
    (folder / MARKER).write_text(json.dumps({"format": _FORMAT, "project_id": project_id}) + "\n", encoding="utf-8")
