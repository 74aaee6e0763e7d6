"""Structured identifiers found whole, per type, on folders of gold transcripts (issue #11, round nine).

For every gold span of a structured type (PHONE, EMAIL, URL, HANDLE, NATIONAL_ID, PLATE, DATE) it counts:

* **found**: a detection of the same type overlaps it (the evaluator's typed overlap recall);
* **whole**: every letter and digit of it lies inside some detection (of any type): a span cut short leaks the
  rest ("0812 5550" found of "0812 5550 7781" is found but not whole);
* and, per type, the detections of that type that overlap no gold span at all (false alarms).

    python benchmarks/deid_struct_whole.py tests/privacy/deidstruct4cases/tune --misses
    python benchmarks/deid_struct_whole.py tests/privacy/deidstruct4cases/sealed     # figures only

``--misses`` prints what was not found or not whole; it refuses a folder whose path names a sealed set.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from makna.privacy import detect

STRUCTURED = ("PHONE", "EMAIL", "URL", "HANDLE", "NATIONAL_ID", "PLATE", "DATE")


def score(folders: list[Path], *, misses: bool) -> dict[str, list[int]]:
    """Per type: [gold, found, whole, false alarms]; prints the misses when asked."""
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for folder in folders:
        for path in sorted(folder.glob("*.json")):
            doc = json.loads(path.read_text(encoding="utf-8"))
            if "pii" not in doc:
                continue  # (a codebook beside the transcripts)
            text = doc["text"]
            found = detect(text, language=doc["language"])
            covered = [False] * len(text)
            for d in found:
                for i in range(d.start, d.end):
                    covered[i] = True
            for gold in doc["pii"]:
                kind = gold["type"]
                if kind not in STRUCTURED:
                    continue
                s, e = gold["start"], gold["end"]
                typed = any(d.type == kind and d.start < e and s < d.end for d in found)
                whole = all(covered[i] for i in range(s, e) if text[i].isalnum())
                row = tally[kind]
                row[0] += 1
                row[1] += typed
                row[2] += whole
                if misses and not (typed and whole):
                    got = [f"{d.type}:{d.text!r}" for d in found if d.start < e and s < d.end]
                    print(f"{doc['id']}: {kind} {gold['text']!r} {'cut short' if typed else 'missed'}; got {got}")
            for d in found:
                if d.type in STRUCTURED and not any(g["start"] < d.end and d.start < g["end"] for g in doc["pii"]):
                    tally[d.type][3] += 1
                    if misses:
                        print(f"{doc['id']}: false {d.type} {d.text!r} ({d.detector})")
    return tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--misses", action="store_true", help="print misses (never on a sealed set)")
    args = parser.parse_args()
    if args.misses and any("seal" in part for f in args.folders for part in f.resolve().parts):
        parser.error("--misses on a sealed set: only its figures may be read")
    tally = score(args.folders, misses=args.misses)
    print("| type | gold | found | whole | false |\n| --- | ---: | ---: | ---: | ---: |")
    for kind in STRUCTURED:
        if kind in tally:
            g, f, w, x = tally[kind]
            print(f"| {kind} | {g} | {f} ({f / g:.2f}) | {w} ({w / g:.2f}) | {x} |")
    g, f, w, x = (sum(row[i] for row in tally.values()) for i in range(4))
    if g:
        print(f"| **all** | {g} | {f} ({f / g:.2f}) | {w} ({w / g:.2f}) | {x} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
