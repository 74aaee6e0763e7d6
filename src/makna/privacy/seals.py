"""Who may seal a de-identification claim: the project's seal key, a member's own key, and withdrawn sealing rights.

The project holds its *seal key* (32 random bytes in ``meta`` under ``deid_seal``), made the first time it exports
a de-identified source or hands a coder a copy. A claim it seals names the key's id (:func:`seal_id`). A full copy
of the project (``makna copy``, a server project's export, its import) is the project and holds the same key.

A second coder's copy (``makna copy --coder NAME``) does NOT hold it: it holds only the member's key, derived from
the project's key and the member's name (:func:`member_key`, an HMAC of the name under the project's key), in
``meta`` under ``deid_seal_member`` with the member's name and the project key's id. A claim the copy seals names
the project key's id and the member (``by``), so the project can verify it (it derives the member's key from its
own), while the member can seal neither as another member nor as the project: an HMAC's key cannot be recovered
from its output. A blind copy holds no key at all (nor any state to claim).

The project's managers can withdraw a member's right to seal (:func:`revoke_sealer`; the names are in ``meta``
under ``deid_seal_revoked``): from then on a claim sealed by that member no longer verifies, whenever it was made.
Verifying takes a :class:`SealKeys`, the keys an import checks seals with, keyed by the project key's id, and by
``<id>:<member>`` for a member's seal. Only the project (or a full copy of it) verifies: a coder's copy holds a
key that seals, never one that vouches for who sealed (:func:`project_seals`).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from sqlalchemy import Connection, delete, insert, select
from sqlalchemy.exc import OperationalError

from ..errors import InputError
from ..project import Project
from ..store import tables
from ..store.maintenance import compact, secure_delete

__all__ = [
    "SEAL_META",
    "MEMBER_META",
    "PROJECT_SEALER",
    "REVOKED_META",
    "Sealer",
    "SealKeys",
    "seal_id",
    "member_key",
    "meta_seal",
    "meta_sealer",
    "project_seals",
    "seal_key",
    "issue_member_key",
    "revoked_sealers",
    "revoke_sealer",
    "reseal",
]

SEAL_META = "deid_seal"
"""The ``meta`` key of the project's seal key (hex)."""
MEMBER_META = "deid_seal_member"
"""The ``meta`` key of a coder's copy's own seal key (JSON: the project key's id, the member, the key in hex)."""
REVOKED_META = "deid_seal_revoked"
"""The ``meta`` key of the members whose right to seal was withdrawn (a JSON list of names)."""
PROJECT_SEALER = "project"
"""Who sealed a claim that the project sealed itself (a claim's ``sealed_by``, the import's "sealed by the
project"): no member may bear that name (review23: their seals would read as the project's)."""


def seal_id(secret: bytes) -> str:
    """The public id of a seal key (what an exchange file names): 16 hex digits of a hash of it."""
    return hashlib.sha256(b"makna-deid-seal\x00" + secret).hexdigest()[:16]


def member_key(secret: bytes, member: str) -> bytes:
    """The seal key of ``member``, derived from the project's seal key ``secret``."""
    return hmac.new(secret, b"makna-deid-member\x00" + member.encode("utf-8", "surrogatepass"), hashlib.sha256).digest()


@dataclass(frozen=True)
class Sealer:
    """What a project seals its claims with: the key, the project key's id, and the member (None: the project)."""

    key: bytes
    project: str
    by: str | None = None


class SealKeys(Mapping[str, bytes]):
    """The keys an import verifies seals with: a project's key by its id (``masters``), and a member's key by
    ``<id>:<member>`` (derived from the project's key unless the member's right to seal was withdrawn,
    ``revoked``). A member's key as a coder's copy holds it is none of them (review23: see :func:`project_seals`)."""

    def __init__(
        self,
        masters: Mapping[str, bytes] | None = None,
        revoked: Mapping[str, frozenset[str]] | None = None,
    ) -> None:
        self._masters = dict(masters or {})
        self._revoked = dict(revoked or {})

    def __getitem__(self, key: str) -> bytes:
        sid, _, member = key.partition(":")
        if not member:
            return self._masters[sid]
        if member == PROJECT_SEALER or member in self._revoked.get(sid, frozenset()):
            raise KeyError(key)
        return member_key(self._masters[sid], member)

    def __iter__(self) -> Iterator[str]:
        return iter(self._masters)

    def __len__(self) -> int:
        return len(self._masters)

    def merged(self, other: SealKeys) -> SealKeys:
        """These keys and ``other``'s."""
        revoked = dict(self._revoked)
        for sid, names in other._revoked.items():
            revoked[sid] = revoked.get(sid, frozenset()) | names
        return SealKeys({**self._masters, **other._masters}, revoked)


def meta_seal(meta: Mapping[str, str]) -> bytes | None:
    """The project's seal key in its ``meta`` values (None: it has none, as a coder's copy)."""
    raw = meta.get(SEAL_META)
    try:
        secret = bytes.fromhex(raw) if raw else b""
    except ValueError:
        return None
    return secret if len(secret) >= 16 else None


def meta_sealer(meta: Mapping[str, str]) -> Sealer | None:
    """What the project (or the coder's copy) whose ``meta`` values these are seals with (None: nothing)."""
    secret = meta_seal(meta)
    if secret is not None:
        return Sealer(secret, seal_id(secret))
    try:
        held = json.loads(meta.get(MEMBER_META) or "null")
        if isinstance(held, dict) and isinstance(held.get("member"), str) and isinstance(held.get("project"), str):
            key = bytes.fromhex(str(held.get("key")))
            return Sealer(key, held["project"], held["member"]) if len(key) >= 16 else None
    except ValueError:
        pass
    return None


def _revoked(meta: Mapping[str, str]) -> frozenset[str]:
    try:
        names = json.loads(meta.get(REVOKED_META) or "[]")
    except ValueError:
        return frozenset()
    return frozenset(n for n in names if isinstance(n, str)) if isinstance(names, list) else frozenset()


def project_seals(project: Project) -> SealKeys:
    """The keys of ``project`` (empty when it has none yet): what an import verifies claims with (``--verify-with
    PROJECT``): the project's and its members' (less those whose right to seal was withdrawn). A coder's copy gives
    none (review23): the project key id and member its key is filed under are words beside it that nothing binds
    to it (a project's key id is a hash of the key), so a copy made up to name any project and member would verify
    claims "sealed" by them, and a member's own copy would verify their claims after their right was withdrawn."""
    meta = project.store.meta()
    secret = meta_seal(meta)
    if secret is None:
        return SealKeys()
    sid = seal_id(secret)
    return SealKeys({sid: secret}, revoked={sid: _revoked(meta)})


def _make(project: Project, payload: dict[str, str] | None = None) -> bytes:
    made = secrets.token_bytes(32)
    with project.store.write(project.actor, "deid.seal", {"seal": seal_id(made), **(payload or {})}) as conn:
        secure_delete(conn)  # a replaced key is zeroed, not left in a freed page
        m = tables.meta.c
        conn.execute(delete(tables.meta).where(m.key == SEAL_META))
        conn.execute(insert(tables.meta).values(key=SEAL_META, value=made.hex()))
    return made


def reseal(project: Project) -> str:
    """Give the project a new seal key (one ``deid.seal`` event, not an undo step): every claim sealed before, by the
    project or any member, verifies no more, and every coder's copy made before holds a key that seals nothing the
    project accepts (make them new copies). What retires a key that a coder's copy made before trust23 holds.
    Refused in a coder's copy. Returns the new key's id."""
    meta = project.store.meta()
    old = meta_seal(meta)
    if old is None and meta_sealer(meta) is not None:
        raise InputError("this is a coder's copy: give the project a new seal key in the project itself")
    made = _make(project, {"replaced": seal_id(old)} if old is not None else None)
    try:
        compact(project.store.engine, ["meta"])  # the WAL too; freed pages are zeroed already (secure_delete)
    except OperationalError:  # another program holds the file open: the next compaction (deid apply) does it
        pass
    return seal_id(made)


def seal_key(project: Project, *, needed: bool = False) -> Sealer | None:
    """What the project seals its claims with, its key made now (one ``deid.seal`` event) when the project has none
    and holds a de-identified source (``needed``: in any case); a coder's copy seals with its member's key and never
    makes one (without one, its claims go unsealed). None when it has none and needs none."""
    meta = project.store.meta()
    found = meta_sealer(meta)
    if found is not None:
        return found
    if "sync.server" in meta:  # a coder's copy made before trust23 without a key: its claims go unsealed
        return None
    if not needed:
        d = tables.deid_sources.c
        with project.store.read() as conn:
            if conn.execute(select(d.source_id).where(d.applied_at.is_not(None)).limit(1)).first() is None:
                return None
    made = _make(project)
    return Sealer(made, seal_id(made))


def issue_member_key(copy: Project, member: str, secret: bytes) -> None:
    """In ``copy``, a fresh copy of the project whose seal key is ``secret``, replace that key by ``member``'s own
    (one ``deid.seal`` event): freed pages are zeroed and the file rebuilt, so that the project's key survives
    nowhere in the copy."""
    if member == PROJECT_SEALER:
        raise InputError(f"{member!r} names the project's own seal: give the coder another name")
    sid = seal_id(secret)
    held = json.dumps({"project": sid, "member": member, "key": member_key(secret, member).hex()})
    with copy.store.write(copy.actor, "deid.seal", {"seal": sid, "member": member}) as conn:
        secure_delete(conn)
        m = tables.meta.c
        conn.execute(delete(tables.meta).where(m.key.in_([SEAL_META, MEMBER_META])))
        conn.execute(insert(tables.meta).values(key=MEMBER_META, value=held))
    compact(copy.store.engine, ["meta"])


def revoked_sealers(project: Project) -> list[str]:
    """The members whose right to seal was withdrawn, sorted."""
    return sorted(_revoked(project.store.meta()))


def _set_revoked(conn: Connection, names: frozenset[str]) -> None:
    conn.execute(delete(tables.meta).where(tables.meta.c.key == REVOKED_META))
    if names:
        conn.execute(insert(tables.meta).values(key=REVOKED_META, value=json.dumps(sorted(names))))


def revoke_sealer(project: Project, member: str, *, restore: bool = False) -> list[str]:
    """Withdraw ``member``'s right to seal de-identification claims (``restore``: give it back): from now on a
    claim that member sealed does not verify with this project's keys. One ``deid.revoke`` event, refused without
    the right to manage de-identification and in a coder's copy (which holds no project key). Returns the members
    whose right is withdrawn."""
    name = member.strip()
    if not name:
        raise InputError("give the member's name")
    meta = project.store.meta()
    if meta_seal(meta) is None and meta_sealer(meta) is not None:
        raise InputError("this is a coder's copy: withdraw a member's right to seal in the project itself")
    with project.store.write(project.actor, "deid.revoke", {"member": name, "restore": restore}) as conn:
        value = conn.execute(select(tables.meta.c.value).where(tables.meta.c.key == REVOKED_META)).scalar()
        now = _revoked({REVOKED_META: value} if value else {})
        now = now - {name} if restore else now | {name}
        _set_revoked(conn, now)
    return sorted(now)
