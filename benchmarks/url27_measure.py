"""url27's measurement (issue #11): how every URL gold span fares, and which URL detections are false.

For each document of the given splits holding a URL gold span (``--all``: every document, for the false
positives), ``detect`` runs and every URL gold span falls in one class:

* ``whole``: one URL detection covers it (typed recall counts it, nothing of it is left in clear);
* ``cut:<part>``: URL detections overlap it but leave ``<part>`` uncovered (``scheme``, ``www``, ``host``,
  ``path``, ``query``, ``fragment``);
* ``joined``: one URL detection covers it and runs on into a non-space neighbour (a bracket, a word);
* ``mistyped:<TYPE>``: only detections of another type overlap it;
* ``missed``: nothing overlaps it.

A URL detection overlapping no URL gold span is ``false:<gold type or none>``. Aggregates go to stdout;
``--rows`` prints every lost span and false detection (open splits only: never on a sealed set, and only counts
on the four sets left out). Run:
``PYTHONPATH=src python3 benchmarks/url27_measure.py --split tune29 ... [--rows] [--all]``.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from makna.privacy.detect import detect

ROOT = Path(__file__).resolve().parents[1]


def _part(url: str, offset: int) -> str:
    """Which part of ``url`` the character at ``offset`` belongs to."""
    scheme = url.find("://")
    if scheme >= 0 and offset < scheme + 3:
        return "scheme"
    rest = scheme + 3 if scheme >= 0 else 0
    if url[rest:].lower().startswith("www.") and offset < rest + 4:
        return "www"
    for mark, name in (("#", "fragment"), ("?", "query"), ("/", "path")):
        where = url.find(mark, rest)
        if (
            where >= 0
            and offset >= where
            and (name != "path" or all(url.find(m, rest) < 0 or offset < url.find(m, rest) for m in "?#"))
        ):
            return name
    return "host"


def classify(text: str, start: int, end: int, found: list[Any]) -> str:
    """The class of the URL gold span ``text[start:end]`` among the final detections ``found``."""
    hits = [d for d in found if d.start < end and start < d.end]
    urls = [d for d in hits if d.type == "URL"]
    if not hits:
        return "missed"
    if not urls:
        return "mistyped:" + "/".join(sorted({d.type for d in hits}))
    whole = [d for d in urls if d.start <= start and d.end >= end]
    if whole:
        d = whole[0]
        if d.start < start or d.end > end:
            return "joined"
        return "whole"
    covered = {i for d in urls for i in range(max(d.start, start), min(d.end, end))}
    gaps = sorted({_part(text[start:end], i - start) for i in range(start, end) if i not in covered})
    return "cut:" + "+".join(gaps)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", action="append", required=True)
    parser.add_argument("--rows", action="store_true", help="print every lost span (open splits only)")
    parser.add_argument("--all", action="store_true", help="every document, not only those with URL gold")
    args = parser.parse_args()
    tally: Counter[str] = Counter()
    for split in args.split:
        for path in sorted((ROOT / "tests" / "privacy" / "corpus" / split).glob("*.json")):
            doc = json.loads(path.read_text(encoding="utf-8"))
            gold = [g for g in doc["pii"] if g["type"] == "URL"]
            if not gold and not args.all:
                continue
            text, lang = doc["text"], doc["language"]
            found = list(detect(text, language=lang))
            for g in gold:
                cls = classify(text, g["start"], g["end"], found)
                tally[f"{lang} {cls}"] += 1
                if args.rows and cls != "whole":
                    print(f"{path.stem}\t{cls}\t{g['text']!r}")
            for d in found:
                if d.type != "URL" or any(g["start"] < d.end and d.start < g["end"] for g in gold):
                    continue
                under = {g["type"] for g in doc["pii"] if g["start"] < d.end and d.start < g["end"]}
                tally[f"{lang} false:{'/'.join(sorted(under)) or 'none'}"] += 1
                if args.rows:
                    print(f"{path.stem}\tfalse\t{d.text!r} ({d.detector})")
    for key, n in sorted(tally.items()):
        print(f"{key}\t{n}")


if __name__ == "__main__":
    main()
