"""Moving an offline coding made on a source's text before the server de-identified it onto the
de-identified text, through the public replacement records the apply stored (``deid_sources.replacements``:
where each replaced span was and where its surrogate is, no original strings).

A coding is moved only when the copy's text is the one that apply replaced: the copy was pulled
before the apply (its high-water mark is older than the source's ``deid.apply`` event), that apply is
the only change of the source's text since, and the copy's text has the length the records imply.
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

    @property
    def shift(self) -> int:
        """How much longer the de-identified text is than the text the apply replaced."""
        return self.records[-1].new_end - self.records[-1].end if self.records else 0

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


def find_remap(conn: Connection, source_id: str, *, high_water: Any, pulled_length: Any, length: int) -> Remap | None:
    """The way to move codings on ``source_id`` made in a copy pulled at event ``high_water`` whose
    text had ``pulled_length`` code points onto the server's text (``length`` now); None when the
    copy's text is not the one the source's last de-identification replaced."""
    if not isinstance(high_water, int) or not isinstance(pulled_length, int):
        return None
    d, e = tables.deid_sources.c, tables.events.c
    row = conn.execute(select(d.applied_at, d.replacements).where(d.source_id == source_id)).first()
    if row is None or row.applied_at is None:
        return None
    records = _records(row.replacements)
    if records is None:
        return None
    applies = [
        p
        for p in conn.execute(select(e.payload).where(e.action == "deid.apply", e.id > high_water)).scalars()
        if isinstance(p, dict) and p.get("source_id") == source_id
    ]
    if len(applies) != 1:  # not de-identified since the pull, or more than once: the records do not chain
        return None
    remap = Remap(records)
    if pulled_length + remap.shift != length:
        return None
    return remap
