"""code suggestions and their review

Revision ID: 0010
Revises: 0009

``suggestions``: one row per code the suggester proposed for a span (confidence, model, the machine
coder's segment), with its review state; an accepted one names the human coding it became, so the
coding's provenance (which model, what confidence) is kept. See :mod:`makna.suggest`.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "suggestions",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("source_id", sa.String(length=36), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("code_id", sa.String(length=36), nullable=False),
        sa.Column("segment_id", sa.String(length=36), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("model", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("decided_by", sa.String(length=200), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("accepted_segment_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["code_id"], ["codes.id"], name=op.f("fk_suggestions_code_id_codes"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"], name=op.f("fk_suggestions_source_id_sources"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suggestions")),
        sa.UniqueConstraint("source_id", "start", "end", "code_id", name=op.f("uq_suggestions_source_id_start_end_code_id")),
    )
    op.create_index(op.f("ix_suggestions_code_id"), "suggestions", ["code_id"])
    op.create_index(op.f("ix_suggestions_accepted_segment_id"), "suggestions", ["accepted_segment_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_suggestions_accepted_segment_id"), table_name="suggestions")
    op.drop_index(op.f("ix_suggestions_code_id"), table_name="suggestions")
    op.drop_table("suggestions")
