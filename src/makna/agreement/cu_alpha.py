"""The unitizing alpha family of Krippendorff, Mathet, Bouvry & Widlöcher (2016), as used by ATLAS.ti.

Krippendorff, K., Mathet, Y., Bouvry, S. & Widlöcher, A. (2016). On the reliability of unitizing textual
continua: Further developments. *Quality & Quantity* 50: 2347-2364. Codes are grouped into *semantic
domains* (by default each code is its own domain); within a domain a coder's segments must not overlap.
Every coefficient rests on length-weighted coincidences between coders i != j:

  o_ck = 1 / (m - 1) * sum_i sum_{j != i} sum_g sum_h |s_ig ∩ s_jh| [value(s_ig) = c, value(s_jh) = k]

* **u-alpha** (``u_alpha``, per domain): values are the domain's codes plus the gap (unmarked stretch);
  expected coincidences e_ck = l.. (l_c l_k - [c = k] sum_{s of value c} lambda_s) / (l..^2 - sum_s lambda_s)
  with lambda = l^2 for a unit and l for a gap (whose positions pair freely); alpha = 1 - (l.. - sum_c o_cc)
  / (l.. - sum_c e_cc).
* **binary alpha** (``binary``, per code and per domain): the same with all of the domain's codes
  collapsed into "relevant" against the gap: agreement on what matter is relevant.
* **cu-alpha** (``cu_alpha``, per domain): only coincidences of codes inside units that intersect (gaps
  left out), with alpha's usual expected coincidences n_c n_k / (n - 1): agreement on which code applies
  where coders agree that something applies.
* **Cu-alpha** (``Cu_alpha``, one value): cu-alpha with each unit valued by its semantic domain, over all
  domains: agreement on which domain applies.

Undefined values (0/0, e.g. only one code used in a domain for cu-alpha) are ``value=None`` with a reason.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..errors import AgreementError
from ._matrix import FloatArray, IntArray
from ._result import AgreementResult
from ._segments import SpanSet, as_spans

__all__ = ["UnitizingFamilyResult", "unitizing_alpha_family"]


@dataclass(frozen=True)
class UnitizingFamilyResult:
    """Per code: binary alpha; per domain: binary, u-alpha and cu-alpha; overall: Cu-alpha."""

    binary_per_code: dict[str, AgreementResult] = field(default_factory=dict)
    binary_per_domain: dict[str, AgreementResult] = field(default_factory=dict)
    u_alpha_per_domain: dict[str, AgreementResult] = field(default_factory=dict)
    cu_alpha_per_domain: dict[str, AgreementResult] = field(default_factory=dict)
    Cu_alpha: AgreementResult | None = None  # noqa: N815 - the published name


def _coverage(
    spans: SpanSet,
    mask: np.ndarray[Any, np.dtype[np.bool_]],
    value: IntArray,
    n_values: int,
    *,
    exclusive: str | None,
) -> tuple[FloatArray, FloatArray]:
    """Elementary interval lengths (K,) and per-coder value coverage (m, K, n_values)."""
    coder, start, stop = spans.coder[mask], spans.start[mask], spans.stop[mask]
    val = value[mask]
    bounds = np.unique(np.r_[spans.begin, spans.end, start, stop])
    widths = np.diff(bounds).astype(np.float64)
    k = widths.size
    m = len(spans.coders)
    diff = np.zeros((m, k + 1, n_values), dtype=np.int64)
    i0 = np.searchsorted(bounds, start)
    i1 = np.searchsorted(bounds, stop)
    np.add.at(diff, (coder, i0, val), 1)
    np.add.at(diff, (coder, i1, val), -1)
    cov = np.cumsum(diff, axis=1)[:, :k, :]
    if exclusive is not None and bool(np.any(cov.sum(axis=2) > 1)):
        raise AgreementError(
            f"a coder applied overlapping segments within {exclusive}; "
            "codes of one semantic domain must not overlap"
        )
    return widths, cov.astype(np.float64)


def _coincidences(widths: FloatArray, cov: FloatArray) -> FloatArray:
    m = cov.shape[0]
    total = cov.sum(axis=0)
    o = (total * widths[:, None]).T @ total
    for i in range(m):
        o -= (cov[i] * widths[:, None]).T @ cov[i]
    return np.asarray(o / (m - 1), dtype=np.float64)


def _u_alpha(
    spans: SpanSet,
    mask: np.ndarray[Any, np.dtype[np.bool_]],
    value: IntArray,
    n_values: int,
    name: str,
    domain: str,
) -> AgreementResult:
    widths, cov = _coverage(spans, mask, value, n_values, exclusive=f"domain {domain!r}")
    gap = 1.0 - cov.sum(axis=2, keepdims=True)
    full = np.concatenate([cov, gap], axis=2)  # last value = gap
    o = _coincidences(widths, full)
    m = len(spans.coders)
    lens = (spans.stop[mask] - spans.start[mask]).astype(np.float64)
    lam = np.bincount(value[mask], weights=lens**2, minlength=n_values)
    gap_len = float(np.sum(gap[..., 0] * widths[None, :]))
    lam_full = np.r_[lam, gap_len]
    l_c = o.sum(axis=1)
    l_all = float(l_c.sum())
    denom = l_all**2 - float(lam_full.sum())
    e_diag = l_all * (l_c**2 - lam_full) / denom if denom > 0 else np.zeros_like(l_c)
    d_o = l_all - float(np.trace(o))
    d_e = l_all - float(e_diag.sum())
    units = int(mask.sum())
    if d_e <= 1e-12 * max(l_all, 1.0):
        return AgreementResult(
            coefficient=name,
            value=None,
            units=units,
            coders=m,
            observed=d_o / l_all,
            expected=0.0,
            categories=n_values,
            level="nominal",
            undefined_reason="expected disagreement is 0 (the whole continuum is valued "
            "alike), so alpha is 0/0",
        )
    return AgreementResult(
        coefficient=name,
        value=1.0 - d_o / d_e,
        units=units,
        coders=m,
        observed=d_o / l_all,
        expected=d_e / l_all,
        categories=n_values,
        level="nominal",
    )


def _cu_alpha(
    spans: SpanSet,
    mask: np.ndarray[Any, np.dtype[np.bool_]],
    value: IntArray,
    n_values: int,
    name: str,
    exclusive: str | None,
) -> AgreementResult:
    widths, cov = _coverage(spans, mask, value, n_values, exclusive=exclusive)
    o = _coincidences(widths, cov)
    m = len(spans.coders)
    n_c = o.sum(axis=1)
    n = float(n_c.sum())
    units = int(mask.sum())
    off = float(o.sum() - np.trace(o))
    exp = float(n * n - np.sum(n_c**2))
    if n <= 1.0 or exp <= 0.0:
        reason = (
            "no two coders' units intersect"
            if n <= 1.0
            else "only one value occurs in intersecting units: expected disagreement is 0, alpha is 0/0"
        )
        return AgreementResult(
            coefficient=name,
            value=None,
            units=units,
            coders=m,
            categories=n_values,
            level="nominal",
            undefined_reason=reason,
        )
    return AgreementResult(
        coefficient=name,
        value=1.0 - (n - 1.0) * off / exp,
        units=units,
        coders=m,
        observed=off / n,
        expected=exp / (n * (n - 1.0)),
        categories=n_values,
        level="nominal",
    )


def unitizing_alpha_family(
    segments: Iterable[Any],
    continuum: tuple[int, int],
    *,
    domains: Mapping[str, str] | None = None,
    coders: Sequence[str] | None = None,
    merge_overlaps: bool = False,
) -> UnitizingFamilyResult:
    """Binary alpha per code and domain, u-alpha and cu-alpha per domain, Cu-alpha (Krippendorff et al. 2016).

    ``domains`` maps each code to its semantic domain (codes not named form a domain of their own).
    """
    spans = as_spans(segments, continuum, coders=coders, merge_overlaps=merge_overlaps)
    dom_of = [str((domains or {}).get(c, c)) for c in spans.categories]
    dom_names = sorted(set(dom_of))
    dom_idx = np.asarray([dom_names.index(d) for d in dom_of], dtype=np.int64)
    seg_dom = dom_idx[spans.category] if spans.category.size else spans.category
    zeros = np.zeros_like(spans.category)
    result = UnitizingFamilyResult()
    for k, code in enumerate(spans.categories):
        mask = spans.category == k
        result.binary_per_code[code] = _u_alpha(spans, mask, zeros, 1, "binary_alpha", code)
    for d, dom in enumerate(dom_names):
        mask = seg_dom == d
        codes_in = np.flatnonzero(dom_idx == d)
        local = np.searchsorted(codes_in, spans.category)
        local = np.where(mask, local, 0)
        label = f"domain {dom!r}"
        result.binary_per_domain[dom] = _u_alpha(spans, mask, zeros, 1, "binary_alpha", dom)
        result.u_alpha_per_domain[dom] = _u_alpha(spans, mask, local, codes_in.size, "u_alpha", dom)
        result.cu_alpha_per_domain[dom] = _cu_alpha(spans, mask, local, codes_in.size, "cu_alpha", label)
    all_mask = np.ones(spans.category.size, dtype=bool)
    cu = _cu_alpha(spans, all_mask, seg_dom, len(dom_names), "Cu_alpha", None)
    return UnitizingFamilyResult(
        binary_per_code=result.binary_per_code,
        binary_per_domain=result.binary_per_domain,
        u_alpha_per_domain=result.u_alpha_per_domain,
        cu_alpha_per_domain=result.cu_alpha_per_domain,
        Cu_alpha=cu,
    )
