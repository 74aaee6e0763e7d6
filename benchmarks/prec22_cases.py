"""Score prec22's cases (``tests/privacy/prec22cases``): false detections of ordinary words (issue #11).

Each line is ``KIND<TAB>LANGUAGE<TAB>TEXT`` as in :mod:`deid_struct_cases` (`` / `` a line break): a span in
``[[...]]`` must be found as KIND, a span in ``{{...}}`` must be left alone by a detection of ANY type (an
ordinary word, a number of another kind, a folder's name). The open table is tuned on; the sealed third
(``--sealed``) prints figures only.

    PYTHONPATH=src python3 benchmarks/prec22_cases.py [--sealed]
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

from deid_struct_cases import check, load

from makna.privacy.types import PII_TYPES

CASES = Path(__file__).resolve().parent.parent / "tests" / "privacy" / "prec22cases"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sealed", action="store_true", help="score the sealed third (figures only)")
    args = parser.parse_args()
    cases = load("sealed" if args.sealed else "open", CASES, breaks=True)
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for case in cases:
        problems = check(case, alarms=frozenset(PII_TYPES))
        tally[case.kind][0] += 1
        tally[case.kind][1] += not problems
        if problems and not args.sealed:
            print(f"FAIL {case.line}\n     " + "\n     ".join(problems))
    for kind, (total, ok) in sorted(tally.items()):
        print(f"{kind}: {ok}/{total}")
    total, ok = (sum(v[i] for v in tally.values()) for i in (0, 1))
    print(f"all: {ok}/{total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
