"""Bootstrapped confidence interval for Krippendorff's alpha (Hayes & Krippendorff 2007).

Hayes, A. F. & Krippendorff, K. (2007). Answering the call for a standard reliability measure for coding
data. *Communication Methods and Measures* 1(1): 77-89; and Krippendorff (2016), *Bootstrapping
distributions for Krippendorff's alpha* (the KALPHA algorithm). The expected disagreement D_e is held
fixed; the M = sum_u m_u (m_u - 1) / 2 pairs of values within units are resampled with replacement,
each pair (c, k) of unit u contributing e = 2 delta2_ck / (m_u - 1); a bootstrap alpha is
1 - sum(e over the M drawn pairs) / (n D_e). Since only the counts of distinct pair kinds matter, the
draw is one multinomial per replicate (exactly the same distribution as drawing M pairs one by one).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from ..errors import AgreementError
from ._matrix import as_ratings, unit_counts
from ._result import BootstrapResult
from .krippendorff import LEVELS, Level, _alpha, distance_matrix

__all__ = ["krippendorff_alpha_bootstrap"]


def krippendorff_alpha_bootstrap(
    data: Any,
    *,
    level: Level | str = "nominal",
    categories: Sequence[Any] | None = None,
    n_boot: int = 1000,
    confidence: float = 0.95,
    seed: int | None = 0,
    alpha_min: Sequence[float] = (0.667, 0.8),
) -> BootstrapResult:
    """Alpha with a percentile bootstrap interval; ``seed`` makes it reproducible (``None``: fresh entropy).

    ``q_below[a]`` is the share of bootstrap replicates below each ``alpha_min`` value (the probability
    of failing to reach it). The interval is ``None`` where alpha is undefined.
    """
    if level not in LEVELS:
        raise AgreementError(f"unknown level {level!r}: expected one of {', '.join(LEVELS)}")
    if n_boot < 1:
        raise AgreementError("n_boot must be at least 1")
    if not 0.0 < confidence < 1.0:
        raise AgreementError("confidence must be between 0 and 1")
    r = as_ratings(data, categories=categories)
    res = _alpha(r, str(level))
    if res.value is None or res.expected is None:
        return BootstrapResult(
            alpha=res, ci_low=None, ci_high=None, confidence=confidence, n_boot=n_boot, seed=seed
        )
    counts = unit_counts(r)
    f = r.unit_freq()
    m = counts.sum(axis=1)
    q = r.n_categories
    n_c = np.zeros(q)
    pair_counts: list[np.ndarray[Any, np.dtype[np.float64]]] = []
    pair_values: list[np.ndarray[Any, np.dtype[np.float64]]] = []
    pairable = counts[m >= 2]
    n_c = (pairable * f[m >= 2][:, None]).sum(axis=0)
    delta = distance_matrix(str(level), n_c, r.values)
    iu = np.triu_indices(q, k=1)
    zero_pairs = 0.0
    for mu in np.unique(m[m >= 2]):
        sel = m == mu
        c = counts[sel]
        fw = f[sel]
        cross = (c * fw[:, None]).T @ c  # unordered pairs c<k: cross[c, k]; same-category: see below
        same = float(np.sum(fw[:, None] * c * (c - 1.0) / 2.0))
        pair_counts.append(cross[iu])
        pair_values.append(2.0 * delta[iu] / (mu - 1.0))
        zero_pairs += same
    counts_all = np.concatenate([*pair_counts, [zero_pairs]])
    values_all = np.concatenate([*pair_values, [0.0]])
    keep = counts_all > 0
    counts_all, values_all = counts_all[keep], values_all[keep]
    total_pairs = float(counts_all.sum())
    n = float(n_c.sum())
    rng = np.random.default_rng(seed)
    draws = rng.multinomial(int(round(total_pairs)), counts_all / total_pairs, size=n_boot)
    boot = 1.0 - (draws @ values_all) / (n * res.expected)
    tail = (1.0 - confidence) / 2.0
    lo, hi = np.quantile(boot, [tail, 1.0 - tail])
    q_below = {float(a): float(np.mean(boot < a)) for a in alpha_min}
    return BootstrapResult(
        alpha=res,
        ci_low=float(lo),
        ci_high=min(float(hi), 1.0),
        confidence=confidence,
        n_boot=n_boot,
        seed=seed,
        q_below=q_below,
    )
