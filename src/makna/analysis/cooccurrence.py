"""Code co-occurrence: how often two codes meet, by overlapping segments, in the same turn, or
within N characters, with the c-coefficient ``n12 / (n1 + n2 - n12)``.

Definitions (the *unit* depends on the mode):

* ``overlap``: the unit is a segment. ``n1`` is the number of segments of code 1; ``n12`` the
  number of pairs (segment of code 1, segment of code 2) in the same source that share at least one
  character. ``distance N`` is the same with pairs whose gap (characters between the end of one and
  the start of the other) is at most N, overlapping pairs included (``distance 0``: overlapping or
  touching). As in ATLAS.ti, a segment meeting several segments of the other code counts once per
  pair, so in these modes c can exceed 1 (``Cooccurrence.capped`` says where).
* ``turn``: the unit is a speaker turn. ``n1`` is the number of turns that hold (overlap) a segment
  of code 1; ``n12`` the number of turns that hold both codes. Here c is the Jaccard index of the two
  turn sets and lies in [0, 1]. Segments outside every turn are not counted.

Pairs of segments of the same code are not counted; the diagonal holds ``n1``.

The computation sorts segments once per source (numpy) and finds each segment's partners with a
binary search, so it costs O(n log n + pairs) instead of the O(n^2) comparisons of a pairwise loop
(:func:`cooccurrence_naive`, kept as the reference and for the benchmark).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
from sqlalchemy import select

from ..errors import InputError
from ..project import Project
from ..store import tables
from ._segdata import SegmentArrays, load_segments

__all__ = ["Mode", "Cooccurrence", "CooccurrencePair", "cooccurrence", "cooccurrence_arrays",
           "cooccurrence_naive"]

Mode = Literal["overlap", "turn", "distance"]
IntArray = npt.NDArray[np.int64]
_SHIFT = np.int64(1 << 32)


@dataclass(frozen=True)
class CooccurrencePair:
    code1: str
    code2: str
    n1: int
    n2: int
    n12: int
    c: float


@dataclass
class Cooccurrence:
    """A symmetric code x code table: ``counts[i][j]`` = n12 for ``codes[i]``, ``codes[j]``
    (diagonal: n_i), and ``totals[i]`` = n_i."""

    codes: list[str]
    counts: IntArray
    totals: IntArray
    mode: str
    distance: int = 0
    names: list[str] = field(default_factory=list)

    def coefficient(self) -> npt.NDArray[np.float64]:
        """The c-coefficient for every pair (1.0 on the diagonal of used codes, 0 where n1+n2-n12 is 0)."""
        n = self.totals.astype(np.float64)
        denom = n[:, None] + n[None, :] - self.counts
        with np.errstate(divide="ignore", invalid="ignore"):
            c = np.where(denom > 0, self.counts / np.where(denom > 0, denom, 1), 0.0)
        np.fill_diagonal(c, np.where(self.totals > 0, 1.0, 0.0))
        return c

    @property
    def capped(self) -> bool:
        """True when some pair has n12 > min(n1, n2) (possible in the overlap and distance modes)."""
        off = self.counts.copy()
        np.fill_diagonal(off, 0)
        lim = np.minimum(self.totals[:, None], self.totals[None, :])
        return bool((off > lim).any())

    def pairs(self, *, min_count: int = 1) -> list[CooccurrencePair]:
        """Every pair of distinct codes with n12 >= ``min_count``, most frequent first."""
        c = self.coefficient()
        iu, ju = np.triu_indices(len(self.codes), k=1)
        vals = self.counts[iu, ju]
        keep = np.nonzero(vals >= max(min_count, 1))[0]
        order = keep[np.lexsort((ju[keep], iu[keep], -vals[keep]))]
        return [CooccurrencePair(self.codes[iu[k]], self.codes[ju[k]], int(self.totals[iu[k]]),
                                 int(self.totals[ju[k]]), int(vals[k]), float(c[iu[k], ju[k]])) for k in order]

    def records(self) -> list[dict[str, Any]]:
        """One dict per code: ``{"code": key, other_key: n12, ...}``."""
        return [{"code": k, **{o: int(v) for o, v in zip(self.codes, row, strict=True)}}
                for k, row in zip(self.codes, self.counts.tolist(), strict=True)]


def _expand(lo: IntArray, hi: IntArray) -> tuple[IntArray, IntArray]:
    """For each i, the pairs (i, j) with lo[i] <= j < hi[i] (vectorised)."""
    counts = np.maximum(hi - lo, 0)
    total = int(counts.sum())
    first = np.repeat(np.arange(lo.shape[0], dtype=np.int64), counts)
    starts = np.repeat(lo - np.concatenate(([0], np.cumsum(counts)[:-1])), counts)
    second = starts + np.arange(total, dtype=np.int64)
    return first, second


def _pair_counts(a: IntArray, b: IntArray, k: int) -> IntArray:
    keep = a != b
    a, b = a[keep], b[keep]
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    m = np.bincount(lo * k + hi, minlength=k * k).reshape(k, k).astype(np.int64)
    return m + m.T


def cooccurrence_arrays(seg: SegmentArrays, mode: Mode = "overlap", distance: int = 0,
                        turns: tuple[IntArray, IntArray, IntArray] | None = None) -> Cooccurrence:
    """Co-occurrence from loaded segments; ``turns`` = (source index, start, end) arrays sorted by
    (source, start), needed for the turn mode."""
    k = len(seg.code_keys)
    if mode == "turn":
        if turns is None:
            raise InputError("the turn mode needs the project's turns")
        t_src, t_start, t_end = turns
        t_key = t_src * _SHIFT + t_start
        # turns overlapping a segment: those starting before its end, and ending after its start
        hi = np.searchsorted(t_key, seg.source * _SHIFT + seg.end, side="left")
        t_end_key = t_src * _SHIFT + t_end
        # turns do not overlap each other, so their ends are sorted too
        lo = np.searchsorted(t_end_key, seg.source * _SHIFT + seg.start, side="right")
        s_idx, t_idx = _expand(lo, hi)
        units = np.unique(t_idx * k + seg.code[s_idx])
        unit_turn, unit_code = units // k, units % k
        totals = np.bincount(unit_code, minlength=k).astype(np.int64)
        group_end = np.searchsorted(unit_turn, unit_turn, side="right")
        first, second = _expand(np.arange(units.shape[0], dtype=np.int64) + 1, group_end)
        counts = _pair_counts(unit_code[first], unit_code[second], k)
    elif mode in ("overlap", "distance"):
        if distance < 0:
            raise InputError("distance must be 0 or more characters")
        key = seg.source * _SHIFT + seg.start
        if mode == "overlap":
            hi = np.searchsorted(key, seg.source * _SHIFT + seg.end, side="left")
        else:
            hi = np.searchsorted(key, seg.source * _SHIFT + seg.end + distance, side="right")
        first, second = _expand(np.arange(len(seg), dtype=np.int64) + 1, hi)
        totals = np.bincount(seg.code, minlength=k).astype(np.int64)
        counts = _pair_counts(seg.code[first], seg.code[second], k)
    else:
        raise InputError(f"co-occurrence mode {mode!r}: use overlap, turn or distance")
    np.fill_diagonal(counts, totals)
    return Cooccurrence(list(seg.code_keys), counts, totals, mode, distance if mode == "distance" else 0,
                        list(seg.code_names))


def _turn_arrays(project: Project, seg: SegmentArrays) -> tuple[IntArray, IntArray, IntArray]:
    t = tables.turns.c
    index = {s: i for i, s in enumerate(seg.source_ids)}
    with project.store.read() as conn:
        rows = conn.execute(select(t.source_id, t.start, t.end)).all()
    src = np.fromiter((index.get(r[0], -1) for r in rows), dtype=np.int64, count=len(rows))
    start = np.fromiter((r[1] for r in rows), dtype=np.int64, count=len(rows))
    end = np.fromiter((r[2] for r in rows), dtype=np.int64, count=len(rows))
    order = np.lexsort((start, src))
    return src[order], start[order], end[order]


def cooccurrence(project: Project, *, mode: Mode = "overlap", distance: int = 0, coder: str | None = None,
                 codes: Sequence[str] | None = None) -> Cooccurrence:
    """The code x code co-occurrence table of a project (see the module docstring for n1, n2, n12)."""
    if mode not in ("overlap", "turn", "distance"):
        raise InputError(f"co-occurrence mode {mode!r}: use overlap, turn or distance")
    seg = load_segments(project, coder=coder, codes=codes)
    turns = _turn_arrays(project, seg) if mode == "turn" else None
    return cooccurrence_arrays(seg, mode, distance, turns)


def cooccurrence_naive(segments: Sequence[tuple[int, int, int, int]], n_codes: int, mode: Mode = "overlap",
                       distance: int = 0, turns: Sequence[tuple[int, int, int]] = ()) -> list[list[int]]:
    """The pairwise reference (as QualCoder computes it): ``segments`` are (source, start, end,
    code) tuples; returns the counts table with n_i on the diagonal. O(n^2) per source."""
    counts = [[0] * n_codes for _ in range(n_codes)]
    if mode == "turn":
        units: dict[int, set[int]] = {}
        for ti, (ts, ta, tb) in enumerate(turns):
            for s, a, b, c in segments:
                if s == ts and a < tb and ta < b:
                    units.setdefault(ti, set()).add(c)
        for codes in units.values():
            for c1 in codes:
                counts[c1][c1] += 1
                for c2 in codes:
                    if c1 != c2:
                        counts[c1][c2] += 1
        return counts
    for _s, _a, _b, c in segments:
        counts[c][c] += 1
    for i, (s1, a1, b1, c1) in enumerate(segments):
        for s2, a2, b2, c2 in segments[i + 1:]:
            if s1 != s2 or c1 == c2:
                continue
            if mode == "overlap":
                meet = a1 < b2 and a2 < b1
            else:
                meet = max(a1, a2) - min(b1, b2) <= distance
            if meet:
                counts[c1][c2] += 1
                counts[c2][c1] += 1
    return counts
