"""de-identification state per source (privacy)

Revision ID: 0003
Revises: 0002

``deid_sources``: one row per source that ``makna deid scan`` has looked at: a stable display
number, the review (``Review.to_dict()``: spans, types, confidences, detectors and statuses, never an
identifier string) and, once ``makna deid apply`` has replaced the text, the mode, the key id, when,
and the public replacement records (old and new spans and the type only). The project's key
fingerprint lives in ``meta`` under ``deid_key_id``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "deid_sources",
        sa.Column("source_id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("review", sa.JSON(), nullable=False),
        sa.Column("scanned_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("applied_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("mode", sa.String(length=16), nullable=True),
        sa.Column("key_id", sa.String(length=64), nullable=True),
        sa.Column("replacements", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"], name=op.f("fk_deid_sources_source_id_sources"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("source_id", name=op.f("pk_deid_sources")),
        sa.UniqueConstraint("number", name=op.f("uq_deid_sources_number")),
    )


def downgrade() -> None:
    op.drop_table("deid_sources")
