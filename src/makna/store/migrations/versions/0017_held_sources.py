"""sources held for de-identification

Revision ID: 0017
Revises: 0016

``sources.held_at``: when a source was imported into a project whose de-identification was applied already, the
moment of its import; cleared when its de-identification is applied or a manager releases it
(:mod:`makna.holds`). Until then no one without the manager role lists, reads, searches or copies it. Indexed: a
coder's every read of codings asks which sources are held, and the few held ones are found without reading the
rows that hold the texts (an SQLite row is read through its text to reach a later column).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # in place (ALTER TABLE ... ADD/DROP COLUMN), never a copy of the table: sources is referenced by turns, codings
    # and more, whose foreign keys a copy would cascade on SQLite (0007, 0009)
    op.add_column("sources", sa.Column("held_at", sa.DateTime(timezone=True), nullable=True))
    op.create_index("ix_sources_held_at", "sources", ["held_at"])


def downgrade() -> None:
    op.drop_index("ix_sources_held_at", table_name="sources")
    op.drop_column("sources", "held_at")
