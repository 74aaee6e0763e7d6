"""Training of the organisation context model (:mod:`makna.privacy.orgcontext`, issue 11, round eight).

Each capitalised name of each open transcript (the pipeline's PERSON, LOCATION and ORG spans, out of fold, and
the capitalised runs nothing detected) is one example, labelled ORG when most of its mentions overlap a gold
ORG span. Every example is seen twice: as it is, and under an invented name (coined words in place of the
name's own, ordinary words such as ``Toko`` or ``Laundry`` kept) with no detection over it, so the model must
read the context and cannot learn the corpus's strings (its features never hold a name's letters anyway).

The model reads the rules' detections in training (``train.Example.rules``: many organisations are still
missed or mistyped there, so it sees the cases it must decide); at detection time it follows the CRF and the
precision stage. Fitted by scikit-learn's logistic regression (the ``suggest`` extra; training only: detection
reads the JSON), by ``python -m makna.privacy.train`` after the CRF and the stage (:func:`write_model`), into
``data/deid_orgcontext.json``. Its thresholds were chosen by ``benchmarks/deid_orgctx_cv.py``.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from . import gazetteers as gz
from .orgcontext import (
    LEGAL_FORMS,
    MODEL_FILE,
    OrgContextModel,
    all_features,
    candidates,
    group,
    shape_features,
)
from .types import Detection

__all__ = ["NameExample", "fit", "invented", "name_examples", "train_model", "write_model"]

ADD: Final = 0.5
RETYPE: Final = 0.7
C: Final = 0.5
_ONSETS: Final = (
    "b",
    "br",
    "c",
    "d",
    "dr",
    "f",
    "g",
    "gr",
    "h",
    "j",
    "k",
    "kl",
    "l",
    "m",
    "n",
    "p",
    "pl",
    "r",
    "s",
    "st",
    "t",
    "tr",
    "v",
    "w",
    "z",
)
_VOWELS: Final = ("a", "e", "i", "o", "u", "ai", "ou")
_CODAS: Final = ("", "", "n", "r", "l", "s", "x", "k", "m")


@dataclass(frozen=True)
class NameExample:
    """One name of one transcript: its features, whether it is an ORG, and its split."""

    features: tuple[str, ...]
    org: bool
    split: str
    augmented: bool


def _known(word: str) -> bool:
    """Whether ``word`` is in a word, name or place list (a coined name must be none of them)."""
    return (
        word.lower() in gz.ordinary_words()
        or word in gz.stop_caps()
        or word in gz.all_places()
        or word in gz.first_names("id")
        or word in gz.first_names("en")
        or word in gz.surnames()
    )


def invented(name: str, rng: random.Random) -> str:
    """``name`` with each word that is no ordinary or common capitalised word replaced by a coined one."""
    out: list[str] = []
    for word in name.split():
        if word.lower() in gz.ordinary_words() or word in gz.stop_caps() or word.rstrip(".,") in LEGAL_FORMS:
            out.append(word)
            continue
        while True:
            coined = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(rng.randint(2, 3)))
            coined = (coined + rng.choice(_CODAS)).capitalize()
            if not _known(coined):
                break
        out.append(coined.upper() if word.isupper() and len(word) > 1 else coined)
    return " ".join(out)


def name_examples(
    scan: str,
    found: list[Detection],
    runs: Sequence[Any],
    gold: Sequence[tuple[int, int, str]],
    split: str,
    rng: random.Random,
) -> list[NameExample]:
    """The examples of one transcript: each mention of each name, as it is and under an invented name."""
    out: list[NameExample] = []
    for name, mentions in group(candidates(scan, found, runs)).items():
        shape = shape_features(invented(name, rng))
        real = all_features(scan, mentions)
        fake = all_features(scan, mentions, shape, bare=True)
        for m, feats, faked in zip(mentions, real, fake, strict=True):
            org = any(k == "ORG" and s < m.end and m.start < e for s, e, k in gold)
            out.append(NameExample(tuple(feats), org, split, False))
            out.append(NameExample(tuple(faked), org, split, True))
    return out


def fit(
    rows: Sequence[NameExample], *, c: float = C, min_count: int = 3, add: float = ADD, retype: float = RETYPE
) -> OrgContextModel:
    """A logistic regression on ``rows`` (features seen fewer than ``min_count`` times left out)."""
    from sklearn.feature_extraction import DictVectorizer  # noqa: PLC0415
    from sklearn.linear_model import LogisticRegression  # noqa: PLC0415

    seen = Counter(f for r in rows for f in r.features)
    vec = DictVectorizer(sort=True)
    matrix = vec.fit_transform([{f: 1 for f in r.features if seen[f] >= min_count} for r in rows])
    ys = [int(r.org) for r in rows]
    model = LogisticRegression(C=c, max_iter=3000, tol=1e-4)
    model.fit(matrix, ys)
    names = [str(f) for f in vec.get_feature_names_out()]
    weights = {f: float(w) for f, w in zip(names, model.coef_[0], strict=True) if abs(w) >= 1e-6}
    record = {
        "algorithm": "binary logistic regression (scikit-learn lbfgs) over a mention's context, its name's other "
        "mentions and shape",
        "c": c,
        "min_count": min_count,
        "examples": len(rows),
        "org_examples": sum(ys),
    }
    return OrgContextModel(float(model.intercept_[0]), weights, add, retype, record)


def train_model(data: Sequence[Any], detections: dict[int, list[Detection]], *, seed: int = 8) -> list[NameExample]:
    """Every example of ``data`` (``train.Example``: its scan, runs and gold) over its ``detections``."""
    rng = random.Random(seed)
    rows: list[NameExample] = []
    for i, ex in enumerate(data):
        rows.extend(name_examples(ex.scan, detections[i], ex.runs, ex.doc.pii, ex.split, rng))
    return rows


def write_model(data: Sequence[Any], out_dir: Path, record: dict[str, Any] | None = None) -> Path:
    """Train the shipped model on the rules' detections of ``data`` (``train.Example``, originals only) and write
    it to ``out_dir``; ``record``'s items join its training record. Returns the file's path."""
    originals = [ex for ex in data if not ex.augmented]
    model = fit(train_model(originals, {i: list(ex.rules) for i, ex in enumerate(originals)}))
    model.record.update(record or {})
    path = out_dir / MODEL_FILE
    path.write_text(json.dumps(model.as_record(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return path
