"""A learned layer on top of the rule detectors (issue 11): a CRF sequence labeller trained on makna's own
annotated splits, that finds identifiers the rules miss on text they were not written for.

The model (``data/deid_model.crfsuite``, a python-crfsuite model, with ``deid_model.json``: how it was trained,
the splits, the seed, a digest of the training data, the settings chosen by cross-validation) tags tokens
BIO per identifier type from features of :mod:`makna.privacy._features`, among them the rules' own output
(stacking). It is combined with the rules' detections by :func:`refine`:

* a model span where no rule fired becomes a detection of detector ``"learned"`` whose confidence is the
  model's mean probability over its tokens, scaled below what ``deid accept --min-confidence 0.8`` takes
  unless the model is very sure, so a person reviews it; only for :data:`LEARNED_TYPES`, and never a lone
  ordinary word as a PERSON;
* a model span of the same type that covers a lone rule span and more extends it;
* rule spans are kept as they are: recall matters more than precision (a missed name harms an informant; a
  false alarm costs a reviewer a click), and cross-validation showed no gain from dropping them.

Everything runs offline; the model loads lazily, once per process. Retrain with ``python -m
makna.privacy.train`` (see docs/deidentification.md).
"""

from __future__ import annotations

import bisect
import json
import re
import threading
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Final, cast

from . import gazetteers as gz
from ._features import (
    Window,
    anchors,
    is_ordinary_word,
    is_plain_word,
    rule_words,
    window_features,
    windows,
)
from ._local import ThreadSettings
from ._text import CapRun, is_sentence_initial, occupied
from .learned_checks import CHECKED_TYPES, validated
from .types import PII_TYPES, Detection

__all__ = [
    "LEARNED_TYPES",
    "LearnedModel",
    "disabled",
    "load_model",
    "lower_seen",
    "model_spans",
    "open_model",
    "refine",
    "sequences",
    "trie_pattern",
    "using",
]

MODEL_FILE: Final = "deid_model.crfsuite"
RECORD_FILE: Final = "deid_model.json"
DETECTOR: Final = "learned"
LEARNED_TYPES: Final = frozenset({"PERSON", "LOCATION", "ORG", "ADDRESS", *CHECKED_TYPES})
"""Types the model may add on its own: where held-out text showed it finding what rules miss. Ages, dates,
identity numbers and plates (round twenty, crfnum20) only through the rules' own validation of their type
(:func:`makna.privacy.learned_checks.validated`): unguarded, the model also read the look-alikes those rules
refuse on purpose ("45 and a half" as rent, a year of birth, "jam 8/9", a card number: span19). Phone numbers,
e-mail addresses, handles and URLs stay the rules' alone (their shapes are exact)."""

_state = ThreadSettings()


def disabled() -> AbstractContextManager[None]:
    """Within this block (in this thread), :func:`makna.privacy.detect` runs the rules alone."""
    return _state.setting("off", True)


def using(model: LearnedModel) -> AbstractContextManager[None]:
    """Within this block (in this thread), :func:`makna.privacy.detect` uses ``model`` instead of the shipped
    one (cross-validation)."""
    return _state.setting("model", model)


@dataclass
class LearnedModel:
    """A loaded tagger with the settings it was trained and tuned with."""

    tagger: Any  # pycrfsuite.Tagger (untyped library)
    words: re.Pattern[str] | None
    skip: frozenset[str]
    threshold: float
    retype: float
    extend: bool
    record: dict[str, Any]
    lock: threading.Lock
    elsewhere: bool = False  # document-level features (the types rules gave the same word elsewhere)
    labels: tuple[str, ...] | None = None  # the tagger's labels but O (read at the first tagging)

    def marginals(self, seq: list[list[str]]) -> list[dict[str, float]]:
        """Per token, the probability of each label; for a token below the threshold only that of ``O``."""
        with self.lock:
            tagger = self.tagger
            tagger.set(seq)
            labels = self.labels
            if labels is None:
                labels = self.labels = tuple(lab for lab in tagger.labels() if lab != "O")
            marginal = tagger.marginal
            threshold = self.threshold
            out: list[dict[str, float]] = []
            for i in range(len(seq)):
                p_out = marginal("O", i)
                probs = {"O": p_out}
                if 1.0 - p_out >= threshold:
                    for lab in labels:
                        probs[lab] = marginal(lab, i)
                out.append(probs)
            return out


def open_model(model_path: str, record: dict[str, Any]) -> LearnedModel:
    """A :class:`LearnedModel` from a model file and its training record."""
    import pycrfsuite  # noqa: PLC0415  (a C extension: loaded only when the model is first used)

    tagger = pycrfsuite.Tagger()
    tagger.open(model_path)
    return LearnedModel(
        tagger,
        _words_rx(record.get("anchors", ())),
        frozenset(record.get("skip", ())),
        float(record.get("threshold", 0.5)),
        float(record.get("retype", 0.0)),
        bool(record.get("extend", False)),
        record,
        threading.Lock(),
        bool(record.get("elsewhere", False)),
    )


def _words_rx(words: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern for the lower-case anchor words (None for none). Words of word characters only (the
    shipped model's) get a pattern without the left ``\\b``, which :func:`~makna.privacy._features.anchors`
    checks on each match instead: the same matches, found faster (the regex engine can skip to the words'
    first letters)."""
    alts = sorted(words, key=lambda w: (-len(w), w))
    if not alts:
        return None
    if all(re.fullmatch(r"\w+", w) for w in alts):
        return re.compile("(?:" + trie_pattern(alts) + r")\b")
    firsts = "".join(sorted({re.escape(w[0]) for w in alts}))  # a cheap first-letter test before the alternation
    return re.compile(rf"\b(?=[{firsts}])(?:" + "|".join(map(re.escape, alts)) + r")\b")


def trie_pattern(words: Iterable[str]) -> str:
    """An alternation of ``words`` with their common prefixes factored out (``lima(?:belas|puluh)?``): the regex
    engine tries a letter once at a position, not once per word. For words of word characters followed by
    ``\\b`` it finds what the plain alternation finds: at a position at most one of them ends where its run of
    word characters ends."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + emit(node[ch]) for ch in sorted(node) if ch]
        if not alts:
            return ""
        if len(alts) == 1 and "" not in node:
            return alts[0]
        return "(?:" + "|".join(alts) + ")" + ("?" if "" in node else "")

    return emit(tree)


@cache
def load_model() -> LearnedModel | None:
    """The shipped model (None when the package carries none)."""
    folder = resources.files("makna.privacy") / "data"
    model = folder / MODEL_FILE
    record = folder / RECORD_FILE
    if not model.is_file() or not record.is_file():
        return None
    with resources.as_file(model) as path:
        return open_model(str(path), json.loads(record.read_text(encoding="utf-8")))


def _spans(win: Window, probs: list[dict[str, float]], threshold: float) -> Iterator[tuple[int, int, str, float]]:
    """Maximal runs of tokens whose probability of being inside some identifier reaches ``threshold``; the
    run's type is the type with the most probability mass over it; confidence is the mean probability."""
    run: list[int] = []
    for k in range(win.lo, win.hi + 1):
        p = probs[k - win.lo] if k < win.hi else None
        inside = p is not None and 1.0 - p.get("O", 0.0) >= threshold
        starts_new = inside and p is not None and bool(run) and _b_mass(p) > _i_mass(p)
        if run and (not inside or starts_new):
            yield _close(win, probs, run)
            run = []
        if inside:
            run.append(k)


def _b_mass(p: dict[str, float]) -> float:
    return sum(v for lab, v in p.items() if lab.startswith("B-"))


def _i_mass(p: dict[str, float]) -> float:
    return sum(v for lab, v in p.items() if lab.startswith("I-"))


def _close(win: Window, probs: list[dict[str, float]], run: list[int]) -> tuple[int, int, str, float]:
    tokens = win.tokens
    mass: dict[str, float] = {}
    conf = 0.0
    for k in run:
        p = probs[k - win.lo]
        conf += 1.0 - p.get("O", 0.0)
        for lab, v in p.items():
            if lab != "O":
                mass[lab[2:]] = mass.get(lab[2:], 0.0) + v
    kind = max(sorted(mass), key=lambda t: mass[t])
    # punctuation at the edges of a run is not part of the identifier
    lo, hi = run[0], run[-1]
    while lo < hi and not tokens[lo][2][0].isalnum() and tokens[lo][2][0] not in "@#+":
        lo += 1
    while hi > lo and not tokens[hi][2][-1].isalnum():
        hi -= 1
    return tokens[lo][0], tokens[hi][1], kind, conf / len(run)


def lower_seen(text: str, words: Iterable[str], tries: int = 40) -> set[str]:
    """Those of ``words`` (lower case) that occur in ``text`` as a whole lower-case word."""
    seen: set[str] = set()
    for word in words:
        pos = text.find(word)
        for _ in range(tries):
            if pos < 0:
                break
            end = pos + len(word)
            if (pos == 0 or not text[pos - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
                seen.add(word)
                break
            pos = text.find(word, pos + 1)
    return seen


def sequences(
    scan: str,
    language: str,
    rules: Sequence[Detection],
    runs: Sequence[CapRun],
    words: re.Pattern[str] | None,
    skip: Collection[str],
    *,
    elsewhere: bool = False,
    vocab: Collection[str] | None = None,
) -> Iterator[tuple[Window, list[list[str]]]]:
    """The tagger's windows over ``scan`` and their token features, given the rules' detections and the
    capitalised runs of ``scan`` (the same at training and at detection time). With ``elsewhere``, tokens get
    document-level evidence: the types rules gave the same word elsewhere in the text; with ``vocab``
    (training only), word-identity features only for the words in it."""
    wins = windows(scan, anchors(scan, runs, occupied(len(scan), rules), words, skip))
    if not wins:
        return
    caps = {t[2].lower() for w in wins for t in w.tokens[w.lo : w.hi] if t[2][0].isupper()}
    seen = lower_seen(scan, caps)
    ordered = sorted(rules, key=lambda d: d.start)
    starts = [d.start for d in ordered]
    typed = rule_words(ordered) if elsewhere else None
    for win in wins:
        yield win, window_features(win, ordered, starts, seen, language, typed, vocab)


def model_spans(
    model: LearnedModel, scan: str, language: str, rules: Sequence[Detection], runs: Sequence[CapRun]
) -> list[tuple[int, int, str, float]]:
    """The model's spans over ``scan`` (start, end, type, mean probability), given the rules' detections and
    the capitalised runs of ``scan``."""
    out: list[tuple[int, int, str, float]] = []
    for win, feats in sequences(scan, language, rules, runs, model.words, model.skip, elsewhere=model.elsewhere):
        probs = model.marginals(feats)
        out.extend(s for s in _spans(win, probs, model.threshold) if s[2] in PII_TYPES)
    return out


_NAMED: Final = frozenset({"PERSON", "ORG", "LOCATION", "ADDRESS"})
_CUE_BEFORE: Final = frozenset({"person.self", "person.intro", "person.honorific"})
"""Rule detectors whose span starts right after the cue that found it (a pronoun, "nama saya", an honorific):
the model may extend such a span to the right, never over its cue ("Abdi Neneng": Sundanese "I", then the name)."""


def _word_opens(text: str, start: int, rule_start: int) -> bool:
    """Whether the model's left extension from ``rule_start`` to ``start`` is an ordinary word opening a sentence
    ("Kata Parulian", "Then Rina"): a name's first word is no common word that no name list knows."""
    if start >= rule_start or not is_sentence_initial(text, start):
        return False
    word = text[start:rule_start].split(None, 1)[0]
    return word.lower() in gz.ordinary_words() and word not in gz.first_names("id") | gz.first_names("en")


def _adjust(
    text: str, found: list[Detection], spans: Sequence[tuple[int, int, str, float]], model: LearnedModel
) -> list[Detection]:
    """Rule spans the model retypes (a named type, the model sure of another) or extends (a model span of
    the same type covering the rule span and more, touching no other rule span)."""
    starts = [s[0] for s in spans]
    under = bytearray(len(text) + 1)  # where the model's spans lie
    for s in spans:
        under[s[0] : s[1]] = b"\x01" * (s[1] - s[0])
    clear = under.find
    out: list[Detection] = []
    for i, det in enumerate(found):
        if det.type not in _NAMED or (det.start < det.end and clear(1, det.start, det.end) < 0):
            out.append(det)  # no model span over it (most rule spans): nothing to retype or extend
            continue
        j = bisect.bisect_left(starts, det.end)
        over = [s for s in spans[max(0, j - 3) : j] if s[0] < det.end and det.start < s[1]]
        if len(over) == 1 and det.type in _NAMED:
            start, end, kind, prob = over[0]
            if model.retype and kind != det.type and kind in _NAMED and prob >= model.retype:
                det = Detection(det.start, det.end, kind, det.confidence, det.detector, det.text)
            elif model.extend and kind == det.type and start <= det.start and end >= det.end:
                alone = (i == 0 or found[i - 1].end <= start) and (i + 1 == len(found) or found[i + 1].start >= end)
                if alone:
                    start = det.start if det.detector in _CUE_BEFORE or _word_opens(text, start, det.start) else start
                    det = Detection(start, end, kind, det.confidence, det.detector, text[start:end])
        out.append(det)
    return out


def _short_form(scan: str, start: int, end: int, lines: dict[int, tuple[int, int]] | None = None) -> bool:
    """Whether ``scan[start:end]`` is one word in capitals in a line written in lower case ("SKCK", "DVLA"), whose
    title-case form no given-name or surname list knows ("RINA" is a name in capitals, and in a line typed in
    capitals every word is): the learned layer alone never makes one a PERSON (prec29: on the open splits every
    name in capitals was found by a rule; on unseen text the model took short forms). ``lines`` keeps each line's
    counts of lower- and upper-case letters by its start, so that a long line is counted once (review29)."""
    word = scan[start:end]
    if len(word) < 2 or not word.isalpha() or not word.isupper():
        return False
    name = word.title()
    if name in gz.first_names("id") or name in gz.first_names("en") or name in gz.surnames():
        return False
    line_start = scan.rfind("\n", 0, start) + 1
    counts = None if lines is None else lines.get(line_start)
    if counts is None:
        line_end = scan.find("\n", end)
        line = scan[line_start : line_end if line_end >= 0 else len(scan)]
        counts = (sum(map(str.islower, line)), sum(map(str.isupper, line)))
        if lines is not None:
            lines[line_start] = counts
    lower, upper = counts[0] - sum(map(str.islower, word)), counts[1] - sum(map(str.isupper, word))
    return lower > upper


def refine(text: str, scan: str, language: str, found: list[Detection], runs: Sequence[CapRun]) -> list[Detection]:
    """The rules' detections ``found`` over ``text`` (``scan`` is ``text`` with speaker labels masked, ``runs``
    its capitalised runs), plus the model's spans where no rule fired; unchanged when the model is off or
    absent."""
    if _state.get("off"):
        return found
    model = cast("LearnedModel | None", _state.get("model")) or load_model()
    if model is None:
        return found
    spans = model_spans(model, scan, language, found, runs)
    if not spans:
        return found
    if model.retype or model.extend:
        found = _adjust(text, found, spans, model)
    taken = occupied(len(text), found)
    persons = [d.start for d in found if d.type == "PERSON"]
    person_ends = [d.end for d in found if d.type == "PERSON"] + [e for _, e, k, _ in spans if k == "PERSON"]
    age_ends = [d.end for d in found if d.type == "AGE"]  # the rules' ages, and the model's once they stand
    added: list[Detection] = []
    lines: dict[int, tuple[int, int]] = {}  # (the case counts of the lines :func:`_short_form` reads)
    for start, end, kind, prob in spans:
        if kind not in LEARNED_TYPES or taken.find(1, start, end) >= 0 or not scan[start:end].strip(". "):
            continue
        while kind == "PERSON" and " " in scan[start:end] and is_plain_word(scan[start : scan.index(" ", start)]):
            start = scan.index(" ", start) + 1  # "Kemarin Indah datang": the sentence's first word is no name
        if kind == "PERSON" and " " not in scan[start:end] and is_ordinary_word(scan[start:end]):
            continue  # "Intan itu batu mulia": a lone ordinary word as a name needs a rule's evidence
        if kind == "PERSON" and _short_form(scan, start, end, lines):
            continue  # "urus SKCK dulu": a word in capitals no name list knows is a short form, not a name
        if kind in CHECKED_TYPES and not validated(scan, start, end, kind, persons, person_ends, age_ends):
            continue  # an age, a date, an identity number or a plate the rules would refuse ("45 and a half" as rent)
        if kind == "AGE":
            age_ends.append(end)
        conf = round(min(0.95, 0.3 + 0.6 * prob), 2)
        added.append(Detection(start, end, kind, conf, DETECTOR, text[start:end]))
    if not added:
        return found
    return sorted([*found, *added], key=lambda d: (d.start, d.end))
