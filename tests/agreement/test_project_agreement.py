"""Agreement on a project's coding: units, coders, codes, sources; hand-computed values on both backends."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import insert

import makna
from makna.agreement import (
    POOLED,
    AgreementScope,
    character_agreement,
    krippendorff_u_alpha,
    project_agreement,
    project_unitizing,
)
from makna.agreement.project_units import CodingData, SourceInfo, Units, code_ratings
from makna.errors import AgreementError, NotFoundError
from makna.model import new_id, utcnow
from makna.store import tables

TEXT20 = "abcdefghijklmnopqrst"


def _two_coders(project: Any) -> None:
    makna.import_text(project, "doc", TEXT20)
    makna.add_code(project, "A")
    makna.code_span(project, "doc", 0, 10, "A", coder="ana")
    makna.code_span(project, "doc", 2, 10, "A", coder="ben")


def _value(res: Any, code: str, coefficient: str) -> float | None:
    for row in res.rows():
        if row["code"] == code and row["coefficient"] == coefficient:
            return row["value"]  # type: ignore[no-any-return]
    raise KeyError((code, coefficient))


def test_characters_two_coders_hand_computed(project: Any) -> None:
    # 20 characters: both coded 8 (2..10), only ana 2 (0..2), neither 10.
    # p_o = 18/20; p_e = .5*.4 + .5*.6 = .5; kappa = (.9 - .5) / .5 = .8
    # alpha: n = 40 values, n_1 = 18, n_0 = 22, o_01 = o_10 = 2: 1 - 39 * 4 / (2 * 18 * 22) = 1 - 156/792
    _two_coders(project)
    res = project_agreement(project)
    assert res.coders == ("ana", "ben")
    assert res.coefficients == ("krippendorff_alpha", "percent_agreement", "cohen_kappa")
    assert _value(res, "A", "cohen_kappa") == pytest.approx(0.8)
    assert _value(res, "A", "percent_agreement") == pytest.approx(0.9)
    assert _value(res, "A", "krippendorff_alpha") == pytest.approx(1 - 156 / 792)
    a = res.per_code[0]
    assert (a.units, a.coders, a.coded) == (20, 2, {"ana": 10, "ben": 8})
    # the pure layer on the same segments gives the same
    pure = character_agreement([("ana", 0, 10, "A"), ("ben", 2, 10, "A")], 20, coefficient="cohen_kappa")
    assert pure["A"].value == pytest.approx(0.8)


def test_pooled_stacks_codes_and_chosen_unused_code_is_undefined(project: Any) -> None:
    _two_coders(project)
    makna.add_code(project, "Z")
    res = project_agreement(project, AgreementScope(codes=["A", "Z"]))
    z = next(c for c in res.per_code if c.code == "Z")
    assert z.results["krippendorff_alpha"].value is None
    assert "0/0" in (z.results["krippendorff_alpha"].undefined_reason or "")
    assert z.results["percent_agreement"].value == pytest.approx(1.0)
    # pooled: 40 binary decisions, 38 agreeing
    assert res.pooled.code == POOLED
    assert res.pooled.units == 40
    assert _value(res, POOLED, "percent_agreement") == pytest.approx(38 / 40)


def test_sentences_with_threshold(project: Any) -> None:
    text = "One two three. Four five six. Seven eight nine."
    makna.import_text(project, "doc", text)
    makna.add_code(project, "A")
    makna.code_span(project, "doc", 0, 14, "A", coder="ana")  # all of sentence 1
    makna.code_span(project, "doc", 0, 3, "A", coder="ben")  # 3 of its 14 characters
    makna.code_span(project, "doc", 15, 29, "A", coder="ben")  # all of sentence 2
    any_overlap = project_agreement(project, AgreementScope(unit="sentence"))
    # (1,1), (0,1), (0,0): p_o = 2/3, p_e = 1/3*2/3 + 2/3*1/3 = 4/9, kappa = (2/9)/(5/9)
    assert _value(any_overlap, "A", "percent_agreement") == pytest.approx(2 / 3)
    assert _value(any_overlap, "A", "cohen_kappa") == pytest.approx(0.4)
    assert any_overlap.per_code[0].units == 3
    half = project_agreement(project, AgreementScope(unit="sentence", threshold=0.5))
    # ben's 3/14 of sentence 1 no longer counts: (1,0), (0,1), (0,0)
    assert _value(half, "A", "percent_agreement") == pytest.approx(1 / 3)
    with pytest.raises(AgreementError, match="threshold"):
        project_agreement(project, AgreementScope(unit="sentence", threshold=1.5))
    with pytest.raises(AgreementError, match="character"):
        project_agreement(project, AgreementScope(unit="characters", threshold=0.5))


def test_paragraph_turn_excerpt_units(project: Any) -> None:
    text = "P: Hello there.\nI: I work nights.\n\nP: Why?\nI: Money, and freedom."
    makna.import_text(project, "doc", text)
    turns = makna.get_turns(project, "doc")
    assert len(turns) == 4
    makna.add_code(project, "A")
    t2, t4 = turns[1], turns[3]
    makna.code_span(project, "doc", t2.start + 3, t2.end, "A", coder="ana")
    makna.code_span(project, "doc", t4.start, t4.end, "A", coder="ana")
    makna.code_span(project, "doc", t2.start, t2.end, "A", coder="ben")
    by_turn = project_agreement(project, AgreementScope(unit="turn"))
    # turns: (0,0) (1,1) (0,0) (1,0)
    assert _value(by_turn, "A", "percent_agreement") == pytest.approx(3 / 4)
    by_par = project_agreement(project, AgreementScope(unit="paragraph"))
    assert by_par.per_code[0].units == 2  # two paragraphs, each coded by both / only ana
    assert _value(by_par, "A", "percent_agreement") == pytest.approx(1 / 2)
    ex = project_agreement(project, AgreementScope(unit="excerpt", excerpts=[("doc", t2.start, t2.end)]))
    assert ex.per_code[0].units == 1
    assert _value(ex, "A", "percent_agreement") == pytest.approx(1.0)
    # the unitizer's spans (ana's two segments) as units: (1,1), (1,0)
    uz = project_agreement(project, AgreementScope(unit="excerpt", unitizer="ana"))
    assert uz.per_code[0].units == 2
    with pytest.raises(AgreementError, match="outside"):
        project_agreement(project, AgreementScope(unit="excerpt", excerpts=[("doc", 0, 10_000)]))
    with pytest.raises(AgreementError, match="unitizer"):
        project_agreement(project, AgreementScope(unit="excerpt"))


def test_turn_units_refused_without_turns(project: Any) -> None:
    _two_coders(project)
    with pytest.raises(AgreementError, match="no speaker turns"):
        project_agreement(project, AgreementScope(unit="turn"))


def test_documents_three_coders_and_absent_categories(project: Any) -> None:
    for name in ("d1", "d2", "d3"):
        makna.import_text(project, name, f"Text of {name}, long enough.")
    for key in ("A", "B"):
        makna.add_code(project, key)
    for coder in ("ana", "ben", "cy"):
        for name in ("d1", "d2", "d3"):
            makna.code_span(project, name, 0, 4, "A", coder=coder)  # everyone: A everywhere
    makna.code_span(project, "d1", 5, 7, "B", coder="ana")
    makna.code_span(project, "d1", 5, 7, "B", coder="ben")
    res = project_agreement(project, AgreementScope(unit="document"))
    assert res.coders == ("ana", "ben", "cy")
    assert "cohen_kappa" not in res.coefficients and "brennan_prediger" in res.coefficients
    a = next(c for c in res.per_code if c.code == "A")
    # only category 1 occurs: alpha undefined, but Brennan-Prediger with q = 2 declared is 1
    assert a.results["krippendorff_alpha"].value is None
    assert a.results["krippendorff_alpha"].undefined_reason
    assert a.results["brennan_prediger"].value == pytest.approx(1.0)
    assert (a.units, a.coders) == (3, 3)
    b = next(c for c in res.per_code if c.code == "B")
    # d1: (1,1,0) -> 1/3 of pairs agree; d2, d3: all 0
    assert b.results["percent_agreement"].value == pytest.approx((1 / 3 + 1 + 1) / 3)
    with pytest.raises(AgreementError, match="exactly two"):
        project_agreement(project, AgreementScope(unit="document"), coefficients=["cohen_kappa"])
    two = project_agreement(project, AgreementScope(unit="document", coders=["ana", "cy"]),
                            coefficients=["cohen_kappa", "fleiss_kappa"])
    assert two.coders == ("ana", "cy")
    with pytest.raises(AgreementError, match="unknown coefficient"):
        project_agreement(project, coefficients=["nope"])


def test_descendants_pooled(project: Any) -> None:
    makna.import_text(project, "doc", TEXT20)
    makna.add_code(project, "P")
    makna.add_code(project, "P.x", parent="P")
    makna.add_code(project, "P.y", parent="P")
    makna.code_span(project, "doc", 0, 5, "P.x", coder="ana")
    makna.code_span(project, "doc", 0, 5, "P.y", coder="ben")
    leaves = project_agreement(project)
    assert [c.code for c in leaves.per_code] == ["P.x", "P.y"]
    assert _value(leaves, "P.x", "percent_agreement") == pytest.approx(15 / 20)
    pooled = project_agreement(project, AgreementScope(descendants=True))
    assert [c.code for c in pooled.per_code] == ["P"]
    assert _value(pooled, "P", "krippendorff_alpha") == pytest.approx(1.0)
    chosen = project_agreement(project, AgreementScope(codes=["P"], descendants=True))
    assert [c.code for c in chosen.per_code] == ["P"]


def test_coders_sources_and_absent(project: Any) -> None:
    _two_coders(project)
    makna.import_text(project, "solo", "only ana coded this text")
    makna.code_span(project, "solo", 0, 4, "A", coder="ana")
    makna.code_span(project, "doc", 0, 3, "A", coder="consensus")
    res = project_agreement(project)
    assert res.coders == ("ana", "ben")  # consensus left out by default
    assert res.sources == ("doc",)
    assert res.skipped == (("solo", "coded by ana only"),)
    uncoded = project_agreement(project, AgreementScope(absent="uncoded"))
    assert uncoded.sources == ("doc", "solo")
    assert uncoded.per_code[0].units == 20 + len("only ana coded this text")
    with pytest.raises(AgreementError, match="only 'ana' coded the chosen sources"):
        project_agreement(project, AgreementScope(sources=["solo"]))
    with pytest.raises(AgreementError, match="no source was coded by two"):
        project_agreement(project, AgreementScope(sources=["solo"], coders=["ana", "ben"]))
    with pytest.raises(NotFoundError, match="nobody"):
        project_agreement(project, AgreementScope(coders=["ana", "nobody"]))
    with pytest.raises(makna.errors.UnknownSourceError):
        project_agreement(project, AgreementScope(sources=["missing"]))
    with pytest.raises(makna.errors.UnknownCodeError):
        project_agreement(project, AgreementScope(codes=["nope"]))


def test_one_coder_only(project: Any) -> None:
    makna.import_text(project, "doc", TEXT20)
    makna.add_code(project, "A")
    makna.code_span(project, "doc", 0, 10, "A", coder="ana")
    with pytest.raises(AgreementError, match="at least two coders; only 'ana' coded"):
        project_agreement(project)
    empty_sources = AgreementScope(coders=["ana", "tester"])
    with pytest.raises(NotFoundError):  # 'tester' never coded, so is not a known coder
        project_agreement(project, empty_sources)


def test_coding_of_another_text_version_is_refused(project: Any) -> None:
    _two_coders(project)
    # a coding that does not fit the text, as an import from another version of it would leave
    with project.store.write("test", "test.bad", {}) as conn:
        sid = project.source_row(conn, "doc").id
        conn.execute(insert(tables.segments).values(
            id=new_id(), source_id=sid, start=5, end=40, code_id=project.code_id(conn, "A"),
            coder_id=project.coder_id(conn, "ben"), memo="", created_at=utcnow()))
    with pytest.raises(AgreementError, match="another version of the text"):
        project_agreement(project)


def test_unitizing_matches_pure_layer_over_concatenated_sources(project: Any) -> None:
    makna.import_text(project, "d1", TEXT20)
    makna.import_text(project, "d2", "0123456789")
    makna.add_code(project, "A")
    makna.add_code(project, "B")
    makna.code_span(project, "d1", 0, 10, "A", coder="ana")
    makna.code_span(project, "d1", 2, 10, "A", coder="ben")
    makna.code_span(project, "d2", 1, 6, "B", coder="ana")
    makna.code_span(project, "d2", 1, 5, "B", coder="ben")
    makna.code_span(project, "d2", 2, 4, "A", coder="ben")
    res = project_unitizing(project)
    pure = krippendorff_u_alpha(
        [("ana", 0, 10, "A"), ("ben", 2, 10, "A"), ("ana", 21, 26, "B"), ("ben", 21, 25, "B"),
         ("ben", 22, 24, "A")],
        (0, 30),
        coders=["ana", "ben"],
    )
    assert res.length == 30 and res.sources == ("d1", "d2")
    assert res.u_alpha.overall.value == pytest.approx(pure.overall.value)
    assert res.u_alpha.per_category["B"].value == pytest.approx(pure.per_category["B"].value)
    assert res.family is not None
    assert any(r["coefficient"] == "Cu_alpha" for r in res.rows())


# ----------------------------------------------------------------------------- the unit sweep, by brute force
@st.composite
def _coding(draw: Any) -> tuple[int, list[tuple[int, int, int]]]:
    length = draw(st.integers(1, 40))
    segs = []
    for _ in range(draw(st.integers(0, 8))):
        a = draw(st.integers(0, length - 1))
        b = draw(st.integers(a + 1, length))
        segs.append((draw(st.integers(0, 2)), a, b))
    return length, segs


@settings(max_examples=150, deadline=None)
@given(_coding(), st.lists(st.tuples(st.integers(0, 39), st.integers(1, 12)), min_size=1, max_size=6),
       st.one_of(st.none(), st.floats(0.05, 1.0)))
def test_code_ratings_match_brute_force(coding: Any, unit_specs: Any, threshold: float | None) -> None:
    length, segs = coding
    data = CodingData(
        coders=("a", "b", "c"), codes=("A",),
        sources=(SourceInfo("s", "s", length, 0, (True, True, False)),), skipped=(),
        seg_coder=np.asarray([s[0] for s in segs], dtype=np.int64),
        seg_code=np.zeros(len(segs), dtype=np.int64),
        seg_start=np.asarray([s[1] for s in segs], dtype=np.int64),
        seg_end=np.asarray([s[2] for s in segs], dtype=np.int64),
    )
    spans = [(min(a, length - 1), min(a + w, length)) for a, w in unit_specs]
    units = Units("x", np.zeros(len(spans), dtype=np.int64), np.asarray([s[0] for s in spans], dtype=np.int64),
                  np.asarray([s[1] for s in spans], dtype=np.int64), np.ones(len(spans)), ("x",) * len(spans))
    got = code_ratings(data, units, 0, threshold=threshold)
    cover = np.zeros((3, length), dtype=bool)
    for c, a, b in segs:
        cover[c, a:b] = True
    for u, (a, b) in enumerate(spans):
        for c in range(2):
            overlap = int(cover[c, a:b].sum())
            want = overlap > 0 and (threshold is None or overlap >= threshold * (b - a) - 1e-9)
            assert got[u, c] == int(want)
        assert got[u, 2] == -1  # coder c did not code the source


@settings(max_examples=100, deadline=None)
@given(_coding(), st.lists(st.tuples(st.integers(0, 39), st.integers(1, 12)), min_size=1, max_size=6),
       st.booleans())
def test_code_patterns_equal_full_matrix(coding: Any, unit_specs: Any, disjoint: bool) -> None:
    from makna.agreement.project_report import CodePatterns, collapse

    length, segs = coding
    half = max(1, length // 2)
    data = CodingData(
        coders=("a", "b", "c"), codes=("A", "B"),
        sources=(SourceInfo("s", "s", half, 0, (True, True, False)),
                 SourceInfo("t", "t", length - half, half, (True, True, True))) if length > 1
        else (SourceInfo("s", "s", 1, 0, (True, False, True)),),
        skipped=(),
        seg_coder=np.asarray([s[0] for s in segs], dtype=np.int64),
        seg_code=np.asarray([i % 2 for i in range(len(segs))], dtype=np.int64),
        seg_start=np.asarray([s[1] for s in segs], dtype=np.int64),
        seg_end=np.asarray([s[2] for s in segs], dtype=np.int64),
    )
    if disjoint:  # character-like units: cut at every boundary
        cuts = sorted({0, length, *(s[1] for s in segs), *(s[2] for s in segs), *(a for a, _ in unit_specs
                                                                                 if a < length)})
        spans = list(zip(cuts[:-1], cuts[1:], strict=True))
    else:
        spans = [(min(a, length - 1), min(a + w, length)) for a, w in unit_specs]
    # units never cross a source boundary
    spans = [(a, min(b, half)) if a < half else (a, b) for a, b in spans] if length > 1 else spans
    ends = np.cumsum([s.length for s in data.sources])
    src = np.searchsorted(ends, [a for a, _ in spans], side="right").astype(np.int64)
    offs = np.asarray([s.offset for s in data.sources], dtype=np.int64)[src]
    weight = np.asarray([b - a for a, b in spans], dtype=np.float64)
    units = Units("x", src, np.asarray([a for a, _ in spans], dtype=np.int64) - offs,
                  np.asarray([b for _, b in spans], dtype=np.int64) - offs, weight, ("x",) * len(spans))
    patterns = CodePatterns(data, units, None)
    for k in range(2):
        fast = patterns(k)
        full = collapse(code_ratings(data, units, k), weight)
        keep = full[1] > 0
        assert fast[0].tolist() == full[0][keep].tolist()
        assert fast[1].tolist() == pytest.approx(full[1][keep].tolist())
