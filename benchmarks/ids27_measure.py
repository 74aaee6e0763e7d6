"""ids27's measurement (issue #11): struct26's classes over round twenty-seven's four sets left out.

Runs :mod:`struct26_measure` (struct25's classes, with ``ACCOUNT``) over ``tune29``, ``seal28``, ``spent45`` and
``spent46`` by default. Counts only go to stdout; ``--rows FILE`` is for open splits only (never a sealed or
left-out set). Run: ``PYTHONPATH=src python3 benchmarks/ids27_measure.py [--split NAME ...] [--rows FILE]``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import struct26_measure  # noqa: E402

struct26_measure.FOUR = ("tune29", "seal28", "spent45", "spent46")

if __name__ == "__main__":
    struct26_measure.main()
