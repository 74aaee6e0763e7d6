"""which text a de-identification replaced

Revision ID: 0015
Revises: 0014

``deid_sources.replaced_sha256`` and ``applied_sha256``: the sha256 of the source's text that its last
``makna deid apply`` replaced and of the text it wrote. An offline coding pushed with the hash of the
text it was made on is moved onto the de-identified text only when that hash is the replaced one and
the source still has the applied text (:mod:`makna.sync.remap`); sources applied before this revision
have neither (their pre-apply codings stay conflicts).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("deid_sources", schema=None) as batch_op:
        batch_op.add_column(sa.Column("replaced_sha256", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("applied_sha256", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("deid_sources", schema=None) as batch_op:
        batch_op.drop_column("applied_sha256")
        batch_op.drop_column("replaced_sha256")
