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

Since trust24 each coder's copy has a key of its own (:func:`copy_key`, derived from the project's key, the member's
name and the copy's token, which the project records in its ``sync.pull`` event): a claim the copy seals names
the member and the copy (``copy``). The project's managers can withdraw one copy (a lost laptop) or every copy of
a member (:mod:`makna.privacy.seal_copies`): the copies withdrawn are in ``meta`` under ``deid_copies_revoked``,
the names under ``deid_seal_revoked`` (for the copies made before trust24, which hold a key of the name only). A
copy made for the member after a revocation has a new token and seals again. Verifying takes a :class:`SealKeys`,
the keys an import checks seals with, keyed by the project key's id, by ``<id>:<member>`` for a member's seal made
before trust24 and by ``<id>/<copy>:<member>`` for a copy's.

A reseal (:func:`reseal`) retires the project's key. The project keeps no retired key; it keeps instead a digest
of every claim and seal it exported itself (:func:`record_seals`, ``meta`` under ``deid_sealed:<digest>``, the key
id as value), and the reseal records those of its current claims under the key it retires. A retired key's seal
verifies only when its digest is recorded: a time written in a seal is the sealer's word and a leaked key can
backdate it, while what the project recorded before the reseal cannot be added to by anyone holding only the
key. Only the project (or a full copy of it) verifies: a coder's copy holds a
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
from ..store import LEDGER_PREFIX, tables
from ..store.maintenance import compact, secure_delete

__all__ = [
    "SEAL_META",
    "MEMBER_META",
    "COPIES_REVOKED_META",
    "LEDGER_PREFIX",
    "PROJECT_SEALER",
    "REVOKED_META",
    "Sealer",
    "SealKeys",
    "seal_id",
    "member_key",
    "copy_key",
    "record_seals",
    "record_in",
    "recorded_seals",
    "meta_seal",
    "meta_sealer",
    "project_seals",
    "seal_key",
    "issue_member_key",
    "install_key",
    "reseal",
    "revoked_in",
]

SEAL_META = "deid_seal"
"""The ``meta`` key of the project's seal key (hex)."""
MEMBER_META = "deid_seal_member"
"""The ``meta`` key of a coder's copy's own seal key (JSON: the project key's id, the member, the key in hex)."""
REVOKED_META = "deid_seal_revoked"
"""The ``meta`` key of the members whose right to seal was withdrawn (a JSON list of names)."""
COPIES_REVOKED_META = "deid_copies_revoked"
"""The ``meta`` key of the coder's copies whose right to seal was withdrawn (a JSON list of copy tokens)."""
PROJECT_SEALER = "project"
"""Who sealed a claim that the project sealed itself (a claim's ``sealed_by``, the import's "sealed by the
project"): no member may bear that name (review23: their seals would read as the project's)."""


def seal_id(secret: bytes) -> str:
    """The public id of a seal key (what an exchange file names): 16 hex digits of a hash of it."""
    return hashlib.sha256(b"makna-deid-seal\x00" + secret).hexdigest()[:16]


def member_key(secret: bytes, member: str) -> bytes:
    """The seal key of ``member``, derived from the project's seal key ``secret``."""
    return hmac.new(secret, b"makna-deid-member\x00" + member.encode("utf-8", "surrogatepass"), hashlib.sha256).digest()


def copy_key(secret: bytes, member: str, copy: str) -> bytes:
    """The seal key of ``member``'s coder's copy whose token is ``copy``, derived from the project's seal key."""
    msg = b"makna-deid-copy\x00" + member.encode("utf-8", "surrogatepass") + b"\x00" + copy.encode("ascii")
    return hmac.new(secret, msg, hashlib.sha256).digest()


@dataclass(frozen=True)
class Sealer:
    """What a project seals its claims with: the key, the project key's id, the member (None: the project) and the
    coder's copy (its token; None: the project, or a copy made before trust24)."""

    key: bytes
    project: str
    by: str | None = None
    copy: str | None = None


class SealKeys(Mapping[str, bytes]):
    """The keys an import verifies seals with: a project's key by its id (``masters``), a member's key by
    ``<id>:<member>`` (a copy made before trust24: derived from the project's key unless the member's right to seal
    was withdrawn, ``revoked``) and a copy's by ``<id>/<copy>:<member>`` (only a copy the project made for that
    member and did not withdraw, ``copies``: copy token to member, by key id). ``sealed``: the digests of the
    claims the project exported (:func:`record_seals`), by which a retired key's seal still verifies. A member's
    key as a coder's copy holds it is none of them (review23: see :func:`project_seals`)."""

    def __init__(
        self,
        masters: Mapping[str, bytes] | None = None,
        revoked: Mapping[str, frozenset[str]] | None = None,
        copies: Mapping[str, Mapping[str, str]] | None = None,
        sealed: Mapping[str, str] | None = None,
    ) -> None:
        self._masters = dict(masters or {})
        self._revoked = dict(revoked or {})
        self._copies = {sid: dict(c) for sid, c in (copies or {}).items()}
        self._sealed = dict(sealed or {})
        self._retired = frozenset(self._sealed.values())  # read per claim that did not verify (review24: not a scan)

    def __getitem__(self, key: str) -> bytes:
        head, _, member = key.partition(":")
        sid, _, copy = head.partition("/")
        if not member:
            return self._masters[sid]
        if member == PROJECT_SEALER:
            raise KeyError(key)
        if copy:
            if self._copies.get(sid, {}).get(copy) != member:
                raise KeyError(key)
            return copy_key(self._masters[sid], member, copy)
        if member in self._revoked.get(sid, frozenset()):
            raise KeyError(key)
        return member_key(self._masters[sid], member)

    def __iter__(self) -> Iterator[str]:
        return iter(self._masters)

    def __len__(self) -> int:
        return len(self._masters)

    def recorded(self, sid: str, digest: str) -> bool:
        """Whether a seal of the retired key ``sid`` whose claim's digest is ``digest`` was recorded by its project
        (:func:`record_seals`) before the key was retired (a key still in use verifies by its MAC only)."""
        return sid not in self._masters and self._sealed.get(digest) == sid

    def retired(self, sid: str) -> bool:
        """Whether ``sid`` names a key these projects retired (they recorded seals of it, and no longer hold it)."""
        return sid not in self._masters and sid in self._retired

    def merged(self, other: SealKeys) -> SealKeys:
        """These keys and ``other``'s."""
        revoked = dict(self._revoked)
        for sid, names in other._revoked.items():
            revoked[sid] = revoked.get(sid, frozenset()) | names
        copies = {sid: dict(c) for sid, c in self._copies.items()}
        for sid, more in other._copies.items():
            copies.setdefault(sid, {}).update(more)
        return SealKeys({**self._masters, **other._masters}, revoked, copies, {**self._sealed, **other._sealed})


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
            copy = held.get("copy") if isinstance(held.get("copy"), str) else None
            return Sealer(key, held["project"], held["member"], copy) if len(key) >= 16 else None
    except ValueError:
        pass
    return None


def revoked_in(meta: Mapping[str, str], key: str = REVOKED_META) -> frozenset[str]:
    try:
        names = json.loads(meta.get(key) or "[]")
    except ValueError:
        return frozenset()
    return frozenset(n for n in names if isinstance(n, str)) if isinstance(names, list) else frozenset()


def project_seals(project: Project) -> SealKeys:
    """The keys of ``project`` (empty when it has none yet): what an import verifies claims with (``--verify-with
    PROJECT``): the project's and its members' (less those whose right to seal was withdrawn). A coder's copy gives
    none (review23): the project key id and member its key is filed under are words beside it that nothing binds
    to it (a project's key id is a hash of the key), so a copy made up to name any project and member would verify
    claims "sealed" by them, and a member's own copy would verify their claims after their right was withdrawn."""
    from .seal_copies import live_copies

    meta = project.store.meta()
    secret = meta_seal(meta)
    if secret is None:  # a coder's copy (or a project that never sealed): its ledger vouches for nothing (review24)
        return SealKeys()
    sid = seal_id(secret)
    sealed = recorded_seals(project)
    return SealKeys({sid: secret}, revoked={sid: revoked_in(meta)}, copies=live_copies(project), sealed=sealed)


def recorded_seals(project: Project) -> dict[str, str]:
    """The project's ledger (:func:`record_seals`): the digest of each sealed claim it exported, to the id of the
    key that sealed it. Kept in ``meta`` under :data:`LEDGER_PREFIX`, which ``Store.meta`` leaves out (review24)."""
    m = tables.meta.c
    with project.store.read() as conn:
        rows = conn.execute(select(m.key, m.value).where(m.key.startswith(LEDGER_PREFIX, autoescape=True)))
        return {str(k)[len(LEDGER_PREFIX) :]: str(v) for k, v in rows if str(k).startswith(LEDGER_PREFIX)}


def _unrecorded(conn: Connection, digests: list[str]) -> list[str]:
    m = tables.meta.c
    keys = sorted({LEDGER_PREFIX + d for d in digests})
    have: set[str] = set()
    for i in range(0, len(keys), 500):
        have.update(conn.execute(select(m.key).where(m.key.in_(keys[i : i + 500]))).scalars())
    return [k for k in keys if k not in have]


def record_in(conn: Connection, sid: str, digests: list[str]) -> int:
    """Record ``digests`` of claims sealed under the key ``sid`` in the ledger, inside the caller's transaction (its
    event says so); returns how many were new."""
    return _record(conn, sid, digests)


def _record(conn: Connection, sid: str, digests: list[str]) -> int:
    new = [{"key": k, "value": sid} for k in _unrecorded(conn, digests)]
    if new:
        conn.execute(insert(tables.meta), new)
    return len(new)


def record_seals(project: Project, sid: str, digests: list[str], **about: str) -> int:
    """Record in the project the digests of the sealed claims it just exported under its key ``sid``
    (:func:`makna.exchange._deid_state.seal_digest`), or that a coder's copy pushed back (``about``: the member
    and the copy, :func:`makna.privacy.seal_copies.record_pushed_seals`): after a reseal they still verify
    (:class:`SealKeys`). One ``deid.seal`` event (not an undo step) when any is new; returns how many were."""
    with project.store.read() as conn:
        if not _unrecorded(conn, digests):
            return 0
    payload: dict[str, object] = {"seal": sid, **about}
    with project.store.write(project.actor, "deid.seal", payload) as conn:
        payload["recorded"] = new = _record(conn, sid, digests)
    return new


def install_key(conn: Connection) -> bytes:
    """Give the project whose transaction ``conn`` is a new seal key (the old one, if any, zeroed) and return it:
    the caller's event records it (its id, never the key)."""
    made = secrets.token_bytes(32)
    secure_delete(conn)  # a replaced key is zeroed, not left in a freed page
    m = tables.meta.c
    conn.execute(delete(tables.meta).where(m.key == SEAL_META))
    conn.execute(insert(tables.meta).values(key=SEAL_META, value=made.hex()))
    return made


def _make(project: Project, payload: dict[str, object] | None = None, old: bytes | None = None) -> bytes:
    payload = dict(payload or {})
    with project.store.write(project.actor, "deid.seal", payload) as conn:
        if old is not None:  # the claims it exports now, as it sealed them with the key it retires
            from ..exchange._deid_state import export_states, seal_digest

            sealed = export_states(conn, old)
            payload["recorded"] = _record(conn, seal_id(old), [seal_digest(c) for c in sealed.values()])
        made = install_key(conn)
        payload["seal"] = seal_id(made)
    return made


def reseal(project: Project) -> str:
    """Give the project a new seal key (one ``deid.seal`` event, not an undo step): every coder's copy made before
    holds a key that seals nothing the project accepts (make them new copies), and a claim sealed with the retired
    key verifies only when the project recorded it before now (:func:`record_seals`: its own exports, and its
    claims as they stand now, recorded by this reseal, and a coder's copy's claims recorded when its work came
    back, :func:`~.seal_copies.record_pushed_seals`); a member's other earlier seals verify no more. What retires a key
    that a coder's copy made before trust23 holds, or a leaked one. Refused in a coder's copy. Returns the new key's
    id."""
    meta = project.store.meta()
    old = meta_seal(meta)
    if old is None and meta_sealer(meta) is not None:
        raise InputError("this is a coder's copy: give the project a new seal key in the project itself")
    made = _make(project, {"replaced": seal_id(old)} if old is not None else None, old)
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
        from ..sources import has_deidentified

        if not has_deidentified(project):
            return None
    made = _make(project)
    return Sealer(made, seal_id(made))


def issue_member_key(copy: Project, member: str, secret: bytes, token: str) -> str:
    """In ``copy``, a fresh copy of the project whose seal key is ``secret``, replace that key by the copy's own
    (:func:`copy_key` of ``member`` and the copy's ``token``; one ``deid.seal`` event): freed pages are zeroed and
    the file rebuilt, so that the project's key survives nowhere in the copy. Returns the project key's id."""
    if member == PROJECT_SEALER:
        raise InputError(f"{member!r} names the project's own seal: give the coder another name")
    sid = seal_id(secret)
    key = copy_key(secret, member, token).hex()
    held = json.dumps({"project": sid, "member": member, "copy": token, "key": key})
    with copy.store.write(copy.actor, "deid.seal", {"seal": sid, "member": member, "copy": token}) as conn:
        secure_delete(conn)
        m = tables.meta.c
        conn.execute(delete(tables.meta).where(m.key.in_([SEAL_META, MEMBER_META])))
        conn.execute(insert(tables.meta).values(key=MEMBER_META, value=held))
    compact(copy.store.engine, ["meta"])
    return sid
