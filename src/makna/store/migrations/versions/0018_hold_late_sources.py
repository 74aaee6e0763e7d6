"""hold the sources imported after a de-identification before 0017

Revision ID: 0018
Revises: 0017

0017 added ``sources.held_at`` empty: on a project upgraded from an earlier version, a source imported after the
project's de-identification was applied, and never de-identified itself, was not held, although it holds every name
as written and a coder of a team server could read it. This marks each such source held (``held_at``: the moment of
its import, as an import since 0017 writes it) and logs one ``source.hold`` event per source (actor ``makna``, the
source's id, the reason), so that the project's history says why it is held and a manager can release it
(``makna sources release``) or de-identify it. A source imported before the first apply is left as it was (listed as
not de-identified by the De-identify page, as before). Nothing to undo on a downgrade (0017's drops the column).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

#: Who the events name, and why.
ACTOR = "makna"
REASON = (
    "imported after the project's de-identification and never de-identified: held by the upgrade to "
    "makna's schema 0018 until its de-identification is applied or a manager releases it"
)

_STAMP = sa.DateTime(timezone=True)
_sources = sa.table(
    "sources", sa.column("id", sa.String), sa.column("imported_at", _STAMP), sa.column("held_at", _STAMP)
)
_deid = sa.table("deid_sources", sa.column("source_id", sa.String), sa.column("applied_at", _STAMP))
_events = sa.table(
    "events",
    sa.column("at", _STAMP),
    sa.column("actor", sa.String),
    sa.column("action", sa.String),
    sa.column("payload", sa.JSON),
)


def _utc(value: Any) -> dt.datetime:
    if isinstance(value, str):  # SQLite without the type's processing
        value = dt.datetime.fromisoformat(value)
    assert isinstance(value, dt.datetime)
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def upgrade() -> None:
    conn = op.get_bind()
    applied = {
        str(r.source_id): _utc(r.applied_at)
        for r in conn.execute(sa.select(_deid.c.source_id, _deid.c.applied_at).where(_deid.c.applied_at.is_not(None)))
    }
    if not applied:
        return
    first = min(applied.values())
    late = [
        (str(r.id), r.imported_at)
        for r in conn.execute(
            sa.select(_sources.c.id, _sources.c.imported_at)
            .where(_sources.c.held_at.is_(None))
            .order_by(_sources.c.imported_at, _sources.c.id)
        )
        if str(r.id) not in applied and _utc(r.imported_at) > first
    ]
    if not late:
        return
    now = dt.datetime.now(dt.UTC)
    for sid, imported in late:
        conn.execute(sa.update(_sources).where(_sources.c.id == sid).values(held_at=imported))
    conn.execute(
        sa.insert(_events),
        [
            {"at": now, "actor": ACTOR, "action": "source.hold", "payload": {"id": sid, "reason": REASON}}
            for sid, _ in late
        ],
    )


def downgrade() -> None:
    pass
