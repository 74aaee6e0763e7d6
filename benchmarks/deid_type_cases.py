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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from deid_recall_cases import table  # noqa: E402
from deid_struct_cases import load  # noqa: E402

CASES = Path(__file__).resolve().parent.parent / "tests" / "privacy" / "typecases"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sealed", action="store_true", help="score the sealed table (figures only)")
    args = parser.parse_args()
    table(load("sealed" if args.sealed else "open", CASES), sealed=args.sealed, by_outcome=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
