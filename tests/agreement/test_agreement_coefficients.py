"""Hand-computed cases, cross-checks and bad input for the agreement coefficients."""

from __future__ import annotations

from typing import Any

import krippendorff
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sklearn.metrics import cohen_kappa_score

from makna.agreement import (
    COEFFICIENTS,
    brennan_prediger,
    character_agreement,
    cohen_kappa,
    coincidence_matrix,
    conger_kappa,
    fleiss_kappa,
    gwet_ac1,
    gwet_ac2,
    krippendorff_alpha,
    krippendorff_alpha_bootstrap,
    percent_agreement,
    randolph_free_marginal_kappa,
    scott_pi,
)
from makna.errors import AgreementError

TWO = [[1, 1], [1, 2], [2, 2], [2, 2]]
THREE = [["a", "a", "a"], ["a", "a", "b"], ["b", "b", "b"]]


# --- hand-computed -------------------------------------------------------------------------------


def test_cohen_kappa_by_hand() -> None:
    # p_o = 3/4; marginals (1/2, 1/2) and (1/4, 3/4): p_e = 1/2; kappa = 1/2
    r = cohen_kappa(TWO)
    assert r.value == pytest.approx(0.5)
    assert (r.observed, r.expected, r.units, r.coders) == (pytest.approx(0.75), pytest.approx(0.5), 4, 2)


def test_scott_pi_by_hand() -> None:
    # pooled (3/8, 5/8): p_e = 34/64; pi = (3/4 - 34/64) / (1 - 34/64) = 7/15
    assert scott_pi(TWO).value == pytest.approx(7 / 15)


def test_weighted_cohen_by_hand() -> None:
    data = [[1, 1], [1, 2], [2, 3], [3, 3]]
    # quadratic weights 1, .75, 0: p_o = .875, p_e = .59375 -> 9/13
    assert cohen_kappa(data, weights="quadratic").value == pytest.approx(9 / 13)
    assert cohen_kappa(data, weights="quadratic").value == pytest.approx(
        cohen_kappa_score([1, 1, 2, 3], [1, 2, 3, 3], weights="quadratic")
    )
    assert cohen_kappa(data, weights="linear").value == pytest.approx(
        cohen_kappa_score([1, 1, 2, 3], [1, 2, 3, 3], weights="linear")
    )


def test_fleiss_ac1_bp_randolph_pa_by_hand() -> None:
    # p_a = 7/9; pi = (5/9, 4/9)
    assert percent_agreement(THREE).value == pytest.approx(7 / 9)
    assert fleiss_kappa(THREE).value == pytest.approx(22 / 40)
    assert gwet_ac1(THREE).value == pytest.approx(23 / 41)
    assert brennan_prediger(THREE).value == pytest.approx(5 / 9)
    assert randolph_free_marginal_kappa(THREE).value == pytest.approx(5 / 9)
    # declaring a third, unused category changes q (BP, Randolph, AC1) but not Fleiss
    assert brennan_prediger(THREE, categories=["a", "b", "c"]).value == pytest.approx(2 / 3)
    assert randolph_free_marginal_kappa(THREE, categories=["a", "b", "c"]).value == pytest.approx(2 / 3)
    assert fleiss_kappa(THREE, categories=["a", "b", "c"]).value == pytest.approx(22 / 40)


def test_percent_agreement_ignores_units_rated_once() -> None:
    assert percent_agreement([[1, 1, None], [1, 2, None], [None, None, 3]]).value == pytest.approx(0.5)


def test_conger_equals_cohen_for_two_coders_and_fleiss_equals_scott() -> None:
    assert conger_kappa(TWO).value == pytest.approx(cohen_kappa(TWO).value)
    assert fleiss_kappa(TWO).value == pytest.approx(scott_pi(TWO).value)


def test_ac2_unweighted_equals_ac1_and_weighted_names() -> None:
    data = [[1, 1, 2], [2, 2, 2], [3, 3, 1], [1, 2, 3]]
    assert gwet_ac2(data, weights="unweighted").value == pytest.approx(gwet_ac1(data).value)
    assert gwet_ac1(data, weights="quadratic").coefficient == "gwet_ac2"


def test_alpha_levels_on_wikipedia_data_match_krippendorff_package() -> None:
    data = [
        [None, 1, None],
        [None, None, None],
        [None, 2, 2],
        [None, 1, 1],
        [None, 3, 3],
        [3, 3, 4],
        [4, 4, 4],
        [1, 3, None],
        [2, None, 2],
        [1, None, 1],
        [1, None, 1],
        [3, None, 3],
        [3, None, 3],
        [None, None, None],
        [3, None, 4],
    ]
    arr = np.array(data, dtype=float).T
    for level in ("nominal", "ordinal", "interval", "ratio"):
        ours = krippendorff_alpha(data, level=level).value
        assert ours == pytest.approx(
            krippendorff.alpha(reliability_data=arr, level_of_measurement=level), abs=1e-12
        )


def test_coincidence_matrix_by_hand() -> None:
    o = coincidence_matrix([[1, 1], [1, 2]])
    assert o.tolist() == [[2.0, 1.0], [1.0, 0.0]]


# --- cross-check with the krippendorff package --------------------------------------------------


@st.composite
def _matrices(draw: Any) -> list[list[float | None]]:
    n_units = draw(st.integers(2, 25))
    n_coders = draw(st.integers(2, 7))
    values = draw(st.sampled_from([[1, 2], [1, 2, 3, 4, 5], [0.5, 1.25, 7.0, 10.5]]))
    cell = st.one_of(st.none(), st.sampled_from(values))
    return [[draw(cell) for _ in range(n_coders)] for _ in range(n_units)]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=_matrices(), level=st.sampled_from(["nominal", "ordinal", "interval", "ratio"]))
def test_alpha_matches_krippendorff_package(data: list[list[float | None]], level: str) -> None:
    try:
        ours = krippendorff_alpha(data, level=level)
    except AgreementError:
        return  # no pairable unit: the package has no answer either
    if ours.value is None:
        assert ours.undefined_reason
        return
    arr = np.array(data, dtype=float).T
    theirs = krippendorff.alpha(reliability_data=arr, level_of_measurement=level)
    assert ours.value == pytest.approx(theirs, abs=1e-9)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 4), st.integers(1, 4)), min_size=2, max_size=40))
def test_cohen_matches_scikit_learn(pairs: list[tuple[int, int]]) -> None:
    a, b = [p[0] for p in pairs], [p[1] for p in pairs]
    ours = cohen_kappa([list(p) for p in pairs])
    if ours.value is None:
        assert len(set(a) | set(b)) == 1
        return
    assert ours.value == pytest.approx(cohen_kappa_score(a, b), abs=1e-9)


# --- bootstrap ------------------------------------------------------------------------------------


def test_bootstrap_is_seeded_and_brackets_alpha() -> None:
    data = [[1, 1, 2], [2, 2, 2], [3, 3, 3], [1, 2, 1], [4, 4, 4], [2, 2, None], [3, 1, 3], [1, 1, 1]]
    a = krippendorff_alpha_bootstrap(data, n_boot=500, seed=7)
    b = krippendorff_alpha_bootstrap(data, n_boot=500, seed=7)
    assert a == b
    assert a.alpha.value is not None and a.ci_low is not None and a.ci_high is not None
    assert a.ci_low <= a.alpha.value <= a.ci_high
    assert set(a.q_below) == {0.667, 0.8}


def test_bootstrap_mean_is_alpha() -> None:
    data = [[1, 2, 2], [2, 2, 2], [3, 3, 1], [1, 1, 1], [2, 3, 3], [1, 1, 2]] * 5
    res = krippendorff_alpha_bootstrap(data, level="interval", n_boot=4000, seed=1)
    assert res.alpha.value is not None
    assert res.ci_low is not None and res.ci_high is not None
    assert (res.ci_low + res.ci_high) / 2 == pytest.approx(res.alpha.value, abs=0.05)


def test_bootstrap_undefined() -> None:
    res = krippendorff_alpha_bootstrap([[1, 1], [1, 1]], n_boot=10)
    assert res.alpha.value is None and res.ci_low is None


# --- character units ------------------------------------------------------------------------------


def test_character_agreement_equals_full_matrix() -> None:
    rng = np.random.default_rng(3)
    length = 800
    segs = []
    for coder in ("ana", "budi"):
        for code in ("x", "y"):
            for _ in range(10):
                s = int(rng.integers(0, length - 40))
                segs.append((coder, s, s + int(rng.integers(1, 40)), code))
    for name in ("krippendorff_alpha", "cohen_kappa", "percent_agreement", "gwet_ac1"):
        res = character_agreement(segs, length, coefficient=name)
        for code in ("x", "y"):
            full = np.zeros((length, 2))
            for coder, s, e, c in segs:
                if c == code:
                    full[s:e, ("ana", "budi").index(coder)] = 1
            expected = COEFFICIENTS[name](full, categories=[0, 1]).value
            assert res[code].value == pytest.approx(expected, abs=1e-12)
            assert res[code].units == length


# --- bad input ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(COEFFICIENTS))
def test_one_coder_is_refused(name: str) -> None:
    with pytest.raises(AgreementError, match="at least 2 coders"):
        COEFFICIENTS[name]([[1], [2]])


@pytest.mark.parametrize("name", ["cohen_kappa", "scott_pi"])
def test_two_coder_coefficients_refuse_three(name: str) -> None:
    with pytest.raises(AgreementError, match="exactly two coders"):
        COEFFICIENTS[name]([[1, 1, 2], [2, 2, 2]])


@pytest.mark.parametrize("name", sorted(COEFFICIENTS))
def test_no_pairable_unit_is_refused(name: str) -> None:
    with pytest.raises(AgreementError, match="two or more coders"):
        COEFFICIENTS[name]([[1, None], [None, 2], [None, None]])


def test_units_nobody_coded_are_ignored() -> None:
    base = [[1, 1], [2, 2], [1, 2], [2, 2]]
    with_empty = [*base, [None, None]]
    for name in COEFFICIENTS:
        assert COEFFICIENTS[name](with_empty).value == pytest.approx(COEFFICIENTS[name](base).value)


def test_all_identical_is_undefined_with_reason() -> None:
    same = [[3, 3, 3], [3, 3, 3], [3, 3, None]]
    alpha = krippendorff_alpha(same)
    assert alpha.value is None and alpha.undefined_reason and "same value" in alpha.undefined_reason
    for name in (
        "fleiss_kappa",
        "conger_kappa",
        "gwet_ac1",
        "brennan_prediger",
        "randolph_free_marginal_kappa",
    ):
        res = COEFFICIENTS[name](same)
        assert res.value is None and res.undefined_reason, name
    assert percent_agreement(same).value == 1.0
    # with the scale declared, AC1 and BP are defined (and 1); alpha stays undefined
    assert gwet_ac1(same, categories=[1, 2, 3]).value == pytest.approx(1.0)
    assert brennan_prediger(same, categories=[1, 2, 3]).value == pytest.approx(1.0)
    assert krippendorff_alpha(same, categories=[1, 2, 3]).value is None


def test_rating_outside_declared_categories() -> None:
    with pytest.raises(AgreementError, match="not one of the declared categories"):
        fleiss_kappa([[1, 2], [2, 9]], categories=[1, 2, 3])
    with pytest.raises(AgreementError, match="not one of the declared categories"):
        fleiss_kappa([["a", "b"], ["b", "z"]], categories=["a", "b"])


def test_declared_but_absent_categories_do_not_change_alpha() -> None:
    data = [[1, 1], [2, 2], [1, 2], [4, 4]]
    for level in ("nominal", "ordinal", "interval"):
        assert krippendorff_alpha(data, level=level, categories=[1, 2, 3, 4, 5]).value == pytest.approx(
            krippendorff_alpha(data, level=level).value
        )


def test_bad_shapes_and_levels() -> None:
    with pytest.raises(AgreementError):
        krippendorff_alpha([])
    with pytest.raises(AgreementError, match="different lengths"):
        krippendorff_alpha([[1, 2], [1]])
    with pytest.raises(AgreementError, match="unknown level"):
        krippendorff_alpha([[1, 2], [1, 1]], level="cardinal")
    with pytest.raises(AgreementError, match="numeric"):
        krippendorff_alpha([["a", "b"], ["a", "a"]], level="interval")
    with pytest.raises(AgreementError, match="unknown weights"):
        cohen_kappa(TWO, weights="cubic")  # type: ignore[arg-type]
    with pytest.raises(AgreementError, match="rated no unit"):
        conger_kappa([[1, None, 1], [2, None, 2]])


def test_string_and_numpy_inputs() -> None:
    s = krippendorff_alpha([["x", "x"], ["y", "y"], ["x", ""], ["y", "x"]])
    n = krippendorff_alpha(np.array([[0, 0], [1, 1], [0, np.nan], [1, 0]]))
    assert s.value == pytest.approx(n.value)


@pytest.mark.parametrize("rows", [
    [["z", "y"], ["z", "z"], ["z", "z"]],  # p_a = p_e = 2/3
    [["x", "y"], ["x", "x"], ["x", "z"], ["y", "z"], ["y", "z"]],
    [["z", "x"], ["z", "z"], ["y", "x"], ["z", "x"], ["y", "x"], ["y", "z"]],
])
def test_agreement_exactly_at_chance_is_zero_not_float_noise(rows: list[list[str]]) -> None:
    """Two float sums that are equal in exact arithmetic gave kappa -1.4e-16 (newuser17 saw -9.3e-15 on a page)."""
    from fractions import Fraction

    n = len(rows)
    pa = Fraction(sum(a == b for a, b in rows), n)
    pe = sum(Fraction(sum(r[0] == c for r in rows), n) * Fraction(sum(r[1] == c for r in rows), n)
             for c in {v for r in rows for v in r})
    assert pa == pe  # the case is exactly at chance
    assert cohen_kappa(rows).value == 0.0
