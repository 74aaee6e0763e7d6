"""a code's name and definition in other languages

Revision ID: 0016
Revises: 0015

``code_translations``: the name (and definition) of a code in a language other than the codebook's, which the
report and its findings in that language show (:mod:`makna.code_translations`); one row per code and language.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "code_translations",
        sa.Column("code_id", sa.String(length=36), nullable=False),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False, server_default=""),
        sa.Column("definition", sa.Text(), nullable=False, server_default=""),
        sa.ForeignKeyConstraint(["code_id"], ["codes.id"], name=op.f("fk_code_translations_code_id_codes"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("code_id", "language", name=op.f("pk_code_translations")),
    )


def downgrade() -> None:
    op.drop_table("code_translations")
