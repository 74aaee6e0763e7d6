"""The team server's audit log read back: who made, accepted or revoked an invitation, who set or removed a
member, and when (the registry's ``audit`` table, written by :func:`makna.server.registry.record`).

``makna server audit`` (the administrator, who holds the database URL) reads the whole server's or one
project's; the Members page shows one project's to its owners and managers. An entry names people by
their user names (the registry records no other actor; ``server`` for a ``makna server`` command) and
never carries a secret: the table holds none (an invitation's link is kept only as a digest, in its own
table), and a field named like one is left out all the same. Read for one project, an entry about
several (an invitation to two projects) shows that project only.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, select

from ..errors import InputError, NotFoundError, PermissionDeniedError
from ..store import as_utc
from .tables import audit
from .tables import projects as project_table

if TYPE_CHECKING:
    from .registry import Registry

__all__ = ["AuditEntry", "audit_log", "parse_since", "detail_text"]

#: Fields never shown, whatever wrote them.
_SECRET_WORDS = ("token", "digest", "password", "secret", "key")
_SHORT_ID = 8  # an invitation as ``makna server invite list`` shows it


@dataclass(frozen=True)
class AuditEntry:
    """One step: when (UTC), who (a user name, or ``server``), what (``invite.create``, ``invite.accept``,
    ``invite.revoke``, ``member.set``, ``member.remove``, ``server.init``), the projects it concerns and
    its details (names, roles, an invitation's short id, an expiry)."""

    id: int
    at: dt.datetime
    actor: str
    action: str
    projects: tuple[str, ...]
    detail: dict[str, object] = field(default_factory=dict)


def _projects(detail: dict[str, object]) -> tuple[str, ...]:
    found: list[str] = []
    if isinstance(detail.get("project"), str):
        found.append(str(detail["project"]))
    for name in ("projects", "roles"):  # an invitation's list; the roles an acceptance gave, by project
        value = detail.get(name)
        if isinstance(value, list | dict):
            found += [str(p) for p in value]
    return tuple(dict.fromkeys(found))


def _narrowed(detail: dict[str, object], project: str) -> dict[str, object]:
    """``detail`` as one project's reader sees it: the other projects of a step on several left out."""
    out = dict(detail)
    listed, roles = out.get("projects"), out.get("roles")
    if isinstance(listed, list):
        out["projects"] = [p for p in listed if p == project]
    if isinstance(roles, dict):
        out["roles"] = {p: r for p, r in roles.items() if p == project}
    return out


def _clean(raw: str) -> dict[str, object]:
    try:
        loaded = json.loads(raw or "{}")
    except ValueError:
        return {}
    if not isinstance(loaded, dict):
        return {}
    out = {k: v for k, v in loaded.items() if not any(w in k.lower() for w in _SECRET_WORDS)}
    if isinstance(out.get("invitation"), str):
        out["invitation"] = out["invitation"][:_SHORT_ID]
    return out


def audit_log(
    reg: Registry,
    *,
    project: str | None = None,
    since: dt.datetime | None = None,
    limit: int | None = None,
    actor: str | None = None,
) -> list[AuditEntry]:
    """The audit log, newest first: the whole server's, or the steps concerning ``project`` (a name or
    id; a project deleted since is still found by its name; a live one's steps start at its creation, so that a
    project made under a deleted one's name never shows the old one's), from ``since`` on, at most ``limit``.
    ``actor``, when given (the web), must be an owner or manager of ``project`` or the server's
    administrator; only an administrator reads the whole server's."""
    if limit is not None and limit < 1:
        raise InputError("limit must be 1 or more")
    name: str | None = None
    project_id: str | None = None  # None for a project deleted since (its steps are still found by name)
    if project is not None:
        try:
            sp = reg.project(project)
            name, project_id = sp.name, sp.id
        except NotFoundError:
            if not _ever_named(reg, project):
                raise
            name = project
    if actor is not None and not reg.user(actor).admin:
        role = reg.role(project_id, actor) if project_id is not None else None
        if role not in ("owner", "manager"):
            raise PermissionDeniedError(
                "the audit log of a project is for its owners and managers (and the server's administrator)"
            )
    a = audit.c
    q = select(a.id, a.at, a.actor, a.action, a.detail).order_by(a.at.desc(), a.id.desc())
    if since is not None:
        q = q.where(a.at >= as_utc(since))
    if project_id is not None:  # a project deleted earlier under the same name is another's: not its steps
        p = project_table.c
        q = q.where(a.at >= select(p.created_at).where(p.id == project_id).scalar_subquery())
    if name is not None:  # a first sieve in SQL; the JSON decides below
        q = q.where(_mentions(name))
    out: list[AuditEntry] = []
    with reg.engine.connect() as conn:
        for r in conn.execute(q).yield_per(500):
            detail = _clean(r.detail)
            projects = _projects(detail)
            if name is not None:
                if name not in projects:
                    continue
                detail, projects = _narrowed(detail, name), (name,)
            out.append(AuditEntry(r.id, as_utc(r.at), r.actor, r.action, projects, detail))
            if limit is not None and len(out) >= limit:
                break
    return out


def _mentions(name: str) -> ColumnElement[bool]:
    """The audit rows whose details hold ``name`` as a JSON string (a sieve: the JSON decides)."""
    return audit.c.detail.contains(json.dumps(name, ensure_ascii=False), autoescape=True)


def _ever_named(reg: Registry, project: str) -> bool:
    with reg.engine.connect() as conn:
        return conn.execute(select(audit.c.id).where(_mentions(project)).limit(1)).first() is not None


def parse_since(value: str) -> dt.datetime:
    """``--since``: a date (``2026-12-01``, from its midnight UTC) or a date and time (``2026-12-01T09:30``,
    UTC unless it names its offset)."""
    try:
        found = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"--since {value!r}: give a date as YYYY-MM-DD (or YYYY-MM-DDTHH:MM)") from None
    return as_utc(found)


def detail_text(detail: dict[str, object]) -> str:
    """An entry's details on one line: ``name=value`` pairs, lists joined by commas."""
    parts: list[str] = []
    for k, v in sorted(detail.items()):
        if isinstance(v, list):
            v = ", ".join(str(x) for x in v)
        elif isinstance(v, dict):
            v = ", ".join(f"{x}: {y}" for x, y in v.items())
        parts.append(f"{k}={v}")
    return "; ".join(parts)
