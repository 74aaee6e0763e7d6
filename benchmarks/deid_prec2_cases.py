"""Score a folder of own cases (``tests/privacy/<name>``, by default round eight's ``deidprec2cases``) (issue #11).

Short fictional interviews and notes crowded with words that are no identifier. ``tune/`` is open: without
``--sealed`` the script prints its figures and every false positive and miss, with the detector that made each
false positive. ``--sealed`` prints the sealed part's aggregate figures only (precision and recall overall, by
language and by type, overlap and strict), never a span.

    python benchmarks/deid_prec2_cases.py            # tune part, with every error
    python benchmarks/deid_prec2_cases.py --sealed   # sealed part, figures only
    python benchmarks/deid_prec2_cases.py --cases deidperson5cases [--sealed]   # another round's cases
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from makna.privacy.detect import detect
from makna.privacy.evaluate import EvaluationReport, evaluate_documents, load_gold

CASES_ROOT = Path(__file__).resolve().parent.parent / "tests" / "privacy"
CASES = CASES_ROOT / "deidprec2cases"


def table(report: EvaluationReport) -> str:
    """Markdown rows: overall, strict, untyped, by language, by type."""
    rows = ["| part | gold | predicted | recall | precision |", "| --- | ---: | ---: | ---: | ---: |"]

    def row(name: str, s: object) -> None:
        rows.append(f"| {name} | {s.gold} | {s.predicted} | {s.recall:.3f} | {s.precision:.3f} |")  # type: ignore[attr-defined]

    row("typed (overlap)", report.overall)
    row("typed (strict)", report.strict)
    row("untyped", report.untyped)
    for lang, sub in sorted(report.by_language.items()):
        row(f"{lang} typed", sub.overall)
        row(f"{lang} strict", sub.strict)
    for kind, s in sorted(report.per_type.items()):
        row(kind, s)
    rows.append(f"| leak rate | | | {report.leak_rate:.3f} | |")
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sealed", action="store_true", help="score the sealed part (figures only)")
    parser.add_argument("--cases", help="a folder of cases under tests/privacy (e.g. deidperson5cases)")
    args = parser.parse_args()
    cases = CASES_ROOT / args.cases if args.cases else CASES
    docs = load_gold(cases / ("sealed" if args.sealed else "tune"))
    found: dict[str, list[tuple[int, int, str, str, float]]] = {}

    def run(text: str, language: str) -> list:  # type: ignore[type-arg]
        dets = detect(text, language=language)
        found[text] = [(d.start, d.end, d.type, d.detector, d.confidence) for d in dets]
        return dets

    report = evaluate_documents(docs, run)
    print(table(report))
    if not args.sealed:
        for doc in docs:
            for s, e, kind, det, conf in found[doc.text]:
                if not any(g[0] < e and s < g[1] and g[2] == kind for g in doc.pii):
                    print(f"FP {doc.id} {kind}@{det} {conf:.2f} {doc.text[s:e]!r}")
            for s, e, kind in doc.pii:
                if not any(p[0] < e and s < p[1] and p[2] == kind for p in found[doc.text]):
                    print(f"MISS {doc.id} {kind} {doc.text[s:e]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
