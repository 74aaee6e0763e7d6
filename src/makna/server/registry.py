"""The team server's registry: users, login sessions, projects and members, kept in the schema
``makna_server`` of one PostgreSQL database; each project lives in a schema of its own
(``makna_p_<id>``) of the same database, a complete makna project (see :mod:`makna.store`).

A server is administered by whoever holds its database URL (``makna server`` commands); inside it,
what a user may do in a project follows from their role there (:mod:`makna.access`).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import os
import re
import secrets
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, delete, insert, inspect, select, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError, OperationalError

from ..access import Access, Permission, Role, allows, check_role
from ..errors import ConflictError, InputError, NotAProjectError, NotFoundError, ProjectError, require_extra
from ..model import new_id
from ..privacy.seals import SealKeys
from ..project import Project, create_project, open_project
from ..sources import not_deidentified
from ..store._cipher import Passphrase
from .invitations import Invitation
from .passwords import check_new_password, hash_password, verify_password
from .tables import SCHEMA, audit, members, new_registry, projects, sessions, upgrade, users

if TYPE_CHECKING:
    from ..exchange import ImportReport

__all__ = ["SCHEMA", "User", "ServerProject", "Session", "Registry", "SESSION_HOURS", "SESSION_CACHE_SECONDS"]

SESSION_HOURS = 12
#: How long a server process trusts a session it has looked up (a password changed or a member
#: removed elsewhere, by ``makna server``, takes effect within this time; logging out, at once).
SESSION_CACHE_SECONDS = 5.0
_NAME = re.compile(r"^[^\W][\w.@-]{0,63}$")


@dataclass(frozen=True)
class User:
    id: str
    name: str
    admin: bool


@dataclass(frozen=True)
class ServerProject:
    """A project on the server; ``role`` is the asking user's role in it (None: not a member)."""

    id: str
    name: str
    schema: str
    role: Role | None = None


@dataclass(frozen=True)
class Session:
    """A login: its user, the CSRF token its pages carry, the project chosen and the user's role there."""

    user: User
    csrf: str
    expires_at: dt.datetime
    project: ServerProject | None


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def record(conn: Connection, actor: str, action: str, detail: dict[str, object]) -> None:
    """Log one step in the registry's audit table, in the transaction of ``conn`` (the step's own)."""
    conn.execute(insert(audit).values(at=_now(), actor=actor, action=action,
                                      detail=json.dumps(detail, ensure_ascii=False, sort_keys=True)))


def check_user_name(name: str) -> str:
    name = name.strip()
    if not _NAME.match(name):
        raise InputError(f"user name {name!r}: use 1 to 64 letters, digits, '.', '@', '_' or '-', starting with a "
                         "letter or digit")
    return name


def _server_url(url: str) -> str:
    from ..store import resolve_location

    resolved = resolve_location(url)
    if not resolved.startswith("postgresql"):
        raise InputError(f"{url}: a team server needs a PostgreSQL database URL (postgresql://user@host/db)")
    return resolved


class Registry:
    """An open team server (its registry schema); close it when done."""

    def __init__(self, url: str, engine: Engine) -> None:
        self.url = url
        self.engine = engine
        self._projects: dict[str, Project] = {}
        self._roles: dict[tuple[str, str], tuple[float, Role | None]] = {}
        self._sessions: dict[str, tuple[float, Session]] = {}

    # ------------------------------------------------------------------ opening
    @classmethod
    @contextmanager
    def _connect(cls, url: str) -> Iterator[Registry]:
        """A registry on ``url``'s database, closed again when the block fails."""
        resolved = _server_url(url)
        require_extra("postgres", "a team server", "psycopg")
        reg = cls(resolved, create_engine(resolved, pool_pre_ping=True, pool_size=10, max_overflow=20))
        try:
            yield reg
        except OperationalError as exc:
            reg.close()
            raise ProjectError(f"{reg.where}: cannot connect ({str(exc.orig).strip().splitlines()[0]})") from None
        except BaseException:
            reg.close()
            raise

    @classmethod
    def init(cls, url: str, owner: str, password: str) -> Registry:
        """Create the registry in the (empty) database at ``url`` with ``owner``, the first user and
        the server's administrator."""
        owner = check_user_name(owner)
        check_new_password(password)
        with cls._connect(url) as reg, reg.engine.begin() as conn:
            if inspect(conn).has_schema(SCHEMA):
                raise ConflictError(f"{reg.where}: a makna server exists in this database already")
            new_registry(conn)
            reg._insert_user(conn, owner, password, admin=True)
            record(conn, owner, "server.init", {"admin": owner})
        return reg

    @classmethod
    def open(cls, url: str) -> Registry:
        """The server at ``url``; a registry of an older makna is upgraded (:func:`~makna.server.tables.upgrade`)."""
        with cls._connect(url) as reg:
            with reg.engine.connect() as conn:
                if not inspect(conn).has_schema(SCHEMA):
                    raise NotAProjectError(f"{reg.where}: no makna server here (run 'makna server init' first)")
            with reg.engine.begin() as conn:
                upgrade(conn)
        return reg

    @property
    def where(self) -> str:
        return make_url(self.url).render_as_string(hide_password=True)

    def close(self) -> None:
        for project in self._projects.values():
            project.close()
        self._projects.clear()
        self.engine.dispose()

    def __enter__(self) -> Registry:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ users
    def _insert_user(self, conn: Connection, name: str, password: str, *, admin: bool) -> User:
        uid = new_id()
        try:
            with conn.begin_nested():
                conn.execute(insert(users).values(id=uid, name=name, password=hash_password(password), admin=admin,
                                                  created_at=_now()))
        except IntegrityError:
            raise ConflictError(f"user {name!r} exists already") from None
        return User(uid, name, admin)

    def add_user(self, name: str, password: str, *, admin: bool = False) -> User:
        name = check_user_name(name)
        check_new_password(password)
        with self.engine.begin() as conn:
            return self._insert_user(conn, name, password, admin=admin)

    def set_password(self, name: str, password: str) -> None:
        hashed = hash_password(password)
        self._sessions.clear()
        with self.engine.begin() as conn:
            if conn.execute(update(users).where(users.c.name == name).values(password=hashed)).rowcount == 0:
                raise NotFoundError(f"unknown user {name!r}")
            uid = conn.execute(select(users.c.id).where(users.c.name == name)).scalar_one()
            conn.execute(delete(sessions).where(sessions.c.user_id == uid))  # log out everywhere

    def user(self, name: str) -> User:
        with self.engine.connect() as conn:
            row = conn.execute(select(users.c.id, users.c.name, users.c.admin).where(users.c.name == name)).first()
        if row is None:
            raise NotFoundError(f"unknown user {name!r} (see 'makna server user list')")
        return User(row.id, row.name, row.admin)

    def users(self) -> list[User]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(users.c.id, users.c.name, users.c.admin).order_by(users.c.name)).all()
        return [User(r.id, r.name, r.admin) for r in rows]

    def authenticate(self, name: str, password: str) -> User | None:
        """The user when ``password`` is theirs; None otherwise (an unknown name costs a hash too)."""
        with self.engine.connect() as conn:
            row = conn.execute(select(users).where(users.c.name == name)).first()
        if row is None:
            verify_password(_DUMMY_HASH(), password)  # the same time as a wrong password
            return None
        if not verify_password(row.password, password):
            return None
        return User(row.id, row.name, row.admin)

    # ------------------------------------------------------------------ projects
    def location(self, project: ServerProject) -> str:
        """The database URL of ``project`` (its schema first on the search path)."""
        url = make_url(self.url)
        return url.update_query_dict({"options": f"-csearch_path={project.schema}"}).render_as_string(
            hide_password=False)

    def _register(self, name: str) -> ServerProject:
        name = name.strip()
        if not name:
            raise InputError("a project needs a name")
        pid = new_id()
        schema = f"makna_p_{pid.replace('-', '')[:16]}"
        with self.engine.begin() as conn:
            if conn.execute(select(projects.c.id).where(projects.c.name == name)).first():
                raise ConflictError(f"project {name!r} exists on this server already")
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        return ServerProject(pid, name, schema)

    def _commit(self, sp: ServerProject, owner: str) -> ServerProject:
        user = self.user(owner)
        with self.engine.begin() as conn:
            conn.execute(insert(projects).values(id=sp.id, name=sp.name, schema=sp.schema, created_at=_now()))
            conn.execute(insert(members).values(project_id=sp.id, user_id=user.id, role="owner"))
        return ServerProject(sp.id, sp.name, sp.schema, "owner")

    def _drop_schema(self, schema: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))

    @contextmanager
    def _new_schema(self, name: str, owner: str) -> Iterator[tuple[ServerProject, str]]:
        self.user(owner)
        sp = self._register(name)
        try:
            yield sp, self.location(sp)
        except BaseException:
            self._drop_schema(sp.schema)
            raise

    def add_project(self, name: str, *, owner: str) -> ServerProject:
        """A new, empty project ``name`` whose owner is the user ``owner``."""
        with self._new_schema(name, owner) as (sp, location):
            create_project(location, name, coder=owner).close()
        return self._commit(sp, owner)

    def import_project(self, path: str | os.PathLike[str], *, owner: str, name: str | None = None,
                       seals: Mapping[str, bytes] | None = None) -> ServerProject:
        """A new project from a local project file (``.makna``: copied whole, event log and undo
        history included) or a REFI-QDA project (``.qdpx``), owned by ``owner``. ``seals`` verify
        the .qdpx's de-identification claims (:meth:`seals` of a project on this server, or
        :func:`makna.privacy.seals.project_seals` of a project file); a claim not verified imports
        as not de-identified. :meth:`import_reported` also says what it imported."""
        return self.import_reported(path, owner=owner, name=name, seals=seals)[0]

    def import_reported(self, path: str | os.PathLike[str], *, owner: str, name: str | None = None,
                        seals: Mapping[str, bytes] | None = None,
                        field_reviews: Sequence[Mapping[str, Any]] = ()) -> tuple[ServerProject, ImportReport]:
        """:meth:`import_project`, and its report (trust24): what it imported, which de-identification
        claims verified and by whom they were sealed, which did not and why (the same
        :class:`~makna.exchange.ImportReport` as ``makna import-project``'s). ``field_reviews``: those of the
        verifying project files, kept for the values of a .qdpx imported as they reviewed them (trial19 #2)."""
        from ..exchange import ImportReport
        from .transfer import copy_project

        src = Path(path)
        if not src.is_file():
            raise InputError(f"{src}: no such file")
        title = name or src.stem
        with self._new_schema(title, owner) as (sp, location):
            if src.suffix.lower() == ".qdpx":
                from ..exchange.project_file import import_project

                report = import_project(src, location, coder=owner, seals=seals, field_reviews=field_reviews)
                with open_project(location, coder=owner) as proj, proj.store.write(
                        owner, "project.rename", {"name": title}) as conn:
                    from ..store import tables

                    conn.execute(tables.meta.update().where(tables.meta.c.key == "name").values(value=title))
            else:
                counts = copy_project(src, location)
                report = ImportReport(
                    str(src), sources=counts.get("sources", 0), codes=counts.get("codes", 0),
                    segments=counts.get("segments", 0), cases=counts.get("cases", 0), memos=counts.get("memos", 0),
                    attributes=counts.get("attributes", 0), sets=counts.get("sets", 0),
                    coders=counts.get("coders", 0),
                    notes=["a project file, copied whole: its history, seal key and de-identification state came "
                           "with it (nothing to verify)"])
        return self._commit(sp, owner), report

    def seals(self, key: str, *, actor: str) -> SealKeys:
        """The seal keys of the project ``key`` (its own and its members', less those whose right to
        seal was withdrawn: :func:`makna.privacy.seals.project_seals`; the key is made when the
        project first exports a de-identified source), with which an import verifies the
        de-identification claims of a .qdpx. ``actor`` must be a manager of it or the server's
        administrator."""
        from ..privacy.seals import project_seals

        sp = self.project(key)
        self._require(sp, actor, "export")
        with open_project(self.location(sp), coder=actor) as proj:
            return project_seals(proj)

    def export_project(self, key: str, path: str | os.PathLike[str], *, actor: str | None = None,
                       passphrase: Passphrase = None) -> dict[str, int]:
        """Write the project ``key`` whole into the new project file ``path`` (its backup: sources and
        original files, codebook, cases, every member's codings and memos, de-identification
        reviews, rounds, the event log; :func:`~makna.server.transfer.export_project`), which
        :meth:`import_project` puts back. ``actor``, when given, must be a manager of the project
        or the server's administrator. Returns the rows copied per table.

        The project logs the copy (``project.export``, in the server project, after the file is
        written): who made it (``actor``, else ``server``), when, and the file's name without its
        folder, whether it is encrypted and the rows copied; never the project's content."""
        from .transfer import export_project

        sp = self.project(key)
        if actor is not None:
            self._require(sp, actor, "export")
        counts = export_project(self.location(sp), path, passphrase=passphrase)
        payload = {"file": Path(path).name, "encrypted": passphrase is not None,
                   "counts": {k: counts.get(k, 0) for k in ("sources", "codes", "segments", "events")}}
        with open_project(self.location(sp), coder=actor or "server") as proj, proj.store.write(
                proj.actor, "project.export", payload):
            pass
        return counts

    def _project_row(self, conn: Connection, key: str) -> ServerProject:
        p = projects.c
        row = conn.execute(select(p.id, p.name, p.schema).where((p.id == key) | (p.name == key))).first()
        if row is None:
            raise NotFoundError(f"unknown project {key!r} on this server (see 'makna server project list')")
        return ServerProject(row.id, row.name, row.schema)

    def project(self, key: str, user: str | None = None) -> ServerProject:
        """The project with this id or name (with ``user``'s role in it)."""
        with self.engine.connect() as conn:
            sp = self._project_row(conn, key)
        return ServerProject(sp.id, sp.name, sp.schema, self.role(sp.id, user) if user else None)

    def projects(self, user: str | None = None) -> list[ServerProject]:
        """Every project (``user``: those they are a member of, with their role)."""
        p, m, u = projects.c, members.c, users.c
        with self.engine.connect() as conn:
            if user is None:
                rows = conn.execute(select(p.id, p.name, p.schema).order_by(p.name)).all()
                return [ServerProject(r.id, r.name, r.schema) for r in rows]
            found = conn.execute(select(p.id, p.name, p.schema, m.role)
                                 .join_from(projects, members, m.project_id == p.id)
                                 .join(users, u.id == m.user_id).where(u.name == user).order_by(p.name)).all()
        return [ServerProject(r.id, r.name, r.schema, check_role(r.role)) for r in found]

    def delete_project(self, key: str, *, actor: str | None = None) -> None:
        """Remove a project and everything in it (``actor``, when given, must be its owner)."""
        sp = self.project(key)
        if actor is not None:
            self._require(sp, actor, "delete")
        opened = self._projects.pop(sp.id, None)
        if opened is not None:
            opened.close()
        with self.engine.begin() as conn:
            conn.execute(delete(projects).where(projects.c.id == sp.id))
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{sp.schema}" CASCADE'))
        # the sessions that chose it (the database forgets their choice) and the roles in it
        for key, (_, found) in list(self._sessions.items()):
            if found.project is not None and found.project.id == sp.id:
                self._sessions.pop(key, None)
        for role_key in [k for k in self._roles if k[0] == sp.id]:
            self._roles.pop(role_key, None)

    def open_project(self, sp: ServerProject) -> Project:
        """The open project (kept open while the registry is; its store refuses what the acting
        user's role does not allow). Give each request its own actor with ``dataclasses.replace``."""
        found = self._projects.get(sp.id)
        if found is None:
            found = open_project(self.location(sp), coder="server")
            found.store.access = Access(functools.partial(self.role, sp.id))
            found = self._projects.setdefault(sp.id, found)
        return found

    def not_deidentified(self, key: str) -> list[str]:
        """The names of the project's sources whose de-identification was not applied yet: what a
        member added now reads as it was imported (names, phone numbers...)."""
        with open_project(self.location(self.project(key)), coder="server") as proj, proj.store.read() as conn:
            return not_deidentified(conn)

    # ------------------------------------------------------------------ members
    def role(self, project_id: str, user: str) -> Role | None:
        """``user``'s role in the project (None: not a member); cached for two seconds."""
        key = (project_id, user)
        now = time.monotonic()
        cached = self._roles.get(key)
        if cached is not None and now - cached[0] < 2.0:
            return cached[1]
        m, u = members.c, users.c
        with self.engine.connect() as conn:
            found = conn.execute(select(m.role).join_from(members, users, u.id == m.user_id)
                                 .where(m.project_id == project_id, u.name == user)).scalar()
        role = check_role(found) if found is not None else None
        self._roles[key] = (now, role)
        return role

    def members(self, key: str) -> list[tuple[str, Role]]:
        sp = self.project(key)
        m, u = members.c, users.c
        with self.engine.connect() as conn:
            rows = conn.execute(select(u.name, m.role).join_from(members, users, u.id == m.user_id)
                                .where(m.project_id == sp.id).order_by(u.name)).all()
        return [(r.name, check_role(r.role)) for r in rows]

    def _require(self, sp: ServerProject, actor: str, permission: Permission) -> None:
        """Refuse unless ``actor`` is the server's administrator or holds ``permission`` in ``sp``."""
        if not self.user(actor).admin:
            Access(lambda name: self.role(sp.id, name)).require(actor, permission)

    def set_role(self, key: str, user: str, role: str, *, actor: str | None = None) -> None:
        """Make ``user`` a member of the project with ``role`` (or change their role). ``actor``,
        when given (the web), must be an owner of the project or the server's administrator; a
        project always keeps an owner."""
        chosen = check_role(role)
        sp = self.project(key)
        if actor is not None:
            self._require(sp, actor, "members")
        target = self.user(user)
        with self.engine.begin() as conn:
            m = members.c
            conn.execute(delete(members).where(m.project_id == sp.id, m.user_id == target.id))
            conn.execute(insert(members).values(project_id=sp.id, user_id=target.id, role=chosen))
            self._keep_owner(conn, sp)
            record(conn, actor or "server", "member.set", {"project": sp.name, "user": target.name, "role": chosen})
        self.forget_roles()

    def remove_member(self, key: str, user: str, *, actor: str | None = None) -> None:
        sp = self.project(key)
        if actor is not None:
            self._require(sp, actor, "members")
        target = self.user(user)
        with self.engine.begin() as conn:
            m = members.c
            if conn.execute(delete(members).where(m.project_id == sp.id, m.user_id == target.id)).rowcount == 0:
                raise NotFoundError(f"{user!r} is not a member of {sp.name!r}")
            self._keep_owner(conn, sp)
            record(conn, actor or "server", "member.remove", {"project": sp.name, "user": target.name})
        self.forget_roles()

    def forget_roles(self) -> None:
        """Forget the roles and sessions this process remembers (a membership changed)."""
        self._roles.clear()
        self._sessions.clear()

    # ------------------------------------------------------------------ invitations
    def invite(self, projects: list[str], role: str, *, actor: str, expires: dt.timedelta | None = None,
               note: str = "") -> tuple[str, Invitation]:
        """Invite someone to ``role`` in ``projects`` (:func:`makna.server.invitations.create`): the
        link's token, shown once, and the invitation."""
        from . import invitations as inv

        return inv.create(self, projects, role, actor=actor, expires=expires or inv.DEFAULT_EXPIRY, note=note)

    def invitations(self, project: str | None = None, *, actor: str | None = None) -> list[Invitation]:
        from .invitations import listing

        return listing(self, project, actor=actor)

    def revoke_invitation(self, ident: str, *, actor: str) -> Invitation:
        from .invitations import revoke

        return revoke(self, ident, actor=actor)

    def invitation(self, token: str) -> Invitation:
        """The open invitation of a link's token (a :class:`NotFoundError` for any other)."""
        from .invitations import find

        return find(self, token)

    def accept_invitation(self, token: str, name: str, password: str, *,
                          new_account: bool) -> tuple[User, Invitation]:
        from .invitations import accept

        return accept(self, token, name, password, new_account=new_account)

    def _keep_owner(self, conn: Connection, sp: ServerProject) -> None:
        m = members.c
        if conn.execute(select(m.user_id).where(m.project_id == sp.id, m.role == "owner")).first() is None:
            raise ConflictError(f"project {sp.name!r} would have no owner left: make someone else its owner first")

    # ------------------------------------------------------------------ sessions
    def new_session(self, user: User, *, hours: float = SESSION_HOURS) -> tuple[str, Session]:
        """A login for ``user``: the token for its cookie (kept only as a hash) and the session."""
        token = secrets.token_urlsafe(32)
        csrf = secrets.token_urlsafe(24)
        now = _now()
        expires = now + dt.timedelta(hours=hours)
        with self.engine.begin() as conn:
            conn.execute(delete(sessions).where(sessions.c.expires_at < now))
            conn.execute(insert(sessions).values(id=_digest(token), user_id=user.id, csrf=csrf, created_at=now,
                                                 expires_at=expires))
        return token, Session(user, csrf, expires, None)

    def cached_session(self, token: str) -> Session | None:
        """The session of a cookie's token as :meth:`session` remembers it (None: not remembered or
        stale; ask :meth:`session`): answered without the database, so without leaving the event loop."""
        cached = self._sessions.get(_digest(token))
        if cached is not None and time.monotonic() - cached[0] < SESSION_CACHE_SECONDS \
                and cached[1].expires_at > _now():
            return cached[1]
        return None

    def opened(self, sp: ServerProject) -> Project | None:
        """The project if :meth:`open_project` has opened it already (None: open it with that)."""
        return self._projects.get(sp.id)

    def session(self, token: str) -> Session | None:
        """The live session of a cookie's token (None: unknown, ended or expired), with its chosen
        project and the user's role there. A live session is remembered for
        :data:`SESSION_CACHE_SECONDS` (each request of a busy server need not ask the database);
        ending it or choosing a project in this process forgets it at once."""
        cached = self.cached_session(token)
        if cached is not None:
            return cached
        key = _digest(token)
        now = time.monotonic()
        found = self._load_session(key)
        if found is None:
            self._sessions.pop(key, None)
        else:
            if len(self._sessions) > 10_000:
                self._sessions.clear()
            self._sessions[key] = (now, found)
        return found

    def _load_session(self, key: str) -> Session | None:
        s, u, p, m = sessions.c, users.c, projects.c, members.c
        q = (select(u.id, u.name, u.admin, s.csrf, s.expires_at, p.id.label("pid"), p.name.label("pname"),
                    p.schema, m.role)
             .join_from(sessions, users, u.id == s.user_id)
             .outerjoin(projects, p.id == s.project_id)
             .outerjoin(members, (m.project_id == s.project_id) & (m.user_id == s.user_id))
             .where(s.id == key, s.expires_at > _now()))
        with self.engine.connect() as conn:
            row = conn.execute(q).first()
        if row is None:
            return None
        chosen = None
        if row.pid is not None and row.role is not None:
            chosen = ServerProject(row.pid, row.pname, row.schema, check_role(row.role))
        return Session(User(row.id, row.name, row.admin), row.csrf, row.expires_at, chosen)

    def choose_project(self, token: str, key: str) -> ServerProject:
        """Make the project the session works in; refused unless its user is a member."""
        current = self.session(token)
        if current is None:
            raise InputError("the session has ended: log in again")
        sp = self.project(key, current.user.name)
        if not allows(sp.role, "read"):
            raise NotFoundError(f"unknown project {key!r} on this server")  # no hint that it exists
        with self.engine.begin() as conn:
            conn.execute(update(sessions).where(sessions.c.id == _digest(token)).values(project_id=sp.id))
        self._sessions.pop(_digest(token), None)
        return sp

    def end_session(self, token: str) -> None:
        self._sessions.pop(_digest(token), None)
        with self.engine.begin() as conn:
            conn.execute(delete(sessions).where(sessions.c.id == _digest(token)))


_dummy: list[str] = []


def _DUMMY_HASH() -> str:  # noqa: N802 - a constant made on first use (hashing takes 50 ms)
    if not _dummy:
        _dummy.append(hash_password(secrets.token_urlsafe(16)))
    return _dummy[0]
