"""Versioned edits: a code or a case carries a version that each edit raises, so that an edit made
from a stale copy (another coder changed it since the page or the command read it) is refused with
:class:`~makna.errors.StaleEditError` (HTTP 409) saying what it is now and who changed it, instead of
silently overwriting that change (last writer wins).

An operation calls :func:`claim` inside its write transaction, before changing the row: it raises the
version in one conditional ``UPDATE`` (``... WHERE version = expected``), so of two concurrent edits
from the same version exactly one succeeds on SQLite and on PostgreSQL alike. ``expected=None``
skips the check (the row's version is still raised).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Table, select, update

from .errors import StaleEditError

__all__ = ["claim"]


def claim(conn: Connection, table: Table, row_id: str, actor: str, expected: int | None, *,
          what: str, label: str, fields: Sequence[str]) -> int:
    """Raise the version of ``table``'s row ``row_id`` (by ``actor``) and return the new one; with
    ``expected``, only if the row is still at that version, else raise :class:`StaleEditError` naming
    the row by ``what`` and its column ``label`` (``code 'exp.neg'``) and giving the current values of
    ``fields``."""
    c = table.c
    stmt = update(table).where(c.id == row_id)
    if expected is not None:
        stmt = stmt.where(c.version == expected)
    done = conn.execute(stmt.values(version=c.version + 1, changed_by=actor)).rowcount
    if done:
        return int(conn.execute(select(c.version).where(c.id == row_id)).scalar_one())
    row: Any = conn.execute(select(table).where(c.id == row_id)).one()
    current = {f: (list(v) if isinstance(v := row._mapping[f], tuple) else v) for f in fields}
    who = row.changed_by or "someone"
    raise StaleEditError(
        f"{what} {row._mapping[label]!r} was changed by {who} since you read it (now version {row.version}, your "
        f"copy is version {expected}); nothing was saved: reload it and make your change again",
        version=int(row.version), changed_by=row.changed_by, current=current)
