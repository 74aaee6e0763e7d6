"""De-identification claims: the seal key that makes makna's own claims verifiable, and claims kept unverified.

A .qdpx carries each de-identified source's state (:mod:`makna.exchange._deid_state`) as a claim. makna seals the
claims it writes with the project's *seal key* (:mod:`makna.privacy.seals`: 32 random bytes in the project's
``meta`` table, made the first time a project exports a de-identified source), or in a second coder's copy with
that member's own key, derived from the project's; a blind coder's copy and a copy pulled from a team server hold
none (they carry no de-identification state to export either). A key never travels in an exchange file: the file
names only the project key's id (:func:`seal_id`) and the member who sealed it.

Who may seal (the project, each member with a key of their own, rights withdrawn) is :mod:`makna.privacy.seals`.

A claim that does not verify is kept as information only, in ``meta`` under ``deid_claim:<source id>``: its mode,
key id, surrogate spans and types and when it says it was applied. The source is NOT de-identified: a scan scans
it, ``deid apply`` replaces what its review accepts, and a detection whose span is exactly a claimed surrogate's
is marked ``claimed`` in the review (:func:`claimed_spans`), so that the researcher keeps it with one decision
(reject), never skipped silently. :func:`trust_claim` (``makna deid trust SOURCE``) accepts the claim after the
researcher has checked the text: one transaction and one ``deid.trust`` event by the acting coder.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from ..access import PERMISSION, require
from ..errors import PrivacyError
from ..project import Project
from ..store import tables
from .seals import SEAL_META, meta_seal, project_seals, seal_id, seal_key

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

CLAIM_PREFIX = "deid_claim:"
"""The ``meta`` key of an unverified claim, before the source's id."""
CLAIMED_MARK = "claimed surrogate"
"""How a review listing marks a detection whose span an unverified claim names (translated in the workbench)."""
TRUSTED = "Accepted the de-identification claim of %(source)s: %(n)d surrogate(s), mode %(mode)s."
"""What ``makna deid trust`` says (translated in the workbench)."""


def keep_claim(conn: Connection, source_id: str, state: dict[str, Any], sealed_by: str | None = None) -> None:
    """Keep the unverified claim ``state`` (as :func:`makna.exchange._deid_state.read_claim` gives it) of a
    source as information only, with who it says sealed it (``sealed_by``: a member, "project", None: unsealed)."""
    kept = {
        "sealed_by": sealed_by,
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
            sealed_by=claim.get("sealed_by"),
        )
    return Trusted(str(row.name), str(values["mode"]), len(claim["replacements"]), when)
