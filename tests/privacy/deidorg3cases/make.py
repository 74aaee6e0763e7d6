"""Write the ORG cue cases of branch deidorg3 (issue #11) as corpus sources and gold JSON.

The cases (``cases_source.py``, all invented) are split at random with a fixed seed, before any change of the
round: ``tune/`` (looked at) and ``sealed/`` (aggregate scores only). Run from the repository root:
``python tests/privacy/deidorg3cases/make.py``.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "corpus"))
from build import parse  # noqa: E402

SEED = 2026120403
SEALED = 9


def main() -> None:
    scope: dict[str, object] = {}
    exec((HERE / "cases_source.py").read_text(encoding="utf-8"), scope)  # noqa: S102 - our own data file
    cases = list(scope["CASES"])  # type: ignore[call-overload]
    order = list(range(len(cases)))
    random.Random(SEED).shuffle(order)
    sealed = set(order[:SEALED])
    for i, (language, title, body) in enumerate(cases):
        part = "sealed" if i in sealed else "tune"
        ident = f"deidorg3-{part}-{language}-{i + 1:02d}"
        source = f"# id: {ident}\n# language: {language}\n# title: {title} (fictional)\n{body}\n"
        folder = HERE / part
        folder.mkdir(exist_ok=True)
        (folder / f"{ident}.txt").write_text(source, encoding="utf-8")
        doc = parse(source)
        (folder / f"{ident}.json").write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
