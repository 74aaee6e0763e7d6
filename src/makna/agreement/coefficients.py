"""Chance-corrected agreement coefficients of the kappa family on a units x coders matrix.

All coefficients have the form (p_a - p_e) / (1 - p_e) and share Gwet's treatment of missing
ratings (Gwet, K. L. 2014, *Handbook of Inter-Rater Reliability*, 4th ed., ch. 2-5; the R package
irrCAC implements the same formulas):

* r_ik = number of coders who put unit i in category k, r_i = sum_k r_ik;
  r*_ik = sum_l w_kl r_il with agreement weights w (identity when unweighted).
* **Percent agreement** p_a = mean over the units with r_i >= 2 of
  sum_k r_ik (r*_ik - 1) / (r_i (r_i - 1)). Units rated by fewer than two coders are left out;
  with two coders and no missing data this is the share of units on which they agree.
* **Fleiss' kappa** (Fleiss 1971), generalised by Gwet to missing ratings:
  pi_k = mean over units with r_i >= 1 of r_ik / r_i; p_e = sum_kl w_kl pi_k pi_l.
  **Scott's pi** (Scott 1955) is the same statistic for exactly two coders.
* **Conger's kappa** (Conger 1980): p_gk = share of the units rated by coder g that g put in k;
  p_e = sum_kl w_kl (pbar_k pbar_l - s2_kl / r), s2_kl the between-coder covariance of p_gk.
  **Cohen's kappa** (Cohen 1960; weighted: Cohen 1968) is Conger's kappa for exactly two coders
  (then p_e = sum_kl w_kl p_1k p_2l); with missing ratings, p_a uses the units both coders rated
  and each coder's marginal uses all units that coder rated.
* **Gwet's AC1 / AC2** (Gwet 2008): p_e = T_w / (q (q - 1)) * sum_k pi_k (1 - pi_k), T_w = sum of w.
* **Brennan-Prediger** (Brennan & Prediger 1981): p_e = T_w / q^2 (1/q unweighted).
  **Randolph's free-marginal kappa** (Randolph 2005) is (P_o - 1/q) / (1 - 1/q) with Fleiss' P_o;
  with the missing-data rule above it equals unweighted Brennan-Prediger.

**Category count q** (Brennan-Prediger, Randolph, AC1/AC2): the number of declared categories when
``categories`` is given (e.g. the codebook's codes, or a rating scale's points), otherwise the number
of distinct categories that occur in the data (the irrCAC convention). Declare the categories whenever
some of them may go unused: q changes the value of these three coefficients.

Weights (``linear`` / ``quadratic``) are computed from the numeric category values when all categories
are numbers, else from their ranks; ``weight_scores="rank"`` takes the ranks 1..q of the categories in
their declared order even when they are numbers (the convention of R's irr and irrCAC
``quadratic.weights(1:q)`` and of scikit-learn's ``cohen_kappa_score``); see
:func:`makna.agreement._matrix.weight_matrix`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from ..errors import AgreementError
from ._matrix import FloatArray, Ratings, WeightScores, WeightsName, as_ratings, unit_counts, weight_matrix, with_scores
from ._result import AgreementResult

__all__ = [
    "percent_agreement",
    "cohen_kappa",
    "scott_pi",
    "fleiss_kappa",
    "conger_kappa",
    "brennan_prediger",
    "randolph_free_marginal_kappa",
    "gwet_ac1",
    "gwet_ac2",
]

_EPS = 1e-12


class _Gwet:
    """Quantities shared by the Gwet-style coefficients."""

    def __init__(self, r: Ratings, weights: WeightsName | str | None) -> None:
        self.r = r
        self.w = weight_matrix(r, weights)
        counts = unit_counts(r)
        f = r.unit_freq()
        ri = counts.sum(axis=1)
        two = ri >= 2
        f2 = f[two]
        n2 = float(f2.sum())
        if n2 <= 0.0:
            raise AgreementError("no unit was rated by two or more coders: agreement cannot be computed")
        rc = counts[two]
        rw = rc @ self.w.T
        ri2 = ri[two]
        per_unit = (rc * (rw - 1.0)).sum(axis=1) / (ri2 * (ri2 - 1.0))
        self.pa = float(np.dot(f2, per_unit) / n2)
        one = ri >= 1
        f1 = f[one]
        self.pi: FloatArray = (f1[:, None] * counts[one] / ri[one][:, None]).sum(axis=0) / float(f1.sum())
        self.units = int(round(n2))
        self.q = r.n_categories


def _weights_label(weights: WeightsName | str | None) -> str | None:
    return None if weights in (None, "unweighted") else str(weights)


def _kappa(
    name: str,
    pa: float,
    pe: float,
    units: int,
    r: Ratings,
    weights: WeightsName | str | None,
    reason: str | None = None,
) -> AgreementResult:
    value: float | None
    if reason is None and 1.0 - pe <= _EPS:
        reason = (
            "chance agreement p_e is 1 (all ratings fall in one category), "
            f"so {name} = (p_a - p_e) / (1 - p_e) is 0/0"
        )
    if reason is not None:
        value = None
    elif abs(pa - pe) <= _EPS:  # agreement exactly at chance: 0, not the float noise of two sums (-9.3e-15)
        value = 0.0
    else:
        value = float((pa - pe) / (1.0 - pe))
    return AgreementResult(
        coefficient=name,
        value=value,
        units=units,
        coders=r.n_coders,
        observed=pa,
        expected=None if reason is not None and r.n_categories < 2 else pe,
        categories=r.n_categories,
        weights=_weights_label(weights),
        undefined_reason=reason,
    )


def _prepare(
    data: Any, categories: Sequence[Any] | None, coders: Sequence[str] | None, exactly_two: str | None = None,
    scores: WeightScores = "value",
) -> Ratings:
    r = with_scores(as_ratings(data, categories=categories, coders=coders), scores)
    if exactly_two is not None and r.n_coders != 2:
        raise AgreementError(
            f"{exactly_two} compares exactly two coders; got {r.n_coders} "
            "(use fleiss_kappa, conger_kappa or krippendorff_alpha for more)"
        )
    return r


def percent_agreement(
    data: Any,
    *,
    categories: Sequence[Any] | None = None,
    weights: WeightsName | None = None,
    weight_scores: WeightScores = "value",
    coders: Sequence[str] | None = None,
) -> AgreementResult:
    """Percent agreement (Gwet 2014, eq. 2.5 generalised): the mean share of agreeing coder pairs per unit,
    over the units rated by at least two coders. Not chance-corrected."""
    r = _prepare(data, categories, coders, scores=weight_scores)
    g = _Gwet(r, weights)
    return AgreementResult(
        coefficient="percent_agreement",
        value=g.pa,
        units=g.units,
        coders=r.n_coders,
        observed=g.pa,
        expected=0.0,
        categories=r.n_categories,
        weights=_weights_label(weights),
    )


def fleiss_kappa(
    data: Any,
    *,
    categories: Sequence[Any] | None = None,
    weights: WeightsName | None = None,
    weight_scores: WeightScores = "value",
    coders: Sequence[str] | None = None,
) -> AgreementResult:
    """Fleiss' (1971) kappa for two or more coders, with Gwet's (2014) generalisation to missing ratings:
    p_e = sum_kl w_kl pi_k pi_l, pi_k the mean over rated units of r_ik / r_i."""
    r = _prepare(data, categories, coders, scores=weight_scores)
    return _fleiss(r, weights, "fleiss_kappa")


def _fleiss(r: Ratings, weights: WeightsName | str | None, name: str) -> AgreementResult:
    g = _Gwet(r, weights)
    pe = float(g.pi @ g.w @ g.pi)
    return _kappa(name, g.pa, pe, g.units, r, weights)


def scott_pi(
    data: Any,
    *,
    categories: Sequence[Any] | None = None,
    weights: WeightsName | None = None,
    weight_scores: WeightScores = "value",
    coders: Sequence[str] | None = None,
) -> AgreementResult:
    """Scott's (1955) pi for exactly two coders: chance agreement from the pooled distribution of both
    coders' ratings (Fleiss' kappa restricted to two coders, same missing-data rule)."""
    r = _prepare(data, categories, coders, exactly_two="scott_pi", scores=weight_scores)
    return _fleiss(r, weights, "scott_pi")


def conger_kappa(
    data: Any,
    *,
    categories: Sequence[Any] | None = None,
    weights: WeightsName | None = None,
    weight_scores: WeightScores = "value",
    coders: Sequence[str] | None = None,
) -> AgreementResult:
    """Conger's (1980) kappa for two or more coders: Cohen's kappa generalised with each coder's own marginal
    distribution; p_e = sum_kl w_kl (pbar_k pbar_l - s2_kl / r) (Gwet 2014, eq. 2.26)."""
    r = _prepare(data, categories, coders, scores=weight_scores)
    return _conger(r, weights, "conger_kappa")


def _conger(r: Ratings, weights: WeightsName | str | None, name: str) -> AgreementResult:
    g = _Gwet(r, weights)
    n_coders, q = r.n_coders, r.n_categories
    present = r.codes >= 0
    coder_idx = np.broadcast_to(np.arange(n_coders, dtype=np.int64)[None, :], r.codes.shape)
    f = np.broadcast_to(r.unit_freq()[:, None], r.codes.shape)
    classif = np.bincount(
        coder_idx[present] * q + r.codes[present], weights=f[present], minlength=n_coders * q
    ).reshape(n_coders, q)
    ng = classif.sum(axis=1)
    if bool(np.any(ng <= 0)):
        empty = [r.coders[i] for i in np.flatnonzero(ng <= 0)]
        raise AgreementError(f"{name}: coder(s) {', '.join(empty)} rated no unit")
    pgk = classif / ng[:, None]
    pbar = pgk.mean(axis=0)
    s2 = (pgk.T @ pgk - n_coders * np.outer(pbar, pbar)) / (n_coders - 1)
    pe = float(np.sum(g.w * (np.outer(pbar, pbar) - s2 / n_coders)))
    return _kappa(name, g.pa, pe, g.units, r, weights)


def cohen_kappa(
    data: Any,
    *,
    categories: Sequence[Any] | None = None,
    weights: WeightsName | None = None,
    weight_scores: WeightScores = "value",
    coders: Sequence[str] | None = None,
) -> AgreementResult:
    """Cohen's (1960) kappa, or weighted kappa (Cohen 1968) with ``weights='linear'|'quadratic'``, for
    exactly two coders: p_e = sum_kl w_kl p_1k p_2l from each coder's own marginal distribution."""
    r = _prepare(data, categories, coders, exactly_two="cohen_kappa", scores=weight_scores)
    return _conger(r, weights, "cohen_kappa")


def brennan_prediger(
    data: Any,
    *,
    categories: Sequence[Any] | None = None,
    weights: WeightsName | None = None,
    weight_scores: WeightScores = "value",
    coders: Sequence[str] | None = None,
) -> AgreementResult:
    """Brennan & Prediger's (1981) kappa: chance agreement 1/q (weighted: T_w / q^2), q = number of
    categories (declared, else observed; see the module docstring)."""
    r = _prepare(data, categories, coders, scores=weight_scores)
    g = _Gwet(r, weights)
    q = g.q
    reason = None if q >= 2 else _one_category_reason("brennan_prediger")
    pe = float(g.w.sum() / q**2) if q >= 1 else 1.0
    return _kappa("brennan_prediger", g.pa, pe, g.units, r, weights, reason)


def randolph_free_marginal_kappa(
    data: Any, *, categories: Sequence[Any] | None = None, coders: Sequence[str] | None = None
) -> AgreementResult:
    """Randolph's (2005) free-marginal multirater kappa: (P_o - 1/q) / (1 - 1/q), P_o as in Fleiss' kappa,
    q = number of categories (declared, else observed; see the module docstring)."""
    r = _prepare(data, categories, coders)
    g = _Gwet(r, None)
    q = g.q
    reason = None if q >= 2 else _one_category_reason("randolph_free_marginal_kappa")
    pe = 1.0 / q if q >= 1 else 1.0
    return _kappa("randolph_free_marginal_kappa", g.pa, pe, g.units, r, None, reason)


def _one_category_reason(name: str) -> str:
    return (
        f"{name} needs at least two categories and only one is known; "
        "declare the possible categories (categories=...) to define it"
    )


def gwet_ac1(
    data: Any,
    *,
    categories: Sequence[Any] | None = None,
    weights: WeightsName | None = None,
    weight_scores: WeightScores = "value",
    coders: Sequence[str] | None = None,
) -> AgreementResult:
    """Gwet's (2008) AC1 (AC2 when weighted): p_e = T_w / (q (q - 1)) * sum_k pi_k (1 - pi_k)."""
    r = _prepare(data, categories, coders, scores=weight_scores)
    name = "gwet_ac1" if weights in (None, "unweighted") else "gwet_ac2"
    return _ac(r, weights, name)


def gwet_ac2(
    data: Any,
    *,
    categories: Sequence[Any] | None = None,
    weights: WeightsName = "quadratic",
    weight_scores: WeightScores = "value",
    coders: Sequence[str] | None = None,
) -> AgreementResult:
    """Gwet's (2014) AC2, the weighted AC1 (quadratic weights unless told otherwise)."""
    r = _prepare(data, categories, coders, scores=weight_scores)
    return _ac(r, weights, "gwet_ac2")


def _ac(r: Ratings, weights: WeightsName | str | None, name: str) -> AgreementResult:
    g = _Gwet(r, weights)
    q = g.q
    if q < 2:
        return _kappa(name, g.pa, 1.0, g.units, r, weights, _one_category_reason(name))
    pe = float(g.w.sum() * np.sum(g.pi * (1.0 - g.pi)) / (q * (q - 1)))
    return _kappa(name, g.pa, pe, g.units, r, weights)
