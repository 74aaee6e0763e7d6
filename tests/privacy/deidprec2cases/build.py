"""Build the gold JSON of the precision cases (``tune/``, ``sealed/``) from their marked-up sources (issue #11).

Written for branch ``deidprec2``: short fictional interviews and notes, both languages, crowded with words that
are no identifier (sentence starts, days, months, holidays, money, clock times, app and product names, languages,
ethnic groups, generic public bodies, honorifics alone). ``sealed/`` was split off at random (seed 20261204)
before any detector change and is scored for aggregates only.

Usage: ``python tests/privacy/deidprec2cases/build.py``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "corpus"))
from build import parse  # noqa: E402


def main() -> int:
    for src in sorted(HERE.glob("*/*.txt")):
        doc = parse(src.read_text(encoding="utf-8"))
        src.with_suffix(".json").write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
