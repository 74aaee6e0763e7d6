"""typer24's measurement (issue 11): type23's classes (``type23_measure.py``) on round twenty-four's four sets left
out (``tune26``, ``seal25``, ``spent39``, ``spent40``), read from their folders, so that it also runs while a working
copy leaves them out of ``OPEN_SPLITS`` for a refit. Aggregates only (no ``--rows`` on these four). Run:
``PYTHONPATH=src python3 benchmarks/typer24_measure.py [--detector NAME]``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import type23_measure  # noqa: E402

FOUR = ("tune26", "seal25", "spent39", "spent40")


def _four_dir(root: Path, split: str) -> Path:
    if split not in FOUR:
        raise SystemExit(f"typer24_measure reads only the four sets left out ({', '.join(FOUR)})")
    return root / "tests/privacy/corpus" / split


def main() -> None:
    if "--rows" in sys.argv:
        raise SystemExit("no --rows on the four sets left out: aggregates only (type23_measure.py on open splits)")
    type23_measure.FOUR = FOUR
    type23_measure.split_dir = _four_dir  # type: ignore[attr-defined]
    type23_measure.main()


if __name__ == "__main__":
    main()
