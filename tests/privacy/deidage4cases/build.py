"""Build the gold JSON of the AGE and structured cases of branch deidage4 (#11) from their marked-up sources.

Same format as ``tests/privacy/corpus`` (``parse`` of its ``build.py``), built by the corpus's
``build_folder``. ``tune/`` is tuned on; ``sealed/`` (8 of 20 cases (4 per language), drawn with
``random.Random(20261205)`` before any detector change) is scored by aggregates only. The cases were written
for this branch's gap before any detector change: ages "now", written on a profile, as a chat answer, of other
people, in Indonesian, Minang and English words, decades and their parts, ages said again; telephone numbers in
words, in comma groups and spelled; identity numbers and bare web domains; and what is no age (hours, counts,
money, percentages, clock times, durations, birth years).

Usage: ``python tests/privacy/deidage4cases/build.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "corpus"))
from build import build_folder  # noqa: E402

if __name__ == "__main__":
    sys.exit(build_folder(HERE))
