"""Training of the precision stage (:mod:`makna.privacy.precision`), called by ``python -m makna.privacy.train``.

The stage must learn what the rules and the CRF layer get wrong on text they have not seen, so it is trained
on *out-of-fold* detections: for each open split, a CRF trained on the other splits refines the rules'
output of that split (:func:`out_of_fold`); every detection of a type the stage scores is one example,
labelled with the type of the gold span it overlaps most, or :data:`~makna.privacy.precision.NONE`.
A multinomial logistic regression (scikit-learn, lbfgs; deterministic) is fitted on their features and
written as plain weights. scikit-learn is needed only here, never at detection time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from ._typer import blind
from .learned import refine, using
from .precision import NONE, RETYPES, STAGE_TYPES, PrecisionStage, document_features, never_identifier
from .types import Detection

__all__ = ["StageData", "fit_stage", "fit_typer", "label_of", "out_of_fold", "stage_data"]


@dataclass(frozen=True)
class StageData:
    """One transcript's out-of-fold detections, their features and their labels (None: not scored)."""

    split: str
    language: str
    detections: list[Detection]
    features: list[list[str]]
    labels: list[str | None]


def label_of(det: Detection, gold: Sequence[tuple[int, int, str]]) -> str:
    """The type of the gold span ``det`` overlaps most, or NONE."""
    best, share = NONE, 0
    for s, e, kind in gold:
        overlap = min(e, det.end) - max(s, det.start)
        if overlap > share:
            best, share = kind, overlap
    return best


def out_of_fold(data: Sequence[Any], settings: Any, groups: int = 0) -> dict[int, list[Detection]]:
    """For each example (``train.Example``), the rules' detections refined by a CRF trained on every other
    split (index in ``data`` -> detections). With ``groups`` (> 1), the splits are dealt in order of first
    appearance into that many folds (each fold holds writers of every round) and a CRF per fold is trained on
    the others: ``groups`` CRF trainings instead of one per split (the CRF saw less of the data; the stage
    trained on its output sees detections about as unfamiliar as a new writer's)."""
    from .train import train_in_memory  # noqa: PLC0415  (train imports this module)

    order = list(dict.fromkeys(ex.split for ex in data))
    folds = {s: (k % groups if groups > 1 else k) for k, s in enumerate(order)}
    out: dict[int, list[Detection]] = {}
    for fold in sorted(set(folds.values())):
        model = train_in_memory([ex for ex in data if folds[ex.split] != fold], settings)
        with using(model):
            for i, ex in enumerate(data):
                if folds[ex.split] == fold:
                    out[i] = refine(ex.doc.text, ex.scan, ex.doc.language, list(ex.rules), ex.runs)
    return out


def stage_data(data: Sequence[Any], detections: dict[int, list[Detection]]) -> list[StageData]:
    """Features and labels of every example's detections."""
    out: list[StageData] = []
    for i, ex in enumerate(data):
        found = detections[i]
        feats = document_features(ex.scan, ex.doc.language, found)
        labels = [label_of(d, ex.doc.pii) if d.type in STAGE_TYPES and not never_identifier(d) else None for d in found]
        out.append(StageData(ex.split, ex.doc.language, found, feats, labels))
    return out


_IDENTITY: Final = ("word=", "last=")
"""Features naming a span's own words: with ``min_splits``, kept only for words many writers used."""


def fit_stage(
    data: Sequence[StageData],
    *,
    c: float = 0.5,
    min_count: int = 2,
    drop: float = 0.5,
    retype: float = 0.7,
    min_splits: int = 1,
    without: tuple[str, ...] = (),
    tol: float = 1e-4,
    retype_weight: float = 1.0,
) -> PrecisionStage:
    """A logistic regression on every scored detection of ``data``; features seen fewer than ``min_count``
    times are left out, and the features naming a span's words (:data:`_IDENTITY`) seen in fewer than
    ``min_splits`` splits (a name one writer used is learned by heart, not from its shape or context), and
    features starting with any of ``without`` (ablations). ``tol``: the solver's stopping tolerance (1e-4 fits
    in seconds; 1e-6, used before round seven, took minutes and moved held-out probabilities by well under
    0.01 on average). ``retype_weight``: the weight of an example whose gold type is another named type than
    its detected one (mistyped spans are few, about one named span in twenty-five: weighed up, the model learns
    what tells a type apart instead of trusting the detector's)."""
    import numpy as np  # noqa: PLC0415
    from sklearn.feature_extraction import DictVectorizer  # noqa: PLC0415
    from sklearn.linear_model import LogisticRegression  # noqa: PLC0415

    rows: list[list[str]] = []
    ys: list[str] = []
    weights_of: list[float] = []
    where: dict[str, set[str]] = {}
    for doc in data:
        for det, feats, label in zip(doc.detections, doc.features, doc.labels, strict=True):
            if label is not None:
                rows.append(feats)
                ys.append(label)
                mistyped = label in RETYPES and det.type in RETYPES and label != det.type
                weights_of.append(retype_weight if mistyped else 1.0)
                if min_splits > 1:
                    for f in feats:
                        if f.startswith(_IDENTITY):
                            where.setdefault(f, set()).add(doc.split)
    seen = Counter(f for feats in rows for f in set(feats))
    for f, splits in where.items():
        if len(splits) < min_splits:
            seen[f] = 0
    if without:
        for f in [f for f in seen if f.startswith(without)]:
            seen[f] = 0
    vectorizer = DictVectorizer(sort=True)
    matrix = vectorizer.fit_transform([{f: 1 for f in feats if seen[f] >= min_count} for feats in rows])
    index = {str(f): j for j, f in enumerate(vectorizer.get_feature_names_out())}
    model = LogisticRegression(C=c, max_iter=2000, tol=tol)
    model.fit(matrix, ys, sample_weight=np.array(weights_of) if retype_weight != 1.0 else None)
    classes = tuple(str(k) for k in model.classes_)
    coef = model.coef_
    intercept = model.intercept_
    if len(classes) == 2:  # a binary fit has one row: the second class against the first
        coef = np.vstack([-coef[0] / 2, coef[0] / 2])
        intercept = np.array([-intercept[0] / 2, intercept[0] / 2])
    weights = {f: tuple(float(coef[k, j]) for k in range(len(classes))) for f, j in index.items()}
    weights = {f: row for f, row in weights.items() if any(abs(v) >= 1e-6 for v in row)}
    record = {
        "algorithm": "multinomial logistic regression (scikit-learn lbfgs) over span features",
        "c": c,
        "min_count": min_count,
        "min_splits": min_splits,
        "tol": tol,
        **({"retype_weight": retype_weight} if retype_weight != 1.0 else {}),
        "examples": len(rows),
        "labels": dict(sorted(Counter(ys).items())),
    }
    return PrecisionStage(classes, tuple(float(v) for v in intercept), weights, drop, retype, record)


def fit_typer(data: Sequence[StageData], *, c: float = 0.5, cut: float = 0.6) -> PrecisionStage:
    """The precision stage's detector-blind typer (:mod:`makna.privacy._typer`): a logistic regression on the
    identifiers of ``data`` whose gold type and detected type are both named types (:data:`RETYPES`), over their
    features with the detector's say taken out; every feature seen once or more; ``cut`` is recorded with it."""
    blinded = [
        StageData(
            doc.split,
            doc.language,
            doc.detections,
            [blind(f) for f in doc.features],
            [
                lab if lab in RETYPES and det.type in RETYPES else None
                for det, lab in zip(doc.detections, doc.labels, strict=True)
            ],
        )
        for doc in data
    ]
    typer = fit_stage(blinded, c=c, min_count=1, drop=1.01, retype=1.01)
    typer.record.update(
        {
            "algorithm": "multinomial logistic regression (scikit-learn lbfgs) over the span features "
            "without the detector's (makna.privacy._typer)",
            "cut": cut,
        }
    )
    return typer
