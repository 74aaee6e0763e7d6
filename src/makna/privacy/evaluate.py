"""Score detection against gold annotations in the dev-corpus JSON format.

For each gold file (``{"id", "language", "text", "pii": [{"start", "end", "type", "text"}]}``) the text is
run through :func:`makna.privacy.detect` and compared with the gold spans:

* **strict**: a prediction is correct when start, end and type equal a gold span's;
* **overlap**: a gold span is found when a prediction of the same type shares a character with it, and a
  prediction is correct when it overlaps a gold span of its type (the ``overall`` figures use this);
* **untyped**: as overlap, ignoring type (was the identifier caught at all?);
* **leak rate**: the share of gold identifier characters that no prediction covers, whatever its type;
* **confusion**: for each gold type, how its spans were found: under their own type, under another (the type
  of the overlapping prediction that covers most of the span) or ``missed``. The gap between typed and
  untyped recall is the off-diagonal part.

``by_language`` repeats recall, precision, untyped recall and leak rate for each document language.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from .detect import detect
from .types import PII_TYPES, Detection

__all__ = ["GoldDocument", "Scores", "EvaluationReport", "evaluate", "evaluate_documents", "load_gold"]


@dataclass(frozen=True)
class GoldDocument:
    """One annotated transcript."""

    id: str
    language: str
    text: str
    pii: tuple[tuple[int, int, str], ...]


@dataclass
class Scores:
    """True positives over gold and predictions, with derived recall, precision and F1."""

    gold: int = 0
    predicted: int = 0
    found: int = 0  # gold spans matched
    correct: int = 0  # predictions matched

    @property
    def recall(self) -> float:
        """Share of gold spans matched (1.0 when there is no gold span)."""
        return self.found / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        """Share of predictions matched (1.0 when there is no prediction)."""
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of recall and precision."""
        r, p = self.recall, self.precision
        return 2 * r * p / (r + p) if r + p else 0.0

    def add(self, other: Scores) -> None:
        """Accumulate another set of counts."""
        self.gold += other.gold
        self.predicted += other.predicted
        self.found += other.found
        self.correct += other.correct

    def as_dict(self) -> dict[str, float | int]:
        """Counts and rates, rounded to 4 places."""
        return {
            "recall": round(self.recall, 4),
            "precision": round(self.precision, 4),
            "f1": round(self.f1, 4),
            "gold": self.gold,
            "predicted": self.predicted,
            "found": self.found,
            "correct": self.correct,
        }


@dataclass
class EvaluationReport:
    """Scores of one evaluation run."""

    documents: int = 0
    characters: int = 0
    overall: Scores = field(default_factory=Scores)
    strict: Scores = field(default_factory=Scores)
    untyped: Scores = field(default_factory=Scores)
    per_type: dict[str, Scores] = field(default_factory=dict)
    per_type_strict: dict[str, Scores] = field(default_factory=dict)
    gold_chars: int = 0
    leaked_chars: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_positives: list[dict[str, Any]] = field(default_factory=list)
    by_language: dict[str, EvaluationReport] = field(default_factory=dict)
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def leak_rate(self) -> float:
        """Share of gold identifier characters covered by no detection."""
        return self.leaked_chars / self.gold_chars if self.gold_chars else 0.0

    def language_summary(self) -> dict[str, float | int]:
        """The figures ``by_language`` gives for one language: documents, typed and untyped scores, leak rate."""
        return {
            "documents": self.documents,
            "characters": self.characters,
            "recall": round(self.overall.recall, 4),
            "precision": round(self.overall.precision, 4),
            "f1": round(self.overall.f1, 4),
            "untyped_recall": round(self.untyped.recall, 4),
            "untyped_precision": round(self.untyped.precision, 4),
            "leak_rate": round(self.leak_rate, 4),
            "gold": self.overall.gold,
            "predicted": self.overall.predicted,
        }

    def as_dict(self, *, with_errors: bool = False) -> dict[str, Any]:
        """The JSON shape of ``makna deid evaluate --format json``.

        Error listings quote identifier strings of the gold files, so they are left out unless asked for.
        """
        out: dict[str, Any] = {
            "documents": self.documents,
            "characters": self.characters,
            "matching": "overlap",
            "overall": self.overall.as_dict(),
            "strict": self.strict.as_dict(),
            "untyped": self.untyped.as_dict(),
            "leak_rate": round(self.leak_rate, 4),
            "per_type": {
                t: {**self.per_type[t].as_dict(), "strict": self.per_type_strict[t].as_dict()}
                for t in PII_TYPES
                if t in self.per_type
            },
            "by_language": {lang: sub.language_summary() for lang, sub in sorted(self.by_language.items())},
            "confusion": {
                t: dict(sorted(self.confusion[t].items(), key=lambda kv: (-kv[1], kv[0])))
                for t in PII_TYPES
                if t in self.confusion
            },
        }
        if with_errors:
            out["misses"] = self.misses
            out["false_positives"] = self.false_positives
        return out


def load_gold(gold_dir: str | Path) -> list[GoldDocument]:
    """Every ``*.json`` file in ``gold_dir`` that has ``text`` and ``pii`` (others skipped)."""
    root = Path(gold_dir)
    if not root.is_dir():
        raise InputError(f"not a folder of gold files: {root}")
    docs: list[GoldDocument] = []
    for path in sorted(root.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InputError(f"{path.name}: not readable JSON ({exc.__class__.__name__})") from None
        if not isinstance(data, dict) or "text" not in data or "pii" not in data:
            continue
        text = str(data["text"])
        spans: list[tuple[int, int, str]] = []
        for item in data["pii"]:
            start, end, kind = int(item["start"]), int(item["end"]), str(item["type"])
            if not 0 <= start < end <= len(text):
                raise InputError(f"{path.name}: gold span {start}..{end} outside the text")
            spans.append((start, end, kind))
        docs.append(GoldDocument(str(data.get("id", path.stem)), str(data.get("language", "id")), text, tuple(spans)))
    if not docs:
        raise InputError(f"no gold files (JSON with 'text' and 'pii') in {root}")
    return docs


Detector = Callable[[str, str], Sequence[Detection]]


def _default_detector(text: str, language: str) -> Sequence[Detection]:
    return detect(text, language=language)


def _score(
    gold: Sequence[tuple[int, int, str]], pred: Sequence[tuple[int, int, str]], *, typed: bool, strict: bool
) -> tuple[list[bool], list[bool]]:
    def match(g: tuple[int, int, str], p: tuple[int, int, str]) -> bool:
        if typed and g[2] != p[2]:
            return False
        if strict:
            return g[0] == p[0] and g[1] == p[1]
        return g[0] < p[1] and p[0] < g[1]

    gold_hit = [any(match(g, p) for p in pred) for g in gold]
    pred_hit = [any(match(g, p) for g in gold) for p in pred]
    return gold_hit, pred_hit


def evaluate_documents(docs: Iterable[GoldDocument], detector: Detector | None = None) -> EvaluationReport:
    """Score ``detector`` (default: :func:`detect`) on already loaded gold documents."""
    run = detector or _default_detector
    report = EvaluationReport()
    for doc in docs:
        pred = [(d.start, d.end, d.type) for d in run(doc.text, doc.language)]
        _add_document(report, doc, pred)
        _add_document(report.by_language.setdefault(doc.language, EvaluationReport()), doc, pred)
    return report


def _found_as(g: tuple[int, int, str], pred: Sequence[tuple[int, int, str]]) -> str:
    """The type a gold span was found under: its own if a prediction of that type overlaps it, else the type of the
    overlapping prediction covering most of it (the first, on a tie), else ``"missed"``."""
    over = [p for p in pred if g[0] < p[1] and p[0] < g[1]]
    if not over:
        return "missed"
    if any(p[2] == g[2] for p in over):
        return g[2]
    return max(over, key=lambda p: min(p[1], g[1]) - max(p[0], g[0]))[2]


def _add_document(report: EvaluationReport, doc: GoldDocument, pred: Sequence[tuple[int, int, str]]) -> None:
    """Add one document's gold spans and predictions to ``report``'s counts."""
    report.documents += 1
    report.characters += len(doc.text)
    gold = list(doc.pii)
    for typed, strict, target in (
        (True, False, report.overall),
        (True, True, report.strict),
        (False, False, report.untyped),
    ):
        gh, ph = _score(gold, pred, typed=typed, strict=strict)
        target.add(Scores(len(gold), len(pred), sum(gh), sum(ph)))
        if typed and not strict:
            report.misses.extend(
                {"doc": doc.id, "type": g[2], "text": doc.text[g[0] : g[1]]}
                for g, hit in zip(gold, gh, strict=False)
                if not hit
            )
            report.false_positives.extend(
                {"doc": doc.id, "type": p[2], "text": doc.text[p[0] : p[1]]}
                for p, hit in zip(pred, ph, strict=False)
                if not hit
            )
    for kind in sorted({g[2] for g in gold} | {p[2] for p in pred}):
        g_t = [g for g in gold if g[2] == kind]
        p_t = [p for p in pred if p[2] == kind]
        for strict, table in ((False, report.per_type), (True, report.per_type_strict)):
            gh, ph = _score(g_t, p_t, typed=True, strict=strict)
            table.setdefault(kind, Scores()).add(Scores(len(g_t), len(p_t), sum(gh), sum(ph)))
    for g in gold:
        found_as = _found_as(g, pred)
        row = report.confusion.setdefault(g[2], {})
        row[found_as] = row.get(found_as, 0) + 1
    covered = bytearray(len(doc.text))
    for s, e, _ in pred:
        covered[s:e] = b"\x01" * (e - s)
    for s, e, _ in gold:
        report.gold_chars += e - s
        report.leaked_chars += sum(1 for c in covered[s:e] if not c)


def evaluate(gold_dir: str | Path, detector: Detector | None = None) -> EvaluationReport:
    """Load the gold files in ``gold_dir`` and score ``detector`` (default: :func:`detect`) on them."""
    return evaluate_documents(load_gold(gold_dir), detector)
