"""Character units: per-code binary agreement (coded / not coded) on every character of a text.

This is NVivo's unit (Cohen's kappa on characters) and the basis of code-presence agreement on a
continuum. Each character is a unit; each coder rates it 1 when one of their segments with the code
covers it, else 0. Rather than materialising a characters x coders matrix per code, the segments are
swept once (sorted boundary events and a cumulative sum of coder bits), giving for every code how many
characters show each pattern of coders (at most 2^m patterns). Every coefficient is then computed on
those patterns with the counts as unit frequencies, which is exactly the same as on the full matrix.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np

from ..errors import AgreementError
from ._matrix import FloatArray, Ratings, as_ratings
from ._result import AgreementResult
from ._segments import as_spans

__all__ = ["character_patterns", "character_agreement"]

_MAX_CODERS = 16


def character_patterns(
    segments: Iterable[Any], length: int, *, coders: Sequence[str] | None = None
) -> tuple[tuple[str, ...], tuple[str, ...], FloatArray]:
    """(coders, codes, counts) with ``counts[k, p]`` the number of characters of code ``k`` whose coders
    pattern is ``p`` (bit i set = coder i coded it). A coder's overlapping segments of a code are merged."""
    spans = as_spans(segments, (0, length), coders=coders, merge_overlaps=True)
    m = len(spans.coders)
    if m > _MAX_CODERS:
        raise AgreementError(f"character agreement supports at most {_MAX_CODERS} coders; got {m}")
    n_codes, n_pat = len(spans.categories), 1 << m
    bit = np.left_shift(1, spans.coder)
    pos = np.r_[spans.start, spans.stop]
    code = np.r_[spans.category, spans.category]
    delta = np.r_[bit, -bit]
    order = np.lexsort((pos, code))
    pos, code, delta = pos[order], code[order], delta[order]
    state = np.cumsum(delta)  # each code's events sum to 0, so the running sum restarts per code
    width = np.zeros(pos.size, dtype=np.int64)
    if pos.size > 1:
        same = code[1:] == code[:-1]
        width[:-1] = np.where(same, pos[1:] - pos[:-1], 0)
    counts = np.bincount(code * n_pat + state, weights=width, minlength=n_codes * n_pat).reshape(
        n_codes, n_pat
    )
    counts[:, 0] += float(length) - counts.sum(axis=1)
    return spans.coders, spans.categories, np.asarray(counts, dtype=np.float64)


def character_agreement(
    segments: Iterable[Any],
    length: int,
    *,
    coefficient: str = "krippendorff_alpha",
    coders: Sequence[str] | None = None,
) -> dict[str, AgreementResult]:
    """Per code, one coefficient on binary character units of a text of ``length`` characters.

    ``coefficient`` is any name of :data:`makna.agreement.COEFFICIENTS` (e.g. ``cohen_kappa`` for NVivo's
    measure with two coders). Codes nobody used do not appear.
    """
    from . import COEFFICIENTS

    if coefficient not in COEFFICIENTS:
        raise AgreementError(f"unknown coefficient {coefficient!r}")
    fn: Callable[..., AgreementResult] = COEFFICIENTS[coefficient]
    names, codes, counts = character_patterns(segments, length, coders=coders)
    m = len(names)
    patterns = ((np.arange(1 << m)[:, None] >> np.arange(m)[None, :]) & 1).astype(np.float64)
    out: dict[str, AgreementResult] = {}
    for k, code in enumerate(codes):
        keep = counts[k] > 0
        r: Ratings = as_ratings(patterns[keep], categories=[0, 1], coders=names, freq=counts[k][keep])
        out[code] = fn(r)
    return out
