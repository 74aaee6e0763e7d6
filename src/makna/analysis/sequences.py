"""Code sequences: which code follows which within a source.

The *successors* of a segment are the segments that start first at or after its end in the same
source (all of them when several start at that same position); with ``max_gap`` only those starting
at most that many characters after its end. Every (segment, successor) pair counts one transition
``code of segment -> code of successor``; repeats of one code (A -> A) are counted too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..errors import InputError
from ..project import Project
from ._segdata import SegmentArrays, load_segments

__all__ = ["Transition", "code_sequences", "sequence_arrays"]

_SHIFT = np.int64(1 << 32)


@dataclass(frozen=True)
class Transition:
    """``count`` times a segment of ``before`` was followed by one of ``after``, in ``sources``
    distinct sources."""

    before: str
    after: str
    count: int
    sources: int


def sequence_arrays(seg: SegmentArrays, max_gap: int | None = None) -> list[Transition]:
    if max_gap is not None and max_gap < 0:
        raise InputError("max_gap must be 0 or more characters")
    k = len(seg.code_keys)
    if len(seg) == 0:
        return []
    key = seg.source * _SHIFT + seg.start
    nxt = np.searchsorted(key, seg.source * _SHIFT + seg.end, side="left")
    valid = nxt < len(seg)
    nxt_c = np.minimum(nxt, len(seg) - 1)
    valid &= seg.source[nxt_c] == seg.source
    if max_gap is not None:
        valid &= seg.start[nxt_c] - seg.end <= max_gap
    first = np.nonzero(valid)[0]
    lo = nxt[first]
    hi = np.searchsorted(key, key[lo], side="right")
    counts = hi - lo
    i = np.repeat(first, counts)
    starts = np.repeat(lo - np.concatenate(([0], np.cumsum(counts)[:-1])), counts)
    j = starts + np.arange(int(counts.sum()), dtype=np.int64)
    pair = seg.code[i] * k + seg.code[j]
    n = np.bincount(pair, minlength=k * k)
    per_source = np.unique(pair * (len(seg.source_ids) + 1) + seg.source[i])
    ns = np.bincount(per_source // (len(seg.source_ids) + 1), minlength=k * k)
    order = np.lexsort((np.arange(k * k), -n))
    return [Transition(seg.code_keys[p // k], seg.code_keys[p % k], int(n[p]), int(ns[p]))
            for p in order if n[p] > 0]


def code_sequences(project: Project, *, max_gap: int | None = None, coder: str | None = None,
                   codes: Sequence[str] | None = None) -> list[Transition]:
    """Transitions between codes within sources, most frequent first (see the module docstring)."""
    return sequence_arrays(load_segments(project, coder=coder, codes=codes), max_gap)
