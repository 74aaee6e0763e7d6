"""Segments on a continuum (coder, start, end, category), validated and arranged for the unitizing alphas."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import AgreementError
from ._matrix import IntArray

__all__ = ["Span", "SpanSet", "as_spans"]


@dataclass(frozen=True)
class Span:
    """One coder's segment ``[start, end)`` with a category (a code)."""

    coder: str
    start: int
    end: int
    category: str


@dataclass(frozen=True)
class SpanSet:
    """Validated segments as parallel numpy arrays, with the continuum and the coders compared."""

    begin: int
    end: int
    coders: tuple[str, ...]
    categories: tuple[str, ...]
    coder: IntArray
    start: IntArray
    stop: IntArray
    category: IntArray

    @property
    def length(self) -> int:
        return self.end - self.begin

    def select(self, mask: np.ndarray[Any, np.dtype[np.bool_]]) -> tuple[IntArray, IntArray, IntArray]:
        return self.coder[mask], self.start[mask], self.stop[mask]


def _field(seg: Any, name: str, i: int) -> Any:
    if isinstance(seg, Mapping):
        if name not in seg:
            raise AgreementError(f"segment {i + 1}: missing field {name!r}")
        return seg[name]
    if isinstance(seg, Span):
        return getattr(seg, name)
    if isinstance(seg, Sequence) and not isinstance(seg, str) and len(seg) == 4:
        return seg[("coder", "start", "end", "category").index(name)]
    if hasattr(seg, name):
        return getattr(seg, name)
    raise AgreementError(f"segment {i + 1}: expected (coder, start, end, category), got {seg!r}")


def as_spans(
    segments: Iterable[Any],
    continuum: tuple[int, int],
    *,
    coders: Sequence[str] | None = None,
    merge_overlaps: bool = False,
) -> SpanSet:
    """Validate segments on the half-open continuum ``[begin, end)``.

    Each segment is a :class:`Span`, a mapping with keys coder/start/end/category, or a 4-tuple. Coders
    default to those who coded something (give ``coders`` to count a coder who coded nothing). A coder's
    segments of one category must not overlap (Krippendorff 2004); with ``merge_overlaps`` they are merged.
    """
    begin, end = int(continuum[0]), int(continuum[1])
    if end <= begin:
        raise AgreementError(f"continuum {begin}:{end} is empty: END must be greater than START")
    rows: list[tuple[str, int, int, str]] = []
    for i, seg in enumerate(segments):
        coder = str(_field(seg, "coder", i))
        cat = str(_field(seg, "category", i))
        try:
            s, e = int(_field(seg, "start", i)), int(_field(seg, "end", i))
        except (TypeError, ValueError):
            raise AgreementError(f"segment {i + 1}: start and end must be integers") from None
        if not begin <= s < e <= end:
            raise AgreementError(
                f"segment {i + 1} ({coder}, {s}:{e}, {cat}) is empty or outside the continuum {begin}:{end}"
            )
        rows.append((coder, s, e, cat))
    names = tuple(coders) if coders is not None else tuple(sorted({r[0] for r in rows}))
    if len(set(names)) != len(names):
        raise AgreementError("coder names are duplicated")
    unknown = sorted({r[0] for r in rows} - set(names))
    if unknown:
        raise AgreementError(f"segments by coder(s) not compared: {', '.join(unknown)}")
    if len(names) < 2:
        raise AgreementError(f"unitizing agreement needs at least two coders; got {len(names)}")
    cats = tuple(sorted({r[3] for r in rows}))
    cidx = {c: i for i, c in enumerate(names)}
    kidx = {k: i for i, k in enumerate(cats)}
    arrays = _check_overlaps(
        np.asarray([cidx[r[0]] for r in rows], dtype=np.int64),
        np.asarray([r[1] for r in rows], dtype=np.int64),
        np.asarray([r[2] for r in rows], dtype=np.int64),
        np.asarray([kidx[r[3]] for r in rows], dtype=np.int64),
        names,
        cats,
        merge_overlaps,
    )
    return SpanSet(
        begin=begin,
        end=end,
        coders=names,
        categories=cats,
        coder=arrays[0],
        start=arrays[1],
        stop=arrays[2],
        category=arrays[3],
    )


def _check_overlaps(
    coder: IntArray,
    start: IntArray,
    stop: IntArray,
    category: IntArray,
    names: tuple[str, ...],
    cats: tuple[str, ...],
    merge: bool,
) -> tuple[IntArray, IntArray, IntArray, IntArray]:
    if coder.size == 0:
        return coder, start, stop, category
    order = np.lexsort((stop, start, category, coder))
    coder, start, stop, category = coder[order], start[order], stop[order], category[order]
    group = coder * (len(cats) + 1) + category
    same = np.r_[False, group[1:] == group[:-1]]
    # the furthest end reached so far within the same (coder, category) group
    prev_end = np.r_[0, _group_cummax(stop, group)[:-1]]
    overlap = same & (start < prev_end)
    if not bool(overlap.any()):
        return coder, start, stop, category
    if not merge:
        i = int(np.flatnonzero(overlap)[0])
        raise AgreementError(
            f"coder {names[int(coder[i])]} has overlapping segments of category "
            f"{cats[int(category[i])]!r} (at {int(start[i])}); merge them first"
        )
    new_run = ~overlap
    run = np.cumsum(new_run) - 1
    first = np.flatnonzero(new_run)
    run_end = np.zeros(first.size, dtype=np.int64)
    np.maximum.at(run_end, run, stop)
    return coder[first], start[first], run_end, category[first]


def _group_cummax(values: IntArray, group: IntArray) -> IntArray:
    """Cumulative maximum of ``values`` restarting at each new (sorted) ``group``."""
    offset = (group.astype(np.float64) - float(group.min())) * (float(values.max()) + 1.0)
    shifted = values.astype(np.float64) + offset
    return np.asarray(np.maximum.accumulate(shifted) - offset, dtype=np.int64)
