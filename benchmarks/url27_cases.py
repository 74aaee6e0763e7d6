"""Score url27's web-address cases (``tests/privacy/url27cases``), per type and language (issue #11).

A ``[[...]]`` span must be covered whole by one detection of the case's type (a URL cut at its path, its query
or a line wrap fails); a ``{{...}}`` span must not be overlapped by a URL detection (file names, versions, times,
abbreviations, e-mail addresses are other things). `` / `` in a case is a line break. The sealed third
(``--sealed``) prints figures only.

    PYTHONPATH=src python3 benchmarks/url27_cases.py            # open cases, with every failure
    PYTHONPATH=src python3 benchmarks/url27_cases.py --sealed   # sealed third, figures only
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from deid_struct_cases import check, load

CASES = Path(__file__).resolve().parent.parent / "tests" / "privacy" / "url27cases"
ALARMS = frozenset({"URL"})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sealed", action="store_true", help="score the sealed third (figures only)")
    args = parser.parse_args(argv)
    total: Counter[str] = Counter()
    passed: Counter[str] = Counter()
    for case in load("sealed" if args.sealed else "open", CASES, breaks=True):
        problems = check(case, alarms=ALARMS, whole=True)
        for key in (f"{case.kind} {case.language}", "all"):
            total[key] += 1
            passed[key] += not problems
        if problems and not args.sealed:
            print(f"FAIL {case.line}\n     " + "\n     ".join(problems))
    print("| cases | n | pass |\n| --- | ---: | ---: |")
    for key in sorted(total, key=lambda k: (k == "all", k)):
        print(f"| {key} | {total[key]} | {passed[key]} ({passed[key] / total[key]:.2f}) |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
