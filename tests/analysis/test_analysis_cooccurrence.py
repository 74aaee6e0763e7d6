"""The fast co-occurrence against the pairwise brute force on random projects (Hypothesis)."""

from __future__ import annotations

from typing import Any

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import makna
from makna.analysis._segdata import SegmentArrays
from makna.analysis.cooccurrence import cooccurrence, cooccurrence_arrays, cooccurrence_naive
from makna.analysis.sequences import sequence_arrays

spans = st.tuples(st.integers(0, 2), st.integers(0, 60), st.integers(1, 15), st.integers(0, 4))


def _arrays(segs: list[tuple[int, int, int, int]], n_sources: int, k: int) -> SegmentArrays:
    arr = np.array(segs, dtype=np.int64).reshape(-1, 4)
    order = np.lexsort((arr[:, 3], arr[:, 2], arr[:, 1], arr[:, 0]))
    arr = arr[order]
    keys = [f"c{i}" for i in range(k)]
    return SegmentArrays(arr[:, 0].copy(), arr[:, 1].copy(), arr[:, 2].copy(), arr[:, 3].copy(),
                         [str(i) for i in range(n_sources)], keys, keys, keys)


@settings(max_examples=150, deadline=None)
@given(st.lists(spans, max_size=30), st.integers(0, 8), st.lists(st.integers(1, 12), min_size=1, max_size=12))
def test_arrays_match_brute_force(raw: list[tuple[int, int, int, int]], distance: int, turn_lengths: list[int]) -> None:
    segs = sorted({(s, a, a + n, c) for s, a, n, c in raw})
    turns = []
    for s in range(3):
        pos = 0
        for n in turn_lengths:
            turns.append((s, pos, pos + n))
            pos += n + 1
    t = np.array(turns, dtype=np.int64)
    data = _arrays(segs, 3, 5)
    for mode, d in (("overlap", 0), ("distance", distance), ("turn", 0)):
        fast = cooccurrence_arrays(data, mode, d, (t[:, 0].copy(), t[:, 1].copy(), t[:, 2].copy()))  # type: ignore[arg-type]
        assert fast.counts.tolist() == cooccurrence_naive(segs, 5, mode, d, turns)  # type: ignore[arg-type]
        c = fast.coefficient()
        assert np.all(c >= 0)
        if mode == "turn":
            assert np.all(c <= 1.0)


def _naive_sequences(segs: list[tuple[int, int, int, int]]) -> dict[tuple[int, int], int]:
    out: dict[tuple[int, int], int] = {}
    for s, _a, b, c in segs:
        later = [x for x in segs if x[0] == s and x[1] >= b]
        if later:
            first = min(x[1] for x in later)
            for x in later:
                if x[1] == first:
                    out[(c, x[3])] = out.get((c, x[3]), 0) + 1
    return out


@settings(max_examples=100, deadline=None)
@given(st.lists(spans, max_size=25))
def test_sequences_match_brute_force(raw: list[tuple[int, int, int, int]]) -> None:
    segs = sorted({(s, a, a + n, c) for s, a, n, c in raw})
    got = {(int(t.before[1:]), int(t.after[1:])): t.count for t in sequence_arrays(_arrays(segs, 3, 5))}
    assert got == _naive_sequences(segs)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 1), st.integers(0, 80), st.integers(1, 20), st.integers(0, 2)),
                max_size=15, unique=True))
def test_project_matches_brute_force(project: Any, raw: list[tuple[int, int, int, int]]) -> None:
    with project.store.batch() as conn:
        for table in ("segments", "turns", "sources", "codes"):
            conn.exec_driver_sql(f"DELETE FROM {table}")
    for i in range(2):
        makna.import_text(project, f"s{i}", "I: " + "kata " * 30 + "\nP: " + "lagi " * 30, language="id",
                          allow_duplicate=True)
    for k in range(3):
        makna.add_code(project, f"c{k}")
    segs = sorted({(s, a, min(a + n, 100), c) for s, a, n, c in raw if a < 100})
    makna.code_many(project, [makna.SegmentSpec(f"s{s}", a, b, f"c{c}") for s, a, b, c in segs])
    co = cooccurrence(project, mode="overlap")
    assert co.counts.tolist() == cooccurrence_naive(segs, 3, "overlap")


def test_empty_project(project: Any) -> None:
    co = cooccurrence(project)
    assert co.codes == [] and co.pairs() == []
    makna.add_code(project, "lonely")
    co = cooccurrence(project, mode="turn")
    assert co.counts.tolist() == [[0]] and co.coefficient().tolist() == [[0.0]]
