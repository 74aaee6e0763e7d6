"""Score shapes28's web-address and date cases (``tests/privacy/shapes28cases``), per type and language (issue #11).

A ``[[...]]`` span must be covered whole by one detection of the case's type; a ``{{...}}`` span (file names,
versions, decimals, scores, sums, times, e-mail parts, abbreviations) must not be overlapped by a URL or a DATE
detection. `` / `` in a case is a line break. The sealed third (``--sealed``) prints figures only.

    PYTHONPATH=src:benchmarks python3 benchmarks/shapes28_cases.py            # open cases, with every failure
    PYTHONPATH=src:benchmarks python3 benchmarks/shapes28_cases.py --sealed   # sealed third, figures only
"""

from __future__ import annotations

import sys
from pathlib import Path

import url27_cases

CASES = Path(__file__).resolve().parent.parent / "tests" / "privacy" / "shapes28cases"

if __name__ == "__main__":
    url27_cases.CASES = CASES
    url27_cases.ALARMS = frozenset({"URL", "DATE"})
    sys.exit(url27_cases.main())
