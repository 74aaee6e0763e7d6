"""Krippendorff's alpha for nominal, ordinal, interval and ratio data, with missing ratings.

Definitions from Krippendorff, K. (2011) *Computing Krippendorff's Alpha-Reliability* (Annenberg
School for Communication Departmental Papers 43) and Krippendorff (2004) *Content Analysis*, 2nd ed.,
ch. 11:

* Only *pairable* values count: those of units rated by m_u >= 2 coders.
* Coincidences o_ck = sum_u (number of ordered pairs (c, k) of ratings by different coders in u) / (m_u - 1);
  n_c = sum_k o_ck; n = sum_c n_c (the number of pairable values).
* alpha = 1 - D_o / D_e = 1 - (n - 1) * sum_ck o_ck delta2_ck / sum_ck n_c n_k delta2_ck.
* Metrics delta2_ck: nominal 0 / 1; ordinal (sum_{g=c..k} n_g - (n_c + n_k) / 2)^2 over categories in scale
  order; interval (c - k)^2; ratio ((c - k) / (c + k))^2.

Alpha is undefined (``value=None`` with a reason) when D_e = 0, i.e. when all pairable values are equal.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

import numpy as np

from ..errors import AgreementError
from ._matrix import FloatArray, Ratings, as_ratings, unit_counts
from ._result import AgreementResult

__all__ = ["Level", "LEVELS", "krippendorff_alpha", "coincidence_matrix", "distance_matrix"]

Level = Literal["nominal", "ordinal", "interval", "ratio"]
LEVELS: tuple[str, ...] = ("nominal", "ordinal", "interval", "ratio")


def _pairable(r: Ratings) -> tuple[FloatArray, FloatArray]:
    """Per unit: the number of ratings m_u and the coincidence weight f_u / (m_u - 1) (0 if m_u < 2)."""
    m = (r.codes >= 0).sum(axis=1).astype(np.float64)
    w = np.zeros_like(m)
    np.divide(r.unit_freq(), m - 1.0, out=w, where=m >= 2)
    return m, w


def coincidence_matrix(data: Any, *, categories: Sequence[Any] | None = None) -> FloatArray:
    """The q x q coincidence matrix o_ck of Krippendorff (2011), categories in :class:`Ratings` order."""
    r = as_ratings(data, categories=categories)
    return _coincidences(r)[0]


def _coincidences(r: Ratings) -> tuple[FloatArray, float]:
    n_coders, q = r.n_coders, r.n_categories
    m, w = _pairable(r)
    units = float(r.unit_freq()[m >= 2].sum())
    if q == 0 or units <= 0.0:
        return np.zeros((q, q), dtype=np.float64), units
    n_pairs = n_coders * (n_coders - 1) // 2
    if n_pairs <= q:
        # Few coders: one bincount per pair of coder columns, never an n x q array.
        present = r.codes >= 0
        flat = np.zeros(q * q, dtype=np.float64)
        for a in range(n_coders):
            for b in range(a + 1, n_coders):
                both = present[:, a] & present[:, b]
                both &= w > 0
                idx = r.codes[both, a] * q + r.codes[both, b]
                flat += np.bincount(idx, weights=w[both], minlength=q * q)
        o = flat.reshape(q, q)
        o = o + o.T
    else:
        counts = unit_counts(r)
        weighted = counts * w[:, None]
        o = weighted.T @ counts
        o[np.diag_indices(q)] -= weighted.sum(axis=0)
    return o, units


def distance_matrix(level: str, n_c: FloatArray, values: FloatArray | None) -> FloatArray:
    """delta2_ck for the given level; ``n_c`` are the pairable values per category (for ordinal)."""
    q = int(n_c.shape[0])
    if level == "nominal":
        return np.asarray(1.0 - np.eye(q), dtype=np.float64)
    if level == "ordinal":
        cum = np.cumsum(n_c)
        # For c <= k: sum_{g=c..k} n_g - (n_c + n_k)/2 = cum_k - cum_c + (n_c - n_k)/2.
        upper = cum[None, :] - cum[:, None] + (n_c[:, None] - n_c[None, :]) / 2.0
        d = np.where(np.arange(q)[None, :] >= np.arange(q)[:, None], upper, upper.T)
        return np.asarray(d**2, dtype=np.float64)
    if values is None:
        raise AgreementError(
            f"the {level} level needs numeric ratings; these data have non-numeric categories"
        )
    diff = values[:, None] - values[None, :]
    if level == "interval":
        return np.asarray(diff**2, dtype=np.float64)
    if level == "ratio":
        if bool(np.any(values < 0)):
            raise AgreementError("the ratio level needs non-negative values")
        total = values[:, None] + values[None, :]
        out = np.zeros((q, q), dtype=np.float64)
        np.divide(diff, total, out=out, where=total != 0)
        return np.asarray(out**2, dtype=np.float64)
    raise AgreementError(f"unknown level {level!r}: expected one of {', '.join(LEVELS)}")


def krippendorff_alpha(
    data: Any,
    *,
    level: Level | str = "nominal",
    categories: Sequence[Any] | None = None,
    coders: Sequence[str] | None = None,
) -> AgreementResult:
    """Krippendorff's alpha (Krippendorff 2011) for any number of coders >= 2 and missing ratings.

    ``data`` is a units x coders matrix (``None``/NaN/"" = missing). ``categories`` declares the scale
    (its order matters for ``ordinal``). Raises :class:`~makna.errors.AgreementError` when fewer than two
    coders are given or no unit is rated by two coders; returns ``value=None`` with ``undefined_reason``
    when every pairable value is the same.
    """
    if level not in LEVELS:
        raise AgreementError(f"unknown level {level!r}: expected one of {', '.join(LEVELS)}")
    r = as_ratings(data, categories=categories, coders=coders)
    return _alpha(r, str(level))


def _alpha(r: Ratings, level: str) -> AgreementResult:
    o, units_f = _coincidences(r)
    if units_f <= 0.0:
        raise AgreementError("no unit was rated by two or more coders: alpha needs pairable values")
    n_c = o.sum(axis=1)
    n = float(n_c.sum())
    delta = distance_matrix(level, n_c, r.values)
    do_sum = float(np.sum(o * delta))
    de_sum = float(n_c @ delta @ n_c)
    units = int(round(units_f))
    d_o = do_sum / n
    if de_sum <= 0.0:
        used = [r.categories[i] for i in np.flatnonzero(n_c > 0)]
        if len(used) == 1:
            reason = (
                f"every pairable rating is the same value ({used[0]!r}): expected disagreement is 0, "
                "so alpha = 1 - D_o / D_e is 0/0"
            )
        else:
            reason = "expected disagreement is 0 at this level of measurement, so alpha is undefined"
        return AgreementResult(
            coefficient="krippendorff_alpha",
            value=None,
            units=units,
            coders=r.n_coders,
            observed=d_o,
            expected=0.0,
            categories=r.n_categories,
            level=level,
            undefined_reason=reason,
        )
    d_e = de_sum / (n * (n - 1.0))
    value = 1.0 - (n - 1.0) * do_sum / de_sum
    return AgreementResult(
        coefficient="krippendorff_alpha",
        value=float(value),
        units=units,
        coders=r.n_coders,
        observed=d_o,
        expected=d_e,
        categories=r.n_categories,
        level=level,
    )
