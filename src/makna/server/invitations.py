"""Invitations to a team server: an owner or manager of a project (or the server's administrator)
invites someone to a role in named projects; the invitation is a one-time link (``/invite/TOKEN``)
where the invitee chooses a user name and password, or logs in to an account they have, and joins.

The token is random (256 bits) and kept only as its sha256 digest, as login sessions are: a copy of
the registry opens nothing. An invitation is used once, expires, can be listed and revoked, and never
grants a role above its maker's own in a project (a manager cannot invite an owner); the maker must
still hold that right when it is accepted. Each step (make, revoke, accept) is one transaction with
its entry in the registry's audit table (:data:`~makna.server.tables.audit`), naming who acted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Connection, delete, insert, select, update

from ..access import ROLES, Role, check_role
from ..errors import InputError, NotFoundError, PermissionDeniedError
from .passwords import check_new_password
from .tables import invitation_projects, invitations, members, projects, users

if TYPE_CHECKING:
    from .registry import Registry, User

__all__ = [
    "Invitation",
    "DEFAULT_EXPIRY",
    "MAX_EXPIRY",
    "parse_expiry",
    "create",
    "listing",
    "revoke",
    "find",
    "accept",
    "digest",
    "NOT_VALID",
    "USED",
    "REVOKED",
    "EXPIRED",
    "GONE",
    "DEAD_LINK_MESSAGES",
]

DEFAULT_EXPIRY = dt.timedelta(days=7)
MAX_EXPIRY = dt.timedelta(days=90)
_SPAN = re.compile(r"^\s*(\d{1,4})\s*([mhdw])\s*$")
_UNIT = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
#: What a link no invitation has says: a guessed (or mistyped) link learns nothing more.
NOT_VALID = "this invitation link is not valid"
#: What the holder of a real link that cannot be used any more is told: which it is, and what to do.
USED = (
    "this invitation link is not valid any more: it was used already, and works once. If you joined with it, "
    "log in; otherwise ask the project's manager for a new link"
)
REVOKED = (
    "this invitation link is not valid any more: the manager withdrew it. If you should still join, ask the "
    "project's manager for a new link"
)
EXPIRED = "this invitation link is not valid any more: it has expired. Ask the project's manager for a new link"
GONE = (
    "this invitation link is not valid any more: the projects it was for are no longer on this server. Ask the "
    "project's manager for a new link"
)
#: Every message a link that cannot be used gives (for the page's translations).
DEAD_LINK_MESSAGES = (NOT_VALID, USED, REVOKED, EXPIRED, GONE)


@dataclass(frozen=True)
class Invitation:
    """An invitation as listed (never its token)."""

    id: str
    role: Role
    projects: tuple[str, ...]
    created_by: str
    note: str
    created_at: dt.datetime
    expires_at: dt.datetime
    used_at: dt.datetime | None = None
    used_by: str | None = None
    revoked_at: dt.datetime | None = None
    revoked_by: str | None = None

    def state(self, now: dt.datetime | None = None) -> str:
        """``used``, ``revoked``, ``expired`` or ``open``."""
        if self.used_at is not None:
            return "used"
        if self.revoked_at is not None:
            return "revoked"
        return "expired" if self.expires_at <= (now or _now()) else "open"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def parse_expiry(text: str | None) -> dt.timedelta:
    """``7d``, ``12h``, ``30m``, ``2w`` as a span (None: :data:`DEFAULT_EXPIRY`); at most :data:`MAX_EXPIRY`."""
    if text is None or not text.strip():
        return DEFAULT_EXPIRY
    found = _SPAN.match(text.lower())
    if found is None:
        raise InputError(f"expiry {text!r}: give a number and a unit, such as 7d (days), 12h, 30m or 2w")
    span = dt.timedelta(**{_UNIT[found[2]]: int(found[1])})
    if span <= dt.timedelta(0) or span > MAX_EXPIRY:
        raise InputError(f"expiry {text!r}: choose between 1 minute and {MAX_EXPIRY.days} days")
    return span


def _rank(role: Role) -> int:
    return len(ROLES) - ROLES.index(role)


def _role_in(conn: Connection, project_id: str, user_id: str) -> Role | None:
    m = members.c
    found = conn.execute(select(m.role).where(m.project_id == project_id, m.user_id == user_id)).scalar()
    return check_role(found) if found is not None else None


def _check_maker(conn: Connection, maker: str, project_ids: dict[str, str], role: Role) -> None:
    """Refuse unless ``maker`` is an administrator, or an owner or manager of every project whose
    role there is at least ``role``."""
    row = conn.execute(select(users.c.id, users.c.admin).where(users.c.name == maker)).first()
    if row is None:
        raise PermissionDeniedError(f"{maker!r} has no account on this server any more")
    if row.admin:
        return
    for pid, name in project_ids.items():
        own = _role_in(conn, pid, row.id)
        if own not in ("owner", "manager"):
            raise PermissionDeniedError(
                f"{maker!r} may not invite to project {name!r}: that needs the owner or "
                "manager role there, or a server administrator"
            )
        if _rank(role) > _rank(own):
            raise PermissionDeniedError(
                f"{maker!r} is {own} of {name!r} and cannot invite someone as {role}: an "
                "invitation grants at most its maker's own role"
            )


def _projects(conn: Connection, keys: list[str]) -> dict[str, str]:
    """Project id -> name for each id or name in ``keys``."""
    if not keys:
        raise InputError("name at least one project to invite to (--project NAME)")
    p = projects.c
    found: dict[str, str] = {}
    for key in keys:
        row = conn.execute(select(p.id, p.name).where((p.id == key) | (p.name == key))).first()
        if row is None:
            raise NotFoundError(f"unknown project {key!r} on this server (see 'makna server project list')")
        found[row.id] = row.name
    return found


def create(
    reg: Registry,
    project_keys: list[str],
    role: str,
    *,
    actor: str,
    expires: dt.timedelta = DEFAULT_EXPIRY,
    note: str = "",
) -> tuple[str, Invitation]:
    """A new invitation to ``role`` in the projects named (ids or names) made by ``actor``: its token
    (shown once; only its digest is kept) and the invitation."""
    from ..model import new_id
    from .registry import record

    chosen = check_role(role)
    note = " ".join(note.split())
    if len(note) > 500:
        raise InputError("the note is too long: use at most 500 characters")
    if expires <= dt.timedelta(0) or expires > MAX_EXPIRY:
        raise InputError(f"an invitation expires after 1 minute to {MAX_EXPIRY.days} days")
    token = secrets.token_urlsafe(32)
    now = _now()
    iid = new_id()
    with reg.engine.begin() as conn:
        found = _projects(conn, project_keys)
        _check_maker(conn, actor, found, chosen)
        conn.execute(
            insert(invitations).values(
                id=iid,
                digest=digest(token),
                role=chosen,
                created_by=actor,
                note=note,
                created_at=now,
                expires_at=now + expires,
            )
        )
        for pid in found:
            conn.execute(insert(invitation_projects).values(invitation_id=iid, project_id=pid))
        record(
            conn,
            actor,
            "invite.create",
            {
                "invitation": iid,
                "role": chosen,
                "projects": sorted(found.values()),
                "expires_at": (now + expires).isoformat(),
            },
        )
    return token, Invitation(iid, chosen, tuple(sorted(found.values())), actor, note, now, now + expires)


def _load(conn: Connection, where: object = None) -> list[Invitation]:
    i, ip, p = invitations.c, invitation_projects.c, projects.c
    q = select(invitations).order_by(i.created_at.desc(), i.id)
    if where is not None:
        q = q.where(where)  # type: ignore[arg-type]
    rows = conn.execute(q).all()
    names: dict[str, list[str]] = {}
    if rows:
        for iid, name in conn.execute(
            select(ip.invitation_id, p.name)
            .join_from(invitation_projects, projects, p.id == ip.project_id)
            .where(ip.invitation_id.in_([r.id for r in rows]))
            .order_by(p.name)
        ).all():
            names.setdefault(iid, []).append(name)
    return [
        Invitation(
            r.id,
            check_role(r.role),
            tuple(names.get(r.id, ())),
            r.created_by,
            r.note,
            r.created_at,
            r.expires_at,
            r.used_at,
            r.used_by,
            r.revoked_at,
            r.revoked_by,
        )
        for r in rows
    ]


def listing(reg: Registry, project: str | None = None, *, actor: str | None = None) -> list[Invitation]:
    """The invitations (to ``project``, when named), newest first. ``actor``, when given, sees those
    to projects where they may invite (every one for an administrator)."""
    ip = invitation_projects.c
    with reg.engine.connect() as conn:
        if project is None:
            found = _load(conn)
        else:
            pid = next(iter(_projects(conn, [project])))
            found = _load(conn, invitations.c.id.in_(select(ip.invitation_id).where(ip.project_id == pid)))
        if actor is None or reg.user(actor).admin:
            return found
        mine = {sp.name for sp in reg.projects(actor) if sp.role in ("owner", "manager")}
    return [inv for inv in found if inv.projects and set(inv.projects) <= mine]


def _by_id(conn: Connection, ident: str) -> Invitation:
    ident = ident.strip()
    if len(ident) < 6:
        raise InputError(f"invitation {ident!r}: give at least the first 6 characters of its id")
    found = _load(conn, invitations.c.id.startswith(ident, autoescape=True))
    if not found:
        raise NotFoundError(f"unknown invitation {ident!r} (see 'makna server invite list')")
    if len(found) > 1:
        raise InputError(f"invitation {ident!r} is ambiguous: give more of its id")
    return found[0]


def revoke(reg: Registry, ident: str, *, actor: str) -> Invitation:
    """Revoke the open invitation whose id starts with ``ident``; ``actor`` must be an administrator or
    able to invite to each of its projects (as its role)."""
    from .registry import record

    with reg.engine.begin() as conn:
        inv = _by_id(conn, ident)
        pids = dict(conn.execute(select(projects.c.id, projects.c.name).where(projects.c.name.in_(inv.projects))).all())
        _check_maker(conn, actor, pids, inv.role)
        if inv.state() != "open":
            raise InputError(f"invitation {inv.id[:8]} is {inv.state()} already")
        now = _now()
        i = invitations.c
        done = conn.execute(  # only while still open: an accept committed meanwhile wins, and is said
            update(invitations)
            .where(i.id == inv.id, i.used_at.is_(None), i.revoked_at.is_(None))
            .values(revoked_at=now, revoked_by=actor)
        ).rowcount
        if done != 1:
            raise InputError(f"invitation {inv.id[:8]} is {_load(conn, i.id == inv.id)[0].state()} already")
        record(conn, actor, "invite.revoke", {"invitation": inv.id, "role": inv.role, "projects": list(inv.projects)})
    return Invitation(**{**inv.__dict__, "revoked_at": now, "revoked_by": actor})


def find(reg: Registry, token: str) -> Invitation:
    """The open invitation of a link's token; a :class:`NotFoundError` for any other: :data:`NOT_VALID` for a
    token no invitation has, else what its holder should know (:data:`USED`, :data:`REVOKED`,
    :data:`EXPIRED`, :data:`GONE`). Only the holder of a real link (its token is the secret) learns more than
    "not valid"."""
    with reg.engine.connect() as conn:
        found = _load(conn, invitations.c.digest == digest(token)) if token else []
    if not found or found[0].state() != "open" or not found[0].projects:
        raise NotFoundError(_dead_message(found))
    return found[0]


def _dead_message(found: list[Invitation]) -> str:
    """What a link that cannot be used says: :data:`NOT_VALID` when no invitation has its token."""
    if not found:
        return NOT_VALID
    return {"used": USED, "revoked": REVOKED, "expired": EXPIRED}.get(found[0].state(), GONE)


def accept(reg: Registry, token: str, name: str, password: str, *, new_account: bool) -> tuple[User, Invitation]:
    """Use the invitation of ``token``: with ``new_account``, make the account ``name`` with
    ``password`` (the rules of :mod:`makna.server.passwords`); else ``name`` and ``password`` must be
    an account's (a :class:`PermissionDeniedError` otherwise). The user becomes a member of each of its
    projects with its role (a higher role they hold already is kept). One transaction: the link is
    marked used (once, even when two tabs accept at the same moment), the memberships made, the step
    audited."""
    from .registry import check_user_name, record

    if new_account:
        name = check_user_name(name)
        check_new_password(password)
    inv = find(reg, token)
    user: User | None = None
    if not new_account:
        user = reg.authenticate(name, password)  # outside the transaction: hashing takes a moment
        if user is None:
            raise PermissionDeniedError("wrong user name or password")
    with reg.engine.begin() as conn:
        i = invitations.c
        now = _now()
        used = conn.execute(
            update(invitations)
            .where(
                i.digest == digest(token),
                i.used_at.is_(None),
                i.revoked_at.is_(None),
                i.expires_at > now,
            )
            .values(used_at=now, used_by=name)
        ).rowcount
        if used != 1:  # used, revoked or expired since it was found: its holder is told which
            raise NotFoundError(_dead_message(_load(conn, i.digest == digest(token))))
        pids = dict(conn.execute(select(projects.c.id, projects.c.name).where(projects.c.name.in_(inv.projects))).all())
        _check_maker(conn, inv.created_by, pids, inv.role)  # the maker may since have lost the right
        if user is None:
            user = reg._insert_user(conn, name, password, admin=False)
        joined: dict[str, str] = {}
        for pid, pname in pids.items():
            had = _role_in(conn, pid, user.id)
            if had is not None and _rank(had) >= _rank(inv.role):
                joined[pname] = had
                continue
            m = members.c
            conn.execute(delete(members).where(m.project_id == pid, m.user_id == user.id))
            conn.execute(insert(members).values(project_id=pid, user_id=user.id, role=inv.role))
            joined[pname] = inv.role
        record(
            conn,
            user.name,
            "invite.accept",
            {"invitation": inv.id, "new_account": new_account, "invited_by": inv.created_by, "roles": joined},
        )
    reg.forget_roles()
    return user, Invitation(**{**inv.__dict__, "used_at": now, "used_by": user.name})
