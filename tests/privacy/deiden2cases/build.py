"""Build the gold JSON of the English context cases (branch deiden2, #11) from their marked-up sources.

Same format as ``tests/privacy/corpus`` (``parse`` of its ``build.py``). All 20 cases were written first, before
any detector was changed; ``sealed/`` (7 of them, drawn with ``random.Random(20261205).sample``) is scored by
aggregates only, ``tune/`` (13) is tuned on.

Usage: ``python tests/privacy/deiden2cases/build.py``
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("corpus_build", HERE.parent / "corpus" / "build.py")
assert _spec is not None and _spec.loader is not None
_build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_build)


def main() -> int:
    for src in sorted(HERE.glob("*/*.txt")):
        doc = _build.parse(src.read_text(encoding="utf-8"))
        src.with_suffix(".json").write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{src.relative_to(HERE)}: {len(doc['text'])} characters, {len(doc['pii'])} identifiers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
