"""A warning for what leaves the laptop (a report, a copy): free-text fields written or edited since the
de-identification was applied have never been scanned, so a name typed there is in it as written (trial14). And
one for transcripts imported into a project de-identified already: they are as written until scanned and applied
(trial15)."""

from __future__ import annotations

import typer

from ..project import Project

__all__ = ["new_sources_warning", "warn_unscanned_fields"]

_UNSCANNED = ("not scanned", "edited since the scan")


def warn_unscanned_fields(project: Project, what: str) -> None:
    """On stderr, when ``project`` was de-identified and some free-text field values (memos, cases, the codebook
    ...) are not scanned since: how many (never their text), and what to run. ``what`` names the output."""
    from ..privacy.project import deid_status, field_entries

    if not any(s.applied for s in deid_status(project)):
        return
    n = sum(1 for e in field_entries(project) if e.state in _UNSCANNED)
    if n:
        typer.echo(
            f"Warning: {n} free-text field value(s) (memos, cases, the codebook ...) written or edited since "
            f"the de-identification were never scanned, so a name typed there is in {what} as written: "
            "'makna deid scan' reviews them ('makna deid fields' lists them), 'makna deid apply' replaces "
            "what you accept.",
            err=True,
        )


def new_sources_warning(project: Project, count: int) -> str | None:
    """When ``count`` sources were just imported into ``project`` and its de-identification was applied before:
    the warning that they are not (the project reads as de-identified, but they hold every name as written until
    scanned and applied); else None."""
    from ..privacy.project import deid_status

    if not count or not any(s.applied for s in deid_status(project)):
        return None
    return (
        f"Warning: this project was de-identified, but the {count} source(s) just imported are not: they hold "
        "every name and number as written, for anyone who reads or codes them, and in reports, exports and "
        "copies. Before that: 'makna deid scan', review, then 'makna deid apply' with the project's key."
    )
