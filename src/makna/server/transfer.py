"""Moving a project between a local file and the server: a ``.makna`` file copied whole into a new
schema (:func:`copy_project`), and a server project copied whole into a new ``.makna`` file, its
one-file backup (:func:`export_project`)."""

from __future__ import annotations

import os

from sqlalchemy import delete

from ..project import create_project, open_project
from ..store import tables
from ..store._cipher import Passphrase
from ..store.transfer import copy_project_rows

__all__ = ["copy_project", "export_project"]


def copy_project(path: str | os.PathLike[str], location: str) -> dict[str, int]:
    """Create the project at ``location`` as a copy of the local project file ``path`` (an
    encrypted file is opened with ``$MAKNA_PASSPHRASE`` or ``$MAKNA_KEY_FILE``)."""
    with open_project(path) as source:
        name = source.info().name
        with create_project(location, name, coder=source.coder_name) as target:
            counts = copy_project_rows(source.store, target.store)
            with target.store.batch() as conn:  # a pulled copy's session and base do not travel (makna pull)
                conn.execute(delete(tables.meta).where(tables.meta.c.key.like("sync.%")))
                conn.execute(delete(tables.sync_base))
            return counts


def export_project(location: str, path: str | os.PathLike[str], *, passphrase: Passphrase = None) -> dict[str, int]:
    """Write the project at ``location`` (a server project's URL) whole into the new project file
    ``path``: sources with their original files, codebook, cases, every coder's codings and memos,
    de-identification reviews, rounds, the event log and undo history, as one consistent state
    (read in one snapshot while the server goes on). An existing file is refused; the file is readable
    by its owner only (0600); with a ``passphrase`` it is encrypted (SQLCipher). Returns the rows
    copied per table; a failed copy leaves no file."""
    with open_project(location, coder="server") as source:
        info = source.info()
        target = create_project(path, info.name, coder=source.coder_name, project_id=info.id, passphrase=passphrase)
        try:
            os.chmod(path, 0o600)  # the whole project on a shared server: its owner's alone, before any row is in it
            counts = copy_project_rows(source.store, target.store)
        except BaseException:
            target.store.destroy()
            raise
        target.close()
        return counts
