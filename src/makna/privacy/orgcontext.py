"""Is this capitalised name an organisation? A small learned decision from its contexts (issue 11, round eight).

Rules find an employer after the phrases someone listed (``ride for``, ``kerja di``) and after head words
(``Ltd``, ``Laundry``); an organisation named in any other way was left to the CRF, which learns the open
corpus's strings as much as its contexts. This stage looks at every capitalised name of a text once more (the
pipeline's PERSON, LOCATION and ORG spans and the capitalised runs nothing detected) and asks a logistic
regression whether the name is an organisation, from:

* the words around each of its mentions: the one or two words before (``kerja di``, ``ikut``, ``di bawah``,
  ``laid off from``, ``owner of``, ``works at``) and the word after (``Ltd``, ``Group``, ``&``, ``account``);
* how the text uses the name elsewhere: its mentions are pooled, so a name once ``at``/``di`` and once the
  subject of a person's verb shows both;
* its shape, never its letters: word count, capitals, a digit, camel case, a brand-like ending, whether a
  name or place list or a dictionary holds it, and the ordinary words it starts or ends with (``PT``, ``Toko``,
  ``Motor``, ``Laundry``);
* what the earlier stages made of it (type and detector), so that it learns where they go wrong.

The model is trained by :mod:`makna.privacy.orgcontext_train` on the open splits with every name also seen
under an invented name (its shape features replaced, its detection removed), so that it cannot lean on the
corpus's strings. A name it finds likely an organisation becomes ORG in every mention: undetected mentions
are added (at most 0.75: below what ``deid accept --min-confidence 0.8`` takes, so a person reviews them), and
PERSON or LOCATION mentions from weak detectors are retyped.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import repeat
from operator import itemgetter
from typing import Any, Final, NamedTuple, cast

from . import gazetteers as gz
from ._local import ThreadSettings
from ._text import HONORIFICS, CapRun, is_sentence_initial, line_before, occupied
from .employers import is_org_noun, work_phrase_before
from .places import PLACE_PREP_BEFORE
from .precision import stage_is_off
from .types import Detection

__all__ = [
    "KEEP_DETECTORS",
    "all_features",
    "LEGAL_FORMS",
    "MODEL_FILE",
    "NAMED",
    "Candidate",
    "OrgContextModel",
    "apply_org_context",
    "candidates",
    "decide",
    "group",
    "mention_features",
    "load_model",
    "model_disabled",
    "model_from_record",
    "name_features",
    "name_probability",
    "shape_features",
    "using_model",
]

MODEL_FILE: Final = "deid_orgcontext.json"
NAMED: Final = frozenset({"PERSON", "LOCATION", "ORG"})
_state = ThreadSettings()

_WORD: Final = re.compile(r"[\w'’\-]+|[^\w\s]")
_ARTICLES: Final = frozenset({"The", "A", "An", "Our", "My", "Their", "His", "Her", "This", "That"})
_BRAND: Final = re.compile(
    r"(?:pay|cart|kart|mart|ify|hub|app|box|eats|food|link|tech|soft|net|go|ku|in|ly|er|wise|lane|drop|wing|"
    r"cab|ride|ex|io|kan|ken|kit)$"
)
_CAMEL: Final = re.compile(r"[a-z][A-Z]")
LEGAL_FORMS: Final = frozenset("PT CV UD PD TB KSP KUD Tbk Ltd Inc LLC LLP Pty Pvt Bhd Co Corp Plc PLC GmbH".split())
"""Legal-form words a firm's name starts or ends with (kept among a name's shape features, as ordinary words
are)."""
_MAX_ADDED: Final = 0.75
"""The highest confidence of a mention this stage adds: below what ``deid accept --min-confidence 0.8`` takes,
so a person reviews it (as the catch-all's guesses)."""
_MAX_WORDS: Final = 5
"""An undetected run of more words is a title or a shouted phrase, not a name the stage judges."""
_RULE_ORG: Final = 0.7
"""A rule's ORG at this confidence or more (``org.work``, ``org.head``...) makes the name's undetected mentions
ORG whatever the model says ("from Lendwise ... Lendwise charged")."""
_KEEP: Final = frozenset(
    {
        "person.honorific",
        "person.intro",
        "person.self",
        "person.sender",
        "person.speaker",
        "person.turn",
        "location.after_address",
        "address.id",
        "propagate",
    }
)
KEEP_DETECTORS: Final = _KEEP
"""Detectors whose PERSON or LOCATION no organisation pass retypes (an honorific, an introduction, a label...)."""
"""Detectors whose PERSON or LOCATION spans the stage never retypes (a name by its honorific, an introduction or a
speaker label)."""


class Candidate(NamedTuple):
    """One mention of a capitalised name: its span and the detection over it (None when nothing found it). (A
    named tuple: the stage makes one for every capitalised run, and a tuple is made several times faster than
    a frozen dataclass.)"""

    start: int
    end: int
    text: str
    found: Detection | None


@dataclass
class OrgContextModel:
    """A binary logistic regression over a name's pooled features, with its two thresholds."""

    intercept: float
    weights: dict[str, float]
    add: float  # at or above: undetected mentions become ORG
    retype: float  # at or above: PERSON/LOCATION mentions of weak detectors become ORG
    record: dict[str, Any] = field(default_factory=dict)
    _slots: _Slots | None = field(default=None, init=False, repr=False, compare=False)

    def slots(self) -> _Slots:
        """The weights by feature slot (built at the first call, again if ``weights`` is replaced)."""
        if self._slots is None or self._slots.weights is not self.weights:
            self._slots = _Slots(self.weights)
        return self._slots

    def probability(self, features: Sequence[str]) -> float:
        score = self.intercept + sum(self.weights.get(f, 0.0) for f in set(features))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    def as_record(self) -> dict[str, Any]:
        return {
            **self.record,
            "intercept": round(self.intercept, 6),
            "add": self.add,
            "retype": self.retype,
            "weights": {f: round(w, 6) for f, w in sorted(self.weights.items()) if abs(w) >= 1e-6},
        }


def model_from_record(record: dict[str, Any]) -> OrgContextModel:
    meta = {k: v for k, v in record.items() if k not in {"intercept", "add", "retype", "weights"}}
    weights = {str(f): float(w) for f, w in record["weights"].items()}
    return OrgContextModel(float(record["intercept"]), weights, float(record["add"]), float(record["retype"]), meta)


@cache
def load_model() -> OrgContextModel | None:
    """The shipped model (None when the package carries none)."""
    path = resources.files("makna.privacy") / "data" / MODEL_FILE
    if not path.is_file():
        return None
    return model_from_record(json.loads(path.read_text(encoding="utf-8")))


def model_disabled() -> AbstractContextManager[None]:
    """Within this block (in this thread), :func:`makna.privacy.detect` skips this stage (as it does within
    :func:`makna.privacy.precision.stage_disabled`)."""
    return _state.setting("off", True)


def using_model(model: OrgContextModel) -> AbstractContextManager[None]:
    """Within this block (in this thread), :func:`makna.privacy.detect` uses ``model`` instead of the shipped
    one (cross-validation)."""
    return _state.setting("model", model)


@cache
def _stop() -> frozenset[str]:
    return gz.stop_caps() | HONORIFICS | _ARTICLES


def candidates(scan: str, found: Sequence[Detection], runs: Sequence[CapRun]) -> list[Candidate]:
    """The mentions the stage judges: every PERSON, LOCATION or ORG detection, and every capitalised run (less
    leading articles and common capitalised words, at most five words, none in a text typed in capitals) that
    no detection overlaps, joined over ``&``."""
    out = [Candidate(d.start, d.end, d.text, d) for d in found if d.type in NAMED]
    taken = occupied(len(scan), found)
    stop = _stop()
    if _shouting(scan):
        runs = ()  # a text in capitals: its runs are whole sentences, not names (detections are still judged)
    find = taken.find
    n = len(runs)
    i = 0
    while i < n:
        start, end, text = runs[i]
        i += 1
        if i < n and runs[i][0] == end + 3 and scan.startswith(" & ", end):
            while i < n and runs[i][0] == end + 3 and scan.startswith(" & ", end):
                end = runs[i][1]  # "Oak & Ember": one name over an ampersand
                i += 1
        elif " " not in text and "\t" not in text:  # one word (most runs): nothing to trim, a stop word first
            if text not in stop and text != "I" and find(1, start, end) < 0:
                out.append(Candidate(start, end, text, None))
            continue
        if find(1, start, end) >= 0:
            continue
        words = scan[start:end].split()
        while words and words[0] in stop:
            start = scan.index(words[0], start) + len(words[0])
            start += len(scan[start:end]) - len(scan[start:end].lstrip())
            words.pop(0)
        while words and (words[-1] in stop or words[-1] == "&"):
            end = scan.rindex(words[-1], start, end)
            end = start + len(scan[start:end].rstrip())
            words.pop()
        if not words or words[0] == "I" and len(words) == 1 or len(words) > _MAX_WORDS:
            continue
        out.append(Candidate(start, end, scan[start:end], None))
    out.sort(key=_START)
    return out


_START: Final = itemgetter(0)  # a candidate's start
_Seen = dict[tuple[str, str, str, str], tuple[float, tuple[str, ...]]]
"""Mentions scored in one document, by context (:meth:`_Slots.mention`)."""
_ASCII_UPPER: Final = bytes(range(65, 91))
_ASCII_LOWER: Final = bytes(range(97, 123))
_NON_ASCII: Final = re.compile(r"[^\x00-\x7f]+")


def _shouting(scan: str) -> bool:
    """Whether most of the letters of ``scan`` are capitals (a text typed in capitals, or upper-cased). ASCII
    letters are counted by bytes (``str.isupper`` of an ASCII character is ``A-Z``), the others one by one: the
    same counts as ``sum(map(str.isupper, scan))`` in a tenth of the time."""
    plain = scan.encode("ascii", "ignore")
    upper = len(plain) - len(plain.translate(None, _ASCII_UPPER))
    lower = len(plain) - len(plain.translate(None, _ASCII_LOWER))
    if len(plain) < len(scan):
        rest = "".join(_NON_ASCII.findall(scan))
        upper += sum(map(str.isupper, rest))
        lower += sum(map(str.islower, rest))
    return upper > 20 and upper > lower


def _before(scan: str, start: int) -> list[str]:
    line = scan[max(0, start - 80) : start]
    line = line[line.rfind("\n") + 1 :]
    toks = _WORD.findall(line)[-6:]
    return [t if not t[:1].isupper() else "CAP" for t in (t.lower() if t[:1].islower() else t for t in toks)]


def _after(scan: str, end: int) -> list[str]:
    line = scan[end : end + 60]
    nl = line.find("\n")
    toks = _WORD.findall(line if nl < 0 else line[:nl])[:5]
    return [t.lower() if not t[:1].isupper() else "CAP:" + (t if t in _stop() or _common(t) else "") for t in toks]


def _words_before(scan: str, start: int) -> list[str]:
    """The last six tokens of the line before ``start``, within 80 characters (:func:`_before` before its
    normalisation). Tokens are runs of one character class, so those wholly inside a shorter window are the
    same: the last 40 characters are read first, all 80 only when they hold fewer than seven tokens (the first
    of them may be cut)."""
    lo = max(0, start - 80)
    lo = scan.rfind("\n", lo, start) + 1 or lo
    if lo < start - 40:
        toks = _WORD.findall(scan, start - 40, start)
        if len(toks) > 6:
            return toks[-6:]
    return _WORD.findall(scan, lo, start)[-6:]


def _words_after(scan: str, end: int) -> list[str]:
    """The first five tokens of the line after ``end``, within 60 characters (:func:`_after` before its
    normalisation): the next 30 characters first, all 60 only when they hold fewer than six tokens (the last
    may be cut)."""
    hi = scan.find("\n", end, end + 60)
    hi = end + 60 if hi < 0 else hi
    if hi > end + 30:
        toks = _WORD.findall(scan, end, end + 30)
        if len(toks) > 5:
            return toks[:5]
    return _WORD.findall(scan, end, hi)[:5]


def _common(word: str) -> bool:
    return word.lower() in gz.ordinary_words()


@cache
def shape_features(name: str) -> tuple[str, ...]:
    """The features of a name's form (never its letters, but for ordinary words it starts or ends with)."""
    words = name.split()
    feats = [f"n:words={min(len(words), 3)}"]
    if name.isupper() and len(name) > 1:
        feats.append("n:upper")
    if any(ch.isdigit() for ch in name):
        feats.append("n:digit")
    if _CAMEL.search(name):
        feats.append("n:camel")
    if len(words) == 1:
        low = name.lower()
        if _common(name):
            feats.append("n:common")
        if _BRAND.search(low) and not _common(name):
            feats.append("n:brandlike")
        if name in gz.first_names("id") or name in gz.first_names("en"):
            feats.append("n:firstname")
        if name in gz.surnames():
            feats.append("n:surname")
    if name in gz.all_places():
        feats.append("n:place")
    if name in gz.stop_caps():
        feats.append("n:stopcap")
    if len(words) > 1:
        first, last = words[0].rstrip(".,"), words[-1].rstrip(".,")
        if first in _stop() or _common(first) or first in LEGAL_FORMS:
            feats.append("n:first=" + first.lower())
        if last in _stop() or _common(last) or last in LEGAL_FORMS:
            feats.append("n:last=" + last.lower())
        if words[0] in gz.first_names("id") or words[0] in gz.first_names("en"):
            feats.append("n:firstname-first")
    return tuple(feats)


def mention_features(scan: str, cand: Candidate) -> list[str]:
    """The features of one mention: its context and what the earlier stages found there."""
    before = _before(scan, cand.start)
    after = _after(scan, cand.end)
    feats = []
    if before:
        feats.append("b1:" + before[-1])
        if len(before) > 1:
            feats.append("b2:" + " ".join(before[-2:]))
        feats.extend("bw:" + w for w in before if w != "CAP")
    else:
        feats.append("b1:<line>")
    if is_sentence_initial(scan, cand.start):
        feats.append("sent0")
    feats.append("a1:" + (after[0] if after else "<eol>"))
    if len(after) > 1:
        feats.append("a2:" + " ".join(after[:2]))
    feats.extend("aw:" + w for w in after[1:] if not w.startswith("CAP"))
    line = line_before(scan, cand.start, 56)
    if work_phrase_before(line):
        feats.append("cue:work")
    if PLACE_PREP_BEFORE.search(line_before(scan, cand.start, 20)):
        feats.append("cue:placeprep")
    if any(is_org_noun(w) for w in before[-4:]):
        feats.append("cue:orgnoun-before")
    if any(is_org_noun(w) for w in after[:4]):
        feats.append("cue:orgnoun-after")
    d = cand.found
    if d is None:
        feats.append("det:none")
    else:
        feats.append("det:" + d.type)
        feats.append(f"det:{d.type}:{d.detector}")
    return feats


def all_features(
    scan: str, mentions: Sequence[Candidate], shape: Sequence[str] | None = None, bare: bool = False
) -> list[list[str]]:
    """The features of each of a name's ``mentions``: its own context and detection, the name's shape (``shape``
    replaces it: an invented name's), how often the name is mentioned, and what its other mentions show (the
    detections over them, the words before each and their cue flags: ``else:det:ORG``, ``else:b1:di``).
    ``bare``: as if nothing had detected any mention (training copies under an invented name). Each mention's
    context is read once, so a name mentioned n times costs n, not n squared."""
    base = set(shape_features(mentions[0].text) if shape is None else shape)
    base.add(f"count={min(len(mentions), 3)}")
    own = [mention_features(scan, _bare(m) if bare else m) for m in mentions]
    shared: Counter[str] = Counter()
    for feats in own:
        shared.update({f for f in feats if f.startswith(_ELSEWHERE)})
    out: list[list[str]] = []
    for feats in own:
        mine = set(feats)
        others = {"else:" + f for f, n in shared.items() if n > (f in mine)}
        out.append(sorted(base | mine | others))
    return out


_ELSEWHERE: Final = ("det:", "b1:", "b2:", "cue:")
_ZEROS: Final = repeat(0.0)
"""The features of a name's other mentions that a mention sees (prefixed ``else:``)."""


def name_features(
    scan: str, mentions: Sequence[Candidate], i: int, shape: Sequence[str] | None = None, bare: bool = False
) -> list[str]:
    """The features of ``mentions[i]`` (:func:`all_features`)."""
    return all_features(scan, mentions, shape, bare)[i]


def _bare(cand: Candidate) -> Candidate:
    return Candidate(cand.start, cand.end, cand.text, None)


class _Slots:
    """A model's weights by feature slot, so that a mention is scored without building its feature strings:
    each slot maps what follows a feature's prefix (``b1:``, ``bw:``, ``det:``...) to its weight, and ``other``
    maps a feature a name's other mentions may show to the weight of its ``else:`` form (non-zero only)."""

    __slots__ = (
        "a1", "a2", "aw", "b1", "b2", "bw", "caps", "cue", "det", "other", "place", "rest", "sent0", "shape",
        "weights", "work",
    )  # fmt: skip

    def __init__(self, weights: dict[str, float]) -> None:
        self.weights = weights

        def part(prefix: str) -> dict[str, float]:
            return {f[len(prefix) :]: w for f, w in weights.items() if f.startswith(prefix)}

        self.b1, self.b2, self.bw = part("b1:"), part("b2:"), part("bw:")
        self.a1, self.a2, self.aw = part("a1:"), part("a2:"), part("aw:")
        self.cue, self.det = part("cue:"), part("det:")
        self.sent0 = weights.get("sent0", 0.0)
        self.other = {f: w for f, w in part("else:").items() if w and f.startswith(_ELSEWHERE)}
        self.shape: dict[tuple[str, int], float] = {}
        self.caps: dict[str, str] = {}

        def most(weights: dict[str, float], n: int) -> float:
            return sum(sorted((w for w in weights.values() if w > 0), reverse=True)[:n])

        # The most the words after a mention (one first word, one pair, four more words, an organisation noun)
        # and each cue pattern can add to its score (:meth:`reaching`).
        self.rest = most(self.a1, 1) + most(self.a2, 1) + most(self.aw, 4) + max(0.0, self.cue.get("orgnoun-after", 0))
        self.work = max(0.0, self.cue.get("work", 0.0))
        self.place = max(0.0, self.cue.get("placeprep", 0.0))

    def cap(self, word: str) -> str:
        """The form of a capitalised ``word`` after a mention (:func:`_after`), cached."""
        if len(self.caps) > 100_000:
            self.caps.clear()
        got = self.caps[word] = "CAP:" + (word if word in _stop() or _common(word) else "")
        return got

    def base(self, name: str, count: int) -> float:
        """The summed weights of a name's shape and mention count (cached per name)."""
        key = (name, min(count, 3))
        got = self.shape.get(key)
        if got is None:
            if len(self.shape) > 100_000:
                self.shape.clear()
            feats = set(shape_features(name))
            feats.add(f"count={key[1]}")
            got = self.shape[key] = sum(self.weights.get(f, 0.0) for f in feats)
        return got

    def mention(self, scan: str, cand: Candidate, seen: _Seen | None = None) -> tuple[float, tuple[str, ...]]:
        """The summed weights of :func:`mention_features` of ``cand``, and those of its features whose ``else:``
        form has a weight; ``seen`` holds the mentions of the same document already scored, by their context
        (:meth:`_context`): a name said again in the same words is scored once."""
        if seen is None:
            return self._context(scan, cand)
        start, end = cand.start, cand.end
        d = cand.found
        lo = max(0, start - 80)
        lo = scan.rfind("\n", lo, start) + 1 or lo
        hi = scan.find("\n", end, end + 60)
        key = (scan[lo:start], scan[end : end + 60 if hi < 0 else hi], "" if d is None else d.type,
               "" if d is None else d.detector)  # fmt: skip
        got = seen.get(key)
        if got is None:
            got = seen[key] = self._context(scan, cand)
        return got

    def _context(self, scan: str, cand: Candidate) -> tuple[float, tuple[str, ...]]:
        """:meth:`mention` read from the text in one pass, the features never spelt out but for the look-ups.
        Everything it reads lies in the line before the mention, at most 80 characters back (the tokens before
        it, the cue patterns' 56 and 20 characters, a sentence's start 12 back: a blank run reaching the line's
        start or the text's gives no word end either way), in the line after it, at most 60 characters on,
        and in its detection's type and detector: :meth:`mention`'s key."""
        got = self.reaching(scan, cand, -math.inf)
        assert got is not None  # (nothing is below minus infinity)
        return got

    def reaching(self, scan: str, cand: Candidate, floor: float) -> tuple[float, tuple[str, ...]] | None:
        """:meth:`_context`, or None as soon as the mention's score is known to stay below ``floor``: the words
        before it, its detection and the start of its sentence are read first, and when their weights and the
        most the words after it and the cue patterns could add (:attr:`rest`) stay below ``floor``, those are
        never read (most names a text mentions once are far from an organisation)."""
        start, end = cand.start, cand.end
        before = [  # (a token is never empty; a lower-case first letter stays lower-case in t.lower())
            t.lower() if t[0].islower() else "CAP" if t[0].isupper() else t for t in _words_before(scan, start)
        ]
        other = self.other
        keys: list[str] = []
        if before:
            b1 = before[-1]
            score = self.b1.get(b1, 0.0)
            if "b1:" + b1 in other:
                keys.append("b1:" + b1)
            if len(before) > 1:
                b2 = before[-2] + " " + b1
                score += self.b2.get(b2, 0.0)
                if "b2:" + b2 in other:
                    keys.append("b2:" + b2)
            words = set(before)
            words.discard("CAP")
            score += sum(map(self.bw.get, words, _ZEROS))
        else:
            score = self.b1.get("<line>", 0.0)
            if "b1:<line>" in other:
                keys.append("b1:<line>")
        # The last character before the blanks that end the line before the mention: the cue patterns end with a
        # word (a preposition, a work word) and blanks, so they need a letter there (and a sentence's first
        # word has none).
        j = start - 1
        floor_at = max(0, start - 56)
        while j >= floor_at and scan[j] in " \t":
            j -= 1
        word_end = j >= floor_at and scan[j].isalpha()
        if not (word_end and j >= start - 12) and is_sentence_initial(scan, start):
            score += self.sent0
        d = cand.found
        dets = ("none",) if d is None else (d.type, f"{d.type}:{d.detector}")
        noun_before = any(map(is_org_noun, before[-4:]))
        cued = word_end and j < start - 1  # the cue patterns can match
        placed = cued and j >= start - 20
        known = 0.0
        if floor > -math.inf:  # (the score itself is summed below in the order of round nine's code: the same float)
            known = score + sum(map(self.det.get, dets, _ZEROS))
            if noun_before:
                known += self.cue.get("orgnoun-before", 0.0)
            if known + self.rest + (self.work if cued else 0.0) + (self.place if placed else 0.0) < floor:
                return None
        caps = self.caps
        after = [caps.get(t) or self.cap(t) if t[0].isupper() else t.lower() for t in _words_after(scan, end)]
        before_score = score
        if after:
            a1 = after[0]
            score += self.a1.get(a1, 0.0)
            if len(after) > 1:
                score += self.a2.get(a1 + " " + after[1], 0.0)
                words = {w for w in after[1:] if not w.startswith("CAP")}
                score += sum(map(self.aw.get, words, _ZEROS))
        else:
            score += self.a1.get("<eol>", 0.0)
        noun_after = any(map(is_org_noun, after[:4]))
        if floor > -math.inf and cued:  # the cue patterns are the dearest part: read only if they could matter
            known += score - before_score + (self.cue.get("orgnoun-after", 0.0) if noun_after else 0.0)
            if known + self.work + (self.place if placed else 0.0) < floor:
                return None
        cues = []
        if cued:
            if work_phrase_before(line_before(scan, start, 56)):
                cues.append("work")
            if placed and PLACE_PREP_BEFORE.search(line_before(scan, start, 20)):
                cues.append("placeprep")
        if noun_before:
            cues.append("orgnoun-before")
        if noun_after:
            cues.append("orgnoun-after")
        for cue in cues:
            score += self.cue.get(cue, 0.0)
            if "cue:" + cue in other:
                keys.append("cue:" + cue)
        for det in dets:
            score += self.det.get(det, 0.0)
            if "det:" + det in other:
                keys.append("det:" + det)
        return score, tuple(keys)


def name_probability(
    model: OrgContextModel, scan: str, mentions: Sequence[Candidate], seen: _Seen | None = None
) -> float:
    """The probability that a name is an organisation: the highest of its mentions' (one clear use is enough).

    The same as ``max(model.probability(f) for f in all_features(scan, mentions))``, summed by part: the name's
    shape, each mention's own features and the ``else:`` features of the others are disjoint sets, so no
    feature list is built or sorted (:meth:`_Slots.mention`), and the sigmoid is taken once, of the highest
    score. A mention sees the ``else:`` weight of every feature of the name's other mentions: the total over the
    name's features less those that only it shows. ``seen``: the document's mentions scored so far, by context
    (:meth:`_Slots.mention`)."""
    slots = model.slots()
    score = model.intercept + slots.base(mentions[0].text, len(mentions))
    if len(mentions) == 1:
        best = slots.mention(scan, mentions[0])[0]  # (a name said once: its context is seldom said again)
    else:
        scored = [slots.mention(scan, m, seen) for m in mentions]
        shared: dict[str, int] = {}  # (a dict, not a Counter: its update pays an isinstance test per call)
        for _, keys in scored:
            for f in keys:
                shared[f] = shared.get(f, 0) + 1
        other = slots.other
        total = sum(other[f] for f in shared)
        best = max(own + total - sum(other[f] for f in keys if shared[f] == 1) for own, keys in scored)
    return _sigmoid(score + best)


def _sigmoid(score: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


_MARGIN: Final = 1e-6
"""How far below the add threshold's score a name's bound must stay for :func:`decide` to pass it over unread
(far more than the rounding of a sum of a few dozen weights)."""


def group(cands: Sequence[Candidate]) -> dict[str, list[Candidate]]:
    """Mentions by their text."""
    out: dict[str, list[Candidate]] = {}
    for cand in cands:
        out.setdefault(cand.text, []).append(cand)
    return out


def apply_org_context(scan: str, found: list[Detection], runs: Sequence[CapRun]) -> list[Detection]:
    """``found`` after the stage: names the model deems organisations are ORG in each mention (module
    docstring); unchanged when the stage is off or no model is shipped."""
    if _state.get("off") or stage_is_off():
        return found
    model = cast("OrgContextModel | None", _state.get("model")) or load_model()
    if model is None:
        return found
    return decide(model, scan, found, runs)


def decide(model: OrgContextModel, scan: str, found: list[Detection], runs: Sequence[CapRun]) -> list[Detection]:
    """``found`` with ``model``'s verdicts applied (:func:`apply_org_context`)."""
    changed: dict[int, Detection] = {}
    added: list[Detection] = []
    seen: _Seen = {}
    slots = model.slots()
    gate = math.log(model.add / (1.0 - model.add)) - _MARGIN if 0.0 < model.add < 1.0 else None
    for name, mentions in group(candidates(scan, found, runs)).items():
        if not any(c.isalpha() for c in name):
            continue  # a number a capitalised run held ("Kamar 3"): no organisation is named without a letter
        if all(m.found is not None for m in mentions) and (
            any(m.found.type == "ORG" for m in mentions if m.found is not None)
            or all(m.found.detector in _KEEP for m in mentions if m.found is not None)
        ):
            continue  # nothing the model could add or retype (all found: one as ORG, or all by kept detectors)
        rule = max(
            (
                m.found.confidence
                for m in mentions
                if m.found is not None and m.found.type == "ORG" and m.found.detector.startswith("org.")
            ),
            default=0.0,
        )
        if len(mentions) == 1 and rule < _RULE_ORG and gate is not None:
            # A name said once (most): read only as far as it could still reach the add threshold.
            base = model.intercept + slots.base(name, 1)
            got = slots.reaching(scan, mentions[0], gate - base)
            if got is None:
                continue
            p = _sigmoid(base + got[0])  # (name_probability's sum, in its order)
        else:
            p = name_probability(model, scan, mentions, seen)
        if rule >= _RULE_ORG:
            p = max(p, model.add)  # a rule found the name an organisation: its other mentions are too
        if p < model.add:
            continue
        for m in mentions:
            if m.found is None:
                added.append(Detection(m.start, m.end, "ORG", round(min(_MAX_ADDED, p), 3), "org.contextmodel", name))
            elif m.found.type != "ORG" and p >= model.retype and m.found.detector not in _KEEP:
                d = m.found
                changed[id(d)] = Detection(d.start, d.end, "ORG", d.confidence, d.detector, d.text)
    if not changed and not added:
        return found
    out = [changed.get(id(d), d) for d in found] + added
    out.sort(key=lambda d: d.start)
    return out
