"""Creating a new project from a .qdpx, and removing it again when the import fails."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from ..errors import ExchangeError, ProjectExistsError
from ..project import create_project
from ..store import Store, resolve_location, sqlite_path, tables
from ..store._cipher import Passphrase
from ._report import ImportReport
from ._safety import DEFAULT_LIMITS, Limits
from .qdpx_read import import_opened, open_qdpx

__all__ = ["import_project"]


def import_project(path: str | os.PathLike[str], location: str | os.PathLike[str], *, coder: str | None = None,
                   offsets: str | None = None, limits: Limits = DEFAULT_LIMITS,
                   parallel: bool | None = None, passphrase: Passphrase = None) -> ImportReport:
    """Create a new project at ``location`` (refused when one exists there) from the .qdpx at ``path``.
    When the import fails, the new project is removed again, so nothing is left behind. ``offsets``,
    ``limits`` and ``parallel`` as for :func:`makna.exchange.import_qdpx`; with a ``passphrase`` the
    new project file is encrypted from the start."""
    src = Path(path)
    loc = os.fspath(location)
    db = sqlite_path(resolve_location(loc))
    if db is not None and db.exists():
        raise ProjectExistsError(f"{loc}: a file exists there already; import into a new project")
    # a broken file fails here, before any project exists; a large one is being read from here on
    with open_qdpx(src, limits, parallel) as opened:
        project = create_project(loc, src.stem, coder=coder, passphrase=passphrase)
        try:
            with project:
                report = import_opened(project, opened, offsets=offsets)
                if report.project:
                    with project.store.write(project.actor, "project.rename", {"name": report.project}) as conn:
                        conn.execute(tables.meta.update().where(tables.meta.c.key == "name")
                                     .values(value=report.project))
        except BaseException:
            _discard(project.store)
            raise
    return report


def _discard(store: Store) -> None:
    """Remove a project created moments ago: its SQLite file, or its tables in PostgreSQL."""
    try:
        store.destroy()
    except SQLAlchemyError as exc:  # pragma: no cover - the database went away
        raise ExchangeError(
            f"the import failed and the new project at {store.url} could not be removed: {exc}"
        ) from exc
