"""Build the gold JSON of the numeric and structured cases of branch numeric19 (#11) from their marked-up sources.

Same format as ``tests/privacy/corpus`` (``parse`` of its ``build.py``), built by the corpus's ``build_folder``.
``tune/`` is tuned on; ``sealed/`` (6 of 18 cases, 3 per language, drawn with ``random.Random(2026120619)``
before any detector change) is scored by aggregates only, at the start and at the end. The cases were written
for this branch before any detector change: ages in words (English, Indonesian, Minang), an age corrected
mid-answer, someone else's age, an age range, an age with a particle or a decade word; dates with a weekday, an
ordinal or a two-digit year; an ID said a sentence after its document word; a foreign plate; phones with odd
grouping; and the traps that must stay undetected (money, clock times, counts, durations, years, room numbers).

Usage: ``python tests/privacy/num19cases/build.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "corpus"))
from build import build_folder  # noqa: E402

if __name__ == "__main__":
    sys.exit(build_folder(HERE))
