"""Score the table of recall cases (``tests/privacy/recallcases``): non-PERSON identifiers in both languages (#11).

Same line format as ``tests/privacy/structcases`` (``TYPE<TAB>LANGUAGE<TAB>TEXT``, ``[[...]]`` to find,
``{{...}}`` to leave alone by every detector). A case passes typed when a detection of TYPE overlaps every
``[[...]]`` span, untyped when any detection does. The open table is tuned on; the sealed table
(``--sealed``) was written and set aside before any change of the round and is scored once at the end.

    python benchmarks/deid_recall_cases.py            # open cases, with every failure
    python benchmarks/deid_recall_cases.py --sealed   # sealed cases, figures only
    python benchmarks/deid_recall_cases.py --cases tests/privacy/orgcases   # another table of the same format
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from makna.privacy import detect

sys.path.insert(0, str(Path(__file__).resolve().parent))
from deid_struct_cases import Case, load  # noqa: E402

CASES = Path(__file__).resolve().parent.parent / "tests" / "privacy" / "recallcases"


def check(case: Case) -> tuple[bool, bool, list[str]]:
    """(typed pass, untyped pass, problems) of one case."""
    found = detect(case.text, language=case.language)
    problems: list[str] = []
    typed = untyped = True
    for start, end in case.positive:
        hits = [d for d in found if d.start < end and start < d.end]
        if not any(d.type == case.kind for d in hits):
            typed = False
            got = ", ".join(f"{d.type}:{d.text!r}" for d in hits) or "nothing"
            problems.append(f"missed {case.text[start:end]!r} as {case.kind} (got {got})")
        untyped = untyped and bool(hits)
    for start, end in case.negative:
        for d in found:
            if d.start < end and start < d.end:
                typed = untyped = False
                problems.append(f"false {d.type} {d.text!r} ({d.detector})")
    return typed, untyped, problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sealed", action="store_true", help="score the sealed table (figures only)")
    parser.add_argument("--cases", type=Path, default=CASES, help="folder of open.tsv and sealed.tsv")
    args = parser.parse_args()
    table(load("sealed" if args.sealed else "open", args.cases), sealed=args.sealed)
    return 0


def table(cases: Iterable[Case], *, sealed: bool, by_outcome: bool = False) -> None:
    """Print the pass table of ``cases`` by type and language (and by find/leave with ``by_outcome``); the
    failures too, unless ``sealed`` (a sealed table's figures only)."""
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for case in cases:
        typed, untyped, problems = check(case)
        outcome = f", {'find' if case.positive else 'leave'}" if by_outcome else ""
        row = tally[f"{case.kind} ({case.language}{outcome})"]
        row[0] += 1
        row[1] += typed
        row[2] += untyped
        if problems and not sealed:
            print(f"FAIL {case.line}\n     " + "\n     ".join(problems))
    label = "type (language, case)" if by_outcome else "type (language)"
    print(f"| {label} | cases | typed pass | untyped pass |\n| --- | ---: | ---: | ---: |")
    for key in sorted(tally):
        n, t, u = tally[key]
        print(f"| {key} | {n} | {t} | {u} |")
    n, t, u = (sum(v[i] for v in tally.values()) for i in range(3))
    print(f"| **all** | {n} | {t} ({t / n:.2f}) | {u} ({u / n:.2f}) |")


if __name__ == "__main__":
    sys.exit(main())
