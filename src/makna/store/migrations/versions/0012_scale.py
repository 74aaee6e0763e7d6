"""flat cost at scale: indexes that serve the listings, maintained coding counts

Revision ID: 0012
Revises: 0011

``segments``: the index (code_id, source_id) grows to (code_id, source_id, start, end), so a code's
codings come out of it in source order (retrieval pages by keyset); (coder_id) grows to (coder_id,
code_id, created_at), so a coder's most recent codes are one index probe per code.
``code_tallies`` and ``source_tallies``: codings per (code, coder) and per source, kept by triggers on
``segments`` (see :mod:`makna.store.tallies`), so that counts cost what is shown, not the project.
"""

from __future__ import annotations

from alembic import op

from makna.store import tallies

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_segments_code_id_source_id", table_name="segments")
    op.create_index("ix_segments_code_id_source_id_start_end", "segments", ["code_id", "source_id", "start", "end"])
    op.drop_index("ix_segments_coder_id", table_name="segments")
    op.create_index("ix_segments_coder_id_code_id_created_at", "segments", ["coder_id", "code_id", "created_at"])
    tallies.create(op.get_bind())


def downgrade() -> None:
    tallies.drop(op.get_bind())
    op.drop_index("ix_segments_coder_id_code_id_created_at", table_name="segments")
    op.create_index("ix_segments_coder_id", "segments", ["coder_id"])
    op.drop_index("ix_segments_code_id_source_id_start_end", table_name="segments")
    op.create_index("ix_segments_code_id_source_id", "segments", ["code_id", "source_id"])
