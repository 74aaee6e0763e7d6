"""live27 (#11): the shared live log keeps the ids of the sources held for de-identification (makna.holds) in its
window, read in a thread with the events; a stream's reader, decided once to see held sources or not, is served
from memory with no query and no role lookup. A coder's window never carries a held source's import or codings, a
manager's does, a release shows it. On SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

import makna
from makna.access import Access, Role
from makna.holds import release_source
from makna.live import Changes, LiveLog, changes_after, latest_id
from makna.project import Project
from makna.web.routes_live import _read
from test_holds import LATE, _applied

ROLES: dict[str, Role] = {"tester": "owner", "dewi": "manager", "budi": "coder"}


class _Lookups:
    """A team server's roles that count their lookups (and can refuse to be asked)."""

    def __init__(self) -> None:
        self.asked = 0
        self.refuse = False

    def __call__(self, actor: str) -> Role | None:
        assert not self.refuse, "a role lookup on the memory path"
        self.asked += 1
        return ROLES.get(actor)


@pytest.fixture
def team(project: Any, tmp_path: Path) -> Iterator[tuple[Project, Project, Project, _Lookups]]:
    """The project (its owner 'tester'), de-identified, with a team server's roles: 'dewi' manager, 'budi' coder.
    Yields (owner, manager, coder, the role lookups)."""
    _applied(project, tmp_path / "k.makna-key")
    makna.add_code(project, "rest", "Rest")
    lookups = _Lookups()
    project.store.access = Access(lookups)
    as_ = {name: Project(store=project.store, location=project.location, coder_name=name) for name in ("dewi", "budi")}
    yield project, as_["dewi"], as_["budi"], lookups
    project.store.access = None


def _names(got: Changes) -> str:
    return str(got.changes)


def _held_import(owner: Project) -> str:
    """Import the late answer (held: the project is de-identified) and code it as the owner; its id."""
    makna.import_text(owner, "late", LATE, language="en")
    start = LATE.index("Dr Margaret")
    makna.code_span(owner, "late", start, start + 30, "rest")
    return makna.get_source(owner, "late").id


def test_a_coders_window_never_carries_a_held_source(team: tuple[Project, Project, Project, _Lookups]) -> None:
    owner, dewi, budi, _lookups = team
    log = LiveLog(owner)
    start = log.top
    sid = _held_import(owner)
    log.refresh(owner, latest_id(owner))
    for who, hides in ((budi, True), (dewi, False)):
        for got in (log.read(who, start, hides=hides), log.read(who, start)):  # decided by the stream, or here
            assert got.changes == changes_after(who, start).changes and got.last == latest_id(owner)
    assert sid not in _names(log.read(budi, start, hides=True)) and "late" not in _names(log.read(budi, start))
    manager = log.read(dewi, start, hides=False)
    assert sid in _names(manager) and {c.action for c in manager.changes} >= {"source.import", "code.span"}
    # a release shows it: the release itself and what follows on the source reach the coder's window
    mark = log.top
    release_source(dewi, "late", "it names no one")
    makna.code_span(owner, "late", 0, 9, "rest")
    log.refresh(owner, latest_id(owner))
    after = log.read(budi, mark, hides=True)
    assert [c.action for c in after.changes] == ["source.release", "code.span"] and sid in _names(after)
    assert after.changes == changes_after(budi, mark).changes


def test_a_hold_read_with_the_events_it_follows(team: tuple[Project, Project, Project, _Lookups]) -> None:
    owner, _dewi, budi, _lookups = team
    log = LiveLog(owner)
    start = log.top
    makna.code_span(owner, "first", 0, 5, "rest")  # a coding alone keeps the held ids: none
    log.refresh(owner, latest_id(owner))
    sid = _held_import(owner)  # then an import, in a later read of the window
    log.refresh(owner, latest_id(owner))
    got = log.read(budi, start, hides=True)
    assert [c.action for c in got.changes] == ["code.span"] and sid not in _names(got)


@pytest.fixture
def counted(team: tuple[Project, Project, Project, _Lookups]) -> Iterator[tuple[LiveLog, int, list[str]]]:
    """A window over a held source's import and codings, read; then every statement the project's engine runs and
    every connection it opens or takes from its pool are noted (and a role lookup fails)."""
    owner, _dewi, _budi, lookups = team
    log = LiveLog(owner)
    start = log.top
    _held_import(owner)
    makna.code_span(owner, "first", 0, 5, "rest")
    log.refresh(owner, latest_id(owner))
    seen: list[str] = []

    def statement(conn: Any, cursor: Any, sql: str, *args: Any) -> None:
        seen.append(sql)

    def connection(*args: Any) -> None:
        seen.append("connection")

    engine = owner.store.engine
    hooks = (("before_cursor_execute", statement), ("connect", connection), ("checkout", connection))
    for name, fn in hooks:
        event.listen(engine, name, fn)
    lookups.refuse = True
    try:
        yield log, start, seen
    finally:
        lookups.refuse = False
        for name, fn in hooks:
            event.remove(engine, name, fn)


def test_the_memory_path_touches_no_database(
    team: tuple[Project, Project, Project, _Lookups], counted: tuple[LiveLog, int, list[str]]
) -> None:
    _owner, dewi, budi, _lookups = team
    log, start, seen = counted
    coder = asyncio.run(_read(log, budi, start, log.top, True))  # what a stream runs in the event loop
    manager = asyncio.run(_read(log, dewi, start, log.top, False))
    assert seen == []
    assert [c.action for c in coder.changes] == ["code.span"] and len(manager.changes) == 3


def test_a_coders_window_never_names_a_case_of_a_held_source(team: tuple[Project, Project, Project, _Lookups]) -> None:
    """gate27 holds a case linked to a held source whole (its name and values can say who was interviewed): the live
    window leaves out its link and its later changes for a coder, as every reading path does."""
    owner, dewi, budi, _lookups = team
    log = LiveLog(owner)
    start = log.top
    _held_import(owner)
    case = makna.add_case(owner, "Informant of the late answer")
    log.refresh(owner, latest_id(owner))  # the window now holds the case's add, not yet linked: not held
    makna.link_source(owner, case.name, "late")
    makna.set_values(owner, case.name, {})
    log.refresh(owner, latest_id(owner))
    coder = log.read(budi, start, hides=True)
    assert case.id not in _names(coder) and "Informant of the late answer" not in _names(coder)
    assert coder.changes == changes_after(budi, start).changes
    assert {"case.link", "case.values"} <= {c.action for c in log.read(dewi, start, hides=False).changes}
