"""The units x coders rating matrix, encoded once for every coefficient.

A rating matrix has one row per unit and one column per coder; a missing rating is ``None``,
``NaN`` or an empty string. :func:`as_ratings` turns any such input into :class:`Ratings`: integer
category codes (``-1`` = missing), the ordered category labels, and their numeric values when every
label is a number. All coefficients work on these codes with numpy, without per-unit Python loops.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from numbers import Real
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from ..errors import AgreementError

__all__ = [
    "WeightScores",
    "with_scores",
    "Ratings",
    "WeightsName",
    "as_ratings",
    "unit_counts",
    "weight_matrix",
]

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
WeightsName = Literal["unweighted", "linear", "quadratic"]
#: Which scores of the categories weights are computed from: their numeric values (when every category
#: is a number; otherwise their ranks) or always their ranks 1..q in the declared order.
WeightScores = Literal["value", "rank"]

#: Integer-valued data spanning fewer distinct values than this are encoded with a lookup table (O(n)).
_LOOKUP_SPAN = 1 << 20


@dataclass(frozen=True)
class Ratings:
    """An encoded rating matrix.

    ``codes[u, c]`` is the index into ``categories`` of coder ``c``'s rating of unit ``u``, or -1
    when missing. ``values`` holds the numeric value of each category when all are numbers (else
    ``None``). ``freq`` optionally gives each row a frequency weight (a row standing for ``freq[u]``
    identical units); ``None`` means 1 each.
    """

    codes: IntArray
    categories: tuple[Any, ...]
    values: FloatArray | None
    coders: tuple[str, ...]
    freq: FloatArray | None = None

    @property
    def n_units(self) -> int:
        return int(self.codes.shape[0])

    @property
    def n_coders(self) -> int:
        return int(self.codes.shape[1])

    @property
    def n_categories(self) -> int:
        return len(self.categories)

    def unit_freq(self) -> FloatArray:
        """Frequency weight of each row (ones when none was given)."""
        if self.freq is None:
            return np.ones(self.n_units, dtype=np.float64)
        return self.freq


def _is_missing(v: Any) -> bool:
    if v is None:
        return True
    if isinstance(v, float) and math.isnan(v):
        return True
    if isinstance(v, np.floating) and bool(np.isnan(v)):
        return True
    return isinstance(v, str) and v.strip() == ""


def _is_number(v: Any) -> bool:
    return isinstance(v, Real | np.number) and not isinstance(v, bool | np.bool_)


def _sorted_labels(labels: set[Any]) -> list[Any]:
    if all(_is_number(v) for v in labels):
        return sorted(labels, key=float)
    if all(isinstance(v, str) for v in labels):
        return sorted(labels)
    return sorted(labels, key=repr)


def _encode_numeric(
    arr: FloatArray, categories: Sequence[Any] | None
) -> tuple[IntArray, list[Any], FloatArray]:
    mask = ~np.isnan(arr)
    if np.isinf(arr[mask]).any():
        raise AgreementError("ratings contain an infinite value")
    codes = np.full(arr.shape, -1, dtype=np.int64)
    present = arr[mask]
    if categories is not None:
        cat_values = np.asarray([float(c) for c in categories], dtype=np.float64)
        order = np.argsort(cat_values, kind="stable")
        sorted_vals = cat_values[order]
        pos = np.searchsorted(sorted_vals, present)
        pos_clipped = np.minimum(pos, max(len(sorted_vals) - 1, 0))
        ok = (pos < len(sorted_vals)) & (sorted_vals[pos_clipped] == present) if len(sorted_vals) else pos < 0
        if not bool(np.all(ok)):
            bad = present[~ok][0]
            raise AgreementError(f"rating {_fmt(bad)} is not one of the declared categories")
        codes[mask] = order[pos_clipped]
        return codes, list(categories), cat_values
    if present.size == 0:
        return codes, [], np.zeros(0, dtype=np.float64)
    lo, hi = float(present.min()), float(present.max())
    integral = bool(np.all(present == np.floor(present)))
    if integral and hi - lo < _LOOKUP_SPAN:
        shifted = (present - lo).astype(np.int64)
        seen = np.zeros(int(hi - lo) + 1, dtype=bool)
        seen[shifted] = True
        domain = np.flatnonzero(seen)
        lookup = np.cumsum(seen, dtype=np.int64) - 1
        codes[mask] = lookup[shifted]
        uniq = domain.astype(np.float64) + lo
    else:
        uniq, inverse = np.unique(present, return_inverse=True)
        codes[mask] = inverse.reshape(-1)
    labels: list[Any] = [int(v) if integral else float(v) for v in uniq]
    return codes, labels, uniq.astype(np.float64)


def _fmt(v: Any) -> str:
    if isinstance(v, float | np.floating) and float(v).is_integer():
        return str(int(v))
    return repr(v) if isinstance(v, str) else str(v)


def _encode_objects(
    rows: Sequence[Sequence[Any]], n_cols: int, categories: Sequence[Any] | None
) -> tuple[IntArray, list[Any], FloatArray | None]:
    flat: list[Any] = [v for row in rows for v in row]
    missing = [_is_missing(v) for v in flat]
    if categories is not None:
        labels = list(categories)
    else:
        labels = _sorted_labels({v for v, m in zip(flat, missing, strict=True) if not m})
    index: dict[Any, int] = {}
    for i, lab in enumerate(labels):
        index.setdefault(lab, i)
    out = np.full(len(flat), -1, dtype=np.int64)
    for i, (v, m) in enumerate(zip(flat, missing, strict=True)):
        if m:
            continue
        code = index.get(v)
        if code is None:
            raise AgreementError(f"rating {_fmt(v)} is not one of the declared categories")
        out[i] = code
    values = (
        np.asarray([float(v) for v in labels], dtype=np.float64)
        if all(_is_number(v) for v in labels)
        else None
    )
    return out.reshape(len(rows), n_cols), labels, values


def as_ratings(
    data: Any,
    *,
    categories: Sequence[Any] | None = None,
    coders: Sequence[str] | None = None,
    freq: Sequence[float] | FloatArray | None = None,
    min_coders: int = 2,
) -> Ratings:
    """Encode a units x coders matrix (``matrix[unit][coder]``; ``None``/NaN/"" = missing).

    ``categories`` declares every possible category, in scale order (for the ordinal metric and for
    the category count of Brennan-Prediger, Randolph and AC1); without it the categories are the
    distinct values rated, sorted. A rating outside the declared categories is an error.
    """
    if isinstance(data, Ratings):
        return data
    if categories is not None and len(set(map(repr, categories))) != len(categories):
        raise AgreementError("declared categories contain duplicates")
    arr_any = data if isinstance(data, np.ndarray) else None
    codes: IntArray
    labels: list[Any]
    values: FloatArray | None
    if arr_any is None:
        if isinstance(data, str | bytes) or not isinstance(data, Sequence):
            raise AgreementError("ratings must be a units x coders matrix (a list of rows or a 2-D array)")
        rows = [list(r) if isinstance(r, Sequence) and not isinstance(r, str) else None for r in data]
        if any(r is None for r in rows):
            raise AgreementError(
                "ratings must be a units x coders matrix: every row must be a list of ratings"
            )
        widths = {len(r) for r in rows if r is not None}
        if len(widths) > 1:
            raise AgreementError(f"ratings rows have different lengths: {sorted(widths)}")
        try:
            arr_any = np.asarray(rows, dtype=np.float64)
        except (TypeError, ValueError):
            arr_any = None
        if arr_any is None or (categories is not None and not all(_is_number(c) for c in categories)):
            width = widths.pop() if widths else 0
            codes, labels, values = _encode_objects([r for r in rows if r is not None], width, categories)
            return _finish(codes, labels, values, coders, freq, min_coders)
    arr = np.asarray(arr_any)
    if arr.ndim != 2:
        raise AgreementError(f"ratings must be 2-dimensional (units x coders), got {arr.ndim} dimension(s)")
    if arr.dtype.kind in "biuf" and (categories is None or all(_is_number(c) for c in categories)):
        codes, labels, values = _encode_numeric(arr.astype(np.float64, copy=False), categories)
    else:
        codes, labels, values = _encode_objects(arr.tolist(), int(arr.shape[1]), categories)
    return _finish(codes, labels, values, coders, freq, min_coders)


def _finish(
    codes: IntArray,
    labels: list[Any],
    values: FloatArray | None,
    coders: Sequence[str] | None,
    freq: Sequence[float] | FloatArray | None,
    min_coders: int,
) -> Ratings:
    n_units, n_coders = (int(codes.shape[0]), int(codes.shape[1])) if codes.ndim == 2 else (0, 0)
    if n_units == 0:
        raise AgreementError("no units to compare: the rating matrix is empty")
    if n_coders < min_coders:
        raise AgreementError(f"agreement needs at least {min_coders} coders; got {n_coders}")
    names = tuple(coders) if coders is not None else tuple(f"coder{i + 1}" for i in range(n_coders))
    if len(names) != n_coders:
        raise AgreementError(f"{len(names)} coder names for {n_coders} columns")
    f: FloatArray | None = None
    if freq is not None:
        f = np.asarray(freq, dtype=np.float64)
        if f.shape != (n_units,) or bool(np.any(f < 0)) or not bool(np.all(np.isfinite(f))):
            raise AgreementError("unit frequencies must be one non-negative number per unit")
    return Ratings(codes=codes, categories=tuple(labels), values=values, coders=names, freq=f)


def unit_counts(r: Ratings) -> FloatArray:
    """``counts[u, k]``: how many coders put unit ``u`` in category ``k`` (Fleiss' n_ik)."""
    n, q = r.n_units, r.n_categories
    if q == 0:
        return np.zeros((n, 0), dtype=np.float64)
    present = r.codes >= 0
    rows = np.broadcast_to(np.arange(n, dtype=np.int64)[:, None], r.codes.shape)
    flat = rows[present] * q + r.codes[present]
    return np.bincount(flat, minlength=n * q).reshape(n, q).astype(np.float64)


def with_scores(r: Ratings, scores: WeightScores | str) -> Ratings:
    """``r`` whose weights are computed from category ``scores``: ``"value"`` (as given) or ``"rank"``
    (the ranks 1..q of the categories in their order, even when they are numbers)."""
    if scores not in ("value", "rank"):
        raise AgreementError(f"unknown weight scores {scores!r}: expected value or rank")
    return replace(r, values=None) if scores == "rank" and r.values is not None else r


def weight_matrix(r: Ratings, weights: WeightsName | str | None) -> FloatArray:
    """Agreement weights w_kl (1 on the diagonal), after Gwet (2014, ch. 3) and Cohen (1968).

    ``linear``: 1 - |x_k - x_l| / (x_max - x_min); ``quadratic``: 1 - (x_k - x_l)^2 / (x_max - x_min)^2,
    where x are the numeric category values when every category is a number, else the ranks 1..q of
    the categories in their order (the convention of Gwet's irrCAC).
    """
    q = r.n_categories
    if weights is None or weights == "unweighted":
        return np.eye(q, dtype=np.float64)
    if weights not in ("linear", "quadratic"):
        raise AgreementError(f"unknown weights {weights!r}: expected unweighted, linear or quadratic")
    x = r.values if r.values is not None else np.arange(1, q + 1, dtype=np.float64)
    if q < 2:
        return np.eye(q, dtype=np.float64)
    span = float(x.max() - x.min())
    diff = np.abs(x[:, None] - x[None, :])
    if span == 0.0:
        return np.eye(q, dtype=np.float64)
    if weights == "linear":
        return np.asarray(1.0 - diff / span, dtype=np.float64)
    return np.asarray(1.0 - (diff / span) ** 2, dtype=np.float64)
