"""Undo and redo, built on the event log and its journal of row changes (``makna.store.journal``).

Every write is one *step*: the events of one transaction with the rows it inserted, deleted (whole,
with what ``ON DELETE CASCADE`` took along) and updated (previous values). :func:`undo` applies the
inverse of the session's coder's latest step that is not undone yet, in one transaction, logged as
an ``undo`` event whose own changes are journaled: :func:`redo` undoes that undo. A new change by
the coder empties their redo stack. Each coder undoes only their own steps, and an undo is refused
(one line, nothing changed) when a later change by someone else touched the same rows or still
refers to them (a coding in a code whose creation you undo). De-identification and whole-project
imports cannot be undone: they empty the journal, and nothing before them can be undone either.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from sqlalchemy import JSON, Connection, Table, func, insert, select, tuple_, update
from sqlalchemy.exc import IntegrityError

from .errors import ConflictError, MaknaError
from .project import Project
from .store import as_utc, bulk_insert, journal, tables
from .store.transfer import parents_first

__all__ = [
    "Step",
    "NothingToUndoError",
    "undo",
    "redo",
    "undoable",
    "redoable",
    "step_states",
    "describe",
]

_NOUNS = {
    "segments": "codings", "memos": "memos", "turns": "turns", "case_links": "case links",
    "case_values": "attribute values", "set_members": "set members", "codes": "child codes",
    "deid_sources": "de-identification reviews", "coders": "coders", "code_translations": "code translations",
}
_MEMO_KINDS = {"sources": "source", "codes": "code", "cases": "case", "segments": "segment"}


class NothingToUndoError(MaknaError):
    """There is no step of this coder to undo (or redo)."""


@dataclass(frozen=True)
class Step:
    """One undoable step: the events ``first_event`` to ``id`` by ``actor``."""

    id: int
    first_event: int
    actor: str
    kind: str  # op, undo, redo or barrier
    state: str  # op: done/undone/dropped; undo: open/redone/dropped; redo and barrier: done
    actions: tuple[str, ...]
    description: str
    at: dt.datetime
    note: str = ""  # for a barrier: why it cannot be undone


# ------------------------------------------------------------------------------ descriptions
def _one(action: str, p: dict[str, Any]) -> str:
    named = {
        "code.span": "code a span", "code.bulk": f"code {p.get('created', 0)} span(s)",
        "code.autocode_speaker": f"autocode {p.get('created', 0)} turn(s)",
        "code.autocode_pattern": f"autocode {p.get('created', 0)} match(es)",
        "code.autocode_search": f"autocode {p.get('created', 0)} search hit(s)",
        "uncode": "remove a coding", "uncode.span": "remove codings", "segment.memo": "edit a coding's memo",
        "memo.add": f"add a memo on a {p.get('kind', 'project')}", "memo.update": "edit a memo",
        "memo.delete": "delete a memo", "code.add": f"add code {p.get('key', '')}",
        "code.update": f"change code {p.get('key', '')}", "code.move": f"move code {p.get('key', '')}",
        "code.merge": f"merge code {p.get('source', '')} into {p.get('target', '')}",
        "code.delete": f"delete code {p.get('key', '')}", "codebook.import": "import a codebook",
        "code.split": f"split code {p.get('key', '')}",
        "case.add": f"add case {p.get('name', '')}", "case.values": "set case attribute values",
        "case.link": "link a case to a source", "case.unlink": "unlink a case from a source",
        "case.delete": "delete a case", "attribute.define": f"define attribute {p.get('name', '')}",
        "source.import": f"import {p.get('name', 'a source')}", "source.rename": "rename a source",
        "source.language": f"set a source's language to {p.get('language', '')}",
        "source.delete": "delete a source", "source.release": "release a held source",
        "source.hold": "hold a source for de-identification",
        "participant.withdraw": "withdraw a participant",
        "set.create": f"create set {p.get('name', '')}",
        "set.delete": f"delete set {p.get('name', '')}", "deid.key": "de-identification",
        "deid.apply": "de-identification", "deid.scan": "scan for identifiers",
        "media.link": "link a recording", "media.unlink": "unlink a recording", "turn.time": "set a turn's time",
        "suggest.run": f"suggest {p.get('created', 0)} coding(s)", "suggest.accept": "accept a suggestion",
        "suggest.reject": "reject a suggestion",
        "cases.import": "import cases", "project.encrypt": "encrypt the project",
        "project.decrypt": "decrypt the project", "project.rename": "rename the project",
        "project.export": "export a backup of the project",
        "segment.update": "change a coding", "quickcodes.set": "choose quick codes",
        "agreement.resolve": f"record {p.get('created', 0)} agreed coding(s)", "search.index": "index for search",
        "exchange.import_qdc": "import a REFI-QDA codebook", "exchange.import_qdpx": "import a REFI-QDA project",
        "exchange.import_taguette": "import a Taguette project",
        "exchange.import_qualcoder": "import a QualCoder project",
        "project.create": "create the project", "round.open": f"open round {p.get('name', '')}",
        "round.close": f"close round {p.get('name', '')}", "round.join": f"code blind in round {p.get('name', '')}",
        "sync.pull": "take a copy to code offline",
        "sync.push": "push a copy's work to the server",
    }
    if action in ("undo", "redo"):
        return f"{action} {p.get('description', '')}".strip()
    if action not in named and action.startswith("deid."):
        return f"review identifiers ({action[5:].replace('_', ' ')})"
    return named.get(action, action)


def describe(events: Sequence[tuple[str, dict[str, Any]]]) -> str:
    """A short English description of a step from its events (action, payload)."""
    if not events:
        return ""
    parts = list(dict.fromkeys(_one(a, p) for a, p in events))
    if len(parts) > 3:
        return f"{', '.join(parts[:3])} (+{len(parts) - 3} more)"
    return ", ".join(parts)


def _steps(conn: Connection, *conditions: Any, limit: int | None = None) -> list[Step]:
    s, e = tables.undo_steps.c, tables.events.c
    q = select(tables.undo_steps).where(*conditions).order_by(s.id.desc()).limit(limit)
    rows = conn.execute(q).all()
    out: list[Step] = []
    for r in rows:
        evs = conn.execute(select(e.action, e.payload, e.at).where(e.id.between(r.first_event, r.id))
                           .order_by(e.id)).all()
        actions = tuple(ev.action for ev in evs)
        text = describe([(ev.action, dict(ev.payload)) for ev in evs])
        out.append(Step(int(r.id), int(r.first_event), r.actor, r.kind, r.state, actions, text,
                        as_utc(evs[-1].at) if evs else dt.datetime.now(dt.UTC), r.summary))
    return out


def _barrier(conn: Connection) -> Step | None:
    s = tables.undo_steps.c
    found = _steps(conn, s.kind == "barrier", limit=1)
    return found[0] if found else None


def undoable(project: Project, *, limit: int | None = None) -> list[Step]:
    """The steps the session's coder can undo, newest first."""
    s = tables.undo_steps.c
    with project.store.read() as conn:
        return _steps(conn, s.actor == project.actor, s.kind == "op", s.state == "done", limit=limit)


def redoable(project: Project, *, limit: int | None = None) -> list[Step]:
    """The undo steps the session's coder can redo, newest (the next to redo) first."""
    s = tables.undo_steps.c
    with project.store.read() as conn:
        return _steps(conn, s.actor == project.actor, s.kind == "undo", s.state == "open", limit=limit)


def step_states(project: Project, event_ids: Iterable[int]) -> dict[int, str]:
    """For events of the log: ``undoable``, ``undone``, ``redoable``, ``not undoable`` (a barrier,
    or a step before one), or nothing (events that changed nothing, or are not recorded)."""
    ids = sorted(set(event_ids))
    if not ids:
        return {}
    s = tables.undo_steps.c
    with project.store.read() as conn:
        rows = conn.execute(select(s.id, s.first_event, s.kind, s.state)
                            .where(s.id >= ids[0], s.first_event <= ids[-1])).all()
        barrier = conn.execute(select(func.max(s.id)).where(s.kind == "barrier")).scalar()
    names = {("op", "done"): "undoable", ("op", "undone"): "undone", ("undo", "open"): "redoable",
             ("barrier", "done"): "not undoable"}
    out: dict[int, str] = {}
    for r in rows:
        label = names.get((r.kind, r.state), "")
        for i in ids:
            if label and r.first_event <= i <= r.id:
                out[i] = label
    if barrier is not None:
        for i in ids:
            if i < barrier and i not in out:
                out[i] = "not undoable"
    return out


# ------------------------------------------------------------------------------------ undo
def _pk_values(table: Table, op: str, data: list[Any]) -> set[tuple[Any, ...]]:
    keys = [c.key for c in journal.pk_of(table)]
    if op == "insert":  # a single-column key is stored as the value itself
        return {tuple(pk) if isinstance(pk, list) else (pk,) for pk in data}
    if op == "update":
        return {tuple(d["pk"]) for d in data}
    return {tuple(row[k] for k in keys) for row in data}


def _touched(conn: Connection, steps: Any) -> dict[str, dict[tuple[Any, ...], int]]:
    """For the steps selected by ``steps`` (a query of ids): table -> primary key -> step."""
    r = tables.undo_rows.c
    out: dict[str, dict[tuple[Any, ...], int]] = {}
    for step, op, name, data in conn.execute(select(r.step, r.op, r.table_name, r.data).where(r.step.in_(steps))):
        for pk in _pk_values(tables.metadata.tables[name], op, data):
            out.setdefault(name, {})[pk] = int(step)
    return out


def _check_later(conn: Connection, step: Step, what: str) -> None:
    """Refuse when a later step by someone else touched a row that ``step`` touched."""
    s = tables.undo_steps.c
    mine = _touched(conn, select(s.id).where(s.id == step.id))
    later = _touched(conn, select(s.id).where(s.id > step.id, s.actor != step.actor, s.kind != "barrier"))
    for name, keys in mine.items():
        clash = next((later[name][k] for k in keys if k in later.get(name, {})), None)
        if clash is not None:
            other = _steps(conn, s.id == clash)[0]
            raise ConflictError(f"cannot {what} {step.description!r}: {other.actor} changed the same "
                                f"{name.replace('_', ' ')} afterwards ({other.description}); they must undo that first")


def _check_dependents(conn: Connection, table: Table, keys: list[Any], step: Step, what: str) -> None:
    """Refuse to delete rows that other rows (made later, by someone else) still refer to."""
    if len(journal.pk_of(table)) != 1:
        return
    ids = [k[0] for k in keys]
    going = set(ids)
    for child in tables.metadata.sorted_tables:
        if child.name not in journal.JOURNALED or child.name in journal.CASCADE_OWNED:
            continue  # (a source's turns go with it)
        for fk in child.foreign_keys:
            if fk.column.table is not table:
                continue
            for i in range(0, len(ids), 500):
                q = select(*journal.pk_of(child)).where(fk.parent.in_(ids[i : i + 500]))
                found = [r for r in conn.execute(q) if child is not table or r[0] not in going]
                if found:
                    raise ConflictError(f"cannot {what} {step.description!r}: {len(found)} "
                                        f"{_NOUNS.get(child.name, child.name)} made later still refer to it")
    kind = _MEMO_KINDS.get(table.name)
    if kind is None:
        return
    m, sm = tables.memos.c, tables.set_members.c
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        memos = conn.execute(select(func.count()).where(m.target_kind == kind, m.target_id.in_(chunk))).scalar()
        members = conn.execute(select(func.count()).where(sm.member_id.in_(chunk))).scalar() \
            if kind in ("source", "code") else 0
        if memos or members:
            noun = "memos" if memos else "set memberships"
            raise ConflictError(f"cannot {what} {step.description!r}: {noun} made later still refer to it")


def _apply_inverse(conn: Connection, step: Step, what: str) -> None:
    for op, table, data in reversed(journal.step_rows(conn, step.id)):
        if op == "insert":
            _check_dependents(conn, table, data, step, what)
            if table is tables.sources:
                from .textindex.index import unindex_source

                for (sid,) in data:
                    unindex_source(conn, sid)
            journal.delete_by_keys(conn, table, data)
        elif op == "delete":
            rows = parents_first(table, data, stored=True)
            if any(isinstance(c.type, JSON) for c in table.c):  # SQL NULLs (null()) need SQLAlchemy's insert
                conn.execute(insert(table), rows)
            else:
                bulk_insert(conn, table, rows)
        else:
            keys = journal.pk_of(table)
            for d in data:
                cond = keys[0] == d["pk"][0] if len(keys) == 1 else tuple_(*keys) == tuple(d["pk"])
                conn.execute(update(table).where(cond).values(**d["old"]))


def _run(project: Project, kind: Literal["undo", "redo"], step: Step, label: str,
         op_state: tuple[int, str] | None) -> None:
    """Apply the inverse of ``step`` as a new ``kind`` (undo or redo) step described by ``label``."""
    payload: dict[str, Any] = {"step": step.id, "description": label}
    s = tables.undo_steps.c
    shown = Step(step.id, step.first_event, step.actor, step.kind, step.state, step.actions, label, step.at)
    try:
        with project.store.write(project.actor, kind, payload) as conn:
            rec = journal.current(conn)
            assert rec is not None
            rec.kind, rec.target = kind, step.id
            _check_later(conn, shown, kind)
            _apply_inverse(conn, shown, kind)
            new_state = "undone" if kind == "undo" else "redone"
            conn.execute(update(tables.undo_steps).where(s.id == step.id).values(state=new_state))
            if op_state is not None:
                conn.execute(update(tables.undo_steps).where(s.id == op_state[0]).values(state=op_state[1]))
    except IntegrityError as exc:
        first = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        raise ConflictError(f"cannot {kind} {label!r}: a later change conflicts with it ({first})") from None


def _nothing(project: Project, what: str) -> NothingToUndoError:
    with project.store.read() as conn:
        barrier = _barrier(conn)
    why = f"nothing to {what} for coder {project.actor!r}"
    if barrier is not None and what == "undo":
        why += f" since the {barrier.note} of {barrier.at:%Y-%m-%d %H:%M} UTC, which cannot be undone"
    return NothingToUndoError(why)


def _repeat(project: Project, steps: int, what: str, next_step: Any) -> list[Step]:
    if steps < 1:
        from .errors import InputError

        raise InputError(f"--steps {steps}: give 1 or more")
    done: list[Step] = []
    for _ in range(steps):
        found = next_step()
        if found is None:
            break
        try:
            done.append(found())
        except MaknaError as exc:
            if not done:
                raise
            raise type(exc)(f"{exc} (after {what}ing {len(done)}: "
                            f"{'; '.join(d.description for d in done)})") from None
    if not done:
        raise _nothing(project, what)
    return done


def undo(project: Project, steps: int = 1) -> list[Step]:
    """Undo the session's coder's latest ``steps`` changes, newest first; returns the steps undone.
    Raises :class:`NothingToUndoError` when there is none, and :class:`ConflictError` (nothing
    changed by that step) when someone else's later change depends on it."""
    def next_step() -> Any:
        found = undoable(project, limit=1)
        if not found:
            return None

        def go() -> Step:
            _run(project, "undo", found[0], found[0].description, None)
            return replace(found[0], state="undone")

        return go

    return _repeat(project, steps, "undo", next_step)


def redo(project: Project, steps: int = 1) -> list[Step]:
    """Redo the session's coder's latest undone changes (the last undone first); returns the steps
    redone."""
    s = tables.undo_steps.c

    def next_step() -> Any:
        found = redoable(project, limit=1)
        if not found:
            return None
        with project.store.read() as conn:
            target = _steps(conn, s.id == select(s.target).where(s.id == found[0].id).scalar_subquery())
        if not target:  # pragma: no cover - an undo step always has its target
            return None

        def go() -> Step:
            _run(project, "redo", found[0], target[0].description, (target[0].id, "done"))
            return replace(target[0], state="done")

        return go

    return _repeat(project, steps, "redo", next_step)
