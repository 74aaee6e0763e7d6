"""The tables of the team server's registry (schema ``makna_server``) and its upgrades.

The registry records its version in ``info`` (key ``version``). :func:`upgrade` brings an older
registry to :data:`VERSION` when a server opens it, in one transaction under an advisory lock (two
processes starting at once upgrade it once); a registry newer than this makna is refused. Each step
only adds tables (``create_all`` of the tables it names), so a registry of version 1 keeps its users,
sessions, projects and members as they were.

- version 1: ``info``, ``users``, ``projects``, ``members``, ``sessions``;
- version 2: ``invitations`` (a token kept as its sha256 digest), ``invitation_projects`` and
  ``audit`` (who did what to accounts, members and invitations, and when).
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    insert,
    inspect,
    select,
    text,
    update,
)

from ..errors import ProjectError

__all__ = [
    "SCHEMA",
    "VERSION",
    "metadata",
    "info",
    "users",
    "projects",
    "members",
    "sessions",
    "invitations",
    "invitation_projects",
    "audit",
    "upgrade",
    "new_registry",
]

SCHEMA = "makna_server"
VERSION = "2"
metadata = MetaData(schema=SCHEMA)
_meta = metadata
info = Table("info", _meta, Column("key", String(64), primary_key=True), Column("value", String(200)))
users = Table(
    "users",
    _meta,
    Column("id", String(36), primary_key=True),
    Column("name", String(64), nullable=False, unique=True),
    Column("password", String(200), nullable=False),
    Column("admin", Boolean, nullable=False, server_default=text("false")),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
projects = Table(
    "projects",
    _meta,
    Column("id", String(36), primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("schema", String(63), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
members = Table(
    "members",
    _meta,
    Column("project_id", String(36), ForeignKey(f"{SCHEMA}.projects.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", String(36), ForeignKey(f"{SCHEMA}.users.id", ondelete="CASCADE"), primary_key=True),
    Column("role", String(16), nullable=False),
)
sessions = Table(
    "sessions",
    _meta,
    Column("id", String(64), primary_key=True),  # sha256 of the cookie's token: a leaked table opens nothing
    Column("user_id", String(36), ForeignKey(f"{SCHEMA}.users.id", ondelete="CASCADE"), nullable=False),
    Column("csrf", String(64), nullable=False),
    Column("project_id", String(36), ForeignKey(f"{SCHEMA}.projects.id", ondelete="SET NULL")),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
)


invitations = Table(
    "invitations",
    _meta,
    Column("id", String(36), primary_key=True),
    Column("digest", String(64), nullable=False, unique=True),  # sha256 of the link's token, never the token
    Column("role", String(16), nullable=False),
    Column("created_by", String(64), nullable=False),
    Column("note", String(500), nullable=False, server_default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("used_at", DateTime(timezone=True)),
    Column("used_by", String(64)),
    Column("revoked_at", DateTime(timezone=True)),
    Column("revoked_by", String(64)),
)
invitation_projects = Table(
    "invitation_projects",
    _meta,
    Column("invitation_id", String(36), ForeignKey(f"{SCHEMA}.invitations.id", ondelete="CASCADE"), primary_key=True),
    Column("project_id", String(36), ForeignKey(f"{SCHEMA}.projects.id", ondelete="CASCADE"), primary_key=True),
)
audit = Table(
    "audit",
    _meta,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor", String(64), nullable=False),
    Column("action", String(40), nullable=False),
    Column("detail", String(4000), nullable=False, server_default="{}"),  # JSON: names and roles, never a secret
)

#: The tables each version added.
_ADDED: dict[str, tuple[Table, ...]] = {"2": (invitations, invitation_projects, audit)}


def upgrade(conn: Connection) -> str | None:
    """Bring the registry on ``conn`` (in a transaction) to :data:`VERSION`; returns the version it
    had when it was older (None: current). Refuses a registry newer than this makna."""
    if not inspect(conn).has_schema(SCHEMA):
        return None
    found = conn.execute(select(info.c.value).where(info.c.key == "version")).scalar()
    if found == VERSION:
        return None
    conn.execute(text("SELECT pg_advisory_xact_lock(hashtext('makna_server.upgrade'))"))
    found = conn.execute(select(info.c.value).where(info.c.key == "version")).scalar()  # another process's
    if found == VERSION:
        return None
    if found is None or not found.isdigit() or int(found) > int(VERSION):
        raise ProjectError(
            f"this team server's registry has version {found!r}; this makna knows up to {VERSION}: upgrade makna"
        )
    for step in range(int(found) + 1, int(VERSION) + 1):
        metadata.create_all(conn, tables=list(_ADDED.get(str(step), ())), checkfirst=True)
    conn.execute(update(info).where(info.c.key == "version").values(value=VERSION))
    return str(found)


def new_registry(conn: Connection) -> None:
    """Create the registry's schema and tables at :data:`VERSION` (``makna server init``)."""
    conn.execute(text(f'CREATE SCHEMA "{SCHEMA}"'))
    metadata.create_all(conn)
    conn.execute(insert(info).values(key="version", value=VERSION))
