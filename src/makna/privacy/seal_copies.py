"""A project's coder's copies and their right to seal de-identification claims: listed, withdrawn, given back.

Each coder's copy (``makna copy --coder NAME``) holds a seal key of its own, derived from the project's key, the
member's name and the copy's token (:func:`makna.privacy.seals.copy_key`); the project records the copy in its log
(one ``sync.pull`` event with the member, the token, the file's name and, since trust24, the project key's id the
copy's key derives from). A lead withdraws one copy (:func:`revoke_copy`: a lost laptop) or every copy of a member
(:func:`revoke_sealer`, ``makna deid revoke MEMBER``), and gives them back (``restore``). A copy made for the
member after a revocation has a new token and seals again. The copies withdrawn are in ``meta`` under
``deid_copies_revoked`` (their tokens); a member's name withdrawn is under ``deid_seal_revoked``, for the copies
made before trust24, whose key is of the name only. Each change is one transaction and one ``deid.revoke`` event
with its actor (refused without the right to manage de-identification, and in a coder's copy).

A copy pulled from a team server (``makna pull URL``, teamtrust25) gets a key of its own the same way
(:func:`issue_pulled_key`, asked by the client through ``POST /api/sync/seal`` right after the pull): the server
derives it from the project's key, the member (the one who pulls) and a new token, records the copy in its log
(``sync.pull``, ``origin`` ``server``) and sends the copy that key only, never the project's; such a copy is
listed, withdrawn and given back as a coder's copy of the project file is.

When a copy's work comes back (``makna push``), the project records the digests of the claims the copy sealed
that verify then (:func:`record_pushed_seals`), as it records its own exports' (:func:`~.seals.record_seals`): a
reseal keeps them verifiable, while a claim sealed with the copy's key after the reseal (or never pushed) is not.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from ..access import can
from ..errors import InputError
from ..project import Project
from ..store import tables
from .seals import (
    COPIES_REVOKED_META,
    PROJECT_SEALER,
    REVOKED_META,
    SEAL_META,
    SealKeys,
    copy_key,
    install_key,
    meta_seal,
    meta_sealer,
    project_seals,
    record_seals,
    revoked_in,
    seal_id,
)

__all__ = [
    "SEALS",
    "WITHDRAWN",
    "NO_KEY",
    "BY_NAME",
    "CoderCopy",
    "coder_copies",
    "issue_pulled_key",
    "live_copies",
    "pushed_digests",
    "record_pushed_seals",
    "revoke_copy",
    "revoke_sealer",
    "revoked_sealers",
]

SEALS = "seals"
"""A copy's state: it holds a key of its own, and the project verifies what it seals."""
WITHDRAWN = "withdrawn"
"""A copy's state: its right to seal was withdrawn."""
NO_KEY = "no key"
"""A copy's state: it holds no seal key (a blind copy, or the project had no key then)."""
BY_NAME = "seals (key of the name)"
"""A copy's state: made before trust24, it holds a key of the member's name (withdrawn with the name only)."""


_ALONE_META = "deid_copies_revoked_alone"
"""The ``meta`` key of the copies withdrawn on their own (:func:`revoke_copy`; a JSON list of tokens): a member's
restore leaves them withdrawn (review24: a lost laptop's right came back with its member's). In ``meta``, so that an
undo of the withdrawal undoes this too."""


@dataclass(frozen=True)
class CoderCopy:
    """A coder's copy the project made: its token (``id``: its first 8 digits), member, when, the file's name, the
    project key's id its key derives from (None: it holds no key of its own) and its state. ``pulled``: a copy
    pulled from the team server (:func:`issue_pulled_key`; its file's name is the member's, unknown here: "")."""

    token: str
    member: str
    made_at: dt.datetime
    file: str
    seal: str | None
    state: str
    pulled: bool = False

    @property
    def id(self) -> str:
        return self.token[:8]

    def __str__(self) -> str:
        return f"{self.id} ({self.member}, {self.file or 'pulled'}, {self.made_at:%Y-%m-%d %H:%M})"


def _meta(conn: Connection) -> dict[str, str]:
    m = tables.meta.c
    rows = conn.execute(select(m.key, m.value).where(m.key.in_([REVOKED_META, COPIES_REVOKED_META, _ALONE_META])))
    return {str(k): str(v) for k, v in rows}


def _copies(conn: Connection) -> list[CoderCopy]:
    meta = _meta(conn)
    tokens, names = revoked_in(meta, COPIES_REVOKED_META), revoked_in(meta)
    e = tables.events.c
    out: list[CoderCopy] = []
    for at, payload in conn.execute(select(e.at, e.payload).where(e.action == "sync.pull").order_by(e.id)):
        p: dict[str, Any] = payload if isinstance(payload, dict) else {}
        token, member = p.get("copy_token"), p.get("coder")
        if p.get("origin") not in ("file", "server") or not isinstance(token, str) or not isinstance(member, str):
            continue
        seal = p.get("seal") if isinstance(p.get("seal"), str) else None
        if token in tokens or (seal is None and "seal" not in p and not p.get("blind") and member in names):
            state = WITHDRAWN
        elif seal is not None:
            state = SEALS
        elif "seal" in p or p.get("blind"):
            state = NO_KEY
        else:
            state = BY_NAME
        pulled = p.get("origin") == "server"
        out.append(CoderCopy(token, member, at, "" if pulled else str(p.get("copy", "")), seal, state, pulled))
    return out


def coder_copies(project: Project) -> list[CoderCopy]:
    """Every coder's copy the project made, oldest first, with its state."""
    with project.store.read() as conn:
        return _copies(conn)


def live_copies(project: Project) -> dict[str, dict[str, str]]:
    """The copies whose seals the project verifies: copy token to member, by the project key's id."""
    out: dict[str, dict[str, str]] = {}
    for c in coder_copies(project):
        if c.state == SEALS and c.seal is not None:
            out.setdefault(c.seal, {})[c.token] = c.member
    return out


def issue_pulled_key(project: Project) -> dict[str, str] | None:
    """A seal key of its own for the copy the acting member pulls from the team server now: derived from the
    project's key, the member and a new token (:func:`~.seals.copy_key`), as a coder's copy of the project file
    holds (``deid_seal_member``: the project key's id, the member, the token and the key, in hex). The project's
    key is made now when it has none and holds a de-identified source (as :func:`makna.copy_project` does); it
    never leaves the project. One ``sync.pull`` event (``origin`` ``server``, the member, the token and the project
    key's id, never a key) in one transaction, so that the copy is listed and can be withdrawn
    (:func:`revoke_copy`, :func:`revoke_sealer`). None, and nothing written, for a member who may not code (a
    viewer pushes nothing back, and seals nothing), for a member whose right to seal is withdrawn
    (:func:`revoke_sealer`: a member pulls their own copies, so a new one must not give it back), when the project
    has no key and needs none, and in a coder's copy (it holds no project key to derive from)."""
    member = project.actor
    meta = project.store.meta()
    if not can(project, "code") or member == PROJECT_SEALER or (meta_seal(meta) is None and meta_sealer(meta)):
        return None
    if member.casefold() in {n.casefold() for n in revoked_in(meta)}:  # withdrawn: pulling again gives no key back
        return None
    from ..sources import any_deidentified

    payload: dict[str, Any] = {"origin": "server", "coder": member}
    try:
        with project.store.write(member, "sync.pull", payload) as conn:
            raw = conn.execute(select(tables.meta.c.value).where(tables.meta.c.key == SEAL_META)).scalar()
            secret = meta_seal({SEAL_META: str(raw)}) if raw is not None else None
            if secret is None:
                if not any_deidentified(conn):
                    raise _NoKey
                secret = install_key(conn)
                payload["made_seal"] = True
            token = secrets.token_hex(16)
            payload.update(copy_token=token, seal=seal_id(secret))
    except _NoKey:
        return None
    return {"project": seal_id(secret), "member": member, "copy": token, "key": copy_key(secret, member, token).hex()}


class _NoKey(Exception):
    """Raised inside :func:`issue_pulled_key`'s transaction: the project needs no key yet; roll back, log nothing."""


def _check(project: Project) -> None:
    meta = project.store.meta()
    if meta_seal(meta) is None and meta_sealer(meta) is not None:
        raise InputError("this is a coder's copy: withdraw a right to seal in the project itself")


def _set(conn: Connection, key: str, values: Iterable[str]) -> None:
    conn.execute(delete(tables.meta).where(tables.meta.c.key == key))
    names = sorted(set(values))
    if names:
        conn.execute(insert(tables.meta).values(key=key, value=json.dumps(names)))


def _member(copies: list[CoderCopy], named: frozenset[str], member: str) -> str:
    known = sorted({c.member for c in copies} | named)
    if member in known:
        return member
    folded = [k for k in known if k.casefold() == member.casefold()]
    if len(folded) == 1:
        return folded[0]
    if folded:
        raise InputError(f"member {member!r} is ambiguous: {', '.join(folded)}; give the name exactly")
    near = [k for k in known if k.casefold().startswith(member.casefold())] or known
    raise InputError(f"no coder's copy was made for {member!r}; members with copies: {', '.join(near) or 'none'}")


def revoke_sealer(project: Project, member: str, *, restore: bool = False) -> list[str]:
    """Withdraw the right to seal of every copy made so far for ``member`` (``restore``: give it back to every
    one but those withdrawn on their own, :func:`revoke_copy`), and of the key of their name (copies made before
    trust24). A copy made for them later seals again. The member must have a copy (or be withdrawn, to restore);
    an unknown or ambiguous name is refused naming the candidates. One ``deid.revoke`` event. Returns the members
    with a copy or name withdrawn."""
    name = member.strip()
    if not name:
        raise InputError("give the member's name")
    _check(project)
    payload: dict[str, Any] = {"restore": restore}
    with project.store.write(project.actor, "deid.revoke", payload) as conn:
        copies = _copies(conn)
        meta = _meta(conn)
        name = _member(copies, revoked_in(meta), name)
        mine = {c.token for c in copies if c.member == name}
        tokens, names = revoked_in(meta, COPIES_REVOKED_META), revoked_in(meta)
        if restore:
            mine -= revoked_in(meta, _ALONE_META)
        tokens, names = (tokens - mine, names - {name}) if restore else (tokens | mine, names | {name})
        _set(conn, COPIES_REVOKED_META, tokens)
        _set(conn, REVOKED_META, names)
        payload.update(member=name, copies=sorted(mine))
        now = _copies(conn)
    return sorted({c.member for c in now if c.state == WITHDRAWN} | names)


def revoked_sealers(project: Project) -> list[str]:
    """The members with a copy or their name withdrawn, sorted."""
    with project.store.read() as conn:
        names = revoked_in(_meta(conn))
        return sorted({c.member for c in _copies(conn) if c.state == WITHDRAWN} | names)


def revoke_copy(project: Project, ref: str, *, restore: bool = False) -> CoderCopy:
    """Withdraw the right to seal of one coder's copy (``restore``: give it back): ``ref`` is its id (the first
    digits of its token, at least 4) or its file's name; the member's other copies keep theirs. An unknown or
    ambiguous copy is refused naming the candidates. One ``deid.revoke`` event. Returns the copy, as it is now."""
    want = ref.strip()
    if not want:
        raise InputError("give the copy's id (makna deid copies lists them)")
    _check(project)
    payload: dict[str, Any] = {"restore": restore}
    with project.store.write(project.actor, "deid.revoke", payload) as conn:
        copies = _copies(conn)
        found = [c for c in copies if c.file == want or (len(want) >= 4 and c.token.startswith(want.lower()))]
        if len(found) != 1:
            listed = "; ".join(str(c) for c in (found or copies)) or "none"
            what = "is ambiguous" if found else "names no coder's copy of this project"
            raise InputError(f"copy {want!r} {what}: {'candidates' if found else 'copies'}: {listed}")
        copy = found[0]
        if copy.state == BY_NAME or (copy.state == WITHDRAWN and copy.seal is None):
            raise InputError(f"copy {copy} was made before each copy had its own key: its key is of the name, "
                             f"withdraw the member instead (makna deid revoke {copy.member})")
        meta = _meta(conn)
        tokens, alone = revoked_in(meta, COPIES_REVOKED_META), revoked_in(meta, _ALONE_META)
        _set(conn, COPIES_REVOKED_META, tokens - {copy.token} if restore else tokens | {copy.token})
        _set(conn, _ALONE_META, alone - {copy.token} if restore else alone | {copy.token})
        payload.update(member=copy.member, copy=copy.token)
        return next(c for c in _copies(conn) if c.token == copy.token)


def pushed_digests(
    claims: Iterable[Mapping[str, Any]], keys: SealKeys, *, member: str, copy: str | None = None
) -> dict[str, list[str]]:
    """The digests, by the project key's id, of ``claims`` that ``member`` sealed (in the copy ``copy``; None: in any
    copy of theirs) and that verify now by their MAC under ``keys`` (the copy recorded and not withdrawn)."""
    from ..exchange._deid_state import seal_digest, seal_verifies

    by_key: dict[str, list[str]] = {}
    for claim in claims:
        seal = claim.get("seal") if isinstance(claim, Mapping) else None
        if not isinstance(seal, dict) or seal.get("by") != member or not isinstance(seal.get("copy"), str):
            continue
        if copy is not None and seal.get("copy") != copy:
            continue
        if seal_verifies(claim, keys):
            by_key.setdefault(str(seal["id"]), []).append(seal_digest(claim))
    return by_key


def record_pushed_seals(project: Project, claims: Iterable[Mapping[str, Any]], *, member: str, copy: str) -> int:
    """Record in the project the digests of ``claims`` (a coder's copy's, as its exports seal them) that ``member``'s
    copy ``copy`` sealed and that verify now with the project's current key (the copy not withdrawn), so that a
    reseal keeps them verifiable (:class:`~.seals.SealKeys`). Called when the copy's work comes back to the project
    (``makna push``); a claim of another member or copy, altered, or sealed by a withdrawn copy is not recorded.
    One ``deid.seal`` event (not an undo step, with the member and the copy) when any is new; returns how many."""
    by_key = pushed_digests(claims, project_seals(project), member=member, copy=copy)
    return sum(record_seals(project, sid, digests, member=member, copy=copy) for sid, digests in by_key.items())
