"""One entry point over every detector: run them, resolve overlaps, and find confirmed identifiers again.

Speaker labels come first (:mod:`makna.privacy.speakers`): generic role labels are blanked out before any
detector runs, so they are never detected and never act as a cue; a label that is a person's name is a
PERSON in every turn it starts.

Overlap resolution is greedy: candidates are ranked by ``length * (0.5 + confidence)`` (a longer span
wins unless the shorter one is much more certain; "Hotel Sabana Indah" beats "Indah"), ties broken by
confidence then position; a candidate that overlaps one already kept is dropped. The output never nests.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cache
from operator import attrgetter
from typing import Final

from ._fold import folded
from ._nfc import composed, with_marks
from .types import PII_TYPES, Detection

__all__ = ["detect", "harmonise_types", "propagate", "resolve_overlaps"]

_MAX_CHUNK = 200_000


def resolve_overlaps(candidates: Iterable[Detection]) -> list[Detection]:
    """Keep a non-overlapping subset, preferring long and confident spans; sorted by start."""
    cands = list(candidates)
    if not cands:
        return []
    # Rank: (start - end) * (0.5 + confidence), then -confidence, then start; ties keep the input order
    # (a stable sort of indices by precomputed keys: no Python call per comparison).
    keys = [((d.start - d.end) * (0.5 + d.confidence), -d.confidence, d.start) for d in cands]
    taken = bytearray(max(d.end for d in cands))
    kept: list[Detection] = []
    for i in sorted(range(len(cands)), key=keys.__getitem__):
        det = cands[i]
        start, end = det.start, det.end
        if taken.find(1, start, end) >= 0:
            continue
        kept.append(det)
        taken[start:end] = b"\x01" * (end - start)
    kept.sort(key=_START)  # the kept spans never overlap: their starts differ
    return kept


_START: Final = attrgetter("start")


def _chunks(text: str) -> Iterable[tuple[int, str]]:
    """Split very long texts at line breaks (or spaces) so one pathological line stays linear."""
    if len(text) <= _MAX_CHUNK:
        yield 0, text
        return
    pos = 0
    while pos < len(text):
        end = min(len(text), pos + _MAX_CHUNK)
        if end < len(text):
            cut = text.rfind("\n", pos + _MAX_CHUNK // 2, end)
            if cut < 0:
                cut = text.rfind(" ", pos + _MAX_CHUNK // 2, end)
            end = cut + 1 if cut >= 0 else end
        yield pos, text[pos:end]
        pos = end


_NAMED_TYPES: Final = frozenset({"PERSON", "ORG", "LOCATION"})


def harmonise_types(found: Sequence[Detection]) -> list[Detection]:
    """One type for one name in one text: a name found as PERSON, ORG or LOCATION in several places takes
    the type of its most confident detection ("narik buat Gaskeun" says ORG; a later bare "Gaskeun" agrees)."""
    best: dict[str, Detection] = {}
    for det in found:
        if det.type in _NAMED_TYPES and (det.text not in best or det.confidence > best[det.text].confidence):
            best[det.text] = det
    out: list[Detection] = []
    for det in found:
        top = best.get(det.text)
        if top is None or det.type not in _NAMED_TYPES:
            out.append(det)
            continue
        if top.type != det.type and top.confidence >= det.confidence + 0.05:
            det = Detection(det.start, det.end, top.type, det.confidence, det.detector, det.text)
        out.append(det)
    return out


@cache
def _pipeline() -> Callable[[str, str, Sequence[str]], list[Detection]]:
    """The detectors (:func:`makna.privacy._pipeline.detect_chunk`), imported at the first detection: importing
    them and compiling their patterns takes about a quarter of a second, which ``import makna.privacy`` and a
    ``makna deid`` command that detects nothing (status, list, accept, region) never pay. Their compiled patterns
    (and the shared cue scan's) come from a cache on disk when it holds them (:mod:`._rxcache`)."""
    from ._rxcache import compiled_once

    with compiled_once("detectors") as kept:
        from ._cues import shared_scan
        from ._pipeline import detect_chunk

        scan = shared_scan()
        if kept:  # its ASCII twin costs a fifth of a second to compile, a few milliseconds from the cache
            scan.compile_twin()
    return detect_chunk


_calls = 0
"""Detections paused so far in this process (see :func:`_no_cyclic_gc`)."""


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector: detection makes hundreds of thousands of short-lived, acyclic
    objects (matches, tuples, detections), and each collection they trigger walks the large word lists kept
    in memory, about a tenth of the run for nothing (reference counting frees them all the same).

    Before it resumes, every object alive is moved to the collector's permanent generation (``gc.freeze()``, a
    constant-time move) at the end of the 1st, 2nd, 4th, 8th... call: the lazily built word lists and their unions
    (frozensets of 45,000-134,000 names, 2.9 million entries in all, built at the first texts that need each) are
    then never traversed again, where each collection of their generation walked them entry by entry (0.15 s a full
    collection; 0.5 s of a process's first pass over the open interviews, what ``makna deid scan`` of a study runs).
    This lives here, in the one entry point the CLI, the web server and the scripts share, because only detection
    knows when it has built them (at the first texts that need each: a list built at the k-th call is frozen by
    the 2k-th). A call that ends in a freeze first runs a full collection, at its start, so that the cyclic garbage
    of what ran before it (a web server's earlier requests) is not frozen for good; objects still alive then are
    frozen with the lists and are freed by reference counting when they die, unless they die in a cycle. At the
    start, not at the end: the word lists that call builds are not there yet to be walked (a collection after the
    first detection walks them all, a fifth of a second of a fresh process's first detection; before it, a few
    milliseconds), and the detection itself leaves no cyclic garbage (the collector paused, its objects are
    acyclic: a collection after a first detection finds none)."""
    global _calls  # noqa: PLW0603  (one counter per process)
    enabled = gc.isenabled()
    gc.disable()
    freezing = ((_calls + 1) & _calls) == 0  # this is the 1st, 2nd, 4th, 8th... call
    if freezing:
        gc.collect()  # garbage in a cycle now would otherwise be frozen for good (a server's requests)
    try:
        yield
    finally:
        _calls += 1
        if freezing:
            gc.freeze()
        if enabled:
            gc.enable()


def detect(
    text: str,
    *,
    language: str = "id",
    known_names: Iterable[str] = (),
    types: Collection[str] | None = None,
) -> list[Detection]:
    """Every identifier in ``text``, non-overlapping and sorted by start.

    ``language`` is ``"id"`` or ``"en"`` (both languages' rules run; it tunes a few English-only cues).
    ``known_names`` are the project's own names and aliases (matched exactly or in title case).
    ``types`` restricts the output to those identifier types.
    """
    if language not in {"id", "en"}:
        raise ValueError(f"language must be 'id' or 'en', not {language!r}")
    if types is not None:
        unknown = set(types) - set(PII_TYPES)
        if unknown:
            raise ValueError(f"unknown identifier types: {sorted(unknown)}")
    mapped = composed(text)
    if mapped is not None:  # decomposed accents: detect on the composed text, spans mapped back
        nfc, origin = mapped
        return [
            Detection(
                origin[d.start], origin[d.end], d.type, d.confidence, d.detector, text[origin[d.start] : origin[d.end]]
            )
            for d in detect(nfc, language=language, known_names=known_names, types=types)
        ]
    shadow = folded(text)
    if shadow is not None:  # "Łódź", "Željko": detect on letters read as ASCII (one for one), spans are the text's
        return [
            Detection(d.start, d.end, d.type, d.confidence, d.detector, text[d.start : d.end])
            for d in detect(shadow, language=language, known_names=[folded(n) or n for n in known_names], types=types)
        ]
    names = tuple(known_names)
    out: list[Detection] = []
    with _no_cyclic_gc():
        detect_chunk = _pipeline()  # (the detectors' import, at the first call, with the collector paused too)
        for offset, chunk in _chunks(text):
            for det in detect_chunk(chunk, language, names):
                if det.text != chunk[det.start : det.end]:
                    # a pass that normalised its span's words ("Sumatera\tBarat" read as "Sumatera Barat"): the
                    # text is the span's, which pseudonymise checks (a mismatch made it raise)
                    det = Detection(det.start, det.end, det.type, det.confidence, det.detector,
                                    chunk[det.start : det.end])  # fmt: skip
                if offset:
                    det = Detection(
                        det.start + offset, det.end + offset, det.type, det.confidence, det.detector, det.text
                    )
                out.append(det)
    if not text.isascii():  # a tone mark after a letter that has a composed form with one mark: the span's
        out = [_marked(text, d) for d in out]
    if types is not None:
        wanted = set(types)
        out = [d for d in out if d.type in wanted]
    return out


def _marked(text: str, det: Detection) -> Detection:
    end = with_marks(text, det.end)
    if end == det.end:
        return det
    return Detection(det.start, end, det.type, det.confidence, det.detector, text[det.start : end])


def propagate(
    texts: Mapping[str, str] | Sequence[str],
    confirmed: Mapping[str, str],
    *,
    existing: Mapping[str, Sequence[Detection]] | None = None,
) -> dict[str, list[Detection]]:
    """Find every other occurrence of confirmed identifiers across a project's texts.

    ``texts`` maps a text id to its text (a sequence is keyed ``"0"``, ``"1"``...); ``confirmed`` maps an
    identifier string to its type. Matches are exact and on word boundaries (digits-only identifiers
    also match with other separators; a value that ends in a letter also before a digit, as a speaker's name
    touching its time stamp on a service's page, ``Mick00:00:18``). Occurrences overlapping ``existing``
    detections are left out. A bare number of one to three digits (an accepted age "39", a house number "12")
    is not propagated: it names no one by itself, and every other 39 of the project (a price, a count, an age
    band "30-39" in a case attribute) would become an identifier to review. Returns new detections per text id (detector
    ``"propagate"``).
    """
    items = texts.items() if isinstance(texts, Mapping) else ((str(i), t) for i, t in enumerate(texts))
    patterns: list[tuple[re.Pattern[str], str]] = []
    for value, kind in sorted(confirmed.items(), key=lambda kv: -len(kv[0])):
        value = value.strip()
        if not value or kind not in PII_TYPES or (value.isdigit() and len(value) <= 3):
            continue
        digits = re.sub(r"\D", "", value)
        # Each pattern starts with a literal and checks the character before the match after it (a pattern led by
        # a look-behind gets no fast scan: it is tried at every position of every text): the same matches as
        # ``(?<![\w+])BODY(?!\d)`` and ``(?<![\w@.])VALUE(?![\w@])``.
        if len(digits) >= 7 and len(digits) >= len(value.replace(" ", "")) - 3:
            body = r"[\s.\-()]*".join(re.escape(d) for d in digits[1:])
            first = re.escape(digits[0])
            patterns.append((re.compile(rf"{first}(?<![\w+][\s\S])[\s.\-()]*{body}(?!\d)"), kind))
        else:
            literal = re.escape(value)
            # A name may touch a digit (a service page's "Mick00:00:18" speaker line): after a value that ends in
            # a letter only a letter, "_" or "@" continues the word.
            after = r"(?![^\W\d]|@)" if value[-1].isalpha() else r"(?![\w@])"
            patterns.append((re.compile(rf"{literal}(?<![\w@.]{literal}){after}"), kind))
    result: dict[str, list[Detection]] = {}
    for key, text in items:
        taken = [(d.start, d.end) for d in (existing or {}).get(key, ())]
        found: list[Detection] = []
        for rx, kind in patterns:
            for m in rx.finditer(text):
                if any(m.start() < e and s < m.end() for s, e in taken):
                    continue
                taken.append((m.start(), m.end()))
                found.append(Detection(m.start(), m.end(), kind, 0.99, "propagate", m.group(0)))
        found.sort(key=lambda d: d.start)
        result[key] = found
    return result
