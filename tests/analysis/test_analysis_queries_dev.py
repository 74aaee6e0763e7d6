"""Queries on the coded dev corpus against expectations worked out by hand from its README and
segment lists (every segment is one whole informant turn, so overlap and turn modes agree)."""

from __future__ import annotations

from typing import Any

import pytest

import makna
from makna.analysis import code_by_attribute, code_by_case, code_sequences, cooccurrence
from makna.queries import code_frequencies

README_COUNTS = {
    "exp.neg.alcohol": 2, "exp.neg.blocked": 3, "exp.neg.debt": 2, "exp.neg.drugs": 1, "exp.neg.entrapment": 2,
    "exp.neg.false_hope": 2, "exp.neg.fraud": 2, "exp.pos.material": 2, "exp.pos.relationship": 3,
    "exp.pos.routine_money": 2, "motive.because.avoid_authorities": 2, "motive.because.free_access": 3,
    "motive.because.safer_than_street": 2, "motive.in_order_to.fast_easy_clients": 3,
    "motive.in_order_to.promotion": 3, "gig.motive.autonomy": 1, "gig.motive.income": 1,
    "gig.neg.deactivation": 1, "gig.neg.harassment": 1, "gig.neg.unpaid": 1, "gig.pos.flexibility": 1,
    "gig.pos.tips": 1,
}


def test_frequencies_match_readme(dev_project: Any) -> None:
    freq = {f.key: f for f in code_frequencies(dev_project, descendants=False)}
    assert {k: freq[k].segments for k in README_COUNTS} == README_COUNTS
    assert sum(f.segments for f in freq.values()) == 41
    # exp.pos.relationship: informants 1, 3 and 4
    assert freq["exp.pos.relationship"].cases == 3
    assert freq["exp.pos.relationship"].sources == 3


@pytest.mark.parametrize("mode", ["overlap", "turn", "distance"])
def test_cooccurrence_by_hand(dev_project: Any, mode: str) -> None:
    co = cooccurrence(dev_project, mode=mode)  # type: ignore[arg-type]
    pairs = {frozenset((p.code1, p.code2)): p for p in co.pairs()}
    rel = pairs[frozenset(("exp.pos.relationship", "exp.pos.routine_money"))]
    assert (rel.n12, sorted((rel.n1, rel.n2))) == (2, [2, 3])
    assert rel.c == pytest.approx(2 / (3 + 2 - 2))
    safe = pairs[frozenset(("motive.because.safer_than_street", "motive.because.avoid_authorities"))]
    assert (safe.n12, safe.c) == (2, 1.0)
    free = pairs[frozenset(("motive.because.free_access", "motive.in_order_to.fast_easy_clients"))]
    assert (free.n12, free.c) == (1, pytest.approx(1 / 5))
    fraud = pairs[frozenset(("exp.neg.fraud", "exp.neg.blocked"))]
    assert fraud.c == pytest.approx(1 / 4)
    if mode != "distance":
        # multi-code turns give 1 + 3 + 2 + 2 + 3 + 1 pairs, of which 10 distinct (relationship x
        # routine_money in dev-id-03 and -04, safer x avoid in dev-id-02 and -05)
        assert len(pairs) == 10
        assert not co.capped


def test_code_by_case_and_attribute(dev_project: Any) -> None:
    m = code_by_case(dev_project, measure="presence", codes=["exp.pos.relationship"])
    assert m.columns == ["dev-en-01", "dev-id-01", "dev-id-02", "dev-id-03", "dev-id-04", "dev-id-05"]
    assert m.cells == [[0, 1, 0, 1, 1, 0]]
    assert m.row_percentages() == [[0.0, 33.3, 0.0, 33.3, 33.3, 0.0]]
    a = code_by_attribute(dev_project, "language", measure="cases", codes=["exp.pos.relationship", "gig.pos.tips"])
    assert a.columns == ["en", "id"] and a.column_bases == [1, 5]
    assert a.cells == [[0, 3], [1, 0]]
    assert a.column_percentages() == [[0.0, 60.0], [100.0, 0.0]]
    seg = code_by_attribute(dev_project, "language", measure="segments", codes=["exp"], descendants=True)
    # the distinct passages coded below exp: a turn with two exp.* codes counts once
    passages = {(s.source, s.start, s.end, s.coder) for s in makna.retrieve(dev_project, code="exp")}
    assert seg.cells == [[0, len(passages)]]
    assert len(passages) < sum(v for k, v in README_COUNTS.items() if k.startswith("exp."))


def test_sequences_follow_turn_order(dev_project: Any, shared_dir: Any) -> None:
    import json

    doc = json.loads((shared_dir / "eval-corpus/dev/dev-en-01.json").read_text(encoding="utf-8"))
    coded = [s for s in doc["segments"] if s["codes"]]
    expected: dict[tuple[str, str], int] = {}
    for a, b in zip(coded, coded[1:], strict=False):
        for c1 in a["codes"]:
            for c2 in b["codes"]:
                expected[(c1, c2)] = expected.get((c1, c2), 0) + 1
    got = {(t.before, t.after): t.count for t in code_sequences(dev_project) if t.before.startswith("gig.")}
    assert got == expected
