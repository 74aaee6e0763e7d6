"""Who may do what in a project: the roles of a team server, checked in the core operations.

Four roles, each with everything of the ones below it:

- ``viewer`` reads (``read``: browsing, retrieval, search, which refreshes the derived search index);
- ``coder`` codes and writes memos, undoes and redoes their own steps (``code``);
- ``manager`` edits the codebook, cases, sources and de-identification, builds consensus, reveals
  coders in a blind round (``manage``, ``reveal``) and may change other coders' codings and memos
  (``others``);
- ``owner`` renames, encrypts and deletes the project and manages its members (``own``, ``members``,
  ``delete``).

Every write goes through :meth:`makna.store.Store.write`, which asks the store's ``access`` (an
:class:`Access`, attached by the team server) whether its actor may log that :data:`EventKind`; the
operations that touch another coder's work check ``others`` themselves (:func:`require`). A project
opened locally (``makna`` commands, ``makna serve``) has no ``access``: its single user is the
owner.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Literal, get_args

from .errors import InputError, PermissionDeniedError
from .event_kinds import EVENT_KINDS, EventKind

if TYPE_CHECKING:
    from .project import Project

__all__ = ["Role", "ROLES", "Permission", "PERMISSIONS", "PERMISSION", "Access", "allows", "check_role",
           "role_of", "can", "require", "CODING_EVENT_KINDS", "PERMISSION_TEXTS"]

Role = Literal["owner", "manager", "coder", "viewer"]
#: The roles, from the most to the least trusted.
ROLES: tuple[Role, ...] = get_args(Role)
Permission = Literal["read", "code", "manage", "others", "reveal", "export", "own", "members", "delete"]
PERMISSIONS: tuple[Permission, ...] = get_args(Permission)

#: The least role that holds each permission.
_LEAST: dict[Permission, Role] = {
    "read": "viewer", "code": "coder", "manage": "manager", "others": "manager", "reveal": "manager",
    "export": "manager", "own": "owner", "members": "owner", "delete": "owner",
}
_RANK: dict[Role, int] = {"viewer": 0, "coder": 1, "manager": 2, "owner": 3}

#: The kinds that record a coder's codings and memos (a coder's own work; during a blind round the
#: activity list hides other coders' events of these kinds, see :mod:`makna.rounds`).
CODING_EVENT_KINDS: tuple[EventKind, ...] = (
    "code.span", "code.bulk", "code.autocode_speaker", "code.autocode_pattern", "code.autocode_search", "uncode",
    "uncode.span", "segment.memo", "segment.update", "suggest.accept", "memo.add", "memo.update", "memo.delete")
_CODE = CODING_EVENT_KINDS + ("undo", "redo", "quickcodes.set", "suggest.run", "suggest.reject", "sync.push")
_OWN = ("project.create", "project.rename", "project.encrypt", "project.decrypt")
_READ = ("search.index", "sync.pull")
# deid.seal: the seal key is made only by an export of the whole project (a .qdpx, which carries the sealed claims)
# or a coder's copy (which holds that member's key): what a viewer or coder may not do, so not "read" (trust23)
_EXPORT = ("deid.seal",)

#: The permission each kind of write needs.
PERMISSION: dict[EventKind, Permission] = {
    kind: ("code" if kind in _CODE else "own" if kind in _OWN else "read" if kind in _READ
           else "export" if kind in _EXPORT else "manage")
    for kind in EVENT_KINDS
}

_WHAT: dict[Permission, str] = {
    "read": "reading this project", "code": "coding and memos",
    "manage": "editing the codebook, cases, sources and de-identification",
    "others": "changing another coder's work", "reveal": "revealing coders",
    "export": "exporting the whole project (every member's work, the event log and the original files)",
    "own": "changing the project itself",
    "members": "managing members", "delete": "deleting the project",
}
#: What each permission allows, as a refusal names it (the workbench translates these).
PERMISSION_TEXTS: tuple[str, ...] = tuple(_WHAT.values())


def check_role(role: str) -> Role:
    """``role`` when it is one of :data:`ROLES`; otherwise an :class:`InputError` naming them."""
    for known in ROLES:
        if role == known:
            return known
    raise InputError(f"role {role!r}: use one of {', '.join(ROLES)}")


def allows(role: Role | None, permission: Permission) -> bool:
    """Whether ``role`` (None: not a member) holds ``permission``."""
    return role is not None and _RANK[role] >= _RANK[_LEAST[permission]]


def _denied(actor: str, role: Role | None, permission: Permission) -> PermissionDeniedError:
    who = f"{actor!r} is a {role} of this project" if role else f"{actor!r} is not a member of this project"
    return PermissionDeniedError(f"{who}: {_WHAT[permission]} needs the {_LEAST[permission]} role")


class Access:
    """The roles of one project's members, as the team server knows them: ``roles`` maps a user
    name to a role, or is a function that looks one up (None: not a member). Attached to a store
    (``store.access``), it refuses every write its actor's role does not allow."""

    def __init__(self, roles: Mapping[str, Role] | Callable[[str], Role | None]) -> None:
        self._lookup = roles.get if isinstance(roles, Mapping) else roles

    def role(self, actor: str) -> Role | None:
        return self._lookup(actor)

    def require(self, actor: str, permission: Permission) -> None:
        role = self.role(actor)
        if not allows(role, permission):
            raise _denied(actor, role, permission)

    def check(self, actor: str, action: EventKind) -> None:
        """Refuse a write of ``action`` by ``actor`` (a kind not listed needs the owner)."""
        self.require(actor, PERMISSION.get(action, "own"))


def role_of(project: Project, actor: str | None = None) -> Role | None:
    """The role of ``actor`` (default: the project's acting coder): ``owner`` in a project opened
    locally, else what the team server says (None: not a member)."""
    access = project.store.access
    if access is None:
        return "owner"
    return access.role(actor or project.actor) if isinstance(access, Access) else None


def can(project: Project, permission: Permission, actor: str | None = None) -> bool:
    """Whether ``actor`` (default: the acting coder) holds ``permission`` in ``project``."""
    return allows(role_of(project, actor), permission)


def require(project: Project, permission: Permission, actor: str | None = None) -> None:
    """Refuse (:class:`~makna.errors.PermissionDeniedError`, one line naming the role needed)
    unless ``actor`` (default: the acting coder) holds ``permission`` in ``project``."""
    who = actor or project.actor
    role = role_of(project, who)
    if not allows(role, permission):
        raise _denied(who, role, permission)
