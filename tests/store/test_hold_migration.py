"""gate27 (#11): on a project upgraded from before migration 0017, a source imported after the de-identification was
applied was not held (0017 added ``held_at`` empty). Migration 0018 holds each such source, with one ``source.hold``
event, and leaves alone the de-identified sources and those imported before the first apply. A project built at
0016's state (the column dropped by 0017's downgrade) and opened again, on every backend of the ``project`` fixture."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import inspect, select

import makna
from makna.access import Access
from makna.project import Project
from makna.sources import list_sources
from makna.store import schema_head, tables

PASS = "kopi hujan sepeda jendela"
FIRST = "P: Siapa namamu?\nI: Nama saya Rosmaini, dari Pariaman.\n"
LATE = "Q: What was hardest?\nA: Standing for hours. Dr Margaret Fitzgerald told me to rest more.\n"


def _at_0016(proj: Any) -> None:
    from alembic import command

    with proj.store.engine.begin() as conn:
        command.downgrade(proj.store._alembic_config(conn), "0016")
    with proj.store.engine.connect() as conn:
        assert "held_at" not in {c["name"] for c in inspect(conn).get_columns("sources")}


def _holds(proj: Any) -> list[tuple[str, Any]]:
    e = tables.events.c
    with proj.store.read() as conn:
        return [(r.actor, r.payload) for r in conn.execute(select(e.actor, e.payload).where(e.action == "source.hold"))]


def test_an_upgrade_holds_what_was_imported_after_the_apply(project: Any, tmp_path: Path) -> None:
    makna.import_text(project, "before", "P: Apa kabar?\nI: Baik.\n", language="id")
    makna.import_text(project, "first", FIRST, language="id")
    for _ in range(2):
        makna.deid_scan(project, sources=["first"])
        makna.decide_all(project, "accepted")
    makna.deid_apply(project, tmp_path / "k.makna-key", PASS)
    makna.import_text(project, "late", LATE, language="en")
    late_id = makna.get_source(project, "late").id
    _at_0016(project)  # as a server project of round twenty-five: the late source's hold is gone
    project.store._migrate()  # what opening it does
    assert project.store.schema_revision() == schema_head()
    assert [(s.name, s.held) for s in list_sources(project)] == [("before", False), ("first", False), ("late", True)]
    assert _holds(project) == [("makna", {"id": late_id, "reason": _holds(project)[0][1]["reason"]})]
    assert "held by the upgrade" in _holds(project)[0][1]["reason"]
    project.store.access = Access({"tester": "owner", "budi": "coder"})
    try:
        budi = Project(store=project.store, location=project.location, coder_name="budi")
        assert [s.name for s in list_sources(budi)] == ["before", "first"]
        assert "'late'" not in str(makna.events(budi, limit=50))
    finally:
        project.store.access = None


def test_an_upgrade_holds_nothing_in_a_project_never_de_identified(project: Any) -> None:
    makna.import_text(project, "late", LATE, language="en")
    _at_0016(project)
    project.store._migrate()
    assert [(s.name, s.held) for s in list_sources(project)] == [("late", False)] and not _holds(project)
