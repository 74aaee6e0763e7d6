"""Write the ORG context cases of branch deidorg2 (issue #11) as corpus sources and gold JSON.

The cases (``cases_source.py``, all invented) are split at random with a fixed seed, before any change of the
round: ``tune/`` (looked at) and ``sealed/`` (aggregate scores only). Run from the repository root:
``python tests/privacy/deidorg2cases/make.py``.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "corpus"))
from build import parse  # noqa: E402

SEED = 20261204
SEALED = 10


def write(here: Path, prefix: str, seed: int, sealed_count: int) -> None:
    """Split the cases of ``here/cases_source.py`` with ``seed`` (``sealed_count`` sealed) and write each part's
    sources and gold JSON (also used by ``deidorg3cases/make.py``)."""
    scope: dict[str, object] = {}
    exec((here / "cases_source.py").read_text(encoding="utf-8"), scope)  # noqa: S102 - our own data file
    cases = list(scope["CASES"])  # type: ignore[call-overload]
    order = list(range(len(cases)))
    random.Random(seed).shuffle(order)
    sealed = set(order[:sealed_count])
    for i, (language, title, body) in enumerate(cases):
        part = "sealed" if i in sealed else "tune"
        ident = f"{prefix}-{part}-{language}-{i + 1:02d}"
        source = f"# id: {ident}\n# language: {language}\n# title: {title} (fictional)\n{body}\n"
        folder = here / part
        folder.mkdir(exist_ok=True)
        (folder / f"{ident}.txt").write_text(source, encoding="utf-8")
        doc = parse(source)
        (folder / f"{ident}.json").write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main() -> None:
    write(HERE, "deidorg2", SEED, SEALED)


if __name__ == "__main__":
    main()
