"""The SQL schema, as SQLAlchemy Core tables. Alembic migrations create and evolve it."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    true,
)

__all__ = [
    "metadata",
    "meta",
    "coders",
    "sources",
    "turns",
    "cases",
    "attributes",
    "case_values",
    "case_links",
    "codes",
    "code_translations",
    "segments",
    "memos",
    "sets",
    "set_members",
    "events",
    "deid_sources",
    "deid_fields",
    "undo_steps",
    "undo_rows",
    "source_media",
    "rounds",
    "suggestions",
    "sync_base",
]

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

UUID = String(36)

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

coders = Table(
    "coders",
    metadata,
    Column("id", UUID, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("kind", String(16), nullable=False, server_default="person"),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

sources = Table(
    "sources",
    metadata,
    Column("id", UUID, primary_key=True),
    Column("name", String(500), nullable=False, unique=True),
    Column("text", Text, nullable=False),
    Column("length", Integer, nullable=False, index=True),  # migration 0015: same-text duplicates
    Column("original_name", String(1000), nullable=False),
    Column("sha256", String(64), nullable=False, index=True),
    Column("media_type", String(100), nullable=False),
    Column("language", String(16), nullable=False),
    Column("encoding", String(64)),
    Column("imported_at", DateTime(timezone=True), nullable=False),
    Column("original", LargeBinary),
    # migration 0017: imported into a de-identified project and not de-identified yet (makna.holds)
    Column("held_at", DateTime(timezone=True), index=True),
)

turns = Table(
    "turns",
    metadata,
    Column("source_id", UUID, ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True),
    Column("number", Integer, primary_key=True),
    Column("speaker", String(200), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("time_start", String(32)),
    Column("time_end", String(32)),
    CheckConstraint('0 <= start AND start < "end"', name="span"),
    sqlite_with_rowid=False,  # migration 0004
)

cases = Table(
    "cases",
    metadata,
    Column("id", UUID, primary_key=True),
    Column("name", String(500), nullable=False, unique=True),
    Column("description", Text, nullable=False, server_default=""),
    Column("version", Integer, nullable=False, server_default="1"),  # migration 0007_live
    Column("changed_by", String(200)),
)

attributes = Table(
    "attributes",
    metadata,
    Column("id", UUID, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("type", String(16), nullable=False),
    Column("description", Text, nullable=False, server_default=""),
)

case_values = Table(
    "case_values",
    metadata,
    Column("case_id", UUID, ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True),
    Column("attribute_id", UUID, ForeignKey("attributes.id", ondelete="CASCADE"), primary_key=True),
    Column("value", Text, nullable=False),
    Index(None, "attribute_id", "value"),
)

case_links = Table(
    "case_links",
    metadata,
    Column("id", UUID, primary_key=True),
    Column("case_id", UUID, ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
    Column("source_id", UUID, ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
    Column("start", Integer),
    Column("end", Integer),
    Index(None, "source_id"),
    Index(None, "case_id"),
)

codes = Table(
    "codes",
    metadata,
    Column("id", UUID, primary_key=True),
    Column("key", String(200), nullable=False, unique=True),
    Column("name", String(500), nullable=False),
    Column("parent_id", UUID, ForeignKey("codes.id"), index=True),
    Column("color", String(7), nullable=False),
    Column("definition", Text, nullable=False, server_default=""),
    Column("inclusion", Text, nullable=False, server_default=""),
    Column("exclusion", Text, nullable=False, server_default=""),
    Column("example", Text, nullable=False, server_default=""),
    Column("keywords", JSON, nullable=False),
    Column("position", Integer, nullable=False, server_default="0"),
    Column("codable", Boolean, nullable=False, server_default=true()),
    Column("version", Integer, nullable=False, server_default="1"),  # migration 0007_live
    Column("changed_by", String(200)),
)

code_translations = Table(
    "code_translations",
    metadata,
    Column("code_id", UUID, ForeignKey("codes.id", ondelete="CASCADE"), primary_key=True),
    Column("language", String(16), primary_key=True),
    Column("name", String(500), nullable=False, server_default=""),
    Column("definition", Text, nullable=False, server_default=""),
)
"""A code's name and definition in another language (migration 0016; :mod:`makna.code_translations`)."""

segments = Table(
    "segments",
    metadata,
    Column("id", UUID, primary_key=True),
    Column("source_id", UUID, ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("code_id", UUID, ForeignKey("codes.id"), nullable=False),
    Column("coder_id", UUID, ForeignKey("coders.id"), nullable=False),
    Column("memo", Text, nullable=False, server_default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
    CheckConstraint('0 <= start AND start < "end"', name="span"),
    UniqueConstraint("source_id", "start", "end", "code_id", "coder_id"),
    Index(None, "code_id", "source_id", "start", "end"),  # migration 0007: (code_id, source_id) before
    Index(None, "coder_id", "code_id", "created_at"),  # migration 0007: (coder_id) before
)

memos = Table(
    "memos",
    metadata,
    Column("id", UUID, primary_key=True),
    Column("target_kind", String(16), nullable=False),
    Column("target_id", UUID),
    Column("title", String(500), nullable=False, server_default=""),
    Column("text", Text, nullable=False),
    Column("coder_id", UUID, ForeignKey("coders.id")),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index(None, "target_kind", "target_id"),
)

sets = Table(
    "sets",
    metadata,
    Column("id", UUID, primary_key=True),
    Column("name", String(500), nullable=False, unique=True),
    Column("kind", String(16), nullable=False),
    Column("description", Text, nullable=False, server_default=""),
)

set_members = Table(
    "set_members",
    metadata,
    Column("set_id", UUID, ForeignKey("sets.id", ondelete="CASCADE"), primary_key=True),
    Column("member_id", UUID, primary_key=True),
)

events = Table(
    "events",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor", String(200), nullable=False),
    Column("action", String(100), nullable=False, index=True),
    Column("payload", JSON, nullable=False),
)

deid_sources = Table(
    "deid_sources",
    metadata,
    Column("source_id", UUID, ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True),
    Column("number", Integer, nullable=False, unique=True),
    Column("review", JSON, nullable=False),
    Column("scanned_at", DateTime(timezone=True), nullable=False),
    Column("applied_at", DateTime(timezone=True)),
    Column("mode", String(16)),
    Column("key_id", String(64)),
    Column("replacements", JSON),
)
"""De-identification state of a source: its review (spans, no identifier strings) and, once applied,
the mode, key id and public replacement records (migration 0003)."""

deid_fields = Table(
    "deid_fields",
    metadata,
    Column("number", Integer, primary_key=True, autoincrement=False),
    Column("table_name", String(64), nullable=False),
    Column("row_key", String(200), nullable=False),
    Column("column_name", String(64), nullable=False),
    Column("digest", String(64), nullable=False),
    Column("review", JSON, nullable=False),
    Column("scanned_at", DateTime(timezone=True), nullable=False),
    Column("applied_at", DateTime(timezone=True)),
    UniqueConstraint("table_name", "row_key", "column_name"),
)
"""De-identification state of a free-text field value (a memo, a case name, a code definition...): its
location, the digest of the reviewed value and its review (spans, no identifier strings); see
:mod:`makna.privacy.fields` (migration 0005)."""

undo_steps = Table(
    "undo_steps",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=False),
    Column("first_event", BigInteger().with_variant(Integer, "sqlite"), nullable=False),
    Column("actor", String(200), nullable=False),
    Column("kind", String(8), nullable=False),
    Column("target", BigInteger().with_variant(Integer, "sqlite")),
    Column("state", String(8), nullable=False),
    Column("summary", Text, nullable=False, server_default=""),
    Index(None, "actor", "kind", "state"),
)
"""One undoable step: the events ``first_event`` to ``id`` (one transaction) by ``actor``. ``kind`` is
``op`` (an ordinary change), ``undo`` (``target``: the step undone), ``redo`` (``target``: the undo step
redone) or ``barrier`` (a change that cannot be undone, such as de-identification; nothing before it can
be undone). ``state``: ``done``, ``undone`` or ``dropped`` (no longer redoable) for an op; ``open``
(redoable), ``redone`` or ``dropped`` for an undo; ``done`` for a redo or a barrier (migration 0006)."""

undo_rows = Table(
    "undo_rows",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("step", BigInteger().with_variant(Integer, "sqlite"), ForeignKey("undo_steps.id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("op", String(8), nullable=False),
    Column("table_name", String(64), nullable=False),
    Column("data", JSON, nullable=False),
)
"""The row changes of a step, in the order they were made: ``insert`` (``data``: the primary keys of
the rows inserted, each a value or, for a composite key, a list), ``delete`` (the rows deleted,
whole) or ``update`` (primary key and previous values of the columns changed). Undoing a step applies
their inverses in reverse order (migration 0006)."""

source_media = Table(
    "source_media",
    metadata,
    Column("source_id", UUID, ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True),
    Column("path", String(4096), nullable=False),
    Column("media_type", String(100), nullable=False),
    Column("linked_at", DateTime(timezone=True), nullable=False),
)
"""The audio or video recording of a source: a path relative to the project's folder (posix
separators), never outside it, and its media type (migration 0007_wbfeat)."""
rounds = Table(
    "rounds",
    metadata,
    Column("id", UUID, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("blind", Boolean, nullable=False),
    Column("sources", JSON, nullable=False),
    Column("opened_at", DateTime(timezone=True), nullable=False),
    Column("opened_by", String(200), nullable=False),
    Column("closed_at", DateTime(timezone=True)),
    Column("closed_by", String(200)),
)
"""A coding round (migration 0007_live): while a ``blind`` one is open, coders see only their own codings of
its ``sources`` (source ids; empty: every source); its codings are those made between ``opened_at`` and
``closed_at``."""
suggestions = Table(
    "suggestions",
    metadata,
    Column("id", UUID, primary_key=True),
    Column("source_id", UUID, ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("code_id", UUID, ForeignKey("codes.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("segment_id", UUID),
    Column("confidence", Float, nullable=False),
    Column("model", String(64), nullable=False),
    Column("state", String(16), nullable=False),
    Column("decided_by", String(200)),
    Column("decided_at", DateTime(timezone=True)),
    Column("accepted_segment_id", UUID, index=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("source_id", "start", "end", "code_id"),
)
"""A code the suggester (:mod:`makna.suggest`) proposed for a span: its calibrated ``confidence``, the
``model`` that made it, the machine coder's segment (``segment_id``), and the review ``state``
(``pending``, ``accepted``, ``rejected``) with who decided when; an accepted suggestion names the human
coding it became (``accepted_segment_id``: its provenance). Rejections train the next model as negatives
(migration 0007_suggest)."""
quick_codes = Table(
    "quick_codes",
    metadata,
    Column("coder", String(200), primary_key=True),
    Column("slot", Integer, primary_key=True, autoincrement=False),
    Column("code_id", UUID, ForeignKey("codes.id", ondelete="CASCADE")),
)
"""The codes a coder pinned to the workbench's keys 1 to 9 (``slot``; ``code_id`` NULL: an empty key); they
change only when the coder chooses, and deleting a code empties its key (migration 0007_wbcore)."""
sync_base = Table(
    "sync_base",
    metadata,
    Column("kind", String(16), primary_key=True),
    Column("id", UUID, primary_key=True),
    Column("digest", String(64), nullable=False),
)
"""In a copy pulled from a team server (``makna pull``): the coder's own codings (``kind`` ``segment``)
and memos (``memo``) as the server last had them, each as a digest of its content, so that ``makna push``
sends only what changed offline and the server can tell what changed there meanwhile (migration
0013). Empty in every other project."""
suggest_models = Table(
    "suggest_models",
    metadata,
    Column("unit", String(16), primary_key=True),
    Column("watermark", BigInteger, nullable=False),
    Column("model", LargeBinary, nullable=False),
    Column("held_out", LargeBinary, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
"""The suggester's last trained model for a kind of unit (:mod:`makna.suggest.cache`): the model and its
cross-validated held-out scores as plain arrays (no pickle), valid while its ``watermark`` (a training
key: a digest of the count, highest id and sum of ids of the events but ``suggest.run`` ones, the model's
name and the data files; :func:`makna.suggest.cache.training_key`) is the project's current one. Not
journaled; dropped by de-identification, since a model holds words of the original texts (migration
0014)."""
