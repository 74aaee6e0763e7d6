"""Build the gold JSON of the English-gap cases (branch deiden, #11) from their marked-up sources.

Same format as ``tests/privacy/corpus`` (``parse`` of its ``build.py``). ``tune/`` is tuned on; ``sealed/``
(8 of 20 cases, drawn with ``random.Random(20261204)`` before any detector change) is scored by aggregates only;
``sealed2/`` (6 cases) was written after the changes, before scoring them, and is scored by aggregates only too
(less blind: its writer knew the new rules).

Usage: ``python tests/privacy/deidencases/build.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "corpus"))
from build import build_folder  # noqa: E402

if __name__ == "__main__":
    sys.exit(build_folder(HERE))
