"""Sources held for de-identification (gate26, #11; trial15 problem 2).

In a project whose de-identification was applied, a source imported afterwards holds every name and number as
written. It is *held* from its import (``sources.held_at``, set in the import's own transaction, its
``source.import`` event saying ``held``) until its de-identification is applied (the ``deid.apply`` event says
``released``) or a manager releases it (:func:`release_source`: a ``source.release`` event with the actor and the
reason, e.g. "it names no one"). A manager may also hold a source by hand (:func:`hold_source`: a ``source.hold``
event with the actor and the reason), one imported before the first apply and never de-identified, say.

While it is held, no one without the manager role (a coder or a viewer of a team server) lists, opens, searches,
codes, retrieves or pulls it: :meth:`makna.project.Project.source_row` answers "unknown source" (a 404 on the
workbench), listings and searches leave it out (:func:`shown_sources`), the codings on it are not visible
(:func:`makna.rounds.visible`), a pull leaves it out (:func:`makna.sync.server.snapshot`). Managers and the
owner, the local workbench and the command line (the researcher herself) keep working on it, flagged "held: not
de-identified yet" with what releases it.

What leaves the project is never silent about it (:func:`require_none_held`): a report, an export of the codings or
of the whole project and a coder's copy are refused, for everyone, while a source is held, with one line that
names how many and what to do (apply, or release). A report or an export is read by people who assume the project
de-identified; leaving the held source out silently would make them wrong about what it covers, and carrying it
would put its names in front of them.

A **case** linked to a held source is held with it, whole (gate27): its name, description, attribute values and
links say who was just interviewed as well as the source's name would. Whoever does not see held sources does not
see such a case: not listed (:func:`shown_cases`), "unknown case" by name or id
(:meth:`makna.project.Project.case_id`), none of its values in a filter, a count, a matrix or a pull
(:func:`hidden_cases` on any column holding a case id), no memo on it nor on the held source or its codings
(:func:`shown_memos`), no event naming it (:func:`hidden_ids`). Its codings of sources she does see stay visible,
without the case. It shows again, as it was, once every source it is linked to is de-identified or released.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from sqlalchemy import ColumnElement, Connection, Select, and_, func, not_, or_, select, true, update

from .access import can
from .errors import ConflictError, InputError
from .model import utcnow
from .store import tables

if TYPE_CHECKING:
    from .project import Project

__all__ = [
    "HELD_FLAG",
    "RELEASE_HINT",
    "held_ids",
    "held_names",
    "count_held",
    "is_held",
    "hides_held",
    "shown_sources",
    "hidden_from",
    "held_case_ids",
    "held_and_case_ids",
    "hidden_ids",
    "hidden_cases",
    "shown_cases",
    "shown_memos",
    "on_held",
    "shown_reviews",
    "mark_held",
    "release_applied",
    "release_source",
    "hold_source",
    "require_none_held",
]

#: How a held source is flagged (the workbench translates it).
HELD_FLAG = "held: not de-identified yet"
#: What releases a held source.
RELEASE_HINT = (
    "scan it, review, then apply with the project's key ('makna deid scan', 'makna deid apply' or the "
    "De-identify page); or, when it holds no identifier, release it ('makna sources release')"
)


def _held() -> ColumnElement[bool]:
    return tables.sources.c.held_at.is_not(None)


def held_ids(conn: Connection) -> list[str]:
    """The ids of the held sources."""
    return [str(i) for i in conn.execute(select(tables.sources.c.id).where(_held())).scalars()]


def held_names(conn: Connection) -> list[str]:
    """The names of the held sources, by name."""
    s = tables.sources.c
    return [str(n) for n in conn.execute(select(s.name).where(_held()).order_by(s.name)).scalars()]


def count_held(conn: Connection) -> int:
    """How many sources are held."""
    return int(conn.execute(select(func.count()).select_from(tables.sources).where(_held())).scalar() or 0)


def is_held(conn: Connection, source_id: str) -> bool:
    """Whether the source ``source_id`` is held (through the index of the few held ones: not the source's row)."""
    return source_id in held_ids(conn)


def hides_held(project: Project, actor: str | None = None) -> bool:
    """Whether ``actor`` (default: the acting user) may not see held sources: anyone without the manager role
    (never in a project opened locally, whose single user is its owner)."""
    return project.store.access is not None and not can(project, "manage", actor)


def hidden_from(project: Project, column: Any, actor: str | None = None) -> list[ColumnElement[bool]]:
    """Conditions for ``where(*...)`` on a column holding a source id (``segments.source_id``, ``turns.source_id``
    ...): the rows of sources ``actor`` (default: the acting user) may see; empty when they see every source."""
    if not hides_held(project, actor):
        return []
    return [column.not_in(select(tables.sources.c.id).where(_held()))]


def shown_sources(project: Project) -> list[ColumnElement[bool]]:
    """:func:`hidden_from` on ``sources.id``: the sources the acting user may list."""
    return hidden_from(project, tables.sources.c.id)


def _held_sources() -> Select[Any]:
    return select(tables.sources.c.id).where(_held())


def _held_cases() -> Select[Any]:
    cl = tables.case_links.c
    return select(cl.case_id).where(cl.source_id.in_(_held_sources()))


def held_case_ids(conn: Connection) -> list[str]:
    """The ids of the cases linked to a held source (held with it)."""
    return [str(i) for i in conn.execute(_held_cases().distinct()).scalars()]


def held_and_case_ids(conn: Connection) -> set[str]:
    """The ids of the held sources and of the cases held with them: what :func:`hidden_ids` hides, read once for
    every viewer who does not see held sources (the live feed's window)."""
    return {*held_ids(conn), *held_case_ids(conn)}


def hidden_ids(project: Project, conn: Connection, actor: str | None = None) -> set[str]:
    """The ids ``actor`` (default: the acting user) may not see: the held sources and the cases linked to them;
    empty when they see every source. For what is filtered in memory (an event's payload, a change of the feed)."""
    return held_and_case_ids(conn) if hides_held(project, actor) else set()


def hidden_cases(project: Project, column: Any, actor: str | None = None) -> list[ColumnElement[bool]]:
    """Conditions for ``where(*...)`` on a column holding a case id (``cases.id``, ``case_links.case_id``,
    ``case_values.case_id``): the rows of the cases ``actor`` (default: the acting user) may see, those linked to
    no held source; empty when they see every source."""
    if not hides_held(project, actor):
        return []
    return [column.not_in(_held_cases())]


def shown_cases(project: Project) -> list[ColumnElement[bool]]:
    """:func:`hidden_cases` on ``cases.id``: the cases the acting user may list."""
    return hidden_cases(project, tables.cases.c.id)


def shown_memos(project: Project, actor: str | None = None) -> list[ColumnElement[bool]]:
    """Conditions for ``where(*...)`` on ``memos``: none on a held source, on a coding of one or on a case held with
    one, for ``actor`` (default: the acting user); empty when they see every source."""
    if not hides_held(project, actor):
        return []
    m, seg = tables.memos.c, tables.segments.c
    on_held = select(seg.id).where(seg.source_id.in_(_held_sources()))
    return [or_(m.target_id.is_(None),
                and_(m.target_kind != "source", m.target_kind != "case", m.target_kind != "segment"),
                and_(m.target_kind == "source", m.target_id.not_in(_held_sources())),
                and_(m.target_kind == "case", m.target_id.not_in(_held_cases())),
                and_(m.target_kind == "segment", m.target_id.not_in(on_held)))]


def on_held(conn: Connection, kind: str, target_id: str | None) -> bool:
    """Whether a memo on ``kind`` ``target_id`` would be on a held source, on a case held with one or on a coding
    of one: what :func:`shown_memos` hides, for a memo not written yet (a coder's push)."""
    if target_id is None or kind not in ("source", "case", "segment"):
        return False
    if kind == "case":
        return conn.execute(_held_cases().where(tables.case_links.c.case_id == target_id).limit(1)).first() is not None
    if kind == "segment":
        seg = tables.segments.c
        target_id = conn.execute(select(seg.source_id).where(seg.id == target_id)).scalar()
    return target_id is not None and is_held(conn, str(target_id))


class _Reviewed(Protocol):
    @property
    def source_id(self) -> str: ...


_R = TypeVar("_R", bound=_Reviewed)


def shown_reviews(project: Project, conn: Connection, states: Sequence[_R]) -> list[_R]:
    """``states`` (de-identification reviews: of a source, by its id, or of a free-text field value, by
    ``table|row key|column``) less those ``project``'s acting user may not see: of a held source, of its name, of a
    case held with it (name, description, attribute values), of a memo on either or of a coding's memo on it. The
    review shows identifiers with their context: a manager's reading of a held source only."""
    if not hides_held(project):
        return list(states)
    sources, cases = set(held_ids(conn)), set(held_case_ids(conn))
    m, seg = tables.memos.c, tables.segments.c
    memos = set(conn.execute(select(m.id).where(not_(and_(true(), *shown_memos(project))))).scalars())
    segments = set(conn.execute(select(seg.id).where(seg.source_id.in_(_held_sources()))).scalars())
    rows = {"sources": sources, "cases": cases, "case_values": cases, "memos": memos, "segments": segments}

    def shown(key: str) -> bool:
        table, bar, rest = key.partition("|")
        if not bar:  # a source's review, by its id
            return key not in sources
        return rest.split("|")[0].split("/")[0] not in rows.get(table, set())

    return [st for st in states if shown(str(st.source_id))]


def mark_held(conn: Connection) -> Any:
    """The ``held_at`` an import writes now: the time when a de-identification was applied in the project (the
    new sources are not), else None."""
    from .sources import any_deidentified

    return utcnow() if any_deidentified(conn) else None


def release_applied(conn: Connection, source_id: str) -> bool:
    """Clear the hold of ``source_id`` once its de-identification is applied (in the apply's transaction); whether
    it was held."""
    s = tables.sources.c
    done = conn.execute(update(tables.sources).where(s.id == source_id, _held()).values(held_at=None))
    return bool(done.rowcount)


def _reason(reason: str, why_needed: str, example: str) -> str:
    why = " ".join(reason.split())
    if not why:
        raise InputError(f"give the reason for {why_needed} (--reason): e.g. {example!r}")
    return why


def release_source(project: Project, name_or_id: str, reason: str) -> str:
    """Release the held source ``name_or_id`` without a de-identification (it holds no identifier, say): a manager's
    decision, with its ``reason``, recorded in one ``source.release`` event (the actor, the source's id and the
    reason). Returns the source's name. Refused when it is not held or no reason is given."""
    payload: dict[str, Any] = {"reason": _reason(reason, "releasing it", "it names no one")}
    with project.store.write(project.actor, "source.release", payload) as conn:
        row = project.source_row(conn, name_or_id)
        if not is_held(conn, row.id):
            raise ConflictError(f"source {row.name!r} is not held for de-identification: nothing to release")
        conn.execute(update(tables.sources).where(tables.sources.c.id == row.id).values(held_at=None))
        payload["id"] = row.id
    return row.name


def hold_source(project: Project, name_or_id: str, reason: str) -> str:
    """Hold the source ``name_or_id`` for de-identification by hand (imported before the first apply and never
    de-identified, say, or found to name someone after all): a manager's decision, with its ``reason``, recorded in
    one ``source.hold`` event (the actor, the source's id and the reason), as the upgrade to schema 0018 holds a
    late import. From then on it is held as an import after the apply is (see the module), until its
    de-identification is applied or :func:`release_source` releases it. Returns the source's name. Refused when it
    is held already or no reason is given."""
    payload: dict[str, Any] = {"reason": _reason(reason, "holding it", "it names her sister")}
    with project.store.write(project.actor, "source.hold", payload) as conn:
        row = project.source_row(conn, name_or_id)
        if is_held(conn, row.id):
            raise ConflictError(f"source {row.name!r} is held for de-identification already: {RELEASE_HINT}")
        conn.execute(update(tables.sources).where(tables.sources.c.id == row.id).values(held_at=utcnow()))
        payload["id"] = row.id
    return row.name


def require_none_held(project: Project, what: str) -> None:
    """Refuse (:class:`~makna.errors.ConflictError`, one line) ``what`` (a report, an export, a coder's copy) while
    a source of ``project`` is held: it would carry the source's names as written, or leave it out unsaid."""
    with project.store.read() as conn:
        n = count_held(conn)
    if n:
        raise ConflictError(
            f"{what} is refused while {n} source(s) imported after the de-identification are held, not "
            f"de-identified yet (see 'makna sources'): {RELEASE_HINT}"
        )
