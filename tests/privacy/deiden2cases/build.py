"""Build the gold JSON of the English context cases (branch deiden2, #11) from their marked-up sources.

Same format as ``tests/privacy/corpus`` (``parse`` of its ``build.py``). All 20 cases were written first, before
any detector was changed; ``sealed/`` (7 of them, drawn with ``random.Random(20261205).sample``) is scored by
aggregates only, ``tune/`` (13) is tuned on.

Usage: ``python tests/privacy/deiden2cases/build.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "corpus"))
from build import build_folder  # noqa: E402

if __name__ == "__main__":
    sys.exit(build_folder(HERE))
