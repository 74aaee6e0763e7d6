"""Live updates: the project's event log read as a stream of changes an open page can apply.

:func:`changes_after` turns the log entries after an event id into :class:`Change` records with what a
viewer needs to draw them (the spans of new codings, a code's current name and colour...), leaving
out what the viewer may not see (another coder's codings during a blind round). The log is the only
source of truth: a client that remembers the last id it applied resumes from there and misses
nothing, however long it slept. The store's change feed (:class:`makna.store.feed.ChangeFeed`) says
when the log grows.
"""

from __future__ import annotations

import bisect
import datetime as dt
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, func, select

from .holds import held_and_case_ids, hides_held
from .project import Project
from .rounds import Round, Sight, current_round, sight, sight_in
from .store import as_utc, tables

__all__ = ["Change", "Changes", "KINDS", "changes_after", "latest_id", "LiveLog", "live_log"]

#: What a change is about: ``segments.add`` (``segments``: new codings), ``segments.remove`` (``ids``),
#: ``segment.memo`` (``id``, ``memo``), ``code`` (``id``, ``code``: its current fields or None when it
#: is gone, ``reload``: codings moved too), ``memo``, ``case``, ``round``, ``text`` (source texts and
#: free-text values were replaced: de-identified; an open page still shows the originals, and a span
#: selected in it no longer points at the same words, so it reloads), ``other``.
KINDS = ("segments.add", "segments.remove", "segment.memo", "code", "memo", "case", "round", "text", "other")
_REMOVING = ("uncode", "uncode.span")
_RETEXT = ("deid.apply", "deid.apply_fields")
_RELOADING = ("code.merge", "code.split", "code.delete", "undo", "redo", "history.undo", "history.redo",
              "codebook.import", "exchange.import_qdc", "cases.import")
_CODEBOOK = ("codebook.import", "exchange.import_qdc")  # many codes at once: pages say "reload"
#: Actions that never hold or release a source nor link a case to one (:mod:`makna.holds`): a window that reads only
#: these keeps the held ids it has; any other action (an import, an apply, a release, a case's link, an undo...)
#: reads them again.
_HOLD_KEEPING = ("code.", "uncode", "segment.", "memo.", "round.", "suggest.", "quickcodes.", "case.values",
                 "attribute.")


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


def _kind(action: str, payload: dict[str, Any]) -> str:
    if action in _REMOVING:
        return "segments.remove"
    if action == "segment.memo":
        return "segment.memo"
    if action in _RETEXT:
        return "text"
    if action in _CODEBOOK:
        return "code"
    if "segments" in payload and "created" in payload:
        return "segments.add"
    head = action.split(".", 1)[0]
    if head in ("code", "memo", "case", "round"):
        return head
    if head in ("attribute", "cases"):
        return "case"
    return "other"


@dataclass(frozen=True)
class _Entry:
    """One event decoded for every viewer: ``change`` with every coding it carries (None: nothing to
    show, its codings are gone); ``owner``: (coder, source id) of the coding a memo change is about;
    ``memo_on``: the coding a ``memo`` change is attached to (hidden with it)."""

    change: Change | None
    owner: tuple[str, str] | None = None
    memo_on: str | None = None


def _decode(conn: Connection, rows: list[Any]) -> list[_Entry]:
    """The log rows as :class:`_Entry` records, with the codings and codes they name read in one
    query each (whoever will see them)."""
    kinds = [_kind(r.action, dict(r.payload)) for r in rows]
    seg_ids = {sid for r, k in zip(rows, kinds, strict=True) if k in ("segments.add", "segment.memo")
               for sid in (r.payload.get("segments") or [r.payload.get("id")]) if sid}
    seg_ids |= {r.payload.get("target_id") for r, k in zip(rows, kinds, strict=True)
                if k == "memo" and r.payload.get("kind") == "segment" and r.payload.get("target_id")}
    segments = _segments(conn, seg_ids)
    code_ids = {r.payload.get("id") for r, k in zip(rows, kinds, strict=True) if k == "code"}
    codes = _codes(conn, {c for c in code_ids if c})
    out: list[_Entry] = []
    for r, kind in zip(rows, kinds, strict=True):
        payload = dict(r.payload)
        data: dict[str, Any]
        owner: tuple[str, str] | None = None
        memo_on: str | None = None
        if kind == "segments.add":
            found = [segments[s] for s in payload.get("segments") or [] if s in segments]
            if not found:  # removed since
                out.append(_Entry(None))
                continue
            data = {"segments": found}
        elif kind == "segments.remove":
            ids = payload.get("segments") or [payload.get("id")]
            data = {"ids": [i for i in ids if i]}
        elif kind == "segment.memo":
            seg = segments.get(payload.get("id", ""))
            if seg is None:
                out.append(_Entry(None))
                continue
            data = {"id": seg["id"], "memo": seg["memo"], "source_id": seg["source_id"]}
            owner = (seg["coder"], seg["source_id"])
        elif kind == "code":
            cid = payload.get("id")
            data = {"id": cid, "code": codes.get(cid) if cid else None, "reload": r.action in _RELOADING}
        else:
            data = {k: v for k, v in payload.items() if isinstance(v, str | int | float | bool | None)}
            if r.action in _RELOADING:
                data["reload"] = True
            if kind == "memo" and payload.get("kind") == "segment":
                memo_on = str(payload.get("target_id") or "")
                seg = segments.get(memo_on)
                owner = (seg["coder"], seg["source_id"]) if seg is not None else None
        out.append(_Entry(Change(int(r.id), as_utc(r.at), r.actor, r.action, kind, data), owner, memo_on))
    return out


def _seen(entry: _Entry, sight: Sight) -> Change | None:
    """``entry`` as ``sight``'s viewer may see it (None: hidden from them)."""
    change = entry.change
    if change is not None and change.action == "round.join" and change.actor != sight.viewer:
        return None  # only the manager who joined a round sees less: no one else's page reloads for it
    if change is None or sight.everything:
        return change
    if change.kind == "segments.add":
        found = [s for s in change.data["segments"] if sight.sees(s["coder"], s["source_id"])]
        if not found:
            return None
        return change if len(found) == len(change.data["segments"]) else \
            Change(change.id, change.at, change.actor, change.action, change.kind, {"segments": found})
    if change.kind == "segments.remove":
        return change if change.actor == sight.viewer else None
    if change.kind == "segment.memo" or (change.kind == "memo" and entry.memo_on):
        if entry.owner is None:  # a memo on a coding that is gone: whose it was is unknown
            return change if change.actor == sight.viewer else None
        return change if sight.sees(*entry.owner) else None
    return change


def _named(change: Change) -> set[str]:
    """The ids a change names: its data's plain values and its codings' sources."""
    found = {v for v in change.data.values() if isinstance(v, str)}
    found.update(str(s.get("source_id")) for s in change.data.get("segments") or () if isinstance(s, dict))
    return found


def _without(changes: list[Change], held: frozenset[str]) -> list[Change]:
    """``changes`` less those that name one of the ``held`` ids (sources, and cases linked to them)."""
    return [c for c in changes if not held & _named(c)] if held else changes


def _unheld(project: Project, changes: list[Change]) -> list[Change]:
    """``changes`` less those that name a source held for de-identification from the acting user
    (:mod:`makna.holds`): a manager's coding of it, its import (whose name can hold a name)."""
    if not changes or not hides_held(project):
        return changes
    with project.store.read() as conn:
        held = frozenset(held_and_case_ids(conn))
    return _without(changes, held)


def changes_after(project: Project, after: int, *, viewer: str | None = None, limit: int = 200) -> Changes:
    """The changes logged after event ``after`` (at most ``limit`` events), as ``viewer`` (default:
    the acting coder) may see them: during a blind round another coder's codings, their memos and
    their removal are left out (the event ids still advance)."""
    e = tables.events.c
    with project.store.read() as conn:
        rows = conn.execute(select(tables.events).where(e.id > after).order_by(e.id).limit(limit)).all()
        if not rows:
            return Changes([], after, False)
        seen = sight(project, conn, viewer)
        entries = _decode(conn, list(rows))
    out = _unheld(project, [c for c in (_seen(x, seen) for x in entries) if c is not None])
    return Changes(out, int(rows[-1].id), len(rows) == limit)


def _segments(conn: Connection, ids: set[str]) -> dict[str, dict[str, Any]]:
    if not ids:
        return {}
    seg, k = tables.segments.c, tables.coders.c
    q = (select(seg.id, seg.source_id, seg.start, seg.end, seg.code_id, seg.memo, k.name.label("coder"))
         .join(tables.coders, k.id == seg.coder_id).where(seg.id.in_(sorted(ids))))
    return {r.id: {"id": r.id, "source_id": r.source_id, "start": r.start, "end": r.end, "code_id": r.code_id,
                   "coder": r.coder, "memo": r.memo} for r in conn.execute(q)}


def _codes(conn: Connection, ids: set[str]) -> dict[str, dict[str, Any]]:
    if not ids:
        return {}
    c = tables.codes.c
    q = select(c.id, c.key, c.name, c.color, c.parent_id, c.definition, c.inclusion, c.exclusion, c.example,
               c.version, c.changed_by).where(c.id.in_(ids))
    return {r.id: dict(r._mapping) for r in conn.execute(q)}


class LiveLog:
    """The recent event log of one project, decoded once for every open stream of this process.

    A stream asks :meth:`read` for the changes after the last event it sent, as its viewer may see
    them. The first stream to ask after the log grew reads the new events (and the codings and codes
    they name, and the open round) from the database, once; every other stream is served from that
    window in memory, filtered for its viewer by :class:`~makna.rounds.Sight` (no query per viewer).
    A stream that asks from before the window (a browser that slept long) reads the log itself
    (:func:`changes_after`)."""

    WINDOW = 5000  #: events kept in memory

    def __init__(self, project: Project, *, after: int | None = None) -> None:
        """A window that starts after event ``after`` (default: the newest now)."""
        self._lock = threading.Lock()  # (no reference to the store: it is the key of _LOGS, weakly)
        top = latest_id(project) if after is None else after
        with project.store.read() as conn:
            rnd = current_round(conn)
            held = frozenset(held_and_case_ids(conn))
        # (floor, top, ids, entries, round, held): every event in (floor, top] is in entries (ids: their
        # event ids); held: the ids of the sources held for de-identification when top was read (or later);
        # replaced whole, so that a reader needs no lock
        self._state: tuple[int, int, tuple[int, ...], tuple[_Entry, ...], Round | None, frozenset[str]] = \
            (top, top, (), (), rnd, held)
        self._texts: dict[int, tuple[Change, bytes]] = {}

    @property
    def top(self) -> int:
        """The newest event id read into the window."""
        return self._state[1]

    @property
    def blind(self) -> bool:
        """Whether a blind round is open: a read then checks the viewer's role (on a team server, a
        lookup in the registry every few seconds)."""
        rnd = self._state[4]
        return rnd is not None and rnd.blind

    def behind(self, after: int) -> bool:
        """Whether events after ``after`` have left the window (:meth:`read` then queries the log)."""
        return after < self._state[0]

    def read(self, project: Project, after: int, latest: int = 0, *, limit: int = 200,
             hides: bool | None = None) -> Changes:
        """The changes after event ``after`` as ``project``'s actor may see them; ``latest``: the
        newest event id known to exist (the change feed's), read first (:meth:`refresh`) when not yet
        in the window; ``hides``: whether the actor may not see held sources (:func:`makna.holds.hides_held`,
        which asks the actor's role: a stream decides it once, in a thread; None: asked here). From memory
        alone, without a query or a role lookup, when ``latest <= top``, not :meth:`behind`, no blind
        round open (:attr:`blind`: its sight asks the role) and ``hides`` is given."""
        if self._state[1] < latest:
            self.refresh(project, latest)
        floor, top, ids, entries, rnd, held = self._state
        if after < floor:
            return changes_after(project, after, limit=limit)
        seen = sight_in(project, rnd)
        at = bisect.bisect_right(ids, after)
        picked = entries[at : at + limit]
        out = [c for c in (_seen(x, seen) for x in picked) if c is not None]
        if out and held and (hides_held(project) if hides is None else hides):
            out = _without(out, held)
        more = at + limit < len(entries)
        return Changes(out, ids[at + limit - 1] if more else max(after, top), more)

    def encoded(self, change: Change, encode: Callable[[Change], bytes]) -> bytes:
        """``change`` encoded by ``encode``, once for every stream that sends it unchanged."""
        got = self._texts.get(change.id)
        if got is not None and got[0] is change:
            return got[1]
        text = encode(change)
        self._texts[change.id] = (change, text)
        if len(self._texts) > 2 * self.WINDOW:
            for key in sorted(self._texts)[: self.WINDOW]:
                self._texts.pop(key, None)
        return text

    def refresh(self, project: Project, latest: int) -> None:
        """Read the events up to ``latest`` (and any newer) into the window, unless already there;
        one reader at a time (the others find the window current)."""
        with self._lock:
            floor, top, ids, entries, rnd, held = self._state
            if top >= latest:
                return  # another stream read it meanwhile
            e = tables.events.c
            with project.store.read() as conn:
                rows = list(conn.execute(select(tables.events).where(e.id > top).order_by(e.id)
                                         .limit(self.WINDOW)).all())
                if not rows:
                    return
                decoded = _decode(conn, rows)
                if rnd is not None or any(r.action.startswith("round.") or r.action in _RELOADING for r in rows):
                    rnd = current_round(conn)  # (an undo may reopen a round)
                if not all(r.action.startswith(_HOLD_KEEPING) for r in rows):  # read after the events: a source
                    held = frozenset(held_and_case_ids(conn))  # whose import was read is in it while it is held
            ids += tuple(int(r.id) for r in rows)
            entries += tuple(decoded)
            cut = next((int(r.id) for r in reversed(rows) if r.action in _RETEXT or r.action == "deid.events"), None)
            if cut is not None:  # de-identified: the older changes in memory hold the originals (memos, names);
                keep = bisect.bisect_left(ids, cut)  # a reader from before the cut reads the rewritten log
                floor, ids, entries = cut - 1, ids[keep:], entries[keep:]
                self._texts.clear()
            if len(ids) > self.WINDOW:
                floor = ids[-self.WINDOW - 1]
                ids, entries = ids[-self.WINDOW :], entries[-self.WINDOW :]
            self._state = (floor, ids[-1], ids, entries, rnd, held)


_LOGS: weakref.WeakKeyDictionary[Any, LiveLog] = weakref.WeakKeyDictionary()
_LOGS_LOCK = threading.Lock()


def live_log(project: Project) -> LiveLog:
    """The :class:`LiveLog` of ``project``'s store (one per open store, shared by its streams)."""
    with _LOGS_LOCK:
        found = _LOGS.get(project.store)
        if found is None:
            found = _LOGS[project.store] = LiveLog(project)
        return found
