"""Build the gold JSON of the AGE and DATE cases of branch deidage5 (#11) from their marked-up sources.

Same format as ``tests/privacy/corpus`` (``parse`` of its ``build.py``), built by the corpus's
``build_folder``. ``tune/`` is tuned on; ``sealed/`` (8 of 20 cases, 4 per language, drawn with
``random.Random(2026120505)`` before any detector change) is scored by aggregates only. The cases were written
for this branch's gap before any detector change: ages in Minang and Javanese number words, a bare answer to an
age question, an age after a birth year or a self-correction, abbreviated units ("yrs", "thn", "th"), an age
coming ("I'll be ..."), an age as a noun ("my six-year-old"), the age of someone described; dates with a season
or a misspelt month; and what is no age or date (durations, counts, money, clock times, bare years, percentages).

Usage: ``python tests/privacy/deidage5cases/build.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "corpus"))
from build import build_folder  # noqa: E402

if __name__ == "__main__":
    sys.exit(build_folder(HERE))
