"""A source's de-identification state in a .qdpx: what makna knew of it, carried in makna's extras member.

REFI-QDA has no place for it, so the export puts it among the source's own fields (:class:`~._fields.Extras`, the
``makna/extras.json`` member other tools ignore; ``project.qde`` still validates against ``Project.xsd``), and the
import restores it: a source de-identified in makna stays de-identified in the project the file is imported into,
so a re-scan does not flag its surrogates as new identifiers. Carried, under ``deid``: when it was applied, the
mode, the id of the key that keeps the surrogates map (None: none was kept) and where each surrogate lies in the
text with its type (``new_start``, ``new_end``, ``type``), with the hash of that text. Never the originals, their
spans in the original text, nor the review. A source whose text is not the one exported (edited in another tool), or
whose state is malformed, imports as not de-identified, as a file from another tool does.
"""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import Connection, select

from ..store import tables
from ._refi import format_datetime, parse_datetime

__all__ = ["export_states", "restored_state"]

_SPAN_KEYS = ("new_start", "new_end", "type")


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def export_states(conn: Connection) -> dict[str, dict[str, Any]]:
    """The ``deid`` field of each source whose de-identification was applied, by source id."""
    d, s = tables.deid_sources.c, tables.sources.c
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
        out[r.source_id] = {
            "applied_at": format_datetime(r.applied_at),
            "mode": r.mode,
            "key_id": r.key_id,
            "replacements": spans,
            "text_sha256": _hash(r.text),
        }
    return out


def restored_state(raw: Any, text: str) -> dict[str, Any] | None:
    """The ``deid_sources`` values (less ``source_id`` and ``number``) of a source imported with the ``deid`` field
    ``raw`` and ``text``; None when ``raw`` is absent, malformed, or of another text."""
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
