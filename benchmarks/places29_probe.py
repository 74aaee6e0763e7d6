"""places29's probe (issue 11): gold type under final detections of a few candidate classes, counts only.

A class is read from the detection (its type, its detector, whether its text is a listed place, the words before it,
the document's other mentions); the gold type under it is counted (``none`` where no gold overlaps). Aggregates
only; ``--show CLASS`` prints a class's lines for open splits only (refused on the four). Run:
``PYTHONPATH=src python3 benchmarks/places29_probe.py [--split NAME ...] [--show CLASS]``.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from named21_measure import measured, record_calls  # noqa: E402
from places29_measure import cue_class  # noqa: E402

from makna.privacy import gazetteers  # noqa: E402

FOUR = ("tune31", "seal30", "spent49", "spent50")
_NAMED = ("PERSON", "ORG", "LOCATION")


def listed(text: str) -> bool:
    return text in gazetteers.places_admin() or text in gazetteers.places_world()


def classes(doc: Any, final: list[Any], d: Any) -> list[str]:
    out = []
    others = {x.type for x in final if x.text == d.text and x.start != d.start and x.type in _NAMED}
    fam = d.detector.split(".")[0].split("+")[0]
    if d.type not in _NAMED:
        return out
    if d.type == "PERSON" and fam == "location":
        out.append("person-over-location-rule")
    if d.type == "PERSON" and "person.honorific" in d.detector and listed(d.text):
        out.append("honorific-listed-place")
    if d.detector.startswith(("unknown.capitalised", "learned")):
        a = doc.text.rfind("\n", 0, d.start) + 1
        before = [w.casefold().strip(",.'’()\"") for w in doc.text[a : d.start].split()][-2:]
        prev = " ".join(before) if before else "^"
        out.append(f"catchall:{doc.language}:{d.type}:prev={prev}")
        out.append(f"catchall1:{doc.language}:{d.type}:prev={before[-1] if before else '^'}")
    if d.type == "PERSON" and d.detector.startswith(("unknown", "learned")):
        inside = {
            x.type
            for x in final
            if x.start != d.start and x.type in _NAMED and d.text in x.text.split() and x.text != d.text
        }
        if inside:
            out.append(f"catchall-person-word-of:{'/'.join(sorted(inside))}")
        nxt = doc.text[d.end : d.end + 12]
        if nxt.startswith((" up to", " out to", " to ", " and ")):
            out.append("catchall-person-then:" + nxt.split()[0])
    cue = cue_class(doc.text, d.start)
    if cue in ("org-verb", "place-verb"):
        out.append(f"cue:{doc.language}:{cue}:{d.type}:{fam}")
    if others - {d.type}:
        out.append(f"mixed-mentions:{d.type}<-{'/'.join(sorted(others))}")
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", action="append", default=[])
    ap.add_argument("--show")
    args = ap.parse_args()
    splits = args.split or list(FOUR)
    if args.show and set(splits) & set(FOUR):
        raise SystemExit("no --show on the four sets: aggregates only")
    calls = record_calls()
    got: Counter[tuple[str, str]] = Counter()
    for split, doc, final in measured(splits, calls):
        for d in final:
            for c in classes(doc, final, d):
                gold = sorted({k for s, e, k in doc.pii if s < d.end and d.start < e}) or ["none"]
                got[(c, "/".join(gold))] += 1
                if args.show and c.startswith(args.show):
                    a = doc.text.rfind("\n", 0, d.start) + 1
                    print(
                        split,
                        doc.id,
                        d.type,
                        d.detector,
                        "gold",
                        gold,
                        "|",
                        doc.text[max(a, d.start - 60) : d.start],
                        "[[",
                        d.text,
                        "]]",
                        doc.text[d.end : d.end + 30].split("\n")[0],
                    )
    for (c, g), n in sorted(got.items()):
        print(f"{n:5d} {c} gold={g}")


if __name__ == "__main__":
    main()
