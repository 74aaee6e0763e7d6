"""durations23's measurement (issue 11): false AGE on a span of time, false HANDLE on an ordinary word, by class.

Over the given splits (default: every open split, ``OPEN_SPLITS``), every final AGE and HANDLE detection that overlaps
no gold span of its type is a false one; it is classed, counts only, by language, detector and

* AGE: ``duration`` when the grammar of a span of time surrounds it (an aspect word or a preposition of duration
  before: ``sudah``, ``selama``, ``for``, ``been``...; or a verb, an activity or ``in``/``ago`` after: ``tahun
  kerja``, ``years in``, ``years ago``), else ``other``;
* HANDLE: ``affixed-word`` when it is one lowercase word with an Indonesian affix (``di-``, ``nge-``, ``ke-...-an``,
  ``-in``) and no handle shape (``@``, a digit, ``_`` or ``.`` inside), else ``other``.

It also prints AGE and HANDLE precision and recall by language (span overlap, typed). ``--rows FILE`` writes the
false spans with their context, for open splits only. Run: ``PYTHONPATH=src python3
benchmarks/durations23_measure.py [--split NAME ...] [--rows FILE]``.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from makna.privacy.detect import detect
from makna.privacy.train import OPEN_SPLITS, load_splits

ROOT = Path(__file__).resolve().parents[1]
_BEFORE = re.compile(
    r"(?i:\b(?:sudah|udah|dah|sdh|telah|selama|semenjak|sejak|hampir|kurang[ \t]+lebih|sekitar|lebih[ \t]+dari|"
    r"for|been|spent|over|past|last|after|within|nearly|almost|about)[ \t]*$)"
)
_AFTER = re.compile(
    r"(?i:^[ \t]*(?:lalu|yang[ \t]+lalu|lebih|kerja|bekerja|jadi|menjadi|di|ngojol|nikah|menikah|tinggal|jualan|"
    r"ago|in|of|now|here|there|working|on|at|with|since|running|married)\b)"
)
_AFFIX = re.compile(r"^(?:di[a-z]{3,}|nge[a-z]{3,}|ke[a-z]{3,}an|[a-z]{3,}in)$")
_SHAPE = re.compile(r"[@\d_.]")


def age_class(text: str, s: int, e: int) -> str:
    left = text[max(0, s - 30) : s]
    right = text[e : e + 20]
    return "duration" if _BEFORE.search(left) or _AFTER.search(right) else "other"


def handle_class(t: str) -> str:
    return "affixed-word" if _AFFIX.match(t) and not _SHAPE.search(t) else "other"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", action="append", default=[])
    ap.add_argument("--rows", type=Path)
    args = ap.parse_args()
    splits = args.split or list(OPEN_SPLITS)
    if any(s not in OPEN_SPLITS for s in splits):
        raise SystemExit("open splits only")
    false: Counter[tuple[str, ...]] = Counter()
    tp: Counter[tuple[str, str]] = Counter()
    pred: Counter[tuple[str, str]] = Counter()
    gold: Counter[tuple[str, str]] = Counter()
    found: Counter[tuple[str, str]] = Counter()
    rows = []
    for split, docs in load_splits(ROOT, splits).items():
        for doc in docs:
            final = detect(doc.text, language=doc.language)
            for kind in ("AGE", "HANDLE"):
                g = [(s, e) for s, e, k in doc.pii if k == kind]
                ds = [d for d in final if d.type == kind]
                gold[(kind, doc.language)] += len(g)
                found[(kind, doc.language)] += sum(any(d.start < e and s < d.end for d in ds) for s, e in g)
                for d in ds:
                    pred[(kind, doc.language)] += 1
                    if any(d.start < e and s < d.end for s, e in g):
                        tp[(kind, doc.language)] += 1
                        continue
                    cls = age_class(doc.text, d.start, d.end) if kind == "AGE" else handle_class(d.text)
                    false[(kind, doc.language, d.detector, cls)] += 1
                    if args.rows:
                        ls = doc.text.rfind("\n", 0, d.start) + 1
                        rows.append(
                            {
                                "split": split,
                                "doc": doc.id,
                                "class": [kind, doc.language, d.detector, cls, round(d.confidence, 2)],
                                "text": d.text,
                                "left": doc.text[max(ls, d.start - 60) : d.start],
                                "right": doc.text[d.end : d.end + 40].split("\n")[0],
                                "gold": [k for s, e, k in doc.pii if s < d.end and d.start < e],
                            }
                        )
    for kind in ("AGE", "HANDLE"):
        for lang in sorted({k[1] for k in gold} | {k[1] for k in pred}):
            p, t, gl, f = pred[(kind, lang)], tp[(kind, lang)], gold[(kind, lang)], found[(kind, lang)]
            print(
                f"{kind} {lang}: precision {t / p if p else 1:.4f} ({t}/{p}), recall {f / gl if gl else 1:.4f} "
                f"({f}/{gl})"
            )
        c: Counter[str] = Counter()
        for k, v in false.items():
            if k[0] == kind:
                c[f"{k[1]}/{k[3]}"] += v
        print(f"false {kind} by language/class: " + ", ".join(f"{k} {v}" for k, v in sorted(c.items())))
        print(
            f"false {kind} by language/detector/class: "
            + ", ".join(f"{'/'.join(k[1:])} {v}" for k, v in sorted(false.items()) if k[0] == kind)
        )
    if args.rows:
        args.rows.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
