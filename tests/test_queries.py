"""Retrieval filters, frequencies and matrices against hand-computed expectations."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import makna
from makna.errors import InputError, NotFoundError


@pytest.fixture
def study(project: makna.Project) -> makna.Project:
    p = project
    makna.import_text(p, "s1", "P: q1\nI: aku ditipu\nP: q2\nI: gratis saja")
    makna.import_text(p, "s2", "P: q1\nI: ditipu lagi\nP: q2\nI: aman")
    makna.import_text(p, "group", "P: q\nA: satu\nB: dua")
    makna.add_code(p, "exp")
    makna.add_code(p, "exp.fraud", parent="exp")
    makna.add_code(p, "motive")
    makna.define_attribute(p, "asal", "text")
    makna.add_case(p, "Ani", values={"asal": "Padang"})
    makna.add_case(p, "Budi", values={"asal": "Solok"})
    makna.add_case(p, "Cici", values={"asal": "Padang"})
    makna.link_source(p, "Ani", "s1")
    makna.link_source(p, "Budi", "s2")
    g = makna.get_turns(p, "group")
    makna.link_source(p, "Ani", "group", g[1].start, g[1].end)
    makna.link_source(p, "Cici", "group", g[2].start, g[2].end)
    makna.code_turn(p, "s1", 2, "exp.fraud")
    makna.code_turn(p, "s1", 4, "motive")
    makna.code_turn(p, "s2", 2, "exp.fraud")
    makna.code_turn(p, "s2", 2, "exp.fraud", coder="budi")
    makna.code_turn(p, "group", 2, "exp")
    makna.code_turn(p, "group", 3, "motive")
    return p


def test_retrieve_by_code_with_and_without_descendants(study: makna.Project) -> None:
    assert len(makna.retrieve(study, code="exp")) == 4
    assert [s.source for s in makna.retrieve(study, code="exp", descendants=False)] == ["group"]
    with pytest.raises(makna.MaknaError, match="unknown code"):
        makna.retrieve(study, code="nope")


def test_retrieve_filters(study: makna.Project) -> None:
    assert {s.text for s in makna.retrieve(study, case="Ani")} == {"I: aku ditipu", "I: gratis saja", "A: satu"}
    assert {s.text for s in makna.retrieve(study, attribute=("asal", "Padang"))} == {
        "I: aku ditipu", "I: gratis saja", "A: satu", "B: dua"}
    assert [s.coder for s in makna.retrieve(study, coder="budi")] == ["budi"]
    assert len(makna.retrieve(study, sources=["s2"])) == 2
    seg = makna.retrieve(study, sources=["group"], code="motive")[0]
    assert (seg.cases, seg.turn, seg.speaker) == (("Cici",), 3, "B")
    with pytest.raises(NotFoundError):
        makna.retrieve(study, coder="nobody")
    with pytest.raises(InputError):
        makna.retrieve(study, context=-1)
    assert makna.retrieve(study, case="Ani", attribute=("asal", "Solok")) == []


def test_code_frequencies(study: makna.Project) -> None:
    got = {f.key: (f.segments, f.sources, f.cases) for f in makna.code_frequencies(study, descendants=False)}
    assert got == {"exp": (1, 1, 1), "exp.fraud": (3, 2, 2), "motive": (2, 2, 2)}
    got = {f.key: (f.segments, f.sources, f.cases) for f in makna.code_frequencies(study)}  # the subtree
    assert got["exp"] == (4, 3, 2)
    got = {f.key: f.segments for f in makna.code_frequencies(study, coder="budi", include_unused=False)}
    assert got == {"exp": 1, "exp.fraud": 1}


def test_code_case_matrix(study: makna.Project) -> None:
    m = makna.code_case_matrix(study, descendants=False)
    assert m.columns == ["Ani", "Budi", "Cici"]
    assert m.records() == [
        {"code": "exp", "Ani": 1, "Budi": 0, "Cici": 0},
        {"code": "exp.fraud", "Ani": 1, "Budi": 2, "Cici": 0},
        {"code": "motive", "Ani": 1, "Budi": 0, "Cici": 1},
    ]
    presence = makna.code_case_matrix(study, measure="presence", codes=["exp.fraud"])
    assert presence.cells == [[1, 1, 0]]


def test_exemplars_one_per_informant_first(study: makna.Project) -> None:
    from makna.exemplars import exemplar_quotes, quote_text

    quotes = exemplar_quotes(study, "exp.fraud", 3)
    # s2's turn 2 is coded by tester and by budi: one passage, quoted once
    assert [q.case for q in quotes] == ["Ani", "Budi"]
    assert quotes[0].text == "aku ditipu" and quotes[0].turn == 2
    long = "I: " + " ".join(f"Kalimat nomor {i}." for i in range(100))
    assert quote_text(long, 60) == "Kalimat nomor 0. Kalimat nomor 1. Kalimat nomor 2."


def test_memos_sets_events(study: makna.Project) -> None:
    seg = makna.retrieve(study, code="motive")[0]
    makna.add_memo(study, "project", None, "Catatan umum")
    makna.add_memo(study, "code", "motive", "Motif", title="t")
    makna.add_memo(study, "segment", seg.id, "menarik")
    assert len(makna.list_memos(study)) == 3
    assert [m.text for m in makna.list_memos(study, "code", "motive")] == ["Motif"]
    with pytest.raises(InputError):
        makna.add_memo(study, "planet", None, "x")
    with pytest.raises(NotFoundError):
        makna.add_memo(study, "segment", "missing", "x")
    s = makna.create_set(study, "Padang", "sources", ["s1", "group"])
    assert len(s.member_ids) == 2 and makna.list_sets(study)[0].name == "Padang"
    assert makna.events(study, limit=1)[0].action == "set.create"


def test_retrieve_pages(study: makna.Project) -> None:
    everything = makna.retrieve(study)
    assert makna.retrieve(study, offset=2) == everything[2:]  # offset without a limit used to be ignored
    assert makna.retrieve(study, limit=2, offset=1) == everything[1:3]
    for bad in ({"limit": -1}, {"offset": -1}):
        with pytest.raises(InputError):
            makna.retrieve(study, **bad)  # type: ignore[arg-type]


def test_code_case_matrix_with_descendants(study: makna.Project) -> None:
    """--descendants counted nothing for the code x case matrix before (only for attributes)."""
    plain = makna.code_case_matrix(study, descendants=False)
    deep = makna.code_case_matrix(study)
    assert plain.columns == deep.columns == ["Ani", "Budi", "Cici"]
    assert plain.cells[plain.rows.index("exp")] == [1, 0, 0]
    assert deep.cells[deep.rows.index("exp")] == [2, 2, 0]  # + exp.fraud in s1 (Ani) and s2 (Budi, 2 coders)
    assert deep.cells[deep.rows.index("motive")] == plain.cells[plain.rows.index("motive")]
    presence = makna.code_case_matrix(study, measure="presence", descendants=True)
    assert presence.cells[presence.rows.index("exp")] == [1, 1, 0]


def test_one_rollup_rule_everywhere(study: makna.Project) -> None:
    """#12: parents counted 0 in the matrix and plain stats while the report and the demo rolled them
    up; now every count is the distinct segments of the subtree, a passage with two codes below a
    parent counted once for it."""
    from makna.analysis import code_by_attribute, code_by_case
    from makna.report import build_report

    makna.add_code(study, "exp.gift", parent="exp")
    makna.code_turn(study, "s1", 2, "exp.gift")  # the same passage as exp.fraud in s1
    freq = {f.key: (f.segments, f.sources, f.cases) for f in makna.code_frequencies(study)}
    assert freq["exp"] == (4, 3, 2) and freq["exp.gift"] == (1, 1, 1)
    assert makna.code_case_matrix(study).cells[0] == [2, 2, 0]
    assert code_by_case(study).cells[0] == [2, 2, 0]
    by_origin = code_by_attribute(study, "asal", measure="segments")
    assert by_origin.columns == ["Padang", "Solok"] and by_origin.cells[0] == [2, 2]
    assert code_by_attribute(study, "asal", measure="cases").cells[0] == [1, 1]
    report = {c.key: (c.segments, c.sources, c.informants) for c in build_report(study, charts=False).codebook}
    assert report["exp"] == freq["exp"] and report["exp.gift"] == freq["exp.gift"]
    own = {f.key: f.segments for f in makna.code_frequencies(study, descendants=False)}
    assert own["exp"] == 1 and own["exp.fraud"] == 3


@given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 3), st.integers(0, 6)), max_size=40),
       st.lists(st.integers(-1, 6), min_size=7, max_size=7))
def test_subtree_counts_is_distinct_units_of_the_subtree(rows: list[tuple[int, int, int]], parents: list[int]) -> None:
    """subtree_counts (own counts summed up the tree, minus shared units) equals counting, for each
    code, the distinct (group, unit) pairs of its subtree by brute force."""
    from makna.queries import subtree_counts

    parent_of = {f"c{i}": (f"c{p}" if 0 <= p < i else None) for i, p in enumerate(parents)}  # a forest
    pairs = sorted({(g, u, f"c{c}") for u, g, c in rows})

    def under(code: str, root: str) -> bool:
        cur: str | None = code
        while cur is not None:
            if cur == root:
                return True
            cur = parent_of[cur]
        return False

    own: dict[tuple[str, int], int] = {}
    for g, _, c in pairs:
        own[(c, g)] = own.get((c, g), 0) + 1
    got = subtree_counts(parent_of, [(c, g, n) for (c, g), n in own.items()], pairs)
    for root in parent_of:
        expected: dict[int, int] = {}
        for g, _unit in {(g, u) for g, u, c in pairs if under(c, root)}:
            expected[g] = expected.get(g, 0) + 1
        assert {g: n for g, n in got.get(root, {}).items() if n} == expected
    flat = subtree_counts(parent_of, [(c, g, n) for (c, g), n in own.items()], pairs, descendants=False)
    assert {(c, g): n for c, d in flat.items() for g, n in d.items()} == own


def test_informant_totals_count_each_informant_once(study: makna.Project) -> None:
    """trial10: the "Total" row of an informant (cases) matrix added each top code's informants, so an
    informant coded under two themes counted twice (5 informants in a column of 3 cases)."""
    from makna.analysis import code_by_attribute, code_by_case
    from makna.web.routes_analysis import _matrix, _matrix_view

    m = code_by_attribute(study, "asal", measure="cases")
    assert m.columns == ["Padang", "Solok"] and m.column_bases == [2, 1]
    assert dict(zip(m.rows, m.cells, strict=True)) == {"exp": [1, 1], "exp.fraud": [1, 1], "motive": [2, 0]}
    assert m.column_totals == [2, 1]  # Ani (two themes) and Cici once each; was 3
    assert m.page(1, 1).column_totals == [1]
    assert code_by_attribute(study, "asal", measure="cases", codes=["motive"]).column_totals == [2, 0]
    assert code_by_attribute(study, "asal", measure="segments").column_totals == [4, 2]  # segments still add up
    assert code_by_case(study, measure="cases").column_totals == [1, 1, 1]  # Ani once; was 2
    assert code_by_case(study, measure="segments").column_totals == [3, 2, 1]
    assert _matrix_view(_matrix(study, "asal", "cases", None), "none", 0)["col_totals"] == [2, 1]
    assert _matrix_view(_matrix(study, "case", "cases", None), "none", 0)["col_totals"] == [1, 1, 1]
