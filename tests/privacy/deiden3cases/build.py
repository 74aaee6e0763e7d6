"""Build the gold JSON of the English general-evidence cases (branch deiden3, #11) from their marked-up sources.

Same format as ``tests/privacy/corpus`` (``parse`` of its ``build.py``). All 20 cases (16 en, 4 id) were written first, before
any detector was changed; ``sealed/`` (8 of them, drawn with ``random.Random(20261204).sample(names, 8)``) is scored by
aggregates only, ``tune/`` (12) is tuned on.

Usage: ``python tests/privacy/deiden3cases/build.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "corpus"))
from build import build_folder  # noqa: E402

if __name__ == "__main__":
    sys.exit(build_folder(HERE))
