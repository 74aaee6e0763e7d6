"""gate27's leftovers (#11): a memo pushed from a coder's copy onto a held case (or a held source, or a coding of one)
is refused as a held source's coding is; a manager holds a source by hand ('source.hold', with the reason; refused for
a coder; listed by the audit); a case linked to a held source after its creation, or whose source is held after the
link, is held from that moment on every reading path. On every backend of the ``project`` fixture, roles attached as
a team server attaches them."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

import makna
from makna.access import Access
from makna.analysis import code_by_attribute, code_by_case, summary_grid, word_frequencies
from makna.cases import list_cases, list_links
from makna.errors import ConflictError, InputError, PermissionDeniedError, UnknownCaseError, UnknownSourceError
from makna.holds import count_held, hold_source, release_source
from makna.memo_views import search_memos
from makna.memos import add_memo, events, list_memos
from makna.privacy.audit import deid_audit
from makna.privacy.project import field_entries
from makna.project import Project
from makna.queries import code_frequencies, retrieve
from makna.sources import get_source, list_sources
from makna.store import tables
from makna.sync.rows import SYNC_FORMAT
from makna.sync.server import apply_push, snapshot
from test_case_holds import LATE, cases  # noqa: F401 (the fixture)
from test_holds import _applied


def _as(project: Project, *names: str) -> list[Project]:
    project.store.access = Access({"tester": "owner", "dewi": "manager", "budi": "coder"})
    return [Project(store=project.store, location=project.location, coder_name=n) for n in names]


def _memo_push(owner: Project, kind: str, target: str) -> dict[str, Any]:
    row = {
        "target_kind": kind,
        "target_id": target,
        "title": "",
        "text": "asked about the loom",
        "created_at": "2026-12-07T10:00:00+00:00",
    }
    return {
        "format": SYNC_FORMAT,
        "schema": owner.store.schema_revision(),
        "coder": "budi",
        "project_id": owner.info().id,
        "high_water": 0,
        "sources": {},
        "codes": {},
        "changes": [{"kind": "memo", "id": str(uuid.uuid4()), "op": "put", "base": None, "row": row}],
    }


def _memos(project: Project) -> int:
    with project.store.read() as conn:
        return int(conn.execute(select(func.count()).select_from(tables.memos)).scalar() or 0)


def test_a_memo_pushed_onto_a_held_case_source_or_coding_is_refused(
    cases: tuple[Project, Project, Project],  # noqa: F811 (the fixture)
) -> None:
    owner, _dewi, budi = cases
    ids = {c.name: c.id for c in list_cases(owner)}
    late = get_source(owner, "late").id
    on_late = next(s.id for s in retrieve(owner, code="pasar") if s.source == "late")
    before = _memos(owner)
    for kind, target in (("case", ids["Yohana"]), ("source", late), ("segment", on_late)):
        result = apply_push(budi, _memo_push(owner, kind, target))
        assert result.added == 0 and [c.reason for c in result.conflicts] == ["target_deleted"], kind
        assert "Yohana" not in str(result.conflicts) and "late" not in str(result.conflicts)
    assert _memos(owner) == before
    assert apply_push(budi, _memo_push(owner, "case", ids["Lastri"])).added == 1  # a case she sees
    owner.store.access = None
    assert apply_push(owner, {**_memo_push(owner, "case", ids["Yohana"]), "coder": "tester"}).added == 1


@pytest.fixture
def late(project: Any, tmp_path: Path) -> Iterator[Project]:
    """A de-identified project ('first'), then 'late' imported and released (it named no one), coded."""
    _applied(project, tmp_path / "k.makna-key")
    makna.add_code(project, "pasar", "Market")
    makna.import_text(project, "late", LATE, language="en")
    release_source(project, "late", "read in the team meeting")
    makna.code_span(project, "late", 0, 10, "pasar")
    yield project
    project.store.access = None


def test_a_manager_holds_a_source_by_hand(late: Project) -> None:
    dewi, budi = _as(late, "dewi", "budi")
    with pytest.raises(PermissionDeniedError):
        hold_source(budi, "late", "it names her aunt")
    with pytest.raises(InputError, match="reason"):
        hold_source(dewi, "late", " ")
    assert hold_source(dewi, "late", "it names her aunt after all") == "late"
    with pytest.raises(ConflictError, match="held for de-identification already") as info:
        hold_source(dewi, "late", "again")
    assert "\n" not in str(info.value)
    with late.store.read() as conn:
        assert count_held(conn) == 1
    assert [s.name for s in list_sources(budi)] == ["first"]
    with pytest.raises(UnknownSourceError):
        get_source(budi, "late")
    event = events(dewi, limit=1, action="source.hold")[0]
    assert event.actor == "dewi" and event.payload["reason"] == "it names her aunt after all"
    listed = [(e.action, e.actor, e.source) for e in deid_audit(dewi).events if e.action.startswith("source.")]
    assert listed == [("source.release", "tester", "late"), ("source.hold", "dewi", "late")]
    assert "aunt" not in str(deid_audit(dewi).as_dict())  # the reason is free text: not in the audit
    release_source(dewi, "late", "checked again: no one")
    assert [s.name for s in list_sources(budi)] == ["first", "late"]


@pytest.mark.parametrize("how", ["linked", "held"])
def test_a_case_is_held_from_the_moment_it_is_linked_to_a_held_source(late: Project, how: str) -> None:
    """``linked``: the case, seen by the coder, is linked to a source held already; ``held``: it is linked to a
    released source that a manager then holds by hand."""
    owner = late
    makna.define_attribute(owner, "age", "integer")
    makna.add_case(owner, "Sari", "seamstress, Ambon", values={"age": 33})
    makna.link_source(owner, "Sari", "first")
    add_memo(owner, "case", "Sari", "Sari asked for the transcript")
    makna.code_span(owner, "first", 0, 5, "pasar")
    dewi, budi = _as(owner, "dewi", "budi")
    assert [c.name for c in list_cases(budi)] == ["Sari"]  # seen, before
    if how == "linked":
        hold_source(dewi, "late", "it names her aunt")
        makna.link_source(dewi, "Sari", "late")
    else:
        makna.link_source(dewi, "Sari", "late")
        assert [c.name for c in list_cases(budi)] == ["Sari"]
        hold_source(dewi, "late", "it names her aunt")
    sari = next(c.id for c in list_cases(owner))
    assert not list_cases(budi) and not list_links(budi)
    for look in (
        lambda: retrieve(budi, case="Sari"),
        lambda: retrieve(budi, case=sari),
        lambda: list_memos(budi, "case", "Sari"),
        lambda: add_memo(budi, "case", "Sari", "a note"),
    ):
        with pytest.raises(UnknownCaseError):
            look()
    assert not retrieve(budi, attribute=("age", "33"))
    assert [s.cases for s in retrieve(budi, code="pasar")] == [()]  # her coding of 'first', without the case
    assert [f.cases for f in code_frequencies(budi)] == [0]
    assert code_by_case(budi).columns == [] and code_by_attribute(budi, "age").columns == []
    assert summary_grid(budi).cases == [] and not {w.group for w in word_frequencies(budi, by="case")}
    assert not list_memos(budi) and not search_memos(budi, "transcript")
    assert "Sari" not in str(events(budi, limit=200)) and sari not in str(events(budi, limit=200))
    assert "Sari" not in str(field_entries(budi)) and "Sari" in str(field_entries(dewi))
    pulled = str(snapshot(budi)["tables"])
    assert "Sari" not in pulled and sari not in pulled
    assert [c.name for c in list_cases(dewi)] == ["Sari"]
