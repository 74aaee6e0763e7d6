"""struct23's measurement (issue #11): where a structured gold span is lost, by type, shape and cue, by class only.

For every gold span of a structured type (NATIONAL_ID, DATE, URL, PHONE, EMAIL, HANDLE, PLATE) of the given splits,
``detect`` runs with the learned layer's and the stage's input and output recorded (``named21_measure``'s
classes), and a span not found whole is counted by its type, its shape (:func:`shape`) and, for an identity
number, where its document word stands (:func:`cue`). Counts only go to stdout; ``--rows FILE`` writes every
lost span (open splits only: never on a sealed or left-out set). Run:
``PYTHONPATH=src python3 benchmarks/struct23_measure.py [--split NAME ...] [--only-types] [--rows FILE]``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from named21_measure import classify, record_calls  # noqa: E402

from makna.privacy.detect import detect  # noqa: E402
from makna.privacy.evaluate import load_gold  # noqa: E402
from makna.privacy.shapes import ID_WORDS_CASE, ID_WORDS_FOLD  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
FOUR = ("tune25", "seal24", "spent37", "spent38")
TYPES = frozenset({"NATIONAL_ID", "DATE", "URL", "PHONE", "EMAIL", "HANDLE", "PLATE"})
_DOC = re.compile(rf"(?<![\w\-])(?:(?i:{ID_WORDS_FOLD}|ssn|nin|bvn|tfn|ird|nric|hkid|fin)|{ID_WORDS_CASE})(?![\w\-])")
_MONTH = re.compile(r"(?i)\b(?:jan|feb|mar|apr|ma[iy]|jun|jul|a[gu][su]|sep|o[ck]t|no[pv]|de[sc])[a-z]*\.?", re.I)
_WEEKDAY = re.compile(r"(?i)\b(?:senin|selasa|rabu|kamis|jumat|sabtu|minggu|mon|tue|wed|thu|fri|sat|sun)")


def shape(kind: str, value: str) -> str:
    """A coarse shape class of a gold value (no value is printed)."""
    if "\n" in value:
        return "split-over-lines"
    if kind == "NATIONAL_ID":
        if re.search(r"\([0-9A-Za-z]\)", value):
            return "check-in-brackets"
        if re.search(r"[A-Za-z]{3,}", value) and not re.search(r"\d", value):
            return "in-words"
        if re.search(r"[A-Za-z]", value):
            return "letters+digits"
        return "digits-with-separators" if re.search(r"[ .\-/]", value) else "digits"
    if kind == "URL":
        if re.match(r"(?i)[a-z][a-z0-9+.-]*://", value):
            return "scheme+path" if re.search(r"://[^/]+/.", value) else "scheme"
        if value.lower().startswith("www."):
            return "www+path" if "/" in value.rstrip("/") else "www"
        return "no-scheme+path" if "/" in value.rstrip("/") else "bare-domain"
    if kind == "DATE":
        month, day = bool(_MONTH.search(value)), bool(re.search(r"\b\d{1,2}\b", value))
        year = bool(re.search(r"\b(?:1[89]|20)\d\d\b|'\d\d\b", value))
        if re.fullmatch(r"[\d\s./\-]+", value):
            return "numeric"
        if _WEEKDAY.search(value):
            return "weekday"
        if month:
            return "month-" + ("day-" if day else "") + ("year" if year else "noyear")
        if year:
            return "year-or-decade"
        return "words-other"
    return "-"


def cue(text: str, start: int) -> str:
    """Where the nearest identity-document word stands before ``start``: the same clause, a clause before in the
    sentence, a sentence before on the line, the line (turn) before, or none within two lines."""
    line0 = text.rfind("\n", 0, start) + 1
    before = text[line0:start]
    sent = re.split(r"[.!?](?=\s)", before)[-1]
    clause = re.split(r"[,;:]", sent)[-1]
    if _DOC.search(clause):
        return "same-clause"
    if _DOC.search(sent):
        return "clause-before"
    if _DOC.search(before):
        return "sentence-before"
    prev0 = text.rfind("\n", 0, max(0, line0 - 1)) + 1
    prev1 = text.rfind("\n", 0, max(0, prev0 - 1)) + 1
    if _DOC.search(text[prev1:line0]):
        return "turn-before"
    return "none"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", action="append", default=[])
    ap.add_argument("--rows", type=Path)
    args = ap.parse_args()
    splits = args.split or list(FOUR)
    calls = record_calls()
    totals: Counter[tuple[str, str]] = Counter()
    lost: Counter[tuple[str, ...]] = Counter()
    rows = []
    for split in splits:
        for doc in load_gold(ROOT / "tests/privacy/corpus" / split):
            spans = [(s, e, k) for s, e, k in doc.pii if k in TYPES]
            if not spans:
                continue
            calls.clear()
            final = detect(doc.text, language=doc.language)
            if calls.get("n") != 1:
                continue
            for s, e, kind in spans:
                totals[(doc.language, kind)] += 1
                cls = classify(s, e, kind, calls["rules"], calls["learned"], calls["staged"], final)
                if cls == "found":
                    continue
                sh = shape(kind, doc.text[s:e])
                where = cue(doc.text, s) if kind == "NATIONAL_ID" else "-"
                lost[(doc.language, kind, cls, sh, where)] += 1
                if args.rows:
                    rows.append(
                        {
                            "split": split,
                            "doc": doc.id,
                            "gold": kind,
                            "cls": cls,
                            "shape": sh,
                            "cue": where,
                            "text": doc.text[s:e],
                            "left": doc.text[max(0, s - 90) : s],
                            "right": doc.text[e : e + 40],
                            "final": [f"{x.type}@{x.detector}:{x.text}" for x in final if x.start < e and s < x.end],
                        }
                    )
    print("gold by (language, type):", dict(sorted(totals.items())))
    print("lost or cut by (language, type, class, shape, cue):")
    for k, n in sorted(lost.items(), key=lambda kv: (kv[0][1], -kv[1])):
        print(f"  {n:3d} {k}")
    if args.rows:
        args.rows.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
