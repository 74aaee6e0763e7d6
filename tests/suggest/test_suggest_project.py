"""Suggestions inside a project, on both backends: stored under the machine coder, never mixed into a
person's coding; accept and reject keep provenance; rejections train the next model; the abstain rule;
the machine coder in project agreement."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select
from synth import build

import makna
from makna import suggest
from makna.agreement.project_report import AgreementScope, project_agreement
from makna.errors import InputError, NotFoundError
from makna.store import tables
from makna.suggest.training import load


def _segments_by_coder(project: Any) -> dict[str, int]:
    g, k = tables.segments.c, tables.coders.c
    with project.store.read() as conn:
        rows = conn.execute(select(k.name, g.id).join_from(tables.segments, tables.coders, g.coder_id == k.id)).all()
    out: dict[str, int] = {}
    for name, _ in rows:
        out[name] = out.get(name, 0) + 1
    return out


def test_suggestions_are_a_coder_of_their_own(project: Any) -> None:
    new = build(project)
    before = _segments_by_coder(project)
    result = suggest.run(project)
    assert result.created > 0 and not result.withheld.keys() & {"fraud", "blocked"}
    after = _segments_by_coder(project)
    assert after["tester"] == before["tester"]  # no person's coding changed
    assert after[suggest.MACHINE_CODER] == result.created
    assert {c.name: c.kind for c in project.coders()}[suggest.MACHINE_CODER] == "suggester"
    queue = suggest.pending(project)
    assert {s.source for s in queue} <= set(new)  # only uncoded units get suggestions
    assert queue == sorted(queue, key=lambda s: -s.confidence)
    assert all(s.confidence >= 0.5 and s.state == "pending" for s in queue)
    # the suggestions fit their themes: each suggested turn says something of its code
    words = {"fraud": ("palsu", "tipu", "nipu", "fake", "cheat", "edit", "trick", "without paying", "bayar"),
             "blocked": ("blo", "ngilang", "never arrived"),
             "raid": ("razia", "petugas", "police", "officer", "ketangkep", "raid"),
             "money": ("uang", "duit", "paid", "money", "pound", "fare", "penghasilan", "ribu")}
    right = sum(any(w in s.text.casefold() for w in words[s.code]) for s in queue)
    assert right >= 0.8 * len(queue)
    # a second run suggests nothing twice
    again = suggest.run(project)
    keys = [(s.source_id, s.start, s.end, s.code) for s in suggest.pending(project)]
    assert len(keys) == len(set(keys)) and again.created == len(keys) - len(queue)


def test_accept_and_reject_keep_provenance_and_train(project: Any) -> None:
    build(project)
    suggest.run(project)
    first, second = suggest.pending(project)[:2]
    done = suggest.accept(project, first.id)
    assert done.state == "accepted" and done.decided_by == "tester" and done.accepted_segment_id
    seg = makna.coding.get_segment(project, done.accepted_segment_id)
    assert (seg.start, seg.end) == (first.start, first.end)
    with project.store.read() as conn:
        coder = conn.execute(select(tables.coders.c.name).where(tables.coders.c.id == seg.coder_id)).scalar()
    assert coder == "tester"  # the accepting person's coding
    origin = suggest.provenance(project, seg.id)
    assert origin is not None and origin.model == first.model and origin.confidence == first.confidence
    assert suggest.provenance(project, first.id) is None  # a suggestion id is not a coding id
    gone = suggest.reject(project, second.id)
    assert gone.state == "rejected" and gone.accepted_segment_id is None
    with pytest.raises(InputError, match="rejected already"):
        suggest.accept(project, second.id)
    with pytest.raises(NotFoundError):
        suggest.reject(project, "no-such-id")
    # the next model learns both decisions: a positive and a negative with only that code known
    data = load(project)
    learnt = {(e.text, e.codes, e.known) for e in data.examples if e.known is not None}
    assert (first.text, frozenset({first.code}), frozenset({first.code})) in learnt
    assert (second.text, frozenset(), frozenset({second.code})) in learnt
    # a rejected suggestion is not made again
    suggest.run(project)
    again = {(s.source_id, s.start, s.end, s.code) for s in suggest.pending(project)}
    assert (second.source_id, second.start, second.end, second.code) not in again
    with project.store.read() as conn:
        acts = {r[0] for r in conn.execute(select(tables.events.c.action))}
    assert {"suggest.run", "suggest.accept", "suggest.reject"} <= acts


def test_unreliable_codes_are_not_suggested_and_say_why(project: Any) -> None:
    build(project, noise_code=True)
    result = suggest.run(project)
    assert "mood" in result.withheld and result.withheld["mood"].startswith("kappa ")
    assert all(s.code != "mood" for s in suggest.pending(project))
    rel = suggest.reliability(project).by_code()
    assert rel["mood"].kappa is not None and rel["mood"].kappa < 0.6 and not rel["mood"].suggested
    assert rel["fraud"].kappa is not None and rel["fraud"].kappa >= 0.6 and rel["fraud"].support > 0
    assert "not measured" in rel["root"].reason  # never applied by a person
    # a lower threshold lets it through; the record of the run says which codes were held back and why
    low = suggest.run(project, kappa=-1.0)
    assert "mood" not in low.withheld
    record = suggest.last_run(project)
    assert record is not None and record["kappa"] == -1.0 and "reliability" in record


def test_a_project_with_one_coded_source_suggests_only_when_allowed(project: Any) -> None:
    build(project, coded=1, uncoded=1)
    result = suggest.run(project)
    assert result.created == 0 and all("not measured" in why for why in result.withheld.values())
    assert suggest.run(project, allow_unmeasured=True).created > 0


def test_options_are_checked(project: Any) -> None:
    build(project, coded=2, uncoded=1)
    with pytest.raises(InputError, match="min-confidence"):
        suggest.run(project, min_confidence=1.5)
    with pytest.raises(InputError, match="unknown code"):
        suggest.run(project, codes=["nope"])
    with pytest.raises(InputError, match="--unit"):
        suggest.run(project, unit="chapter")


def test_sentence_units_and_filters(project: Any) -> None:
    new = build(project)
    # a person coded whole turns: each sentence of a coded turn counts as coded, the small talk beside the
    # theme too, so sentence-level kappa is lower than turn-level and the threshold is lowered here
    result = suggest.run(project, unit="sentence", sources=[new[0]], codes=["fraud", "blocked", "raid"], kappa=0.3)
    queue = suggest.pending(project)
    assert result.created == len(queue) > 0
    assert {s.source for s in queue} == {new[0]} and {s.code for s in queue} <= {"fraud", "blocked", "raid"}
    assert all(s.text.count(". ") == 0 for s in queue)  # a sentence, not a turn


def test_machine_coder_in_project_agreement(project: Any) -> None:
    build(project, coded=6, uncoded=0)
    suggest.run(project, min_confidence=0.0, kappa=-1.0, allow_unmeasured=True)
    assert suggest.pending(project) == []  # every unit is coded by a person: nothing to suggest
    # the suggester codes a coded source's units only when asked to (here: a person's source copied)
    g = tables.segments.c
    with project.store.read() as conn:
        rows = conn.execute(select(g.source_id, g.start, g.end, g.code_id)).all()
    from makna.suggest.training import MACHINE_CODER

    with project.store.write("test", "test.copy", {}) as conn:
        cid = project.coder_id(conn, MACHINE_CODER, kind="suggester")
        for i, r in enumerate(rows[: len(rows) // 2]):
            conn.execute(tables.segments.insert().values(id=f"m{i}", source_id=r.source_id, start=r.start, end=r.end,
                                                         code_id=r.code_id, coder_id=cid, memo="",
                                                         created_at=makna.model.utcnow()))
    report = project_agreement(project, AgreementScope(unit="turn"))
    assert MACHINE_CODER in report.coders
