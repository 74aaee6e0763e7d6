"""struct26's measurement (issue #11): struct25's classes over round twenty-six's four sets left out, with ACCOUNT.

Runs :mod:`struct25_measure` unchanged in its classes (where a span is lost, its format, its cue's reach, its line,
a plate's shape, the structured false positives by detector and the gold under them) over ``tune28``, ``seal27``,
``spent43`` and ``spent44`` by default, and counts ``ACCOUNT`` among the structured types. Counts only go to stdout;
``--rows FILE`` is for open splits only (never a sealed or left-out set). Run:
``PYTHONPATH=src python3 benchmarks/struct26_measure.py [--split NAME ...] [--rows FILE]``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import struct25_measure  # noqa: E402

FOUR = ("tune28", "seal27", "spent43", "spent44")
TYPES = frozenset(struct25_measure.TYPES | {"ACCOUNT"})


def main() -> None:
    struct25_measure.FOUR = FOUR
    struct25_measure.TYPES = TYPES
    struct25_measure.main()


if __name__ == "__main__":
    main()
