"""A precision stage over every detector (issue 11): a small learned pass that scores each detected span.

The rules, the catch-all and the CRF layer (:mod:`makna.privacy.learned`) favour recall: on transcripts they
were not written for, about one detection in six or seven was no identifier, or an identifier of another
type. This stage looks at each finished detection of a *named* type (:data:`STAGE_TYPES`: PERSON, LOCATION,
ORG, ADDRESS, AGE) as a whole span, with features the token-level rules and tagger do not see together
(:func:`document_features`): which detector found it and how sure it was, its type, its words' shapes and list
memberships (first names, surnames, places, countries, ordinary words), where it stands in its sentence, the
words either side, whether the same string is detected elsewhere in the text or written there in lower
case, the text's language. A multinomial logistic regression (trained with scikit-learn by
``python -m makna.privacy.train``; shipped as plain weights, ``data/deid_precision.json``, read without
scikit-learn) gives the probability that the span is no identifier, or an identifier of each named type.

:func:`apply_stage`:

* drops a span whose probability of being no identifier reaches the drop threshold (shipped: off, 1.01,
  because every threshold tried cost some untyped recall in cross-validation);
* retypes a span of a named type when another named type is the most probable and reaches the retype
  threshold;
* sets the confidence of every span it scores to the probability of its (final) type (rounded, within
  0.05..0.99): ``deid accept --min-confidence 0.8`` then takes what the stage puts at 80 % or more; the
  catch-all's guesses (``unknown.*``) stay below 0.8 whatever the probability, so a person reviews them.

Structured identifiers (phone numbers, e-mail addresses, URLs, handles, identity numbers, plates, dates) are
never touched: their patterns are validated by shape or checksum. Thresholds come from leave-one-split-out
cross-validation over the open splits (``benchmarks/deid_precision_cv.py``,
``benchmarks/results/deidprec.md``).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any, Final, cast

from . import gazetteers as gz
from ._features import is_ordinary_word
from ._local import ThreadSettings
from ._text import HONORIFICS, OFFICE_TITLES
from ._typer import blind
from .conventions import coarse, never_identifier
from .learned import lower_seen, trie_pattern
from .person_evidence import self_named
from .typecontext import type_context
from .types import Detection

__all__ = [
    "NONE",
    "STAGE_FILE",
    "STAGE_TYPES",
    "PrecisionStage",
    "apply_stage",
    "load_stage",
    "context_features",
    "decide",
    "document_features",
    "never_identifier",
    "stage_disabled",
    "stage_from_record",
    "stage_is_off",
    "static_features",
    "using_stage",
]

STAGE_FILE: Final = "deid_precision.json"
NONE: Final = "O"
"""The class of a span that is no identifier."""
STAGE_TYPES: Final = frozenset({"PERSON", "LOCATION", "ORG", "ADDRESS", "AGE"})
"""Types the stage scores (drops, retypes, re-scores); every other type passes untouched."""
_HOUSE_NUMBER: Final = re.compile(r"(?<![^\W\d_])\d")
"""A number standing as its own word ("No. 12", "12B", "Flat 3"), not inside a handle ("tunde2k")."""
_LISTED: Final = frozenset({"org.platform"})
_PLACE_LIST: Final = "location.gazetteer"
"""Detectors whose type comes from a maintained list of that type (platform brands): the typer keeps their type."""
RETYPES: Final = frozenset({"PERSON", "LOCATION", "ORG", "ADDRESS"})
"""Types a span may be given instead of its own, among themselves only."""

_ENDS: Final = frozenset(".!?:;\n\"“”(")
_state = ThreadSettings()


def stage_disabled() -> AbstractContextManager[None]:
    """Within this block (in this thread), :func:`makna.privacy.detect` skips the precision stage."""
    return _state.setting("off", True)


def stage_is_off() -> bool:
    """Whether :func:`stage_disabled` holds in this thread (the learned stages after this one follow it)."""
    return bool(_state.get("off"))


def using_stage(stage: PrecisionStage) -> AbstractContextManager[None]:
    """Within this block (in this thread), :func:`makna.privacy.detect` uses ``stage`` instead of the shipped
    one (cross-validation)."""
    return _state.setting("stage", stage)


@dataclass
class PrecisionStage:
    """A multinomial logistic regression over span features, with the thresholds chosen for it."""

    classes: tuple[str, ...]
    intercepts: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]  # feature -> one weight per class
    drop: float
    retype: float
    record: dict[str, Any]
    drops: dict[str, float] = field(default_factory=dict)  # drop thresholds by "TYPE@detector", detector, type
    vote: str = ""  # document-level consistency: "" off, "type" one type per string, "keep" also no half drops
    retypes: dict[str, float] = field(default_factory=dict)  # retype thresholds by the new type (else ``retype``)
    typer: PrecisionStage | None = None  # the detector-blind typer (:mod:`makna.privacy._typer`), or none
    typer_cut: float = 1.01  # the typer's probability from which it retypes a kept span
    typer_cuts: dict[str, float] = field(default_factory=dict)  # cuts by detector family and/or new type
    _cache: dict[tuple[str, str, str, int, str], list[float]] = field(default_factory=dict, repr=False)
    _uses: dict[str, bool] = field(default_factory=dict, repr=False)
    _verdicts: dict[
        tuple[tuple[str, str, str, int, str], ContextKey, tuple[object, ...]], tuple[str, float] | tuple[()]
    ] = field(default_factory=dict, repr=False)

    def uses(self, prefix: str) -> bool:
        """Whether any feature starting with ``prefix`` has a weight (a feature without one need not be
        computed at detection time)."""
        got = self._uses.get(prefix)
        if got is None:
            got = self._uses[prefix] = any(f.startswith(prefix) for f in self.weights)
        return got

    def wants(self, prefix: str) -> bool:
        """Whether this stage or its typer weighs a feature starting with ``prefix``."""
        return self.uses(prefix) or (self.typer is not None and self.typer.uses(prefix))

    def probabilities(self, features: Sequence[str]) -> dict[str, float]:
        """The probability of each class for a span with these (binary) features."""
        return self.softmax(self.add(self.intercepts, features))

    def add(self, scores: Sequence[float], features: Sequence[str]) -> list[float]:
        """``scores`` plus the weights of ``features`` (unknown features weigh nothing)."""
        rows = [row for f in features if (row := self.weights.get(f)) is not None]
        return [sum(col) for col in zip(scores, *rows, strict=True)]

    def softmax(self, scores: Sequence[float]) -> dict[str, float]:
        """Class probabilities from class scores."""
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps, strict=True)}

    def static_scores(self, text: str, detector: str, kind: str, confidence: float, language: str) -> list[float]:
        """Intercepts plus the weights of :func:`static_features` (cached per distinct input)."""
        key = (text, detector, kind, min(9, int(confidence * 10)), language)
        got = self._cache.get(key)
        if got is None:
            if len(self._cache) > 100_000:
                self._cache.clear()
            feats = static_features(text, detector, kind, confidence, language)
            got = self._cache[key] = self.add(self.intercepts, feats)
        return got

    def decide_one(
        self, det: Detection, language: str, doc: _Document, found: Sequence[Detection], i: int
    ) -> Detection | None:
        """The stage's verdict on ``found[i]`` (cached per distinct features: names recur)."""
        return self._decide(det, language, doc, found, i, self.cut())

    def cut(self) -> tuple[object, ...]:
        """The thresholds, part of a cached verdict's key (they may change: cross-validation)."""
        return (
            self.drop,
            self.retype,
            self.typer_cut,
            *sorted(self.drops.items()),
            *sorted(self.retypes.items()),
            *sorted(self.typer_cuts.items()),
        )

    def cut_of_typer(self, new: str, detector: str) -> float:
        """The typer's cut for making a span of ``detector`` a ``new``: :attr:`typer_cuts` by ``NEW@family``
        (the detector's first part: ``unknown``, ``person``, ``org``, ``learned``), by family, by the new type, else
        :attr:`typer_cut` (named21: chosen by grouped cross-validation, ``train.STAGE_TYPER_CUTS``)."""
        cuts = self.typer_cuts
        if not cuts:
            return self.typer_cut
        family = detector.partition(".")[0]
        return cuts.get(f"{new}@{family}", cuts.get(family, cuts.get(new, self.typer_cut)))

    def _decide(
        self,
        det: Detection,
        language: str,
        doc: _Document,
        found: Sequence[Detection],
        i: int,
        cut: tuple[object, ...],
    ) -> Detection | None:
        key = (det.text, det.detector, det.type, min(9, int(det.confidence * 10)), language)
        # a stage trained before: no type context, no clause words
        context = _context_key(
            doc, found, i, self.wants("bigram="), self.wants("lw=") or self.wants("rw="), self.wants("coord=")
        )
        verdict = self._verdicts.get((key, context, cut))
        if verdict is None:
            if len(self._verdicts) > 100_000:
                self._verdicts.clear()
            feats = _context_strings(det.type, " " not in det.text, context)
            probs = self.softmax(self.add(self.static_scores(*key[:3], det.confidence, language), feats))
            verdict = _verdict(self, det.type, probs, det.detector)
            if self.typer is not None and verdict and verdict[0] in RETYPES:
                static = static_features(det.text, det.detector, det.type, det.confidence, language)
                verdict = _typed(self, verdict, [*static, *feats], probs, det)
            self._verdicts[(key, context, cut)] = verdict
        return _applied(det, verdict)

    def as_record(self) -> dict[str, Any]:
        """The JSON form (weights rounded, keys sorted: the same model gives the same bytes)."""
        return {
            **self.record,
            "classes": list(self.classes),
            "intercepts": [round(v, 6) for v in self.intercepts],
            "drop": self.drop,
            **({"drops": dict(sorted(self.drops.items()))} if self.drops else {}),
            **({"vote": self.vote} if self.vote else {}),
            "retype": self.retype,
            **({"retypes": dict(sorted(self.retypes.items()))} if self.retypes else {}),
            **({"typer": self.typer.as_record(), "typer_cut": self.typer_cut} if self.typer is not None else {}),
            **({"typer_cuts": dict(sorted(self.typer_cuts.items()))} if self.typer_cuts else {}),
            "weights": {f: [round(v, 6) for v in row] for f, row in sorted(self.weights.items())},
        }


def stage_from_record(record: dict[str, Any]) -> PrecisionStage:
    """A :class:`PrecisionStage` from its JSON form."""
    classes = tuple(str(c) for c in record["classes"])
    weights = {str(f): tuple(float(v) for v in row) for f, row in record["weights"].items()}
    meta = {
        k: v
        for k, v in record.items()
        if k
        not in {
            "classes",
            "intercepts",
            "weights",
            "drop",
            "drops",
            "retype",
            "retypes",
            "vote",
            "typer",
            "typer_cut",
            "typer_cuts",
        }
    }
    return PrecisionStage(
        classes,
        tuple(float(v) for v in record["intercepts"]),
        weights,
        float(record["drop"]),
        float(record["retype"]),
        meta,
        {str(k): float(v) for k, v in record.get("drops", {}).items()},
        str(record.get("vote", "")),
        {str(k): float(v) for k, v in record.get("retypes", {}).items()},
        stage_from_record(record["typer"]) if "typer" in record else None,
        float(record.get("typer_cut", 1.01)),
        {str(k): float(v) for k, v in record.get("typer_cuts", {}).items()},
    )


@cache
def load_stage() -> PrecisionStage | None:
    """The shipped stage (None when the package carries none)."""
    path = resources.files("makna.privacy") / "data" / STAGE_FILE
    if not path.is_file():
        return None
    return stage_from_record(json.loads(path.read_text(encoding="utf-8")))


@cache
def _lists() -> tuple[frozenset[str], ...]:
    return (
        gz.first_names("id"),
        gz.surnames(),
        gz.all_places(),
        gz.place_words(),
        gz.countries(),
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
    """The word (or punctuation mark) before ``start`` on its line; ``<line>`` at the start of a line."""
    j = start
    while j > 0 and scan[j - 1] in " \t":
        j -= 1
    if j == 0 or scan[j - 1] == "\n":
        return "<line>"
    k = j
    while k > 0 and (scan[k - 1].isalnum() or scan[k - 1] in "_'’"):
        k -= 1
    return scan[k:j] if k < j else scan[j - 1]


def static_features(text: str, detector: str, kind: str, confidence: float, language: str) -> list[str]:
    """The features of a detection that depend on its string, detector, type, confidence and the language only
    (the same for every mention: cached at detection time)."""
    first, last, places, place_words, countries, stops, demonyms, _ = _lists()
    words = text.split()
    head = words[0].strip(".,'’") if words else text
    tail = words[-1].strip(".,'’") if words else text
    n = min(len(words), 4)
    feats = [
        f"type={kind}",
        f"det={detector}",
        f"det={detector}|{kind}",
        f"conf={min(9, int(confidence * 10))}|{kind}",
        f"lang={language}|{kind}",
        f"det={detector}|lang={language}",
        f"words={n}|{kind}",
        f"shape={_shape(head)}|{kind}",
        f"last={tail.lower()}",
        f"digit|{kind}" if any(c.isdigit() for c in text) else f"no-digit|{kind}",
    ]
    if head in first:
        feats.append(f"first-name|{kind}")
    if tail in last:
        feats.append(f"surname|{kind}")
    if text in places:
        feats.append(f"place|{kind}")
    elif head in place_words or tail in place_words:
        feats.append(f"place-word|{kind}")
    if text in countries:
        feats.append(f"country|{kind}")
    if head in stops or text in stops:
        feats.append(f"stop|{kind}")
    if head in demonyms:
        feats.append(f"demonym|{kind}")
    if head in OFFICE_TITLES:
        feats.append(f"office|{kind}")
    if head in gz.brands():
        feats.append(f"brand|{kind}")
    if n == 1 and head and is_ordinary_word(head):
        feats.append(f"ordinary|{kind}")
    inner = [w.strip(".,'’").lower() for w in words[:4] if w[:1].isupper()]
    feats.extend(f"word={w}" for w in inner)
    feats.extend(f"word={w}|{kind}" for w in inner)
    if "'" in text or "’" in text:
        feats.append(f"apostrophe|{kind}")
    if len(tail) >= 5 and tail.isalpha():
        feats.append(f"suffix={tail[-3:].lower()}")  # "-ton", "-ham", "-son", "-wati": a name's make, any type
        feats.append(f"suffix={tail[-3:].lower()}|lang={language}")
    return feats


@dataclass(frozen=True)
class _Document:
    """What the context features of one text's detections share."""

    scan: str
    counts: Counter[str]
    lowered: set[str]
    word_types: dict[str, dict[str, int]]  # word -> type -> detections of that type holding it
    also: dict[tuple[str, str], tuple[str, ...]]  # (text, type) -> the other types its first word is detected as
    missed: frozenset[str]  # detected strings written elsewhere in the text, as whole words, undetected there


def _head(text: str) -> str:
    cut = text.find(" ")
    return (text if cut < 0 else text[:cut]).strip(".,'’")


def _document(scan: str, found: Sequence[Detection], missed: bool = True) -> _Document:
    singles: set[str] = set()
    word_types: dict[str, dict[str, int]] = {}
    pairs = Counter((d.text, d.type) for d in found if d.type in RETYPES)
    for (text, kind), n in pairs.items():
        words = {w.strip(".,'’") for w in text.split()}
        for w in words:
            row = word_types.setdefault(w, {})
            row[kind] = row.get(kind, 0) + n
        if len(words) == 1 and text.isalpha() and is_ordinary_word(text):
            singles.add(text.lower())
    counts = Counter(d.text for d in found)
    gone = _missed(scan, counts) if missed else frozenset()
    return _Document(scan, counts, lower_seen(scan, singles), word_types, {}, gone)


def _missed(scan: str, counts: Counter[str]) -> frozenset[str]:
    """Those of the one-word detected strings (``counts``: how often each was detected) that ``scan`` holds
    more often as whole words (runs of ``\\w``): written again somewhere no detector took it (a word that is a
    name in one place and an ordinary word in another, or a rule's false alarm). For a few strings (most texts)
    a search for each: a string found no more often than detected, even inside other words, is never written
    elsewhere as a whole word."""
    singles = {t: n for t, n in counts.items() if len(t) > 2 and t.isalnum()}
    if not singles:
        return frozenset()
    if len(singles) > _FEW:  # their whole-word occurrences, by one pattern of them all
        glued = _WORD_CHAR.match
        found = re.compile("(?:" + trie_pattern(singles) + r")(?!\w)").finditer(scan)
        words = Counter(m.group() for m in found if not (m.start() and glued(scan, m.start() - 1)))
        return frozenset(t for t, n in singles.items() if words[t] > n)
    return frozenset(t for t, n in singles.items() if scan.count(t) > n and _whole_words(scan, t, n + 1) > n)


_FEW: Final = 64
"""Up to this many strings, :func:`_missed` searches the text for each (a search reads a character about eighty
times faster than a pass over the text's words); for more, one pattern of them all finds them (a match ends
where its run of word characters ends: at a position at most one string matches; one not glued to a word
character before it is a whole word)."""
_WORD_CHAR: Final = re.compile(r"\w")


def _whole_words(scan: str, word: str, most: int) -> int:
    """How often ``word`` (word characters only) stands in ``scan`` as a whole word (a run of ``\\w``), counting
    up to ``most``. An occurrence overlapping the one before is inside a word: the search goes on after each."""
    hits = 0
    n = len(word)
    pos = scan.find(word)
    while pos >= 0:
        end = pos + n
        if (pos == 0 or not _is_word_char(scan[pos - 1])) and (end == len(scan) or not _is_word_char(scan[end])):
            hits += 1
            if hits >= most:
                break
        pos = scan.find(word, end)
    return hits


def _is_word_char(ch: str) -> bool:
    """Whether ``ch`` matches ``\\w`` (the regex module's test: alphanumeric, or ``_``)."""
    return ch.isalnum() or ch == "_"


_HONORIFICS: Final = frozenset(HONORIFICS)


@cache
def _brands_lower() -> frozenset[str]:
    return frozenset(b.lower() for b in gz.brands())


ContextKey = tuple[
    str,
    bool,
    bool,
    str,
    str,
    int,
    bool,
    tuple[str, ...],
    bool,
    tuple[str, ...],
    tuple[str, ...],
    tuple[str, ...],
    tuple[str, ...],
]

_LINK: Final = re.compile(r"\s*(?:,|;|/|&|\+)?\s*(?:(?:and|or|atau|dan|sama|serta|then|terus|sampai|to|ke)\s+)?")
"""What joins two members of a list: a comma, a slash, an ampersand, a conjunction ("and", "atau", "dan"), a
route's "to"/"ke" ("Fourways to Cosmo City", "dari Nunukan terus ke Sabah")."""


def _coordinated(scan: str, found: Sequence[Detection], i: int) -> tuple[str, ...]:
    """The types of the detections joined to ``found[i]`` as members of one list or route (:data:`_LINK` the
    only text between them, on one line): names listed together are mostly names of one kind, so the stage
    weighs the span's type against its neighbours' (``coord=``), a structure, not a word list."""
    det = found[i]
    got: set[str] = set()
    if i:
        prev = found[i - 1]
        gap = scan[prev.end : det.start]
        if 0 < len(gap) < 12 and "\n" not in gap and gap.strip() and _LINK.fullmatch(gap):
            got.add(prev.type)
    if i + 1 < len(found):
        nxt = found[i + 1]
        gap = scan[det.end : nxt.start]
        if 0 < len(gap) < 12 and "\n" not in gap and gap.strip() and _LINK.fullmatch(gap):
            got.add(nxt.type)
    return tuple(sorted(got))


def _window(scan: str, start: int, end: int) -> tuple[str, ...]:
    """The clause's words either side of a span, on its line: up to four lower-case words before (``lw=``) and
    three after (``rw=``), letters only (verbs, prepositions, role and kin words: a bag, not a phrase)."""
    line = scan.rfind("\n", 0, start) + 1
    stop = scan.find("\n", end, end + 50)
    before = [w for w in _WORDS.findall(scan[max(line, start - 50) : start]) if w.islower()][-4:]
    after = [w for w in _WORDS.findall(scan[end : stop if stop >= 0 else end + 50]) if w.islower()][:3]
    return (*(f"lw={w}" for w in before), *(f"rw={w}" for w in after))


_WORDS: Final = re.compile(r"(?<![\w'’])[^\W\d_]{2,}(?![\w'’])")


def _also(doc: _Document, word: str, text: str, kind: str) -> tuple[str, ...]:
    """The other named types ``word`` (of ``text``, type ``kind``) is detected as in the document."""
    got = doc.also.get((word + "\t" + text, kind))
    if got is None:
        types = doc.word_types.get(word)
        got = doc.also[(word + "\t" + text, kind)] = (
            tuple(sorted(t for t in types if types[t] - (t == kind) > 0)) if types else ()
        )
    return got


def _context_key(
    doc: _Document, found: Sequence[Detection], i: int, typed: bool = True, window: bool = True, coord: bool = True
) -> ContextKey:
    det = found[i]
    scan, kind, text, start, end = doc.scan, det.type, det.text, det.start, det.end
    raw_prev = _prev_word(scan, start)
    before = after = ""
    if i and start - found[i - 1].end < 4 and not scan[found[i - 1].end : start].strip():
        before = found[i - 1].type
    if i + 1 < len(found) and found[i + 1].start - end < 4 and not scan[end : found[i + 1].start].strip():
        after = found[i + 1].type
    also = doc.also.get((text, kind))
    if also is None:
        types = doc.word_types.get(_head(text))
        also = doc.also[(text, kind)] = tuple(sorted(t for t in types if types[t] - (t == kind) > 0)) if types else ()
    return (
        raw_prev.lower(),
        raw_prev in _HONORIFICS,
        raw_prev == "<line>" or raw_prev in _ENDS,
        before,
        after,
        min(doc.counts[text], 3),
        bool(doc.lowered) and text.lower() in doc.lowered,
        also,
        text in doc.missed,
        type_context(scan, start, end, text) if typed and kind in RETYPES else (),
        _window(scan, start, end) if window and kind in RETYPES else (),
        _also(doc, _tail(text), text, kind) if window and kind in RETYPES and " " in text else (),
        _coordinated(scan, found, i) if coord and kind in RETYPES else (),
    )


def _tail(text: str) -> str:
    cut = text.rfind(" ")
    return (text if cut < 0 else text[cut + 1 :]).strip(".,'’")


def _context_strings(kind: str, alone: bool, key: ContextKey) -> list[str]:
    prev, honorific, sentence_start, before, after, repeats, lowered, also, missed, typed, window, tail, coord = key
    feats = [
        f"prev={prev}",
        f"prev={prev}|{kind}",
        f"before={before}|{kind}",
        f"after={after}|{kind}",
        f"repeats={repeats}|{kind}",
    ]
    if honorific:
        feats.append(f"honorific|{kind}")
    if prev in _brands_lower():
        feats.append(f"prev-brand|{kind}")  # "Kia Niro", "Facebook Marketplace": a brand's model or part
    if sentence_start:
        feats.append(f"sentence-start|{kind}")
        if alone:
            feats.append(f"sentence-start-alone|{kind}")
    if lowered:
        feats.append(f"lower-elsewhere|{kind}")
    feats.extend(f"head-also={t}|{kind}" for t in also)
    if missed:
        feats.append(f"undetected-elsewhere|{kind}")
    feats.extend(typed)  # the type question's context (typecontext): the phrase before, the word after
    feats.extend(f"{f}|{kind}" for f in typed if f.startswith("cue="))
    feats.extend(window)  # the clause's words either side, whatever the span's type (the type question)
    feats.extend(f"tail-also={t}|{kind}" for t in tail)
    feats.extend(f"coord={t}|{kind}" for t in coord)  # listed with a span of type t ("X, Y and Z")
    return feats


def context_features(doc: _Document, found: Sequence[Detection], i: int) -> list[str]:
    """The features of ``found[i]`` that depend on where it stands: the words either side, the start of a
    sentence, the detections right next to it, the same words detected or written in lower case elsewhere."""
    det = found[i]
    return _context_strings(det.type, " " not in det.text, _context_key(doc, found, i))


def document_features(scan: str, language: str, found: Sequence[Detection]) -> list[list[str]]:
    """The features of each of ``found`` (sorted by start, non-overlapping, over ``scan``); empty for a
    detection of a type the stage does not score."""
    doc = _document(scan, found)
    return [
        [*static_features(d.text, d.detector, d.type, d.confidence, language), *context_features(doc, found, i)]
        if d.type in STAGE_TYPES
        else []
        for i, d in enumerate(found)
    ]


def apply_stage(scan: str, language: str, found: list[Detection]) -> list[Detection]:
    """``found`` (sorted, non-overlapping detections over ``scan``) after the precision stage: likely false
    spans dropped, likely mistyped ones retyped, confidences set to the stage's probability; unchanged when
    the stage is off or absent."""
    if _state.get("off"):
        return found
    stage = cast("PrecisionStage | None", _state.get("stage")) or load_stage()
    if stage is None or not found:
        return found
    doc = _document(scan, found, stage.wants("undetected-elsewhere"))
    pairs: list[tuple[Detection, Detection | None]] = []
    cut = stage.cut()
    for i, det in enumerate(found):
        if det.type not in STAGE_TYPES:
            pairs.append((det, det))
        elif not never_identifier(det):
            kept = stage._decide(det, language, doc, found, i, cut)
            if kept is not None and det.type == "PERSON" != kept.type and self_named(scan, det.start):
                kept = Detection(kept.start, kept.end, "PERSON", kept.confidence, kept.detector, kept.text)
            pairs.append((det, kept))  # one's own name said as one stays a PERSON ("I go by Sheriff")
    return _consistent(pairs, stage.vote)


def _consistent(pairs: Sequence[tuple[Detection, Detection | None]], vote: str) -> list[Detection]:
    """The kept detections of ``pairs`` (each: a detection and the stage's verdict on it, None when dropped),
    made consistent within the document when ``vote`` is set: every mention of the same string of a named type
    takes the type its kept mentions weigh most (summed confidence); with ``vote == "keep"`` a mention the
    stage dropped is kept too when another mention of the string was kept (a string is one identifier or
    none in a document: dropping some of its mentions would leak it)."""
    if not vote:
        return [kept for _, kept in pairs if kept is not None]
    weight: dict[str, Counter[str]] = {}
    for det, kept in pairs:
        if kept is not None and kept.type in RETYPES and det.type in RETYPES:
            weight.setdefault(det.text, Counter())[kept.type] += kept.confidence  # type: ignore[assignment]
    out: list[Detection] = []
    for det, kept in pairs:
        votes = weight.get(det.text) if det.type in RETYPES else None
        if not votes:
            if kept is not None:
                out.append(kept)
            continue
        kind = max(sorted(votes), key=lambda t: votes[t])
        if kept is None:
            if vote != "keep":
                continue
            kept = Detection(det.start, det.end, kind, 0.5, det.detector, det.text)
        elif kept.type != kind:
            kept = Detection(kept.start, kept.end, kind, kept.confidence, kept.detector, kept.text)
        out.append(kept)
    return out


def decide(stage: PrecisionStage, found: Sequence[Detection], features: Sequence[list[str]]) -> list[Detection]:
    """Apply ``stage``'s decisions to detections whose features are given (empty features: left alone)."""
    pairs: list[tuple[Detection, Detection | None]] = []
    for det, feats in zip(found, features, strict=True):
        if feats and never_identifier(det):
            continue
        pairs.append((det, _decision(stage, det, stage.probabilities(feats), feats) if feats else det))
    return _consistent(pairs, stage.vote)


@lru_cache(maxsize=8192)
def _a_listed_name(text: str) -> bool:
    """Whether a word of ``text`` is a given name or surname of the name lists."""
    names, surnames = gz.first_names("en"), gz.surnames()
    return any(w in names or w in surnames for w in text.split())


def _decision(
    stage: PrecisionStage, det: Detection, probs: dict[str, float], features: Sequence[str] = ()
) -> Detection | None:
    """``det`` dropped (None), retyped and/or re-scored by the class probabilities ``probs`` (and by the typer,
    over ``features``)."""
    verdict = _verdict(stage, det.type, probs, det.detector)
    if stage.typer is not None and verdict and verdict[0] in RETYPES:
        verdict = _typed(stage, verdict, features, probs, det)
    return _applied(det, verdict)


def _typed(
    stage: PrecisionStage, verdict: tuple[str, float], features: Sequence[str], probs: dict[str, float], det: Detection
) -> tuple[str, float]:
    """``verdict`` (a kept span of a named type), retyped when the stage's typer (:mod:`._typer`) gives another
    named type at least ``stage.typer_cut`` over the span's detector-blind features; the confidence is then the
    probability that the span is an identifier times the typer's probability of the new type. A PERSON whose
    words are a coarse place (``India``: :func:`~makna.privacy.coarse.coarse_place`) is never made a place: the
    surrogates keep a coarse place as it is, so a wrong retype would print the person's name (review20). A span
    without a number of its own is never made an ADDRESS (the annotation conventions: an address has its
    number), and a span a detector of :data:`_LISTED` found in a maintained list of its type keeps that type."""
    assert stage.typer is not None
    typed = stage.typer.probabilities(blind(features))
    best = max(_RETYPE_ORDER, key=lambda t: typed.get(t, 0.0))
    if best == verdict[0] or typed.get(best, 0.0) < stage.cut_of_typer(best, det.detector):
        return verdict
    if verdict[0] == "PERSON" and best == "LOCATION" and coarse(det.text):
        return verdict
    if best == "ADDRESS" and not _HOUSE_NUMBER.search(det.text):
        return verdict  # an address holds its number (a street without one is a place): "tunde2k" is none
    if det.detector in _LISTED:
        return verdict  # a platform brand found in its list: "My boss DoorDash" is the firm
    if best == "PERSON" and det.detector == _PLACE_LIST and not _a_listed_name(det.text):
        return verdict  # a listed place no name list holds stays a place: "people say Oslo is cold"
    top = REVIEW_CAP if det.detector.startswith(REVIEW_PREFIX) else 0.99
    return best, round(min(top, max(0.05, (1.0 - probs.get(NONE, 0.0)) * typed[best])), 2)


def _applied(det: Detection, verdict: tuple[str, float] | tuple[()]) -> Detection | None:
    """``det`` dropped (no verdict), or with the verdict's type and confidence."""
    if not verdict:
        return None
    kind, conf = verdict
    if kind != det.type or conf != det.confidence:
        det = Detection(det.start, det.end, kind, conf, det.detector, det.text)
    return det


def _verdict(
    stage: PrecisionStage, kind: str, probs: dict[str, float], detector: str
) -> tuple[str, float] | tuple[()]:
    """(type, confidence) of a span of type ``kind`` found by ``detector`` with class probabilities ``probs``;
    () to drop it."""
    drops = stage.drops
    cut = drops.get(f"{kind}@{detector}", drops.get(detector, drops.get(kind, stage.drop))) if drops else stage.drop
    if probs.get(NONE, 0.0) >= cut:
        return ()
    if kind in RETYPES:
        best = max(_RETYPE_ORDER, key=lambda t: probs.get(t, 0.0))
        if best != kind and probs.get(best, 0.0) >= stage.retypes.get(best, stage.retype):
            kind = best
    top = REVIEW_CAP if detector.startswith(REVIEW_PREFIX) else 0.99
    return kind, round(min(top, max(0.05, probs.get(kind, 0.0))), 2)


REVIEW_PREFIX: Final = "unknown."
"""The catch-all's detectors: what no list or cue foresaw goes to a person's review (issue 11), so their
confidence stays below ``REVIEW_CAP`` whatever the stage's probability."""
REVIEW_CAP: Final = 0.79
_RETYPE_ORDER: Final = tuple(sorted(RETYPES))
