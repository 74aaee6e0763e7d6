"""Score english23's cases (``tests/privacy/english23cases``): English names by shape, Indonesian beside (issue #11).

Each line is ``KIND<TAB>LANGUAGE<TAB>TEXT`` as in :mod:`deid_struct_cases` (`` / `` a line break): a span in
``[[...]]`` must be found as KIND, a span in ``{{...}}`` (a capitalised common noun, a brand used as a tool, a
day, a month, a nationality, a job title) must be left alone by a detection of ANY type. The open table is tuned
on; the sealed third (``--sealed``) prints figures only.

    PYTHONPATH=src python3 benchmarks/english23_cases.py [--sealed]
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from deid_struct_cases import check, load  # noqa: E402

from makna.privacy.types import PII_TYPES  # noqa: E402

CASES = Path(__file__).resolve().parent.parent / "tests" / "privacy" / "english23cases"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sealed", action="store_true", help="score the sealed third (figures only)")
    args = parser.parse_args()
    cases = load("sealed" if args.sealed else "open", CASES, breaks=True)
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for case in cases:
        problems = check(case, alarms=frozenset(PII_TYPES))
        for key in (f"{case.language} {case.kind}", case.language):
            tally[key][0] += 1
            tally[key][1] += not problems
        if problems and not args.sealed:
            print(f"FAIL {case.line}\n     " + "\n     ".join(problems))
    for key, (total, ok) in sorted(tally.items()):
        print(f"{key}: {ok}/{total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
