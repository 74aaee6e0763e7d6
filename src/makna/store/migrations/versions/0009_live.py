"""live updates, versioned edits and coding rounds

Revision ID: 0009
Revises: 0008

``codes.version``/``codes.changed_by`` and ``cases.version``/``cases.changed_by``: each edit of a code
or a case raises its version and names who made it, so that an edit made from a stale copy is refused
(409) instead of silently overwriting another coder's change. ``rounds``: coding rounds, optionally
blind (coders do not see each other's codings until the round closes).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ALTER TABLE ADD/DROP COLUMN on both backends (SQLite >= 3.35): a batch copy of the table
    # would drop the old one, which the segments' and case values' foreign keys forbid or cascade
    for table in ("codes", "cases"):
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
        op.add_column(table, sa.Column("changed_by", sa.String(length=200), nullable=True))
    op.create_table(
        "rounds",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("blind", sa.Boolean(), nullable=False),
        sa.Column("sources", sa.JSON(), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("opened_by", sa.String(length=200), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_by", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rounds")),
        sa.UniqueConstraint("name", name=op.f("uq_rounds_name")),
    )


def downgrade() -> None:
    op.drop_table("rounds")
    for table in ("cases", "codes"):
        op.drop_column(table, "changed_by")
        op.drop_column(table, "version")
