"""names24's measurement (issue #11): the gold spans of names24's classes, counted by class only (no text printed).

For each split (default: ``spent41`` and ``spent42``, the sets no model was trained on) and each language: gold
PERSON spans with a letter outside ASCII (an accented given name) and how :func:`named21_measure.classify` puts
them; gold ADDRESS spans ending in a postcode of a national shape (UK, Irish, Canadian, US, Australian) and how they
are found; final detections that cross `` for `` between two capitalised words (a place swallowed into a firm);
and final detections whose end is followed by a combining mark (a tone mark cut off). Run:
``PYTHONPATH=src python3 benchmarks/names24_measure.py [--split NAME ...]``.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import named21_measure as N  # noqa: E402  (the classes of a lost gold span, shared)

from makna.privacy.detect import detect  # noqa: E402
from makna.privacy.evaluate import load_gold  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
_CODE = re.compile(
    r"(?:[A-Z]{1,2}\d[A-Z\d]?[ ]\d[A-Z]{2}|[A-Z]\d{2}[ ][A-Z\d]{4}|[A-Z]\d[A-Z][ ]\d[A-Z]\d|[A-Z]{2,3}[ ]\d{4,5})\Z"
)
_FOR = re.compile(r"[A-Z]\w*[ \t]+for[ \t]+[A-Z]")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", action="append", default=[])
    args = ap.parse_args(argv)
    calls = N.record_calls()
    counts: Counter[tuple[str, ...]] = Counter()
    for split in args.split or ["spent41", "spent42"]:
        for doc in load_gold(ROOT / "tests/privacy/corpus" / split):
            calls.clear()
            final = detect(doc.text, language=doc.language)
            lang = doc.language
            for s, e, kind in doc.pii:
                span = doc.text[s:e]
                if kind == "PERSON" and not span.isascii():
                    cls = N.classify(s, e, kind, calls.get("rules", []), calls.get("learned", []),
                                     calls.get("staged", []), final)  # fmt: skip
                    counts[(lang, "accented PERSON", cls)] += 1
                if kind == "ADDRESS" and _CODE.search(span.rstrip(".")):
                    whole = any(d.type == kind and d.start <= s and d.end >= e for d in final)
                    counts[(lang, "ADDRESS with a postcode abroad", "whole" if whole else "cut or lost")] += 1
            for d in final:
                if _FOR.search(d.text):
                    counts[(lang, "detection across 'for'", d.type)] += 1
                if d.end < len(doc.text) and unicodedata.combining(doc.text[d.end]):
                    counts[(lang, "detection before a combining mark", d.type)] += 1
    for key in sorted(counts):
        print(" | ".join(key), "|", counts[key])
    if not counts:
        print("no span of these classes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
