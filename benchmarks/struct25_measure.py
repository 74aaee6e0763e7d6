"""struct25's measurement (issue #11): structured gold spans missed or cut, and structured false positives, by class.

Builds on ``struct24_measure`` (its format, cue and line classes) and ``named21_measure`` (where a span is lost).
For every gold span of a structured type (NATIONAL_ID, DATE, URL, PHONE, EMAIL, HANDLE, PLATE) of the given splits,
a span not found whole is counted by language, type, class, format, where its cue word stands and the line it is
on; a PLATE also by its shape class (:func:`plate_shape`: an Indonesian region prefix, a UK shape, digits then a
series, letters then digits, lower case, glued or spaced) and its cue's reach (:func:`plate_reach`: same clause,
same sentence, a sentence before on the line, the line or turn before, two lines, a plate word after, none).
Every final detection of a structured type that overlaps no gold span of its type is a false positive, counted by
language, type, detector and the gold type it overlaps (``-`` for none). A document the pipeline cuts into chunks
is classed on its final detections only (the class is then prefixed ``chunked:``). Counts only go to stdout;
``--rows FILE`` writes every lost span and false positive (open splits only: never on a sealed or left-out set). Run:
``PYTHONPATH=src python3 benchmarks/struct25_measure.py [--split NAME ...] [--rows FILE]``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from named21_measure import classify, record_calls  # noqa: E402
from struct24_measure import TYPES, form, line_kind, reach  # noqa: E402

from makna.privacy.detect import detect  # noqa: E402
from makna.privacy.evaluate import load_gold  # noqa: E402
from makna.privacy.patterns import PLATE_REGIONS  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
FOUR = ("tune27", "seal26", "spent41", "spent42")
_PLATE_CUE = re.compile(
    r"(?i)(?<![\w\-])(?:plat|platnya|pelat|pelatnya|nopol|plate|plates|registration|rego|reg|tag|licen[cs]e|"
    r"mobil|mobilnya|motor|motornya|car|bike|van|truck|ute|taxi|kendaraan|vehicle|truk|angkot|ojek)(?![\w\-])"
)


def plate_shape(value: str) -> str:
    """A coarse shape class of a plate (no value printed)."""
    glue = "spaced" if re.search(r"\s", value) else "dashed" if "-" in value else "glued"
    if value != value.upper():
        return f"lower-{glue}"
    compact = re.sub(r"[\s\-.]", "", value)
    m = re.fullmatch(r"([A-Z]{1,2})(\d{1,4})([A-Z]{1,3})", compact)
    if m is not None and m.group(1) in PLATE_REGIONS:
        return f"id-region-{glue}"
    if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z]{3}", compact):
        return f"uk-{glue}"
    if re.fullmatch(r"\d+[A-Z]+", compact):
        return f"digits-series-{glue}"
    if re.fullmatch(r"[A-Z]+\d+", compact):
        return f"letters-digits-{glue}"
    return f"mixed-{glue}"


def plate_reach(text: str, start: int, end: int) -> str:
    """Where the nearest vehicle or plate word stands around a plate."""
    line0 = text.rfind("\n", 0, start) + 1
    before = text[line0:start]
    sentences = re.split(r"(?<=[.!?])\s+", before)
    if _PLATE_CUE.search(re.split(r"[,;:](?=\s)", before)[-1]):
        return "same-clause"
    if _PLATE_CUE.search(sentences[-1]):
        return "same-sentence"
    if _PLATE_CUE.search(before):
        return "sentence-before"
    line_end = text.find("\n", end)
    if _PLATE_CUE.search(text[end : line_end if line_end >= 0 else len(text)]):
        return "after"
    prev = text.rfind("\n", 0, max(0, line0 - 1)) + 1
    if _PLATE_CUE.search(text[prev:line0]):
        return "line-before"
    prev2 = text.rfind("\n", 0, max(0, prev - 1)) + 1
    return "two-lines-before" if _PLATE_CUE.search(text[prev2:prev]) else "none"


def _row(split: str, doc: Any, kind: str, cls: str, s: int, e: int, final: list[Any]) -> dict[str, Any]:
    return {
        "split": split,
        "doc": doc.id,
        "gold": kind,
        "cls": cls,
        "text": doc.text[s:e],
        "left": doc.text[max(0, s - 90) : s],
        "right": doc.text[e : e + 40],
        "final": [f"{x.type}@{x.detector}:{x.text}" for x in final if x.start < e and s < x.end],
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", action="append", default=[])
    ap.add_argument("--rows", type=Path)
    args = ap.parse_args()
    splits = args.split or list(FOUR)
    calls = record_calls()
    totals: Counter[tuple[str, str]] = Counter()
    lost: Counter[tuple[str, ...]] = Counter()
    fps: Counter[tuple[str, ...]] = Counter()
    plates: Counter[tuple[str, ...]] = Counter()
    rows = []
    for split in splits:
        for doc in load_gold(ROOT / "tests/privacy/corpus" / split):
            calls.clear()
            final = detect(doc.text, language=doc.language)
            whole = calls.get("n") == 1
            gold = [(s, e, k) for s, e, k in doc.pii]
            for d in final:
                if d.type not in TYPES:
                    continue
                if any(k == d.type and s < d.end and d.start < e for s, e, k in gold):
                    continue
                under = sorted({k for s, e, k in gold if s < d.end and d.start < e}) or ["-"]
                fps[(doc.language, d.type, d.detector, "+".join(under))] += 1
                if args.rows:
                    rows.append(_row(split, doc, d.type, "false-positive:" + d.detector, d.start, d.end, final))
            for s, e, kind in gold:
                if kind not in TYPES:
                    continue
                totals[(doc.language, kind)] += 1
                if whole:
                    cls = classify(s, e, kind, calls["rules"], calls["learned"], calls["staged"], final)
                else:
                    cls = "chunked:" + classify(s, e, kind, [], [], [], final)
                value = doc.text[s:e]
                if kind == "PLATE":
                    found = "found" if cls.endswith("found") else cls
                    plates[
                        (doc.language, found, plate_shape(value), plate_reach(doc.text, s, e), line_kind(doc.text, s))
                    ] += 1
                if cls.endswith("found"):
                    continue
                lost[
                    (doc.language, kind, cls, form(kind, value), reach(doc.text, kind, s), line_kind(doc.text, s))
                ] += 1
                if args.rows:
                    rows.append(_row(split, doc, kind, cls, s, e, final))
    print("gold by (language, type):", dict(sorted(totals.items())))
    print("lost or cut by (language, type, class, form, cue, line):")
    for k, n in sorted(lost.items(), key=lambda kv: (kv[0][1], -kv[1])):
        print(f"  {n:3d} {k}")
    print("PLATE by (language, class, shape, cue reach, line):")
    for k, n in sorted(plates.items(), key=lambda kv: (kv[0][1] == "found", -kv[1])):
        print(f"  {n:3d} {k}")
    print("false positives by (language, type, detector, gold under it):")
    for k, n in sorted(fps.items(), key=lambda kv: (kv[0][1], -kv[1])):
        print(f"  {n:3d} {k}")
    if args.rows:
        args.rows.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
