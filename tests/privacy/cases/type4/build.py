"""Build the gold JSON of these type-trap cases (corpus format, tests/privacy/corpus/build.py's parser).

Usage: ``PYTHONPATH=src python tests/privacy/cases/type4/build.py`` (rewrites ``open/*.json`` and ``sealed/*.json``).
``sealed/`` is scored in aggregate only (``deid evaluate sealed --format json`` without misses); never tuned on.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "corpus"))
from build import parse  # noqa: E402


def main() -> None:
    for source in sorted(HERE.glob("*/*.txt")):
        doc = parse(source.read_text(encoding="utf-8"))
        body = json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
        source.with_suffix(".json").write_text(body, encoding="utf-8")


if __name__ == "__main__":
    main()
