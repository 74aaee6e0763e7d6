"""Krippendorff's unitizing alpha (u-alpha) for coders who set their own segment boundaries.

Krippendorff, K. (2004). Measuring the reliability of qualitative text analysis data. *Quality &
Quantity* 38: 787-800 (also *Content Analysis*, 2nd ed., 2004, sect. 12.4). For each category c, every
coder's continuum [b, b + L) is a sequence of *units* of c and *gaps*; with m coders, N_c units of c
over all coders and segment lengths l:

* delta2 between segment g of coder i and segment h of coder j (b = start, l = length):
  both units and overlapping: (b_g - b_h)^2 + (b_g + l_g - b_h - l_h)^2; a unit inside the other's gap:
  l_unit^2; otherwise 0.
* D_o,c = sum_i sum_{j != i} sum_g sum_h delta2 / (m (m - 1) L^2).
* D_e,c = 2 / L * sum_{units u of c} [ (N_c - 1)(2 l_u^3 - 3 l_u^2 + l_u) / 3
  + l_u^2 * sum_{gaps G of c with l_G >= l_u} (l_G - l_u + 1) ] / [ m L (m L - 1) - sum_u l_u (l_u - 1) ].
* u-alpha_c = 1 - D_o,c / D_e,c; over all categories u-alpha = 1 - sum_c D_o,c / sum_c D_e,c.

Positions are integers (characters), segments half-open. Each coder's segments of one category must not
overlap. Computation is vectorised per pair of coders (sweep over merged boundaries), never per position.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ._matrix import IntArray
from ._result import AgreementResult
from ._segments import SpanSet, as_spans

__all__ = ["UnitizingResult", "krippendorff_u_alpha", "segmentation"]


@dataclass(frozen=True)
class UnitizingResult:
    """u-alpha over all categories and per category (``units`` = coded segments compared)."""

    overall: AgreementResult
    per_category: dict[str, AgreementResult] = field(default_factory=dict)


def segmentation(
    starts: IntArray, stops: IntArray, begin: int, end: int
) -> tuple[IntArray, IntArray, IntArray]:
    """One coder's units (sorted, non-overlapping) plus the gaps between them: (start, length, is_unit)."""
    gap_start = np.r_[begin, stops]
    gap_stop = np.r_[starts, end]
    keep = gap_stop > gap_start
    seg_start = np.r_[starts, gap_start[keep]]
    seg_len = np.r_[stops - starts, (gap_stop - gap_start)[keep]]
    is_unit = np.r_[np.ones(starts.size, dtype=np.int64), np.zeros(int(keep.sum()), dtype=np.int64)]
    order = np.argsort(seg_start, kind="stable")
    return seg_start[order].astype(np.int64), seg_len[order].astype(np.int64), is_unit[order]


def _pair_disagreement(
    a: tuple[IntArray, IntArray, IntArray], b: tuple[IntArray, IntArray, IntArray]
) -> float:
    """sum_g sum_h delta2 over the overlapping segments of two coders' segmentations."""
    sa, la, ua = a
    sb, lb, ub = b
    points = np.union1d(sa, sb)
    ia = np.searchsorted(sa, points, side="right") - 1
    ib = np.searchsorted(sb, points, side="right") - 1
    b1, l1, w1 = sa[ia].astype(np.float64), la[ia].astype(np.float64), ua[ia]
    b2, l2, w2 = sb[ib].astype(np.float64), lb[ib].astype(np.float64), ub[ib]
    diff = b1 - b2
    both = (w1 == 1) & (w2 == 1) & (-l1 < diff) & (diff < l2)
    d_both = diff**2 + (diff + l1 - l2) ** 2
    in_gap2 = (w1 == 1) & (w2 == 0) & (diff >= 0) & (b1 + l1 <= b2 + l2)
    in_gap1 = (w1 == 0) & (w2 == 1) & (diff <= 0) & (b2 + l2 <= b1 + l1)
    total = np.where(both, d_both, 0.0) + np.where(in_gap2, l1**2, 0.0) + np.where(in_gap1, l2**2, 0.0)
    return float(total.sum())


def _category_terms(spans: SpanSet, k: int) -> tuple[float, float, int]:
    """(D_o, D_e, number of units) for category index ``k``."""
    m, length = len(spans.coders), float(spans.length)
    segs = []
    gaps: list[IntArray] = []
    lens: list[IntArray] = []
    for i in range(m):
        mask = (spans.coder == i) & (spans.category == k)
        st, sp = spans.start[mask], spans.stop[mask]
        order = np.argsort(st, kind="stable")
        seg = segmentation(st[order], sp[order], spans.begin, spans.end)
        segs.append(seg)
        gaps.append(seg[1][seg[2] == 0])
        lens.append(seg[1][seg[2] == 1])
    observed = 0.0
    for i in range(m):
        for j in range(i + 1, m):
            observed += _pair_disagreement(segs[i], segs[j])
    d_o = 2.0 * observed / (m * (m - 1) * length * length)
    units = np.concatenate(lens).astype(np.float64)
    gap = np.sort(np.concatenate(gaps).astype(np.float64))
    n_c = float(units.size)
    suffix = np.r_[np.cumsum(gap[::-1])[::-1], 0.0]
    pos = np.searchsorted(gap, units, side="left")
    count = gap.size - pos
    gap_sum = suffix[pos] - (units - 1.0) * count
    term = (n_c - 1.0) * (2.0 * units**3 - 3.0 * units**2 + units) / 3.0 + units**2 * gap_sum
    denom = m * length * (m * length - 1.0) - float(np.sum(units * (units - 1.0)))
    d_e = (2.0 / length) * float(term.sum()) / denom if denom > 0 else 0.0
    return d_o, d_e, int(n_c)


def _result(name: str, d_o: float, d_e: float, units: int, coders: int, categories: int) -> AgreementResult:
    if d_e <= 0.0:
        return AgreementResult(
            coefficient=name,
            value=None,
            units=units,
            coders=coders,
            observed=d_o,
            expected=d_e,
            categories=categories,
            level="nominal",
            undefined_reason="expected disagreement is 0 (no variation in unitizing "
            "to compare), so u-alpha is 0/0",
        )
    return AgreementResult(
        coefficient=name,
        value=1.0 - d_o / d_e,
        units=units,
        coders=coders,
        observed=d_o,
        expected=d_e,
        categories=categories,
        level="nominal",
    )


def krippendorff_u_alpha(
    segments: Iterable[Any],
    continuum: tuple[int, int],
    *,
    coders: Sequence[str] | None = None,
    merge_overlaps: bool = False,
) -> UnitizingResult:
    """Krippendorff's (2004) u-alpha, overall and per category.

    ``segments``: (coder, start, end, category) tuples, mappings or :class:`~makna.agreement.Span`;
    ``continuum``: (start, end), half-open. ``coders`` lists the coders compared (default: those with
    a segment). Raises :class:`~makna.errors.AgreementError` on fewer than two coders, segments outside
    the continuum or a coder's overlapping segments of one category (unless ``merge_overlaps``).
    """
    spans = as_spans(segments, continuum, coders=coders, merge_overlaps=merge_overlaps)
    m = len(spans.coders)
    per: dict[str, AgreementResult] = {}
    total_o = total_e = 0.0
    total_units = 0
    for k, cat in enumerate(spans.categories):
        d_o, d_e, n_units = _category_terms(spans, k)
        per[cat] = _result("krippendorff_u_alpha_category", d_o, d_e, n_units, m, 1)
        total_o += d_o
        total_e += d_e
        total_units += n_units
    overall = _result("krippendorff_u_alpha", total_o, total_e, total_units, m, len(spans.categories))
    if not spans.categories:
        overall = AgreementResult(
            coefficient="krippendorff_u_alpha",
            value=None,
            units=0,
            coders=m,
            undefined_reason="no coder marked any segment",
            level="nominal",
        )
    return UnitizingResult(overall=overall, per_category=per)
