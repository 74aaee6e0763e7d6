"""Score type22's typing cases (``tests/privacy/type22cases``): is each marked span found with its type (issue #11)?

Each case is one line ``TYPE<TAB>LANGUAGE<TAB>TEXT``; the span in ``[[...]]`` must be overlapped by a detection of
TYPE; `` / `` is a line break (a turn). The open table is tuned on and its failures printed; the sealed table
(``--sealed``) is scored at the start and at the end and only its figures are printed.

    PYTHONPATH=src python3 benchmarks/type22_cases.py            # open cases, with every failure
    PYTHONPATH=src python3 benchmarks/type22_cases.py --sealed   # sealed cases, figures only
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from makna.privacy import detect

CASES = Path(__file__).resolve().parent.parent / "tests" / "privacy" / "type22cases"
_MARK = re.compile(r"\[\[(.+?)\]\]")


def parse(line: str) -> tuple[str, str, str, int, int]:
    """``(type, language, text, start, end)`` of one case line."""
    kind, language, raw = line.rstrip("\n").split("\t")
    raw = raw.replace(" / ", "\n")
    m = _MARK.search(raw)
    if m is None:
        raise ValueError(f"no [[span]]: {line!r}")
    text = raw[: m.start()] + m.group(1) + raw[m.end() :]
    return kind, language, text, m.start(), m.start() + len(m.group(1))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sealed", action="store_true")
    args = ap.parse_args()
    path = CASES / ("sealed.tsv" if args.sealed else "open.tsv")
    hit: Counter[tuple[str, str]] = Counter()
    total: Counter[tuple[str, str]] = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, language, text, start, end = parse(line)
        found = [d for d in detect(text, language=language) if d.start < end and start < d.end]
        ok = any(d.type == kind for d in found)
        total[(language, kind)] += 1
        hit[(language, kind)] += ok
        if not ok and not args.sealed:
            print(f"MISS {kind} {language}: {text[start:end]!r} got {[(d.type, d.detector) for d in found]}")
    for key in sorted(total):
        print(f"{key[0]} {key[1]}: {hit[key]}/{total[key]}")
    print(f"all: {sum(hit.values())}/{sum(total.values())}")


if __name__ == "__main__":
    main()
