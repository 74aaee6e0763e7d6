"""Live updates: the project's event log read as a stream of changes an open page can apply.

:func:`changes_after` turns the log entries after an event id into :class:`Change` records with what a
viewer needs to draw them (the spans of new codings, a code's current name and colour...), leaving
out what the viewer may not see (another coder's codings during a blind round). The log is the only
source of truth: a client that remembers the last id it applied resumes from there and misses
nothing, however long it slept. :func:`wait` blocks until the log grows (see
:class:`makna.store.feed.ChangeFeed`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, func, select

from .project import Project
from .rounds import sees_everything, visible
from .store import as_utc, tables

__all__ = ["Change", "Changes", "KINDS", "changes_after", "latest_id", "wait"]

#: What a change is about: ``segments.add`` (``segments``: new codings), ``segments.remove`` (``ids``),
#: ``segment.memo`` (``id``, ``memo``), ``code`` (``id``, ``code``: its current fields or None when it
#: is gone, ``reload``: codings moved too), ``memo``, ``case``, ``round``, ``other``.
KINDS = ("segments.add", "segments.remove", "segment.memo", "code", "memo", "case", "round", "other")
_REMOVING = ("uncode", "uncode.span")
_RELOADING = ("code.merge", "code.delete", "undo", "redo", "history.undo", "history.redo")


@dataclass(frozen=True)
class Change:
    """One event of the log as a live change (see :data:`KINDS`)."""

    id: int
    at: dt.datetime
    actor: str
    action: str
    kind: str
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Changes:
    """What :func:`changes_after` read: the ``changes`` to apply and ``last``, the newest event id read
    (to resume from; above the last change's id when hidden events followed it); ``more``: the limit
    was reached, read again from ``last``."""

    changes: list[Change]
    last: int
    more: bool


def latest_id(project: Project) -> int:
    """The id of the newest event (0 for an empty log)."""
    with project.store.read() as conn:
        return int(conn.execute(select(func.max(tables.events.c.id))).scalar() or 0)


def wait(project: Project, after: int, timeout: float) -> int:
    """Block until an event newer than ``after`` is logged (by anyone, in any process) or ``timeout``
    seconds pass; the newest event id."""
    feed = project.store.feed()
    latest: int = feed.wait(after, timeout)
    return latest


def _kind(action: str, payload: dict[str, Any]) -> str:
    if action in _REMOVING:
        return "segments.remove"
    if action == "segment.memo":
        return "segment.memo"
    if "segments" in payload and "created" in payload:
        return "segments.add"
    head = action.split(".", 1)[0]
    if head in ("code", "memo", "case", "round"):
        return head
    if head in ("attribute", "cases"):
        return "case"
    return "other"


def changes_after(project: Project, after: int, *, viewer: str | None = None, limit: int = 200) -> Changes:
    """The changes logged after event ``after`` (at most ``limit`` events), as ``viewer`` (default:
    the acting coder) may see them: during a blind round another coder's codings and their removal
    are left out (the event ids still advance)."""
    e = tables.events.c
    with project.store.read() as conn:
        rows = conn.execute(select(tables.events).where(e.id > after).order_by(e.id).limit(limit)).all()
        if not rows:
            return Changes([], after, False)
        everything = sees_everything(project, conn, viewer)
        who = viewer or project.actor
        kinds = [_kind(r.action, dict(r.payload)) for r in rows]
        seg_ids = {sid for r, k in zip(rows, kinds, strict=True) if k in ("segments.add", "segment.memo")
                   for sid in (r.payload.get("segments") or [r.payload.get("id")]) if sid}
        segments = _segments(project, conn, seg_ids, viewer)
        code_ids = {r.payload.get("id") for r, k in zip(rows, kinds, strict=True) if k == "code"}
        codes = _codes(conn, {c for c in code_ids if c})
        out: list[Change] = []
        for r, kind in zip(rows, kinds, strict=True):
            payload = dict(r.payload)
            data: dict[str, Any]
            if kind == "segments.add":
                found = [segments[s] for s in payload.get("segments") or [] if s in segments]
                if not found:
                    continue  # removed since, or hidden from this viewer
                data = {"segments": found}
            elif kind == "segments.remove":
                if not everything and r.actor != who:
                    continue
                ids = payload.get("segments") or [payload.get("id")]
                data = {"ids": [i for i in ids if i]}
            elif kind == "segment.memo":
                seg = segments.get(payload.get("id", ""))
                if seg is None:
                    continue
                data = {"id": seg["id"], "memo": seg["memo"], "source_id": seg["source_id"]}
            elif kind == "code":
                cid = payload.get("id")
                data = {"id": cid, "code": codes.get(cid) if cid else None, "reload": r.action in _RELOADING}
            else:
                data = {k: v for k, v in payload.items() if isinstance(v, str | int | float | bool | None)}
                if r.action in _RELOADING:
                    data["reload"] = True
            out.append(Change(int(r.id), as_utc(r.at), r.actor, r.action, kind, data))
    return Changes(out, int(rows[-1].id), len(rows) == limit)


def _segments(project: Project, conn: Connection, ids: set[str], viewer: str | None) -> dict[str, dict[str, Any]]:
    if not ids:
        return {}
    seg, k = tables.segments.c, tables.coders.c
    q = (select(seg.id, seg.source_id, seg.start, seg.end, seg.code_id, seg.memo, k.name.label("coder"))
         .join(tables.coders, k.id == seg.coder_id)
         .where(seg.id.in_(sorted(ids)), visible(project, conn, viewer)))
    return {r.id: {"id": r.id, "source_id": r.source_id, "start": r.start, "end": r.end, "code_id": r.code_id,
                   "coder": r.coder, "memo": r.memo} for r in conn.execute(q)}


def _codes(conn: Connection, ids: set[str]) -> dict[str, dict[str, Any]]:
    if not ids:
        return {}
    c = tables.codes.c
    q = select(c.id, c.key, c.name, c.color, c.parent_id, c.definition, c.version, c.changed_by).where(c.id.in_(ids))
    return {r.id: dict(r._mapping) for r in conn.execute(q)}
