"""english27's measurement (issue 11): English losses and false detections by split, type and full detector name.

For every English gold span of the given splits the loss class (``named21_measure.classify``), the shape
(``english23_measure.shape``) and the full detector names over it are counted, split by split; every false final
detection is counted by class (``prec22_measure.classify``), type, full detector name, shape of the detected text and
the *kind of word* it sits on (:func:`word_kind`: sentence-initial, a weekday or month, a title or job, an ordinary
English word, a word of no list). Only counts are printed: no span's text, so it may run on the sets left out.
Run: ``PYTHONPATH=src python3 benchmarks/english27_measure.py --split NAME [--split NAME ...] [--lang en]``.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from english23_measure import _lost, shape  # noqa: E402
from named21_measure import _ov, classify, measured, record_calls  # noqa: E402
from prec22_measure import classify as classify_false  # noqa: E402

from makna.privacy import gazetteers as gz  # noqa: E402
from makna.privacy._text import HONORIFICS  # noqa: E402


def word_kind(text: str, start: int, end: int) -> str:
    """What the detected text's first word is, read from word lists and the text before it (never printed)."""
    first = text[start:end].split()[0] if text[start:end].split() else ""
    low = first.lower().strip(".,")
    before = text[max(0, start - 3) : start].rstrip(" \t")
    initial = not before or before[-1] in '.!?:\n"“'
    if first in gz.stop_caps():
        kind = "stop-cap"
    elif first in HONORIFICS or first.rstrip(".") in HONORIFICS:
        kind = "title"
    elif low in gz.english_words():
        kind = "english-word"
    elif low in gz.ordinary_words():
        kind = "other-word"
    else:
        kind = "no-list"
    return kind + ("/initial" if initial else "")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", action="append", default=[])
    ap.add_argument("--lang", default="en")
    args = ap.parse_args()
    calls = record_calls()
    lost: Counter[tuple[str, ...]] = Counter()
    false: Counter[tuple[str, ...]] = Counter()
    for split, doc, final in measured(args.split, calls, args.lang):
        persons = [doc.text[s:e] for s, e, k in doc.pii if k == "PERSON"]
        for s, e, kind in doc.pii:
            cls = _lost(classify(s, e, kind, calls["rules"], calls["learned"], calls["staged"], final))
            if cls == "found":
                continue
            over = ",".join(sorted(f"{d.type}:{d.detector}" for d in _ov(final, s, e))) or "-"
            lost[(split, kind, shape(doc.text, s, e, kind, persons), cls, over)] += 1
        for d in final:
            fc = classify_false(d.start, d.end, d.type, list(doc.pii))
            if fc == "tp":
                continue
            gold = ",".join(sorted({k for s, e, k in doc.pii if s < d.end and d.start < e})) or "-"
            false[(split, fc, f"{gold}->{d.type}", d.detector, word_kind(doc.text, d.start, d.end))] += 1
    print("lost or cut (split, gold type, shape, class, final type:detector over it):")
    for k, n in sorted(lost.items()):
        print(f"  {n:3d} " + " | ".join(k))
    print("false detections (split, class, gold->detected type, detector, first word's kind):")
    for k, n in sorted(false.items()):
        print(f"  {n:3d} " + " | ".join(k))


if __name__ == "__main__":
    main()
