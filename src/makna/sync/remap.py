"""Moving an offline coding made on a source's text before the server de-identified it onto the
de-identified text, through the public replacement records the apply stored (``deid_sources.replacements``:
where each replaced span was and where its surrogate is, no original strings).

A coding is moved only when the copy's text is, outside each replaced span, exactly the server's text
outside each surrogate (its *skeleton*): the server answers a push on a source whose text changed by
an apply with the replaced spans (:func:`replaced_spans`); the copy sends back the hash of its text's
skeleton by those spans (:func:`skeleton_hash`), which the server compares with its own text's skeleton
by the surrogates. A coding on any other text version (de-identified twice since the pull, changed
outside the replaced spans, applied before the copy was pulled) stays a conflict. The project keeps no
hash or other verifier of the original text: the skeleton is the de-identified text outside the
surrogates, which whoever holds the project can read already, so it confirms no guessed identifier.

A start inside a replaced span moves to the start of its surrogate, an end inside one to its end, so a
coding that straddles a replaced identifier keeps the whole replaced span.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, select

from ..privacy.replacements import Replacement, map_span
from ..store import tables

__all__ = ["Remap", "find_remap", "replaced_spans", "skeleton_hash"]


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
        return sorted((
            Replacement(
                int(r["start"]), int(r["end"]), int(r["new_start"]), int(r["new_end"]), str(r.get("type", "")), "", ""
            )
            for r in raw
        ), key=lambda r: r.start)
    except (KeyError, TypeError, ValueError):
        return None


def skeleton_hash(text: str, spans: Sequence[Sequence[int]]) -> str | None:
    """The sha256 of ``text`` outside the sorted, disjoint ``spans`` ([start, end) pairs): the pieces
    between them, in order; None when the spans do not fit the text."""
    pieces, pos = [], 0
    for span in spans:
        if len(span) != 2 or not all(isinstance(n, int) and not isinstance(n, bool) for n in span):
            return None
        start, end = int(span[0]), int(span[1])
        if not pos <= start <= end <= len(text):
            return None
        pieces.append(text[pos:start])
        pos = end
    pieces.append(text[pos:])
    return hashlib.sha256(json.dumps(pieces, ensure_ascii=False).encode("utf-8")).hexdigest()


def _applied(conn: Connection, source_id: str) -> list[Replacement] | None:
    d = tables.deid_sources.c
    row = conn.execute(select(d.applied_at, d.replacements).where(d.source_id == source_id)).first()
    if row is None or row.applied_at is None:
        return None
    return _records(row.replacements)


def replaced_spans(conn: Connection, source_id: str) -> list[list[int]] | None:
    """Where the source's last de-identification replaced text ([start, end) in the text it replaced; no
    strings), for a copy to hash its text's skeleton by; None when it was never de-identified."""
    records = _applied(conn, source_id)
    return None if not records else [[r.start, r.end] for r in records]


def find_remap(conn: Connection, source_id: str, *, skeleton: Any) -> Remap | None:
    """The way to move codings on ``source_id`` made on a text whose skeleton by the replaced spans
    hashes to ``skeleton`` (sent by the copy) onto the server's text: the records of the source's last
    de-identification, when the server's text outside the surrogates is that skeleton; None otherwise
    (the coding cannot be followed)."""
    records = _applied(conn, source_id) if isinstance(skeleton, str) else None
    if not records:
        return None
    text = conn.execute(select(tables.sources.c.text).where(tables.sources.c.id == source_id)).scalar()
    if text is None or skeleton_hash(text, [(r.new_start, r.new_end) for r in records]) != skeleton:
        return None
    return Remap(records)
