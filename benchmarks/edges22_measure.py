"""edges22's measurement (issue 11): which share of leaked characters each class of loss holds.

The leak rate counts gold identifier characters that no final detection covers, whatever its type. Every gold
span with a leaked character falls in one of two classes:

* ``edge``: some final detection overlaps it, but a character of it is uncovered; its leaked characters are split
  by side (``left``: before the first covered character, ``right``: after the last, ``inner``: a gap between) and
  charged to the detector family (the detector name's first part) of the overlapping detection covering most;
* ``missed``: no final detection overlaps it; subdivided by named21's classes (``never-proposed``,
  ``stage-dropped``, ...), which ``benchmarks/named21_measure.py`` computes.

Aggregates (leaked characters and spans by class, type, language, side and family) go to stdout. ``--rows FILE``
writes the leaking spans with their text, for open training splits only: it refuses the four sets left out of
BASE's model (the default splits) and every sealed one. Run:
``PYTHONPATH=src python3 benchmarks/edges22_measure.py [--split NAME ...] [--rows FILE]``.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from makna.privacy.detect import detect
from makna.privacy.evaluate import load_gold
from makna.privacy.train import OPEN_SPLITS

ROOT = Path(__file__).resolve().parents[1]
FOUR = ("tune24", "seal23", "spent35", "spent36")


def sides(s: int, e: int, final: list[Any]) -> tuple[int, int, int]:
    """Uncovered characters of ``[s, e)`` left of the first covered one, right of the last, and between."""
    cov = [False] * (e - s)
    for d in final:
        for i in range(max(s, d.start), min(e, d.end)):
            cov[i - s] = True
    if not any(cov):
        return 0, 0, 0
    first = cov.index(True)
    last = len(cov) - 1 - cov[::-1].index(True)
    inner = sum(1 for c in cov[first : last + 1] if not c)
    return first, len(cov) - 1 - last, inner


def family(s: int, e: int, final: list[Any]) -> str:
    ov = [d for d in final if d.start < e and s < d.end]
    best = max(ov, key=lambda d: min(e, d.end) - max(s, d.start))
    return str(best.detector).split(".")[0]


def split_args(four: tuple[str, ...]) -> tuple[argparse.Namespace, list[str]]:
    """``--split`` (default: ``four``, the sets left out) and ``--rows``, refused for ``four`` and sealed sets."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", action="append", default=[])
    ap.add_argument("--rows", type=Path)
    args = ap.parse_args()
    splits = args.split or list(four)
    if args.rows and any(s in four or s not in OPEN_SPLITS for s in splits):
        raise SystemExit("--rows is for open training splits only")
    return args, splits


def main() -> None:
    args, splits = split_args(FOUR)
    from named21_measure import classify, record_calls  # type: ignore[import-not-found]

    calls = record_calls()
    chars: Counter[tuple[str, ...]] = Counter()
    spans: Counter[tuple[str, ...]] = Counter()
    gold_chars = 0
    rows = []
    for split in splits:
        for doc in load_gold(ROOT / "tests/privacy/corpus" / split):
            calls.clear()
            final = detect(doc.text, language=doc.language)
            for s, e, kind in doc.pii:
                gold_chars += e - s
                left, right, inner = sides(s, e, final)
                ov = [d for d in final if d.start < e and s < d.end]
                if ov:
                    if not left + right + inner:
                        continue
                    fam = family(s, e, final)
                    for side, n in (("left", left), ("right", right), ("inner", inner)):
                        if n:
                            chars[("edge", doc.language, kind, side, fam)] += n
                    spans[("edge", doc.language, kind, fam)] += 1
                    cls = "edge"
                else:
                    if calls.get("n") == 1:
                        cls = classify(s, e, kind, calls["rules"], calls["learned"], calls["staged"], final)
                    else:
                        cls = "chunked"
                    chars[("missed", doc.language, kind, cls, "-")] += e - s
                    spans[("missed", doc.language, kind, cls)] += 1
                if args.rows:
                    ls = doc.text.rfind("\n", 0, s) + 1
                    rows.append(
                        {
                            "split": split,
                            "doc": doc.id,
                            "gold": kind,
                            "cls": cls,
                            "sides": [left, right, inner],
                            "text": doc.text[s:e],
                            "left": doc.text[max(ls, s - 60) : s],
                            "right": doc.text[e : e + 40].split("\n")[0],
                            "final": [f"{d.type}@{d.detector}:{d.text}" for d in ov],
                        }
                    )
    leaked = sum(chars.values())
    print(f"gold chars {gold_chars}, leaked {leaked} ({100 * leaked / max(gold_chars, 1):.2f}%)")

    def table(title: str, key: Any) -> None:
        c: Counter[str] = Counter()
        for k, n in chars.items():
            c[key(k)] += n
        print(f"{title}: " + ", ".join(f"{k} {n} ({100 * n / max(leaked, 1):.0f}%)" for k, n in c.most_common()))

    table("class", lambda k: k[0])
    table("class x language", lambda k: f"{k[0]}/{k[1]}")
    table("class x type", lambda k: f"{k[0]}/{k[2]}")
    table("edge side", lambda k: k[3] if k[0] == "edge" else "(missed)")
    table("edge family", lambda k: k[4] if k[0] == "edge" else "(missed)")
    table("edge type x side", lambda k: f"{k[2]}/{k[3]}" if k[0] == "edge" else "(missed)")
    table("missed class", lambda k: k[3] if k[0] == "missed" else "(edge)")
    sp: Counter[str] = Counter()
    for k, n in spans.items():
        sp[k[0]] += n
    print("leaking spans:", dict(sp))
    if args.rows:
        args.rows.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
