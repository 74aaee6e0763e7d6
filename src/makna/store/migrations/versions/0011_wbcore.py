"""quick codes pinned to keys 1 to 9

Revision ID: 0011
Revises: 0010

``quick_codes``: per coder, the code on each workbench key 1 to 9, chosen by the coder (issue 13).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "quick_codes",
        sa.Column("coder", sa.String(length=200), nullable=False),
        sa.Column("slot", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("code_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(["code_id"], ["codes.id"], name=op.f("fk_quick_codes_code_id_codes"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("coder", "slot", name=op.f("pk_quick_codes")),
    )


def downgrade() -> None:
    op.drop_table("quick_codes")
