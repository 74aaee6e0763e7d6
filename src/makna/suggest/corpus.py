"""``makna suggest evaluate``: score the suggester on folders in the dev corpus's format
(``<id>.json`` transcripts with ``language``, ``text`` and coded ``segments``, and ``codebook.json``).

Units are the test files' segments; the model learns from the train folder's segments and codings and
the test folder's codebook (every code's name and definition, in both languages). Each segment is read
with the interviewer's question before it (its context). A segment with no gold code is right when nothing
is suggested. The keyword baseline suggests a code when any stemmed
content word of its name in the segment's language occurs in the segment.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import InputError
from .classifier import CodeText, Example, Model, cross_scores, fit_calibrator, in_context, question, train

__all__ = ["CorpusDoc", "context_of", "load_folder", "load_codebook", "evaluate", "keyword_baseline", "scores",
           "MAX_FILE_BYTES", "best_threshold", "decide", "read_codebook", "applicable"]

MAX_FILE_BYTES = 20_000_000


@dataclass(frozen=True)
class CorpusDoc:
    id: str
    language: str
    text: str
    segments: list[tuple[int, int, frozenset[str]]]


def _read_json(path: Path) -> Any:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise InputError(f"{path}: over {MAX_FILE_BYTES:,} bytes")
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not readable JSON ({exc})") from None


def load_folder(folder: Path) -> list[CorpusDoc]:
    """The transcripts of a corpus folder (every ``*.json`` but ``codebook.json``)."""
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder")
    docs = []
    for path in sorted(folder.glob("*.json")):
        if path.name == "codebook.json":
            continue
        d = _read_json(path)
        try:
            text = str(d["text"])
            segs = [(int(s["start"]), int(s["end"]), frozenset(str(c) for c in s["codes"])) for s in d["segments"]]
            doc = CorpusDoc(str(d.get("id", path.stem)), str(d.get("language", "en")), text, segs)
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(f"{path}: not a transcript in the corpus format (missing or bad {exc})") from None
        for a, b, _ in segs:
            if not 0 <= a < b <= len(text):
                raise InputError(f"{path}: segment {a}:{b} lies outside the text (length {len(text)})")
        docs.append(doc)
    if not docs:
        raise InputError(f"{folder}: no transcript (*.json) found")
    return docs


def load_codebook(folder: Path) -> tuple[list[CodeText], dict[str, dict[str, str]]]:
    """The leaf codes of ``folder/codebook.json`` as codebook texts (name and definition in each
    language, with the parent's name), and each code's names by language."""
    codebook, names, _ = read_codebook(folder)
    return codebook, names


def read_codebook(folder: Path) -> tuple[list[CodeText], dict[str, dict[str, str]], dict[str, str]]:
    """:func:`load_codebook`, and the language of the transcripts each code's codebook is for (its
    ``language``; absent when the codebook does not say)."""
    data = _read_json(folder / "codebook.json")
    try:
        book_language = {c["id"]: str(cb["language"]) for cb in data["codebooks"] if cb.get("language")
                         for c in cb["codes"]}
        codes = [c for cb in data["codebooks"] for c in cb["codes"]]
        parents = {c["parent"] for c in codes}
        by_id = {c["id"]: c for c in codes}
        out, names = [], {}
        for c in codes:
            if c["id"] in parents:
                continue
            texts = []
            for lang, name in c["name"].items():
                parent = by_id.get(c["parent"] or "", {}).get("name", {}).get(lang, "")
                texts.append((lang, f"{name}. {c['definition'].get(lang, '')} {parent}"))
            out.append(CodeText(c["id"], tuple(texts)))
            names[c["id"]] = dict(c["name"])
    except (KeyError, TypeError, AttributeError) as exc:
        raise InputError(f"{folder / 'codebook.json'}: not a codebook in the corpus format ({exc})") from None
    return out, names, book_language


def applicable(codes: list[str], languages: list[str], book_language: dict[str, str]) -> np.ndarray[Any, Any]:
    """Units x codes: whether a code's codebook is for the unit's language. A transcript is coded with the
    codebook written for its language; where no codebook names that language, every code applies."""
    from .features import language_of

    declared = {language_of(v) for v in book_language.values()}
    out = np.ones((len(languages), len(codes)), dtype=bool)
    for i, lang in enumerate(languages):
        lang = language_of(lang)
        if lang in declared:
            out[i] = [c not in book_language or language_of(book_language[c]) == lang for c in codes]
    return out


def context_of(doc: CorpusDoc, start: int) -> str:
    """The line before a segment when no segment holds it and it asks a question (in the corpus format,
    the interviewer's question the informant answers), else nothing."""
    head = doc.text[:start].rstrip("\n")
    line_start = head.rfind("\n") + 1
    if not head or any(a < len(head) and b > line_start for a, b, _ in doc.segments):
        return ""
    return question(head[line_start:])


def _examples(docs: list[CorpusDoc], context: bool = True) -> list[Example]:
    return [Example(d.text[a:b], d.language, codes, d.id, context=context_of(d, a) if context else "")
            for d in docs for a, b, codes in d.segments]


def keyword_baseline(text: str, language: str, names: dict[str, dict[str, str]]) -> set[str]:
    """The codes any stemmed content word of whose name (in ``language``) occurs in ``text``."""
    from .features import word_features

    words = set(word_features(text, language))
    return {code for code, by_lang in names.items()
            if {f for f in word_features(by_lang.get(language, ""), language) if not f.startswith("x:")} & words}


def scores(gold: list[frozenset[str]], predicted: list[set[str]], codes: list[str]) -> dict[str, Any]:
    """Micro and macro F1, precision, recall and per-code figures of set predictions."""
    per: dict[str, dict[str, float]] = {}
    tp_all = fp_all = fn_all = 0
    for c in codes:
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if c in g and c in p)
        fp = sum(1 for g, p in zip(gold, predicted, strict=True) if c not in g and c in p)
        fn = sum(1 for g, p in zip(gold, predicted, strict=True) if c in g and c not in p)
        tp_all, fp_all, fn_all = tp_all + tp, fp_all + fp, fn_all + fn
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        per[c] = {"f1": 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0, "precision": prec, "recall": rec,
                  "support": tp + fn, "tp": tp, "fp": fp, "fn": fn}
    supported = [v["f1"] for v in per.values() if v["support"]]
    return {
        "micro_f1": 2 * tp_all / (2 * tp_all + fp_all + fn_all) if tp_all + fp_all + fn_all else 0.0,
        "macro_f1": float(np.mean(supported)) if supported else 0.0,
        "precision": tp_all / (tp_all + fp_all) if tp_all + fp_all else 0.0,
        "recall": tp_all / (tp_all + fn_all) if tp_all + fn_all else 0.0,
        "counts": {"tp": tp_all, "fp": fp_all, "fn": fn_all},
        "per_code": {c: v for c, v in per.items() if v["support"] or (v["precision"] == 0 and c in
                     {k for p in predicted for k in p})},
    }


@dataclass
class _Run:
    model: Model
    seconds: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)


def decide(conf: np.ndarray[Any, Any], codes: list[str], min_confidence: float) -> list[set[str]]:
    """The codes at or above ``min_confidence`` for each unit."""
    return [{codes[j] for j in np.flatnonzero(row >= min_confidence)} for row in conf]


def best_threshold(conf: np.ndarray[Any, Any], truth: np.ndarray[Any, Any]) -> float:
    """The confidence threshold at which held-out suggestions reach their best micro-F1."""
    best, best_f1 = 0.5, -1.0
    for t in np.unique(np.round(conf[np.isfinite(conf)], 3)):
        pred = conf >= t
        tp = int((pred & truth).sum())
        f1 = 2 * tp / (int(pred.sum()) + int(truth.sum())) if pred.sum() + truth.sum() else 0.0
        if f1 > best_f1 + 1e-9:
            best, best_f1 = float(t), f1
    return best


def evaluate(train_dir: Path, test_dir: Path, *, min_confidence: float | None = None,
             context: bool = True) -> dict[str, Any]:
    """Train on ``train_dir`` (with ``test_dir``'s codebook) and score on ``test_dir``'s segments. Without
    ``min_confidence`` the threshold is the one with the best micro-F1 on the train folder's own held-out
    (leave one transcript out) suggestions: a unit gets every code at or above it. With ``context`` (the
    default) the model reads each segment with the interviewer's question before it (:func:`context_of`),
    as ``makna suggest`` reads a turn with the question before it."""
    codebook, names, book_language = read_codebook(test_dir)
    train_docs, test_docs = load_folder(train_dir), load_folder(test_dir)
    examples = _examples(train_docs, context)
    model = train(examples, codebook)
    if len({e.group for e in examples}) >= 2:
        raw, truth, known = cross_scores(examples, codebook, model.codes)
        raw = np.where(applicable(model.codes, [e.language for e in examples], book_language), raw, -np.inf)
        model.calibrator = fit_calibrator(raw, truth, known)
        if min_confidence is None:
            min_confidence = best_threshold(model.calibrator(raw)[known], truth[known])
    if min_confidence is None:
        min_confidence = 0.5
    units = _examples(test_docs, context)
    t0 = time.perf_counter()
    raw = model.raw([in_context(u.text, u.context) for u in units], [u.language for u in units])
    conf = model.calibrator(np.where(applicable(model.codes, [u.language for u in units], book_language), raw,
                                     -np.inf))
    elapsed = time.perf_counter() - t0
    predicted = decide(conf, model.codes, min_confidence)
    gold = [u.codes for u in units]
    codes = sorted({c.code for c in codebook})
    result = scores(gold, predicted, codes)
    base = scores(gold, [keyword_baseline(u.text, u.language, names) for u in units], codes)
    result["baseline"] = {k: base[k] for k in ("micro_f1", "macro_f1", "precision", "recall", "counts")}
    result["units"] = len(units)
    result["units_per_second"] = len(units) / elapsed if elapsed > 0 else float("inf")
    result["model"] = model.id
    result["min_confidence"] = min_confidence
    return result
