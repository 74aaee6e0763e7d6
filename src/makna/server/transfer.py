"""Moving a local project onto the server: a ``.makna`` file copied whole into a new schema."""

from __future__ import annotations

import os

from sqlalchemy import delete

from ..project import create_project, open_project
from ..store import tables
from ..store.transfer import copy_project_rows

__all__ = ["copy_project"]


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
