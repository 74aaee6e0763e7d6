"""A precision stage over every detector (issue 11): a small learned pass that scores each detected span.

The rules, the catch-all and the CRF layer (:mod:`makna.privacy.learned`) favour recall: on transcripts they
were not written for, about one detection in six or seven was no identifier, or an identifier of another
type. This stage looks at each finished detection of a *named* type (:data:`STAGE_TYPES`: PERSON, LOCATION,
ORG, ADDRESS, AGE) as a whole span, with features the token-level rules and tagger do not see together
(:func:`span_features`): which detector found it and how sure it was, its type, its words' shapes and list
memberships (first names, surnames, places, countries, ordinary words), where it stands in its sentence, the
words either side, whether the same string is detected elsewhere in the text or written there in lower
case, the text's language. A multinomial logistic regression (trained with scikit-learn by
``python -m makna.privacy.train``; shipped as plain weights, ``data/deid_precision.json``, read without
scikit-learn) gives the probability that the span is no identifier, or an identifier of each named type.

:func:`apply_stage`:

* drops a span whose probability of being no identifier reaches the drop threshold;
* retypes a span of a named type when another named type is at least as probable as the retype threshold;
* sets the confidence of every span it scores to the probability of its (final) type (rounded, within
  0.05..0.99): ``deid accept --min-confidence 0.8`` then takes what the stage puts at 80 % or more, whichever
  detector found it; in cross-validation about 97 % of those were right.

Structured identifiers (phone numbers, e-mail addresses, URLs, handles, identity numbers, plates, dates) are
never touched: their patterns are validated by shape or checksum. Thresholds come from leave-one-split-out
cross-validation over the open splits (``benchmarks/deid_precision_cv.py``,
``benchmarks/results/deidprec.md``).
"""

from __future__ import annotations

import json
import math
import re
import threading
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Final

from . import gazetteers as gz
from ._features import is_ordinary_word
from ._text import HONORIFICS
from .learned import lower_seen
from .types import Detection

__all__ = [
    "NONE",
    "STAGE_FILE",
    "STAGE_TYPES",
    "PrecisionStage",
    "apply_stage",
    "load_stage",
    "span_features",
    "stage_disabled",
    "using_stage",
]

STAGE_FILE: Final = "deid_precision.json"
NONE: Final = "O"
"""The class of a span that is no identifier."""
STAGE_TYPES: Final = frozenset({"PERSON", "LOCATION", "ORG", "ADDRESS", "AGE"})
"""Types the stage scores (drops, retypes, re-scores); every other type passes untouched."""
RETYPES: Final = frozenset({"PERSON", "LOCATION", "ORG", "ADDRESS"})
"""Types a span may be given instead of its own, among themselves only."""

_WORD: Final = re.compile(r"[\w'’]+|[^\w\s]")
_ENDS: Final = frozenset(".!?:;\n\"“”(")
_state = threading.local()


@contextmanager
def _thread_setting(name: str, value: object) -> Iterator[None]:
    before = getattr(_state, name, None)
    setattr(_state, name, value)
    try:
        yield
    finally:
        setattr(_state, name, before)


def stage_disabled() -> AbstractContextManager[None]:
    """Within this block (in this thread), :func:`makna.privacy.detect` skips the precision stage."""
    return _thread_setting("off", True)


def using_stage(stage: PrecisionStage) -> AbstractContextManager[None]:
    """Within this block (in this thread), :func:`makna.privacy.detect` uses ``stage`` instead of the shipped
    one (cross-validation)."""
    return _thread_setting("stage", stage)


@dataclass
class PrecisionStage:
    """A multinomial logistic regression over span features, with the thresholds chosen for it."""

    classes: tuple[str, ...]
    intercepts: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]  # feature -> one weight per class
    drop: float
    retype: float
    record: dict[str, Any]

    def probabilities(self, features: Sequence[str]) -> dict[str, float]:
        """The probability of each class for a span with these (binary) features."""
        scores = list(self.intercepts)
        for feat in features:
            row = self.weights.get(feat)
            if row is not None:
                for k, w in enumerate(row):
                    scores[k] += w
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps, strict=True)}

    def as_record(self) -> dict[str, Any]:
        """The JSON form (weights rounded, keys sorted: the same model gives the same bytes)."""
        return {
            **self.record,
            "classes": list(self.classes),
            "intercepts": [round(v, 6) for v in self.intercepts],
            "drop": self.drop,
            "retype": self.retype,
            "weights": {f: [round(v, 6) for v in row] for f, row in sorted(self.weights.items())},
        }


def stage_from_record(record: dict[str, Any]) -> PrecisionStage:
    """A :class:`PrecisionStage` from its JSON form."""
    classes = tuple(str(c) for c in record["classes"])
    weights = {str(f): tuple(float(v) for v in row) for f, row in record["weights"].items()}
    meta = {k: v for k, v in record.items() if k not in {"classes", "intercepts", "weights", "drop", "retype"}}
    return PrecisionStage(
        classes,
        tuple(float(v) for v in record["intercepts"]),
        weights,
        float(record["drop"]),
        float(record["retype"]),
        meta,
    )


@cache
def load_stage() -> PrecisionStage | None:
    """The shipped stage (None when the package carries none)."""
    path = resources.files("makna.privacy") / "data" / STAGE_FILE
    if not path.is_file():
        return None
    return stage_from_record(json.loads(path.read_text(encoding="utf-8")))


@cache
def _countries() -> frozenset[str]:
    """Country names in English and Indonesian (Faker's address providers)."""
    from faker.providers.address.en_US import Provider as English  # noqa: PLC0415
    from faker.providers.address.id_ID import Provider as Indonesian  # noqa: PLC0415

    return frozenset(English.countries) | frozenset(Indonesian.countries)


@cache
def _lists() -> tuple[frozenset[str], ...]:
    places = gz.places_admin() | gz.places_local() | gz.places_en() | gz.places_world()
    return (
        gz.first_names("id"),
        gz.surnames(),
        frozenset(places),
        frozenset(w for p in places for w in p.split(" ")),
        _countries(),
        gz.stop_caps(),
        gz.demonyms(),
        frozenset(HONORIFICS),
    )


def _shape(word: str) -> str:
    if word.isdigit():
        return "digits"
    if any(c.isdigit() for c in word):
        return "mixed-digit"
    if word.isupper() and len(word) > 1:
        return "upper"
    if word[:1].isupper():
        return "title"
    if word.islower():
        return "lower"
    return "other"


def _prev_word(scan: str, start: int) -> str:
    line = scan.rfind("\n", 0, start) + 1
    words = _WORD.findall(scan, max(line, start - 40), start)
    return words[-1] if words else "<line>"


def _next_word(scan: str, end: int) -> str:
    line = scan.find("\n", end)
    words = _WORD.findall(scan, end, min(end + 40, len(scan) if line < 0 else line))
    return words[0] if words else "<line>"


def _sentence_start(scan: str, start: int) -> bool:
    pos = start - 1
    while pos >= 0 and scan[pos] in " \t":
        pos -= 1
    return pos < 0 or scan[pos] in _ENDS


def span_features(
    scan: str, language: str, det: Detection, counts: Counter[str], lowered: set[str], before: str, after: str
) -> list[str]:
    """Binary features of one detection; ``counts`` holds how often each detected string is detected in the
    text, ``lowered`` the detected words also written in lower case there, ``before``/``after`` the types of
    the detections right next to it ("" for none)."""
    first, last, places, place_words, countries, stops, demonyms, honorifics = _lists()
    words = det.text.split()
    head = words[0].strip(".,'’") if words else det.text
    tail = words[-1].strip(".,'’") if words else det.text
    kind = det.type
    prev, nxt = _prev_word(scan, det.start), _next_word(scan, det.end)
    conf = min(9, int(det.confidence * 10))
    n = min(len(words), 4)
    feats = [
        f"type={kind}",
        f"det={det.detector}",
        f"det={det.detector}|{kind}",
        f"conf={conf}|{kind}",
        f"lang={language}|{kind}",
        f"det={det.detector}|lang={language}",
        f"words={n}|{kind}",
        f"shape={_shape(head)}|{kind}",
        f"prev={prev.lower()}",
        f"prev={prev.lower()}|{kind}",
        f"next={nxt.lower()}",
        f"next={nxt.lower()}|{kind}",
        f"before={before}|{kind}",
        f"after={after}|{kind}",
    ]
    if prev in honorifics:
        feats.append(f"honorific|{kind}")
    if _sentence_start(scan, det.start):
        feats.append(f"sentence-start|{kind}")
        if n == 1:
            feats.append(f"sentence-start-alone|{kind}")
    if any(c.isdigit() for c in det.text):
        feats.append(f"digit|{kind}")
    else:
        feats.append(f"no-digit|{kind}")
    if head in first:
        feats.append(f"first-name|{kind}")
    if tail in last:
        feats.append(f"surname|{kind}")
    if det.text in places:
        feats.append(f"place|{kind}")
    elif head in place_words or tail in place_words:
        feats.append(f"place-word|{kind}")
    if det.text in countries:
        feats.append(f"country|{kind}")
    if head in stops or det.text in stops:
        feats.append(f"stop|{kind}")
    if head in demonyms:
        feats.append(f"demonym|{kind}")
    if n == 1 and head and is_ordinary_word(head):
        feats.append(f"ordinary|{kind}")
        if _sentence_start(scan, det.start):
            feats.append(f"ordinary-sentence-start|{kind}")
    if head.lower() in lowered:
        feats.append(f"lower-elsewhere|{kind}")
    repeats = counts[det.text]
    feats.append(f"repeats={min(repeats, 3)}|{kind}")
    inner = [w.strip(".,'’").lower() for w in words[:4] if w[:1].isupper()]
    feats.extend(f"word={w}" for w in inner)
    feats.extend(f"word={w}|{kind}" for w in inner)
    feats.append(f"last={tail.lower()}")
    if "'" in det.text or "’" in det.text:
        feats.append(f"apostrophe|{kind}")
    return feats


def document_features(scan: str, language: str, found: Sequence[Detection]) -> list[list[str]]:
    """:func:`span_features` of each of ``found`` (sorted by start, non-overlapping) over ``scan``."""
    counts = Counter(d.text for d in found)
    heads = {w.strip(".,'’").lower() for d in found if d.type in STAGE_TYPES for w in d.text.split()[:1]}
    lowered = lower_seen(scan, {h for h in heads if h.isalpha()})
    out: list[list[str]] = []
    for i, det in enumerate(found):
        if det.type not in STAGE_TYPES:
            out.append([])
            continue
        before = found[i - 1].type if i and scan[found[i - 1].end : det.start].strip() == "" else ""
        after = found[i + 1].type if i + 1 < len(found) and scan[det.end : found[i + 1].start].strip() == "" else ""
        out.append(span_features(scan, language, det, counts, lowered, before, after))
    return out


def apply_stage(scan: str, language: str, found: list[Detection]) -> list[Detection]:
    """``found`` (sorted, non-overlapping detections over ``scan``) after the precision stage: likely false
    spans dropped, likely mistyped ones retyped, confidences set to the stage's probability; unchanged when
    the stage is off or absent."""
    if getattr(_state, "off", None):
        return found
    stage = getattr(_state, "stage", None) or load_stage()
    if stage is None or not found:
        return found
    return decide(stage, found, document_features(scan, language, found))


def decide(stage: PrecisionStage, found: Sequence[Detection], features: Sequence[list[str]]) -> list[Detection]:
    """Apply ``stage``'s decisions to detections whose features are given (empty features: left alone)."""
    out: list[Detection] = []
    for det, feats in zip(found, features, strict=True):
        if not feats:
            out.append(det)
            continue
        probs = stage.probabilities(feats)
        if probs.get(NONE, 0.0) >= stage.drop:
            continue
        kind = det.type
        if kind in RETYPES:
            best = max(sorted(RETYPES), key=lambda t: probs.get(t, 0.0))
            if best != kind and probs.get(best, 0.0) >= stage.retype:
                kind = best
        conf = round(min(0.99, max(0.05, probs.get(kind, 0.0))), 2)
        if kind != det.type or conf != det.confidence:
            det = Detection(det.start, det.end, kind, conf, det.detector, det.text)
        out.append(det)
    return out
