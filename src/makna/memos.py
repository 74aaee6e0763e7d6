"""Memos on the project, sources, cases, codes or segments; sets of sources or codes; the event log."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any, cast

from sqlalchemy import Connection, Select, delete, insert, or_, select, update

from .access import require
from .errors import ConflictError, InputError, NotFoundError
from .holds import hidden_from, hidden_ids
from .model import MEMO_TARGETS, EntitySet, Event, Memo, MemoTarget, new_id, utcnow
from .project import Project
from .store import as_utc, tables
from .text import refuse_unstorable

__all__ = [
    "forget",
    "others_memos",
    "MEMO_TARGETS",
    "add_memo",
    "update_memo",
    "delete_memo",
    "list_memos",
    "create_set",
    "list_sets",
    "delete_set",
    "events",
    "target_exists",
]

#: The table of each kind of memo target (a project memo has none).
_TARGET_TABLES = {"source": tables.sources, "case": tables.cases, "code": tables.codes, "segment": tables.segments}


def target_exists(conn: Connection, kind: str, target_id: str | None) -> bool:
    """Whether a memo on ``kind`` ``target_id`` (an id; None for the project) has its target in the
    project (a memo copied or pushed from elsewhere may point at something deleted meanwhile)."""
    if kind == "project":
        return target_id is None
    table = _TARGET_TABLES.get(kind)
    return table is not None and target_id is not None and \
        conn.execute(select(table.c.id).where(table.c.id == target_id)).first() is not None



def _target_id(project: Project, conn: Connection, kind: str, target: str | None) -> str | None:
    if kind not in MEMO_TARGETS:
        raise InputError(f"memo target {kind!r}: use one of {', '.join(MEMO_TARGETS)}")
    if kind == "project":
        return None
    if target is None:
        raise InputError(f"a memo on a {kind} needs the {kind} it belongs to")
    if kind == "source":
        return str(project.source_row(conn, target).id)
    if kind == "case":
        return project.case_id(conn, target)
    if kind == "code":
        return project.code_id(conn, target)
    if not target_exists(conn, "segment", target):
        raise NotFoundError(f"unknown segment {target!r}")
    return target


def add_memo(project: Project, kind: str, target: str | None, text: str, *, title: str = "",
             memo_id: str | None = None) -> Memo:
    """Attach a memo to the project (``target`` None), a source, case, code (by name/key) or segment (id)."""
    if not text.strip():
        raise InputError("a memo cannot be empty")
    refuse_unstorable("memo", text, title)
    payload: dict[str, Any] = {"kind": kind}
    with project.store.write(project.actor, "memo.add", payload) as conn:
        tid = _target_id(project, conn, kind, target)
        mid = memo_id or new_id()
        now = utcnow()
        coder_id = project.coder_id(conn)
        conn.execute(insert(tables.memos).values(id=mid, target_kind=kind, target_id=tid, title=title, text=text,
                                                 coder_id=coder_id, created_at=now))
        payload.update(id=mid, target_id=tid)
    return Memo(mid, cast(MemoTarget, kind), tid, title, text, coder_id, now)


def _check_author(project: Project, conn: Connection, memo_id: str) -> None:
    """Refuse to change another coder's memo without the ``others`` permission (a manager's)."""
    m, cd = tables.memos.c, tables.coders.c
    author = conn.execute(select(cd.name).join_from(tables.memos, tables.coders, m.coder_id == cd.id)
                          .where(m.id == memo_id)).scalar()
    if author is not None and author != project.actor:
        require(project, "others")


def update_memo(project: Project, memo_id: str, text: str, *, title: str | None = None) -> None:
    refuse_unstorable("memo", text, title)
    values: dict[str, Any] = {"text": text}
    if title is not None:
        values["title"] = title
    with project.store.write(project.actor, "memo.update", {"id": memo_id}) as conn:
        _check_author(project, conn, memo_id)
        if conn.execute(update(tables.memos).where(tables.memos.c.id == memo_id).values(**values)).rowcount == 0:
            raise NotFoundError(f"unknown memo {memo_id!r}")


def delete_memo(project: Project, memo_id: str) -> None:
    with project.store.write(project.actor, "memo.delete", {"id": memo_id}) as conn:
        _check_author(project, conn, memo_id)
        if conn.execute(delete(tables.memos).where(tables.memos.c.id == memo_id)).rowcount == 0:
            raise NotFoundError(f"unknown memo {memo_id!r}")


def list_memos(project: Project, kind: str | None = None, target: str | None = None) -> list[Memo]:
    """The memos (of ``kind``, on ``target``) the acting coder may see (a blind round hides the memos
    on other coders' codings)."""
    from .rounds import visible_memos

    m = tables.memos.c
    with project.store.read() as conn:
        q = select(tables.memos).where(visible_memos(project, conn))
        if kind is not None:
            q = q.where(m.target_kind == kind)
            if target is not None:
                q = q.where(m.target_id == _target_id(project, conn, kind, target))
        rows = conn.execute(q.order_by(m.created_at, m.id)).all()
    return [Memo(r.id, r.target_kind, r.target_id, r.title, r.text, r.coder_id, as_utc(r.created_at)) for r in rows]


def create_set(project: Project, name: str, kind: str, members: Sequence[str], *, description: str = "",
               set_id: str | None = None) -> EntitySet:
    """A named set of sources (names) or codes (keys)."""
    if kind not in ("sources", "codes"):
        raise InputError(f"set kind {kind!r}: use sources or codes")
    if not name.strip():
        raise InputError("a set needs a name")
    refuse_unstorable(f"set {name}", name, description)
    payload: dict[str, Any] = {"name": name, "kind": kind}
    with project.store.write(project.actor, "set.create", payload) as conn:
        if conn.execute(select(tables.sets.c.id).where(tables.sets.c.name == name)).first():
            raise ConflictError(f"set {name!r} exists already")
        ids = [str(project.source_row(conn, m).id) if kind == "sources" else project.code_id(conn, m) for m in members]
        ids = list(dict.fromkeys(ids))
        sid = set_id or new_id()
        conn.execute(insert(tables.sets).values(id=sid, name=name, kind=kind, description=description))
        if ids:
            conn.execute(insert(tables.set_members), [{"set_id": sid, "member_id": i} for i in ids])
        payload.update(id=sid, members=len(ids))
    return EntitySet(sid, name, cast(Any, kind), tuple(ids), description)


def list_sets(project: Project) -> list[EntitySet]:
    st, sm = tables.sets.c, tables.set_members.c
    with project.store.read() as conn:
        members: dict[str, list[str]] = {}
        for set_id, member in conn.execute(select(sm.set_id, sm.member_id).where(*hidden_from(project, sm.member_id))
                                           .order_by(sm.set_id, sm.member_id)):  # no held source (makna.holds)
            members.setdefault(set_id, []).append(member)
        return [EntitySet(r.id, r.name, r.kind, tuple(members.get(r.id, ())), r.description)
                for r in conn.execute(select(tables.sets).order_by(st.name))]


def delete_set(project: Project, name: str) -> None:
    with project.store.write(project.actor, "set.delete", {"name": name}) as conn:
        if conn.execute(delete(tables.sets).where(tables.sets.c.name == name)).rowcount == 0:
            raise NotFoundError(f"unknown set {name!r}")


def events(project: Project, *, limit: int = 50, action: str | None = None, before: int | None = None) -> list[Event]:
    """The newest ``limit`` entries of the event log, newest first; with ``before`` (an event id,
    the last of the previous page), those older than it (keyset pagination over the log's key)."""
    e = tables.events.c
    q = select(tables.events).order_by(e.id.desc()).limit(limit)
    if before is not None:
        q = q.where(e.id < before)
    if action:
        q = q.where(e.action.like(f"{action}%"))
    from .rounds import BLIND_EVENT_KINDS, sees_everything

    with project.store.read() as conn:
        if not sees_everything(project, conn):  # a blind round: not which codes the others applied
            q = q.where(or_(e.actor == project.actor, e.action.not_in(BLIND_EVENT_KINDS)))
        found = [Event(r.id, as_utc(r.at), r.actor, r.action, dict(r.payload)) for r in conn.execute(q)]
        held = hidden_ids(project, conn)
    if held:  # a source held for de-identification, a case held with it: not even its name (makna.holds)
        found = [replace(ev, payload={}) if held & {v for v in ev.payload.values() if isinstance(v, str)} else ev
                 for ev in found]
    return found


def others_memos(conn: Connection, segment_ids: Sequence[str], actor: str) -> dict[str, list[str]]:
    """Per coding of ``segment_ids`` that carries memos by members other than ``actor`` (a name or an id) and
    other than the coding's own coder: those members' names, sorted. Removing such a coding would delete their
    memos without their knowing, so :func:`makna.uncode`, :func:`makna.uncode_span` and a pushed delete refuse
    it. One query, whatever the number of codings."""
    if not segment_ids:
        return {}
    m, g = tables.memos.c, tables.segments.c
    author, coder = tables.coders.alias("author"), tables.coders.alias("coder")
    rows = conn.execute(
        select(m.target_id, author.c.name)
        .join_from(tables.memos, author, m.coder_id == author.c.id)
        .join(tables.segments, g.id == m.target_id)
        .join(coder, coder.c.id == g.coder_id)
        .where(m.target_kind == "segment", m.target_id.in_(list(segment_ids)),
               author.c.name != actor, author.c.id != actor, author.c.id != g.coder_id)
    )
    out: dict[str, set[str]] = {}
    for sid, name in rows:
        out.setdefault(str(sid), set()).add(str(name))
    return {sid: sorted(names) for sid, names in out.items()}


def forget(conn: Connection, kind: MemoTarget, ids: Sequence[str] | Select[Any]) -> None:
    """Remove what hangs on the ``kind`` entities ``ids`` (a list, or a query of their ids): the memos
    attached to them and, for codes and sources, their places in sets. Every operation that deletes
    entities calls it in the same transaction, before the rows go, so that nothing points at them."""
    m = tables.memos.c
    conn.execute(delete(tables.memos).where(m.target_kind == kind, m.target_id.in_(ids)))
    if kind in ("code", "source"):
        conn.execute(delete(tables.set_members).where(tables.set_members.c.member_id.in_(ids)))
