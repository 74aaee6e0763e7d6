"""Build the gold JSON of the precision cases (``tune/``, ``sealed/``) from their marked-up sources (issue #11).

Written for branch ``deidprec2``: short fictional interviews and notes, both languages, crowded with words that
are no identifier (sentence starts, days, months, holidays, money, clock times, app and product names, languages,
ethnic groups, generic public bodies, honorifics alone). ``sealed/`` was split off at random (seed 20261204)
before any detector change and is scored for aggregates only.

Usage: ``python tests/privacy/deidprec2cases/build.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "corpus"))
from build import build_folder  # noqa: E402

if __name__ == "__main__":
    sys.exit(build_folder(HERE))
