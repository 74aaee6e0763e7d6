"""Names found in a project's transcripts, found again in its labels (file and source names, case,
code and set names...), in any case and across the separators file names use.

A name written in a transcript as ``Dedi`` is written ``ojol-dedi.txt``, ``DEDI_02.docx`` or
``wawancara.dedi.txt`` in a file name: :func:`find_in_labels` finds each word of a person's name (three
letters or more, honorifics left out) and a place's own name (``Sukamaju`` of ``Kelurahan Sukamaju``;
its words joined by spaces, ``-``, ``_`` or ``.``; and a town's or regency's name inside a longer place
name, ``Solok`` of "Kopi Sawah Solok") in a label whatever its case, where no letter
touches it (digits, ``-``, ``_``, ``.`` and spaces do not count). ``apply`` then writes the name's
surrogate there in the label's case (``ojol-kosasih.txt``).

A guess (confidence below 0.9) that is also an ordinary word (``Work`` of "Bike to Work", found as a
place at 0.57) counts in a label only where the label writes it with a capital, as a name is written: a
project called "Care, work and place" keeps its ``work``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import cache

from . import gazetteers
from .naming import HONORIFIC_GENDER
from .regions import place_regions
from .speakers import GENERIC_LABELS
from .surrogates import split_place
from .types import Detection

__all__ = ["LABEL_TYPES", "before_extension", "find_in_labels", "label_words", "name_words", "plain_words"]

LABEL_TYPES = frozenset({"PERSON", "LOCATION"})
"""The types of identifier looked for in labels by their words."""
_NOT_NAMES = frozenset(HONORIFIC_GENDER) | {"bin", "binti", "van", "von", "der", "den", "the", "and", "dan"}


_TOWN_LEVELS = frozenset({"city", "regency"})
"""Region levels whose names, inside a longer place name, are looked for in labels on their own."""
_EXTENSION = re.compile(r"\.[^\W\d_][^\W_]{0,4}\Z")
"""A file name's extension: a dot, a letter, then up to four letters or digits, at the end (``.txt``, ``.docx``,
``.mp3``)."""

_SURE = 0.9
"""From this confidence a name's word is found in a label in any case, even where it is an ordinary word."""


@cache
def plain_words() -> frozenset[str]:
    """Lower-case ordinary Indonesian and English words, and first names that are ordinary words (not
    :func:`makna.privacy.gazetteers.ordinary_words`, which adds colloquial ones)."""
    return gazetteers.ambiguous_names() | gazetteers.dictionary_words() | gazetteers.english_words()


def _key(text: str) -> str:
    return " ".join(re.split(r"[\s\-_.]+", text.casefold()))


def name_words(name: str) -> list[str]:
    """The words of a person's name that identify on their own: three letters or more, honorifics and
    particles (``bin``, ``van``...) left out (``Abena`` and ``Owusu`` of ``Ibu Abena Owusu-Mensah``), and so are
    generic speaker labels written into a name (a chat sender "Fitri Peneliti": searched for as a name of its
    own, "Peneliti" would be proposed at every ``Peneliti:`` label of the project), unless the label is also a
    first name (``Tim`` of ``Tim Hartono``, ``Tanya`` of ``Tanya Pratiwi``: a ``Tim:`` label may be that person)."""
    given = gazetteers.first_names("id")
    return [word for word in re.split(r"[\s\-_.,]+", name)
            if len(word) >= 3 and word.isalpha() and word.casefold() not in _NOT_NAMES
            and (word.casefold() not in GENERIC_LABELS or word.capitalize() in given)]


def label_words(names: Mapping[str, tuple[str, float]]) -> dict[str, tuple[str, float]]:
    """What to look for in labels: each word of a person's name and each place's own name, with its type
    and confidence (the highest of the names it comes from)."""
    out: dict[str, tuple[str, float]] = {}

    def add(word: str, kind: str, confidence: float) -> None:
        key = _key(word)
        if key not in out or out[key][1] < confidence:
            out[key] = (out[key][0] if key in out else kind, confidence)

    for value, (kind, confidence) in names.items():
        if kind == "PERSON":
            for word in name_words(value):
                add(word, kind, confidence)
        elif kind == "LOCATION":
            core = " ".join(split_place(" ".join(value.split()))[1].split())
            if len(core) >= 3 and any(c.isalpha() for c in core):
                add(core, kind, confidence)
            for word in _towns_inside(core):
                add(word, kind, confidence)
    return out


def _towns_inside(core: str) -> list[str]:
    """The words of a longer place name that are a town's or regency's own name (``Solok`` of a coffee shop's
    "Kopi Sawah Solok", which a file name writes ``kedai-kopi-solok.rtf``); none when the whole is a region's
    name itself (``Padang Panjang`` is a town, its ``Padang`` another)."""
    words = core.split()
    if len(words) < 2 or place_regions(core):
        return []
    return [w for w in words if len(w) >= 4 and any(level in _TOWN_LEVELS for _p, level in place_regions(w))]


def find_in_labels(texts: Mapping[str, str], names: Mapping[str, tuple[str, float]],
                   existing: Mapping[str, Sequence[Detection]] | None = None) -> dict[str, list[Detection]]:
    """New detections (detector ``propagate.label``) of the words of ``names`` (value -> type and
    confidence) in each label text, none overlapping ``existing``; see the module documentation."""
    words = label_words(names)
    if not words:
        return {}
    body = "|".join(r"[\s\-_.]+".join(re.escape(w) for w in word.split())
                    for word in sorted(words, key=lambda w: (-len(w), w)))
    rx = re.compile(rf"(?<![^\W\d_])(?:{body})(?![^\W\d_])", re.IGNORECASE)
    ordinary = plain_words()
    guesses = {w for w, (_kind, confidence) in words.items() if confidence < _SURE and w in ordinary}
    out: dict[str, list[Detection]] = {}
    for key, text in texts.items():
        taken = [(d.start, d.end) for d in (existing or {}).get(key, ())]
        found = [Detection(m.start(), m.end(), *words.get(_key(m.group(0)), ("PERSON", 0.9)), "propagate.label",
                           m.group(0))
                 for m in rx.finditer(text) if not any(m.start() < e and s < m.end() for s, e in taken)
                 and (m.group(0)[0].isupper() or _key(m.group(0)) not in guesses)]
        if found:
            out[key] = found
    return out


def before_extension(name: str, found: Sequence[Detection]) -> list[Detection]:
    """``found`` in the file name ``name`` cut short of its extension: a detection that runs into it ends
    before its dot (and before the spaces or separators there), one inside it is dropped. A detector reads
    ``Warsini HK.txt`` of "WhatsApp Chat - Warsini HK.txt" as one name; replaced whole, the file loses its
    ``.txt``, and ``txt``, one of the name's words, is then looked for in every other file name."""
    m = _EXTENSION.search(name)
    if m is None:
        return list(found)
    cut = len(name[: m.start()].rstrip(" -_."))
    out: list[Detection] = []
    for det in found:
        if det.end > cut:
            if det.start >= cut:
                continue
            det = replace(det, end=cut, text=name[det.start:cut])
        out.append(det)
    return out

