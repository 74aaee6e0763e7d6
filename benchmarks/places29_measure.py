"""places29's measurement (issue 11): orgs28_measure on round twenty-nine's four, with its table by split.

Every gold ORG and LOCATION by outcome, proposer, language and shape class (benchmarks/orgs28_measure.py, which
this calls with the four sets round twenty-nine left out of the model: aggregates only, ``--rows`` refused on them).

    PYTHONPATH=src python benchmarks/places29_measure.py [--split NAME ...] [--rows FILE]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from orgs28_measure import cue_class, main  # noqa: E402

__all__ = ["FOUR", "cue_class"]

FOUR = ("tune31", "seal30", "spent49", "spent50")

if __name__ == "__main__":
    main(FOUR)
