"""Blind coding rounds: coders do not see each other until the round closes; agreement and consensus
per round; versioned code and case edits refuse a stale copy (#14). On SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest

import makna
from makna.errors import ConflictError, NotFoundError, PermissionDeniedError, StaleEditError
from makna.live import changes_after
from makna.queries import retrieve
from makna.rounds import close_round, list_rounds, open_round, round_consensus, round_scope
from makna.views import source_segments

TEXT = "Saya senang sekali. Kami di pasar. Hari ini hujan.\n"


def _as(project: Any, coder: str) -> Any:
    return makna.open_project(project.location, coder=coder)


@pytest.fixture
def team(project: Any) -> Any:
    makna.import_text(project, "a.txt", TEXT, language="id")
    makna.import_text(project, "b.txt", "Lain cerita di sini.\n", language="id")
    makna.add_code(project, "emosi", "Emosi")
    return project


def test_blind_round_hides_other_coders_until_it_closes(team: Any) -> None:
    lead, ani, budi = _as(team, "lead"), _as(team, "ani"), _as(team, "budi")
    try:
        rnd = open_round(lead, "r1", sources=["a.txt"])
        assert rnd.blind and rnd.is_open
        makna.code_span(ani, "a.txt", 0, 18, "emosi")
        seg_b = makna.code_span(budi, "a.txt", 0, 18, "emosi").id
        makna.code_span(budi, "b.txt", 0, 4, "emosi")  # outside the round: visible to all
        assert [s.coder for s in source_segments(ani, "a.txt")] == ["ani"]
        assert [s.coder for s in source_segments(budi, "a.txt")] == ["budi"]
        assert sorted(s.coder for s in source_segments(lead, "a.txt")) == ["ani", "budi"]  # the manager
        assert [s.coder for s in source_segments(ani, "b.txt")] == ["budi"]
        assert {r.coder for r in retrieve(ani, code="emosi")} == {"ani", "budi"}
        assert {(r.coder, r.source) for r in retrieve(ani, code="emosi")} == {("ani", "a.txt"), ("budi", "b.txt")}
        with pytest.raises(NotFoundError):
            makna.get_segment(ani, seg_b)
        seen = changes_after(ani, 0).changes
        added = [s for c in seen if c.kind == "segments.add" for s in c.data["segments"]]
        assert {(s["coder"], s["source_id"]) for s in added} == {("ani", source_id(team, "a.txt")),
                                                                  ("budi", source_id(team, "b.txt"))}
        with pytest.raises(PermissionDeniedError):
            close_round(ani, "r1")
        with pytest.raises(ConflictError):
            open_round(lead, "r2")
        with pytest.raises(ConflictError):  # no agreement of a blind round while it is open
            round_scope(ani, "r1")
        close_round(lead)
        assert sorted(s.coder for s in source_segments(ani, "a.txt")) == ["ani", "budi"]
        assert [r.name for r in list_rounds(ani)] == ["r1"] and not list_rounds(ani)[0].is_open
        scope = round_scope(lead, "r1", unit="sentence")
        assert list(scope.coders or []) == ["ani", "budi"] and list(scope.sources or []) == ["a.txt"]
        res = round_consensus(lead, "r1", rule="agreed", unit="sentence")
        assert res.consensus == "consensus.r1" and res.created == 1
        assert [s.coder for s in source_segments(lead, "a.txt") if s.coder.startswith("consensus")] == ["consensus.r1"]
    finally:
        for p in (lead, ani, budi):
            p.close()


def source_id(project: Any, name: str) -> str:
    return str(makna.get_source(project, name).id)


def test_stale_code_and_case_edits_are_refused(team: Any) -> None:
    ani, budi = _as(team, "ani"), _as(team, "budi")
    try:
        code = makna.get_code(ani, "emosi")
        assert code.version == 1
        assert makna.update_code(ani, "emosi", name="Perasaan", expected_version=1).version == 2
        with pytest.raises(StaleEditError) as info:
            makna.update_code(budi, "emosi", color="#E15759", expected_version=1)
        assert info.value.detail["changed_by"] == "ani" and info.value.detail["version"] == 2
        assert info.value.detail["current"]["name"] == "Perasaan"  # type: ignore[index]
        assert isinstance(info.value, ConflictError)
        assert makna.get_code(budi, "emosi").color != "#E15759"  # nothing written
        with pytest.raises(StaleEditError):
            makna.move_code(budi, "emosi", None, expected_version=1)
        makna.define_attribute(ani, "umur", "integer")
        case = makna.add_case(ani, "Ani", values={"umur": 24})
        assert case.version == 1
        makna.set_values(ani, "Ani", {"umur": 25}, expected_version=1)
        with pytest.raises(StaleEditError) as info:
            makna.set_values(budi, "Ani", {"umur": 30}, expected_version=1)
        assert info.value.detail["current"]["values"] == {"umur": 25}  # type: ignore[index]
        assert makna.list_cases(budi)[0].values == {"umur": 25}
    finally:
        ani.close()
        budi.close()


def test_exports_and_agreement_wait_for_a_blind_round_to_close(team: Any, tmp_path: Any) -> None:
    lead, ani = _as(team, "lead"), _as(team, "ani")
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    try:
        open_round(lead, "r1")
        for attempt in (lambda: makna.export_qdpx(ani, tmp_path / "p.qdpx"),
                        lambda: makna.write_segments_csv(ani, tmp_path / "s.csv"),
                        lambda: makna.write_json(ani, tmp_path / "p.json"),
                        lambda: makna.project_agreement(ani)):
            with pytest.raises(ConflictError, match="blind round 'r1'"):
                attempt()
        assert not list(tmp_path.iterdir())
        makna.write_segments_csv(lead, tmp_path / "s.csv")  # the manager may
        close_round(lead)
        makna.write_segments_csv(ani, tmp_path / "s.csv")
    finally:
        lead.close()
        ani.close()


def test_a_rounds_agreement_compares_the_codings_made_during_it(team: Any) -> None:
    """A coder who codes the round's transcript again after it closed (or coded it before it opened) does not
    change the round's agreement, nor its consensus: the round compares what was coded blind, in it."""
    lead, ani, budi = _as(team, "lead"), _as(team, "ani"), _as(team, "budi")
    try:
        makna.code_span(ani, "a.txt", 20, 33, "emosi")  # a pilot before the round
        open_round(lead, "r1", sources=["a.txt"])
        makna.code_span(ani, "a.txt", 0, 18, "emosi")
        makna.code_span(budi, "a.txt", 0, 18, "emosi")
        close_round(lead)
        during = makna.project_agreement(lead, round_scope(lead, "r1", unit="sentence"))
        assert [(p.code, p.results["percent_agreement"].value) for p in during.per_code] == [("emosi", 1.0)]
        makna.code_span(budi, "a.txt", 35, 50, "emosi")  # after the round closed
        after = makna.project_agreement(lead, round_scope(lead, "r1", unit="sentence"))
        assert after == during
        assert round_consensus(lead, "r1", rule="agreed", unit="sentence").created == 1
    finally:
        for p in (lead, ani, budi):
            p.close()
