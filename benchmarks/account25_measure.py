"""Count ``ACCOUNT`` detections on corpus splits (issue #11, round twenty-five, account25).

The corpus has no ``ACCOUNT`` gold, so every ``ACCOUNT`` detection on it is a false positive: this counts them by
split, language, detector and the gold type they overlap (``none``: a false positive of its own; a gold type: a
gold identifier it took over). Counts only; ``--show`` prints the text of each one, refused for the four sets
left out of round twenty-five's model and any split outside ``OPEN_SPLITS``.

    python benchmarks/account25_measure.py --open            # every open split but the four left out
    python benchmarks/account25_measure.py tune27 seal26 spent41 spent42
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from makna.privacy import detect
from makna.privacy.train import OPEN_SPLITS

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "privacy" / "corpus"
LEFT_OUT = frozenset({"tune27", "seal26", "spent41", "spent42"})
"""The four sets the shipped model never saw: aggregates only."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("splits", nargs="*", help="split folders under tests/privacy/corpus")
    parser.add_argument("--open", action="store_true", help="every open split but the four left out")
    parser.add_argument("--show", action="store_true", help="print each detection's text (open splits only)")
    args = parser.parse_args(argv)
    splits = [s for s in OPEN_SPLITS if s != "dev" and s not in LEFT_OUT] if args.open else args.splits
    refused = [s for s in splits if s not in OPEN_SPLITS]
    if refused:
        parser.error(f"not an open split: {', '.join(refused)}")
    if args.show and LEFT_OUT & set(splits):
        parser.error("--show is refused for the four sets left out: counts only")
    counts: Counter[tuple[str, str, str]] = Counter()
    documents = 0
    for split in splits:
        for path in sorted((CORPUS / split).glob("*.json")):
            doc = json.loads(path.read_text(encoding="utf-8"))
            documents += 1
            gold = doc.get("pii", [])
            for det in detect(doc["text"], language=doc["language"]):
                if det.type != "ACCOUNT":
                    continue
                over = sorted({g["type"] for g in gold if g["start"] < det.end and det.start < g["end"]}) or ["none"]
                counts[(doc["language"], det.detector, "+".join(over))] += 1
                if args.show:
                    print(f"{path.stem}\t{det.text!r}\t{det.detector}\t{'+'.join(over)}")
    print(f"{documents} documents, {sum(counts.values())} ACCOUNT detection(s)")
    for (language, detector, gold_type), n in sorted(counts.items()):
        print(f"  {language}\t{detector}\tgold {gold_type}\t{n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
