"""The shared live log (#14): each new event is read from the database once, whatever the number of
streams and viewers; every reader then gets the same changes as changes_after, from memory; a
reader from before the window reads the log itself; ``limit`` pages it. On SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

import makna
from makna.live import LiveLog, changes_after, latest_id

TEXT = "Saya senang sekali. Kami di pasar. Hari ini hujan.\n"


@contextmanager
def _statements(project: Any) -> Iterator[list[str]]:
    """The SQL statements ``project``'s engine runs meanwhile."""
    seen: list[str] = []

    def note(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(statement)

    engine = project.store.engine
    event.listen(engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", note)


def test_one_read_serves_every_viewer(project: Any) -> None:
    makna.import_text(project, "a.txt", TEXT, language="id")
    makna.add_code(project, "emosi", "Emosi")
    log = LiveLog(project)
    start = log.top
    viewers = [makna.open_project(project.location, coder=f"coder{i}") for i in range(5)]
    try:
        for i, p in enumerate(viewers):
            makna.code_span(p, "a.txt", i, i + 5, "emosi")
        latest = latest_id(project)
        with _statements(project) as first:
            log.refresh(project, latest)
        assert any("events" in s for s in first)
        with _statements(project) as later:
            for p in viewers:  # every stream of every viewer: from memory
                got = log.read(p, start, latest)
                assert got.changes == changes_after(p, start).changes and got.last == latest
                assert [c.actor for c in got.changes] == [f"coder{i}" for i in range(5)]
            log.refresh(project, latest)  # current already: nothing to read
        assert later == []
    finally:
        for p in viewers:
            p.close()


def test_paging_and_a_reader_from_before_the_window(project: Any) -> None:
    makna.import_text(project, "a.txt", TEXT, language="id")
    makna.add_code(project, "emosi", "Emosi")
    before = latest_id(project)
    for i in range(5):
        makna.code_span(project, "a.txt", i, i + 3, "emosi")
    log = LiveLog(project, after=before + 2)  # the window starts at the third coding
    latest = latest_id(project)
    first = log.read(project, before + 2, latest, limit=2)
    assert first.more and len(first.changes) == 2
    rest = log.read(project, first.last, latest, limit=2)
    assert not rest.more and rest.last == latest
    assert [c.id for c in first.changes + rest.changes] == [c.id for c in changes_after(project, before + 2).changes]
    assert log.behind(before)  # its first codings left the window: read from the log itself
    assert log.read(project, before, latest, limit=1000).changes == changes_after(project, before).changes


def test_a_split_code_tells_open_pages_to_reload(project: Any) -> None:
    """A split moves codings to new codes: an open page shows them under the old code until it reloads (team28)."""
    makna.import_text(project, "a.txt", TEXT, language="id")
    makna.add_code(project, "emosi", "Emosi")
    seg = makna.code_span(project, "a.txt", 0, 5, "emosi")
    after = latest_id(project)
    makna.split_code(project, "emosi", [makna.SplitPart("emosi.senang", segments=(seg.id,))])
    change = changes_after(project, after).changes[-1]
    assert change.data["reload"] is True
