"""the undo journal

Revision ID: 0006
Revises: 0005

``undo_steps``: one row per undoable step (the events of one transaction by one actor) with its kind
(an ordinary change, an undo, a redo, or a barrier that cannot be undone) and state.
``undo_rows``: the row-level changes of each step (primary keys inserted, whole rows deleted,
previous values of updated columns), from which ``makna undo`` and ``makna redo`` apply inverses.
De-identification empties both tables (the journal would otherwise keep the original text).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "undo_steps",
        sa.Column("id", _ID, autoincrement=False, nullable=False),
        sa.Column("first_event", _ID, nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("target", _ID, nullable=True),
        sa.Column("state", sa.String(length=8), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_undo_steps")),
    )
    op.create_index(op.f("ix_undo_steps_actor_kind_state"), "undo_steps", ["actor", "kind", "state"])
    op.create_table(
        "undo_rows",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("step", _ID, nullable=False),
        sa.Column("op", sa.String(length=8), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["step"], ["undo_steps.id"], name=op.f("fk_undo_rows_step_undo_steps"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_undo_rows")),
    )
    op.create_index(op.f("ix_undo_rows_step"), "undo_rows", ["step"])


def downgrade() -> None:
    op.drop_index(op.f("ix_undo_rows_step"), table_name="undo_rows")
    op.drop_table("undo_rows")
    op.drop_index(op.f("ix_undo_steps_actor_kind_state"), table_name="undo_steps")
    op.drop_table("undo_steps")
