"""codes that only group others (REFI-QDA isCodable="false")

Revision ID: 0007
Revises: 0006

``codes.codable``: false for a category that groups codes but is not applied itself (REFI-QDA's
``isCodable="false"``, QualCoder's categories), so that an export writes what the import read.
A code's ``color`` may now be empty: no colour was ever chosen (the pages show an automatic one,
exports leave it out).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # in place (ALTER TABLE ... ADD/DROP COLUMN), never a copy of the table: codes is referenced by
    # segments, whose foreign keys a copy would break on SQLite
    op.add_column("codes", sa.Column("codable", sa.Boolean(), nullable=False, server_default=sa.true()))


def downgrade() -> None:
    op.drop_column("codes", "codable")
