"""A warning for what leaves the laptop (a report, a copy): free-text fields written or edited since the
de-identification was applied have never been scanned, so a name typed there is in it as written (trial14)."""

from __future__ import annotations

import typer

from ..project import Project

__all__ = ["warn_unscanned_fields"]

_UNSCANNED = ("not scanned", "edited since the scan")


def warn_unscanned_fields(project: Project, what: str) -> None:
    """On stderr, when ``project`` was de-identified and some free-text field values (memos, cases, the codebook
    ...) are not scanned since: how many (never their text), and what to run. ``what`` names the output."""
    from ..privacy.project import field_entries
    from ..sources import has_deidentified

    if not has_deidentified(project):  # one row read, not every source's review
        return
    n = sum(1 for e in field_entries(project) if e.state in _UNSCANNED)
    if n:
        typer.echo(
            f"Warning: {n} free-text field value(s) (memos, cases, the codebook ...) written or edited since "
            f"the de-identification were never scanned, so a name typed there is in {what} as written: "
            "'makna deid scan --key KEY' reviews them (the key finds a name the apply replaced, typed again; "
            "'makna deid fields' lists them), 'makna deid apply' with the same key replaces what you accept.",
            err=True,
        )
