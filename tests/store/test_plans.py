"""Query plans (issue 17): the listings and counts that must cost the same at any project size are
served by an index, not by a scan of the codings and a sort (SQLite EXPLAIN QUERY PLAN, PostgreSQL
EXPLAIN with sequential scans discouraged, as on a table large enough for the planner to prefer an
index). Checked on the plans instead of timings, which the machine's load would make flaky."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event

import makna
from makna.coding import SegmentSpec
from makna.queries import retrieve_page
from makna.sources import list_sources
from makna.views import code_usage, recent_codes, segments_per_source


@pytest.fixture
def study(project: makna.Project) -> makna.Project:
    p = project
    for i in range(6):
        makna.import_text(p, f"s{i}", f"P: satu dua tiga {i}\nI: empat lima enam tujuh delapan sembilan")
    makna.add_code(p, "a")
    makna.add_code(p, "a.b", parent="a")
    makna.add_code(p, "c")
    makna.code_many(p, [SegmentSpec(f"s{i}", j, j + 4, key) for i in range(6) for j in range(0, 30, 6)
                        for key in ("a", "a.b", "c")])
    return p


@contextmanager
def statements(p: makna.Project) -> Iterator[list[tuple[str, Any]]]:
    seen: list[tuple[str, Any]] = []

    def note(conn: Any, cursor: Any, statement: str, params: Any, context: Any, executemany: bool) -> None:
        seen.append((statement, params))

    event.listen(p.store.engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(p.store.engine, "before_cursor_execute", note)


def plans(p: makna.Project, run: Callable[[], object], touching: str) -> list[str]:
    """The plans of the statements ``run`` makes that read the table ``touching``."""
    with statements(p) as seen:
        run()
    out = []
    with p.store.read() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        cur = raw.cursor()
        if p.store.dialect == "postgresql":
            cur.execute("SET enable_seqscan = off")
            cur.execute("SET enable_sort = off")
        for sql, params in seen:
            if not sql.lstrip().upper().startswith("SELECT") or f"FROM {touching}" not in sql and \
                    f"JOIN {touching}" not in sql:
                continue
            if p.store.dialect == "sqlite":
                cur.execute("EXPLAIN QUERY PLAN " + sql, params)
                out.append("\n".join(str(r[3]) for r in cur.fetchall()))
            else:
                cur.execute("EXPLAIN " + sql, params)
                out.append("\n".join(str(r[0]) for r in cur.fetchall()))
        if p.store.dialect == "postgresql":
            cur.execute("RESET enable_seqscan")
            cur.execute("RESET enable_sort")
        cur.close()
    assert out, f"no statement read {touching}"
    return out


def _no_scan_of_segments(plan: str, dialect: str) -> None:
    """Segments are found by an index condition (a probe), never read whole (a scan of the table or
    of a whole index)."""
    if dialect == "sqlite":
        assert "SCAN segments" not in plan, plan
        return
    lines = plan.splitlines()
    reads = [i for i, line in enumerate(lines) if " on segments" in line or "Index Scan on ix_segments" in line]
    assert reads, plan
    for i in reads:
        assert "Seq Scan" not in lines[i], plan
        depth = len(lines[i]) - len(lines[i].lstrip())
        below = []
        for line in lines[i + 1:]:
            if len(line) - len(line.lstrip()) <= depth:
                break
            below.append(line)
        assert any("Index Cond" in line or "Recheck Cond" in line for line in [lines[i], *below]), plan


@pytest.mark.parametrize("filters", [{}, {"code": "a"}, {"code": "c", "descendants": False}, {"coder": "tester"}])
def test_retrieval_page_probes_segments_by_source(study: makna.Project, filters: dict[str, Any]) -> None:
    first = retrieve_page(study, limit=4, **filters)
    for after in (None, first.next):
        for plan in plans(study, lambda after=after: retrieve_page(study, limit=4, after=after, **filters),
                          "segments"):
            _no_scan_of_segments(plan, study.store.dialect)


def test_counts_read_the_tallies_not_the_codings(study: makna.Project) -> None:
    for run in (lambda: code_usage(study), lambda: segments_per_source(study)):
        with statements(study) as seen:
            run()
        assert not any("segments" in sql.replace("source_tallies", "") for sql, _ in seen), seen


def test_recent_codes_use_the_coder_index(study: makna.Project) -> None:
    for plan in plans(study, lambda: recent_codes(study), "segments"):
        _no_scan_of_segments(plan, study.store.dialect)
        assert "ix_segments_coder_id_code_id_created_at" in plan, plan


def test_source_and_event_pages_follow_their_index(study: makna.Project) -> None:
    page = list_sources(study, limit=2)
    from makna.sources import source_cursor

    for plan in plans(study, lambda: list_sources(study, limit=2, after=source_cursor(page[-1])), "sources"):
        if study.store.dialect == "sqlite":
            assert "TEMP B-TREE" not in plan and "USING INDEX sqlite_autoindex_sources" in plan, plan
        else:
            assert "Index" in plan and "Sort" not in plan.split("SubPlan")[0], plan
    for plan in plans(study, lambda: makna.events(study, limit=3, before=5), "events"):
        if study.store.dialect == "sqlite":
            assert "TEMP B-TREE" not in plan and "PRIMARY KEY" in plan or "INTEGER PRIMARY KEY" in plan, plan
        else:
            assert "Index Scan Backward using pk_events" in plan, plan
