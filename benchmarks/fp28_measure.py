"""fp28's measurement (issue 11): false detections by shape class, on given splits.

Reuses prec22's classes (``tp``, ``wrong-type``, ``no-gold:alone``, ``no-gold:beside-gold``) and adds, for every
detection that is not ``tp``, a shape class read from its text and the line around it (the brief's classes):
``sentence-start`` (a capitalised word opening a line, a sentence or a turn after a speaker label), ``calendar``
(a month, a weekday), ``number`` (digits only: a sum, count, time, room, order, flight or bus), ``unit`` (digits with
a unit or size), ``lower`` (no capital letter at all), ``multiword``, ``other``; and for ``tp`` detections a
``boundary`` class when the detection overlaps gold of its type but runs past it (``longer``). Counts by language,
type, family and class to stdout; ``--rows FILE`` writes every false detection with text (open splits only: never on
a set left out or sealed). Run: ``PYTHONPATH=src python3 benchmarks/fp28_measure.py --split spent45 ... [--rows F]``.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from prec22_measure import classify, row

from makna.privacy import gazetteers as gz
from makna.privacy.detect import detect
from makna.privacy.evaluate import load_gold

ROOT = Path(__file__).resolve().parents[1]
FOUR = ("tune30", "seal29", "spent47", "spent48")
_CAL = re.compile(
    r"(?i)^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januari|februari|maret|mei|juni|juli|agustus|oktober"
    r"|desember|monday|tuesday|wednesday|thursday|friday|saturday|sunday|senin|selasa|rabu|kamis|jumat|sabtu|minggu)"
)


def detail(text: str, scan: str) -> str:
    """Finer evidence for a one-word false detection: an acronym with an Indonesian enclitic ("KTPku"), a word of
    makna's ordinary-word lists, a word the same document writes in lower case, or none of these."""
    t = text.strip()
    if " " in t:
        return "-"
    if re.fullmatch(r"[A-Z]{2,6}(?:ku|mu|nya)", t):
        return "acronym+enclitic"
    tags = []
    if t.lower() in gz.ordinary_words():
        tags.append("ordinary-word")
    if re.search(r"(?<![\w-])" + re.escape(t.lower()) + r"(?![\w-])", scan):
        tags.append("lower-elsewhere")
    if t in gz.demonyms() or t.rstrip("s") in gz.demonyms():
        tags.append("people")
    return "+".join(tags) or "none"


def shape(text: str, left: str) -> str:
    t = text.strip()
    if re.fullmatch(r"[\d.,:/ -]+", t):
        return "number"
    if re.match(r"\d", t):
        return "unit"
    if _CAL.match(t):
        return "calendar"
    if not any(c.isupper() for c in t):
        return "lower"
    lt = left.rstrip()
    if not lt or lt.endswith((".", "?", "!", ":", '"', "\u201c")) or re.search(r"\]\s*$", lt):
        return "sentence-start"
    if " " in t:
        return "multiword"
    return "other"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", action="append", default=[])
    ap.add_argument("--rows", type=Path)
    args = ap.parse_args()
    counts: Counter[tuple[str, str, str, str, str]] = Counter()
    rows: list[dict[str, Any]] = []
    for split in args.split or list(FOUR):
        for doc in load_gold(ROOT / "tests/privacy/corpus" / split):
            gold = list(doc.pii)
            for d in detect(doc.text, language=doc.language):
                cls = classify(d.start, d.end, d.type, gold)
                fam = d.detector.split(".")[0]
                ls = doc.text.rfind("\n", 0, d.start) + 1
                left = doc.text[max(ls, d.start - 60) : d.start]
                if cls == "tp":
                    same = [g for g in gold if g[2] == d.type and g[0] < d.end and d.start < g[1]]
                    sh = "longer" if all(d.start < g[0] or d.end > g[1] for g in same) else "ok"
                else:
                    sh = shape(d.text, left) + ":" + detail(d.text, doc.text)
                counts[(doc.language, d.type, fam, cls, sh)] += 1
                if args.rows and (cls != "tp" or sh == "longer"):
                    r = row(split, doc, d, cls, gold)
                    r["shape"] = sh
                    rows.append(r)
    for name, key in (
        ("class", lambda k: k[3]),
        ("language/class", lambda k: (k[0], k[3])),
        ("shape of false", lambda k: (k[0], k[4]) if k[3] != "tp" else None),
        ("boundary (tp longer)", lambda k: (k[0], k[1]) if k[4] == "longer" else None),
    ):
        c: Counter[Any] = Counter()
        for k, n in counts.items():
            if key(k) is not None:
                c[key(k)] += n
        print(f"by {name}:", dict(sorted(c.items(), key=str)))
    print("false detections by (language, type, family, class, shape):")
    for k, n in Counter({k: n for k, n in counts.items() if k[3] != "tp"}).most_common():
        print(f"  {n:3d} {k}")
    if args.rows:
        args.rows.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
