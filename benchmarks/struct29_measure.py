"""Structured identifiers (PHONE, ACCOUNT, NATIONAL_ID, PLATE, HANDLE, EMAIL, URL) on every open split (issue #11,
round twenty-nine): per split and type gold / typed-found / whole / false alarms. On the four unseen sets of the
round (tune31, seal30, spent49, spent50) only counts are written; on the other open splits ``--misses FILE``
writes the text of each miss, partial and false alarm.

    PYTHONPATH=src python3 benchmarks/struct29_measure.py --json OUT.json [--misses MISSES.txt]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from makna.privacy import detect
from makna.privacy.train import OPEN_SPLITS

ROOT = Path(__file__).resolve().parent.parent
DEV = Path("/work/shared/eval-corpus/dev")
FOUR = ("tune31", "seal30", "spent49", "spent50")
STRUCT = ("PHONE", "ACCOUNT", "NATIONAL_ID", "PLATE", "HANDLE", "EMAIL", "URL")


def folder(split: str) -> Path:
    return DEV if split == "dev" else ROOT / "tests" / "privacy" / "corpus" / split


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", type=Path, required=True)
    parser.add_argument("--misses", type=Path)
    parser.add_argument("--splits", nargs="*")
    args = parser.parse_args()
    splits = args.splits or list(OPEN_SPLITS)
    table: dict[str, dict[str, list[int]]] = {}
    out = []
    for split in splits:
        assert split in OPEN_SPLITS
        tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
        for path in sorted(folder(split).glob("*.json")):
            doc = json.loads(path.read_text(encoding="utf-8"))
            if "pii" not in doc:
                continue
            text = doc["text"]
            found = detect(text, language=doc["language"])
            covered = [False] * len(text)
            for d in found:
                for i in range(d.start, d.end):
                    covered[i] = True
            for g in doc["pii"]:
                kind = g["type"]
                if kind not in STRUCT:
                    continue
                s, e = g["start"], g["end"]
                typed = any(d.type == kind and d.start < e and s < d.end for d in found)
                whole = all(covered[i] for i in range(s, e) if text[i].isalnum())
                row = tally[kind]
                row[0] += 1
                row[1] += typed
                row[2] += whole
                if not (typed and whole) and split not in FOUR:
                    got = [f"{d.type}:{d.text!r}" for d in found if d.start < e and s < d.end]
                    ctx = text[max(0, s - 60):e + 40].replace("\n", " / ")
                    out.append(f"{split}/{doc['id']} [{doc['language']}]: {kind} {g['text']!r} "
                               f"{'cut' if typed else 'MISS'}; got {got} | {ctx!r}")
            for d in found:
                if d.type in STRUCT and not any(g["start"] < d.end and d.start < g["end"] for g in doc["pii"]):
                    tally[d.type][3] += 1
                    if split not in FOUR:
                        ctx = text[max(0, d.start - 50):d.end + 30].replace("\n", " / ")
                        out.append(f"{split}/{doc['id']} [{doc['language']}]: FALSE {d.type} {d.text!r} "
                                   f"({d.detector}) | {ctx!r}")
        table[split] = {k: list(v) for k, v in tally.items()}
        print(split, dict(table[split]), file=sys.stderr, flush=True)
    args.json.write_text(json.dumps(table, indent=1), encoding="utf-8")
    if args.misses:
        args.misses.write_text("\n".join(out) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
