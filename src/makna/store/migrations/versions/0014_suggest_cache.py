"""a cache of the suggester's trained model

Revision ID: 0014
Revises: 0013

``suggest_models``: per kind of unit, the last trained model and its held-out scores, with the event
high-water mark it was trained at, so that a second ``makna suggest`` on an unchanged project does not
train again. See :mod:`makna.suggest.cache`.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "suggest_models",
        sa.Column("unit", sa.String(length=16), nullable=False),
        sa.Column("watermark", sa.BigInteger(), nullable=False),
        sa.Column("model", sa.LargeBinary(), nullable=False),
        sa.Column("held_out", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("unit", name=op.f("pk_suggest_models")),
    )


def downgrade() -> None:
    op.drop_table("suggest_models")
