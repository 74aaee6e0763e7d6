"""prec29's measurement (issue 11): false detections by class, with the pass that proposed them and where they stand.

Builds on fp28's classes (``benchmarks/fp28_measure.py``: ``tp``, ``wrong-type``, ``no-gold:alone``,
``no-gold:beside-gold``; shape ``sentence-start``/``calendar``/``number``/``unit``/``lower``/``multiword``/``other``)
and adds for every false detection:

* ``pass``: the full detector name (the rule or stage that proposed it: ``unknown.capitalised``, ``learned``, ...);
* ``common``: whether its words are in the language's common-word list (``all``, ``some``, ``none``; Indonesian: the
  Sastrawi root list and makna's colloquial list; English: ``words_en.txt``; both are consulted for either language,
  since the transcripts code-switch);
* ``position``: ``turn-start`` (the first word after a speaker label), ``line-start``, ``heading`` (a line without
  sentence punctuation and of at most six words), ``sentence-start`` (after ``.?!``), ``after-colon``, ``mid``;
* ``gold-type``: for ``wrong-type``, the gold type it overlaps (a typing confusion, not a look-alike).

Counts only to stdout (never a detection's text). ``--rows FILE`` writes every false detection with its text and
line (open splits only: never on a set left out or sealed; refused for the four unseen sets of round twenty-nine).
Run: ``PYTHONPATH=src:benchmarks python3 benchmarks/prec29_measure.py [--split S ...] [--rows F]``.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from fp28_measure import detail, shape
from prec22_measure import classify, row

from makna.privacy import gazetteers as gz
from makna.privacy.detect import detect
from makna.privacy.evaluate import load_gold

ROOT = Path(__file__).resolve().parents[1]
FOUR = ("tune31", "seal30", "spent49", "spent50")
_LABEL = re.compile(r"^\s*(?:\[[^\]]*\]\s*)?[\w .'-]{1,40}:\s*$")
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")


def common(text: str) -> str:
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return "none"
    known = [w in gz.ordinary_words() for w in words]
    return "all" if all(known) else "some" if any(known) else "none"


def position(doc_text: str, start: int, end: int) -> str:
    ls = doc_text.rfind("\n", 0, start) + 1
    le = doc_text.find("\n", end)
    line = doc_text[ls : le if le >= 0 else len(doc_text)]
    left = doc_text[ls:start]
    if not left.strip():
        if len(_WORD.findall(line)) <= 6 and not re.search(r"[.?!,;]", line) and ":" not in line:
            return "heading"
        return "line-start"
    if _LABEL.match(left):
        return "turn-start"
    lt = left.rstrip()
    if lt.endswith((".", "?", "!", "\u201c", '"')):
        return "sentence-start"
    if lt.endswith(":"):
        return "after-colon"
    return "mid"


def gold_type(d: Any, gold: list[tuple[int, int, str]]) -> str:
    over = sorted({g[2] for g in gold if g[0] < d.end and d.start < g[1]})
    return "+".join(over) or "-"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", action="append", default=[])
    ap.add_argument("--rows", type=Path)
    args = ap.parse_args()
    splits = args.split or list(FOUR)
    if args.rows and set(splits) & set(FOUR):
        raise SystemExit("--rows is refused on the four unseen sets: counts only")
    counts: Counter[tuple[str, ...]] = Counter()
    total: Counter[str] = Counter()
    per_split: Counter[tuple[str, str]] = Counter()
    rows: list[dict[str, Any]] = []
    for split in splits:
        base = Path(split) if "/" in split else ROOT / "tests/privacy/corpus" / split
        for doc in load_gold(base):
            gold = list(doc.pii)
            for d in detect(doc.text, language=doc.language):
                cls = classify(d.start, d.end, d.type, gold)
                total[cls] += 1
                per_split[(split.rsplit("/", 1)[-1], cls)] += 1
                if cls == "tp":
                    continue
                ls = doc.text.rfind("\n", 0, d.start) + 1
                left = doc.text[max(ls, d.start - 60) : d.start]
                key = (
                    doc.language,
                    d.type,
                    d.detector,
                    cls,
                    gold_type(d, gold),
                    shape(d.text, left) + ":" + detail(d.text, doc.text),
                    "common:" + common(d.text),
                    position(doc.text, d.start, d.end),
                )
                counts[key] += 1
                if args.rows:
                    r = row(split, doc, d, cls, gold)
                    r.update(zip(("gold_type", "shape", "common", "position"), key[4:], strict=True))
                    rows.append(r)
    print("detections by class:", dict(sorted(total.items())))
    if len(splits) <= 8:
        print("by split/class:", ", ".join(f"{s}/{c} {n}" for (s, c), n in sorted(per_split.items())))
    for name, idx in (
        ("language", (0,)),
        ("type", (1,)),
        ("pass", (2,)),
        ("class", (3,)),
        ("class/gold type", (3, 4)),
        ("shape", (5,)),
        ("common", (6,)),
        ("position", (7,)),
    ):
        c: Counter[Any] = Counter()
        for k, n in counts.items():
            c[tuple(k[i] for i in idx)] += n
        print(f"false by {name}:", ", ".join(f"{'/'.join(k)} {n}" for k, n in c.most_common()))
    print("false detections by (language, type, pass, class, gold type, shape, common, position):")
    for k, n in counts.most_common():
        print(f"  {n:3d} {k}")
    if args.rows:
        args.rows.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
