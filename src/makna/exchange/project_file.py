"""Creating a new project from a .qdpx (or another registered project format: Taguette, QualCoder),
and removing it again when the import fails."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from ..errors import ExchangeError, ProjectExistsError
from ..project import create_project
from ..store import Store, resolve_location, sqlite_path, tables
from ..store._cipher import Passphrase
from ._report import ImportReport
from ._safety import DEFAULT_LIMITS, Limits
from .project_formats import ImportOptions, format_for

__all__ = ["import_project"]


def import_project(path: str | os.PathLike[str], location: str | os.PathLike[str], *, coder: str | None = None,
                   offsets: str | None = None, limits: Limits = DEFAULT_LIMITS,
                   parallel: bool | None = None, passphrase: Passphrase = None,
                   select: str | None = None, seals: Mapping[str, bytes] | None = None,
                   field_reviews: Sequence[Mapping[str, Any]] = ()) -> ImportReport:
    """Create a new project at ``location`` (refused when one exists there) from the .qdpx at ``path``,
    or from another format of :mod:`makna.exchange.project_formats` (a Taguette database, a QualCoder
    project; ``select`` names the project to take from a file that holds several).
    When the import fails, the new project is removed again, so nothing is left behind. ``offsets``,
    ``limits`` and ``parallel`` as for :func:`makna.exchange.import_qdpx`; with a ``passphrase`` the
    new project file is encrypted from the start; ``seals`` as for :func:`makna.exchange.import_qdpx`,
    ``field_reviews`` as for :func:`makna.exchange.qdpx_read.import_opened`."""
    src = Path(path)
    loc = os.fspath(location)
    db = sqlite_path(resolve_location(loc))
    if db is not None and db.exists():
        raise ProjectExistsError(f"{loc}: a file exists there already; import into a new project")
    # a broken file fails here, before any project exists; a large one is being read from here on
    fmt = format_for(src)
    options = ImportOptions(limits, offsets, parallel, select, seals, field_reviews)
    with fmt.open(src, options) as opened:
        project = create_project(loc, src.stem, coder=coder, passphrase=passphrase)
        try:
            with project:
                report = fmt.load(project, opened, options)
                if report.project:
                    with project.store.write(project.actor, "project.rename", {"name": report.project}) as conn:
                        conn.execute(tables.meta.update().where(tables.meta.c.key == "name")
                                     .values(value=report.project))
                        if field_reviews:  # the project's name, as the verifying project reviewed it (trial19 #2)
                            from ..sync.deid_copy import put_fields

                            report.fields_reviewed += put_fields(conn, list(field_reviews))
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
