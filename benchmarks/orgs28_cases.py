"""Score orgs28's cases (``tests/privacy/orgs28cases``) as type23's are scored (``type23_cases.py``): every
detection over a ``[[...]]`` span of the case's type, at least one; a ``{{...}}`` span left alone. The sealed third
(``--sealed``): figures only.

    cd benchmarks && PYTHONPATH=../src:. python3 orgs28_cases.py [--sealed]
"""

from __future__ import annotations

import sys
from pathlib import Path

import type23_cases

if __name__ == "__main__":
    type23_cases.CASES = Path(__file__).resolve().parent.parent / "tests" / "privacy" / "orgs28cases"
    sys.exit(type23_cases.main())
