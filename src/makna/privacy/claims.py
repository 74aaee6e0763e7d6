"""De-identification claims: the seal key that makes makna's own claims verifiable, and claims kept unverified.

A .qdpx carries each de-identified source's state (:mod:`makna.exchange._deid_state`) as a claim. makna seals the
claims it writes with the project's *seal key*: 32 random bytes in the project's ``meta`` table (key
``deid_seal``), made the first time a project exports a de-identified source. A copy of the project (``makna
copy``, ``makna copy --coder``, a project file's export and import) holds the same key; a blind coder's copy and a
copy pulled from a team server hold none (they carry no de-identification state to export either). The key never
travels in an exchange file: the file names only its id (:func:`seal_id`).

A claim that does not verify is kept as information only, in ``meta`` under ``deid_claim:<source id>``: its mode,
key id, surrogate spans and types and when it says it was applied. The source is NOT de-identified: a scan scans
it, ``deid apply`` replaces what its review accepts, and a detection whose span is exactly a claimed surrogate's
is marked ``claimed`` in the review (:func:`claimed_spans`), so that the researcher keeps it with one decision
(reject), never skipped silently. :func:`trust_claim` (``makna deid trust SOURCE``) accepts the claim after the
researcher has checked the text: one transaction and one ``deid.trust`` event by the acting coder.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from ..access import PERMISSION, require
from ..errors import PrivacyError
from ..project import Project
from ..store import tables

__all__ = [
    "SEAL_META",
    "CLAIM_PREFIX",
    "CLAIMED_MARK",
    "TRUSTED",
    "Trusted",
    "seal_id",
    "meta_seal",
    "seal_key",
    "project_seals",
    "keep_claim",
    "claimed_spans",
    "trust_claim",
]

SEAL_META = "deid_seal"
"""The ``meta`` key of the project's seal key (hex)."""
CLAIM_PREFIX = "deid_claim:"
"""The ``meta`` key of an unverified claim, before the source's id."""
CLAIMED_MARK = "claimed surrogate"
"""How a review listing marks a detection whose span an unverified claim names (translated in the workbench)."""
TRUSTED = "Accepted the de-identification claim of %(source)s: %(n)d surrogate(s), mode %(mode)s."
"""What ``makna deid trust`` says (translated in the workbench)."""


def seal_id(secret: bytes) -> str:
    """The public id of a seal key (what an exchange file names): 16 hex digits of a hash of it."""
    return hashlib.sha256(b"makna-deid-seal\x00" + secret).hexdigest()[:16]


def meta_seal(meta: Mapping[str, str]) -> bytes | None:
    """The seal key in a project's ``meta`` values (None: it has none)."""
    raw = meta.get(SEAL_META)
    try:
        secret = bytes.fromhex(raw) if raw else b""
    except ValueError:
        return None
    return secret if len(secret) >= 16 else None


def project_seals(project: Project) -> dict[str, bytes]:
    """The seal key of ``project`` by its id (empty when the project has none yet): what an import verifies
    claims with (``--verify-with PROJECT``)."""
    secret = meta_seal(project.store.meta())
    return {seal_id(secret): secret} if secret is not None else {}


def seal_key(project: Project) -> bytes | None:
    """The project's seal key, made now (one ``deid.seal`` event) when the project has none and holds a
    de-identified source; None when it has none and needs none."""
    secret = meta_seal(project.store.meta())
    if secret is not None:
        return secret
    d = tables.deid_sources.c
    with project.store.read() as conn:
        if conn.execute(select(d.source_id).where(d.applied_at.is_not(None)).limit(1)).first() is None:
            return None
    made = secrets.token_bytes(32)
    with project.store.write(project.actor, "deid.seal", {"seal": seal_id(made)}) as conn:
        m = tables.meta.c
        conn.execute(delete(tables.meta).where(m.key == SEAL_META))
        conn.execute(insert(tables.meta).values(key=SEAL_META, value=made.hex()))
    return made


def keep_claim(conn: Connection, source_id: str, state: dict[str, Any]) -> None:
    """Keep the unverified claim ``state`` (as :func:`makna.exchange._deid_state.read_claim` gives it) of a
    source as information only."""
    kept = {
        "applied_at": state["applied_at"].isoformat(),
        "mode": state["mode"],
        "key_id": state["key_id"],
        "replacements": state["replacements"],
    }
    conn.execute(insert(tables.meta).values(key=CLAIM_PREFIX + source_id, value=json.dumps(kept)))


def _claims(conn: Connection, source_ids: Collection[str] | None = None) -> dict[str, dict[str, Any]]:
    m = tables.meta.c
    q = select(m.key, m.value).where(m.key.like(CLAIM_PREFIX + "%"))
    if source_ids is not None:
        q = q.where(m.key.in_([CLAIM_PREFIX + s for s in source_ids]))
    out: dict[str, dict[str, Any]] = {}
    for key, value in conn.execute(q):
        try:
            claim = json.loads(value)
        except ValueError:
            continue
        if isinstance(claim, dict) and isinstance(claim.get("replacements"), list):
            out[str(key)[len(CLAIM_PREFIX) :]] = claim
    return out


def claimed_spans(conn: Connection, source_ids: Collection[str] | None = None) -> dict[str, set[tuple[int, int]]]:
    """The surrogate spans (start, end) an unverified claim names, by source id."""
    return {
        sid: {(int(r["new_start"]), int(r["new_end"])) for r in claim["replacements"]}
        for sid, claim in _claims(conn, source_ids).items()
    }


@dataclass(frozen=True)
class Trusted:
    """What :func:`trust_claim` accepted: the source, its claimed mode, surrogates and when it says it was applied."""

    source: str
    mode: str
    surrogates: int
    applied_at: dt.datetime


def trust_claim(project: Project, source: str) -> Trusted:
    """Accept the unverified de-identification claim of ``source`` (name or id) after the researcher has checked its
    text: the source counts as de-identified, with the claimed surrogates, as if the claim had verified (a review
    made since the import is set aside: the event counts its detections). One transaction, one ``deid.trust``
    event; refused without the permission to manage de-identification."""
    require(project, PERMISSION["deid.trust"])
    payload: dict[str, Any] = {}
    d = tables.deid_sources.c
    with project.store.write(project.actor, "deid.trust", payload) as conn:
        row = project.source_row(conn, source)
        claim = _claims(conn, [str(row.id)]).get(str(row.id))
        if claim is None:
            raise PrivacyError(f"source {row.name!r} carries no unverified de-identification claim")
        if conn.execute(select(d.applied_at).where(d.source_id == row.id)).scalar() is not None:
            raise PrivacyError(f"source {row.name!r} is de-identified already")
        when = dt.datetime.fromisoformat(str(claim["applied_at"]))
        values = {
            "applied_at": when,
            "mode": str(claim["mode"])[:16],
            "key_id": claim.get("key_id"),
            "replacements": claim["replacements"],
            "review": {"items": []},
        }
        review = conn.execute(select(d.review).where(d.source_id == row.id)).first()
        if review is not None:  # scanned since the import: its detections are the claimed surrogates' or dismissed
            payload["dropped_detections"] = len((review.review or {}).get("items", []))
            conn.execute(update(tables.deid_sources).where(d.source_id == row.id).values(**values))
        else:
            top = int(conn.execute(select(func.coalesce(func.max(d.number), 0))).scalar_one())
            conn.execute(
                insert(tables.deid_sources).values(source_id=row.id, number=top + 1, scanned_at=when, **values)
            )
        conn.execute(delete(tables.meta).where(tables.meta.c.key == CLAIM_PREFIX + str(row.id)))
        payload.update(
            source=str(row.id),
            mode=values["mode"],
            surrogates=len(claim["replacements"]),
            claimed_applied_at=claim["applied_at"],
        )
    return Trusted(str(row.name), str(values["mode"]), len(claim["replacements"]), when)
