"""The coding call's short path (issue 17) keeps every guarantee of a write: one event with its actor,
an undo step per actor that ends the actor's redo stack, errors that name the input, a coder made on
first use; on PostgreSQL a pooled connection that died while resting is replaced, not used."""

from __future__ import annotations

import time
from typing import Any

import pytest
from sqlalchemy import create_engine, func, select, text

import makna
from makna import store as store_mod
from makna.coding import SegmentSpec, code_one
from makna.errors import OffsetError, UnknownCodeError, UnknownSourceError
from makna.history import NothingToUndoError, redo, undo
from makna.store import tables


def _counts(p: makna.Project) -> tuple[int, int, int]:
    with p.store.read() as conn:
        return tuple(conn.execute(select(func.count()).select_from(t)).scalar_one()  # type: ignore[return-value]
                     for t in (tables.segments, tables.events, tables.undo_steps))


def test_one_event_and_undo_step_per_coding(project: makna.Project) -> None:
    p = project
    makna.import_text(p, "s", "P: satu dua tiga empat lima")
    makna.add_code(p, "a")
    before = _counts(p)
    made = code_one(p, SegmentSpec("s", 3, 7, "a"))
    assert _counts(p) == (before[0] + 1, before[1] + 1, before[2] + 1)
    with p.store.read() as conn:
        ev = conn.execute(select(tables.events).order_by(tables.events.c.id.desc()).limit(1)).one()
        step = conn.execute(select(tables.undo_steps).where(tables.undo_steps.c.id == ev.id)).one()
    assert (ev.actor, ev.action, ev.payload["segments"], ev.payload["created"]) == ("tester", "code.span",
                                                                                    [made.id], 1)
    assert (step.actor, step.kind, step.state) == ("tester", "op", "done")
    undo(p)
    assert _counts(p)[0] == before[0]
    redo(p)
    assert makna.get_segment(p, made.id).start == 3
    undo(p)  # an open undo step; a new coding ends the redo stack
    code_one(p, SegmentSpec("s", 8, 11, "a"))
    u = tables.undo_steps.c
    with p.store.read() as conn:
        states = conn.execute(select(u.state).where(u.kind == "undo").order_by(u.id)).scalars().all()
    assert states == ["redone", "dropped"]  # the first undo was redone; the open one went with the new coding
    with pytest.raises(NothingToUndoError, match="nothing to redo"):
        redo(p)


def test_errors_name_the_input_and_change_nothing(project: makna.Project) -> None:
    p = project
    makna.import_text(p, "s", "P: satu dua")
    makna.add_code(p, "a")
    before = _counts(p)
    with pytest.raises(UnknownSourceError, match="'nope'"):
        code_one(p, SegmentSpec("nope", 0, 2, "a"))
    with pytest.raises(UnknownCodeError, match="'zz'"):
        code_one(p, SegmentSpec("s", 0, 2, "zz"))
    with pytest.raises(OffsetError, match="0 <= start < end <= 11"):
        code_one(p, SegmentSpec("s", 5, 12, "a"))
    made = code_one(p, SegmentSpec("s", 0, 2, "a"))
    with pytest.raises(makna.errors.DuplicateCodingError):
        code_one(p, SegmentSpec("s", 0, 2, "a"))
    assert _counts(p) == (before[0] + 1, before[1] + 1, before[2] + 1)
    assert made.coder == "tester"


def test_a_new_coder_is_made_on_first_coding(project: makna.Project) -> None:
    p = project
    makna.import_text(p, "s", "P: satu dua")
    makna.add_code(p, "a")
    made = code_one(p, SegmentSpec("s", 0, 2, "a"), coder="consensus")
    assert made.coder == "consensus"
    assert "consensus" in {c.name for c in p.coders()}
    assert code_one(p, SegmentSpec("s", 3, 5, "a"), coder="consensus").coder == "consensus"


def test_a_resting_connection_that_died_is_replaced(project: makna.Project, monkeypatch: Any) -> None:
    p = project
    if p.store.dialect != "postgresql":
        pytest.skip("server connections only")
    makna.import_text(p, "s", "P: satu dua")
    makna.add_code(p, "a")
    p.store.engine.dispose()
    with p.store.read() as conn:  # the pool's only connection from now on
        pid = conn.execute(text("SELECT pg_backend_pid()")).scalar_one()
    other = create_engine(p.store.url)  # not from the pool: ends the pooled connection
    try:
        with other.begin() as conn:
            assert conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid}).scalar_one()
    finally:
        other.dispose()
    time.sleep(0.2)
    monkeypatch.setattr(store_mod, "_IDLE_PING_SECONDS", 0.0)  # every checkout counts as after a rest
    made = code_one(p, SegmentSpec("s", 0, 2, "a"))  # not an error: the dead connection was replaced
    assert makna.get_segment(p, made.id).end == 2


def test_a_bulk_load_leaves_the_planner_statistics_fresh(project: makna.Project) -> None:
    """A bulk coding that is most of the table refreshes PostgreSQL's statistics in its own
    transaction: without it the planner costs keyset pages on an empty table's statistics and scans
    every coding (until autovacuum comes round). A single coding does not pay for an ANALYZE."""
    p = project
    if p.store.dialect != "postgresql":
        pytest.skip("PostgreSQL's planner statistics (SQLite needs none)")
    src = makna.import_text(p, "s", "P: " + "kata " * 2000)
    makna.add_code(p, "a")

    def planned() -> float:
        with p.store.read() as conn:
            return float(conn.execute(text("SELECT reltuples FROM pg_class WHERE oid = to_regclass('segments')"))
                         .scalar_one())

    code_one(p, SegmentSpec("s", 0, 4, "a"))
    assert planned() <= 0  # never analysed: one coding does not run ANALYZE
    makna.code_many(p, [SegmentSpec("s", i, i + 3, "a") for i in range(1, 1 + 1500)])
    assert planned() >= 1000
    assert src.length > 1500
