"""full-text search index (analysis)

Revision ID: 0002
Revises: 0001

``search_chunks``: one row per indexed passage (a turn, or a run of sentences outside turns) of a
source, with its span. ``search_sources``: which sources are indexed, with which index version, at which text (sha256).
SQLite: an FTS5 table ``search_fts(words, stems)`` whose rowid is the chunk id.
PostgreSQL: tsvector columns ``words`` and ``stems`` on ``search_chunks`` (built by makna from
pre-stemmed tokens; the 'simple' configuration is used for queries) with GIN indexes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "search_sources",
        sa.Column("source_id", sa.String(length=36), nullable=False),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False, server_default=""),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"], name=op.f("fk_search_sources_source_id_sources"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("source_id", name=op.f("pk_search_sources")),
    )
    op.create_table(
        "search_chunks",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("source_id", sa.String(length=36), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("turn", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"], name=op.f("fk_search_chunks_source_id_sources"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_chunks")),
    )
    op.create_index(op.f("ix_search_chunks_source_id"), "search_chunks", ["source_id"])
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("CREATE VIRTUAL TABLE search_fts USING fts5(words, stems, "
                   "tokenize = 'unicode61 remove_diacritics 0')")
    elif dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import TSVECTOR

        op.add_column("search_chunks", sa.Column("words", TSVECTOR(), nullable=True))
        op.add_column("search_chunks", sa.Column("stems", TSVECTOR(), nullable=True))
        op.execute("CREATE INDEX ix_search_chunks_words ON search_chunks USING gin (words)")
        op.execute("CREATE INDEX ix_search_chunks_stems ON search_chunks USING gin (stems)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS search_fts")
    op.drop_index(op.f("ix_search_chunks_source_id"), table_name="search_chunks")
    op.drop_table("search_chunks")
    op.drop_table("search_sources")
