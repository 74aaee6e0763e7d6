"""Assisted coding that never leaves the machine: code suggestions learnt from the codebook and the
project's own human coding, with calibrated confidence, per-code reliability against the human coders,
and review (accept / reject) that keeps every suggestion's provenance.

* :func:`run` trains, measures and stores suggestions under the machine coder ``makna-suggest``;
* :func:`pending`, :func:`accept`, :func:`reject`, :func:`provenance` review them;
* :func:`reliability` cross-validates on the project (leave one source out);
* :func:`evaluate_corpus` scores the suggester on folders in the dev corpus's format.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..project import Project
from .queue import Decision, RunResult, Suggestion, accept, decide, last_run, pending, provenance, reject, run
from .reliability import DEFAULT_CONFIDENCE, DEFAULT_KAPPA, CodeReliability, Reliability
from .training import MACHINE_CODER, UNIT_KINDS

__all__ = ["run", "pending", "accept", "reject", "decide", "provenance", "last_run", "reliability",
           "evaluate_corpus", "Suggestion", "RunResult", "Decision", "Reliability", "CodeReliability",
           "MACHINE_CODER", "UNIT_KINDS", "DEFAULT_KAPPA", "DEFAULT_CONFIDENCE"]


def reliability(project: Project, *, unit: str = "turn", kappa: float = DEFAULT_KAPPA,
                min_confidence: float = DEFAULT_CONFIDENCE) -> Reliability:
    """Leave-one-source-out reliability of every code the suggester could learn, against the human coders."""
    from .classifier import train
    from .reliability import measure
    from .training import load

    data = load(project, unit)
    codes = train(data.examples, data.codebook).codes
    return measure(data.examples, data.codebook, codes, threshold=kappa, min_confidence=min_confidence)


def evaluate_corpus(train_dir: Path, test_dir: Path, *, min_confidence: float | None = None) -> dict[str, Any]:
    """Score the suggester on corpus folders (see :mod:`makna.suggest.corpus`)."""
    from .corpus import evaluate

    return evaluate(train_dir, test_dir, min_confidence=min_confidence)
