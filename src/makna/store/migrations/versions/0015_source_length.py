"""an index on the sources' lengths

Revision ID: 0015
Revises: 0014

``sources.length``: an import compares its text with the stored texts of the same length (the same chat
imported as its export folder and as its .zip are one source); the index finds those few without
reading the table, whose rows hold the texts.
"""

from __future__ import annotations

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_sources_length", "sources", ["length"])


def downgrade() -> None:
    op.drop_index("ix_sources_length", table_name="sources")
