"""Coding rounds, blind coding and consensus per round.

A manager opens a round (``makna round open NAME``), optionally on some sources only. While a *blind* round is
open, each coder sees only their own codings of its sources: in the workbench, in retrieval, through the API
and on the live stream (:func:`visible`); the round's manager sees all, unless they take part in it as a blind
coder (:func:`join_round`: their choice, recorded with an event; they then see what a coder sees until the
round closes). When the round closes, everyone sees everything again, and the round's agreement, disagreements
and consensus layer (:func:`round_scope`, :func:`round_consensus`, reusing :mod:`makna.agreement`) are
computed over its sources and the coders who coded them during the round. Only one round is open at a time.

Role checks go through :func:`may_manage` alone, so that they follow the project's roles where accounts exist;
without accounts, anyone may open a round and the coder who opened it manages it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Connection, and_, insert, not_, or_, select, true, update

from .access import CODING_EVENT_KINDS
from .errors import ConflictError, InputError, NotFoundError, PermissionDeniedError
from .holds import hidden_from, shown_memos
from .model import new_id, utcnow
from .project import Project
from .store import as_utc, tables

if TYPE_CHECKING:
    from .agreement.consensus import Resolution, Rule
    from .agreement.project_report import AgreementScope
    from .event_kinds import EventKind

__all__ = ["Round", "open_round", "close_round", "join_round", "list_rounds", "get_round", "current_round",
           "may_manage",
           "visible", "sees_everything", "require_sight", "round_scope", "round_consensus", "consensus_coder",
           "Sight", "sight", "sight_in", "visible_memos", "visible_where", "BLIND_EVENT_KINDS", "counted_where",
           "suggester_ids", "rejected_ids", "listed", "visible_coders"]

#: The event kinds that record a coder's codings and memos (:data:`makna.access.CODING_EVENT_KINDS`):
#: during a blind round the activity list leaves out other coders' events of these kinds (they would
#: tell which codes they applied where).
BLIND_EVENT_KINDS: tuple[EventKind, ...] = CODING_EVENT_KINDS


@dataclass(frozen=True)
class Round:
    """A coding round; ``sources`` are source ids (empty: every source)."""

    id: str
    name: str
    blind: bool
    sources: tuple[str, ...]
    opened_at: dt.datetime
    opened_by: str
    closed_at: dt.datetime | None = None
    closed_by: str | None = None
    blind_coders: tuple[str, ...] = ()  # managers who took part in it as blind coders (:func:`join_round`)

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


def _row(r: Any, joined: dict[str, tuple[str, ...]]) -> Round:
    return Round(r.id, r.name, bool(r.blind), tuple(r.sources or ()), as_utc(r.opened_at), r.opened_by,
                 as_utc(r.closed_at) if r.closed_at is not None else None, r.closed_by, joined.get(r.id, ()))


def _joined(conn: Connection) -> dict[str, tuple[str, ...]]:
    """The blind coders of every round (round id: names), from the ``round.join`` events (an indexed read of the
    few such events)."""
    e = tables.events.c
    found: dict[str, set[str]] = {}
    for actor, payload in conn.execute(select(e.actor, e.payload).where(e.action == "round.join")):
        if isinstance(payload, dict) and isinstance(payload.get("id"), str):
            found.setdefault(payload["id"], set()).add(actor)
    return {k: tuple(sorted(v)) for k, v in found.items()}


def may_manage(project: Project, actor: str, rnd: Round | None = None) -> bool:
    """Whether ``actor`` may open rounds, close ``rnd`` and see through its blindness (the manager
    role). The one place role checks of this module go through: on a team server, a manager or owner
    of the project (:mod:`makna.access`, permission ``reveal``); without accounts, anyone may open a
    round and the coder who opened a round manages it."""
    if project.store.access is not None:
        from .access import can

        return can(project, "reveal", actor)
    return rnd is None or actor == rnd.opened_by


def current_round(conn: Connection) -> Round | None:
    """The open round, if any."""
    r = tables.rounds.c
    row = conn.execute(select(tables.rounds).where(r.closed_at.is_(None)).order_by(r.opened_at.desc())).first()
    return None if row is None else _row(row, _joined(conn))


def list_rounds(project: Project) -> list[Round]:
    with project.store.read() as conn:
        joined = _joined(conn)
        return [_row(r, joined) for r in conn.execute(select(tables.rounds).order_by(tables.rounds.c.opened_at))]


def get_round(project: Project, name: str) -> Round:
    r = tables.rounds.c
    with project.store.read() as conn:
        row = conn.execute(select(tables.rounds).where((r.name == name) | (r.id == name))).first()
        joined = _joined(conn) if row is not None else {}
    if row is None:
        raise NotFoundError(f"unknown round {name!r} (see 'makna round list')")
    return _row(row, joined)


def open_round(project: Project, name: str, *, blind: bool = True, sources: Sequence[str] = ()) -> Round:
    """Open round ``name`` on ``sources`` (names or ids; none: every source). Refused while another
    round is open."""
    name = name.strip()
    if not name or len(name) > 200:
        raise InputError("a round needs a name of 1-200 characters")
    if not may_manage(project, project.actor):
        raise PermissionDeniedError(f"{project.actor!r} may not open a round (a manager's task)")
    payload: dict[str, Any] = {"name": name, "blind": blind}
    with project.store.write(project.actor, "round.open", payload) as conn:
        found = current_round(conn)
        if found is not None:
            raise ConflictError(f"round {found.name!r} is open; close it first (makna round close {found.name})")
        r = tables.rounds.c
        if conn.execute(select(r.id).where(r.name == name)).first() is not None:
            raise ConflictError(f"a round called {name!r} exists already; choose another name")
        ids = [project.source_row(conn, s).id for s in sources]
        rid = new_id()
        conn.execute(insert(tables.rounds).values(id=rid, name=name, blind=blind, sources=ids, opened_at=utcnow(),
                                                  opened_by=project.actor))
        payload.update(id=rid, sources=ids)
    return get_round(project, rid)


def close_round(project: Project, name: str | None = None) -> Round:
    """Close round ``name`` (default: the open one): everyone sees every coding again."""
    payload: dict[str, Any] = {"name": name}
    with project.store.write(project.actor, "round.close", payload) as conn:
        rnd = current_round(conn)
        if rnd is None or (name is not None and name not in (rnd.name, rnd.id)):
            raise ConflictError(f"round {name!r} is not open" if name else "no round is open")
        if not may_manage(project, project.actor, rnd):
            raise PermissionDeniedError(f"only the round's manager ({rnd.opened_by}) may close round {rnd.name!r}")
        conn.execute(update(tables.rounds).where(tables.rounds.c.id == rnd.id)
                     .values(closed_at=utcnow(), closed_by=project.actor))
        payload.update(id=rnd.id, name=rnd.name)
    return get_round(project, rnd.id)


def join_round(project: Project, name: str | None = None) -> Round:
    """Take part in the open blind round as a blind coder: the choice of a manager or owner (or, without accounts, of
    the coder who opened it), recorded with a ``round.join`` event. Until the round closes they see what a coder
    sees (their own codings of its sources: :func:`sight_in`), so that a supervisor codes blind beside her
    students; they still close it. ``name``: the round (default: the open one). There is no leaving before:
    closing the round ends it for everyone."""
    payload: dict[str, Any] = {"name": name}
    with project.store.write(project.actor, "round.join", payload) as conn:
        rnd = current_round(conn)
        if rnd is None or (name is not None and name not in (rnd.name, rnd.id)):
            raise ConflictError(f"round {name!r} is not open" if name else "no round is open")
        if not rnd.blind:
            raise ConflictError(f"round {rnd.name!r} is not blind: every coder sees every coding in it")
        if project.actor in rnd.blind_coders:
            raise ConflictError(f"{project.actor!r} codes blind in round {rnd.name!r} already, until it closes")
        if not may_manage(project, project.actor, rnd):
            raise ConflictError(f"{project.actor!r} codes blind in round {rnd.name!r} already: a coder sees only "
                                f"their own codings until it closes")
        payload.update(id=rnd.id, name=rnd.name)
    return get_round(project, rnd.id)


@dataclass(frozen=True)
class Sight:
    """What ``viewer`` may see of the codings now: every coding (``everything``), or, during an open
    blind round that hides the other coders from them, their own codings and, when the round covers
    some ``sources`` only, every coding of the other sources. The one rule every read path applies:
    in SQL through :meth:`segments` and :meth:`memos`, in memory through :meth:`sees`."""

    viewer: str
    everything: bool = True
    sources: frozenset[str] = frozenset()  # the round's sources; empty: every source

    def sees(self, coder: str, source_id: str) -> bool:
        """Whether a coding by ``coder`` (a name) of source ``source_id`` is visible."""
        return self.everything or coder == self.viewer or (bool(self.sources) and source_id not in self.sources)

    def segments(self) -> ColumnElement[bool]:
        """A condition on ``segments`` rows: those visible."""
        if self.everything:
            return true()
        seg, k = tables.segments.c, tables.coders.c
        mine = seg.coder_id.in_(select(k.id).where(k.name == self.viewer).scalar_subquery())
        return or_(mine, not_(seg.source_id.in_(sorted(self.sources)))) if self.sources else mine

    def memos(self) -> ColumnElement[bool]:
        """A condition on ``memos`` rows: a memo on a coding (segment) is visible with the coding."""
        if self.everything:
            return true()
        m, seg = tables.memos.c, tables.segments.c
        return or_(m.target_kind != "segment", m.target_id.in_(select(seg.id).where(self.segments())))


def sight_in(project: Project, rnd: Round | None, viewer: str | None = None) -> Sight:
    """:class:`Sight` of ``viewer`` (default: the acting coder) while ``rnd`` is the open round (None:
    no round open); no database read beyond the role check."""
    who = viewer or project.actor
    if rnd is None or not rnd.blind or (who not in rnd.blind_coders and may_manage(project, who, rnd)):
        return Sight(who)
    return Sight(who, False, frozenset(rnd.sources))


def sight(project: Project, conn: Connection, viewer: str | None = None) -> Sight:
    """What ``viewer`` (default: the acting coder) may see of the codings now."""
    return sight_in(project, current_round(conn), viewer)


def visible_coders(project: Project) -> list[str]:
    """The coders a project-wide menu may name (analysis, retrieval, the home page): every coder, except during an
    open blind round that hides the others from the acting coder: then the acting coder and the coders whose
    codings they may see (of the sources outside the round). Naming the others would say who else codes (trial12)."""
    coders = project.coders()
    with project.store.read() as conn:
        seen = sight(project, conn)
        if seen.everything:
            return [c.name for c in coders]
        seg = tables.segments.c
        shown = set(conn.execute(select(seg.coder_id).where(seen.segments()).distinct()).scalars())
    return [c.name for c in coders if c.name == seen.viewer or c.id in shown]


def sees_everything(project: Project, conn: Connection, viewer: str | None = None) -> bool:
    """Whether ``viewer`` (default: the acting coder) sees every coder's codings now."""
    return sight(project, conn, viewer).everything


def require_sight(project: Project, what: str) -> None:
    """Refuse (:class:`~makna.errors.ConflictError`) ``what`` (an export, an agreement) while an open
    blind round hides other coders from the acting coder: it would show their codings."""
    with project.store.read() as conn:
        rnd = current_round(conn)
    if rnd is None or sight_in(project, rnd).everything:
        return
    raise ConflictError(f"{what} would show other coders' codings, hidden from {project.actor!r} while blind round "
                        f"{rnd.name!r} is open; it is available once the round closes")


def visible(project: Project, conn: Connection, viewer: str | None = None) -> ColumnElement[bool]:
    """A condition on ``segments`` rows: those ``viewer`` (default: the acting coder) may see. During
    an open blind round a coder sees only their own codings of its sources (see :class:`Sight`). None of a
    source held for de-identification, unless ``viewer`` is a manager (:mod:`makna.holds`)."""
    held = hidden_from(project, tables.segments.c.source_id, viewer)
    seen = sight(project, conn, viewer).segments()
    return and_(seen, *held) if held else seen


def visible_where(project: Project, conn: Connection, viewer: str | None = None) -> list[ColumnElement[bool]]:
    """:func:`visible` as a list of conditions for ``where(*...)``: empty when ``viewer`` sees every
    coding (the query is left as it was)."""
    seen = sight(project, conn, viewer)
    held = hidden_from(project, tables.segments.c.source_id, viewer)  # makna.holds
    return held if seen.everything else [seen.segments(), *held]


def suggester_ids() -> Any:
    """A subquery of the ids of the machine coders (kind ``suggester``: :mod:`makna.suggest`)."""
    k = tables.coders.c
    return select(k.id).where(k.kind == "suggester")


def rejected_ids() -> Any:
    """A subquery of the ids of the suggester's codings whose suggestion a person rejected.

    A rejection is recorded on the suggestion (``suggestions.state = 'rejected'``); the suggester's
    coding it points at (``suggestions.segment_id``) is kept, so that agreement can still compare the
    suggester's proposals, as it made them, with the human coders (a rejected proposal is one of its
    disagreements). Listings, exports and counts leave it out through :func:`listed`."""
    sg = tables.suggestions.c
    return select(sg.segment_id).where(sg.state == "rejected", sg.segment_id.is_not(None))


def listed() -> ColumnElement[bool]:
    """A condition on ``segments`` rows: every coding but the suggester's rejected proposals (see
    :func:`rejected_ids`), which listings (``makna segments``, retrieval, the workbench) and exports
    do not show as codings."""
    return tables.segments.c.id.not_in(rejected_ids())


def counted_where(project: Project, conn: Connection, coder: str | None = None) -> list[ColumnElement[bool]]:
    """The conditions on ``segments`` of the codings an analysis counts (frequencies, matrices,
    co-occurrence, the report, the codebook's and the home page's counts): those the acting coder may
    see (:func:`visible_where`), of ``coder`` when given; without ``coder``, never the suggester's
    proposals, which count once a person accepts them, as that person's coding (name the suggester as
    ``coder`` to count its proposals, the rejected ones left out: :func:`listed`)."""
    conds = visible_where(project, conn)
    seg = tables.segments.c
    if coder:
        conds.append(seg.coder_id == project.coder_id(conn, coder, create=False))
        conds.append(listed())
    else:
        conds.append(seg.coder_id.not_in(suggester_ids()))
    return conds


def visible_memos(project: Project, conn: Connection, viewer: str | None = None) -> ColumnElement[bool]:
    """A condition on ``memos`` rows: those ``viewer`` (default: the acting coder) may see (a memo on
    another coder's hidden coding is hidden with it; none on a source held for de-identification, on a coding of
    it or on a case held with it, unless ``viewer`` is a manager: :func:`makna.holds.shown_memos`)."""
    return and_(sight(project, conn, viewer).memos(), *shown_memos(project, viewer))


def consensus_coder(rnd: Round) -> str:
    """The coder under whom round ``rnd``'s consensus layer is recorded."""
    return f"consensus.{rnd.name}"


def round_scope(project: Project, name: str, **options: Any) -> AgreementScope:
    """The agreement scope of round ``name`` (closed): its sources, the coders who coded them during the
    round (not its consensus coder) and their codings made during it (not a pilot before it, nor what they
    coded after it closed). ``options``: other :class:`AgreementScope` fields (unit...)."""
    from .agreement.project_report import AgreementScope

    rnd = _closed(project, name)
    seg, k, s = tables.segments.c, tables.coders.c, tables.sources.c
    with project.store.read() as conn:
        q = (select(k.name).join(tables.segments, seg.coder_id == k.id)
             .where(seg.created_at >= rnd.opened_at, k.name != consensus_coder(rnd)).distinct())
        if rnd.closed_at is not None:
            q = q.where(seg.created_at <= rnd.closed_at)
        if rnd.sources:
            q = q.where(seg.source_id.in_(rnd.sources))
        coders = sorted(conn.execute(q).scalars())
        sources = [n for n in conn.execute(select(s.name).where(s.id.in_(rnd.sources)).order_by(s.name)).scalars()] \
            if rnd.sources else None
    if len(coders) < 2:
        raise InputError(f"round {rnd.name!r}: agreement needs two coders who coded during the round "
                         f"(found {len(coders)})")
    return AgreementScope(coders=coders, sources=sources, made_between=(rnd.opened_at, rnd.closed_at), **options)


def round_consensus(project: Project, name: str, *, rule: Rule | str = "agreed", accept: str | None = None,
                    dry_run: bool = False, **options: Any) -> Resolution:
    """Build round ``name``'s consensus layer (coder ``consensus.<round>``) with ``rule`` over the
    round's scope (see :func:`makna.agreement.consensus.resolve_bulk`)."""
    from .agreement.consensus import resolve_bulk

    rnd = _closed(project, name)
    if not may_manage(project, project.actor, rnd):
        raise PermissionDeniedError(f"only the round's manager ({rnd.opened_by}) may build its consensus")
    return resolve_bulk(project, round_scope(project, name, **options), rule=rule, accept=accept,
                        consensus=consensus_coder(rnd), dry_run=dry_run)


def _closed(project: Project, name: str) -> Round:
    rnd = get_round(project, name)
    if rnd.is_open and rnd.blind and (project.actor in rnd.blind_coders or not may_manage(project, project.actor, rnd)):
        raise ConflictError(f"round {rnd.name!r} is blind and still open: its agreement is shown once it closes")
    return rnd
