"""The project's own words in its fields: a word of the researcher's vocabulary before it is a name.

The transcript detectors read a field out of the context they were trained on: a code name ``math_identity``, a
set ``teachers`` or a file name ``rider-02-teams.vtt`` is short, lower case, joined by ``_`` or ``-`` and written by
the researcher, and a word the detectors (or the label finder, :mod:`makna.privacy.labels`) took for a name in a
transcript is found again there, in any case. Four things say such a find is a word (trial13 #8):

* **the project's decisions**: the transcripts' reviews rejected the same string (compared case-folded, ``_``,
  ``-`` and ``.`` as spaces) more often than they accepted it: ``teachers`` accepted once by a bulk accept and
  rejected elsewhere is the researcher's word, in every field, whatever its case;
* **the codebook**: a guess (below 0.8) made of the words of the project's own code names, in any field (an
  exclusion "Tidak termasuk: Ditipu ..." names the code "Ditipu"), and any guess in a vocabulary field, also one
  the label finder carried there from another field (the guess filter of the detectors' own finds,
  :func:`makna.privacy.fields.ordinary_guess`, did not see those);
* **a vocabulary field** (:attr:`makna.privacy.fields.FieldSpec.vocabulary`: code, set, attribute names, memo
  titles, keywords) writing it in lower case: the codebook's ``math``, ``silicon valley``, ``guru_honorer`` are
  the team's own terms, whatever a transcript said of ``Math``;
* **a file name** writing it in lower case, where the transcripts neither accepted it nor found it at 0.9 or more
  (``teams`` from a ``Teams`` guessed at 0.16).

Only a name, place or firm made of ordinary words (:func:`makna.privacy.fields.ordinary_word`, in English or
Indonesian) is ever a word here, and never one a name list holds (a first name or a listed place: ``cerita_rudi``,
``wawancara_siti_02.docx``, ``informan-padang-01.txt`` still show the name), nor, outside the vocabulary fields,
one a list of family names holds (a memo's ``Mrs Bell``, a file's ``baker``). :func:`weigh` keeps such a find for the
full review below 0.5 (``+field.word``), so ``accept --all --min-confidence 0.5`` leaves the codebook alone;
:func:`without_words` drops them from what ``apply`` would otherwise stop on as unreviewed."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from ._state import State
from .fields import FieldSpec, field_spec, ordinary_word
from .gazetteers import first_names, names_and_places, surnames
from .types import Detection

__all__ = ["WORD_CONFIDENCE", "Decisions", "is_word", "weigh", "without_words"]

WORD_CONFIDENCE = 0.3
"""The confidence a word of the project's vocabulary is kept at (below the README's 0.5)."""
_NAME_TYPES = frozenset({"PERSON", "LOCATION", "ORG"})
_SURE = 0.9  # found at this confidence in a transcript, a word of a file name is the transcripts' name
_DECIDED = frozenset({"accepted", "edited", "added"})
_CODE_NAMES = frozenset({"codes.name", "code_translations.name"})
_GUESS_BELOW = 0.8  # a guess, as :func:`makna.privacy.fields.ordinary_guess` has it
_SPLIT = re.compile(r"[\s\-_.]+")


def _key(text: str) -> str:
    return " ".join(w for w in _SPLIT.split(text.casefold()) if w)


@dataclass(frozen=True, slots=True)
class Decisions:
    """What the transcripts' reviews say of each string (case-folded): accepted and rejected counts, and the highest
    confidence of a detection not rejected; and the (case-folded) words of the project's code names."""

    accepted: Counter[str] = field(default_factory=Counter)
    rejected: Counter[str] = field(default_factory=Counter)
    found: dict[str, float] = field(default_factory=dict)
    codebook: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, states: Iterable[State], fields: Iterable[State] = ()) -> Decisions:
        """The decisions of the transcripts among ``states`` (fields and applied sources left out), and the words
        of the code names among ``fields``."""
        out = cls(codebook={w for st in fields if st.field in _CODE_NAMES for w in _key(st.value).split()})
        for st in states:
            if st.field or st.applied:
                continue
            for item in st.review.items:
                key = _key(item.detection.text)
                if item.status in _DECIDED:
                    out.accepted[key] += 1
                elif item.status == "rejected":
                    out.rejected[key] += 1
                if item.status != "rejected":
                    out.found[key] = max(out.found.get(key, 0.0), item.detection.confidence)
        return out

    def rejected_more(self, text: str) -> bool:
        """The transcripts rejected ``text`` more often than they accepted it."""
        key = _key(text)
        return self.rejected[key] > self.accepted[key]

    def name(self, text: str) -> bool:
        """The transcripts accepted ``text`` (more than they rejected it) or found it at 0.9 or more."""
        key = _key(text)
        return self.accepted[key] > self.rejected[key] or self.found.get(key, 0.0) >= _SURE


def _listed(word: str) -> bool:
    title = word[:1].upper() + word[1:].lower()
    return title in first_names("id") or title in names_and_places()


def _ordinary(word: str) -> bool:
    """An ordinary word of either language (:func:`makna.privacy.fields.ordinary_word`), or an English past or
    present participle of one that no list of family names holds: a code "Cheated", "Scammed", "Coping" is written
    as a participle."""
    if ordinary_word(word, "en") or ordinary_word(word, "id"):
        return True
    folded = word.lower()
    if folded.capitalize() in surnames():  # "Harding", "Fielding": a family name before a participle
        return False
    for end in ("ed", "ing"):
        base = folded[: -len(end)]
        if folded.endswith(end) and len(base) >= 3:
            doubled = base[:-1] if len(base) >= 4 and base[-1] == base[-2] else base
            if any(ordinary_word(b, "en") for b in {base, base + "e", doubled}):
                return True
    return False


def is_word(spec: FieldSpec, det: Detection, decisions: Decisions) -> bool:
    """Whether ``det``, found in a value of the field ``spec``, is a word of the project rather than an identifier
    (see the module documentation)."""
    if det.type not in _NAME_TYPES:
        return False
    words = [w for w in _SPLIT.split(det.text) if w]
    if not words or any(_listed(w) for w in words):
        return False
    if not all(_ordinary(w) for w in words):
        return False
    if not spec.vocabulary and any(w[:1].upper() + w[1:].lower() in surnames() for w in words):
        return False  # outside the codebook, "Mrs Bell" or a file's "baker" is a person's (a family name list holds it)
    if decisions.rejected_more(det.text):
        return True
    if det.confidence < _GUESS_BELOW and (spec.vocabulary or set(_key(det.text).split()) <= decisions.codebook):
        return True  # a guess in the vocabulary, or in any field a guess made of the codebook's own words
    if any(c.isupper() for c in det.text):
        return False
    if spec.vocabulary:
        return True
    return spec.file_name and not decisions.name(det.text)


def weigh(spec: FieldSpec, found: Iterable[Detection], decisions: Decisions) -> list[Detection]:
    """``found`` in a value of ``spec``, each word of the project kept below 0.5 (detector ``+field.word``)."""
    return [
        replace(det, confidence=min(det.confidence, WORD_CONFIDENCE), detector=f"{det.detector}+field.word")
        if is_word(spec, det, decisions)
        else det
        for det in found
    ]


def without_words(
    hits: Mapping[str, Sequence[Detection]], states: Sequence[State], decisions: Decisions
) -> dict[str, list[Detection]]:
    """``hits`` (per state id) less the words of the project found in field values."""
    specs = {st.source_id: field_spec(st.field) for st in states if st.field}
    out: dict[str, list[Detection]] = {}
    for sid, dets in hits.items():
        spec = specs.get(sid)
        kept = [det for det in dets if spec is None or not is_word(spec, det, decisions)]
        if kept:
            out[sid] = kept
    return out
