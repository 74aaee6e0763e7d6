"""Build the gold JSON of the AGE and DATE cases of branch deidage4 (#11) from their marked-up sources.

Same format as ``tests/privacy/corpus`` (``parse`` of its ``build.py``), built by the corpus's
``build_folder``. ``tune/`` is tuned on; ``sealed/`` (8 of 20 cases (4 per language), drawn with
``random.Random(20261205)`` before any detector change) is scored by aggregates only. The cases were written
for this branch's gap before any detector change: ages in words (Indonesian, Minang, English; spoken
"tiga dua" for 32), ages of other people after a name, a kin noun or a pronoun, ages standing alone as an
answer or a sentence, corrected and later ages, decades ("kepala dua", "in her forties"), chat shorthand
("23thn", "22yo"), ordinal and partial numeric dates; and what is no age or date (durations, money, clock
times, counts, bare years, weekdays, a month alone).

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
