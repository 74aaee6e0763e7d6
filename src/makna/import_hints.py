"""What an import says when the project was de-identified before it (trial15): the sources just imported hold every
name and number as written, for whoever reads or codes them, until they are scanned, reviewed and applied. The
command line prints it on stderr, the workbench's import shows it with the upload's notes."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the command line imports this module at start: the project (SQLAlchemy) only when called
    from .project import Project

__all__ = ["new_sources_warning"]


def new_sources_warning(project: Project, count: int) -> str | None:
    """When ``count`` sources were just imported into ``project`` and its de-identification was applied before:
    the warning that they are not (the project reads as de-identified, but they hold every name as written until
    scanned and applied); else None. A count, never their text."""
    from .sources import has_deidentified

    if not count or not has_deidentified(project):  # one row read, not every source's review
        return None
    return (
        f"this project was de-identified, but the {count} source(s) just imported are not: they hold every name "
        "and number as written, for anyone who reads or codes them, and in reports, exports and copies. Before "
        "that: scan them ('makna deid scan' or the De-identify page), review, then apply with the project's key. "
        "Until then they are held: a team server's coders and viewers do not see them, and reports, exports and "
        "coders' copies are refused ('makna sources release NAME --reason ...' releases one that names no one)"
    )
