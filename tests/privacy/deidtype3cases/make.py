"""Write the type cases of branch deidtype3 (issue #11) as corpus sources and gold JSON.

The cases (``cases_source.py``, all invented) are split at random with a fixed seed, before any change of the
branch: ``tune/`` (looked at) and ``sealed/`` (aggregate scores only). Run from the repository root:
``python tests/privacy/deidtype3cases/make.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "deidorg2cases"))
from make import write  # noqa: E402

SEED = 2026120514
SEALED = 7

if __name__ == "__main__":
    write(HERE, "deidtype3", SEED, SEALED)
