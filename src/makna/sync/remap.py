"""Moving an offline coding made on a source's text before the server de-identified it onto the
de-identified text, through the public replacement records the apply stored (``deid_sources.replacements``:
where each replaced span was and where its surrogate is, no original strings).

A coding is moved only when the copy's text is exactly the one that apply replaced and the server's text
is exactly the one it wrote: the push names the sha256 of each source's text as the copy has it, and the
apply recorded the sha256 of the text it replaced and of the text it wrote (``deid_sources.replaced_sha256``,
``applied_sha256``); a coding on any other text version (de-identified twice since the pull, changed after
the apply, applied by a makna that kept no hashes) stays a conflict. The hash of the replaced text tells
no more than the public records already do: with the new text they let whoever holds a candidate
original confirm it.

A start inside a replaced span moves to the start of its surrogate, an end inside one to its end, so a
coding that straddles a replaced identifier keeps the whole replaced span.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, select

from ..privacy.replacements import Replacement, map_span
from ..store import tables

__all__ = ["Remap", "find_remap"]


class Remap:
    """The replacement records of one source's (last) de-identification, sorted by position."""

    def __init__(self, records: Sequence[Replacement]) -> None:
        self.records = sorted(records, key=lambda r: r.start)

    def span(self, start: int, end: int) -> tuple[int, int]:
        return map_span(start, end, self.records)



def _records(raw: Any) -> list[Replacement] | None:
    if not isinstance(raw, list):
        return None
    try:
        return [
            Replacement(
                int(r["start"]), int(r["end"]), int(r["new_start"]), int(r["new_end"]), str(r.get("type", "")), "", ""
            )
            for r in raw
        ]
    except (KeyError, TypeError, ValueError):
        return None


def find_remap(conn: Connection, source_id: str, *, pulled_hash: Any, current_hash: str) -> Remap | None:
    """The way to move codings on ``source_id`` made on the text whose hash is ``pulled_hash`` (as the
    copy has it) onto the server's text (hash ``current_hash``): the records of the source's last
    de-identification, when it replaced exactly that text and the source still has the text it wrote;
    None otherwise (the coding cannot be followed). One row read, no event scanned."""
    if not isinstance(pulled_hash, str):
        return None
    d = tables.deid_sources.c
    row = conn.execute(
        select(d.applied_at, d.replacements, d.replaced_sha256, d.applied_sha256).where(d.source_id == source_id)
    ).first()
    if row is None or row.applied_at is None or row.replaced_sha256 is None:
        return None
    if (row.replaced_sha256, row.applied_sha256) != (pulled_hash, current_hash):
        return None  # another text (de-identified twice since the pull, or changed after the apply)
    records = _records(row.replacements)
    return None if records is None else Remap(records)
