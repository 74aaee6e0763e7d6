"""AGE and DATE errors over every open transcript (#11, branch deidage5): each gold AGE or DATE span not found under
its type (``MISS``, with the types it was found under) and each AGE or DATE detection on no gold span of its type
(``FP``), one line each with its context, then the counts. Overlap matching, as ``makna deid evaluate``.

Run: ``PYTHONPATH=src python benchmarks/deid_age_date_errors.py [SPLIT ...]`` (default: every split of
``OPEN_SPLITS``; a sealed split is refused by the list). Compare two checkouts by running it in each.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from makna.privacy import detect
from makna.privacy.train import OPEN_SPLITS

ROOT = Path(__file__).resolve().parent.parent
TYPES = frozenset({"AGE", "DATE"})


def _folder(split: str) -> Path:
    if split not in OPEN_SPLITS:
        raise SystemExit(f"{split}: not an open split")
    return ROOT.parent / "shared" / "eval-corpus" / "dev" if split == "dev" else ROOT / "tests/privacy/corpus" / split


def main(argv: list[str]) -> int:
    counts: Counter[str] = Counter()
    for split in argv or list(OPEN_SPLITS):
        for path in sorted(_folder(split).glob("*.json")):
            doc = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(doc, dict) or "text" not in doc:
                continue
            text = doc["text"]
            found = detect(text, language=doc["language"])
            for g in doc["pii"]:
                if g["type"] not in TYPES:
                    continue
                if not any(d.type == g["type"] and d.start < g["end"] and g["start"] < d.end for d in found):
                    other = [d.type for d in found if d.start < g["end"] and g["start"] < d.end]
                    counts[f"missed {g['type']}"] += 1
                    print("MISS", doc["id"], g["type"], other, repr(text[max(0, g["start"] - 50) : g["end"] + 25]))
            for d in found:
                if d.type in TYPES and not any(
                    g["type"] == d.type and d.start < g["end"] and g["start"] < d.end for g in doc["pii"]
                ):
                    counts[f"false {d.type}"] += 1
                    print("FP  ", doc["id"], d.type, d.detector, repr(text[max(0, d.start - 50) : d.end + 25]))
    print(dict(sorted(counts.items())), "total", sum(counts.values()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
