"""AGE and DATE figures of branch deidage3 (#11): per folder, typed recall and precision overall and for AGE and
DATE, by the rules alone (the learned layer and the precision stage disabled, as the CV scripts' "rules" column)
and by the whole pipeline.

Default folders: the four sets of round ten that are open now (``spent13``, ``spent14``, ``seal12``, ``tune13``),
the dev corpus, and this branch's own cases (``tests/privacy/deidage3cases/tune`` and ``sealed``; of ``sealed``
only these aggregates are read). Only aggregates are printed, never a miss.

``--open`` scores every open split pooled instead (``OPEN_SPLITS``: in-sample for the learned parts, a check that
the rules add no false AGE or DATE on the annotated data).

Run: ``python benchmarks/deid_age_cases.py [--open | FOLDER ...]``
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from makna.privacy.detect import detect
from makna.privacy.evaluate import EvaluationReport, evaluate_documents, load_gold
from makna.privacy.learned import disabled
from makna.privacy.precision import stage_disabled
from makna.privacy.train import OPEN_SPLITS, load_splits
from makna.privacy.types import Detection

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "privacy" / "corpus"
CASES = ROOT / "tests" / "privacy" / "deidage3cases"
FOLDERS = [
    *(CORPUS / s for s in ("spent13", "spent14", "seal12", "tune13")),
    ROOT.parent / "shared" / "eval-corpus" / "dev",
    CASES / "tune",
    CASES / "sealed",
]


def _rules(text: str, language: str) -> Sequence[Detection]:
    with disabled(), stage_disabled():
        return detect(text, language=language)


def _whole(text: str, language: str) -> Sequence[Detection]:
    return detect(text, language=language)


def _cells(rep: EvaluationReport) -> str:
    out = [f"{rep.overall.recall:.3f}", f"{rep.overall.precision:.3f}"]
    for kind in ("AGE", "DATE"):
        sc = rep.per_type.get(kind)
        out.append("-" if sc is None or not sc.gold else f"{sc.recall:.3f} / {sc.precision:.3f} ({sc.gold})")
    return " | ".join(out)


def main(argv: Sequence[str]) -> int:
    print("| folder | pipeline | typed R | P | AGE R / P (gold) | DATE R / P (gold) |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    if list(argv) == ["--open"]:
        pooled = [doc for docs in load_splits(ROOT, OPEN_SPLITS).values() for doc in docs]
        for label, run in (("rules", _rules), ("whole", _whole)):
            print(f"| all open splits ({len(pooled)}) | {label} | {_cells(evaluate_documents(pooled, run))} |")
        return 0
    folders = [Path(a) for a in argv] or FOLDERS
    for folder in folders:
        if not folder.is_dir():
            continue
        docs = load_gold(folder)
        name = f"{folder.parent.name}/{folder.name}"
        for label, run in (("rules", _rules), ("whole", _whole)):
            print(f"| {name} | {label} | {_cells(evaluate_documents(docs, run))} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
