"""de-identification of the free-text fields (privacy)

Revision ID: 0005
Revises: 0004

``deid_fields``: one row per free-text field value that ``makna deid scan`` found identifiers in
(memos, case names and descriptions, attribute values, codebook definitions and examples, segment
memos, source names and original file names, set names, the project's name): its location (table,
row key, column), a stable display number (detection ids ``fN:I``), the SHA-256 of the value it
reviewed (so that a value edited since is scanned afresh), the review (spans, types, confidences,
detectors and statuses, never an identifier string) and when it was last replaced.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "deid_fields",
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("row_key", sa.String(length=200), nullable=False),
        sa.Column("column_name", sa.String(length=64), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("review", sa.JSON(), nullable=False),
        sa.Column("scanned_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("applied_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("number", name=op.f("pk_deid_fields")),
        sa.UniqueConstraint("table_name", "row_key", "column_name",
                            name=op.f("uq_deid_fields_table_name_row_key_column_name")),
    )


def downgrade() -> None:
    op.drop_table("deid_fields")
