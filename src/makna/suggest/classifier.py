"""The suggester's model: TF-IDF over stemmed words and cross-language pivots, one
linear support vector machine per code (one-vs-rest; as accurate as logistic regression here and several
times faster to train), trained on human codings, rejected suggestions (as
negatives) and the codebook itself (each code's name, definition and examples as extra positive
documents), with a confidence calibrated on held-out data.

Calibration: :func:`cross_scores` trains on all sources but one and scores the one left out, for
every source in turn; one calibration map (:class:`Calibrator`: Platt's sigmoid over the score and its
gap to the unit's best score, then isotonic regression from 200 positives on) is fitted to those
held-out scores of all codes together, so that a
confidence of 0.8 means that about 8 in 10 such suggestions were right on data the model had not seen.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from ..errors import InputError, require_extra

__all__ = ["Example", "CodeText", "Model", "Calibrator", "train", "cross_scores", "fit_calibrator", "MODEL_NAME",
           "CODEBOOK_WEIGHT"]

FloatArray = npt.NDArray[np.float64]

MODEL_NAME = "tfidf-linsvm-1"
#: Weight of one codebook document (name, definition, examples) against one coded unit.
CODEBOOK_WEIGHT = 5.0
_C = 0.5
#: Character n-gram sizes (None: none); see benchmarks/results/suggest.md for what they earn.
CHAR_NGRAMS: tuple[int, int] | None = None


@dataclass(frozen=True)
class Example:
    """A unit with what is known of its codes: ``codes`` applied; ``known`` the codes whose presence or
    absence is known (None: all of them); ``group`` its source (units of one source are held out together)."""

    text: str
    language: str
    codes: frozenset[str]
    group: str
    known: frozenset[str] | None = None


@dataclass(frozen=True)
class CodeText:
    """What the codebook says of a code: its texts (name, definition, examples), each with its language."""

    code: str
    texts: tuple[tuple[str, str], ...]  # (language, text)


def _doc(text: str, language: str) -> str:
    return f"{language}\t{text}"


def _vectoriser() -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion

    from .features import analyse_doc, text_of

    parts = [("words", TfidfVectorizer(analyzer=analyse_doc, sublinear_tf=True, min_df=1, dtype=np.float32))]
    if CHAR_NGRAMS:
        parts.append(("chars", TfidfVectorizer(analyzer="char_wb", preprocessor=text_of, ngram_range=CHAR_NGRAMS,
                                               sublinear_tf=True, min_df=2, max_features=200_000, dtype=np.float32)))
    return FeatureUnion(parts)


@dataclass
class Calibrator:
    """A map from a unit's raw scores (units x codes) to the chance each code is right for it.

    It reads two things of each score: the score itself and its gap to the unit's best score (a code
    ranked first is more often right than one as high but behind another), combined linearly
    (``a * raw + g * gap + b``) and squashed by Platt's sigmoid, or, with enough positives, mapped by
    isotonic regression (``xs``, ``ys``)."""

    kind: str  # "sigmoid" | "isotonic"
    a: float = 1.0
    b: float = 0.0
    g: float = 0.0
    xs: list[float] = field(default_factory=list)
    ys: list[float] = field(default_factory=list)

    def z(self, raw: FloatArray) -> FloatArray:
        raw = np.asarray(raw, dtype=np.float64)
        if raw.ndim != 2 or raw.shape[1] == 0:
            return self.a * raw + self.b
        finite = np.where(np.isfinite(raw), raw, np.nan)
        best = np.nanmax(finite, axis=1, keepdims=True) if raw.shape[0] else np.zeros((0, 1))
        gap = np.where(np.isfinite(raw), raw - np.nan_to_num(best, nan=0.0), -np.inf)
        with np.errstate(invalid="ignore"):
            z = self.a * raw + self.g * gap + self.b
        return np.where(np.isfinite(raw), z, -np.inf)

    def __call__(self, raw: FloatArray) -> FloatArray:
        z = self.z(raw)
        if self.kind == "isotonic":
            return np.where(np.isfinite(z), np.interp(np.nan_to_num(z, neginf=-1e9), self.xs, self.ys), 0.0)
        with np.errstate(over="ignore"):
            return np.asarray(1.0 / (1.0 + np.exp(-z)), dtype=np.float64)


def fit_calibrator(raw: FloatArray, truth: npt.NDArray[np.bool_],
                   known: npt.NDArray[np.bool_] | None = None) -> Calibrator:
    """Fit the map from held-out raw scores (units x codes) to whether each code was right; ``known``
    masks the labels that are known (default: all)."""
    raw = np.asarray(raw, dtype=np.float64)
    truth = np.asarray(truth, dtype=bool)
    if raw.ndim == 1:
        raw, truth = raw.reshape(-1, 1), truth.reshape(-1, 1)
    mask = np.isfinite(raw) & (np.ones_like(truth) if known is None else np.asarray(known, dtype=bool))
    unit = Calibrator("sigmoid", 1.0, 0.0, 0.0)
    positives = int(truth[mask].sum())
    if positives == 0 or positives == int(mask.sum()):
        return unit
    from sklearn.linear_model import LogisticRegression

    best = np.max(np.where(np.isfinite(raw), raw, -1e9), axis=1, keepdims=True)
    gap = raw - best
    feats = np.column_stack([raw[mask], gap[mask]])
    lr = LogisticRegression(C=1.0).fit(feats, truth[mask])
    cal = Calibrator("sigmoid", float(lr.coef_[0, 0]), float(lr.intercept_[0]), float(lr.coef_[0, 1]))
    if positives >= 200:
        from sklearn.isotonic import IsotonicRegression

        z = cal.z(raw)[mask]
        iso = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0).fit(z, truth[mask].astype(float))
        cal = Calibrator("isotonic", cal.a, cal.b, cal.g, xs=[float(x) for x in iso.X_thresholds_],
                         ys=[float(y) for y in iso.y_thresholds_])
    return cal


@dataclass
class Model:
    """A trained suggester: ``codes`` it can suggest, the vectoriser, one linear model per code."""

    codes: list[str]
    vectoriser: Any
    weights: Any  # sparse-friendly dense matrix, features x codes
    bias: FloatArray
    calibrator: Calibrator = field(default_factory=lambda: Calibrator("sigmoid"))
    name: str = MODEL_NAME
    digest: str = ""

    @property
    def id(self) -> str:
        return f"{self.name}:{self.digest}" if self.digest else self.name

    def raw(self, texts: Sequence[str], languages: Sequence[str]) -> FloatArray:
        """Raw scores, units x codes."""
        if not texts:
            return np.zeros((0, len(self.codes)))
        x = self.vectoriser.transform([_doc(t, g) for t, g in zip(texts, languages, strict=True)])
        return np.asarray(x @ self.weights, dtype=np.float64) + self.bias

    def confidence(self, texts: Sequence[str], languages: Sequence[str]) -> FloatArray:
        """Calibrated confidences, units x codes."""
        return self.calibrator(self.raw(texts, languages))


def _digest(examples: Sequence[Example], codebook: Sequence[CodeText]) -> str:
    h = hashlib.sha256()
    for e in examples:
        h.update(f"{e.language}\0{e.text}\0{sorted(e.codes)}\0{sorted(e.known or [])}\n".encode())
    for c in codebook:
        h.update(f"{c.code}\0{c.texts}\n".encode())
    return h.hexdigest()[:12]


def train(examples: Sequence[Example], codebook: Sequence[CodeText], *,
          codebook_weight: float = CODEBOOK_WEIGHT) -> Model:
    """Train on ``examples`` and the codebook texts. A code with no positive example and no codebook text
    cannot be learnt and is left out of :attr:`Model.codes`."""
    require_extra("suggest", "code suggestion", "sklearn")
    from sklearn.svm import LinearSVC

    cb_docs = [(c.code, lang, text) for c in codebook for lang, text in c.texts if text.strip()]
    positive = {k for e in examples for k in e.codes} | {k for k, _, _ in cb_docs}
    codes = sorted(positive)
    if not codes:
        raise InputError("nothing to learn from: no coded units and no code with a name or definition")
    docs = [_doc(e.text, e.language) for e in examples] + [_doc(t, g) for _, g, t in cb_docs]
    vec = _vectoriser()
    x = vec.fit_transform(docs).tocsr()
    n_ex = len(examples)
    weight = np.ones(len(docs))
    weight[n_ex:] = codebook_weight
    w = np.zeros((x.shape[1], len(codes)))
    bias = np.full(len(codes), -5.0)
    for j, code in enumerate(codes):
        y = np.array([code in e.codes for e in examples] + [k == code for k, _, _ in cb_docs])
        known = np.array([e.known is None or code in e.known for e in examples] + [True] * len(cb_docs))
        if not y[known].any() or y[known].all():
            continue
        rows = np.flatnonzero(known)
        svm = LinearSVC(C=_C, class_weight="balanced")
        svm.fit(x[rows], y[rows], sample_weight=weight[rows])
        w[:, j] = svm.coef_[0]
        bias[j] = svm.intercept_[0]
    return Model(codes, vec, w, bias, digest=_digest(examples, codebook))


def cross_scores(examples: Sequence[Example], codebook: Sequence[CodeText], codes: Sequence[str], *,
                 folds: int | None = None) -> tuple[FloatArray, npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    """Held-out raw scores of every example (units x ``codes``), with the truth and a mask of known labels.

    Each source (``Example.group``) is scored by a model trained without it (leave one source out), or,
    with ``folds``, by a model trained without its fold of sources."""
    groups = sorted({e.group for e in examples})
    if len(groups) < 2:
        raise InputError("cross-validation needs coded units in at least two sources")
    fold_of = {g: (i % folds if folds else i) for i, g in enumerate(groups)}
    n_folds = min(folds, len(groups)) if folds else len(groups)
    raw = np.full((len(examples), len(codes)), -np.inf)
    for f in range(n_folds):
        test = [i for i, e in enumerate(examples) if fold_of[e.group] == f]
        train_ex = [e for e in examples if fold_of[e.group] != f]
        model = train(train_ex, codebook)
        scores = model.raw([examples[i].text for i in test], [examples[i].language for i in test])
        col = {c: j for j, c in enumerate(model.codes)}
        for j, c in enumerate(codes):
            if c in col:
                raw[test, j] = scores[:, col[c]]
    truth = np.array([[c in e.codes for c in codes] for e in examples], dtype=bool).reshape(len(examples), len(codes))
    known = np.array([[e.known is None or c in e.known for c in codes] for e in examples],
                     dtype=bool).reshape(len(examples), len(codes))
    return raw, truth, known
