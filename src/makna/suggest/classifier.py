"""The suggester's model: TF-IDF over stemmed words and cross-language pivots, one
linear support vector machine per code (one-vs-rest; as accurate as logistic regression here and several
times faster to train), trained on human codings, rejected suggestions (as
negatives) and the codebook itself (each code's name, definition and examples as extra positive
documents), with a confidence calibrated on held-out data.

Documents are analysed (stemmed, pivoted) once: :class:`Vectoriser` keeps the vocabulary and the
inverse document frequencies, so that cross-validation reweighs the same counts for each fold instead of
analysing every text again, and a trained model is plain arrays (:meth:`Model.to_bytes`), stored in the
project and read back without pickle (:mod:`makna.suggest.cache`).

Calibration: :func:`cross_scores` trains on all sources but one and scores the one left out, for
every source in turn; one calibration map (:class:`Calibrator`: Platt's sigmoid over the score and its
gap to the unit's best score, then isotonic regression from 200 positives on) is fitted to those
held-out scores of all codes together, so that a
confidence of 0.8 means that about 8 in 10 such suggestions were right on data the model had not seen.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from ..errors import InputError, require_extra

__all__ = ["Example", "in_context", "question", "CodeText", "Model", "Calibrator", "Vectoriser", "HeldOut", "train",
           "cross_scores", "train_with_held_out", "fit_calibrator", "MODEL_NAME", "CODEBOOK_WEIGHT"]

FloatArray = npt.NDArray[np.float64]

MODEL_NAME = "tfidf-linsvm-3"  # 3: units read with their question (context)
#: Weight of one codebook document (name, definition, examples) against one coded unit.
CODEBOOK_WEIGHT = 5.0
_C = 0.5


@dataclass(frozen=True)
class Example:
    """A unit with what is known of its codes: ``codes`` applied; ``known`` the codes whose presence or
    absence is known (None: all of them); ``group`` its source (units of one source are held out together)."""

    text: str
    language: str
    codes: frozenset[str]
    group: str
    known: frozenset[str] | None = None
    context: str = ""  # the question before the unit, by another speaker (:func:`in_context`, :func:`question`)


def question(turn: str) -> str:
    """``turn`` when it asks something (has a question mark), else nothing: the context a unit is read
    with is the question before it, so that an interviewer's turn is not read with the answer before it."""
    return turn if "?" in turn else ""


def in_context(text: str, context: str) -> str:
    """What the model reads for a unit: its text and, on a line after it, its context (in an interview,
    the question the turn answers). Both give the same word features: an answer such as *"Pernah,
    orangnya kabur"* says little without *"Pernah ditipu?"* before it."""
    return f"{text}\n{context}" if context else text


@dataclass(frozen=True)
class CodeText:
    """What the codebook says of a code: its texts (name, definition, examples), each with its language."""

    code: str
    texts: tuple[tuple[str, str], ...]  # (language, text)


def _doc(text: str, language: str) -> str:
    return f"{language}\t{text}"


@dataclass
class Vectoriser:
    """TF-IDF over :func:`makna.suggest.features.analyse_doc` features: sublinear term frequency, smoothed
    inverse document frequency, rows scaled to unit length (as scikit-learn's ``TfidfVectorizer``)."""

    vocabulary: dict[str, int]
    idf: FloatArray

    @staticmethod
    def count(docs: Sequence[str], vocabulary: dict[str, int] | None = None) -> tuple[Any, dict[str, int]]:
        """Term counts of ``docs`` (a sparse matrix) over ``vocabulary``; without one, a vocabulary of
        every feature met is built (and returned)."""
        import scipy.sparse as sp  # type: ignore[import-untyped]

        from .features import analyse_doc

        grow = vocabulary is None
        vocab: dict[str, int] = {} if vocabulary is None else vocabulary
        indptr, indices = [0], []
        for doc in docs:
            for f in analyse_doc(doc):
                j = vocab.get(f)
                if j is None:
                    if not grow:
                        continue
                    j = vocab[f] = len(vocab)
                indices.append(j)
            indptr.append(len(indices))
        data = np.ones(len(indices), dtype=np.float32)
        x = sp.csr_matrix((data, np.asarray(indices, dtype=np.int64), np.asarray(indptr, dtype=np.int64)),
                          shape=(len(docs), len(vocab)))
        x.sum_duplicates()
        return x, vocab

    @staticmethod
    def idf_of(counts: Any) -> FloatArray:
        """Smoothed inverse document frequencies; 0 for a feature no document of ``counts`` has (so that
        words a fold never saw are left out of the held-out rows, as a model trained on the fold would)."""
        df = np.bincount(counts.indices, minlength=counts.shape[1])
        return np.where(df > 0, np.log((1 + counts.shape[0]) / (1 + df)) + 1.0, 0.0)

    @staticmethod
    def weigh(counts: Any, idf: FloatArray) -> Any:
        """TF-IDF rows of unit length from term counts."""
        from sklearn.preprocessing import normalize

        x = counts.astype(np.float64, copy=True)
        x.data = (1.0 + np.log(x.data)) * idf[x.indices]
        x.eliminate_zeros()
        return normalize(x, copy=False)

    def transform(self, docs: Sequence[str]) -> Any:
        return self.weigh(self.count(docs, self.vocabulary)[0], self.idf)


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
    vectoriser: Vectoriser
    weights: FloatArray  # features x codes
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

    def to_bytes(self) -> bytes:
        """The model as plain arrays and JSON (no pickle): :meth:`from_bytes` reads it back."""
        import io
        import json

        terms = sorted(self.vectoriser.vocabulary, key=self.vectoriser.vocabulary.__getitem__)
        head = {"codes": self.codes, "name": self.name, "digest": self.digest, "terms": terms,
                "calibrator": asdict(self.calibrator)}
        buf = io.BytesIO()
        np.savez_compressed(buf, head=np.frombuffer(json.dumps(head).encode(), dtype=np.uint8),
                            idf=self.vectoriser.idf, weights=self.weights.astype(np.float32), bias=self.bias)
        return buf.getvalue()

    @classmethod
    def from_bytes(cls, blob: bytes) -> Model:
        import io
        import json

        with np.load(io.BytesIO(blob), allow_pickle=False) as z:
            head = json.loads(z["head"].tobytes().decode())
            vec = Vectoriser({t: i for i, t in enumerate(head["terms"])}, np.asarray(z["idf"], dtype=np.float64))
            return cls(list(head["codes"]), vec, np.asarray(z["weights"], dtype=np.float64),
                       np.asarray(z["bias"], dtype=np.float64), Calibrator(**head["calibrator"]), head["name"],
                       head["digest"])


def _digest(examples: Sequence[Example], codebook: Sequence[CodeText]) -> str:
    h = hashlib.sha256()
    for e in examples:
        h.update(f"{e.language}\0{e.text}\0{e.context}\0{sorted(e.codes)}\0{sorted(e.known or [])}\n".encode())
    for c in codebook:
        h.update(f"{c.code}\0{c.texts}\n".encode())
    return h.hexdigest()[:12]


def _fit(x: Any, examples: Sequence[Example], cb_docs: Sequence[tuple[str, str, str]], codes: Sequence[str],
         codebook_weight: float) -> tuple[FloatArray, FloatArray]:
    """One linear SVM per code on the TF-IDF rows ``x`` (examples, then codebook documents)."""
    from sklearn.svm import LinearSVC

    n_ex = len(examples)
    weight = np.ones(x.shape[0])
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
    return w, bias


def _codebook_docs(codebook: Sequence[CodeText]) -> list[tuple[str, str, str]]:
    return [(c.code, lang, text) for c in codebook for lang, text in c.texts if text.strip()]


def _codes(examples: Sequence[Example], cb_docs: Sequence[tuple[str, str, str]]) -> list[str]:
    codes = sorted({k for e in examples for k in e.codes} | {k for k, _, _ in cb_docs})
    if not codes:
        raise InputError("nothing to learn from: no coded units and no code with a name or definition")
    return codes


def _documents(examples: Sequence[Example], cb_docs: Sequence[tuple[str, str, str]]) -> list[str]:
    return [_doc(in_context(e.text, e.context), e.language) for e in examples] + [_doc(t, g) for _, g, t in cb_docs]


def train(examples: Sequence[Example], codebook: Sequence[CodeText], *,
          codebook_weight: float = CODEBOOK_WEIGHT) -> Model:
    """Train on ``examples`` and the codebook texts. A code with no positive example and no codebook text
    cannot be learnt and is left out of :attr:`Model.codes`."""
    require_extra("suggest", "code suggestion", "sklearn")
    cb_docs = _codebook_docs(codebook)
    counts, vocab = Vectoriser.count(_documents(examples, cb_docs))
    return _train(counts, vocab, examples, codebook, cb_docs, codebook_weight)


def _train(counts: Any, vocab: dict[str, int], examples: Sequence[Example], codebook: Sequence[CodeText],
           cb_docs: Sequence[tuple[str, str, str]], codebook_weight: float) -> Model:
    codes = _codes(examples, cb_docs)
    idf = Vectoriser.idf_of(counts)
    w, bias = _fit(Vectoriser.weigh(counts, idf), examples, cb_docs, codes, codebook_weight)
    return Model(codes, Vectoriser(vocab, idf), w, bias, digest=_digest(examples, codebook))


HeldOut = tuple[FloatArray, npt.NDArray[np.bool_], npt.NDArray[np.bool_]]


def cross_scores(examples: Sequence[Example], codebook: Sequence[CodeText], codes: Sequence[str], *,
                 folds: int | None = None) -> HeldOut:
    """Held-out raw scores of every example (units x ``codes``), with the truth and a mask of known labels.

    Each source (``Example.group``) is scored by a model trained without it (leave one source out), or,
    with ``folds``, by a model trained without its fold of sources. Every text is analysed once; each
    fold reweighs the counts with its own training rows' inverse document frequencies."""
    require_extra("suggest", "code suggestion", "sklearn")
    cb_docs = _codebook_docs(codebook)
    counts, _ = Vectoriser.count(_documents(examples, cb_docs))
    return _cross(counts, examples, cb_docs, codes, folds)


def train_with_held_out(examples: Sequence[Example], codebook: Sequence[CodeText], *,
                        folds: int | None = None) -> tuple[Model, HeldOut]:
    """:func:`train` and :func:`cross_scores` (for the model's codes) on texts analysed once."""
    require_extra("suggest", "code suggestion", "sklearn")
    cb_docs = _codebook_docs(codebook)
    counts, vocab = Vectoriser.count(_documents(examples, cb_docs))
    model = _train(counts, vocab, examples, codebook, cb_docs, CODEBOOK_WEIGHT)
    return model, _cross(counts, examples, cb_docs, model.codes, folds)


def _cross(counts: Any, examples: Sequence[Example], cb_docs: Sequence[tuple[str, str, str]], codes: Sequence[str],
           folds: int | None) -> HeldOut:
    groups = sorted({e.group for e in examples})
    if len(groups) < 2:
        raise InputError("cross-validation needs coded units in at least two sources")
    fold_of = {g: (i % folds if folds else i) for i, g in enumerate(groups)}
    n_folds = min(folds, len(groups)) if folds else len(groups)
    n_ex = len(examples)
    fold = np.array([fold_of[e.group] for e in examples])
    raw = np.full((n_ex, len(codes)), -np.inf)
    for f in range(n_folds):
        test = np.flatnonzero(fold == f)
        keep = np.concatenate([np.flatnonzero(fold != f), np.arange(n_ex, counts.shape[0])])
        train_ex = [examples[i] for i in keep[keep < n_ex]]
        fold_codes = _codes(train_ex, cb_docs)
        idf = Vectoriser.idf_of(counts[keep])
        w, bias = _fit(Vectoriser.weigh(counts[keep], idf), train_ex, cb_docs, fold_codes, CODEBOOK_WEIGHT)
        scores = np.asarray(Vectoriser.weigh(counts[test], idf) @ w, dtype=np.float64) + bias
        col = {c: j for j, c in enumerate(fold_codes)}
        for j, c in enumerate(codes):
            if c in col:
                raw[test, j] = scores[:, col[c]]
    truth = np.array([[c in e.codes for c in codes] for e in examples], dtype=bool).reshape(len(examples), len(codes))
    known = np.array([[e.known is None or c in e.known for c in codes] for e in examples],
                     dtype=bool).reshape(len(examples), len(codes))
    return raw, truth, known
