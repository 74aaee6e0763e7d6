"""How far the suggester can be trusted, code by code: cross-validated on the project's own coding
(leave one source out), each code's F1 and Cohen's kappa against the human coders, with its support
(the units humans coded with it). A code whose kappa is below the threshold (default 0.6), or that
could not be measured (no held-out unit of it), is not suggested; :attr:`CodeReliability.reason`
says why."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from .classifier import Calibrator, CodeText, Example, cross_scores, fit_calibrator

__all__ = ["CodeReliability", "Reliability", "measure", "assess", "binary_scores", "DEFAULT_KAPPA",
           "DEFAULT_CONFIDENCE"]

DEFAULT_KAPPA = 0.6
DEFAULT_CONFIDENCE = 0.5


@dataclass(frozen=True)
class CodeReliability:
    code: str
    f1: float | None
    kappa: float | None
    support: int
    units: int
    suggested: bool
    reason: str  # "" when suggested; else "kappa 0.41 < 0.6" or "not measured: ..."

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Reliability:
    codes: list[CodeReliability]
    calibrator: Calibrator
    threshold: float
    min_confidence: float
    sources: int

    def by_code(self) -> dict[str, CodeReliability]:
        return {c.code: c for c in self.codes}

    def as_dict(self) -> dict[str, Any]:
        return {"threshold": self.threshold, "min_confidence": self.min_confidence, "sources": self.sources,
                "calibration": self.calibrator.kind, "codes": [c.as_dict() for c in self.codes]}


def _shown(kappa: float, threshold: float) -> str:
    """``kappa`` to two decimals, or to three significant digits where two decimals would read as
    ``-0.00`` or as not below ``threshold``."""
    text = f"{kappa:.2f}"
    return f"{kappa:.3g}" if text == "-0.00" or float(text) >= threshold else text


def binary_scores(truth: npt.NDArray[np.bool_], pred: npt.NDArray[np.bool_]) -> tuple[float, float]:
    """F1 and Cohen's kappa of two 0/1 codings of the same units (kappa 1.0 when both are constant and equal,
    0.0 when chance agreement is total but they differ)."""
    n = truth.size
    tp = int((truth & pred).sum())
    fp = int((~truth & pred).sum())
    fn = int((truth & ~pred).sum())
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0
    if n == 0:
        return f1, 0.0
    po = float((truth == pred).mean())
    p1, p2 = float(truth.mean()), float(pred.mean())
    pe = p1 * p2 + (1 - p1) * (1 - p2)
    kappa = (po - pe) / (1 - pe) if pe < 1 else (1.0 if po == 1 else 0.0)
    return f1, kappa


def measure(examples: Sequence[Example], codebook: Sequence[CodeText], codes: Sequence[str], *,
            threshold: float = DEFAULT_KAPPA, min_confidence: float = DEFAULT_CONFIDENCE,
            folds: int | None = None) -> Reliability:
    """Leave-one-source-out reliability of every code in ``codes`` (at ``min_confidence``), and the
    calibration map fitted to the same held-out scores. With ``folds``, sources are held out in that
    many groups instead (faster on a project of many sources)."""
    groups = {e.group for e in examples}
    if len(groups) < 2:
        why = "not measured: needs human coding in at least two sources"
        return Reliability([CodeReliability(c, None, None, sum(c in e.codes for e in examples), len(examples), False,
                                            why) for c in codes], Calibrator("sigmoid"), threshold, min_confidence,
                           len(groups))
    raw, truth, known = cross_scores(examples, codebook, codes, folds=folds)
    return assess(raw, truth, known, codes, sources=len(groups), threshold=threshold, min_confidence=min_confidence)


def assess(raw: npt.NDArray[np.float64], truth: npt.NDArray[np.bool_], known: npt.NDArray[np.bool_],
           codes: Sequence[str], *, sources: int, threshold: float = DEFAULT_KAPPA,
           min_confidence: float = DEFAULT_CONFIDENCE) -> Reliability:
    """Reliability and the calibration map from held-out raw scores (:func:`cross_scores`' output)."""
    cal = fit_calibrator(raw, truth, known)
    pred = cal(raw) >= min_confidence
    out = []
    for j, code in enumerate(codes):
        rows = known[:, j]
        t, p = truth[rows, j], pred[rows, j]
        support = int(t.sum())
        if support == 0:
            out.append(CodeReliability(code, None, None, 0, int(rows.sum()), False,
                                       "not measured: no human coding of it in the held-out sources"))
            continue
        f1, kappa = binary_scores(t, p)
        ok = kappa >= threshold
        out.append(CodeReliability(code, round(f1, 4), round(kappa, 4), support, int(rows.sum()), ok,
                                   "" if ok else f"kappa {_shown(kappa, threshold)} < {threshold:g}"))
    return Reliability(out, cal, threshold, min_confidence, sources)
