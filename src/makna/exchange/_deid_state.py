"""A source's de-identification state in a .qdpx: what makna knew of it, carried in makna's extras member.

REFI-QDA has no place for it, so the export puts it among the source's own fields (:class:`~._fields.Extras`, the
``makna/extras.json`` member other tools ignore; ``project.qde`` still validates against ``Project.xsd``). Carried,
under ``deid``: when it was applied, the mode, the id of the key that keeps the surrogates map (None: none was kept)
and where each surrogate lies in the text with its type (``new_start``, ``new_end``, ``type``), with the hash of that
text. Never the originals, their spans in the original text, nor the review.

The field is a *claim* made by whoever wrote the file, and the hash of a text is something anyone can compute, so a
claim is never trusted by itself (a crafted file would otherwise make raw text import as de-identified, skipped by
every scan). makna seals the claims it writes: ``seal`` holds the id of the exporting project's seal key
(:mod:`makna.privacy.claims`; a copy of the project holds the same key) and an HMAC-SHA256 with that key over the
claim's canonical JSON. The import restores a claim as applied only when its seal verifies with a key the importer
was given (``--verify-with PROJECT``); any other well-formed claim of the same text is kept as information only
(:func:`makna.privacy.claims.keep_claim`): the source imports as NOT de-identified, scans and ``deid apply`` treat it
like any source, and ``makna deid trust SOURCE`` accepts the claim after the researcher has checked the text.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from ..privacy.seals import PROJECT_SEALER, Sealer, SealKeys, seal_id
from ..secret_match import secrets_match
from ..store import tables
from ._refi import format_datetime, parse_datetime

__all__ = ["Claim", "export_states", "read_claim", "seal_claim", "seal_digest", "seal_verifies"]

_SPAN_KEYS = ("new_start", "new_end", "type")
_SEALED = ("applied_at", "mode", "key_id", "replacements", "text_sha256")



def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _body(claim: Mapping[str, Any]) -> str:
    return json.dumps({k: claim.get(k) for k in _SEALED}, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def _mac(claim: Mapping[str, Any], secret: bytes, by: str | None = None) -> str:
    body = _body(claim)
    who = b"" if by is None else by.encode("utf-8", "surrogatepass") + b"\x00"  # a member's seal names them
    return hmac.new(secret, b"makna-deid-claim\x00" + who + body.encode("ascii"), hashlib.sha256).hexdigest()


def seal_claim(claim: dict[str, Any], secret: bytes | Sealer) -> dict[str, Any]:
    """``claim`` with its ``seal``: the project key's id, the member who sealed it (none: the project) and the HMAC
    over the claim's sealed fields under ``secret`` (a project's key, or a :class:`Sealer`)."""
    sealer = secret if isinstance(secret, Sealer) else Sealer(secret, seal_id(secret))
    seal = {"id": sealer.project, "mac": _mac(claim, sealer.key, sealer.by)}
    if sealer.by is not None:
        seal["by"] = sealer.by
    if sealer.copy is not None:
        seal["copy"] = sealer.copy
    return {**claim, "seal": seal}


def seal_digest(claim: Mapping[str, Any]) -> str:
    """The digest a project records of a sealed ``claim`` it exported (:func:`makna.privacy.seals.record_seals`):
    the claim's sealed fields and its whole seal, so that a recorded digest vouches for this claim and seal only."""
    seal = claim.get("seal")
    canon = json.dumps(seal if isinstance(seal, dict) else None, sort_keys=True, separators=(",", ":"),
                       ensure_ascii=True)
    return hashlib.sha256(b"makna-deid-sealed\x00" + _body(claim).encode("ascii") + b"\x00"
                          + canon.encode("ascii")).hexdigest()[:48]


#: The meta key marking a blind coder's copy (:mod:`makna.sync.local`'s ``sync.`` settings).
BLIND_META = "sync.blind"


def export_states(conn: Connection, secret: bytes | Sealer | None = None) -> dict[str, dict[str, Any]]:
    """The ``deid`` field of each source whose de-identification was applied, by source id; sealed with
    ``secret`` (the project's seal key, or a coder's copy's :class:`Sealer`) when given."""
    d, s = tables.deid_sources.c, tables.sources.c
    if conn.execute(select(tables.meta.c.value).where(tables.meta.c.key == BLIND_META)).scalar() == "1":
        return {}  # a blind coder's copy knows its texts' state but claims nothing (makna.sync.deid_copy)
    rows = conn.execute(
        select(d.source_id, d.applied_at, d.mode, d.key_id, d.replacements, s.text)
        .join_from(tables.deid_sources, tables.sources, s.id == d.source_id)
        .where(d.applied_at.is_not(None))
    )
    out: dict[str, dict[str, Any]] = {}
    for r in rows:
        spans = [
            {k: rec[k] for k in _SPAN_KEYS}
            for rec in (r.replacements or [])
            if isinstance(rec, dict) and all(k in rec for k in _SPAN_KEYS)
        ]
        claim = {
            "applied_at": format_datetime(r.applied_at),
            "mode": r.mode,
            "key_id": r.key_id,
            "replacements": spans,
            "text_sha256": _hash(r.text),
        }
        out[r.source_id] = seal_claim(claim, secret) if secret is not None else claim
    return out


@dataclass(frozen=True)
class Claim:
    """A source's de-identification claim as read from a file: ``state`` (the ``deid_sources`` values less
    ``source_id`` and ``number``: None when the claim is malformed or of another text), whether its seal
    verified, who the seal says made it (``sealed_by``: a member's name, ``PROJECT_SEALER``, None: no seal) and,
    when it did not verify, why (``why``: a key of :data:`._report.UNVERIFIED_WHY`)."""

    state: dict[str, Any] | None
    verified: bool
    sealed_by: str | None = None
    why: str | None = None


def read_claim(raw: Any, text: str, seals: Mapping[str, bytes]) -> Claim:
    """The claim ``raw`` (a source's ``deid`` field) of ``text``, its seal checked against ``seals`` (seal key by
    id; a :class:`~makna.privacy.seals.SealKeys` also vouches for the seals its project recorded with a key it has
    retired since)."""
    state = _state(raw, text)
    if state is None:
        return Claim(None, False, why="malformed")
    seal = raw.get("seal")
    if not isinstance(seal, dict):
        return Claim(state, False, why="unsealed")
    found = _lookup(seal)
    if found is None:
        return Claim(state, False, why="altered")
    sid, member, lookup = found
    secret = seals.get(lookup)
    if secret is not None:
        ok = secrets_match(seal.get("mac"), _mac(raw, secret, member))  # the one constant-time comparison
        return Claim(state, ok, member or PROJECT_SEALER, None if ok else "altered")
    if isinstance(seals, SealKeys) and seals.recorded(sid, seal_digest(raw)):  # the project's own, before a reseal
        return Claim(state, True, member or PROJECT_SEALER)
    retired = isinstance(seals, SealKeys) and seals.retired(sid)
    why = "withdrawn" if sid in seals else "retired" if retired else "unknown"
    return Claim(state, False, member or PROJECT_SEALER, why)


def _lookup(seal: Mapping[str, Any]) -> tuple[str, str | None, str] | None:
    """A well-formed ``seal``'s key id, member (None: the project) and the name its key goes by in a
    :class:`~makna.privacy.seals.SealKeys`; None when it is malformed."""
    sid, by, copy = seal.get("id"), seal.get("by"), seal.get("copy")
    member = by if isinstance(by, str) and by and len(by) <= 200 else None
    token = copy if isinstance(copy, str) and 0 < len(copy) <= 64 and not {":", "/"} & set(copy) else None
    if (not isinstance(sid, str) or not sid or ":" in sid or "/" in sid or (by is not None and member is None)
            or (copy is not None and (token is None or member is None))):
        return None
    return sid, member, sid if member is None else f"{sid}:{member}" if token is None else f"{sid}/{token}:{member}"


def seal_verifies(raw: Mapping[str, Any], seals: Mapping[str, bytes]) -> bool:
    """Whether the seal of the claim ``raw`` verifies by its MAC under a key of ``seals`` (a recorded seal of a
    retired key does not: what the project may record anew, :func:`makna.privacy.seal_copies.record_pushed_seals`)."""
    seal = raw.get("seal")
    found = _lookup(seal) if isinstance(seal, dict) else None
    secret = seals.get(found[2]) if found is not None else None
    if not isinstance(seal, dict) or found is None or secret is None:
        return False
    return secrets_match(seal.get("mac"), _mac(raw, secret, found[1]))


def _state(raw: Any, text: str) -> dict[str, Any] | None:
    """The ``deid_sources`` values the well-formed claim ``raw`` of ``text`` states; None when malformed or of
    another text."""
    if not isinstance(raw, dict) or raw.get("text_sha256") != _hash(text):
        return None
    when, mode, key_id, spans = raw.get("applied_at"), raw.get("mode"), raw.get("key_id"), raw.get("replacements")
    applied = parse_datetime(when) if isinstance(when, str) else None
    if applied is None or not isinstance(mode, str) or not 0 < len(mode) <= 16 or not isinstance(spans, list):
        return None
    if key_id is not None and not (isinstance(key_id, str) and 0 < len(key_id) <= 64):
        return None
    records: list[dict[str, Any]] = []
    for rec in spans:
        start, stop, kind = (rec.get(k) for k in _SPAN_KEYS) if isinstance(rec, dict) else (None, None, None)
        if not (type(start) is int and type(stop) is int and isinstance(kind, str) and 0 < len(kind) <= 40):
            return None
        records.append({"new_start": start, "new_end": stop, "type": kind})
    end = 0
    for rec in sorted(records, key=lambda r: int(r["new_start"])):  # inside the text, none over another
        if not end <= rec["new_start"] < rec["new_end"] <= len(text):
            return None
        end = rec["new_end"]
    return {
        "review": {"items": []},
        "scanned_at": applied,
        "applied_at": applied,
        "mode": mode,
        "key_id": key_id,
        "replacements": records,
    }
