"""Build the gold JSON of the precision cases (``tune/``, ``sealed/``) from their marked-up sources (issue #11).

Written for branch ``deidprec3``: short fictional interviews, both languages, crowded with words that look
like names and are none (capitalised plural nouns opening a sentence or after a colon or quote, app and brand
names used as tools, schemes and programmes, job titles, days, months, festivals, kinship and Minang words,
titles of officials alone) around true identifiers in the same frames. ``sealed/`` was split off at random
(seed 20261207, four per language) before any detector change and is scored for aggregates only.

Usage: ``python tests/privacy/deidprec3cases/build.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "corpus"))
from build import build_folder  # noqa: E402

if __name__ == "__main__":
    sys.exit(build_folder(HERE))
