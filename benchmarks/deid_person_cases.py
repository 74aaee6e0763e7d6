"""Score the table of PERSON cases (``tests/privacy/personcases``) (issue #11).

Each case is one line ``PERSON<TAB>LANGUAGE<TAB>TEXT``: a span in ``[[...]]`` must be overlapped by a PERSON
detection; a span in ``{{...}}`` (an address term alone, a day, a religion, a brand, an interjection) must not
be overlapped by one; `` / `` stands for a line break. The open table is tuned on; the sealed table
(``--sealed``), written and sealed before any change of round six, is scored once at the end and only its
figures are printed. Round seven's table (traditions barely covered before, names that are words, lower-case chat,
chat-export labels, initials, long turns, place suffixes, possessives) is ``open7``/``sealed7`` (``--round 7``).

    python benchmarks/deid_person_cases.py                      # open cases, with every failure
    python benchmarks/deid_person_cases.py --sealed             # sealed cases, figures only
    python benchmarks/deid_person_cases.py --round 7 [--sealed]  # round seven's table
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from deid_struct_cases import check, load  # noqa: E402

CASES = Path(__file__).resolve().parent.parent / "tests" / "privacy" / "personcases"
PERSON = frozenset({"PERSON"})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sealed", action="store_true", help="score the sealed table (figures only)")
    parser.add_argument("--round", choices=("6", "7"), default="6", help="which round's table (default 6)")
    args = parser.parse_args()
    suffix = "" if args.round == "6" else args.round
    cases = load(("sealed" if args.sealed else "open") + suffix, CASES, breaks=True)
    tally = {"id": [0, 0], "en": [0, 0]}
    for case in cases:
        problems = check(case, alarms=PERSON)
        tally[case.language][0] += 1
        tally[case.language][1] += not problems
        if problems and not args.sealed:
            print(f"FAIL {case.line}\n     " + "\n     ".join(problems))
    print("| language | cases | pass |\n| --- | ---: | ---: |")
    for lang, (total, ok) in tally.items():
        print(f"| {lang} | {total} | {ok} ({ok / max(total, 1):.2f}) |")
    total = sum(v[0] for v in tally.values())
    ok = sum(v[1] for v in tally.values())
    print(f"| **all** | {total} | {ok} ({ok / total:.2f}) |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
