"""Write the deidloc2 cases (``cases_source.CASES``) as marked-up sources and gold JSON, split at random.

Usage: ``python tests/privacy/deidloc2cases/make.py``. Each language's ids are shuffled with
``random.Random(SEED)``; the first five of each go to ``sealed/``, the rest to ``tune/``.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "corpus"))

from build import parse  # noqa: E402
from cases_source import CASES, CASES2  # noqa: E402

SEED = 20261205
SEALED_PER_LANGUAGE = 5
SEED2 = 20261206
SEALED2_PER_LANGUAGE = 2


def _write(cases: dict[str, str], seed: int, sealed: int) -> None:
    rng = random.Random(seed)
    for lang in ("id", "en"):
        ids = sorted(k for k in cases if k.startswith(lang + "-"))
        rng.shuffle(ids)
        for n, key in enumerate(ids):
            part = "sealed" if n < sealed else "tune"
            folder = HERE / part
            folder.mkdir(exist_ok=True)
            source = f"# id: dl2-{key}\n# language: {lang}\n# title: deidloc2 case {key}\n{cases[key]}\n"
            (folder / f"dl2-{key}.txt").write_text(source, encoding="utf-8")
            doc = parse(source)
            (folder / f"dl2-{key}.json").write_text(
                json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
            )


def main() -> int:
    _write(CASES, SEED, SEALED_PER_LANGUAGE)
    _write(CASES2, SEED2, SEALED2_PER_LANGUAGE)
    return 0


if __name__ == "__main__":
    sys.exit(main())
