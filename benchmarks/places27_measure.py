"""places27's measurement (issue 11): every gold ADDRESS, LOCATION and ORG by class, and how an address is lost.

Reuses :func:`named21_measure.classify`/:func:`named21_measure.record_calls`, :func:`typing26_measure.record_passes`
and :func:`typing26_measure.retyped_by`. Every gold ADDRESS is counted by language and by how it was lost: ``whole``
(one ADDRESS detection covers it), ``cut`` (ADDRESS over part of it, the rest uncovered), ``split`` (two ADDRESS
detections or more over it), ``parts-typed`` (part of it ADDRESS, another part held by another type), ``typed``
(only other types over it), ``missed``; the shape of each uncovered or otherwise-typed run (a number, a unit word,
a postcode, a capitalised place, punctuation) and the shape of the gold span (its street word, units, lines).
Gold LOCATION and ORG typed otherwise are counted by the detector or pass that typed them and the word before them.
Aggregates only on the four sets left out (the default); ``--rows FILE`` writes texts for open splits only.
Run: ``PYTHONPATH=src python3 benchmarks/places27_measure.py [--split NAME ...] [--rows FILE]``.
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
from named21_measure import _ov, classify, measured, record_calls  # noqa: E402
from typing26_measure import record_passes, retyped_by  # noqa: E402

FOUR = ("tune29", "seal28", "spent45", "spent46")

_UNIT = re.compile(r"(?i)\b(rt|rw|blok|block|no|nomor|lot|unit|flat|apt|apartment|kav|lantai|floor)\b\.?")
_STREET = re.compile(
    r"(?i)\b(jl|jln|jalan|gang|gg|komplek|kompleks|perumahan|perum|lorong|street|st|road|rd|lane|ln|avenue|ave|"
    r"drive|dr|close|way|crescent|court|place|terrace|grove|square)\b"
)


def run_shape(text: str) -> str:
    """The class of an uncovered or otherwise-typed run of an address (counting only)."""
    t = text.strip(" ,.;:-–/\n\t")
    if not t:
        return "punct"
    if _UNIT.search(t):
        return "unit"
    if re.fullmatch(r"\d{5}|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|\d{4}", t):
        return "postcode"
    if re.fullmatch(r"[\d/\-a-zA-Z]{1,6}", t) and any(c.isdigit() for c in t):
        return "number"
    if _STREET.search(t):
        return "street-word"
    if t[:1].isupper():
        return "capitalised"
    return "other"


def gold_shape(text: str) -> str:
    words = []
    if _STREET.search(text):
        words.append("street")
    if re.search(r"(?i)\b(rt|rw)\b", text):
        words.append("rtrw")
    if re.search(r"(?i)\b(blok|block|unit|flat|apt|lot|kav)\b", text):
        words.append("unit")
    if re.search(r"\d", text):
        words.append("num")
    if "\n" in text:
        words.append("lines")
    return "+".join(words) or "bare"


def address_class(s: int, e: int, final: list[Any], text: str) -> tuple[str, list[str]]:
    over = sorted(_ov(final, s, e), key=lambda d: d.start)
    addr = [d for d in over if d.type == "ADDRESS"]
    other = [d for d in over if d.type != "ADDRESS"]
    covered = [False] * (e - s)
    for d in addr:
        for i in range(max(s, d.start), min(e, d.end)):
            covered[i - s] = True
    held = [False] * (e - s)
    for d in other:
        for i in range(max(s, d.start), min(e, d.end)):
            held[i - s] = True
    runs: list[str] = []
    i = 0
    while i < e - s:
        if covered[i]:
            i += 1
            continue
        j = i
        while j < e - s and not covered[j]:
            j += 1
        piece = text[s + i : s + j]
        if piece.strip(" ,.;:-–/\n\t"):
            side = "left" if i == 0 else ("right" if j == e - s else "inner")
            what = "held" if any(held[i:j]) else "open"
            runs.append(f"{side}:{what}:{run_shape(piece)}")
        i = j
    if not addr:
        return ("typed:" + "/".join(sorted({d.type for d in other})) if other else "missed"), runs
    if not runs:
        return ("whole" if len(addr) == 1 else "split-whole"), runs
    if len(addr) > 1:
        return "split", runs
    if any(":held:" in r for r in runs):
        return "parts-typed", runs
    return "cut", runs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", action="append", default=[])
    ap.add_argument("--rows", type=Path)
    args = ap.parse_args()
    splits = args.split or list(FOUR)
    if args.rows and set(splits) & set(FOUR):
        raise SystemExit("no --rows on the four sets left out: aggregates only")
    calls = record_calls()
    record_passes(calls)
    acls: Counter[tuple[str, str]] = Counter()
    aruns: Counter[tuple[str, str]] = Counter()
    ashape: Counter[tuple[str, str, str]] = Counter()
    adet: Counter[tuple[str, str]] = Counter()
    lo: Counter[tuple[str, ...]] = Counter()
    rows: list[dict[str, Any]] = []
    for split, doc, final in measured(splits, calls):
        for s, e, kind in doc.pii:
            if kind == "ADDRESS":
                cls, runs = address_class(s, e, final, doc.text)
                acls[(doc.language, cls)] += 1
                ok = cls in ("whole",)
                ashape[(doc.language, gold_shape(doc.text[s:e]), "ok" if ok else "lost")] += 1
                for r in runs:
                    aruns[(doc.language, r)] += 1
                if not ok:
                    dets = ",".join(sorted({f"{d.type}@{d.detector}" for d in _ov(final, s, e)})) or "-"
                    adet[(doc.language, cls + " " + dets)] += 1
                if args.rows and not ok:
                    rows.append(
                        {
                            "split": split,
                            "doc": doc.id,
                            "lang": doc.language,
                            "cls": cls,
                            "runs": runs,
                            "text": doc.text[s:e],
                            "left": doc.text[max(0, s - 60) : s],
                            "right": doc.text[e : e + 40],
                            "final": [f"{x.type}@{x.detector}:{x.text}" for x in _ov(final, s, e)],
                        }
                    )
            elif kind in ("LOCATION", "ORG"):
                cls = classify(s, e, kind, calls["rules"], calls["learned"], calls["staged"], final)
                if cls.startswith("found"):
                    continue
                over = _ov(final, s, e)
                det = over[0].detector if over else "-"
                if cls.startswith("mistyped:later") or cls.startswith("mistyped:rule-fixed"):
                    det += " @" + retyped_by(calls, s, e)
                before = doc.text[max(0, s - 30) : s].split()
                prep = before[-1].casefold() if before else "^"
                prep = prep if prep in _PREPS else ("," if prep.endswith(",") else "other")
                lo[(doc.language, kind, cls, det, prep)] += 1
                if args.rows:
                    rows.append(
                        {
                            "split": split,
                            "doc": doc.id,
                            "lang": doc.language,
                            "cls": cls,
                            "text": doc.text[s:e],
                            "left": doc.text[max(0, s - 60) : s],
                            "right": doc.text[e : e + 40],
                            "final": [f"{x.type}@{x.detector}:{x.text}" for x in over],
                        }
                    )
    print("gold ADDRESS by (language, class):")
    for k, n in sorted(acls.items()):
        print(f"  {n:4d} {k}")
    print("uncovered or otherwise-typed runs inside gold ADDRESS (language, side:held?:shape):")
    for k, n in aruns.most_common():
        print(f"  {n:4d} {k}")
    print("gold ADDRESS by (language, shape, ok/lost):")
    for k, n in sorted(ashape.items()):
        print(f"  {n:4d} {k}")
    print("gold ADDRESS lost by (language, class detectors):")
    for k, n in adet.most_common():
        print(f"  {n:4d} {k}")
    print("gold LOCATION/ORG lost or mistyped by (language, gold, class, detector @pass, word before):")
    for k, n in lo.most_common():
        print(f"  {n:4d} {k}")
    if args.rows:
        args.rows.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")


_PREPS = set(
    "di ke dari dekat at in to from near on by for with of the di. kerja bekerja tinggal pindah lived live work works "
    "worked moved went".split()
)

if __name__ == "__main__":
    main()
