"""recordings linked to sources

Revision ID: 0008
Revises: 0007

``source_media``: the audio or video file of a source, as a path relative to the project's folder,
with its media type (``makna media link``; played in the workbench).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "source_media",
        sa.Column("source_id", sa.String(length=36), nullable=False),
        sa.Column("path", sa.String(length=4096), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("linked_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"], name=op.f("fk_source_media_source_id_sources"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("source_id", name=op.f("pk_source_media")),
    )


def downgrade() -> None:
    op.drop_table("source_media")
