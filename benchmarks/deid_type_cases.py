"""Score the table of typing and precision cases (``tests/privacy/typecases``), in both languages (#11).

Same line format as ``tests/privacy/recallcases`` (``TYPE<TAB>LANGUAGE<TAB>TEXT``, ``[[...]]`` to find with
TYPE, ``{{...}}`` to leave alone by every detector): the type a named span should be given (ORG, LOCATION,
PERSON) and capitalised ordinary words no detector should take. The open table is tuned on; the sealed
table (``--sealed``) was written and set aside before any change of round seven (branch deidml3) and is
scored once at the end.

    python benchmarks/deid_type_cases.py            # open cases, with every failure
    python benchmarks/deid_type_cases.py --sealed   # sealed cases, figures only
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from deid_recall_cases import check  # noqa: E402
from deid_struct_cases import load  # noqa: E402

CASES = Path(__file__).resolve().parent.parent / "tests" / "privacy" / "typecases"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sealed", action="store_true", help="score the sealed table (figures only)")
    args = parser.parse_args()
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for case in load("sealed" if args.sealed else "open", CASES):
        typed, untyped, problems = check(case)
        row = tally[f"{case.kind} ({case.language}, {'find' if case.positive else 'leave'})"]
        row[0] += 1
        row[1] += typed
        row[2] += untyped
        if problems and not args.sealed:
            print(f"FAIL {case.line}\n     " + "\n     ".join(problems))
    print("| type (language, case) | cases | typed pass | untyped pass |\n| --- | ---: | ---: | ---: |")
    for key in sorted(tally):
        n, t, u = tally[key]
        print(f"| {key} | {n} | {t} | {u} |")
    n, t, u = (sum(v[i] for v in tally.values()) for i in range(3))
    print(f"| **all** | {n} | {t} ({t / n:.2f}) | {u} ({u / n:.2f}) |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
