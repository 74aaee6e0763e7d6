"""gate27 (#11): a case linked to a source held for de-identification is held with it, whole, from whoever does not
see held sources: not listed, not found by name, none of its values in a filter, a count, a matrix, a word count, a
pull, a memo or an event; its codings of the sources she does see stay, without it. Managers and the owner see all.
On every backend of the ``project`` fixture, roles attached as a team server attaches them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import makna
from makna.access import Access
from makna.analysis import code_by_attribute, code_by_case, summary_grid, word_frequencies
from makna.cases import list_cases, list_links
from makna.errors import UnknownCaseError
from makna.holds import release_source
from makna.memo_views import search_memos
from makna.memos import add_memo, create_set, events, list_memos, list_sets
from makna.privacy.project import deid_status, field_entries, review_entries
from makna.project import Project
from makna.queries import code_frequencies, retrieve
from makna.sync.server import snapshot
from test_holds import _applied

LATE = "Q: What was hardest?\nA: Standing for hours at the loom in Ambon.\n"


@pytest.fixture
def cases(project: Any, tmp_path: Path) -> Iterator[tuple[Project, Project, Project]]:
    """A de-identified project with case 'Lastri' (linked to 'first'); then 'late' imported (held) and case
    'Yohana' (age 58, a memo, a set) linked to it and to 'first'; both coded. Roles: 'dewi' manager, 'budi' coder.
    Yields (owner, manager, coder)."""
    _applied(project, tmp_path / "k.makna-key")
    makna.add_code(project, "pasar", "Market")
    makna.define_attribute(project, "age", "integer")
    makna.add_case(project, "Lastri", values={"age": 41})
    makna.link_source(project, "Lastri", "first")
    makna.import_text(project, "late", LATE, language="en")
    makna.add_case(project, "Yohana", "weaver, Ambon", values={"age": 58})
    makna.link_source(project, "Yohana", "late")
    makna.link_source(project, "Yohana", "first", 0, 10)
    makna.code_span(project, "first", 0, 10, "pasar")
    makna.code_span(project, "late", 0, 10, "pasar")
    add_memo(project, "case", "Yohana", "Yohana asked for the transcript")
    create_set(project, "wave two", "sources", ["first", "late"])
    project.store.access = Access({"tester": "owner", "dewi": "manager", "budi": "coder"})
    as_ = {name: Project(store=project.store, location=project.location, coder_name=name) for name in ("dewi", "budi")}
    yield project, as_["dewi"], as_["budi"]
    project.store.access = None


def test_a_coder_sees_nothing_of_a_case_linked_to_a_held_source(cases: tuple[Project, Project, Project]) -> None:
    owner, _dewi, budi = cases
    assert [c.name for c in list_cases(budi)] == ["Lastri"]
    assert {link.case_id for link in list_links(budi)} == {list_cases(budi)[0].id}
    for look in (
        lambda: retrieve(budi, case="Yohana"),
        lambda: add_memo(budi, "case", "Yohana", "a note"),
        lambda: list_memos(budi, "case", "Yohana"),
    ):
        with pytest.raises(UnknownCaseError):
            look()
    yohana = next(c.id for c in list_cases(owner) if c.name == "Yohana")
    with pytest.raises(UnknownCaseError):
        retrieve(budi, case=yohana)
    assert not retrieve(budi, attribute=("age", "58"))
    assert [s.cases for s in retrieve(budi, code="pasar")] == [("Lastri",)]  # her coding of 'first', not Yohana
    assert [(f.key, f.segments, f.sources, f.cases) for f in code_frequencies(budi)] == [("pasar", 1, 1, 1)]
    assert code_by_case(budi).columns == ["Lastri"]
    assert code_by_attribute(budi, "age").columns == ["41"]
    assert summary_grid(budi).cases == ["Lastri"]
    assert {w.group for w in word_frequencies(budi, by="case")} == {"Lastri"}
    assert [s.member_ids for s in list_sets(budi)] == [tuple(s.id for s in makna.list_sources(budi))]
    assert not list_memos(budi) and not search_memos(budi, "transcript")
    assert "Yohana" not in str(events(budi, limit=200)) and yohana not in str(events(budi, limit=200))
    pulled = str(snapshot(budi)["tables"])
    assert "Yohana" not in pulled and yohana not in pulled and "Lastri" in pulled


def test_managers_and_the_owner_see_every_case(cases: tuple[Project, Project, Project]) -> None:
    owner, dewi, _budi = cases
    for who in (owner, dewi):
        assert [c.name for c in list_cases(who)] == ["Lastri", "Yohana"]
        assert [s.cases for s in retrieve(who, code="pasar", sources=["first"])] == [("Lastri", "Yohana")]
        assert code_by_case(who).columns == ["Lastri", "Yohana"]
        assert code_by_attribute(who, "age").columns == ["41", "58"]
        assert [f.cases for f in code_frequencies(who)] == [2]
        assert [m.text for m in list_memos(who, "case", "Yohana")] == ["Yohana asked for the transcript"]
        assert "Yohana" in str(snapshot(who)["tables"])


def test_the_case_shows_again_once_its_source_is_released(cases: tuple[Project, Project, Project]) -> None:
    _owner, dewi, budi = cases
    release_source(dewi, "late", "read aloud in the team meeting: it names no one")
    assert [c.name for c in list_cases(budi)] == ["Lastri", "Yohana"]
    assert code_by_attribute(budi, "age").columns == ["41", "58"]
    assert [m.text for m in list_memos(budi, "case", "Yohana")] == ["Yohana asked for the transcript"]


def test_nothing_is_hidden_without_a_team_server(cases: tuple[Project, Project, Project]) -> None:
    owner, _dewi, _budi = cases
    owner.store.access = None  # the researcher's own workbench or command line
    assert [c.name for c in list_cases(owner)] == ["Lastri", "Yohana"]


def test_the_de_identification_review_shows_a_coder_nothing_of_them(cases: tuple[Project, Project, Project]) -> None:
    owner, dewi, budi = cases
    makna.deid_scan(dewi)  # the held source and the new case's fields under review, identifiers in context
    for who in (owner, dewi):
        assert "Ambon" in str(review_entries(who)) and "Yohana" in str(field_entries(who))
        assert [s.source for s in deid_status(who)] == ["first", "late"]
    assert "Ambon" not in str(review_entries(budi)) and "Yohana" not in str(review_entries(budi))
    assert "Yohana" not in str(field_entries(budi)) and "Lastri" in str(field_entries(budi))
    assert [s.source for s in deid_status(budi)] == ["first"]
