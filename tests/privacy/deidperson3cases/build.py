"""Build the gold JSON of the PERSON cases of branch deidperson3 (#11) from their marked-up sources.

Same format as ``tests/privacy/corpus`` (``parse`` of its ``build.py``), built by the English-gap cases'
``build.py`` pointed at this folder. ``tune/`` is tuned on; ``sealed/`` (9 of 24 cases, drawn with
``random.Random(20261207)`` before any detector change) is scored by aggregates only. The cases were written
for this branch's gap: names with no cue, names that are words, traditions the lists lack, chat names, kinship
words, speaker labels, possessives, lists, verbs of contact, surnames alone, initials.

Usage: ``python tests/privacy/deidperson3cases/build.py``
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("deiden_build", HERE.parent / "deidencases" / "build.py")
assert _spec is not None and _spec.loader is not None
_build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_build)
_build.HERE = HERE

if __name__ == "__main__":
    sys.exit(_build.main())
