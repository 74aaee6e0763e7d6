"""prec22's measurement (issue 11): where false detections come from, by class, on given splits.

Every final detection of ``detect`` is put in one class against the gold spans of its document:

* ``tp``: a gold span of its type overlaps it (typed precision counts it right);
* ``no-gold``: it overlaps no gold span at all (an ordinary word taken for an identifier);
* ``wrong-type``: it overlaps only gold spans of other types (typing: type22's work);

and ``no-gold`` is split by whether the detection touches a gold span's edge (``beside-gold``: within two
characters of one, a span cut in two or grown past its end) or stands alone. Aggregates (class counts by
language, type and detector family: the detector name up to its first dot) go to stdout; ``--rows FILE`` writes
every false detection with its text (open splits only: never on a set left out or sealed). Run:
``PYTHONPATH=src python3 benchmarks/prec22_measure.py --split tune24 ... [--rows FILE]``.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from makna.privacy.detect import detect
from makna.privacy.evaluate import load_gold

ROOT = Path(__file__).resolve().parents[1]
FOUR = ("tune24", "seal23", "spent35", "spent36")


def classify(s: int, e: int, kind: str, gold: list[tuple[int, int, str]]) -> str:
    over = [g for g in gold if g[0] < e and s < g[1]]
    if any(g[2] == kind for g in over):
        return "tp"
    if over:
        return "wrong-type"
    if any(g[0] - 2 <= e and s <= g[1] + 2 for g in gold):
        return "no-gold:beside-gold"
    return "no-gold:alone"


def row(split: str, doc: Any, d: Any, cls: str, gold: list[Any]) -> dict[str, Any]:
    """One detection with its class, its line's words around it and the gold spans it overlaps (``--rows``)."""
    ls = doc.text.rfind("\n", 0, d.start) + 1
    return {
        "split": split,
        "doc": doc.id,
        "lang": doc.language,
        "type": d.type,
        "detector": d.detector,
        "cls": cls,
        "text": d.text,
        "left": doc.text[max(ls, d.start - 60) : d.start],
        "right": doc.text[d.end : d.end + 40].split("\n")[0],
        "gold": [f"{g[2]}:{doc.text[g[0] : g[1]]}" for g in gold if g[0] < d.end and d.start < g[1]],
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", action="append", default=[])
    ap.add_argument("--rows", type=Path)
    ap.add_argument("--by-detector", action="store_true", help="full detector names, not families")
    args = ap.parse_args()
    splits = args.split or list(FOUR)
    counts: Counter[tuple[str, str, str, str]] = Counter()
    rows: list[dict[str, Any]] = []
    for split in splits:
        for doc in load_gold(ROOT / "tests/privacy/corpus" / split):
            gold = list(doc.pii)
            for d in detect(doc.text, language=doc.language):
                cls = classify(d.start, d.end, d.type, gold)
                fam = d.detector if args.by_detector else d.detector.split(".")[0]
                counts[(doc.language, d.type, fam, cls)] += 1
                if cls != "tp" and args.rows:
                    rows.append(row(split, doc, d, cls, gold))
    for name, key in (("class", lambda k: k[3]), ("language", lambda k: (k[0], k[3]))):
        c: Counter[Any] = Counter()
        for k, n in counts.items():
            c[key(k)] += n
        print(f"by {name}:", dict(sorted(c.items(), key=str)))
    fp: Counter[tuple[str, str, str, str]] = Counter({k: n for k, n in counts.items() if k[3] != "tp"})
    print("false detections by (language, type, family, class):")
    for k, n in fp.most_common():
        print(f"  {n:3d} {k}")
    if args.rows:
        args.rows.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
