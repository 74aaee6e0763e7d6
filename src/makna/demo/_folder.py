"""Which files ``makna demo`` may replace: only those of a demo it built itself.

The demo writes a marker (``.makna-demo``, holding the id of the project it made) next to the files
it writes, and when done, the last event of that project and a digest of each example file. A later run
replaces those files only when the marker is there, the project file (and the key file) still belong
to that same project, and neither the project nor an example file changed since: a researcher who
coded in the demo's project or started their codebook from its ``codebook.yaml`` keeps that work.
Anything else in their place is refused, untouched.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..errors import MaknaError, ProjectExistsError

__all__ = ["EXAMPLE_FILES", "MARKER", "KEY_FOLDER", "key_file", "claim_folder", "mark_folder", "seal_folder",
           "owned_files"]

MARKER = ".makna-demo"
_FORMAT = "makna-demo/1"


EXAMPLE_FILES = ("codebook.yaml", "cases.yaml", "coding.yaml")
"""The demo's input files written beside its project, as examples to start a study from
(their formats: docs/formats.md)."""


KEY_FOLDER = "demo-key"
"""The folder of the demo's de-identification key, apart from its project (as the README advises for
a real key); the key is the demo's only file there, and the folder goes when it is empty."""
_OLD_KEY = "study.makna.key"  # where demos before 0.x kept the key: beside the project


def key_file(folder: Path) -> Path:
    """Where the demo in ``folder`` keeps its key: ``folder/demo-key/study.makna.key``."""
    return folder / KEY_FOLDER / "study.makna.key"


def owned_files(folder: Path) -> tuple[Path, ...]:
    """The files and folders a demo run writes in ``folder`` (the marker aside; an earlier version's
    key beside the project included)."""
    project = folder / "study.makna"
    return (project, Path(f"{project}-wal"), Path(f"{project}-shm"), key_file(folder), folder / _OLD_KEY,
            folder / "findings.md", folder / "report", *(folder / name for name in EXAMPLE_FILES))


def _marker(folder: Path) -> dict[str, object] | None:
    try:
        data = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != _FORMAT or not isinstance(data.get("project_id"), str):
        return None
    return data


def _marked_project(folder: Path) -> str | None:
    data = _marker(folder)
    return str(data["project_id"]) if data is not None else None


def _project_state(path: Path) -> tuple[str, int] | None:
    """The project's id and its last event's id (None when it is not a project makna can open)."""
    from sqlalchemy import func, select

    from ..project import open_project
    from ..store import tables

    try:
        with open_project(path) as project, project.store.read() as conn:
            return project.info().id, int(conn.execute(select(func.max(tables.events.c.id))).scalar() or 0)
    except (MaknaError, KeyError):
        return None


def _project_id(path: Path) -> str | None:
    state = _project_state(path)
    return state[0] if state is not None else None


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _changed(folder: Path, data: dict[str, object]) -> Path | None:
    """The first of the demo's files changed since :func:`seal_folder` recorded them, if any."""
    files = data.get("files")
    if isinstance(files, dict):
        for name, digest in files.items():
            path = folder / str(name)
            if path.is_file() and _digest(path) != digest:
                return path
    last = data.get("last_event")
    project = folder / "study.makna"
    if isinstance(last, int) and project.exists():
        state = _project_state(project)
        if state is not None and state[1] != last:
            return project
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
    project = folder / "study.makna"
    foreign: Path | None = None
    if marked is None:
        foreign = present[0]
    elif project.exists() and _project_id(project) != marked:
        foreign = project
    else:
        from ..privacy.keyfile import project_fingerprint

        foreign = next((key for key in (key_file(folder), folder / _OLD_KEY)
                        if key.exists() and _key_project(key) != project_fingerprint(marked)), None)
    if foreign is not None:
        raise ProjectExistsError(
            f"{foreign}: exists and was not made by 'makna demo'; nothing was changed "
            "(choose another --dir, e.g. a new folder)"
        )
    data = _marker(folder)
    changed = _changed(folder, data) if data is not None else None
    if changed is not None:
        raise ProjectExistsError(
            f"{changed}: changed since 'makna demo' wrote it; nothing was changed, so your work there is kept "
            "(move it elsewhere, or choose another --dir for a new demo)"
        )
    import shutil

    for p in present:
        if p.is_dir() and not p.is_symlink():
            shutil.rmtree(p)
        else:
            p.unlink(missing_ok=True)
    try:
        (folder / KEY_FOLDER).rmdir()  # only when empty: a file of someone else's there stays
    except OSError:
        pass


def mark_folder(folder: Path, project_id: str) -> None:
    """Record that ``folder``'s demo files belong to the demo project ``project_id``."""
    (folder / MARKER).write_text(json.dumps({"format": _FORMAT, "project_id": project_id}) + "\n", encoding="utf-8")


def seal_folder(folder: Path, project_id: str) -> None:
    """Record, once the demo is written, its project's last event and a digest of each example file, so
    that a later demo refuses to replace them once someone has worked in them."""
    state = _project_state(folder / "study.makna")
    data = {"format": _FORMAT, "project_id": project_id, "last_event": state[1] if state else None,
            "files": {name: _digest(folder / name) for name in EXAMPLE_FILES if (folder / name).is_file()}}
    (folder / MARKER).write_text(json.dumps(data) + "\n", encoding="utf-8")
