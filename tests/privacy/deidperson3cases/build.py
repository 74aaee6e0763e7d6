"""Build the gold JSON of the PERSON cases of branch deidperson3 (#11) from their marked-up sources.

Same format as ``tests/privacy/corpus`` (``parse`` of its ``build.py``), built by the corpus's
``build_folder``. ``tune/`` is tuned on; ``sealed/`` (9 of 24 cases, drawn with
``random.Random(20261207)`` before any detector change) is scored by aggregates only. The cases were written
for this branch's gap: names with no cue, names that are words, traditions the lists lack, chat names, kinship
words, speaker labels, possessives, lists, verbs of contact, surnames alone, initials.

Usage: ``python tests/privacy/deidperson3cases/build.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "corpus"))
from build import build_folder  # noqa: E402

if __name__ == "__main__":
    sys.exit(build_folder(HERE))
