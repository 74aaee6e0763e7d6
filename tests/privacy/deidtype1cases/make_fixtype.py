"""Write the cases of branch fixtype (issue #11): persons named like a shop or a place, added to ``tune/`` (looked
at; none sealed: they check the review findings of deidtype1, written before the fix). Run from the repository root:
``python tests/privacy/deidtype1cases/make_fixtype.py``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "corpus"))
from build import parse  # noqa: E402

if __name__ == "__main__":
    scope: dict[str, object] = {}
    exec((HERE / "cases_fixtype.py").read_text(encoding="utf-8"), scope)  # noqa: S102 - our own data file
    for i, (language, title, body) in enumerate(scope["CASES"]):  # type: ignore[call-overload]
        ident = f"fixtype-tune-{language}-{i + 1:02d}"
        source = f"# id: {ident}\n# language: {language}\n# title: {title} (fictional)\n{body}\n"
        (HERE / "tune" / f"{ident}.txt").write_text(source, encoding="utf-8")
        doc = parse(source)
        (HERE / "tune" / f"{ident}.json").write_text(
            json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
