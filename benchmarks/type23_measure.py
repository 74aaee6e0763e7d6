"""type23's measurement (issue 11): every false detection by class, with who gave a wrong type its type.

Reuses :func:`prec22_measure.classify` (``tp``, ``wrong-type``, ``no-gold:beside-gold``, ``no-gold:alone``). A
``wrong-type`` detection is counted as ``gold type -> detected type`` with the detector and who typed it: ``rule``
(the same span has the same type with the learned stages off) or ``stage`` (the stages off, it had another type
or was not there). Aggregates only go to stdout; ``--rows FILE`` writes the false detections with their text
(open splits only: never on a set left out or sealed); ``--detector NAME`` counts one detector's detections by
class (a new pass's, right or wrong). Run:
``PYTHONPATH=src python3 benchmarks/type23_measure.py --split tune25 ... [--rows FILE]``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from prec22_measure import classify, row  # noqa: E402

from makna.privacy.detect import detect  # noqa: E402
from makna.privacy.evaluate import load_gold  # noqa: E402
from makna.privacy.precision import stage_disabled  # noqa: E402
from makna.privacy.train import split_dir  # noqa: E402  (open splits only: it refuses a sealed set)

ROOT = Path(__file__).resolve().parents[1]
FOUR = ("tune25", "seal24", "spent37", "spent38")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", action="append", default=[])
    ap.add_argument("--rows", type=Path)
    ap.add_argument("--detector", help="also count this detector's detections by class (a new pass: right or wrong)")
    args = ap.parse_args()
    splits = args.split or list(FOUR)
    classes: Counter[tuple[str, str]] = Counter()
    own: Counter[tuple[str, str]] = Counter()
    wrong: Counter[tuple[str, str, str, str, str]] = Counter()
    false: Counter[tuple[str, str, str, str]] = Counter()
    mentions: Counter[tuple[str, str]] = Counter()
    rows: list[dict[str, Any]] = []
    for split in splits:
        for doc in load_gold(split_dir(ROOT, split)):
            gold = list(doc.pii)
            found = detect(doc.text, language=doc.language)
            with stage_disabled():
                raw = {(d.start, d.end): d.type for d in detect(doc.text, language=doc.language)}
            for d in found:
                cls = classify(d.start, d.end, d.type, gold)
                classes[(doc.language, cls)] += 1
                if d.detector == args.detector:
                    own[(doc.language, cls)] += 1
                if cls == "tp":
                    continue
                if cls == "wrong-type":
                    gt = next(g[2] for g in gold if g[0] < d.end and d.start < g[1])
                    by = "rule" if raw.get((d.start, d.end)) == d.type else "stage"
                    wrong[(doc.language, f"{gt}->{d.type}", d.detector, by, split)] += 1
                    same = [g for g in gold if doc.text[g[0] : g[1]] == d.text]
                    others = [o for o in found if o.text == d.text and o is not d]
                    mentions[
                        (
                            "other mentions: "
                            + (
                                "none"
                                if not others
                                else "some right"
                                if any(classify(o.start, o.end, o.type, gold) == "tp" for o in others)
                                else "none right"
                            ),
                            "gold string type " + ("/".join(sorted({g[2] for g in same})) or "-"),
                        )
                    ] += 1
                else:
                    false[(doc.language, d.type, d.detector, cls)] += 1
                if args.rows:
                    rows.append(row(split, doc, d, cls, gold) | {"raw": raw.get((d.start, d.end))})
    print("by class and language:", dict(sorted(classes.items())))
    if args.detector:
        print(f"{args.detector} by class and language:", dict(sorted(own.items())))
    tot: Counter[str] = Counter()
    for (lang, pair, _det, _by, _split), n in wrong.items():
        tot[f"{lang} {pair}"] += n
    print("wrong type by language and pair:")
    for k, n in tot.most_common():
        print(f"  {n:3d} {k}")
    by_who: Counter[tuple[str, str]] = Counter()
    for (lang, _pair, _det, by, _split), n in wrong.items():
        by_who[(lang, by)] += n
    print("wrong type by who typed it:", dict(sorted(by_who.items())))
    print("wrong type by (language, pair, detector, who):")
    agg: Counter[tuple[str, str, str, str]] = Counter()
    for (lang, pair, det, by, _split), n in wrong.items():
        agg[(lang, pair, det, by)] += n
    for k, n in agg.most_common():
        print(f"  {n:3d} {k}")
    print("wrong type by other mentions:", dict(mentions.most_common()))
    print("false spans by (language, type, detector, class):")
    for k2, n in false.most_common():
        print(f"  {n:3d} {k2}")
    if args.rows:
        args.rows.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
